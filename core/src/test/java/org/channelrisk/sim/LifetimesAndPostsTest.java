package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.channelrisk.model.ChannelRole;
import org.channelrisk.model.Cooperation;
import org.channelrisk.model.Ecosystem;
import org.channelrisk.model.EcosystemGenerator;
import org.channelrisk.model.LatencyDistribution;
import org.channelrisk.model.Platform;
import org.channelrisk.model.SecurityRating;
import org.junit.jupiter.api.Test;

/** Causes of ends, lifetimes, posts and new channels (the simulator's competing risks and activity). */
class LifetimesAndPostsTest {
  static Scenario twoPlatforms(int channels, double abandon, double move) {
    return SimulationTest.rich(channels, 0.8, 11).toBuilder().abandonmentRate(abandon).moveRate(move).eventLog(true).build();
  }

  @Test
  void everyEndHasACauseAndTheLifetimesAddUp() {
    Scenario s = twoPlatforms(1_500, 0.002, 0.003);
    Simulation.Run run = Simulation.of(s).seed(4).replicate(1).run();
    Trajectory tr = run.trajectory();
    int last = tr.times().length - 1;
    List<ChannelLifetime> lives = run.lifetimes();
    int n = s.ecosystem().channels().size();
    assertThat(lives).hasSize(n + (int) tr.values(Observed.RECREATIONS)[last]);
    Map<String, Integer> byStatus = new HashMap<>();
    for (ChannelLifetime l : lives) {
      byStatus.merge(l.status(), 1, Integer::sum);
      assertThat(l.end()).isGreaterThanOrEqualTo(l.start());
      assertThat(l.censored()).isEqualTo(l.end() == s.horizon() && l.cause().isEmpty());
    }
    assertThat(byStatus.get("referral") + byStatus.get("proactive")).isEqualTo((int) tr.values(Observed.REMOVALS)[last]);
    assertThat(byStatus.get("abandoned") + byStatus.get("migrated")).isEqualTo((int) tr.values(Observed.DEPARTURES)[last]);
    assertThat(byStatus.get("censored")).isEqualTo((int) tr.values(Observed.ACTIVE_CHANNELS)[last]);
    // by channel and generation; a channel's incarnations follow one another, and a move lands elsewhere
    for (int k = 1; k < lives.size(); k++) {
      ChannelLifetime a = lives.get(k - 1);
      ChannelLifetime b = lives.get(k);
      if (a.channelId().equals(b.channelId())) {
        assertThat(b.generation()).isEqualTo(a.generation() + 1);
        assertThat(b.start()).isGreaterThanOrEqualTo(a.end());
        assertThat(a.censored()).isFalse();
        assertThat(a.cause()).isNotEqualTo(java.util.Optional.of(EndCause.ABANDONED));
        if (a.cause().equals(java.util.Optional.of(EndCause.MIGRATED))) {
          assertThat(b.platformId()).isNotEqualTo(a.platformId());
        }
      } else {
        assertThat(b.generation()).isZero();
      }
    }
    // the event log carries the cause of each end
    long ends = run.events().stream().filter(e -> e.cause().isPresent()).count();
    assertThat(ends).isEqualTo(lives.size() - byStatus.get("censored"));
    assertThat(run.events().stream().filter(e -> e.kind() == SimEvent.Kind.DEPARTURE)
        .allMatch(e -> e.cause().orElseThrow() == EndCause.MIGRATED)).isTrue();
    // channels are conserved with departures counted
    for (int g = 0; g <= last; g++) {
      assertThat(n + tr.values(Observed.RECREATIONS)[g] - tr.values(Observed.REMOVALS)[g] - tr.values(Observed.DEPARTURES)[g])
          .isEqualTo(tr.values(Observed.ACTIVE_CHANNELS)[g]);
    }
    // recording changes nothing, and the public entry point gives the same incarnations
    assertThat(Simulation.of(s.toBuilder().eventLog(false).build()).seed(4).replicate(1).run().trajectory().values()).isDeepEqualTo(tr.values());
    assertThat(Simulation.of(s.toBuilder().eventLog(false).build()).seed(4).replicate(1).lifetimes()).isEqualTo(lives);
  }

  @Test
  void abandonmentAloneIsExponentialDecay() {
    // one platform, nothing else acting: E[active(t)] = N exp(-a t), and every end is "abandoned"
    Cooperation none = Cooperation.none();
    int n = 4_000;
    double a = 0.01;
    Scenario s = Scenario.builder(SimulationTest.ecosystem(n, none, 3)).abandonmentRate(a).moveRate(0.5).horizon(100).gridStep(10).build();
    EnsembleSummary e = Ensemble.of(s).replicates(40).seed(9).threads(2).run();
    double[] mean = e.mean(Observed.ACTIVE_CHANNELS);
    double[] sd = e.sd(Observed.ACTIVE_CHANNELS);
    double[] t = e.times();
    for (int g = 1; g < t.length; g++) {
      double expected = n * Math.exp(-a * t[g]);
      assertThat(Math.abs(mean[g] - expected)).as("t %s", t[g]).isLessThanOrEqualTo(SimulationTest.Z999 * sd[g] / Math.sqrt(40));
    }
    assertThat(e.mean(Observed.MIGRATIONS)[t.length - 1]).as("one platform: nowhere to move").isZero();
    List<ChannelLifetime> lives = Simulation.of(s).seed(9).lifetimes();
    assertThat(lives).extracting(ChannelLifetime::status).containsOnly("abandoned", "censored");
  }

  @Test
  void postsFollowTheRolesRatesFromAStreamOfTheirOwn() {
    Scenario s = SimulationTest.rich(2_000, 0.8, 5);
    Trajectory base = Simulation.of(s).seed(3).replicate(2).run().trajectory();
    Scenario.Builder silentB = s.toBuilder();
    for (ChannelRole r : ChannelRole.values()) {
      silentB.postingRate(r, 0);
    }
    Trajectory silent = Simulation.of(silentB.build()).seed(3).replicate(2).run().trajectory();
    assertThat(silent.values(Observed.POSTS)).containsOnly(0.0);
    // every other observable is the same with or without posts
    for (Observed o : Observed.values()) {
      if (o != Observed.POSTS) {
        assertThat(silent.values(o)).as(o.key()).containsExactly(base.values(o));
      }
    }
    // before the action day (day 30) nothing much happens: posts per day near sum(rate x channels of the role)
    double expected = 0;
    for (ChannelRole r : ChannelRole.values()) {
      expected += s.postingRate(r) * base.activeByRole()[r.ordinal()][0];
    }
    double sum = 0;
    double active = 0;
    for (int g = 1; g <= 20; g++) {
      sum += base.values(Observed.POSTS)[g];
      active += base.values(Observed.ACTIVE_CHANNELS)[g];
    }
    double perChannel = expected / base.values(Observed.ACTIVE_CHANNELS)[0];
    // 20 days of Poisson counts of mean ~ perChannel x active: within 5 standard deviations
    assertThat(sum).isCloseTo(perChannel * active, org.assertj.core.data.Offset.offset(5 * Math.sqrt(perChannel * active) + 0.01 * sum));
    // new channels per day add up to the re-creations
    int last = base.times().length - 1;
    double created = 0;
    for (int g = 0; g <= last; g++) {
      created += base.values(Observed.NEW_CHANNELS)[g];
    }
    assertThat(created).isEqualTo(base.values(Observed.RECREATIONS)[last]);
    assertThat(base.values(Observed.NEW_CHANNELS)[0]).isZero();
  }

  @Test
  void postsOnACoarseGridArePerDay() {
    // no process acts: posts per day is Poisson(sum of rates x step) / step at every grid time
    Cooperation none = Cooperation.none();
    Platform p = Platform.of("telegram", "Telegram", 1, SecurityRating.SAFE, none);
    Ecosystem eco = EcosystemGenerator.builder().platform(p, 1).channels(1_000).seed(2).build().generate();
    Scenario s = Scenario.builder(eco).horizon(400).gridStep(4).build();
    double rate = 0;
    for (ChannelRole r : ChannelRole.values()) {
      rate += s.postingRate(r) * eco.channels().values().stream().filter(c -> c.role() == r).count();
    }
    double[] posts = Simulation.of(s).seed(1).run().trajectory().values(Observed.POSTS);
    double sum = 0;
    for (double x : posts) {
      sum += x * 4;
    }
    double mean = rate * 4 * posts.length;
    assertThat(sum).isCloseTo(mean, org.assertj.core.data.Offset.offset(5 * Math.sqrt(mean)));
  }

  @Test
  void badRatesAreRefused() {
    Scenario.Builder b = Scenario.builder(Ecosystem.empty());
    assertThatThrownBy(() -> b.abandonmentRate(-1)).hasMessage("abandonmentRate must be finite and >= 0: -1.0");
    assertThatThrownBy(() -> b.moveRate(Double.POSITIVE_INFINITY)).hasMessageContaining("moveRate must be finite");
    assertThatThrownBy(() -> b.postingRate(ChannelRole.BACKUP, Double.NaN)).hasMessageContaining("postingRate of BACKUP");
    assertThat(Scenario.defaultPostingRate(ChannelRole.DISTRIBUTOR)).isEqualTo(5);
  }
}
