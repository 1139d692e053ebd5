package org.channelrisk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.channelrisk.charts.CumulativeIncidenceChart;
import org.channelrisk.charts.Figure;
import org.channelrisk.survival.AalenJohansen;
import org.channelrisk.survival.ConfidenceType;
import org.channelrisk.survival.CumulativeIncidence;
import org.channelrisk.survival.CumulativeIncidenceFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code channelrisk survival cif}: Aalen-Johansen cumulative incidence of each cause, as R's
 * multi-state {@code survfit(Surv(time, factor(status)) ~ group)}.
 */
@Command(name = "cif", mixinStandardHelpOptions = true,
    description = "Cumulative incidence of each cause (Aalen-Johansen) with infinitesimal-jackknife standard errors"
        + " and confidence limits, per group: one row per distinct time and cause.")
final class CifCommand implements Callable<Integer> {
  /** The CSV columns, in order. */
  static final List<String> COLUMNS =
      List.of("group", "time", "n_risk", "cause", "n_event", "cif", "std_err", "lower", "upper");

  @Spec CommandSpec spec;
  @Mixin CompetingInput in;
  @Mixin SurvivalCommand.Confidence conf;

  @Mixin Output.CsvOrJsonOptions output;

  @Option(names = "--chart", paramLabel = "FILE.png", description = "Also draw the stacked cumulative incidence (per group) as PNG.")
  Path chart;

  @Option(names = "--time-unit", defaultValue = "days", description = "Unit of the chart's time axis (default ${DEFAULT-VALUE}).")
  String timeUnit;

  @Override
  public Integer call() throws IOException {
    ConfidenceType type = conf.confType;
    OptionChecks.inOpenUnitInterval("--conf-level", conf.confLevel);
    Output out = output.output();
    try (OutputPlan plan = OutputPlan.of(spec)) {
      out.declare(plan);
      OutputPlan.Target png = chart == null ? null : plan.file("--chart", chart, "png", "svg");
      run(type, out, plan, png);
      plan.commit();
    }
    return Main.OK;
  }

  private void run(ConfidenceType type, Output out, OutputPlan plan, OutputPlan.Target png) throws IOException {
    CumulativeIncidenceFit fit = AalenJohansen.withConfidence(type, conf.confLevel).fit(in.read());
    boolean grouped = !fit.groups().isEmpty();
    var stdout = spec.commandLine().getOut();
    Figure figure = png == null ? null : CumulativeIncidenceChart.figure(fit, timeUnit);
    if (output.format == Output.Format.csv) {
      out.csv(stdout, COLUMNS, w -> {
        for (CumulativeIncidence c : fit.curves()) {
          String g = grouped ? c.label() : "";
          for (int i = 0; i < c.size(); i++) {
            for (int k = 0; k < c.causes().size(); k++) {
              w.row().text(g).number(c.time(i)).number(c.nRisk(i)).text(c.causes().get(k)).number(c.nEvent(k, i))
                  .number(c.cif(k, i)).number(c.stdErr(k, i)).number(c.lower(k, i)).number(c.upper(k, i)).end();
            }
          }
        }
      });
    } else {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (CumulativeIncidence c : fit.curves()) {
        for (int i = 0; i < c.size(); i++) {
          for (int k = 0; k < c.causes().size(); k++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", grouped ? c.label() : "");
            m.put("time", c.time(i));
            m.put("n_risk", c.nRisk(i));
            m.put("cause", c.causes().get(k));
            m.put("n_event", c.nEvent(k, i));
            m.put("cif", c.cif(k, i));
            m.put("std_err", Output.num(c.stdErr(k, i)));
            m.put("lower", Output.num(c.lower(k, i)));
            m.put("upper", Output.num(c.upper(k, i)));
            rows.add(m);
          }
        }
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("method", "Aalen-Johansen, infinitesimal-jackknife standard errors");
      doc.put("conf_type", fit.confType().rName());
      doc.put("conf_level", fit.confLevel());
      doc.put("causes", fit.causes());
      doc.put("rows", rows);
      out.json(stdout, doc);
    }
    if (figure != null) {
      figure.save(plan.staging(png));
    }
  }
}
