package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.channelrisk.recovery.ReplicateMetrics;
import org.channelrisk.stats.Estimate;
import org.junit.jupiter.api.Test;

/** The shares the demo and simulate print: never "NaN%". */
class OutcomeTextTest {
  @Test
  void aShareThatIsNotAvailableReadsNa() {
    assertThat(Demo.pct(new Estimate(0.8, 0.79, 0.81, "m"))).isEqualTo("80% (79-81%)");
    assertThat(Demo.pct(new Estimate(Double.NaN, Double.NaN, Double.NaN, "m"))).isEqualTo("n/a");
    assertThat(Demo.pct(new Estimate(0.8, Double.NaN, 0.9, "m"))).isEqualTo("80% (?-90%)");
    assertThat(Demo.pct(new ReplicateMetrics.Spread(Double.NaN, Double.NaN, Double.NaN, 0))).isEqualTo("n/a");
  }
}
