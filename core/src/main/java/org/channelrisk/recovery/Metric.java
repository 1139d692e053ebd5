package org.channelrisk.recovery;

/**
 * The recovery metrics, each computed from a fitted curve and the pre-takedown baseline B0.
 *
 * <ul>
 *   <li>{@link #BASELINE}: B0, the median of the pre-takedown window;
 *   <li>{@link #TROUGH}: b, the fitted level just after the takedown (for the linear null model its
 *       intercept, for the constant model a);
 *   <li>{@link #DEPTH}: B0 - b; {@link #RELATIVE_DEPTH}: (B0 - b) / B0;
 *   <li>{@link #RECOVERY_RATIO}: a / B0, the new plateau against the baseline (both not available,
 *       NaN, when B0 = 0);
 *   <li>{@link #T50}, {@link #T90}: time after the takedown to regain 50% / 90% of the loss, i.e. to
 *       reach b + 0.5 (B0 - b) and b + 0.9 (B0 - b); +infinity ("never") when the plateau stays below;
 *   <li>{@link #HALF_LIFE}: ln 2 / k, exponential model only;
 *   <li>{@link #LOSS_AREA}: the integral of (B0 - y(s)) from the takedown to the horizon.
 * </ul>
 *
 * Metrics that need B0 are not available (NaN) for a series with no point before the takedown.
 */
public enum Metric {
  /** Pre-takedown level. */
  BASELINE,
  /** Level just after the takedown. */
  TROUGH,
  /** Baseline minus trough. */
  DEPTH,
  /** Depth over baseline. */
  RELATIVE_DEPTH,
  /** Plateau over baseline. */
  RECOVERY_RATIO,
  /** Time to regain half the loss. */
  T50,
  /** Time to regain 90% of the loss. */
  T90,
  /** ln 2 / k (exponential). */
  HALF_LIFE,
  /** Reach lost up to the horizon. */
  LOSS_AREA;

  /** @return the snake-case key used in JSON and CSV */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * All metrics for one parameter vector.
   *
   * @param model the model
   * @param p its parameters
   * @param baseline B0, NaN when unknown
   * @param horizon the loss-area horizon
   * @return values indexed by ordinal
   */
  static double[] evaluate(RecoveryModel model, double[] p, double baseline, double horizon) {
    double[] m = new double[values().length];
    double b = model == RecoveryModel.CONSTANT ? p[0] : model.value(0, p);
    double plateau = switch (model) {
      case EXPONENTIAL, LOGISTIC, GOMPERTZ, CONSTANT -> p[0];
      case LINEAR -> p[1] > 0 ? Double.POSITIVE_INFINITY : p[1] < 0 ? Double.NEGATIVE_INFINITY : p[0];
    };
    m[BASELINE.ordinal()] = baseline;
    m[TROUGH.ordinal()] = b;
    m[DEPTH.ordinal()] = baseline - b;
    // relative to a baseline of 0 nothing is defined (a division by zero, printed as infinite before)
    m[RELATIVE_DEPTH.ordinal()] = baseline == 0 ? Double.NaN : (baseline - b) / baseline;
    m[RECOVERY_RATIO.ordinal()] = baseline == 0 ? Double.NaN : plateau / baseline;
    m[T50.ordinal()] = Double.isNaN(baseline) ? Double.NaN : model.timeToLevel(b + 0.5 * (baseline - b), p);
    m[T90.ordinal()] = Double.isNaN(baseline) ? Double.NaN : model.timeToLevel(b + 0.9 * (baseline - b), p);
    m[HALF_LIFE.ordinal()] = model == RecoveryModel.EXPONENTIAL ? Math.log(2) / p[2] : Double.NaN;
    m[LOSS_AREA.ordinal()] = Double.isNaN(baseline) ? Double.NaN : model.lossArea(baseline, p, horizon);
    return m;
  }
}
