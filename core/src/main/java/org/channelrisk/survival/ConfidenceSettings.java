package org.channelrisk.survival;

import java.util.Locale;
import org.channelrisk.internal.Checks;
import org.channelrisk.stats.CriticalValues;

/**
 * The pointwise confidence limits an estimator of curves draws: the transform and the level, checked
 * once. {@link KaplanMeier} and {@link AalenJohansen} hold one; their defaults are R survival's, the
 * log transform at 95%.
 *
 * @param type the transform
 * @param level the level, in (0, 1)
 */
record ConfidenceSettings(ConfidenceType type, double level) {
  /** R's default transform. */
  static final ConfidenceType DEFAULT_TYPE = ConfidenceType.LOG;
  /** R's default level. */
  static final double DEFAULT_LEVEL = 0.95;
  /** The log transform at 95%. */
  static final ConfidenceSettings DEFAULT = new ConfidenceSettings(DEFAULT_TYPE, DEFAULT_LEVEL);

  /** Checks: a transform, and a level in (0, 1). */
  ConfidenceSettings {
    Checks.notNull("confType", type);
    CriticalValues.checkLevel(level);
  }

  /** @return as {@code log transform, 0.95}, for the estimators' {@code toString} */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s transform, %s", type.rName(), level);
  }
}
