package org.channelrisk.calibrate;

import java.util.Locale;

/**
 * The weighted posterior of one parameter: median, mean, standard deviation and an equal-tailed
 * credible interval (weighted quantiles: the smallest particle value whose cumulative normalized weight
 * reaches p).
 *
 * @param name the parameter
 * @param median the weighted median
 * @param mean the weighted mean
 * @param sd the weighted standard deviation (weights normalized, no bias correction)
 * @param lower the (1 - level) / 2 quantile
 * @param upper the (1 + level) / 2 quantile
 * @param level the interval's level, e.g. 0.9
 */
public record ParameterSummary(String name, double median, double mean, double sd, double lower, double upper, double level) {
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: median %.4g, mean %.4g (sd %.3g), %.0f%% interval %.4g to %.4g", name, median, mean, sd,
        100 * level, lower, upper);
  }
}
