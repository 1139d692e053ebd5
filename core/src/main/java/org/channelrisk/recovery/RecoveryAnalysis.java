package org.channelrisk.recovery;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Setting;
import org.channelrisk.stats.Estimate;
import org.channelrisk.fit.FitResult;
import org.channelrisk.fit.NonlinearLeastSquares;

/**
 * Measures a network's recovery after a takedown: finds (or takes) the takedown time, the baseline
 * before it, fits recovery models to the points after it, selects one by AICc, and reports the
 * recovery metrics with intervals and a band for the fitted curve.
 *
 * <pre>{@code
 * RecoveryResult r = RecoveryAnalysis.builder()
 *     .takedown(30)                     // or leave it out: the largest drop
 *     .bootstrap(999, Bootstrap.RESIDUAL, 42).threads(2)
 *     .build()
 *     .analyse(days, activeChannels);
 * r.model();                 // the model with the smallest AICc
 * r.metric(Metric.T90);      // time to regain 90% of the loss, with its interval
 * }</pre>
 *
 * <p>Rules, stated: the takedown time, when not given, is the time of the point after the largest
 * drop between consecutive points. A model is fitted with more points after the takedown than it has
 * parameters; selecting among several converged models by AICc needs n &gt; k + 1 (k = p + 1, the
 * residual variance counted) for at least one of them, and is refused when none has it (a single
 * converged model is selected with weight 1). An exact fit (residual sum of squares 0) has an
 * unbounded likelihood: exact fits take all the Akaike weight, shared by their AICc penalties alone
 * (the one with the fewest parameters is selected), and their intervals have zero width, which the
 * interval method states. The baseline B0 is the median of the points before t0 (all of them, or
 * those within {@code baselineWindow}); with no such point B0 and the metrics that need it are not
 * available (NaN), never invented. With {@link Builder#fromTrough()} the fit's origin t0 moves to the
 * lowest point at or after the takedown, for effects that build up over days. Fits use the points with
 * t &gt;= t0, unweighted by default (as R's {@code nls}), or by 1 / sd^2 when standard deviations are
 * given; each three-parameter model is started from the data (b the first value after t0, a the
 * mean of the last fifth, k from the time to half-recovery) and from k three times larger and smaller,
 * keeping the best converged fit (the compact Levenberg-Marquardt of the fit package). Intervals: the delta method (normal, parameters' covariance from the
 * fit, baseline treated as known) or a bootstrap (residual or parametric, percentile intervals,
 * pre-takedown points resampled for the baseline), seeded so that the result is the same for any
 * number of threads.
 *
 * <p>Cost: a handful of Levenberg-Marquardt fits of n points and p &lt;= 3 parameters, O(n) each per
 * iteration; a bootstrap multiplies that by its size.
 *
 * <p>References: AICc and Akaike weights, Burnham and Anderson (2002), <i>Model Selection and
 * Multimodel Inference</i>, 2nd ed., sections 2.4 and 2.9; the delta method, Casella and Berger (2002),
 * <i>Statistical Inference</i>, section 5.5.4; the residual and parametric bootstraps of a regression
 * (chapter 6, the residual one Algorithm 6.3) and percentile intervals (section 5.3), Davison and
 * Hinkley (1997), <i>Bootstrap Methods and their Application</i>.
 */
public final class RecoveryAnalysis {
  /** Bootstrap schemes. */
  public enum Bootstrap {
    /** Resample the (weighted) residuals of the fit and add them to the fitted curve. */
    RESIDUAL,
    /** Add Gaussian noise with the fit's residual standard error to the fitted curve. */
    PARAMETRIC
  }

  /** The models tried by default ("auto"). */
  public static final List<RecoveryModel> DEFAULT_MODELS = List.of(RecoveryModel.values());
  /** Default confidence level. */
  public static final double DEFAULT_CONF_LEVEL = 0.95;

  /**
   * @param confLevel a confidence level in (0, 1)
   * @return the fewest bootstrap replicates a percentile interval at that level takes, 2 / (1 - level)
   *     (40 at 95%): each tail then holds at least one replicate
   */
  public static int minimumBootstrapReplicates(double confLevel) {
    return RecoveryBootstrap.minimumReplicates(org.channelrisk.stats.CriticalValues.checkLevel(confLevel));
  }

  private final double t0;
  private final List<RecoveryModel> models;
  private final Weighting weighting;
  /** Whether {@link #weighting} was chosen, not the default: standard deviations then must agree with it. */
  private final boolean weightingChosen;
  private final double horizon;
  private final double baselineWindow;
  private final int bootstrapSize;
  private final Bootstrap bootstrapType;
  private final long seed;
  private final int threads;
  private final double confLevel;
  private final boolean fromTrough;

  /** Reads the builder's settings; the defaults are applied here, once. */
  private RecoveryAnalysis(Builder b) {
    this.t0 = b.t0.orElse(Double.NaN);
    this.models = b.models.orElse(DEFAULT_MODELS);
    this.weighting = b.weighting.orElse(Weighting.NONE);
    this.weightingChosen = b.weighting.isSet();
    this.horizon = b.horizon.orElse(Double.NaN);
    this.baselineWindow = b.baselineWindow.orElse(Double.NaN);
    BootstrapPlan plan = b.bootstrap.orElse(new BootstrapPlan(0, Bootstrap.RESIDUAL, 0));
    this.bootstrapSize = plan.size();
    this.bootstrapType = plan.type();
    this.seed = plan.seed();
    this.threads = b.threads.orElse(1);
    this.confLevel = b.confLevel.orElse(DEFAULT_CONF_LEVEL);
    this.fromTrough = b.fromTrough;
    // checked here, where the size and the level are both known (they are set in either order)
    int needed = RecoveryBootstrap.minimumReplicates(confLevel);
    if (bootstrapSize > 0 && bootstrapSize < needed) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "a %s%% percentile interval needs at least %d bootstrap"
          + " replicates, so that each %s%% tail holds one: %d asked for (0 gives delta-method intervals)", pctText(confLevel), needed,
          pctText((1 - confLevel) / 2), bootstrapSize));
    }
  }

  /** @return a builder with the defaults: t0 estimated, all models, unweighted, delta-method intervals */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Analyses a series without per-point standard deviations.
   *
   * @param t times, finite and strictly increasing
   * @param y values, finite
   * @return the result
   * @throws IllegalArgumentException for bad series, a takedown time after the data, too few points
   * @throws NullPointerException naming an argument that is null
   */
  public RecoveryResult analyse(double[] t, double[] y) {
    Checks.notNull("t", t);
    Checks.notNull("y", y);
    if (weighting == Weighting.STANDARD_DEVIATION) {
      throw new IllegalArgumentException("weighting STANDARD_DEVIATION needs the standard deviations: call analyse(t, y, sd)");
    }
    return run(t, y, null, weighting);
  }

  /**
   * Analyses a series with per-point standard deviations (an ensemble mean and its standard error),
   * weighting each point by 1 / sd^2: with the weighting left unset or set to {@link
   * Weighting#STANDARD_DEVIATION}. Another weighting chosen explicitly contradicts the standard
   * deviations and is refused, rather than one of the two being ignored.
   *
   * @param t times
   * @param y values
   * @param sd standard deviations, finite and &gt;= 0
   * @return the result
   * @throws IllegalArgumentException as {@link #analyse(double[], double[])}, for a bad sd, or when the
   *     builder chose {@link Weighting#NONE} or {@link Weighting#POISSON}
   * @throws NullPointerException naming an argument that is null
   */
  public RecoveryResult analyse(double[] t, double[] y, double[] sd) {
    Checks.notNull("t", t);
    Checks.notNull("y", y);
    Checks.notNull("sd", sd);
    if (weightingChosen && weighting != Weighting.STANDARD_DEVIATION) {
      throw new IllegalArgumentException("standard deviations were given but the weighting is " + weighting
          + ": leave the weighting unset (or set STANDARD_DEVIATION) to weight by 1/sd^2, or call analyse(t, y)");
    }
    if (sd.length != t.length) {
      throw new IllegalArgumentException("sd has " + sd.length + " values for " + t.length + " times");
    }
    return run(t, y, sd.clone(), Weighting.STANDARD_DEVIATION);
  }

  /** @param how the weighting of this call: the builder's, or STANDARD_DEVIATION when sd is given */
  private RecoveryResult run(double[] t, double[] y, double[] sd, Weighting how) {
    checkSeries(t, y, how);
    boolean estimated = Double.isNaN(t0);
    double takedown = estimated ? largestDrop(t, y) : t0;
    RecoveryWindow win = RecoveryWindow.of(t, y, takedown, baselineWindow, fromTrough);
    int n = win.s().length;
    double[] s = win.s();
    double[] yy = win.y();
    double[] w = weights(how, yy, sd == null ? null : Arrays.copyOfRange(sd, win.first(), t.length));
    int minPoints = models.stream().mapToInt(RecoveryModel::parameters).min().orElse(1) + 1;
    if (n < minPoints) {
      throw new IllegalArgumentException(n + " point" + (n == 1 ? "" : "s") + " at or after the takedown (t0 = " + win.origin()
          + "): the " + models.stream().map(RecoveryModel::id).toList() + " model(s) need at least " + minPoints);
    }
    double h = Double.isNaN(horizon) ? s[n - 1] : horizon;

    List<RecoveryResult.Candidate> candidates = new ArrayList<>();
    for (RecoveryModel m : models) {
      FitResult f = n > m.parameters() ? fitModel(m, s, yy, w, null) : notFitted(m, n);
      candidates.add(new RecoveryResult.Candidate(m, f, f.converged() ? f.aicc() : Double.POSITIVE_INFINITY, 0));
    }
    List<RecoveryResult.Candidate> weighted = ModelSelection.byAicc(candidates);
    RecoveryModel model = weighted.get(0).model();
    FitResult fit = weighted.get(0).fit();

    double baseline = win.baseline();
    Map<Metric, Estimate> metrics = new EnumMap<>(Metric.class);
    double[][] band = new double[3][n];
    String method;
    if (!fit.converged()) {
      method = "not available: no model converged";
      for (Metric m : Metric.values()) {
        metrics.put(m, new Estimate(m == Metric.BASELINE ? baseline : Double.NaN, Double.NaN, Double.NaN, method));
      }
      for (double[] row : band) {
        Arrays.fill(row, Double.NaN);
      }
    } else if (bootstrapSize == 0) {
      method = String.format(Locale.ROOT, "delta method, normal, %s%%; baseline treated as known", pct(confLevel)) + exactNote(fit);
      DeltaMethod.intervals(model, fit, s, baseline, h, confLevel, method, metrics, band);
    } else {
      double[][] reps = RecoveryBootstrap.run(model, fit, s, yy, w, win.pre(), h, bootstrapType, bootstrapSize, seed, threads,
          this::fitModel);
      method = String.format(Locale.ROOT, "%s bootstrap, %d replicates, percentile, %s%%, seed %d (%d converged)",
          bootstrapType.name().toLowerCase(Locale.ROOT), bootstrapSize, pct(confLevel), seed, reps[0].length);
      if (reps[0].length < RecoveryBootstrap.minimumReplicates(confLevel)) {
        method += String.format(Locale.ROOT, "; intervals not available: fewer converged replicates than the %d the level needs",
            RecoveryBootstrap.minimumReplicates(confLevel));
      }
      method += exactNote(fit);
      RecoveryBootstrap.percentiles(reps, model, fit, s, baseline, h, confLevel, method, metrics, band);
    }
    double[] bandTimes = new double[n];
    for (int i = 0; i < n; i++) {
      bandTimes[i] = s[i] + win.origin();
    }
    return new RecoveryResult(win.origin(), estimated, baseline, win.baselineRule(baselineWindow), model, fit,
        ImmutableList.copyOf(weighted), metrics, method, h, bandTimes, band);
  }

  /**
   * For the interval method: an exact fit leaves no residual variation, so its delta-method and
   * bootstrap intervals have zero width by construction, not as a measurement of precision.
   */
  private static String exactNote(FitResult fit) {
    return fit.exactFit() ? "; exact fit (residual sum of squares 0): the intervals have zero width" : "";
  }

  private static void checkSeries(double[] t, double[] y, Weighting weighting) {
    if (t.length != y.length) {
      throw new IllegalArgumentException("t has " + t.length + " values but y has " + y.length);
    }
    for (int i = 0; i < t.length; i++) {
      if (!Double.isFinite(t[i]) || (i > 0 && !(t[i] > t[i - 1]))) {
        throw new IllegalArgumentException("times must be finite and strictly increasing: t[" + i + "] = " + t[i]);
      }
      if (Double.isNaN(y[i])) {
        throw new IllegalArgumentException("the value at t = " + t[i] + " is missing (NaN): remove the point or fill it");
      }
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException("the value at t = " + t[i] + " is not finite: " + y[i]);
      }
      if (weighting == Weighting.POISSON && y[i] < 0) {
        throw new IllegalArgumentException("Poisson weights need counts >= 0: " + y[i] + " at t = " + t[i]);
      }
    }
    if (t.length == 0) {
      throw new IllegalArgumentException("the series is empty");
    }
  }

  private FitResult fitModel(RecoveryModel m, double[] s, double[] y, double[] w, double[] start) {
    List<double[]> starts = start != null ? List.<double[]>of(start) : StartValues.of(m, s, y);
    FitResult best = null;
    for (double[] st : starts) {
      NonlinearLeastSquares.Builder b = NonlinearLeastSquares.builder(m.asFitModel()).data(s, y).start(st)
          .confidenceLevel(confLevel).tolerance(1e-10).maxIterations(200).maxEvaluations(2_000)
          .solver(NonlinearLeastSquares.Solver.COMPACT);
      if (w != null) {
        b.weights(w);
      }
      FitResult f = b.build().fit();
      if (best == null || (f.converged() && (!best.converged() || f.rss() < best.rss()))
          || (!best.converged() && !f.converged() && f.rss() < best.rss())) {
        best = f;
      }
    }
    return best;
  }

  /**
   * Several converged models none of which has an AICc (n &lt;= k + 1 for each) cannot be compared:
   * refused, rather than one picked with every weight 0. One converged model alone needs no comparison.
   */
  private static FitResult notFitted(RecoveryModel m, int n) {
    double[] nan = new double[m.parameters()];
    Arrays.fill(nan, Double.NaN);
    double[][] cov = new double[m.parameters()][m.parameters()];
    return new FitResult(m.names(), nan, nan.clone(), cov, nan.clone(), nan.clone(), DEFAULT_CONF_LEVEL, Double.NaN, n, 0, false, 0, 0,
        "not fitted: " + n + " points cannot determine " + m.parameters() + " parameters", "none");
  }

  private static double[] weights(Weighting weighting, double[] y, double[] sd) {
    switch (weighting) {
      case POISSON: {
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
          w[i] = 1 / Math.max(y[i], 1);
        }
        return w;
      }
      case STANDARD_DEVIATION: {
        double minPositive = Double.POSITIVE_INFINITY;
        for (double v : sd) {
          if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("standard deviations must be finite and >= 0: " + v);
          }
          if (v > 0) {
            minPositive = Math.min(minPositive, v);
          }
        }
        if (Double.isInfinite(minPositive)) {
          return null; // all zero: equal weights
        }
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
          double v = sd[i] > 0 ? sd[i] : minPositive;
          w[i] = 1 / (v * v);
        }
        return w;
      }
      default:
        return null;
    }
  }

  static double largestDrop(double[] t, double[] y) {
    int best = -1;
    double drop = 0;
    for (int i = 1; i < y.length; i++) {
      double d = y[i] - y[i - 1];
      if (d < drop) {
        drop = d;
        best = i;
      }
    }
    if (best < 0) {
      throw new IllegalArgumentException("the series never drops: give the takedown time");
    }
    return t[best];
  }

  private static String pct(double level) {
    return Long.toString(Math.round(level * 100));
  }

  /** A fraction as a percentage with the digits it has (95, 2.5, 0.05), not rounded to a whole number. */
  private static String pctText(double fraction) {
    return java.math.BigDecimal.valueOf(fraction * 100).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "RecoveryAnalysis[t0 %s, models %s, %s, %s]",
        Double.isNaN(t0) ? "largest drop" : t0, models.stream().map(RecoveryModel::id).toList(),
        weightingChosen ? weighting.name().toLowerCase(Locale.ROOT) + " weights" : "weights 1/sd^2 given sd, else none",
        bootstrapSize == 0 ? "delta-method intervals" : bootstrapSize + " " + bootstrapType + " bootstrap replicates");
  }

  /** The bootstrap's three settings, taken together by {@link Builder#bootstrap}. */
  private record BootstrapPlan(int size, Bootstrap type, long seed) {
    @Override
    public String toString() {
      return size + " " + type + " replicates, seed " + seed;
    }
  }

  /**
   * Builder; every setter checks its argument and takes its setting once: a second call to the same
   * setter throws, since a silent overwrite would hide a mistake. {@link #fromTrough()} is a flag:
   * calling it twice asks for the same thing twice.
   */
  public static final class Builder {
    private final Setting<Double> t0 = Setting.checked("takedown time", Checks::finite);
    private final Setting<List<RecoveryModel>> models = new Setting<>("models");
    private final Setting<Weighting> weighting = new Setting<>("weighting");
    private final Setting<Double> horizon = new Setting<>("horizon");
    private final Setting<Double> baselineWindow = Setting.checked("baseline window", Checks::positive);
    private final Setting<BootstrapPlan> bootstrap = new Setting<>("bootstrap");
    private final Setting<Integer> threads = Setting.checked("threads", Checks::atLeastOne);
    private final Setting<Double> confLevel = new Setting<>("confidence level");
    private boolean fromTrough;

    private Builder() {}

    /** @param time the takedown time (default: estimated as the largest drop) @return this builder */
    public Builder takedown(double time) {
      return t0.set(this, time);
    }

    /**
     * @param m the models to compare (default all five), each once
     * @return this builder
     * @throws NullPointerException naming a model that is null
     * @throws IllegalArgumentException for no model, or a model given twice (it would share the
     *     Akaike weight with itself)
     */
    public Builder models(RecoveryModel... m) {
      Checks.notNull("models", m);
      if (m.length == 0) {
        throw new IllegalArgumentException("at least one model is needed");
      }
      Set<RecoveryModel> seen = EnumSet.noneOf(RecoveryModel.class);
      for (int i = 0; i < m.length; i++) {
        if (!seen.add(Checks.notNull("models[" + i + "]", m[i]))) {
          throw new IllegalArgumentException("the model " + m[i].id() + " is given twice: each model is compared once");
        }
      }
      return models.set(this, List.of(m));
    }

    /**
     * @param w the weighting (default: 1/sd^2 when {@link RecoveryAnalysis#analyse(double[], double[], double[])}
     *     is given standard deviations, else none); a weighting other than STANDARD_DEVIATION refuses
     *     standard deviations
     * @return this builder
     */
    public Builder weighting(Weighting w) {
      return weighting.set(this, w);
    }

    /** @param h loss-area horizon in time after t0, &gt; 0 (default: the last point) @return this builder */
    public Builder horizon(double h) {
      if (!(h > 0)) {
        throw new IllegalArgumentException("horizon must be > 0: " + h);
      }
      return horizon.set(this, h);
    }

    /** @param window only points within this time before t0 form the baseline @return this builder */
    public Builder baselineWindow(double window) {
      return baselineWindow.set(this, window);
    }

    /**
     * @param replicates bootstrap size, 0 (delta method) or at least 2 / (1 - level) (40 at the default
     *     95%), checked by {@link #build()}
     * @param type residual or parametric
     * @param rngSeed the seed; replicate i uses the i-th generator split from it
     * @return this builder
     */
    public Builder bootstrap(int replicates, Bootstrap type, long rngSeed) {
      return bootstrap.set(this, new BootstrapPlan(Checks.nonNegative("bootstrap replicates", replicates),
          java.util.Objects.requireNonNull(type, "type"), rngSeed));
    }

    /** @param n worker threads for the bootstrap, &gt;= 1 (results do not depend on it) @return this builder */
    public Builder threads(int n) {
      return threads.set(this, n);
    }

    /**
     * Fits the recovery from the trough, the lowest point at or after the takedown, instead of from the
     * takedown itself; the baseline is still taken before the takedown, and the result's t0 is the
     * trough's time. For a takedown whose effect builds up over days (referrals removed after a
     * latency, sustained pressure), the series keeps falling after the takedown time, which no recovery
     * model describes: fits from the takedown then depend on small differences in the data (which of
     * two nearly equal curves gives the lower AICc, say), while the trough is a stable origin. The
     * metrics then count from the trough: T50 and T90 are times after it, and the loss area leaves out
     * the loss between the takedown and the trough.
     *
     * @return this builder
     */
    public Builder fromTrough() {
      this.fromTrough = true;
      return this;
    }

    /** @param level confidence level in (0, 1) @return this builder */
    public Builder confidenceLevel(double level) {
      return confLevel.set(this, org.channelrisk.stats.CriticalValues.checkLevel(level));
    }

    /**
     * @return the analysis
     * @throws IllegalArgumentException for a bootstrap with fewer replicates than a percentile interval
     *     at the level needs: 2 / (1 - level), so that each tail holds one (40 at 95%)
     */
    public RecoveryAnalysis build() {
      return new RecoveryAnalysis(this);
    }
  }
}
