package org.channelrisk.impact;

import java.util.Locale;

/**
 * One estimated coefficient of an intervention model with its standard error and confidence limits.
 * NaN means "not available" (a variance on the boundary at 0 has no standard error).
 *
 * <pre>{@code
 * Coefficient c = result.coefficient("level_change");
 * c.estimate();   // the jump at the intervention
 * c.lower();      // its lower confidence limit at the result's level
 * }</pre>
 *
 * @param name the coefficient's name ({@code intercept}, {@code time}, {@code level_change}, ...)
 * @param estimate the estimate
 * @param stdError its standard error
 * @param lower lower confidence limit
 * @param upper upper confidence limit
 */
public record Coefficient(String name, double estimate, double stdError, double lower, double upper) {
  /** @throws NullPointerException if name is null */
  public Coefficient {
    java.util.Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s = %s (se %s; %s to %s)", name, fmt(estimate), fmt(stdError), fmt(lower), fmt(upper));
  }

  static String fmt(double v) {
    // + 0.0 turns a negative zero into 0: "-0.00000" reads as a value just below zero
    return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.6g", v + 0.0);
  }
}
