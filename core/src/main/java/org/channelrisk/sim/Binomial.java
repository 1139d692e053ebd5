package org.channelrisk.sim;

import java.util.random.RandomGenerator;

/**
 * Binomial variates: exact inversion when the mean of the smaller tail is below 30 (sequential search
 * from 0, O(mean) work), otherwise the normal approximation with continuity correction, rounded and
 * clamped to [0, n] (absolute error of the distribution function below about 0.02 at a mean of 30 and
 * falling as 1/sqrt(mean)). Used for audience re-acquisition and retention, where counts are large.
 */
final class Binomial {
  private Binomial() {}

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
    if (mean < 30) {
      double q = 1 - p;
      double pmf = Math.pow(q, n);
      if (pmf > 0) {
        double u = rng.nextDouble();
        long k = 0;
        double cdf = pmf;
        double ratio = p / q;
        while (u > cdf && k < n) {
          pmf *= ratio * (n - k) / (k + 1);
          k++;
          cdf += pmf;
        }
        return k;
      }
    }
    double sd = Math.sqrt(mean * (1 - p));
    long k = Math.round(mean + sd * rng.nextGaussian());
    return Math.max(0, Math.min(n, k));
  }
}
