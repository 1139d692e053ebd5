package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.channelrisk.model.Cooperation;
import org.junit.jupiter.api.Test;

class AudienceProcessTest {
  /** 400 channels of audience 1,000 on one platform, no links drawn from the generator's default. */
  static Scenario scenario(double r0, double r1, double retention) {
    return Scenario.builder(SimulationTest.ecosystem(400, Cooperation.none(), 4)).audience(new AudienceRecovery(r0, r1, retention)).build();
  }

  @Test
  void aRecreatedChannelsFormerAudienceReturnsAsAPureDeathProcess() {
    double r0 = 0.1;
    double retention = 0.6;
    Scenario s = scenario(r0, 0, retention);
    CompiledEcosystem st = s.structure();
    AudienceProcess a = new AudienceProcess(s, st);
    var rng = Simulation.generator(8, 0);
    long total = a.total;
    long former = 0;
    long pools = 0;
    for (int i = 0; i < st.size(); i++) {
      a.advance(i, 1, rng);
      former += a.audience(i);
      a.end(i);
    }
    assertThat(a.total).isZero();
    assertThat(former).isEqualTo(total);
    for (int i = 0; i < st.size(); i++) {
      a.recreate(i, 1, 0, rng);
      pools += a.pool(i);
    }
    // retention: Binomial(former, 0.6) summed
    assertThat((double) pools).isCloseTo(retention * former, org.assertj.core.data.Offset.offset(5 * Math.sqrt(former * 0.24)));
    assertThat(a.recovering()).isEqualTo((int) java.util.stream.IntStream.range(0, st.size()).filter(i -> a.pool(i) > 0).count());
    // after dt, E[found] = pool (1 - exp(-r0 dt)), from one refresh or from many small steps alike
    double dt = 3;
    a.catchUp(1 + dt / 2, rng);
    for (int i = 0; i < st.size(); i += 7) {
      a.advance(i, 1 + dt * 0.7, rng); // lazy updates in between change nothing in law
    }
    a.catchUp(1 + dt, rng);
    double expected = pools * -Math.expm1(-r0 * dt);
    assertThat((double) a.total).isCloseTo(expected, org.assertj.core.data.Offset.offset(5 * Math.sqrt(expected)));
    long found = 0;
    for (int i = 0; i < st.size(); i++) {
      found += a.audience(i);
    }
    assertThat(found).isEqualTo(a.total);
  }

  @Test
  void linksRaiseTheHazardAndRefreshesReportChanges() {
    Scenario s = scenario(0, 0.5, 1);
    CompiledEcosystem st = s.structure();
    AudienceProcess a = new AudienceProcess(s, st);
    var rng = Simulation.generator(9, 0);
    a.advance(0, 0, rng);
    a.end(0);
    a.recreate(0, 0, 0, rng);
    long pool = a.pool(0);
    assertThat(pool).isEqualTo(st.audience[0]);
    a.catchUp(10, rng);
    assertThat(a.audience(0)).as("no link, r0 = 0: nobody finds it").isZero();
    assertThat(a.recovering()).isZero();
    assertThat(a.cap(0)).isEqualTo(pool);
    a.linkChanged(0, 10, +2, rng);
    assertThat(a.recovering()).isEqualTo(1);
    a.catchUp(10.5, rng);
    assertThat(a.cap(0)).as("audience + pool is constant while the incarnation lives").isEqualTo(pool);
    a.linkChanged(0, 10.5, -2, rng);
    assertThat(a.recovering()).as("hazard 0 again: no finding scheduled").isZero();
    a.linkChanged(0, 11, +2, rng);
    a.catchUp(300, rng);
    assertThat(a.audience(0)).isEqualTo(pool);
    assertThat(a.recovering()).isZero();
  }

  /** One channel of the given audience (and its operator) on one platform. */
  static org.channelrisk.model.Ecosystem oneChannel(long audience) {
    org.channelrisk.model.Platform p = org.channelrisk.model.Platform.of("telegram", "Telegram", 1_000_000,
        org.channelrisk.model.SecurityRating.SAFE, Cooperation.none());
    return org.channelrisk.model.Ecosystem.builder().platform(p)
        .account(new org.channelrisk.model.Account("op-big", "telegram", org.channelrisk.model.AccountRole.OPERATOR, 0))
        .channel(org.channelrisk.model.Channel.builder("big", "telegram").audience(audience).operator("op-big").build())
        .build();
  }

  @Test
  void audiencesAboveThirtyTwoBitsAreRefusedWhenTheScenarioIsBuilt() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scenario.builder(oneChannel(Scenario.MAX_AUDIENCE + 1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("channel big has an audience of 2147483648; the simulator holds at most 2147483647 per channel");
    // the largest audience it holds runs, and is kept exactly
    Trajectory t = Simulation.of(Scenario.builder(oneChannel(Scenario.MAX_AUDIENCE)).horizon(30).build()).seed(1).run()
        .trajectory();
    assertThat(t.value(Observed.AUDIENCE, 0)).isEqualTo((double) Scenario.MAX_AUDIENCE);
  }
}
