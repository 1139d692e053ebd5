package org.channelrisk.survival;

import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.channelrisk.stats.CriticalValues;
import org.channelrisk.stats.Estimate;

/** The Wald statistics of a regression coefficient, as the Cox and the Fine-Gray fits report them. */
final class Wald {
  private Wald() {}

  /**
   * @param z coefficient / standard error
   * @return the two-sided normal p-value of z
   */
  static double pValue(double z) {
    return 2 * new NormalDistribution().cumulativeProbability(-Math.abs(z));
  }

  /**
   * @param coefficient beta
   * @param stdError its standard error
   * @param confLevel the level of the interval
   * @param method the method's name, to which the level is appended ("Wald" gives "Wald, 95.0%")
   * @return exp(beta) with the interval exp(beta -+ z se)
   */
  static Estimate ratio(double coefficient, double stdError, double confLevel, String method) {
    double q = CriticalValues.normal(confLevel);
    return new Estimate(Math.exp(coefficient), Math.exp(coefficient - q * stdError), Math.exp(coefficient + q * stdError),
        String.format(Locale.ROOT, "%s, %s%%", method, Math.round(confLevel * 1000) / 10.0));
  }
}
