package org.channelrisk.survival;

import java.util.Locale;

/**
 * Restricted mean survival time: the area under the Kaplan-Meier curve from 0 to {@code tau}, with
 * the standard error survival computes for it (Miller 1981, pp. 195-196).
 *
 * @param tau the upper limit of the integral
 * @param value the area
 * @param stdError its standard error
 */
public record RestrictedMean(double tau, double value, double stdError) {
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "RMST(tau %s) = %.6g (se %.4g)", tau, value, stdError);
  }
}
