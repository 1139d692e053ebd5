package org.channelrisk.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.channelrisk.sim.Observed;
import org.junit.jupiter.api.Test;

class ReplicatesTest {
  private static final double[] GRID = {0, 1, 2};

  @Test
  void changingTheReturnedMeanChangesNeitherTheMeanNorTheStatistics() {
    Replicates r = Replicates.of(List.of(Runs.of(GRID, Map.of(Observed.ACTIVE_CHANNELS, new double[] {10, 20, 30})),
        Runs.of(GRID, Map.of(Observed.ACTIVE_CHANNELS, new double[] {30, 40, 50}))));
    Statistic at0 = new Statistic.Value(Observed.ACTIVE_CHANNELS, 0);
    assertThat(at0.compute(r)).isEqualTo(20);

    r.mean(Observed.ACTIVE_CHANNELS)[0] = -999;

    assertThat(r.mean(Observed.ACTIVE_CHANNELS)).containsExactly(20, 30, 40);
    assertThat(at0.compute(r)).isEqualTo(20);
  }

  @Test
  void changingTheReturnedGridChangesNothing() {
    Replicates r = Replicates.of(List.of(Runs.of(GRID, Map.of(Observed.ACTIVE_CHANNELS, new double[] {10, 20, 30}))));
    r.times()[0] = 5;
    assertThat(r.times()).containsExactly(0, 1, 2);
    assertThat(new Statistic.Value(Observed.ACTIVE_CHANNELS, 0).compute(r)).isEqualTo(10);
  }
}
