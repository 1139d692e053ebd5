package org.channelrisk.sim;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;

/**
 * Poisson variates, exact at every mean: inversion by sequential search below a mean of 10, and
 * above it Hörmann's transformed rejection with squeeze, PTRS (W. Hörmann, "The transformed rejection
 * method for generating Poisson random variables", Insurance: Mathematics and Economics 12, 1993; the
 * constants as in NumPy's {@code random_poisson_ptrs}). Used for the posts of a whole network over a
 * grid step, whose mean runs to millions.
 */
final class Poisson {
  private static final double INVERSION_BELOW = 10;

  private Poisson() {}

  /**
   * @param rng the generator
   * @param mean the mean, finite and &gt;= 0
   * @return a Poisson(mean) variate
   */
  static long sample(RandomGenerator rng, double mean) {
    if (!(mean >= 0) || Double.isInfinite(mean)) {
      throw new IllegalArgumentException("Poisson mean must be finite and >= 0: " + mean);
    }
    if (mean == 0) {
      return 0;
    }
    return mean < INVERSION_BELOW ? invert(rng, mean) : ptrs(rng, mean);
  }

  private static long invert(RandomGenerator rng, double mean) {
    double u = rng.nextDouble();
    double pmf = Math.exp(-mean);
    double cdf = pmf;
    long k = 0;
    // the tail beyond k = 1000 has probability below 1e-300 for a mean below 10: the bound only stops
    // a loop on a u that rounding left above the last cdf
    while (u > cdf && k < 1000) {
      k++;
      pmf *= mean / k;
      cdf += pmf;
    }
    return k;
  }

  private static long ptrs(RandomGenerator rng, double mean) {
    double logMean = Math.log(mean);
    double b = 0.931 + 2.53 * Math.sqrt(mean);
    double a = -0.059 + 0.02483 * b;
    double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    // the acceptance rate is above 0.85 at every mean, so 1,000 rejections in a row happen only with a
    // generator that repeats itself: stop rather than loop for ever
    for (int tries = 0; tries < 1_000; tries++) {
      double u = rng.nextDouble() - 0.5;
      double v = rng.nextDouble();
      double us = 0.5 - Math.abs(u);
      double k = Math.floor((2 * a / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) {
        return (long) k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - Gamma.logGamma(k + 1)) {
        return (long) k;
      }
    }
    throw new IllegalStateException("Poisson sampler: 1,000 rejections in a row; the random generator is broken");
  }
}
