package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.channelrisk.model.ChannelRole;
import org.junit.jupiter.api.Test;

/** A trajectory made directly is checked for the shapes its accessors read. */
class TrajectoryTest {
  static final int OBSERVABLES = Observed.values().length;
  static final int ROLES = ChannelRole.values().length;

  static Trajectory of(double[] times, int observables, int columns) {
    return new Trajectory(times, new double[observables][columns], List.of("a"), new double[1][columns], new double[ROLES][columns],
        new double[1][columns], new double[1][columns], 0, 0);
  }

  @Test
  void aWellShapedTrajectoryIsAccepted() {
    Trajectory t = of(new double[] {0, 1}, OBSERVABLES, 2);
    assertThat(t.toString()).startsWith("Trajectory[2 times to 1.0; at the end: 0 active");
    assertThat(t.values(Observed.ACTIVE_CHANNELS)).containsExactly(0, 0);
  }

  @Test
  void anEmptyGridOrWrongShapesAreRefusedWithAMessage() {
    assertThatThrownBy(() -> of(new double[0], OBSERVABLES, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a trajectory needs at least one grid time");
    assertThatThrownBy(() -> of(new double[] {0, 1}, 2, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("values must have one row per observable (" + OBSERVABLES + "), found 2");
    assertThatThrownBy(() -> new Trajectory(new double[] {0, 1}, new double[OBSERVABLES][1], List.of("a"), new double[1][2],
        new double[ROLES][2], new double[1][2], new double[1][2], 0, 0))
        .hasMessage("values row 0 has 1 values for 2 grid times");
    assertThatThrownBy(() -> new Trajectory(new double[] {0}, new double[OBSERVABLES][1], List.of("a", "b"), new double[1][1],
        new double[ROLES][1], new double[2][1], new double[2][1], 0, 0))
        .hasMessage("activeByPlatform must have one row per platform (2), found 1");
    assertThatThrownBy(() -> new Trajectory(new double[] {0}, new double[OBSERVABLES][1], List.of("a"), new double[1][1],
        new double[1][1], new double[1][1], new double[1][1], 0, 0))
        .hasMessage("activeByRole must have one row per role (" + ROLES + "), found 1");
    assertThatThrownBy(() -> of(new double[] {1, 1}, OBSERVABLES, 2)).hasMessageContaining("grid times must strictly increase");
    assertThatThrownBy(() -> of(new double[] {Double.NaN}, OBSERVABLES, 1)).hasMessageContaining("grid time 0 must be finite");
    assertThatThrownBy(() -> new Trajectory(new double[] {0}, new double[OBSERVABLES][1], List.of("a"), new double[1][1],
        new double[ROLES][1], new double[1][1], new double[1][1], -1, 0)).hasMessage("events must be >= 0: -1");
    assertThatThrownBy(() -> new Trajectory(null, new double[OBSERVABLES][1], List.of("a"), new double[1][1],
        new double[ROLES][1], new double[1][1], new double[1][1], 0, 0)).isInstanceOf(NullPointerException.class)
        .hasMessage("times must not be null");
  }
}
