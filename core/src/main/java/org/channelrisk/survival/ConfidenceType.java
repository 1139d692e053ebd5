package org.channelrisk.survival;

import java.util.Locale;
import org.channelrisk.internal.EnumNames;

/**
 * How pointwise confidence limits of a survival curve are formed from the Greenwood variance, as R
 * survival's {@code conf.type}. With z the normal quantile and se the standard error of the cumulative
 * hazard -log S:
 *
 * <ul>
 *   <li>{@link #LOG} (R's default): {@code exp(log S +- z se)}, upper limit capped at 1;
 *   <li>{@link #LOG_LOG}: {@code exp(-exp(log(-log S) -+ z se / |log S|))}; not defined at S = 1;
 *   <li>{@link #PLAIN}: {@code S +- z S se}, clipped to [0, 1].
 * </ul>
 *
 * All are undefined (NaN) where S = 0.
 */
public enum ConfidenceType {
  /** Log transform, R's default. */
  LOG,
  /** Complementary log-log transform. */
  LOG_LOG,
  /** No transform. */
  PLAIN;

  /**
   * Parses R's names ("log", "log-log", "plain"), in any case; "loglog" too.
   *
   * @param name a name
   * @return the type
   * @throws IllegalArgumentException naming the accepted values
   */
  public static ConfidenceType parse(String name) {
    String key = name.strip().replace('-', '_');
    // R writes "log-log"; "loglog" is the spelling of its older versions
    return EnumNames.find(ConfidenceType.class, key.equalsIgnoreCase("loglog") ? "log_log" : key)
        .orElseThrow(() -> new IllegalArgumentException("confidence type must be log, log-log or plain: '" + name + "'"));
  }

  /**
   * The limits for one point.
   *
   * @param s survival estimate
   * @param seCumHaz standard error of -log S
   * @param z the normal quantile for the level
   * @return {lower, upper}, NaN where undefined
   */
  double[] limits(double s, double seCumHaz, double z) {
    if (s == 0 || Double.isNaN(s)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    switch (this) {
      case LOG: {
        // exp(log S -+ w) as S / e^w and S e^w: one exponential per point
        double e = Math.exp(z * seCumHaz);
        return new double[] {s / e, Math.min(1.0, s * e)};
      }
      case LOG_LOG: {
        if (s == 1) {
          return new double[] {Double.NaN, Double.NaN};
        }
        double ls = Math.log(s);
        double w = z * seCumHaz / ls; // negative: log S < 0
        return new double[] {Math.exp(-Math.exp(Math.log(-ls) - w)), Math.exp(-Math.exp(Math.log(-ls) + w))};
      }
      default: {
        double w = z * seCumHaz * s;
        return new double[] {Math.max(0.0, s - w), Math.min(1.0, s + w)};
      }
    }
  }

  /** @return R's name of the type */
  public String rName() {
    return this == LOG_LOG ? "log-log" : name().toLowerCase(Locale.ROOT);
  }
}
