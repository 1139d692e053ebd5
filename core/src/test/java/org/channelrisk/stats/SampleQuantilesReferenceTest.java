package org.channelrisk.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.channelrisk.io.CsvTable;
import org.junit.jupiter.api.Test;

/**
 * {@link SampleQuantiles} against R's {@code quantile(x, p, type = 7)}: 195 quantiles of 13 samples
 * (ties, one value, a range of 600 orders of magnitude, infinities at either end), printed by R with 17
 * significant digits by {@code reference/quantiles/make-quantiles.R}. Equal to the last bit.
 */
class SampleQuantilesReferenceTest {
  @Test
  void equalToRToTheLastBit() {
    CsvTable t = CsvTable.read(Path.of("src/test/resources/reference/quantiles/quantiles.csv"));
    assertThat(t.size()).isEqualTo(195);
    for (int r = 0; r < t.size(); r++) {
      double[] x = Arrays.stream(t.cell(r, "values").split(";")).mapToDouble(SampleQuantilesReferenceTest::parseR).toArray();
      double p = t.number(r, "p");
      double expected = parseR(t.cell(r, "q"));
      assertThat(SampleQuantiles.of(x, p)).as("case %s, p %s: quantile(c(%s), %s)", t.cell(r, "case"), p,
          t.cell(r, "values"), p).isEqualTo(expected);
    }
  }

  /** R prints infinities as Inf and -Inf. */
  private static double parseR(String s) {
    return Double.parseDouble(s.replace("Inf", "Infinity"));
  }
}
