package org.channelrisk.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GenerationTest {
  @Test
  void generationZeroReadsAsAcceptingEveryParticleNotAsInfinity() {
    assertThat(new Generation(0, Double.POSITIVE_INFINITY, 500, 500, 1, 500))
        .hasToString("generation 0: epsilon none (every particle accepted), 500 simulations (500 in all), acceptance 1.00, ESS 500.0");
    assertThat(new Generation(3, 0.012345, 800, 2300, 0.5, 412.25).toString()).startsWith("generation 3: epsilon 0.01235, 800 simulations");
  }
}
