package org.channelrisk.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.channelrisk.charts.ImpactChart;
import org.channelrisk.impact.Coefficient;
import org.channelrisk.impact.ImpactAnalysis;
import org.channelrisk.impact.ImpactModel;
import org.channelrisk.impact.ImpactResult;
import org.channelrisk.impact.Trend;
import org.channelrisk.io.CsvOutput;
import org.channelrisk.io.CsvTable;
import org.channelrisk.io.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code channelrisk impact}: the effect of an intervention on a series, against a counterfactual. */
@Command(name = "impact", mixinStandardHelpOptions = true,
    description = {"Effect of an intervention at time T on a series: segmented regression (ordinary or Newey-West"
        + " errors), the same with ARMA errors, quasi-Poisson counts, or a structural local level / trend fitted before T"
        + " and forecast after it.",
        "For the segmented, arima and poisson models the counterfactual is the fitted model without the intervention"
        + " terms (D = 0) and its band comes from the coefficients' covariance; for the structural model it is the"
        + " forecast with its prediction interval. The effect is observed minus counterfactual.",
        "--format goes to standard output; --output is the effects CSV: time, observed, counterfactual(_lower,_upper),"
        + " effect(_lower,_upper), cumulative_effect, cumulative_lower, cumulative_upper (empty = not available)."})
final class ImpactCommand implements Callable<Integer> {
  static final List<String> CSV_HEADER = List.of("time", "observed", "counterfactual", "counterfactual_lower",
      "counterfactual_upper", "effect", "effect_lower", "effect_upper", "cumulative_effect", "cumulative_lower",
      "cumulative_upper");

  /** {@code --model}: the names of {@link ImpactModel}, as the command line writes them ({@link ImpactModel#id}). */
  static final class Models extends EnumValues<ImpactModel> {
    Models() {
      super(ImpactModel.values());
    }
  }

  /** {@code --trend} of the structural model: the names of {@link Trend} ({@link Trend#id}). */
  static final class Trends extends EnumValues<Trend> {
    Trends() {
      super(Trend.values());
    }
  }

  /** {@code --missing}: what an empty cell is. */
  enum Missing {
    error,
    skip
  }

  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV file with a header line (the CSV of"
      + " `simulate` works unchanged).")
  Path input;

  @Option(names = "--time", required = true, paramLabel = "COL", description = "Column of times, strictly increasing; t is"
      + " the value, so the intercept is the level at t = 0.")
  String time;

  @Option(names = "--value", required = true, paramLabel = "COL", description = "Column of the series.")
  String value;

  @Option(names = "--intervention", required = true, paramLabel = "T", description = "Intervention time: D = 1 for t >= T.")
  double intervention;

  @Option(names = "--model", defaultValue = "segmented", paramLabel = "M", converter = Models.class,
      completionCandidates = Models.class, description = "segmented, arima, poisson or structural (default ${DEFAULT-VALUE}).")
  ImpactModel model;

  @Option(names = "--hac-lag", paramLabel = "L|auto", description = "segmented: Newey-West standard errors with lag L"
      + " (Bartlett weights, no prewhitening, no adjustment, as R sandwich::NeweyWest); auto = floor(4 (n/100)^(2/9)).")
  String hacLag;

  @Option(names = "--ar", paramLabel = "P", description = "arima: AR order (default 1).")
  Integer ar;

  @Option(names = "--ma", paramLabel = "Q", description = "arima: MA order (default 0).")
  Integer ma;

  @Option(names = "--trend", paramLabel = "level|linear", converter = Trends.class, completionCandidates = Trends.class,
      description = "structural: local level or local linear trend (default level).")
  Trend trend;

  @Option(names = "--offset", paramLabel = "COL", description = "poisson: column of exposures (> 0); the model uses"
      + " offset(log(exposure)).")
  String offset;

  @Option(names = "--control", paramLabel = "COL", description = "A control series as a regressor (repeatable).")
  List<String> controls = new ArrayList<>();

  @Option(names = "--period", paramLabel = "P", description = "Seasonal period in units of t, with --harmonics.")
  Double period;

  @Option(names = "--harmonics", paramLabel = "K", description = "Fourier terms sin1, cos1, ..., sinK, cosK of"
      + " 2 pi k t / P.")
  Integer harmonics;

  @Option(names = "--level", defaultValue = "0.95", description = "Confidence level (default ${DEFAULT-VALUE}).")
  double level;

  @Option(names = "--missing", defaultValue = "error", paramLabel = "error|skip", description = "An empty cell is an error"
      + " (default) or, with skip, a row left out (segmented, poisson) or a gap in the filter (arima, structural).")
  Missing missing;

  @Option(names = "--format", defaultValue = "text", description = "text or json, to standard output (default ${DEFAULT-VALUE}).")
  Output.TextOrJson format;

  @Option(names = "--output", paramLabel = "FILE.csv", description = "Write the effects per time to this CSV file.")
  Path output;

  @Option(names = "--chart", paramLabel = "FILE.png|svg", description = "Also draw observed vs counterfactual, the"
      + " pointwise effect and the cumulative effect.")
  Path chart;

  @Override
  public Integer call() throws IOException {
    // options first, then the file, then the work; files are written only when everything succeeded
    boolean json = format == Output.TextOrJson.json;
    boolean skip = missing == Missing.skip;
    onlyWith(hacLag != null, model == ImpactModel.SEGMENTED, "--hac-lag", "segmented");
    onlyWith(ar != null || ma != null, model == ImpactModel.ARIMA, "--ar and --ma", "arima");
    onlyWith(trend != null, model == ImpactModel.STRUCTURAL, "--trend", "structural");
    onlyWith(offset != null, model == ImpactModel.POISSON, "--offset", "poisson");
    if ((period == null) != (harmonics == null)) {
      throw new IllegalArgumentException("--period and --harmonics go together");
    }
    ImpactAnalysis.Builder b = ImpactAnalysis.builder().intervention(intervention).level(level);
    if (!Double.isFinite(intervention)) {
      throw new IllegalArgumentException("--intervention must be a finite number: " + intervention);
    }
    switch (model) {
      case SEGMENTED -> {
        if (hacLag == null) {
          b.segmented();
        } else if (hacLag.equalsIgnoreCase("auto")) {
          b.neweyWestAuto();
        } else {
          int lag;
          try {
            lag = Integer.parseInt(hacLag.strip());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--hac-lag must be an integer >= 0 or auto: '" + hacLag + "'");
          }
          if (lag < 0) {
            throw new IllegalArgumentException("--hac-lag must be an integer >= 0 or auto: '" + hacLag + "'");
          }
          b.neweyWest(lag);
        }
      }
      case ARIMA -> {
        int p = ar == null ? 1 : ar;
        int q = ma == null ? 0 : ma;
        if (p < 0 || p > 10 || q < 0 || q > 10) {
          throw new IllegalArgumentException("--ar and --ma must be in [0, 10]: " + p + ", " + q);
        }
        b.arima(p, q);
      }
      case POISSON -> b.poisson();
      case STRUCTURAL -> b.structural(trend == null ? Trend.LEVEL : trend);
      default -> throw new IllegalStateException(model.toString());
    }
    if (harmonics != null) {
      if (!(period > 0) || !Double.isFinite(period)) {
        throw new IllegalArgumentException("--period must be a positive number: " + period);
      }
      if (harmonics < 1 || 2 * harmonics > period) {
        throw new IllegalArgumentException("--harmonics must be in [1, P/2]: " + harmonics + " for period " + period);
      }
      b.harmonics(period, harmonics);
    }
    for (String c : controls) {
      if (c.equals(value) || c.equals(time)) {
        throw new IllegalArgumentException("--control " + c + " is the --time or --value column");
      }
    }
    if (controls.stream().distinct().count() != controls.size()) {
      throw new IllegalArgumentException("--control: a column is given twice: " + controls);
    }

    try (OutputPlan plan = OutputPlan.of(spec)) {
      // every output is checked before the file is read, and written only when the analysis succeeded
      OutputPlan.Target csvTarget = output == null ? null : plan.file("--output", output, "csv");
      OutputPlan.Target chartTarget = chart == null ? null : plan.file("--chart", chart, "png", "svg");
      int code = analyse(b, model, skip, json, plan, csvTarget, chartTarget);
      plan.commit();
      return code;
    }
  }

  private int analyse(ImpactAnalysis.Builder b, ImpactModel m, boolean skip, boolean json, OutputPlan plan,
      OutputPlan.Target csvTarget, OutputPlan.Target chartTarget) throws IOException {
    CsvTable table = CsvTable.read(input);
    double[] t = table.doubles(time);
    for (int r = 1; r < t.length; r++) {
      if (!(t[r] > t[r - 1])) {
        throw table.error(r, time, "times must strictly increase: " + table.cell(r, time) + " follows " + table.cell(r - 1, time));
      }
    }
    double[] y = column(table, value, skip);
    Map<String, double[]> ctrl = new LinkedHashMap<>();
    for (String c : controls) {
      ctrl.put(c, column(table, c, skip));
    }
    double[] exposure = offset == null ? null : column(table, offset, skip);
    if (m == ImpactModel.POISSON) {
      for (int r = 0; r < y.length; r++) {
        if (y[r] < 0) {
          throw table.error(r, value, "the poisson model needs counts >= 0, found '" + table.cell(r, value) + "'");
        }
        if (exposure != null && !(exposure[r] > 0) && !Double.isNaN(exposure[r])) {
          throw table.error(r, offset, "an exposure must be > 0, found '" + table.cell(r, offset) + "'");
        }
      }
    }
    checkSides(table, t, y, ctrl, exposure);
    ctrl.forEach(b::control);
    if (exposure != null) {
      b.exposure(exposure);
    }
    if (skip) {
      b.skipMissing();
    }
    ImpactResult r;
    try {
      r = b.build().analyse(t, y);
    } catch (IllegalArgumentException e) {
      // what the data cannot support (a control collinear with the trend, too short a pre-period for the
      // structural model's diffuse start) is a problem of this file
      throw new InvalidInputException(table.source(), e.getMessage());
    }

    String stdout = json ? Output.jsonText(json(r)) : r.toString();
    if (csvTarget != null) {
      String csv = csv(r);
      plan.write(csvTarget, w -> w.write(csv));
    }
    if (chartTarget != null) {
      ImpactChart.figure(r, value).save(plan.staging(chartTarget));
    }
    plan.print(spec.commandLine().getOut(), stdout);
    if (!r.converged()) {
      // the estimates are reported with their status; the exit code tells scripts (README, exit codes)
      spec.commandLine().getErr().println("channelrisk: impact: the estimation did not converge: " + r.message());
      spec.commandLine().getErr().flush();
      return Main.NOT_CONVERGED;
    }
    return Main.OK;
  }

  private static void onlyWith(boolean given, boolean allowed, String option, String model) {
    if (given && !allowed) {
      throw new IllegalArgumentException(option + " applies only to --model " + model);
    }
  }

  /** A column of finite numbers; an empty cell is NaN with --missing skip and an error otherwise. */
  static double[] column(CsvTable table, String name, boolean skip) {
    table.columnIndex(name);
    double[] out = new double[table.size()];
    for (int r = 0; r < out.length; r++) {
      if (table.cell(r, name).isBlank()) {
        if (!skip) {
          throw table.error(r, name, "missing value (use --missing skip to leave the row out)");
        }
        out[r] = Double.NaN;
      } else {
        out[r] = table.number(r, name);
      }
    }
    return out;
  }

  /** At least 3 complete rows on each side of T, said with the file and the rows found. */
  private void checkSides(CsvTable table, double[] t, double[] y, Map<String, double[]> ctrl, double[] exposure) {
    int before = 0;
    int after = 0;
    int firstAfter = -1;
    for (int r = 0; r < t.length; r++) {
      boolean ok = !Double.isNaN(y[r]) && (exposure == null || !Double.isNaN(exposure[r]));
      for (double[] c : ctrl.values()) {
        ok &= !Double.isNaN(c[r]);
      }
      if (t[r] >= intervention && firstAfter < 0) {
        firstAfter = r;
      }
      if (ok) {
        if (t[r] >= intervention) {
          after++;
        } else {
          before++;
        }
      }
    }
    if (before < ImpactAnalysis.MIN_SIDE || after < ImpactAnalysis.MIN_SIDE) {
      String where = firstAfter < 0 ? "no row has " + time + " >= " + fmt(intervention)
          : "the first row with " + time + " >= " + fmt(intervention) + " is line " + table.line(firstAfter);
      throw new InvalidInputException(table.source(), firstAfter < 0 ? 0 : table.line(firstAfter), time, "need at least " + ImpactAnalysis.MIN_SIDE
          + " observations before and from the intervention T = " + fmt(intervention) + ": found " + before + " before and "
          + after + " from it (" + where + ")");
    }
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }

  static Map<String, Object> json(ImpactResult r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("model", r.model().id());
    doc.put("variant", r.variant());
    doc.put("n_pre", r.nPre());
    doc.put("n_post", r.nPost());
    doc.put("intervention", r.intervention());
    Map<String, Object> coefs = new LinkedHashMap<>();
    for (Coefficient c : r.coefficients()) {
      coefs.put(c.name(), Output.estimate(c.estimate(), c.stdError(), c.lower(), c.upper()));
    }
    doc.put("coefficients", coefs);
    if (r.model() == ImpactModel.POISSON) {
      doc.put("dispersion", Output.num(r.dispersion()));
    } else {
      doc.put("sigma2", Output.num(r.sigma2()));
    }
    doc.put("loglik", Output.num(r.loglik()));
    doc.put("aic", Output.num(r.aic()));
    doc.put("average_effect", Output.estimate(r.averageEffect(), Output::num));
    doc.put("cumulative_effect", Output.estimate(r.cumulativeEffect(), Output::num));
    doc.put("relative_effect", Output.estimate(r.relativeEffect(), Output::num));
    doc.put("level", r.level());
    doc.put("interval_method", r.intervalMethod());
    doc.put("converged", r.converged());
    doc.put("message", r.message());
    return doc;
  }

  static String csv(ImpactResult r) throws IOException {
    double[] t = r.times();
    double[][] cols = {r.observed(), r.counterfactual(), r.counterfactualLower(), r.counterfactualUpper(), r.effect(),
        r.effectLower(), r.effectUpper(), r.cumulative(), r.cumulativeLower(), r.cumulativeUpper()};
    StringWriter w = new StringWriter();
    CsvOutput.write(w, CSV_HEADER, out -> {
      for (int i = 0; i < t.length; i++) {
        out.row().number(t[i]);
        for (double[] c : cols) {
          out.number(Double.isFinite(c[i]) ? c[i] : Double.NaN);
        }
        out.end();
      }
    });
    return w.toString();
  }
}
