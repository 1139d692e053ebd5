package org.channelrisk.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void criticalValuesEqualR() {
    // R: qnorm(0.975), qt(0.975, 10), qt(0.95, 3)
    assertThat(CriticalValues.normal(0.95)).isCloseTo(1.959963984540054, within(1e-14));
    assertThat(CriticalValues.student(0.95, 10)).isCloseTo(2.228138851986274, within(1e-12));
    assertThat(CriticalValues.student(0.90, 3)).isCloseTo(2.353363434801823, within(1e-12));
  }

  @Test
  void studentValuesOfDifferentLevelsAndDegreesDoNotShareACacheEntry() {
    // The old key, doubleToLongBits(level) * 31 + df, made these collide for some pairs; a record
    // key cannot. Ask for many pairs and check each against a fresh computation.
    for (int df = 1; df < 40; df++) {
      for (double level : new double[] {0.8, 0.9, 0.95, 0.99}) {
        double expected = new org.apache.commons.math3.distribution.TDistribution(null, df)
            .inverseCumulativeProbability(1 - (1 - level) / 2);
        assertThat(CriticalValues.student(level, df)).isEqualTo(expected);
      }
    }
  }

  @Test
  void levelsAndDegreesAreChecked() {
    assertThatThrownBy(() -> CriticalValues.normal(1)).hasMessageContaining("(0, 1)");
    assertThatThrownBy(() -> CriticalValues.student(0.95, 0)).hasMessageContaining("degrees of freedom");
  }

  @Test
  void type7QuantilesEqualR() {
    // R: quantile(c(3, 1, 2, 4), c(0, 0.25, 0.5, 0.9, 1))
    double[] x = {3, 1, 2, 4};
    assertThat(SampleQuantiles.of(x, 0)).isEqualTo(1);
    assertThat(SampleQuantiles.of(x, 0.25)).isEqualTo(1.75);
    assertThat(SampleQuantiles.of(x, 0.5)).isEqualTo(2.5);
    assertThat(SampleQuantiles.of(x, 0.9)).isCloseTo(3.7, within(1e-15));
    assertThat(SampleQuantiles.of(x, 1)).isEqualTo(4);
    assertThat(x).containsExactly(3, 1, 2, 4);
  }

  @Test
  void quantilesLeaveOutNaNAndNeverInventAFiniteNumberNextToAnInfinity() {
    assertThat(SampleQuantiles.of(new double[] {Double.NaN, 1, 2}, 0.5)).isEqualTo(1.5);
    assertThat(SampleQuantiles.of(new double[] {Double.NaN}, 0.5)).isNaN();
    assertThat(SampleQuantiles.of(new double[] {1, 2, Double.POSITIVE_INFINITY}, 0.75)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(SampleQuantiles.of(new double[] {1, 2, Double.POSITIVE_INFINITY}, 0.5)).isEqualTo(2);
    assertThat(SampleQuantiles.of(new double[] {Double.NEGATIVE_INFINITY, 1, 2}, 0.25)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(SampleQuantiles.of(new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}, 0.5)).isNaN();
    assertThat(SampleQuantiles.of(new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, 0.5))
        .isEqualTo(Double.POSITIVE_INFINITY);
    assertThatThrownBy(() -> SampleQuantiles.of(new double[] {1}, 1.5)).hasMessageContaining("[0, 1]");
  }

  @Test
  void quantilesOfSortedValuesCheckTheirArguments() {
    assertThatThrownBy(() -> SampleQuantiles.ofSorted(new double[0], 0.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one value");
    assertThatThrownBy(() -> SampleQuantiles.ofSorted(new double[] {1, 2}, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p must be in [0, 1]: 2.0");
    assertThatThrownBy(() -> SampleQuantiles.ofSorted(new double[] {1, 2}, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
