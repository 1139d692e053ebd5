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
  /**
   * A random small scenario: sizes, rates, bans, strategies and platforms drawn from wide ranges, all
   * but the compliance, so that one configuration can be run under two. A record of what was drawn
   * (the ecosystem by its generator's settings and seed), so that a counterexample prints it and
   * shrinks it.
   *
   * @param latencyHours mean removal latency, 0 for none
   */
  record Config(double latencyHours, double proactiveHazard, double visibilityExponent, int channels,
      double spareAccounts, long ecosystemSeed, boolean otherPlatform, double detectionRate, double recreationShare,
      double recreationDays, BanLevel routineBan, double routineBanShare, double actionDay, double window, int budget,
      TargetingStrategy strategy, BanLevel banLevel, double spareBanShare, double pressureDays,
      double pressureMultiplier, double abandonmentRate, double moveRate, int horizon, double gridStep) {
    static Config draw(RandomGenerator rng) {
      double latencyHours = rng.nextBoolean() ? Gen.doubleIn(rng, 1, 72) : 0;
      double proactiveHazard = Gen.doubleIn(rng, 0, 0.01);
      double visibilityExponent = Gen.doubleIn(rng, 0, 1);
      int channels = Gen.intIn(rng, 0, 400);
      double spareAccounts = Gen.doubleIn(rng, 0, 3);
      long ecosystemSeed = rng.nextLong();
      boolean otherPlatform = rng.nextBoolean();
      double detectionRate = Gen.doubleIn(rng, 0, 0.05);
      double recreationShare = Gen.doubleIn(rng, 0, 1);
      double recreationDays = Gen.doubleIn(rng, 0.5, 10);
      BanLevel routineBan = rng.nextBoolean() ? BanLevel.CHANNEL : BanLevel.ACCOUNT;
      double routineBanShare = Gen.doubleIn(rng, 0, 1);
      double actionDay = Gen.doubleIn(rng, 0, 60);
      double window = Gen.doubleIn(rng, 0, 5);
      int budget = Gen.intIn(rng, 0, channels + 10); // the generator makes exactly that many channels
      TargetingStrategy strategy = TargetingStrategy.values()[rng.nextInt(5)];
      BanLevel banLevel = rng.nextBoolean() ? BanLevel.CHANNEL : BanLevel.ACCOUNT;
      double spareBanShare = Gen.doubleIn(rng, 0, 1);
      double pressureDays = Gen.doubleIn(rng, 0, 30);
      double pressureMultiplier = Gen.doubleIn(rng, 1, 5);
      double abandonmentRate = rng.nextInt(3) == 0 ? Gen.doubleIn(rng, 0, 0.02) : 0;
      double moveRate = rng.nextInt(3) == 0 ? Gen.doubleIn(rng, 0, 0.02) : 0;
      int horizon = Gen.intIn(rng, 0, 90);
      double gridStep = Gen.doubleIn(rng, 0.5, 3);
      return new Config(latencyHours, proactiveHazard, visibilityExponent, channels, spareAccounts, ecosystemSeed,
          otherPlatform, detectionRate, recreationShare, recreationDays, routineBan, routineBanShare, actionDay, window,
          budget, strategy, banLevel, spareBanShare, pressureDays, pressureMultiplier, abandonmentRate, moveRate,
          horizon, gridStep);
    }

    Scenario scenario(double compliance) {
      Cooperation c = Cooperation.builder().compliance(compliance)
          .latency(latencyHours > 0 ? LatencyDistribution.exponentialHours(latencyHours) : LatencyDistribution.fixed(0))
          .proactiveHazard(proactiveHazard).visibilityExponent(visibilityExponent).build();
      Platform tg = Platform.of("telegram", "Telegram", 500_000_000, SecurityRating.SAFE, c);
      Platform other = Platform.of("other", "Other", 1_000_000, SecurityRating.SAFEST, Cooperation.none());
      EcosystemGenerator.Builder g = EcosystemGenerator.builder().platform(tg, 1).channels(channels)
          .meanSpareAccounts(spareAccounts).seed(ecosystemSeed);
      if (otherPlatform) {
        g.platform(other, 0.2);
      }
      Ecosystem eco = g.build().generate();
      return Scenario.builder(eco)
          .detectionRate(detectionRate)
          .recreation(recreationShare, LatencyDistribution.exponential(recreationDays))
          .routineBan(routineBan, routineBanShare)
          .actionDay(ActionDay.at(actionDay).window(window).budget(budget)
              .platforms("telegram").strategy(strategy)
              .banLevel(banLevel).spareBanShare(spareBanShare)
              .pressure(pressureDays, pressureMultiplier).build())
          .abandonmentRate(abandonmentRate)
          .moveRate(moveRate)
          .horizon(horizon).gridStep(gridStep).build();
    }
  }

  /** A configuration, its compliance and a run seed. */
  record Run(double compliance, Config config, long seed) {
    static Run draw(RandomGenerator rng) {
      double compliance = Gen.doubleIn(rng, 0, 1);
      return new Run(compliance, Config.draw(rng), rng.nextLong());
    }

    Scenario scenario() {
      return config.scenario(compliance);
    }
  }

  /** One generated configuration under a lower and a higher compliance. */
  record ComplianceStep(Config config, double lower, double higher) {}

  @Test
  void runsAreReproducibleAndConserveChannels() {
    Coverage cov = new Coverage();
    forAll("simulation: reproducible, conserving", 120, Run::draw, x -> {
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
    forAll("ensemble: 1, 2 or 8 threads", 15, Run::draw, x -> {
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
      Config config = Config.draw(rng);
      double low = Gen.doubleIn(rng, 0, 0.5);
      return new ComplianceStep(config, low, low + Gen.doubleIn(rng, 0.3, 0.5));
    }, x -> {
      Scenario lowS = x.config().scenario(x.lower());
      Scenario highS = x.config().scenario(x.higher());
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
