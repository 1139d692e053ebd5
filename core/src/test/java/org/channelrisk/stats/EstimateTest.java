package org.channelrisk.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The printed form of an estimate, with the figures written out by hand (six significant digits). */
class EstimateTest {
  @Test
  void printsSixSignificantDigitsAndNaForWhatIsNotAvailable() {
    // the package documentation's example: R's aml median 27 with limits 18 and 45
    Estimate m = new Estimate(27, 18, 45, "log transform, 95%");
    assertThat(m.toString()).isEqualTo("27.0000 (18.0000, 45.0000; log transform, 95%)");
    assertThat(m.isReached()).isTrue();
    Estimate notReached = new Estimate(Double.NaN, 18, Double.NaN, "log transform, 95%");
    assertThat(notReached.toString()).isEqualTo("NA (18.0000, NA; log transform, 95%)");
    assertThat(notReached.isReached()).isFalse();
    assertThat(Estimate.fmt(Math.PI)).isEqualTo("3.14159");
    assertThat(Estimate.fmt(-0.00123456789)).isEqualTo("-0.00123457");
    assertThat(Estimate.fmt(-0.0)).as("a negative zero prints as 0").isEqualTo("0.00000");
  }

  @Test
  void anEstimateNamesItsMethod() {
    assertThatThrownBy(() -> new Estimate(1, 0, 2, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("method must not be null");
  }
}
