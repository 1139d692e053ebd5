package org.channelrisk.sim;

import java.util.random.RandomGenerator;

/**
 * Binomial variates: exact inversion when the mean of the smaller tail is below 30 (sequential search
 * from 0, O(mean) work), otherwise the normal approximation with continuity correction, rounded and
 * clamped to [0, n] (absolute error of the distribution function below about 0.02 at a mean of 30 and
 * falling as 1/sqrt(mean)). Used for audience re-acquisition and retention, where counts are large.
 */
final class Binomial {
  /** Below this mean of the smaller tail, exact inversion. */
  static final double EXACT_BELOW = 30;

  // 1/(k + 1): the inversion's recurrence multiplies instead of dividing (a division is several times
  // the latency of a multiplication, and the search is a chain of dependent steps)
  private static final int TABLE = 256;
  private static final double[] INVERSE = new double[TABLE];

  static {
    for (int k = 0; k < TABLE; k++) {
      INVERSE[k] = 1.0 / (k + 1);
    }
  }

  private Binomial() {}

  /**
   * A Binomial(n, p) variate.
   *
   * @param rng the generator
   * @param n trials
   * @param p success probability
   * @return the number of successes
   */
  static long sample(RandomGenerator rng, long n, double p) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - sample(rng, n, 1 - p);
    }
    double mean = n * p;
    if (mean < EXACT_BELOW) {
      double q = 1 - p;
      double pmf = Math.pow(q, n);
      if (pmf > 0) {
        return invert(rng, n, p / q, pmf);
      }
    }
    return normal(rng, n, p, mean);
  }

  /**
   * A Binomial(n, 1 - exp(-x)) variate: the number of n independent exponential clocks of total
   * exposure x (hazard times time) that have fired. The same distribution as {@code sample(rng, n,
   * -expm1(-x))}, without a {@code pow}: the probability of no success is exp(-n x).
   *
   * @param rng the generator
   * @param n clocks
   * @param x exposure, &gt;= 0
   * @return the number fired
   */
  static long sampleExposure(RandomGenerator rng, long n, double x) {
    // Most audience draws have a mean below 1 and return 0 at the first test of the inversion: test
    // that before computing p (an expm1, not an intrinsic, and a division). n x >= n p, so n x < 30
    // implies the exact branch below, and x < 0.69 < ln 2 implies p < 0.5: the same draws, same order.
    if (n > 0 && x > 0 && x < 0.69 && n * x < EXACT_BELOW) {
      double pmf = Math.exp(-n * x);
      if (pmf > 0) {
        double u = rng.nextDouble();
        if (u <= pmf) {
          return 0;
        }
        double p = -Math.expm1(-x);
        return invert(u, n, p / (1 - p), pmf);
      }
    }
    double p = -Math.expm1(-x);
    if (n <= 0 || !(p > 0) || p > 0.5) {
      return sample(rng, n, p);
    }
    double mean = n * p;
    if (mean < EXACT_BELOW) {
      double pmf = Math.exp(-n * x);
      if (pmf > 0) {
        return invert(rng, n, p / (1 - p), pmf);
      }
    }
    return normal(rng, n, p, mean);
  }

  /** Sequential search from 0: pmf(k + 1) = pmf(k) * ratio * (n - k) / (k + 1), ratio = p / q. */
  private static long invert(RandomGenerator rng, long n, double ratio, double pmf0) {
    return invert(rng.nextDouble(), n, ratio, pmf0);
  }

  private static long invert(double u, long n, double ratio, double pmf0) {
    double pmf = pmf0;
    double cdf = pmf;
    long k = 0;
    while (u > cdf && k < n) {
      pmf *= ratio * (n - k) * (k < TABLE ? INVERSE[(int) k] : 1.0 / (k + 1));
      k++;
      cdf += pmf;
    }
    return k;
  }

  private static long normal(RandomGenerator rng, long n, double p, double mean) {
    double sd = Math.sqrt(mean * (1 - p));
    long k = Math.round(mean + sd * rng.nextGaussian());
    return Math.max(0, Math.min(n, k));
  }
}
