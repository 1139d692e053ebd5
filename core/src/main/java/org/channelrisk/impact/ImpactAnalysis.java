package org.channelrisk.impact;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Setting;
import org.channelrisk.stats.CriticalValues;
import org.channelrisk.stats.Estimate;

/**
 * The effect of an intervention at time T on a series: a model of the series without the
 * intervention (the counterfactual), and the observed minus the counterfactual after T, pointwise,
 * summed and relative, with intervals. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * ImpactResult seg = ImpactAnalysis.builder()
 *     .intervention(51)                 // T, in the units of t
 *     .neweyWest(4)                     // segmented regression, Newey-West standard errors
 *     .build()
 *     .analyse(t, y);
 * ImpactResult arma = ImpactAnalysis.builder().intervention(51).arima(1, 1).build().analyse(t, y);
 * ImpactResult bsts = ImpactAnalysis.builder().intervention(51).structural(Trend.LEVEL)
 *     .control("other_platform", x).build().analyse(t, y);
 * }</pre>
 *
 * <p>Models (see the package guide for the equations and the R function each one equals):
 * segmented least squares with ordinary or Newey-West errors (R {@code lm} + {@code sandwich}),
 * the same with ARMA errors by exact maximum likelihood (R {@code arima(method = "ML")}),
 * quasi-Poisson with an exposure offset (R {@code glm(family = quasipoisson)}), and a structural local
 * level or trend fitted before T and forecast after it (R {@code StructTS} with an exact diffuse start).
 * All models take control series and Fourier terms as regressors.
 *
 * <p>Cost: segmented O(n k^2 + n L k^2) for Newey-West lag L; poisson the same per IRLS iteration
 * (usually under 10); arima about 10^2 to 10^3 Kalman passes of O(n (k + 1) r) with r = max(p, q + 1);
 * structural about 10^2 to 10^3 passes of O(n m^2), m = trend order + regressors.
 */
public final class ImpactAnalysis {
  /** Default confidence level. */
  public static final double DEFAULT_LEVEL = 0.95;
  /** Default IRLS stopping rule for the Poisson model: relative deviance change below this. */
  public static final double DEFAULT_EPSILON = 1e-12;
  /** Default IRLS iteration limit. */
  public static final int DEFAULT_MAX_ITERATIONS = 100;
  /** Fewest observations required on each side of T. */
  public static final int MIN_SIDE = 3;

  private static final int ORDINARY = -1;
  private static final int AUTO = -2;
  private static final Set<String> RESERVED = Set.of("intercept", "time", "level_change", "slope_change");

  private final double intervention;
  private final ImpactModel model;
  private final int hacLag;
  private final int p;
  private final int q;
  private final Trend trend;
  private final LinkedHashMap<String, double[]> controls;
  private final double[] exposure;
  private final double period;
  private final int harmonics;
  private final double level;
  private final boolean skipMissing;
  private final double epsilon;

  /** Reads the builder's settings; the defaults are applied here, once. */
  private ImpactAnalysis(Builder b) {
    this.intervention = b.intervention.required("the intervention time is required");
    this.model = b.model == null ? ImpactModel.SEGMENTED : b.model;
    this.hacLag = b.hacLag.orElse(ORDINARY);
    ArmaOrder order = b.arma.orElse(new ArmaOrder(0, 0));
    this.p = order.p();
    this.q = order.q();
    this.trend = b.trend.orElse(Trend.LEVEL);
    this.controls = new LinkedHashMap<>();
    b.controls.forEach((k, v) -> controls.put(k, v.clone()));
    this.exposure = b.exposure.orElse(null); // copied when set, never changed
    Fourier fourier = b.fourier.orElse(new Fourier(Double.NaN, 0));
    this.period = fourier.period();
    this.harmonics = fourier.harmonics();
    this.level = b.level.orElse(DEFAULT_LEVEL);
    this.skipMissing = b.skipMissing;
    this.epsilon = b.epsilon.orElse(DEFAULT_EPSILON);
  }

  /** @return a builder: segmented least squares with ordinary standard errors, 95%, until changed */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fits the model and computes the effects.
   *
   * @param t times, finite and strictly increasing (t is a value, not a row index: {@code intercept}
   *     is the level at t = 0)
   * @param y observations; NaN is a missing value, accepted only with {@link Builder#skipMissing()}
   * @return the result
   * @throws NullPointerException if t or y is null
   * @throws IllegalArgumentException for bad data: lengths, times, missing values, negative counts,
   *     fewer than {@value #MIN_SIDE} observations on a side of T, more coefficients than observations,
   *     a singular design, values whose squares overflow (segmented, arima), a series the regression
   *     fits exactly (arima: no errors to model), a constant pre-period (structural)
   */
  public ImpactResult analyse(double[] t, double[] y) {
    Checks.notNull("t", t);
    Checks.notNull("y", y);
    int n = t.length;
    checkArgument(y.length == n, "y has %s values for %s times", y.length, n);
    for (int i = 0; i < n; i++) {
      checkArgument(Double.isFinite(t[i]), "time %s must be finite: %s", (Object) i, t[i]);
      checkArgument(i == 0 || t[i] > t[i - 1], "times must strictly increase: %s at index %s follows %s", t[i], i,
          i == 0 ? 0 : t[i - 1]);
      checkArgument(!Double.isInfinite(y[i]), "value %s must be finite: %s", (Object) i, y[i]);
    }
    controls.forEach((name, v) -> checkArgument(v.length == n, "control '%s' has %s values for %s times", name, v.length, n));
    if (exposure != null) {
      checkArgument(exposure.length == n, "exposure has %s values for %s times", exposure.length, n);
    }
    boolean[] complete = new boolean[n];
    boolean[] post = new boolean[n];
    boolean[] use = new boolean[n];
    int nPre = 0;
    int nPost = 0;
    for (int i = 0; i < n; i++) {
      boolean ok = true;
      for (Map.Entry<String, double[]> e : controls.entrySet()) {
        double v = e.getValue()[i];
        checkArgument(!Double.isNaN(v) || skipMissing, "control '%s' is missing at index %s (skip missing values to drop the row)",
            e.getKey(), i);
        checkArgument(!Double.isInfinite(v), "control '%s' must be finite at index %s: %s", e.getKey(), i, v);
        ok &= !Double.isNaN(v);
      }
      if (exposure != null) {
        double v = exposure[i];
        checkArgument(!Double.isNaN(v) || skipMissing, "exposure is missing at index %s", i);
        checkArgument(Double.isNaN(v) || (v > 0 && Double.isFinite(v)), "exposure must be positive and finite at index %s: %s", (Object) i, v);
        ok &= !Double.isNaN(v);
      }
      checkArgument(!Double.isNaN(y[i]) || skipMissing, "value %s is missing (skip missing values to allow gaps)", i);
      if (model == ImpactModel.POISSON && !Double.isNaN(y[i])) {
        checkArgument(y[i] >= 0, "the poisson model needs counts >= 0: value %s is %s", (Object) i, y[i]);
      }
      complete[i] = ok;
      post[i] = t[i] >= intervention;
      use[i] = ok && !Double.isNaN(y[i]);
      if (use[i]) {
        if (post[i]) {
          nPost++;
        } else {
          nPre++;
        }
      }
    }
    checkArgument(nPre >= MIN_SIDE && nPost >= MIN_SIDE,
        "need at least %s observations before and from the intervention at %s: found %s before and %s from it",
        MIN_SIDE, intervention, nPre, nPost);
    checkSize(nPre, nPost);
    Design design = Design.of(model != ImpactModel.STRUCTURAL, t, intervention, controls, period, harmonics);
    ModelFit f;
    String variant;
    switch (model) {
      case SEGMENTED -> {
        int nUse = nPre + nPost;
        int lag = hacLag == AUTO ? LeastSquares.autoLag(nUse) : hacLag;
        f = Regressions.segmented(design, y, use, post, lag, level);
        variant = hacLag == ORDINARY ? "ordinary standard errors" : "Newey-West, lag " + lag;
      }
      case POISSON -> {
        double[] logExposure = null;
        if (exposure != null) {
          logExposure = new double[n];
          for (int i = 0; i < n; i++) {
            logExposure[i] = Math.log(exposure[i]);
          }
        }
        f = Regressions.poisson(design, y, logExposure, use, post, level, epsilon, DEFAULT_MAX_ITERATIONS);
        variant = "quasi-Poisson, log link" + (exposure == null ? "" : ", offset log(exposure)");
      }
      case ARIMA -> {
        f = ArmaRegression.fit(design, y, complete, post, p, q, level);
        variant = "ARMA(" + p + ", " + q + ") errors, exact maximum likelihood";
      }
      case STRUCTURAL -> {
        Design sub = design.rows(complete);
        double[] ys = Regressions.select(y, complete);
        int pre = 0;
        for (int i = 0; i < n; i++) {
          pre += complete[i] && !post[i] ? 1 : 0;
        }
        ModelFit part = StructuralFit.analyse(sub, ys, pre, trend, level);
        f = expand(part, complete);
        variant = (trend == Trend.LEVEL ? "local level" : "local linear trend") + ", exact diffuse start";
      }
      default -> throw new IllegalStateException("unknown model " + model);
    }
    return assemble(f, variant, t, y, post, use, nPre, nPost);
  }

  /**
   * Refuses a model with more coefficients than the fit has observations before its design is built: 2K
   * Fourier columns of n rows each would exhaust memory long before the fit refused them. The
   * conditions are those under which the fit itself refuses, so no analysis that ran before is refused.
   */
  private void checkSize(int nPre, int nPost) {
    long regressors = controls.size() + 2L * harmonics;
    if (model == ImpactModel.STRUCTURAL) {
      // the exact diffuse start needs an informative pre-period observation for each state
      long states = (trend == Trend.LEVEL ? 1 : 2) + regressors;
      checkArgument(states <= nPre, "the structural model has %s states (%s and %s regressors) but the pre-period only %s observations",
          states, trend == Trend.LEVEL ? "level" : "level, slope", regressors, nPre);
    } else {
      long k = 4 + regressors;
      checkArgument(k < nPre + nPost, "the model has %s coefficients but only %s observations", k, nPre + nPost);
    }
  }

  /**
   * The fit of the complete rows spread back over all rows: its per-row columns get NaN where a row
   * was left out; the coefficients and summaries stay as they are.
   */
  private static ModelFit expand(ModelFit f, boolean[] keep) {
    f.cf = spread(f.cf, keep);
    f.cfLower = spread(f.cfLower, keep);
    f.cfUpper = spread(f.cfUpper, keep);
    f.sum = spread(f.sum, keep);
    f.sumLower = spread(f.sumLower, keep);
    f.sumUpper = spread(f.sumUpper, keep);
    return f;
  }

  /** @return {@code keep.length} values: those of {@code part} in the kept rows, in order, NaN elsewhere */
  private static double[] spread(double[] part, boolean[] keep) {
    double[] all = ModelFit.nan(keep.length);
    int r = 0;
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        all[i] = part[r++];
      }
    }
    return all;
  }

  private ImpactResult assemble(ModelFit f, String variant, double[] t, double[] y, boolean[] post, boolean[] use, int nPre,
      int nPost) {
    int n = t.length;
    double[][] cols = new double[9][];
    for (int c = 0; c < 9; c++) {
      cols[c] = ModelFit.nan(n);
    }
    double sumY = 0;
    double lastS = Double.NaN;
    double lastSLo = Double.NaN;
    double lastSHi = Double.NaN;
    for (int i = 0; i < n; i++) {
      cols[0][i] = f.cf[i];
      cols[1][i] = f.cfLower[i];
      cols[2][i] = f.cfUpper[i];
      boolean obs = use[i];
      if (obs) {
        cols[3][i] = y[i] - f.cf[i];
        cols[4][i] = y[i] - f.cfUpper[i];
        cols[5][i] = y[i] - f.cfLower[i];
      }
      if (post[i]) {
        if (obs) {
          sumY += y[i];
        }
        cols[6][i] = sumY - f.sum[i];
        cols[7][i] = sumY - f.sumUpper[i];
        cols[8][i] = sumY - f.sumLower[i];
        lastS = f.sum[i];
        lastSLo = f.sumLower[i];
        lastSHi = f.sumUpper[i];
      }
    }
    String how = "from the counterfactual's summed band, " + Regressions.percent(level);
    Estimate cumulative = new Estimate(sumY - lastS, sumY - lastSHi, sumY - lastSLo, how);
    Estimate average = new Estimate((sumY - lastS) / nPost, (sumY - lastSHi) / nPost, (sumY - lastSLo) / nPost, how);
    boolean positive = lastSLo > 0;
    Estimate relative = new Estimate(lastS > 0 ? sumY / lastS - 1 : Double.NaN, positive ? sumY / lastSHi - 1 : Double.NaN,
        positive ? sumY / lastSLo - 1 : Double.NaN, how + (positive ? "" : "; not available: the summed counterfactual's band reaches 0"));
    double[] observed = y.clone();
    for (int i = 0; i < n; i++) {
      if (!use[i]) {
        observed[i] = Double.NaN;
      }
    }
    return new ImpactResult(model, variant, intervention, nPre, nPost, f, average, cumulative, relative, level, t.clone(), observed,
        cols);
  }

  @Override
  public String toString() {
    return "ImpactAnalysis[" + model.id() + ", T = " + intervention + ", controls " + controls.keySet()
        + (harmonics > 0 ? ", " + harmonics + " harmonics of period " + period : "") + ", level " + level + "]";
  }

  /** The ARMA orders, taken together by {@link Builder#arima}. */
  private record ArmaOrder(int p, int q) {
    @Override
    public String toString() {
      return "(" + p + ", " + q + ")";
    }
  }

  /** The Fourier terms, taken together by {@link Builder#harmonics}. */
  private record Fourier(double period, int harmonics) {
    @Override
    public String toString() {
      return harmonics + " harmonic(s) of period " + period;
    }
  }

  /**
   * A set-once builder. Choose at most one model: {@link #neweyWest} / {@link #neweyWestAuto} (segmented),
   * {@link #arima}, {@link #poisson}, {@link #structural}; the default is segmented least squares.
   * Naming the same model again is allowed ({@code poisson().exposure(e)}), but each setting is taken
   * once: a second lag, order, trend, exposure, harmonics, level or epsilon throws, since a silent
   * overwrite would hide a mistake. Controls are added, one call each; {@link #skipMissing()} is a
   * flag, and calling it twice asks for the same thing twice. A refused call (a bad or null argument,
   * a second setting, another model) leaves the builder as it was.
   */
  public static final class Builder {
    private final Setting<Double> intervention = new Setting<>("intervention time");
    private ImpactModel model;
    private final Setting<Integer> hacLag = new Setting<>("Newey-West lag", lag -> lag == AUTO ? "auto" : lag.toString());
    private final Setting<ArmaOrder> arma = new Setting<>("ARMA order");
    private final Setting<Trend> trend = new Setting<>("trend");
    private final LinkedHashMap<String, double[]> controls = new LinkedHashMap<>();
    private final Setting<double[]> exposure = new Setting<>("exposure", e -> e.length + " values");
    private final Setting<Fourier> fourier = new Setting<>("harmonics");
    private final Setting<Double> level = new Setting<>("level");
    private boolean skipMissing;
    private final Setting<Double> epsilon = new Setting<>("epsilon");

    private Builder() {}

    /**
     * @param time the intervention time T (required): D_t = 1 for t &gt;= T
     * @return this
     */
    public Builder intervention(double time) {
      checkArgument(Double.isFinite(time), "intervention time must be finite: %s", time);
      return intervention.set(this, time);
    }

    /**
     * Chooses the model and takes its settings, the model last: a call refused by the model check or by
     * a setting (already set, null) leaves the builder as it was.
     */
    private Builder choose(ImpactModel m, Runnable settings) {
      checkState(model == null || model == m, "the model is already %s", model == null ? "" : model.id());
      settings.run();
      model = m;
      return this;
    }

    /** @return this: segmented least squares with ordinary standard errors (the default) */
    public Builder segmented() {
      return choose(ImpactModel.SEGMENTED, () -> {});
    }

    /**
     * @param lag the Newey-West lag L &gt;= 0 (Bartlett weights 1 - l / (L + 1))
     * @return this: segmented least squares with Newey-West standard errors
     */
    public Builder neweyWest(int lag) {
      checkArgument(lag >= 0, "Newey-West lag must be >= 0: %s", lag);
      return choose(ImpactModel.SEGMENTED, () -> hacLag.set(lag));
    }

    /** @return this: Newey-West with lag floor(4 (n / 100)^(2/9)) */
    public Builder neweyWestAuto() {
      return choose(ImpactModel.SEGMENTED, () -> hacLag.set(AUTO));
    }

    /**
     * @param ar the AR order p &gt;= 0
     * @param ma the MA order q &gt;= 0
     * @return this: segmented regression with ARMA(p, q) errors
     */
    public Builder arima(int ar, int ma) {
      checkArgument(ar >= 0 && ar <= 10, "AR order must be in [0, 10]: %s", ar);
      checkArgument(ma >= 0 && ma <= 10, "MA order must be in [0, 10]: %s", ma);
      return choose(ImpactModel.ARIMA, () -> arma.set(new ArmaOrder(ar, ma)));
    }

    /** @return this: quasi-Poisson regression on counts */
    public Builder poisson() {
      return choose(ImpactModel.POISSON, () -> {});
    }

    /**
     * @param exposure per time, &gt; 0 (e.g. channels observed); the model uses offset log(exposure)
     * @return this (implies {@link #poisson()})
     * @throws NullPointerException if exposure is null
     */
    public Builder exposure(double[] exposure) {
      double[] copy = Checks.notNull("exposure", exposure).clone();
      return choose(ImpactModel.POISSON, () -> this.exposure.set(copy));
    }

    /**
     * @param trend local level or local linear trend
     * @return this: structural model fitted before T and forecast after it
     * @throws NullPointerException if trend is null
     */
    public Builder structural(Trend trend) {
      Checks.notNull("trend", trend);
      return choose(ImpactModel.STRUCTURAL, () -> this.trend.set(trend));
    }

    /**
     * @param name the regressor's name (not one of the model's own names)
     * @param values one per time (a series the intervention did not touch)
     * @return this
     * @throws NullPointerException if name or values is null
     */
    public Builder control(String name, double[] values) {
      Checks.notNull("control name", name);
      Checks.notNull("control '" + name + "' values", values);
      checkArgument(!name.isEmpty() && !RESERVED.contains(name) && !name.matches("(sin|cos)\\d+"),
          "control name '%s' is taken by the model's own terms", name);
      checkArgument(!controls.containsKey(name), "control '%s' given twice", name);
      controls.put(name, values.clone());
      return this;
    }

    /**
     * @param period P &gt; 0, in the units of t
     * @param k harmonics K &gt;= 1: terms sin / cos(2 pi j t / P), j = 1..K
     * @return this
     */
    public Builder harmonics(double period, int k) {
      checkArgument(period > 0 && Double.isFinite(period), "period must be positive: %s", period);
      // k <= P / 2 rather than 2 k <= P, which overflows for k near Integer.MAX_VALUE
      checkArgument(k >= 1 && k <= period / 2, "harmonics must be in [1, P / 2]: %s for period %s", (Object) k, period);
      return fourier.set(this, new Fourier(period, k));
    }

    /**
     * @param level confidence level in (0, 1)
     * @return this
     */
    public Builder level(double level) {
      this.level.set(CriticalValues.checkLevel(level));
      return this;
    }

    /** @return this: missing values (NaN) drop their row (segmented, poisson) or are gaps in the filter (arima, structural) */
    public Builder skipMissing() {
      this.skipMissing = true;
      return this;
    }

    /**
     * @param epsilon IRLS stopping rule for the Poisson model (R {@code glm.control(epsilon)})
     * @return this
     */
    public Builder epsilon(double epsilon) {
      checkArgument(epsilon > 0 && epsilon < 1, "epsilon must be in (0, 1): %s", epsilon);
      this.epsilon.set(epsilon);
      return this;
    }

    /**
     * @return the analysis
     * @throws IllegalStateException if the intervention time is not set
     */
    public ImpactAnalysis build() {
      return new ImpactAnalysis(this);
    }
  }
}
