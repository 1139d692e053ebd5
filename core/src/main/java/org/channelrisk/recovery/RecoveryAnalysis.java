package org.channelrisk.recovery;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.IntStream;
import org.channelrisk.stats.Estimate;
import org.channelrisk.stats.SampleQuantiles;
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
 * drop between consecutive points. The baseline B0 is the median of the points before t0 (all of them,
 * or those within {@code baselineWindow}); with no such point B0 and the metrics that need it are not
 * available (NaN), never invented. With {@link Builder#fromTrough()} the fit's origin t0 moves to the
 * lowest point at or after the takedown, for effects that build up over days. Fits use the points with
 * t &gt;= t0, unweighted by default (as R's
 * {@code nls}); each three-parameter model is started from the data (b the first value after t0, a the
 * mean of the last fifth, k from the time to half-recovery) and from k three times larger and smaller,
 * keeping the best converged fit (the compact Levenberg-Marquardt of the fit package). Intervals: the delta method (normal, parameters' covariance from the
 * fit, baseline treated as known) or a bootstrap (residual or parametric, percentile intervals,
 * pre-takedown points resampled for the baseline), seeded so that the result is the same for any
 * number of threads.
 *
 * <p>Cost: a handful of Levenberg-Marquardt fits of n points and p &lt;= 3 parameters, O(n) each per
 * iteration; a bootstrap multiplies that by its size.
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

  private final double t0;
  private final List<RecoveryModel> models;
  private final Weighting weighting;
  private final double horizon;
  private final double baselineWindow;
  private final int bootstrapSize;
  private final Bootstrap bootstrapType;
  private final long seed;
  private final int threads;
  private final double confLevel;
  private final boolean fromTrough;

  private RecoveryAnalysis(Builder b) {
    this.t0 = b.t0;
    this.models = ImmutableList.copyOf(b.models);
    this.weighting = b.weighting;
    this.horizon = b.horizon;
    this.baselineWindow = b.baselineWindow;
    this.bootstrapSize = b.bootstrapSize;
    this.bootstrapType = b.bootstrapType;
    this.seed = b.seed;
    this.threads = b.threads;
    this.confLevel = b.confLevel;
    this.fromTrough = b.fromTrough;
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
   */
  public RecoveryResult analyse(double[] t, double[] y) {
    if (weighting == Weighting.STANDARD_DEVIATION) {
      throw new IllegalArgumentException("weighting STANDARD_DEVIATION needs the standard deviations: call analyse(t, y, sd)");
    }
    return run(t, y, null);
  }

  /**
   * Analyses a series with per-point standard deviations (an ensemble mean and its standard error),
   * weighting each point by 1 / sd^2.
   *
   * @param t times
   * @param y values
   * @param sd standard deviations, finite and &gt;= 0
   * @return the result
   */
  public RecoveryResult analyse(double[] t, double[] y, double[] sd) {
    if (sd.length != t.length) {
      throw new IllegalArgumentException("sd has " + sd.length + " values for " + t.length + " times");
    }
    return run(t, y, sd.clone());
  }

  private RecoveryResult run(double[] t, double[] y, double[] sd) {
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
    boolean estimated = Double.isNaN(t0);
    double takedown = estimated ? largestDrop(t, y) : t0;
    if (takedown > t[t.length - 1]) {
      throw new IllegalArgumentException("the takedown time " + takedown + " is after the last point of the series, t = " + t[t.length - 1]);
    }
    List<Double> pre = new ArrayList<>();
    int first = 0;
    while (first < t.length && t[first] < takedown) {
      if (Double.isNaN(baselineWindow) || t[first] >= takedown - baselineWindow) {
        pre.add(y[first]);
      }
      first++;
    }
    double[] preValues = pre.stream().mapToDouble(Double::doubleValue).toArray();
    double baseline = median(preValues);
    double actionTime = takedown;
    if (fromTrough && first < t.length) {
      // the lowest point at or after the takedown (the first, when several are equally low) becomes
      // the fit's origin; the baseline stays the one before the takedown
      int low = first;
      for (int i = first + 1; i < t.length; i++) {
        if (y[i] < y[low]) {
          low = i;
        }
      }
      first = low;
      takedown = t[low];
    }
    int n = t.length - first;
    double[] s = new double[n];
    double[] yy = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = t[first + i] - takedown;
      yy[i] = y[first + i];
    }
    double[] w = weights(yy, sd == null ? null : Arrays.copyOfRange(sd, first, t.length));
    int minPoints = models.stream().mapToInt(RecoveryModel::parameters).min().orElse(1) + 1;
    if (n < minPoints) {
      throw new IllegalArgumentException(n + " point" + (n == 1 ? "" : "s") + " at or after the takedown (t0 = " + takedown
          + "): the " + models.stream().map(RecoveryModel::id).toList() + " model(s) need at least " + minPoints);
    }
    double h = Double.isNaN(horizon) ? s[n - 1] : horizon;

    List<RecoveryResult.Candidate> candidates = new ArrayList<>();
    for (RecoveryModel m : models) {
      FitResult f = n > m.parameters() ? fitModel(m, s, yy, w, null) : notFitted(m, n);
      candidates.add(new RecoveryResult.Candidate(m, f, f.converged() ? f.aicc() : Double.POSITIVE_INFINITY, 0));
    }
    double minAicc = candidates.stream().mapToDouble(RecoveryResult.Candidate::aicc).min().orElse(Double.POSITIVE_INFINITY);
    double total = 0;
    for (RecoveryResult.Candidate c : candidates) {
      total += Double.isFinite(c.aicc()) ? Math.exp(-(c.aicc() - minAicc) / 2) : 0;
    }
    List<RecoveryResult.Candidate> weighted = new ArrayList<>();
    for (RecoveryResult.Candidate c : candidates) {
      double wt = Double.isFinite(c.aicc()) ? Math.exp(-(c.aicc() - minAicc) / 2) / total : 0;
      weighted.add(new RecoveryResult.Candidate(c.model(), c.fit(), c.aicc(), wt));
    }
    weighted.sort(Comparator.comparingDouble(RecoveryResult.Candidate::aicc));
    RecoveryResult.Candidate chosen = weighted.get(0);
    RecoveryModel model = chosen.model();
    FitResult fit = chosen.fit();

    double[] p = fit.estimates();
    double[] point = Metric.evaluate(model, p, baseline, h);
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
      method = String.format(Locale.ROOT, "delta method, normal, %s%%; baseline treated as known", pct(confLevel));
      double z = org.channelrisk.stats.CriticalValues.normal(confLevel);
      double[][] grads = new double[Metric.values().length][p.length];
      for (int j = 0; j < p.length; j++) {
        double step = 1e-6 * Math.max(Math.abs(p[j]), 1e-8);
        double[] up = p.clone();
        double[] down = p.clone();
        up[j] += step;
        down[j] -= step;
        double[] mu = Metric.evaluate(model, up, baseline, h);
        double[] md = Metric.evaluate(model, down, baseline, h);
        for (int m = 0; m < grads.length; m++) {
          grads[m][j] = (mu[m] - md[m]) / (2 * step);
        }
      }
      for (Metric m : Metric.values()) {
        double v = point[m.ordinal()];
        double se = m == Metric.BASELINE || !Double.isFinite(v) ? Double.NaN : Math.sqrt(quad(grads[m.ordinal()], fit.covariance()));
        metrics.put(m, new Estimate(v, v - z * se, v + z * se, method));
      }
      double[] g = new double[p.length];
      for (int i = 0; i < n; i++) {
        model.gradient(s[i], p, g);
        double v = model.value(s[i], p);
        double se = Math.sqrt(quad(g, fit.covariance()));
        band[0][i] = v;
        band[1][i] = v - z * se;
        band[2][i] = v + z * se;
      }
    } else {
      method = String.format(Locale.ROOT, "%s bootstrap, %d replicates, percentile, %s%%, seed %d",
          bootstrapType.name().toLowerCase(Locale.ROOT), bootstrapSize, pct(confLevel), seed);
      double[][] reps = bootstrap(model, fit, s, yy, w, preValues, h);
      int converged = reps[0].length;
      method += String.format(Locale.ROOT, " (%d converged)", converged);
      double lo = (1 - confLevel) / 2;
      for (Metric m : Metric.values()) {
        double[] col = reps[m.ordinal()];
        metrics.put(m, new Estimate(point[m.ordinal()], SampleQuantiles.of(col, lo), SampleQuantiles.of(col, 1 - lo), method));
      }
      for (int i = 0; i < n; i++) {
        double[] col = reps[Metric.values().length + i];
        band[0][i] = model.value(s[i], p);
        band[1][i] = SampleQuantiles.of(col, lo);
        band[2][i] = SampleQuantiles.of(col, 1 - lo);
      }
    }
    double[] bandTimes = new double[n];
    for (int i = 0; i < n; i++) {
      bandTimes[i] = s[i] + takedown;
    }
    String before = fromTrough ? "the takedown at " + fmtTime(actionTime) : "t0";
    String rule = preValues.length == 0 ? "no point before " + before + ": not available"
        : "median of " + preValues.length + " points before " + before + (Double.isNaN(baselineWindow) ? "" : " within " + baselineWindow);
    if (fromTrough) {
      rule += "; t0 is the trough, the lowest point after the takedown";
    }
    return new RecoveryResult(takedown, estimated, baseline, rule, model, fit, ImmutableList.copyOf(weighted), metrics, method, h,
        bandTimes, band);
  }

  /** Replicates: rows 0..M-1 the metrics, then one row per band time; columns the converged replicates. */
  private double[][] bootstrap(RecoveryModel model, FitResult fit, double[] s, double[] y, double[] w, double[] pre, double h) {
    int n = s.length;
    double[] p = fit.estimates();
    double[] fitted = new double[n];
    double[] std = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      fitted[i] = model.value(s[i], p);
      std[i] = (y[i] - fitted[i]) * Math.sqrt(w == null ? 1 : w[i]);
      mean += std[i] / n;
    }
    for (int i = 0; i < n; i++) {
      std[i] -= mean; // centred, so the resampled noise has mean zero
    }
    double sigma = fit.sigma();
    // Generators are split from the root in replicate order, before any thread starts.
    SplittableGenerator root = (SplittableGenerator) RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    RandomGenerator[] gens = new RandomGenerator[bootstrapSize];
    for (int r = 0; r < bootstrapSize; r++) {
      gens[r] = root.split();
    }
    int rows = Metric.values().length + n;
    double[][] out = new double[bootstrapSize][];
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      pool.submit(() -> IntStream.range(0, bootstrapSize).parallel().forEach(r -> {
        RandomGenerator g = gens[r];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
          double scale = w == null ? 1 : 1 / Math.sqrt(w[i]);
          double e = bootstrapType == Bootstrap.RESIDUAL ? std[g.nextInt(n)] : sigma * g.nextGaussian();
          ys[i] = fitted[i] + e * scale;
        }
        double b0 = Double.NaN;
        if (pre.length > 0) {
          double[] resampled = new double[pre.length];
          for (int i = 0; i < pre.length; i++) {
            resampled[i] = pre[g.nextInt(pre.length)];
          }
          b0 = median(resampled);
        }
        FitResult f = fitModel(model, s, ys, w, p);
        if (!f.converged()) {
          return;
        }
        double[] row = new double[rows];
        double[] m = Metric.evaluate(model, f.estimates(), b0, h);
        System.arraycopy(m, 0, row, 0, m.length);
        for (int i = 0; i < n; i++) {
          row[m.length + i] = model.value(s[i], f.estimates());
        }
        out[r] = row;
      })).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("bootstrap interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("bootstrap failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdown();
    }
    int ok = 0;
    for (double[] row : out) {
      ok += row == null ? 0 : 1;
    }
    double[][] cols = new double[rows][ok];
    int c = 0;
    for (double[] row : out) {
      if (row != null) {
        for (int k = 0; k < rows; k++) {
          cols[k][c] = row[k];
        }
        c++;
      }
    }
    return cols;
  }

  private FitResult fitModel(RecoveryModel m, double[] s, double[] y, double[] w, double[] start) {
    List<double[]> starts = start != null ? List.<double[]>of(start) : startValues(m, s, y);
    FitResult best = null;
    for (double[] st : starts) {
      NonlinearLeastSquares.Builder b = NonlinearLeastSquares.builder(m.asFitModel()).data(s, y).start(st)
          .confidenceLevel(confLevel).convergence(1e-10, 200, 2_000).solver(NonlinearLeastSquares.Solver.COMPACT);
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

  private static FitResult notFitted(RecoveryModel m, int n) {
    double[] nan = new double[m.parameters()];
    Arrays.fill(nan, Double.NaN);
    double[][] cov = new double[m.parameters()][m.parameters()];
    return new FitResult(m.names(), nan, nan.clone(), cov, nan.clone(), nan.clone(), DEFAULT_CONF_LEVEL, Double.NaN, n, 0, false, 0, 0,
        "not fitted: " + n + " points cannot determine " + m.parameters() + " parameters", "none");
  }

  /** Data-driven starts; for three-parameter models also k x 3 and k / 3. */
  static List<double[]> startValues(RecoveryModel m, double[] s, double[] y) {
    int n = s.length;
    if (m == RecoveryModel.CONSTANT) {
      return List.of(new double[] {Arrays.stream(y).average().orElse(0)});
    }
    if (m == RecoveryModel.LINEAR) {
      double mean = Arrays.stream(y).average().orElse(0);
      double ms = Arrays.stream(s).average().orElse(0);
      double sxy = 0;
      double sxx = 0;
      for (int i = 0; i < n; i++) {
        sxy += (s[i] - ms) * (y[i] - mean);
        sxx += (s[i] - ms) * (s[i] - ms);
      }
      double slope = sxx > 0 ? sxy / sxx : 0;
      return List.of(new double[] {mean - slope * ms, slope});
    }
    int tail = Math.max(1, Math.min(n - 1, Math.max(3, n / 5)));
    double a = 0;
    for (int i = n - tail; i < n; i++) {
      a += y[i] / tail;
    }
    double b = y[0];
    double scale = Math.max(Math.abs(a), Math.abs(b));
    double tiny = Math.max(1e-6 * scale, 1e-9);
    if (m != RecoveryModel.EXPONENTIAL) {
      b = Math.max(b, tiny);
      a = Math.max(a, b * (1 + 1e-3) + tiny);
    }
    if (a == b) {
      a = b + tiny;
    }
    double half = b + 0.5 * (a - b);
    double sHalf = Double.NaN;
    for (int i = 1; i < n; i++) {
      if ((a > b && y[i] >= half) || (a < b && y[i] <= half)) {
        sHalf = s[i];
        break;
      }
    }
    double span = s[n - 1] - s[0];
    double k = Double.isNaN(sHalf) || sHalf <= 0 ? 3 / Math.max(span, 1e-12) : Math.log(2) / sHalf;
    List<double[]> out = new ArrayList<>();
    for (double f : new double[] {1, 3, 1.0 / 3}) {
      out.add(new double[] {a, b, k * f});
    }
    return out;
  }

  private double[] weights(double[] y, double[] sd) {
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

  static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] c = v.clone();
    Arrays.sort(c);
    int m = c.length / 2;
    return c.length % 2 == 1 ? c[m] : (c[m - 1] + c[m]) / 2;
  }

  private static double quad(double[] g, double[][] cov) {
    double v = 0;
    for (int i = 0; i < g.length; i++) {
      for (int j = 0; j < g.length; j++) {
        v += g[i] * cov[i][j] * g[j];
      }
    }
    return v;
  }

  private static String pct(double level) {
    return Long.toString(Math.round(level * 100));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "RecoveryAnalysis[t0 %s, models %s, %s weights, %s]",
        Double.isNaN(t0) ? "largest drop" : t0, models.stream().map(RecoveryModel::id).toList(),
        weighting.name().toLowerCase(Locale.ROOT),
        bootstrapSize == 0 ? "delta-method intervals" : bootstrapSize + " " + bootstrapType + " bootstrap replicates");
  }

  private static String fmtTime(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }

  /** Builder; every setter checks its argument. */
  public static final class Builder {
    private double t0 = Double.NaN;
    private List<RecoveryModel> models = DEFAULT_MODELS;
    private Weighting weighting = Weighting.NONE;
    private double horizon = Double.NaN;
    private double baselineWindow = Double.NaN;
    private int bootstrapSize;
    private Bootstrap bootstrapType = Bootstrap.RESIDUAL;
    private long seed;
    private int threads = 1;
    private double confLevel = DEFAULT_CONF_LEVEL;
    private boolean fromTrough;

    private Builder() {}

    /** @param time the takedown time (default: estimated as the largest drop) @return this builder */
    public Builder takedown(double time) {
      if (!Double.isFinite(time)) {
        throw new IllegalArgumentException("takedown time must be finite: " + time);
      }
      this.t0 = time;
      return this;
    }

    /** @param m the models to compare (default all five) @return this builder */
    public Builder models(RecoveryModel... m) {
      if (m.length == 0) {
        throw new IllegalArgumentException("at least one model is needed");
      }
      this.models = List.of(m);
      return this;
    }

    /** @param w the weighting (default none) @return this builder */
    public Builder weighting(Weighting w) {
      this.weighting = java.util.Objects.requireNonNull(w, "weighting");
      return this;
    }

    /** @param h loss-area horizon in time after t0, &gt; 0 (default: the last point) @return this builder */
    public Builder horizon(double h) {
      if (!(h > 0)) {
        throw new IllegalArgumentException("horizon must be > 0: " + h);
      }
      this.horizon = h;
      return this;
    }

    /** @param window only points within this time before t0 form the baseline @return this builder */
    public Builder baselineWindow(double window) {
      if (!(window > 0) || Double.isInfinite(window)) {
        throw new IllegalArgumentException("baseline window must be finite and > 0: " + window);
      }
      this.baselineWindow = window;
      return this;
    }

    /**
     * @param replicates bootstrap size, &gt;= 1 (0: delta method)
     * @param type residual or parametric
     * @param rngSeed the seed; replicate i uses the i-th generator split from it
     * @return this builder
     */
    public Builder bootstrap(int replicates, Bootstrap type, long rngSeed) {
      if (replicates < 0) {
        throw new IllegalArgumentException("bootstrap replicates must be >= 0: " + replicates);
      }
      this.bootstrapSize = replicates;
      this.bootstrapType = java.util.Objects.requireNonNull(type, "type");
      this.seed = rngSeed;
      return this;
    }

    /** @param n worker threads for the bootstrap, &gt;= 1 (results do not depend on it) @return this builder */
    public Builder threads(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("threads must be >= 1: " + n);
      }
      this.threads = n;
      return this;
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
      this.confLevel = org.channelrisk.stats.CriticalValues.checkLevel(level);
      return this;
    }

    /** @return the analysis */
    public RecoveryAnalysis build() {
      return new RecoveryAnalysis(this);
    }
  }
}
