package org.channelrisk.stats;

import java.util.Locale;
import java.util.Objects;

/**
 * A point estimate with confidence limits and the method that gave them. NaN means "not available"
 * (for a median: not reached).
 *
 * <pre>{@code
 * Estimate m = fit.pooled().median();
 * m.value();      // e.g. a median, 27.0 on R's aml data
 * m.isReached();  // true
 * }</pre>
 *
 * @param value the estimate
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 * @param method how the limits were computed (e.g. "log transform, 95%"), not null
 */
public record Estimate(double value, double lower, double upper, String method) {
  /** Checks the method, which every printed estimate names. */
  public Estimate {
    // stats depends on no other package of the library (not even internal), so the check is written out
    Objects.requireNonNull(method, "method must not be null");
  }

  /** @return whether the estimate is a number (a median that was reached) */
  public boolean isReached() {
    return !Double.isNaN(value);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s (%s, %s; %s)", fmt(value), fmt(lower), fmt(upper), method);
  }

  static String fmt(double v) {
    // + 0.0 turns a negative zero into 0: "-0.00000" reads as a value just below zero
    return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.6g", v + 0.0);
  }
}
