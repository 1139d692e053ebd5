package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.channelrisk.model.ChannelRole;
import org.channelrisk.model.Cooperation;
import org.junit.jupiter.api.Test;

class RecorderTest {
  @Test
  void countsRatesAndLifetimes() {
    Scenario.Builder b = Scenario.builder(SimulationTest.ecosystem(10, Cooperation.none(), 1)).horizon(4).gridStep(2).eventLog(true);
    for (ChannelRole r : ChannelRole.values()) {
      b.postingRate(r, 0);
    }
    Scenario s = b.build();
    CompiledEcosystem st = s.structure();
    Recorder rec = new Recorder(s, st, Simulation.generator(1, 1));
    rec.observe(0, 0, 0);
    int r = st.role[3];
    rec.ended(st.platform[3], r, 0.5);
    rec.lifetime(3, "x", 0, "telegram", r, 0.5, Optional.of(EndCause.PROACTIVE));
    rec.counters[Observed.REMOVALS.ordinal()]++;
    rec.observe(1, 2, 7);
    rec.created(3, st.platform[3], r, 3);
    rec.counters[Observed.RECREATIONS.ordinal()]++;
    rec.observe(2, 4, 7);
    rec.lifetime(3, "x", 1, "telegram", r, 4, Optional.empty());
    rec.lifetime(1, "w", 0, "telegram", st.role[1], 4, Optional.empty());
    Trajectory t = rec.trajectory(st.platformIds, 0, 0);
    assertThat(t.values(Observed.ACTIVE_CHANNELS)).containsExactly(10, 9, 10);
    assertThat(t.values(Observed.AUDIENCE)).containsExactly(0, 7, 7);
    assertThat(t.values(Observed.NEW_CHANNELS)).containsExactly(0, 0, 0.5);
    assertThat(t.values(Observed.POSTS)).containsOnly(0.0);
    assertThat(t.removedByPlatform()[0]).containsExactly(0, 1, 1);
    assertThat(rec.lifetimes()).extracting(ChannelLifetime::channelId, ChannelLifetime::generation, ChannelLifetime::start,
        ChannelLifetime::status).containsExactly(
            org.assertj.core.groups.Tuple.tuple("w", 0, 0.0, "censored"),
            org.assertj.core.groups.Tuple.tuple("x", 0, 0.0, "proactive"),
            org.assertj.core.groups.Tuple.tuple("x", 1, 3.0, "censored"));
  }
}
