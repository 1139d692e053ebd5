package org.channelrisk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.channelrisk.charts.Charts;
import org.channelrisk.fit.FitResult;
import org.channelrisk.io.CsvTable;
import org.channelrisk.io.InvalidInputException;
import org.channelrisk.recovery.Metric;
import org.channelrisk.recovery.RecoveryAnalysis;
import org.channelrisk.recovery.RecoveryModel;
import org.channelrisk.recovery.RecoveryResult;
import org.channelrisk.recovery.Weighting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code channelrisk fit}: recovery curve and metrics of a series in a CSV file. */
@Command(name = "fit", mixinStandardHelpOptions = true,
    description = "Fit recovery curves to a series after a takedown and report depth, recovery ratio, T50, T90,"
        + " half-life and loss area with intervals.")
final class FitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CsvInput input;

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
  ModelOption model;

  /** {@code --model}: one {@link RecoveryModel}, or auto: every one, chosen by AICc. */
  enum ModelOption {
    exponential(RecoveryModel.EXPONENTIAL),
    logistic(RecoveryModel.LOGISTIC),
    gompertz(RecoveryModel.GOMPERTZ),
    constant(RecoveryModel.CONSTANT),
    linear(RecoveryModel.LINEAR),
    auto(RecoveryAnalysis.DEFAULT_MODELS.toArray(RecoveryModel[]::new));

    /** The models fitted. */
    private final RecoveryModel[] tried;

    ModelOption(RecoveryModel... tried) {
      this.tried = tried;
    }
  }

  /** {@code --weights}. */
  enum WeightsOption {
    none,
    poisson
  }

  /** {@code --bootstrap-type}: the names of {@link RecoveryAnalysis.Bootstrap} in lower case. */
  static final class BootstrapTypes extends EnumValues<RecoveryAnalysis.Bootstrap> {
    BootstrapTypes() {
      super(RecoveryAnalysis.Bootstrap.values());
    }
  }

  @Option(names = "--weights", defaultValue = "none", description = "none or poisson (default ${DEFAULT-VALUE}).")
  WeightsOption weights;

  @Option(names = "--horizon", paramLabel = "H", description = "Loss-area horizon in days after t0 (default: the last point).")
  Double horizon;

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "0",
      description = "Bootstrap replicates: 0 (default: delta method) or at least 40 (a 95%% percentile interval needs one in each tail).")
  int bootstrap;

  @Option(names = "--bootstrap-type", defaultValue = "residual", converter = BootstrapTypes.class,
      completionCandidates = BootstrapTypes.class, description = "residual or parametric (default ${DEFAULT-VALUE}).")
  RecoveryAnalysis.Bootstrap bootstrapType;

  @Option(names = "--seed", defaultValue = "1", description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", defaultValue = "1", description = "Bootstrap threads; the result does not depend on it.")
  int threads;

  @Mixin Output.TextOrJsonOptions output;

  @Option(names = "--chart", paramLabel = "FILE.png|svg", description = "Also draw the data, fitted curve, band, T50 and T90.")
  Path chart;

  /**
   * Largest magnitude of a value: squares of residuals and sums over a series must stay finite in
   * double arithmetic (1e300 squared is infinite), so larger values are refused, not fitted into an
   * invented number.
   */
  static final double MAX_VALUE = 1e100;

  @Override
  public Integer call() throws IOException {
    OptionChecks.atLeast("--bootstrap", bootstrap, 0, "0: delta-method intervals");
    int fewest = RecoveryAnalysis.minimumBootstrapReplicates(RecoveryAnalysis.DEFAULT_CONF_LEVEL);
    if (bootstrap > 0 && bootstrap < fewest) {
      throw new IllegalArgumentException("--bootstrap must be 0 or at least " + fewest
          + " (a 95% percentile interval needs a replicate in each 2.5% tail): " + bootstrap);
    }
    WorkerThreads.check(threads);
    if (horizon != null && !(horizon > 0 && Double.isFinite(horizon))) {
      throw new IllegalArgumentException("--horizon must be finite and > 0: " + horizon);
    }
    if (takedown != null && !Double.isFinite(takedown)) {
      throw new IllegalArgumentException("--takedown must be finite: " + takedown);
    }
    if (sd != null && weights == WeightsOption.poisson) {
      // one weighting per fit: --sd would silently win over the Poisson weights asked for
      throw new IllegalArgumentException("--weights poisson and --sd contradict each other: --sd weights by 1/sd^2;"
          + " give one of them");
    }
    try (OutputPlan plan = OutputPlan.of(spec)) {
      Output out = output.output();
      out.declare(plan);
      OutputPlan.Target chartTarget = chart == null ? null : plan.file("--chart", chart, "png", "svg");
      int code = run(out, plan, chartTarget);
      plan.commit();
      return code;
    }
  }

  private int run(Output out, OutputPlan plan, OutputPlan.Target chartTarget) throws IOException {
    CsvTable table = input.readRows("fit");
    // an empty value (or sd) cell is a missing point (README, "Data formats"): the row is left out
    double[] tAll = table.doubles(time);
    for (int r = 1; r < tAll.length; r++) {
      if (!(tAll[r] > tAll[r - 1])) {
        throw table.error(r, time, "times must strictly increase: " + table.cell(r, time) + " follows " + table.cell(r - 1, time));
      }
    }
    double[] yAll = table.doublesOrMissing(value);
    double[] sAll = sd == null ? null : table.doublesOrMissing(sd);
    int n = 0;
    int[] rows = new int[tAll.length];
    for (int r = 0; r < tAll.length; r++) {
      if (Double.isNaN(yAll[r]) || (sAll != null && Double.isNaN(sAll[r]))) {
        continue;
      }
      if (Math.abs(yAll[r]) > MAX_VALUE) {
        throw table.error(r, value, "value too large for a least-squares fit (|value| must be at most 1e100): '"
            + table.cell(r, value) + "'");
      }
      if (sAll != null && !(sAll[r] >= 0 && sAll[r] <= MAX_VALUE)) {
        throw table.error(r, sd, "expected a standard deviation >= 0 and at most 1e100, found '" + table.cell(r, sd) + "'");
      }
      if (weights == WeightsOption.poisson && sAll == null && yAll[r] < 0) {
        throw table.error(r, value, "Poisson weights need counts >= 0, found '" + table.cell(r, value) + "'");
      }
      rows[n++] = r;
    }
    if (n == 0) {
      throw new InvalidInputException(table.source(), "column '" + value + "' has no values (empty cells are missing)");
    }
    double[] t = new double[n];
    double[] y = new double[n];
    double[] s = sAll == null ? null : new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = tAll[rows[i]];
      y[i] = yAll[rows[i]];
      if (s != null) {
        s[i] = sAll[rows[i]];
      }
    }
    RecoveryAnalysis.Builder b = RecoveryAnalysis.builder().threads(threads);
    if (takedown != null) {
      b.takedown(takedown);
    }
    if (fromTrough) {
      b.fromTrough();
    }
    b.models(model.tried);
    if (horizon != null) {
      b.horizon(horizon);
    }
    if (bootstrap > 0) {
      b.bootstrap(bootstrap, bootstrapType, seed);
    }
    RecoveryResult r;
    if (s != null) {
      r = b.weighting(Weighting.STANDARD_DEVIATION).build().analyse(t, y, s);
    } else {
      if (weights == WeightsOption.poisson) {
        b.weighting(Weighting.POISSON);
      }
      r = b.build().analyse(t, y);
    }
    out.write(spec.commandLine().getOut(), r::toString, () -> json(r, model == ModelOption.auto));
    if (chartTarget != null) {
      Charts.recovery(r, t, y, value).save(plan.staging(chartTarget));
    }
    return r.fit().converged() ? Main.OK : Main.NOT_CONVERGED;
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
      params.put(f.names().get(i), Output.estimate(f.estimate(i), f.stdError(i), f.lower()[i], f.upper()[i]));
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
      metrics.put(m.key(), Output.estimate(r.metric(m), FitCommand::metricValue));
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
