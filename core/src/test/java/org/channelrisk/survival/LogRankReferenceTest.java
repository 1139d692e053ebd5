package org.channelrisk.survival;

import static org.channelrisk.survival.ReferenceData.close;

import java.util.List;
import org.channelrisk.io.CsvTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** R survival's survdiff, rho = 0 and 1, to 1e-9 relative. */
class LogRankReferenceTest {
  static List<String> datasets() {
    return ReferenceData.DATASETS;
  }

  @ParameterizedTest
  @MethodSource("datasets")
  void statisticsAndGroupCounts(String ds) {
    SurvivalData data = ReferenceData.data(ds);
    CsvTable t = ReferenceData.table(ds, "logrank.csv");
    for (int r = 0; r < t.size(); r++) {
      LogRankTest.Result res = LogRankTest.test(data, t.number(r, "rho"));
      String at = ds + "/logrank.csv line " + t.line(r);
      close(at + " chisq", t.cell(r, "chisq"), res.chiSquare(), 1e-9);
      close(at + " df", t.cell(r, "df"), res.df(), 0);
      close(at + " p", t.cell(r, "p"), res.pValue(), 1e-9);
    }
    CsvTable g = ReferenceData.table(ds, "logrank_groups.csv");
    for (int r = 0; r < g.size(); r++) {
      LogRankTest.Result res = LogRankTest.test(data, g.number(r, "rho"));
      String label = g.cell(r, "group");
      LogRankTest.GroupCounts c = res.groups().stream().filter(x -> x.group().equals(label)).findFirst().orElseThrow();
      String at = ds + "/logrank_groups.csv line " + g.line(r);
      close(at + " n", g.cell(r, "n"), c.n(), 0);
      close(at + " observed", g.cell(r, "observed"), c.observed(), 1e-9);
      close(at + " expected", g.cell(r, "expected"), c.expected(), 1e-9);
      close(at + " var.diag", g.cell(r, "var.diag"), c.variance(), 1e-9);
    }
  }
}
