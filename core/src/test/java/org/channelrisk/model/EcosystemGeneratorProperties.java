package org.channelrisk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.testing.PropertyCheck.forAll;

import org.assertj.core.data.Offset;
import org.channelrisk.testing.Gen;
import org.junit.jupiter.api.Test;

class EcosystemGeneratorProperties {
  record Config(int channels, long seed, double degree, double perOperator) {
    EcosystemGenerator generator() {
      return EcosystemGenerator.builder().channels(channels).seed(seed).meanOutDegree(degree)
          .channelsPerOperator(perOperator).build();
    }
  }

  static Config config(java.util.random.RandomGenerator rng, int minChannels) {
    return new Config(Gen.intIn(rng, minChannels, 400), rng.nextLong(), Gen.doubleIn(rng, 0, 8), Gen.doubleIn(rng, 1, 20));
  }

  @Test
  void sameSeedGivesTheSameEcosystem() {
    forAll("same seed, same ecosystem", 40, rng -> config(rng, 0), c ->
        assertThat(c.generator().generate()).isEqualTo(c.generator().generate()));
  }

  @Test
  void differentSeedsGiveDifferentEcosystems() {
    forAll("different seed, different ecosystem", 40, rng -> config(rng, 50), c -> {
      Config other = new Config(c.channels(), c.seed() + 1, c.degree(), c.perOperator());
      assertThat(c.generator().generate()).isNotEqualTo(other.generator().generate());
    });
  }

  @Test
  void shareMapsIterationOrderDoesNotChangeTheEcosystem() {
    // Map.of iterates in an order that differs between JVMs; a generator that followed it would give
    // different ecosystems for the same seed on two machines (two Spark executors, two CI runs)
    forAll("ecosystem independent of the share maps' order", 20, rng -> config(rng, 50), c -> {
      java.util.List<ChannelRole> roles = new java.util.ArrayList<>(java.util.List.of(ChannelRole.values()));
      java.util.List<String> languages = new java.util.ArrayList<>(java.util.List.of("ar", "de", "en", "ru"));
      java.util.Collections.shuffle(roles, new java.util.Random(c.seed()));
      java.util.Collections.shuffle(languages, new java.util.Random(c.seed() + 1));
      java.util.Map<ChannelRole, Double> roleShares = new java.util.LinkedHashMap<>();
      roles.forEach(r -> roleShares.put(r, 1.0 + r.ordinal()));
      java.util.Map<String, Double> languageShares = new java.util.LinkedHashMap<>();
      languages.forEach(l -> languageShares.put(l, 1.0 + l.charAt(0)));
      Ecosystem shuffled = EcosystemGenerator.builder().channels(c.channels()).seed(c.seed())
          .roleShares(roleShares).languageShares(languageShares).build().generate();
      Ecosystem ordered = EcosystemGenerator.builder().channels(c.channels()).seed(c.seed())
          .roleShares(new java.util.EnumMap<>(roleShares)).languageShares(new java.util.TreeMap<>(languageShares))
          .build().generate();
      assertThat(shuffled).isEqualTo(ordered);
    });
  }

  @Test
  void generatedEcosystemsSatisfyTheirInvariants() {
    forAll("generated ecosystems are consistent", 60, rng -> config(rng, 0), c -> {
      Ecosystem e = c.generator().generate();
      assertThat(e.channels()).hasSize(c.channels());
      for (Link l : e.links()) {
        assertThat(e.channels()).containsKey(l.from()).containsKey(l.to());
        assertThat(l.from()).isNotEqualTo(l.to());
      }
      assertThat(e.links()).doesNotHaveDuplicates();
      for (Channel ch : e.channels().values()) {
        assertThat(e.platforms()).containsKey(ch.platformId());
        assertThat(e.accounts()).containsKey(ch.operatorId());
        assertThat(e.accounts().get(ch.operatorId()).platformId()).isEqualTo(ch.platformId());
        assertThat(ch.audience()).isBetween(EcosystemGenerator.DEFAULT_MIN_AUDIENCE, EcosystemGenerator.DEFAULT_MAX_AUDIENCE);
      }
      assertThat(e.accounts().values()).allMatch(a -> a.spareAccounts() >= 0);
    });
  }

  /** A probability, a shape (Weibull shape, log-normal sigma) and a scale (mean, Weibull scale, log-normal median). */
  record Latency(double p, double shape, double scale) {}

  @Test
  void latencyQuantileInvertsTheDistributionFunction() {
    forAll("latency quantile inverts the CDF", 300,
        rng -> new Latency(Gen.doubleIn(rng, 0.01, 0.99), Gen.doubleIn(rng, 0.1, 5), Gen.doubleIn(rng, 0.01, 100)),
        x -> {
          double p = x.p();
          for (LatencyDistribution d : new LatencyDistribution[] {
              LatencyDistribution.exponential(x.scale()), LatencyDistribution.weibull(x.shape(), x.scale()),
              LatencyDistribution.logNormal(Math.log(x.scale()), x.shape())}) {
            assertThat(1 - d.survival(d.quantile(p))).as("%s", d).isCloseTo(p, Offset.offset(1e-9));
          }
        });
  }

  @Test
  void latencySamplesHaveTheStatedMean() {
    var rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(11);
    for (LatencyDistribution d : new LatencyDistribution[] {
        LatencyDistribution.exponential(2), LatencyDistribution.weibull(0.7, 3), LatencyDistribution.logNormal(0.5, 0.4)}) {
      int n = 400_000;
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < n; i++) {
        double x = d.sample(rng);
        sum += x;
        sumSq += x * x;
      }
      double mean = sum / n;
      double se = Math.sqrt((sumSq / n - mean * mean) / n);
      // 5 standard errors: a false alarm about once in 3.5 million runs
      assertThat(mean).as("%s", d).isCloseTo(d.mean(), Offset.offset(5 * se));
    }
  }
}
