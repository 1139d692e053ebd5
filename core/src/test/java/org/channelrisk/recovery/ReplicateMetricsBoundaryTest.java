package org.channelrisk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The edges of the per-replicate definitions: window ends, ties, a trough at the first point. */
class ReplicateMetricsBoundaryTest {
  private static final double[] T = {0, 1, 2, 3, 4, 5, 6, 7, 8};
  private static final double[] Y = {50, 100, 80, 20, 40, 20, 70, 95, 90};

  @Test
  void windowEndsAndTiesByHand() {
    ReplicateMetrics m = ReplicateMetrics.of(T, Y, 3, 2, 2);
    // baseline window [1, 3): 100 and 80 (t = 1 is in, t = 3 is not), median 90
    assertThat(m.baseline()).isEqualTo(90);
    // trough: 20 at t = 3 (the takedown itself) and again at t = 5: the first
    assertThat(m.troughTime()).isEqualTo(3);
    assertThat(m.troughLevel()).isEqualTo(20);
    assertThat(m.relativeDepth()).isCloseTo(70.0 / 90, within(1e-15));
    // end window: t > 8 - 2, i.e. 95 and 90: 92.5 / 90
    assertThat(m.recoveryRatio()).isCloseTo(92.5 / 90, within(1e-15));
    // T50: 20 + 0.5 * 70 = 55, first reached by 70 at t = 6: 3 after the trough;
    // T90: 20 + 0.9 * 70 = 83, first reached by 95 at t = 7: 4
    assertThat(m.t50()).isEqualTo(3);
    assertThat(m.t90()).isEqualTo(4);
    // trapezoids of B0 - y = 70, 50, 70, 20, -5, 0 from t = 3: 60 + 60 + 45 + 7.5 - 2.5
    assertThat(m.lossArea()).isCloseTo(170, within(1e-12));
  }

  @Test
  void aTroughAtTheFirstPoint() {
    // takedown at the first time: the trough is that point (10), the later 30 and 20 are higher
    ReplicateMetrics m = ReplicateMetrics.of(new double[] {0, 1, 2}, new double[] {10, 30, 20}, 0, 1, 1);
    assertThat(m.troughTime()).isEqualTo(0);
    assertThat(m.troughLevel()).isEqualTo(10);
    assertThat(m.baseline()).isNaN();
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> ReplicateMetrics.of(new double[] {0, 1, 2}, new double[] {1, 2}, 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("3 times but 2 values");
    assertThatThrownBy(() -> ReplicateMetrics.of(T, Y, 3, 0, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baselineWindow must be > 0: 0.0");
    assertThatThrownBy(() -> ReplicateMetrics.of(T, Y, 3, 2, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("endWindow must be > 0: 0.0");
    assertThatThrownBy(() -> ReplicateMetrics.summarise(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no replicate to summarise");
  }
}
