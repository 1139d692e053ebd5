package org.channelrisk.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.channelrisk.io.InvalidInputException;
import org.channelrisk.survival.CompetingRisksData;
import org.channelrisk.survival.GrayTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code channelrisk survival gray}: Gray's test per cause, as {@code cmprsk::cuminc(...)$Tests}. */
@Command(name = "gray", mixinStandardHelpOptions = true,
    description = "Gray's test per cause: do the groups' cumulative incidences of that cause differ?")
final class GrayCommand extends PlannedCommand {
  @Mixin CompetingInput in;

  @Mixin GroupComparison comparison;

  @Override
  int run() throws IOException {
    comparison.requireGroups("survival gray", in.group);
    if (in.entry != null) {
      throw new IllegalArgumentException("survival gray does not support --entry: Gray's test has no left truncation");
    }
    double rho = comparison.rho;
    if (!Double.isFinite(rho)) {
      throw new IllegalArgumentException("--rho must be finite: " + rho);
    }
    CompetingRisksData d = in.read();
    if (d.groupLevels().size() < 2) {
      throw new InvalidInputException(in.table.source(), 1, in.group,
          "Gray's test needs at least two groups; the column has only " + d.groupLevels());
    }
    GrayTest test = GrayTest.withRho(rho);
    if (comparison.strata != null) {
      test = test.withStrata(in.table.strings(comparison.strata));
    }
    GrayTest.Result r = test.test(d);
    out.write(spec.commandLine().getOut(), r::toString, () -> json(rho, r), List.of("cause", "statistic", "df", "p_value"), w -> {
      for (GrayTest.CauseTest t : r.tests()) {
        w.row().text(t.cause()).number(t.statistic()).number(t.df()).number(t.pValue()).end();
      }
    });
    return Main.OK;
  }

  private static Map<String, Object> json(double rho, GrayTest.Result r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("rho", rho);
    doc.put("groups", r.groups());
    Map<String, Object> causes = new LinkedHashMap<>();
    for (GrayTest.CauseTest t : r.tests()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("statistic", Output.num(t.statistic()));
      m.put("df", t.df());
      m.put("p_value", Output.num(t.pValue()));
      causes.put(t.cause(), m);
    }
    doc.put("causes", causes);
    return doc;
  }
}
