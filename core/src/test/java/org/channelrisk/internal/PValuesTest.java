package org.channelrisk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** P-values as the tests print them: four digits, and a bound below the machine epsilon, as R. */
class PValuesTest {
  @Test
  void fourDigitsAndRsBoundBelowTheEpsilon() {
    assertThat(PValues.phrase(0.07046)).isEqualTo("p = 0.07046");
    assertThat(PValues.phrase(3.631e-6)).isEqualTo("p = 3.631e-06");
    assertThat(PValues.phrase(2.3e-16)).isEqualTo("p = 2.300e-16");
    assertThat(PValues.phrase(2.2e-16)).isEqualTo("p < 2.2e-16");
    assertThat(PValues.phrase(0.0)).isEqualTo("p < 2.2e-16");
    assertThat(PValues.phrase(Double.NaN)).isEqualTo("p not available");
    assertThat(PValues.cell(1e-300)).isEqualTo("<2.2e-16");
    assertThat(PValues.cell(1.0)).isEqualTo("1.000");
    assertThat(PValues.cell(Double.NaN)).isEqualTo("NA");
  }
}
