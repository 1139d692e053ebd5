package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine's binomial variates against Commons Math's exact distribution. */
class BinomialTest {
  static final int DRAWS = 200_000;

  /** Pearson's chi-square of the counts against the exact pmf, cells with expected count >= 5 pooled. */
  static double pValue(long[] counts, int n, double p) {
    BinomialDistribution exact = new BinomialDistribution(null, n, p);
    double chi2 = 0;
    int cells = 0;
    double pooledObserved = 0;
    double pooledExpected = 0;
    for (int k = 0; k <= n; k++) {
      pooledObserved += counts[k];
      pooledExpected += DRAWS * exact.probability(k);
      if (pooledExpected >= 5 || k == n) {
        chi2 += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
        cells++;
        pooledObserved = 0;
        pooledExpected = 0;
      }
    }
    return 1 - new ChiSquaredDistribution(null, cells - 1).cumulativeProbability(chi2);
  }

  @ParameterizedTest(name = "n={0}, exposure={1}")
  @CsvSource({"1, 0.3", "30, 0.09", "120, 0.09", "300, 0.09", "40, 1.2", "1000, 0.001"})
  void exactInversionFollowsTheBinomialDistribution(int n, double exposure) {
    double p = -Math.expm1(-exposure);
    RandomGenerator rng = Simulation.generator(7, n);
    long[] byProbability = new long[n + 1];
    long[] byExposure = new long[n + 1];
    for (int d = 0; d < DRAWS; d++) {
      byProbability[(int) Binomial.sample(rng, n, p)]++;
      byExposure[(int) Binomial.sampleExposure(rng, n, exposure)]++;
    }
    // a fixed seed: these p-values are what this seed gives, far from any rejection threshold
    assertThat(pValue(byProbability, n, p)).as("sample(n, p)").isGreaterThan(0.001);
    assertThat(pValue(byExposure, n, p)).as("sampleExposure(n, x)").isGreaterThan(0.001);
  }

  @ParameterizedTest(name = "n={0}, p={1}")
  @CsvSource({"1000, 0.1", "100000, 0.3", "50, 0.9"})
  void largeMeansHaveTheBinomialMeanAndVariance(int n, double p) {
    RandomGenerator rng = Simulation.generator(11, n);
    double sum = 0;
    double sumSq = 0;
    for (int d = 0; d < DRAWS; d++) {
      long k = Binomial.sample(rng, n, p);
      assertThat(k).isBetween(0L, (long) n);
      sum += k;
      sumSq += (double) k * k;
    }
    double mean = sum / DRAWS;
    double variance = sumSq / DRAWS - mean * mean;
    double sd = Math.sqrt(n * p * (1 - p));
    assertThat(Math.abs(mean - n * p)).isLessThan(5 * sd / Math.sqrt(DRAWS));
    assertThat(variance / (sd * sd)).isBetween(0.97, 1.03);
  }

  @ParameterizedTest(name = "n={0}")
  @CsvSource({"0", "-3"})
  void noTrialsGiveNoSuccesses(long n) {
    RandomGenerator rng = Simulation.generator(1, 1);
    assertThat(Binomial.sample(rng, n, 0.5)).isZero();
    assertThat(Binomial.sampleExposure(rng, n, 0.5)).isZero();
    assertThat(Binomial.sample(rng, 10, 0)).isZero();
    assertThat(Binomial.sample(rng, 10, 1)).isEqualTo(10);
    assertThat(Binomial.sampleExposure(rng, 10, 0)).isZero();
  }
}
