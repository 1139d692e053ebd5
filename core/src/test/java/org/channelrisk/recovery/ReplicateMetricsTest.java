package org.channelrisk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicateMetricsTest {
  /** Days 0..10: 100 before the takedown at 4, a drop to 20 at day 5, back up by 10 a day to 60. */
  private static final double[] T = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  private static final double[] Y = {100, 100, 100, 100, 40, 20, 30, 40, 50, 60, 60};

  @Test
  void eachMetricByHand() {
    ReplicateMetrics m = ReplicateMetrics.of(T, Y, 4, 4, 2);
    assertThat(m.baseline()).isEqualTo(100);
    assertThat(m.troughTime()).isEqualTo(5);
    assertThat(m.troughLevel()).isEqualTo(20);
    assertThat(m.relativeDepth()).isEqualTo(0.8);
    assertThat(m.recoveryRatio()).isEqualTo(0.6); // the points after day 8: 60, 60
    assertThat(m.t50()).isEqualTo(4); // 60 = 20 + 0.5 * 80 first reached at day 9
    assertThat(m.t90()).isInfinite(); // 92 never reached
    // trapezoids from day 5: (80+70)/2 + (70+60)/2 + (60+50)/2 + (50+40)/2 + (40+40)/2
    assertThat(m.lossArea()).isCloseTo(75 + 65 + 55 + 45 + 40, within(1e-12));
  }

  @Test
  void withoutPointsBeforeTheTakedownTheBaselineIsNotAvailable() {
    ReplicateMetrics m = ReplicateMetrics.of(T, Y, 0, 5, 2);
    assertThat(m.baseline()).isNaN();
    assertThat(m.relativeDepth()).isNaN();
    assertThat(m.t50()).isNaN();
    assertThatThrownBy(() -> ReplicateMetrics.of(T, Y, 11, 5, 2)).hasMessageContaining("no point at or after the takedown at 11");
  }

  @Test
  void spreadIsType7AndNeverSortsLast() {
    ReplicateMetrics.Spread s = ReplicateMetrics.Spread.of(new double[] {3, 1, 2, 4, 5, Double.NaN});
    assertThat(s.replicates()).isEqualTo(5);
    assertThat(s.median()).isEqualTo(3);
    assertThat(s.lower()).isCloseTo(1.2, within(1e-12)); // R: quantile(1:5, 0.05) = 1.2
    assertThat(s.upper()).isCloseTo(4.8, within(1e-12));
    ReplicateMetrics.Spread never = ReplicateMetrics.Spread.of(new double[] {10, 20, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY});
    assertThat(never.median()).isInfinite(); // half the replicates never recover
    assertThat(never.lower()).isCloseTo(11.5, within(1e-12));
    assertThat(never.toString()).startsWith("never (11.500-never)");
  }

  @Test
  void summaryAcrossReplicates() {
    double[] y2 = Y.clone();
    y2[5] = 40; // a shallower trough: the lowest point is now 30 at day 6
    ReplicateMetrics.Summary s = ReplicateMetrics.summarise(List.of(ReplicateMetrics.of(T, Y, 4, 4, 2), ReplicateMetrics.of(T, y2, 4, 4, 2)));
    assertThat(s.replicates()).isEqualTo(2);
    assertThat(s.relativeDepth().median()).isCloseTo(0.75, within(1e-12)); // 0.8 and 0.7
    assertThat(s.troughTime().lower()).isCloseTo(5.05, within(1e-12)); // days 5 and 6
    assertThat(s.toString()).contains("reach lost 0.75000 (0.70500-0.79500) over 2 replicates");
  }
}
