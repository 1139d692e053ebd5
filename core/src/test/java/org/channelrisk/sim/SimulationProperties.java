package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.testing.PropertyCheck.forAll;

import java.util.random.RandomGenerator;
import org.channelrisk.model.Cooperation;
import org.channelrisk.model.Ecosystem;
import org.channelrisk.model.EcosystemGenerator;
import org.channelrisk.model.LatencyDistribution;
import org.channelrisk.model.Platform;
import org.channelrisk.model.SecurityRating;
import org.channelrisk.testing.Coverage;
import org.channelrisk.testing.Gen;
import org.junit.jupiter.api.Test;

class SimulationProperties {
  /** A scenario and a run seed. */
  record Run(Scenario scenario, long seed) {}

  /** One generated configuration under a lower and a higher compliance. */
  record ComplianceStep(long configSeed, double lower, double higher) {}

  /** A random small scenario: sizes, rates, bans, strategies and platforms drawn from wide ranges. */
  static Scenario scenario(RandomGenerator rng, double compliance) {
    Cooperation c = Cooperation.builder().compliance(compliance)
        .latency(rng.nextBoolean() ? LatencyDistribution.exponentialHours(Gen.doubleIn(rng, 1, 72)) : LatencyDistribution.fixed(0))
        .proactiveHazard(Gen.doubleIn(rng, 0, 0.01)).visibilityExponent(Gen.doubleIn(rng, 0, 1)).build();
    Platform tg = Platform.of("telegram", "Telegram", 500_000_000, SecurityRating.SAFE, c);
    Platform other = Platform.of("other", "Other", 1_000_000, SecurityRating.SAFEST, Cooperation.none());
    EcosystemGenerator.Builder g = EcosystemGenerator.builder().platform(tg, 1).channels(Gen.intIn(rng, 0, 400))
        .meanSpareAccounts(Gen.doubleIn(rng, 0, 3)).seed(rng.nextLong());
    if (rng.nextBoolean()) {
      g.platform(other, 0.2);
    }
    Ecosystem eco = g.build().generate();
    int n = eco.channels().size();
    return Scenario.builder(eco)
        .detectionRate(Gen.doubleIn(rng, 0, 0.05))
        .recreation(Gen.doubleIn(rng, 0, 1), LatencyDistribution.exponential(Gen.doubleIn(rng, 0.5, 10)))
        .routineBan(rng.nextBoolean() ? BanLevel.CHANNEL : BanLevel.ACCOUNT, Gen.doubleIn(rng, 0, 1))
        .actionDay(ActionDay.at(Gen.doubleIn(rng, 0, 60)).window(Gen.doubleIn(rng, 0, 5)).budget(Gen.intIn(rng, 0, n + 10))
            .platforms("telegram").strategy(TargetingStrategy.values()[rng.nextInt(5)])
            .banLevel(rng.nextBoolean() ? BanLevel.CHANNEL : BanLevel.ACCOUNT).spareBanShare(Gen.doubleIn(rng, 0, 1))
            .pressure(Gen.doubleIn(rng, 0, 30), Gen.doubleIn(rng, 1, 5)).build())
        .abandonmentRate(rng.nextInt(3) == 0 ? Gen.doubleIn(rng, 0, 0.02) : 0)
        .moveRate(rng.nextInt(3) == 0 ? Gen.doubleIn(rng, 0, 0.02) : 0)
        .horizon(Gen.intIn(rng, 0, 90)).gridStep(Gen.doubleIn(rng, 0.5, 3)).build();
  }

  @Test
  void runsAreReproducibleAndConserveChannels() {
    Coverage cov = new Coverage();
    forAll("simulation: reproducible, conserving", 120, rng -> new Run(scenario(rng, Gen.doubleIn(rng, 0, 1)), rng.nextLong()), x -> {
      Scenario s = x.scenario();
      long seed = x.seed();
      Trajectory a = Simulation.of(s).seed(seed).run().trajectory();
      Trajectory b = Simulation.of(s).seed(seed).run().trajectory();
      assertThat(a.values()).isDeepEqualTo(b.values());
      int n = s.ecosystem().channels().size();
      int last = a.times().length - 1;
      cov.count("removals", a.values(Observed.REMOVALS)[last] > 0);
      cov.count("re-creations", a.values(Observed.RECREATIONS)[last] > 0);
      cov.count("migrations", a.values(Observed.MIGRATIONS)[last] > 0);
      cov.count("empty ecosystem", n == 0);
      cov.count("departures", a.values(Observed.DEPARTURES)[last] > 0);
      for (int g = 0; g <= last; g++) {
        double active = a.values(Observed.ACTIVE_CHANNELS)[g];
        assertThat(n + a.values(Observed.RECREATIONS)[g] - a.values(Observed.REMOVALS)[g] - a.values(Observed.DEPARTURES)[g])
            .isEqualTo(active);
        assertThat(a.values(Observed.POSTS)[g]).isNotNegative();
        double perPlatform = 0;
        for (int p = 0; p < a.platforms().size(); p++) {
          double onP = a.activeByPlatform()[p][g];
          assertThat(onP).isNotNegative();
          // created - removed = active, on every platform (migrations move channels between them)
          assertThat(a.createdByPlatform()[p][g] - a.removedByPlatform()[p][g]).isEqualTo(onP);
          perPlatform += onP;
        }
        assertThat(perPlatform).isEqualTo(active);
        assertThat(a.values(Observed.AUDIENCE)[g]).isNotNegative();
        if (g > 0) {
          for (Observed o : new Observed[] {Observed.REMOVALS, Observed.RECREATIONS, Observed.REFERRALS_SENT, Observed.MIGRATIONS}) {
            assertThat(a.values(o)[g]).isGreaterThanOrEqualTo(a.values(o)[g - 1]);
          }
        }
      }
    });
    cov.requireAtLeast("removals", 30);
    cov.requireAtLeast("re-creations", 20);
    cov.requireAtLeast("migrations", 5);
    cov.requireAtLeast("empty ecosystem", 3);
    cov.requireAtLeast("departures", 5);
  }

  @Test
  void ensemblesAreIndependentOfThreadCount() {
    forAll("ensemble: 1, 2 or 8 threads", 15, rng -> new Run(scenario(rng, Gen.doubleIn(rng, 0, 1)), rng.nextLong()), x -> {
      Scenario s = x.scenario();
      long seed = x.seed();
      EnsembleSummary one = Ensemble.of(s).replicates(9).seed(seed).threads(1).run();
      assertThat(Ensemble.of(s).replicates(9).seed(seed).threads(2).run()).isEqualTo(one);
      assertThat(Ensemble.of(s).replicates(9).seed(seed).threads(8).run()).isEqualTo(one);
    });
  }

  @Test
  void moreComplianceNeverMeansMoreActiveChannels() {
    // Monotone response, in expectation: with the same seeds, an ensemble under higher compliance never
    // has more active channels on average (beyond 3 standard errors of the difference).
    forAll("more compliance, not more channels", 10, rng -> {
      long configSeed = rng.nextLong();
      double low = Gen.doubleIn(rng, 0, 0.5);
      return new ComplianceStep(configSeed, low, low + Gen.doubleIn(rng, 0.3, 0.5));
    }, x -> {
      Scenario lowS = scenario(org.channelrisk.sim.Simulation.generator(x.configSeed(), 1), x.lower());
      Scenario highS = scenario(org.channelrisk.sim.Simulation.generator(x.configSeed(), 1), x.higher());
      EnsembleSummary low = Ensemble.of(lowS).replicates(30).seed(5).threads(2).run();
      EnsembleSummary high = Ensemble.of(highS).replicates(30).seed(5).threads(2).run();
      double[] ml = low.mean(Observed.ACTIVE_CHANNELS);
      double[] mh = high.mean(Observed.ACTIVE_CHANNELS);
      double[] sl = low.sd(Observed.ACTIVE_CHANNELS);
      double[] sh = high.sd(Observed.ACTIVE_CHANNELS);
      for (int g = 0; g < ml.length; g++) {
        double se = Math.sqrt((sl[g] * sl[g] + sh[g] * sh[g]) / 30);
        assertThat(mh[g]).as("t %s", low.times()[g]).isLessThanOrEqualTo(ml[g] + 3 * se + 1e-9);
      }
    });
  }
}
