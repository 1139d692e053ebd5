package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.channelrisk.io.CsvTable;

/** Reads the R survival reference tables copied into the test resources (see their README). */
final class ReferenceData {
  static final List<String> DATASETS = List.of("aml", "kidney", "lung", "ovarian", "veteran");
  static final Map<String, Double> TAU = Map.of("lung", 365.0, "veteran", 180.0, "ovarian", 730.0, "aml", 48.0, "kidney", 300.0);

  private ReferenceData() {}

  static CsvTable table(String dataset, String file) {
    String path = "/reference/survival/" + dataset + "/" + file;
    try (Reader r = new InputStreamReader(ReferenceData.class.getResourceAsStream(path), StandardCharsets.UTF_8)) {
      return CsvTable.read(r, dataset + "/" + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SurvivalData data(String dataset) {
    CsvTable t = table(dataset, "data.csv");
    return SurvivalData.of(t.doubles("time"), t.statuses("status")).withGroups(t.strings("group"));
  }

  static List<Integer> rows(CsvTable t, Predicate<Integer> keep) {
    List<Integer> out = new ArrayList<>();
    for (int r = 0; r < t.size(); r++) {
      if (keep.test(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /** R's number: NA -> NaN, Inf -> +infinity. */
  static double value(String cell) {
    switch (cell) {
      case "NA":
        return Double.NaN;
      case "Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      default:
        return Double.parseDouble(cell);
    }
  }

  /** Largest relative error seen, for the report. */
  static double worst;

  static void close(String what, String expected, double actual, double relTol) {
    double e = value(expected);
    if (Double.isNaN(e)) {
      assertThat(actual).as("%s: expected NA", what).isNaN();
      return;
    }
    if (Double.isInfinite(e)) {
      assertThat(actual).as(what).isEqualTo(e);
      return;
    }
    double err = e == 0 ? Math.abs(actual) : Math.abs(actual - e) / Math.abs(e);
    worst = Math.max(worst, err);
    assertThat(err).as("%s: expected %s, got %s (relative error %s)", what, expected, actual, err).isLessThanOrEqualTo(relTol);
  }

  /**
   * Compares row i of a curve with row r of R's {@code survfit} summary: the counts exactly, the
   * survival, its standard error and the limits to relTol.
   */
  static void closeCurveRow(String at, CsvTable t, int r, SurvivalCurve c, int i, double relTol) {
    close(at + " time", t.cell(r, "time"), c.time(i), 0);
    close(at + " n.risk", t.cell(r, "n.risk"), c.nRisk(i), 0);
    close(at + " n.event", t.cell(r, "n.event"), c.nEvent(i), 0);
    close(at + " n.censor", t.cell(r, "n.censor"), c.nCensor(i), 0);
    close(at + " surv", t.cell(r, "surv"), c.survival(i), relTol);
    close(at + " std.err", t.cell(r, "std.err"), c.stdErr(i), relTol);
    close(at + " lower", t.cell(r, "lower"), c.lower(i), relTol);
    close(at + " upper", t.cell(r, "upper"), c.upper(i), relTol);
  }
}
