package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

class PoissonTest {
  /** Chi-square goodness of fit against Commons Math's pmf, on both sides of the method switch. */
  @Test
  void variatesFollowThePoissonDistribution() {
    for (double mean : new double[] {0.3, 2.5, 9.99, 10, 37.5, 2_000}) {
      RandomGenerator rng = Simulation.generator(17, (long) (mean * 100));
      int draws = 200_000;
      PoissonDistribution ref = new PoissonDistribution(null, mean, 1e-12, 10_000_000);
      int lo = (int) Math.max(0, Math.floor(mean - 5 * Math.sqrt(mean)));
      int hi = (int) Math.ceil(mean + 5 * Math.sqrt(mean)) + 3;
      long[] counts = new long[hi - lo + 2];
      double sum = 0;
      for (int k = 0; k < draws; k++) {
        long x = Poisson.sample(rng, mean);
        sum += x;
        int cell = x < lo ? 0 : x > hi ? counts.length - 1 : (int) (x - lo);
        counts[cell]++;
      }
      // cells with expected counts of at least 5, the rest pooled into the two tails
      double chi = 0;
      int cells = 0;
      double pooled = 0;
      long pooledCount = 0;
      for (int c = 0; c < counts.length; c++) {
        double p;
        if (c == 0) {
          p = lo == 0 ? ref.probability(0) : ref.cumulativeProbability(lo);
        } else if (c == counts.length - 1) {
          p = 1 - ref.cumulativeProbability(hi);
        } else {
          p = ref.probability(lo + c);
        }
        double expected = p * draws;
        if (expected < 5) {
          pooled += expected;
          pooledCount += counts[c];
          continue;
        }
        chi += (counts[c] - expected) * (counts[c] - expected) / expected;
        cells++;
      }
      if (pooled > 5) {
        chi += (pooledCount - pooled) * (pooledCount - pooled) / pooled;
        cells++;
      }
      double critical = new ChiSquaredDistribution(cells - 1).inverseCumulativeProbability(0.999);
      assertThat(chi).as("mean %s", mean).isLessThan(critical);
      assertThat(sum / draws).as("mean %s", mean).isCloseTo(mean, org.assertj.core.data.Offset.offset(5 * Math.sqrt(mean / draws)));
    }
  }

  @Test
  void edgeCases() {
    RandomGenerator rng = Simulation.generator(1, 1);
    assertThat(Poisson.sample(rng, 0)).isZero();
    assertThat(Poisson.sample(rng, 1e12)).isBetween((long) (1e12 - 1e7), (long) (1e12 + 1e7));
    assertThatThrownBy(() -> Poisson.sample(rng, -1)).hasMessageContaining("Poisson mean must be finite and >= 0: -1");
    assertThatThrownBy(() -> Poisson.sample(rng, Double.NaN)).hasMessageContaining("finite");
    // a generator that always returns 0 (or nearly 1) must not hang
    RandomGenerator zero = () -> 0L;
    assertThat(Poisson.sample(zero, 3)).isZero();
    assertThatThrownBy(() -> Poisson.sample(zero, 300)).isInstanceOf(IllegalStateException.class).hasMessageContaining("broken");
  }
}
