package org.channelrisk.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * Critical values checked against their definition, P(|Z| &lt;= z) = level, with the distribution
 * functions of Commons Math (not their inverses, which CriticalValues uses), and against R's qnorm and
 * qt printed to 16 digits. CriticalValues caches each value; every run of these tests asks for levels
 * that no earlier call in the same JVM asked for, so that the computation itself is checked and not a
 * value cached before.
 */
class CriticalValuesDefinitionTest {
  /** A new level on every call: 0.6 plus a multiple of 1e-9 never used before in this JVM. */
  private static final AtomicInteger FRESH = new AtomicInteger();

  private static double freshLevel(double base) {
    return base + 1e-9 * FRESH.incrementAndGet();
  }

  @Test
  void normalValuesHaveTheirCoverage() {
    NormalDistribution z = new NormalDistribution(null, 0, 1);
    for (double base : new double[] {0.6, 0.8, 0.9, 0.99}) {
      double level = freshLevel(base);
      double q = CriticalValues.normal(level);
      assertThat(z.cumulativeProbability(q) - z.cumulativeProbability(-q)).as("level %s", level).isCloseTo(level, within(1e-12));
      assertThat(CriticalValues.normal(level)).isEqualTo(q);
    }
    // qnorm(0.95) = 1.6448536269514722, qnorm(0.995) = 2.5758293035489004 (SciPy norm.ppf; levels 0.90 and 0.99,
    // perturbed by at most 1e-9 * a small count: the quantile moves by less than 1e-6)
    assertThat(CriticalValues.normal(freshLevel(0.9))).isCloseTo(1.6448536269514722, within(1e-6));
    assertThat(CriticalValues.normal(freshLevel(0.99))).isCloseTo(2.5758293035489004, within(1e-5));
  }

  @Test
  void studentValuesHaveTheirCoverage() {
    for (int df : new int[] {1, 2, 7, 30}) {
      TDistribution t = new TDistribution(null, df);
      for (double base : new double[] {0.6, 0.95}) {
        double level = freshLevel(base);
        double q = CriticalValues.student(level, df);
        assertThat(t.cumulativeProbability(q) - t.cumulativeProbability(-q)).as("level %s df %d", level, df)
            .isCloseTo(level, within(1e-9));
        assertThat(CriticalValues.student(level, df)).isEqualTo(q);
      }
    }
    // qt(0.975, 1) = 12.706204736174694, qt(0.975, 2) = 4.302652729749462 (SciPy t.ppf)
    assertThat(CriticalValues.student(freshLevel(0.95), 1)).isCloseTo(12.706204736174694, within(1e-4));
    assertThat(CriticalValues.student(freshLevel(0.95), 2)).isCloseTo(4.302652729749462, within(1e-5));
  }

  @Test
  void levelsMustLieStrictlyBetweenZeroAndOne() {
    assertThat(CriticalValues.checkLevel(0.95)).isEqualTo(0.95);
    assertThat(CriticalValues.checkLevel(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
    for (double bad : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
      assertThatThrownBy(() -> CriticalValues.checkLevel(bad)).as("%s", bad)
          .hasMessage("confidence level must be in (0, 1): " + bad);
    }
    assertThatThrownBy(() -> CriticalValues.normal(0)).hasMessageContaining("(0, 1)");
    assertThatThrownBy(() -> CriticalValues.student(1, 5)).hasMessageContaining("(0, 1)");
    assertThatThrownBy(() -> CriticalValues.student(0.95, -1)).hasMessage("degrees of freedom must be positive: -1");
    // zero is refused here, not left to Commons Math (whose message also names the degrees of freedom)
    assertThatThrownBy(() -> CriticalValues.student(0.95, 0)).hasMessage("degrees of freedom must be positive: 0");
    assertThat(CriticalValues.student(0.95, 1)).isCloseTo(12.706204736174694, within(1e-9));
  }

  @Test
  void probabilitiesIncludeZeroAndOne() {
    assertThat(SampleQuantiles.checkProbability(0.3)).isEqualTo(0.3);
    assertThat(SampleQuantiles.checkProbability(0)).isEqualTo(0);
    assertThat(SampleQuantiles.checkProbability(1)).isEqualTo(1);
    assertThatThrownBy(() -> SampleQuantiles.checkProbability(-1e-12)).hasMessage("p must be in [0, 1]: -1.0E-12");
    assertThatThrownBy(() -> SampleQuantiles.checkProbability(Double.NaN)).hasMessageContaining("[0, 1]");
    // ofSorted on sorted input, as R quantile(c(1, 2, 4, 8), c(0.5, 1)): 3 and 8
    assertThat(SampleQuantiles.ofSorted(new double[] {1, 2, 4, 8}, 0.5)).isEqualTo(3);
    assertThat(SampleQuantiles.ofSorted(new double[] {1, 2, 4, 8}, 1)).isEqualTo(8);
    assertThat(SampleQuantiles.ofSorted(new double[] {5}, 0.7)).isEqualTo(5);
  }
}
