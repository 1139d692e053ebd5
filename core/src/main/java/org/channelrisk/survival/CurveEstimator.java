package org.channelrisk.survival;

/**
 * What the two estimators of curves share: R survival's default confidence limits, the limits an
 * estimator was made with, and how it prints. {@link KaplanMeier} and {@link AalenJohansen} extend it;
 * their callers never name it, and read the defaults through them.
 *
 * <pre>{@code
 * KaplanMeier.DEFAULT_CONF_TYPE;                                    // LOG, as R
 * KaplanMeier.withConfidence(ConfidenceType.LOG_LOG, 0.9);         // KaplanMeier[log-log transform, 0.9]
 * }</pre>
 */
abstract sealed class CurveEstimator permits KaplanMeier, AalenJohansen {
  /** Default confidence transform: log, as R. */
  public static final ConfidenceType DEFAULT_CONF_TYPE = ConfidenceSettings.DEFAULT_TYPE;
  /** Default confidence level: 0.95. */
  public static final double DEFAULT_CONF_LEVEL = ConfidenceSettings.DEFAULT_LEVEL;

  /** The limits every curve of a fit carries. */
  final ConfidenceSettings confidence;

  CurveEstimator(ConfidenceSettings confidence) {
    this.confidence = confidence;
  }

  /** @return as {@code KaplanMeier[log-log transform, 0.9]} */
  @Override
  public final String toString() {
    return getClass().getSimpleName() + "[" + confidence + "]";
  }
}
