package org.channelrisk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.channelrisk.charts.Charts;
import org.channelrisk.stats.Estimate;
import org.channelrisk.fit.FitResult;
import org.channelrisk.io.CsvTable;
import org.channelrisk.recovery.Metric;
import org.channelrisk.recovery.RecoveryAnalysis;
import org.channelrisk.recovery.RecoveryModel;
import org.channelrisk.recovery.RecoveryResult;
import org.channelrisk.recovery.Weighting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code channelrisk fit}: recovery curve and metrics of a series in a CSV file. */
@Command(name = "fit", mixinStandardHelpOptions = true,
    description = "Fit recovery curves to a series after a takedown and report depth, recovery ratio, T50, T90,"
        + " half-life and loss area with intervals.")
final class FitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV file with a header line.")
  Path input;

  @Option(names = "--time", required = true, paramLabel = "COL", description = "Column of times (days), strictly increasing.")
  String time;

  @Option(names = "--value", required = true, paramLabel = "COL", description = "Column of values.")
  String value;

  @Option(names = "--sd", paramLabel = "COL", description = "Column of standard deviations (an ensemble): weights 1/sd^2.")
  String sd;

  @Option(names = "--takedown", paramLabel = "T", description = "Takedown time (default: the largest drop).")
  Double takedown;

  @Option(names = "--from-trough", description = "Fit from the lowest point after the takedown (the baseline stays before"
      + " the takedown): for effects that build up over days.")
  boolean fromTrough;

  @Option(names = "--model", defaultValue = "auto",
      description = "exponential, logistic, gompertz, constant, linear or auto (AICc; default ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--weights", defaultValue = "none", description = "none or poisson (default ${DEFAULT-VALUE}).")
  String weights;

  @Option(names = "--horizon", paramLabel = "H", description = "Loss-area horizon in days after t0 (default: the last point).")
  Double horizon;

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "0", description = "Bootstrap replicates (default: delta method).")
  int bootstrap;

  @Option(names = "--bootstrap-type", defaultValue = "residual", description = "residual or parametric (default ${DEFAULT-VALUE}).")
  String bootstrapType;

  @Option(names = "--seed", defaultValue = "1", description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", defaultValue = "1", description = "Bootstrap threads; the result does not depend on it.")
  int threads;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead of standard output.")
  Path output;

  @Option(names = "--chart", paramLabel = "FILE.png|svg", description = "Also draw the data, fitted curve, band, T50 and T90.")
  Path chart;

  @Override
  public Integer call() throws IOException {
    Output out = new Output();
    out.output = output;
    out.format = switch (format.toLowerCase(Locale.ROOT)) {
      case "text" -> Output.Format.text;
      case "json" -> Output.Format.json;
      default -> throw new IllegalArgumentException("--format must be text or json: '" + format + "'");
    };
    CsvTable table = CsvTable.read(input);
    double[] t = table.doubles(time);
    for (int r = 1; r < t.length; r++) {
      if (!(t[r] > t[r - 1])) {
        throw table.error(r, time, "times must strictly increase: " + table.cell(r, time) + " follows " + table.cell(r - 1, time));
      }
    }
    double[] y = table.doubles(value);
    RecoveryAnalysis.Builder b = RecoveryAnalysis.builder().threads(threads);
    if (takedown != null) {
      b.takedown(takedown);
    }
    if (fromTrough) {
      b.fromTrough();
    }
    if (!model.equalsIgnoreCase("auto")) {
      b.models(RecoveryModel.parse(model));
    }
    if (horizon != null) {
      b.horizon(horizon);
    }
    if (bootstrap > 0) {
      b.bootstrap(bootstrap, switch (bootstrapType.toLowerCase(Locale.ROOT)) {
        case "residual" -> RecoveryAnalysis.Bootstrap.RESIDUAL;
        case "parametric" -> RecoveryAnalysis.Bootstrap.PARAMETRIC;
        default -> throw new IllegalArgumentException("--bootstrap-type must be residual or parametric: '" + bootstrapType + "'");
      }, seed);
    }
    RecoveryResult r;
    if (sd != null) {
      double[] s = table.nonNegativeDoubles(sd);
      r = b.weighting(Weighting.STANDARD_DEVIATION).build().analyse(t, y, s);
    } else {
      if (weights.equalsIgnoreCase("poisson")) {
        for (int i = 0; i < y.length; i++) {
          if (y[i] < 0) {
            throw table.error(i, value, "Poisson weights need counts >= 0, found '" + table.cell(i, value) + "'");
          }
        }
        b.weighting(Weighting.POISSON);
      } else if (!weights.equalsIgnoreCase("none")) {
        throw new IllegalArgumentException("--weights must be none or poisson: '" + weights + "'");
      }
      r = b.build().analyse(t, y);
    }
    if (out.format == Output.Format.json) {
      out.json(spec.commandLine().getOut(), json(r, model.equalsIgnoreCase("auto")));
    } else {
      out.text(spec.commandLine().getOut(), r.toString());
    }
    if (chart != null) {
      Charts.recovery(r, t, y, value).save(chart);
    }
    return r.fit().converged() ? Main.OK : Main.FAILURE;
  }

  static Map<String, Object> json(RecoveryResult r, boolean auto) {
    Map<String, Object> doc = new LinkedHashMap<>();
    FitResult f = r.fit();
    doc.put("model", r.model().id());
    doc.put("converged", f.converged());
    doc.put("message", f.message());
    doc.put("t0", r.t0());
    doc.put("t0_estimated", r.t0Estimated());
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < f.parameters(); i++) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("estimate", Output.num(f.estimate(i)));
      p.put("std_error", Output.num(f.stdError(i)));
      p.put("lower", Output.num(f.lower()[i]));
      p.put("upper", Output.num(f.upper()[i]));
      params.put(f.names().get(i), p);
    }
    doc.put("parameters", params);
    doc.put("rss", Output.num(f.rss()));
    doc.put("sigma", Output.num(f.sigma()));
    doc.put("aic", Output.num(f.aic()));
    doc.put("aicc", Output.num(f.aicc()));
    doc.put("bic", Output.num(f.bic()));
    doc.put("baseline_rule", r.baselineRule());
    doc.put("interval_method", r.intervalMethod());
    doc.put("horizon", r.horizon());
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (Metric m : Metric.values()) {
      Estimate e = r.metric(m);
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("estimate", metricValue(e.value()));
      v.put("lower", metricValue(e.lower()));
      v.put("upper", metricValue(e.upper()));
      metrics.put(m.key(), v);
    }
    doc.put("metrics", metrics);
    if (auto) {
      doc.put("candidates", r.candidates().stream().map(c -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", c.model().id());
        m.put("aicc", Output.num(c.aicc()));
        m.put("weight", c.weight());
        m.put("converged", c.fit().converged());
        return m;
      }).toList());
    }
    return doc;
  }

  /** "never" for +infinity (a time that is never reached), null for not available. */
  static Object metricValue(double v) {
    if (v == Double.POSITIVE_INFINITY) {
      return "never";
    }
    return Output.num(v);
  }
}
