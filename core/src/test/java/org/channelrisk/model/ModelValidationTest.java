package org.channelrisk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ModelValidationTest {
  static final Platform TG = Platform.of("telegram", "Telegram", 1000, SecurityRating.SAFE, Cooperation.none());

  @Nested
  class LatencyDistributions {
    @Test
    void rejectNonPositiveOrNonFiniteParameters() {
      assertThatThrownBy(() -> LatencyDistribution.exponential(0))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("meanDays must be finite and > 0: 0.0");
      assertThatThrownBy(() -> LatencyDistribution.exponential(Double.NaN)).hasMessageContaining("meanDays");
      assertThatThrownBy(() -> LatencyDistribution.exponentialHours(-1)).hasMessageContaining("meanHours");
      assertThatThrownBy(() -> LatencyDistribution.weibull(0, 1)).hasMessageContaining("shape");
      assertThatThrownBy(() -> LatencyDistribution.weibull(1, Double.POSITIVE_INFINITY)).hasMessageContaining("scaleDays");
      assertThatThrownBy(() -> LatencyDistribution.logNormal(Double.NaN, 1)).hasMessageContaining("mu");
      assertThatThrownBy(() -> LatencyDistribution.logNormal(0, 0)).hasMessageContaining("sigma");
      assertThatThrownBy(() -> LatencyDistribution.exponential(1).quantile(1.5)).hasMessageContaining("p must be in [0, 1]");
    }

    @Test
    void closedFormsAreRight() {
      assertThat(LatencyDistribution.exponentialHours(12).mean()).isEqualTo(0.5);
      assertThat(LatencyDistribution.exponential(2).quantile(0.5)).isCloseTo(2 * Math.log(2), org.assertj.core.data.Offset.offset(1e-15));
      // Weibull shape 1 is exponential; shape 2 mean = scale * sqrt(pi) / 2
      assertThat(LatencyDistribution.weibull(1, 3).mean()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(LatencyDistribution.weibull(2, 1).mean()).isCloseTo(Math.sqrt(Math.PI) / 2, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(LatencyDistribution.logNormal(0, 1).quantile(0.5)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
      LatencyDistribution.LogNormal ln = (LatencyDistribution.LogNormal) LatencyDistribution.logNormal(Math.log(2.5), 0.8);
      assertThat(ln.median()).isCloseTo(ln.quantile(0.5), org.assertj.core.data.Offset.offset(1e-12)).isCloseTo(2.5,
          org.assertj.core.data.Offset.offset(1e-12));
      assertThat(LatencyDistribution.logNormal(0, 1).survival(1.0)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-15));
      assertThat(LatencyDistribution.weibull(0.5, 1).survival(-1)).isEqualTo(1.0);
    }

    @Test
    void printsReadably() {
      assertThat(LatencyDistribution.exponentialHours(1)).hasToString("Exponential(mean 1.00 h)");
      assertThat(LatencyDistribution.weibull(0.27, 30)).hasToString("Weibull(shape 0.27, scale 30.00 d)");
    }
  }

  @Nested
  class Cooperations {
    @Test
    void rejectBadFields() {
      assertThatThrownBy(() -> Cooperation.of(1.2, Cooperation.DEFAULT_LATENCY)).hasMessage("compliance must be in [0, 1]: 1.2");
      assertThatThrownBy(() -> Cooperation.of(Double.NaN, Cooperation.DEFAULT_LATENCY)).hasMessageContaining("compliance");
      assertThatThrownBy(() -> Cooperation.of(0.5, null)).isInstanceOf(NullPointerException.class).hasMessage("latency must not be null");
      assertThatThrownBy(() -> Cooperation.builder().proactiveHazard(-0.1)).hasMessageContaining("proactiveHazard");
      assertThatThrownBy(() -> Cooperation.builder().visibilityExponent(Double.POSITIVE_INFINITY)).hasMessageContaining("visibilityExponent");
    }

    @Test
    void builderAndToString() {
      Cooperation c = Cooperation.builder().compliance(0.8364).latency(LatencyDistribution.exponentialHours(1)).build();
      assertThat(c.compliance()).isEqualTo(0.8364);
      assertThat(c.toString()).startsWith("Cooperation[compliance 83.6%, latency Exponential(mean 1.00 h)");
      assertThat(c.withCompliance(0.1).compliance()).isEqualTo(0.1);
    }

    @Test
    void builderTakesEachSettingOnce() {
      assertThatThrownBy(() -> Cooperation.builder().compliance(0.5).compliance(0.6)).isInstanceOf(IllegalStateException.class)
          .hasMessage("compliance was already set to 0.5");
      assertThatThrownBy(() -> Cooperation.builder().latency(Cooperation.DEFAULT_LATENCY).latency(LatencyDistribution.exponentialHours(1)))
          .hasMessageStartingWith("latency was already set to Exponential(");
      assertThatThrownBy(() -> Cooperation.builder().proactiveHazard(0.1).proactiveHazard(0.2)).hasMessage("proactiveHazard was already set to 0.1");
      assertThatThrownBy(() -> Cooperation.builder().visibilityExponent(0.5).visibilityExponent(1)).hasMessage("visibilityExponent was already set to 0.5");
      assertThat(Cooperation.builder().build()).isEqualTo(Cooperation.none());
    }

    @Test
    void scheduleLooksUpTheProfileInForce() {
      Cooperation a = Cooperation.none();
      Cooperation b = Cooperation.of(0.9, Cooperation.DEFAULT_LATENCY);
      Cooperation c = Cooperation.of(0.5, Cooperation.DEFAULT_LATENCY);
      CooperationSchedule s = CooperationSchedule.startingWith(a).from(10, b).from(20, c).build();
      assertThat(s.at(-1e9)).isEqualTo(a);
      assertThat(s.at(9.999)).isEqualTo(a);
      assertThat(s.at(10)).isEqualTo(b);
      assertThat(s.at(19)).isEqualTo(b);
      assertThat(s.at(20)).isEqualTo(c);
      assertThat(s.at(1e9)).isEqualTo(c);
      assertThat(s.changeDays()).containsExactly(10.0, 20.0);
      assertThat(s.isConstant()).isFalse();
      assertThat(CooperationSchedule.constant(a).at(5)).isEqualTo(a);
      assertThat(s).isEqualTo(CooperationSchedule.startingWith(a).from(10, b).from(20, c).build());
    }

    @Test
    void scheduleRejectsUnorderedOrNonFiniteDays() {
      CooperationSchedule.Builder b = CooperationSchedule.startingWith(Cooperation.none()).from(10, Cooperation.none());
      assertThatThrownBy(() -> b.from(10, Cooperation.none())).hasMessage("change days must strictly increase: day 10.0 is not after 10.0");
      assertThatThrownBy(() -> b.from(Double.NaN, Cooperation.none())).hasMessageContaining("day must be finite");
      assertThatThrownBy(() -> CooperationSchedule.constant(null)).isInstanceOf(NullPointerException.class);
    }
  }

  @Nested
  class Entities {
    @Test
    void platformChecks() {
      assertThatThrownBy(() -> Platform.of("", "x", 1, SecurityRating.SAFE, Cooperation.none())).hasMessage("platform id must not be empty");
      assertThatThrownBy(() -> Platform.of(" tg", "x", 1, SecurityRating.SAFE, Cooperation.none())).hasMessageContaining("white space");
      assertThatThrownBy(() -> Platform.of("tg", "x", -1, SecurityRating.SAFE, Cooperation.none())).hasMessage("userBase of platform tg must be >= 0: -1");
      assertThatThrownBy(() -> Platform.of("tg", "x", 1, null, Cooperation.none())).isInstanceOf(NullPointerException.class);
      assertThat(TG.toString()).contains("telegram", "1,000 users", "SAFE");
    }

    @Test
    void accountChecks() {
      assertThatThrownBy(() -> new Account("a", "tg", AccountRole.OPERATOR, -1)).hasMessage("spareAccounts of account a must be >= 0: -1");
      assertThatThrownBy(() -> new Account("a\nb", "tg", AccountRole.OPERATOR, 0)).hasMessageContaining("line break");
      assertThatThrownBy(() -> new Account("a", null, AccountRole.OPERATOR, 0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void channelChecks() {
      assertThatThrownBy(() -> Channel.builder("c", "tg").audience(-3).build()).hasMessage("audience of channel c must be >= 0: -3");
      assertThatThrownBy(() -> Channel.builder("c", "tg").generation(-1).build()).hasMessage("generation of channel c must be >= 0: -1");
      assertThatThrownBy(() -> Channel.builder("c", "tg").createdAt(Double.NaN).build()).hasMessage("createdAt of channel c must be finite: NaN");
      assertThatThrownBy(() -> Channel.builder("c", "tg").role(null).build()).isInstanceOf(NullPointerException.class);
      Channel c = Channel.builder("c", "tg").build();
      assertThat(c.operatorId()).isEqualTo("op-c");
      assertThat(c.role()).isEqualTo(ChannelRole.DISTRIBUTOR);
    }

    @Test
    void linkChecks() {
      assertThatThrownBy(() -> Link.of("a", "a")).hasMessage("a link must join two different channels: a -> a");
      assertThat(Link.of("a", "b")).hasToString("a -> b");
    }

    @Test
    void referralChecks() {
      assertThatThrownBy(() -> Referral.decided("r", "c", "tg", 5, ReferralOutcome.REMOVED, 4))
          .hasMessage("decidedAt of referral r must not be before sentAt 5.0: 4.0");
      assertThatThrownBy(() -> new Referral("r", "c", "tg", 5, ReferralOutcome.PENDING, OptionalDouble.of(6)))
          .hasMessageContaining("must be empty while the outcome is PENDING");
      assertThatThrownBy(() -> new Referral("r", "c", "tg", 5, ReferralOutcome.DECLINED, OptionalDouble.empty()))
          .hasMessage("decidedAt of referral r is required for outcome DECLINED");
      assertThatThrownBy(() -> Referral.pending("r", "c", "tg", Double.POSITIVE_INFINITY)).hasMessageContaining("sentAt");
      assertThat(Referral.decided("r", "c", "tg", 1, ReferralOutcome.REMOVED, 1.25).latency()).hasValue(0.25);
      assertThat(Referral.pending("r", "c", "tg", 1).latency()).isEmpty();
    }
  }

  @Nested
  class Ecosystems {
    Ecosystem.Builder base() {
      return Ecosystem.builder()
          .platform(TG)
          .account(new Account("op", "telegram", AccountRole.OPERATOR, 1))
          .channel(Channel.builder("c1", "telegram").operator("op").audience(10).build())
          .channel(Channel.builder("c2", "telegram").operator("op").audience(5).build());
    }

    @Test
    void buildsWithItsGraph() {
      Ecosystem e = base().link(Link.of("c1", "c2")).build();
      assertThat(e.linkGraph().successors("c1")).containsExactly("c2");
      assertThat(e.totalAudience()).isEqualTo(15);
      assertThat(e.channelsOn("telegram")).hasSize(2);
      assertThat(e.channel("nope")).isEmpty();
      assertThat(e.toString()).isEqualTo(
          "Ecosystem[1 platforms, 1 accounts, 2 channels {telegram=2}, 1 links, audience 15]");
      assertThat(Ecosystem.empty().channels()).isEmpty();
    }

    @Test
    void reportsBrokenReferencesByName() {
      assertThatThrownBy(() -> base().link(Link.of("c1", "c9")).build()).hasMessage("link c1 -> c9 ends at unknown channel 'c9'");
      assertThatThrownBy(() -> base().link(Link.of("c9", "c1")).build()).hasMessage("link c9 -> c1 starts at unknown channel 'c9'");
      assertThatThrownBy(() -> base().link(Link.of("c1", "c2")).link(Link.of("c1", "c2")).build()).hasMessage("link c1 -> c2 appears twice");
      assertThatThrownBy(() -> base().channel(Channel.builder("c3", "x").operator("op").build()).build())
          .hasMessage("channel c3 is on unknown platform 'x'");
      assertThatThrownBy(() -> base().channel(Channel.builder("c3", "telegram").operator("ghost").build()).build())
          .hasMessage("channel c3 has unknown operator account 'ghost'");
      assertThatThrownBy(() -> base().account(new Account("a2", "x", AccountRole.SUPPORTER, 0)).build())
          .hasMessage("account a2 is on unknown platform 'x'");
      assertThatThrownBy(() -> base().channel(Channel.builder("c1", "telegram").operator("op").build()))
          .hasMessage("duplicate channel id 'c1'");
      assertThatThrownBy(() -> base().platform(TG)).hasMessage("duplicate platform id 'telegram'");
    }

    @Test
    void mapIdentifiersRenamesEverythingButPlatforms() {
      Ecosystem e = base().link(Link.of("c1", "c2")).build().mapIdentifiers(s -> "x" + s);
      assertThat(e.channels().keySet()).containsExactly("xc1", "xc2");
      assertThat(e.channels().get("xc1").operatorId()).isEqualTo("xop");
      assertThat(e.links()).containsExactly(Link.of("xc1", "xc2"));
      assertThat(e.platforms().keySet()).containsExactly("telegram");
      assertThatThrownBy(() -> base().build().mapIdentifiers(s -> "same")).hasMessageContaining("duplicate");
    }
  }

  @Nested
  class Generator {
    @Test
    void rejectsBadConfiguration() {
      assertThatThrownBy(() -> EcosystemGenerator.builder().channels(-1)).hasMessage("channels must be >= 0: -1");
      assertThatThrownBy(() -> EcosystemGenerator.builder().channelsPerOperator(0.5)).hasMessageContaining("channelsPerOperator must be finite and >= 1");
      assertThatThrownBy(() -> EcosystemGenerator.builder().audience(0, 10, 1.5)).hasMessageContaining("minimum audience");
      assertThatThrownBy(() -> EcosystemGenerator.builder().audience(10, 5, 1.5)).hasMessageContaining("maximum audience 5 must be >= minimum 10");
      assertThatThrownBy(() -> EcosystemGenerator.builder().audience(1, 5, 0)).hasMessageContaining("tailExponent");
      assertThatThrownBy(() -> EcosystemGenerator.builder().meanOutDegree(-1)).hasMessageContaining("meanOutDegree");
      assertThatThrownBy(() -> EcosystemGenerator.builder().platform(TG, 0)).hasMessageContaining("share of platform telegram");
      assertThatThrownBy(() -> EcosystemGenerator.builder().platform(TG, 1).platform(TG, 1)).hasMessageContaining("duplicate platform id");
      assertThatThrownBy(() -> EcosystemGenerator.builder().roleShares(Map.of(ChannelRole.BACKUP, 0.0))).hasMessageContaining("at least one positive weight");
      assertThatThrownBy(() -> EcosystemGenerator.builder().languageShares(Map.of("ar", -1.0))).hasMessageContaining("languageShares[ar]");
      assertThatThrownBy(() -> EcosystemGenerator.builder().languageShares(null)).isInstanceOf(NullPointerException.class)
          .hasMessage("languageShares must not be null");
    }

    @Test
    void aRefusedSettingLeavesTheBuilderAsItWas() {
      EcosystemGenerator.Builder b = EcosystemGenerator.builder();
      assertThatThrownBy(() -> b.channels(-1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> b.audience(10, 5, 1.5)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> b.languageShares(Map.of("ar", -1.0))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> b.roleShares(null)).isInstanceOf(NullPointerException.class);
      assertThat(b.channels(3).audience(1, 5, 1.5).languageShares(Map.of("ar", 1.0)).roleShares(Map.of(ChannelRole.BACKUP, 1.0))
          .build().generate().channels()).hasSize(3);
    }

    @Test
    void takesEachSettingOnce() {
      assertThatThrownBy(() -> EcosystemGenerator.builder().channels(10).channels(20)).isInstanceOf(IllegalStateException.class)
          .hasMessage("channels was already set to 10");
      assertThatThrownBy(() -> EcosystemGenerator.builder().channelsPerOperator(2).channelsPerOperator(3))
          .hasMessage("channelsPerOperator was already set to 2.0");
      assertThatThrownBy(() -> EcosystemGenerator.builder().meanSpareAccounts(1).meanSpareAccounts(2)).hasMessage("meanSpareAccounts was already set to 1.0");
      assertThatThrownBy(() -> EcosystemGenerator.builder().audience(1, 5, 1.5).audience(1, 9, 1.5)).hasMessage("audience was already set to [1, 5], tail 1.5");
      assertThatThrownBy(() -> EcosystemGenerator.builder().meanOutDegree(1).meanOutDegree(2)).hasMessage("meanOutDegree was already set to 1.0");
      assertThatThrownBy(() -> EcosystemGenerator.builder().roleShares(Map.of(ChannelRole.BACKUP, 1.0)).roleShares(Map.of(ChannelRole.ARCHIVE, 1.0)))
          .hasMessage("roleShares was already set to {BACKUP=1.0}");
      assertThatThrownBy(() -> EcosystemGenerator.builder().languageShares(Map.of("ar", 1.0)).languageShares(Map.of("en", 1.0)))
          .hasMessage("languageShares was already set to {ar=1.0}");
      assertThatThrownBy(() -> EcosystemGenerator.builder().seed(7).seed(8)).hasMessage("seed was already set to 7");
      assertThat(EcosystemGenerator.builder().build().toString()).isEqualTo(EcosystemGenerator.builder().seed(EcosystemGenerator.DEFAULT_SEED).build().toString());
    }

    @Test
    void handlesDegenerateSizes() {
      assertThat(EcosystemGenerator.builder().channels(0).build().generate().channels()).isEmpty();
      Ecosystem one = EcosystemGenerator.builder().channels(1).build().generate();
      assertThat(one.channels()).hasSize(1);
      assertThat(one.links()).isEmpty();
      Ecosystem two = EcosystemGenerator.builder().channels(2).meanOutDegree(50).build().generate();
      assertThat(two.links()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void respectsRoleSharesAndPlatforms() {
      Platform other = Platform.of("other", "Other", 1, SecurityRating.SAFEST, Cooperation.none());
      Ecosystem e = EcosystemGenerator.builder().channels(3000).platform(TG, 3).platform(other, 1)
          .roleShares(Map.of(ChannelRole.BACKUP, 1.0)).seed(3).build().generate();
      assertThat(e.channels().values()).allMatch(c -> c.role() == ChannelRole.BACKUP);
      long onOther = e.channelsOn("other").size();
      assertThat(onOther).isBetween(550L, 950L); // expected 750
    }

    @Test
    void poissonHasTheRightMean() {
      var rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(1);
      double sum = 0;
      int n = 200_000;
      for (int i = 0; i < n; i++) {
        sum += EcosystemGenerator.poisson(3.0, rng);
      }
      assertThat(sum / n).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.02)); // sd of mean 0.004
    }
  }
}
