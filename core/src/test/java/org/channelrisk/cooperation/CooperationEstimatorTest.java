package org.channelrisk.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.channelrisk.model.Cooperation;
import org.channelrisk.model.Referral;
import org.channelrisk.model.ReferralOutcome;
import org.junit.jupiter.api.Test;

class CooperationEstimatorTest {
  @Test
  void wilsonIntervalsMatchPublishedValues() {
    // Newcombe (1998), Table I: 81/263 -> 0.2553 to 0.3662; 15/148 -> 0.0624 to 0.1605; 0/20 -> 0 to 0.1611
    Proportion a = Proportion.wilson(81, 263, 0.95);
    assertThat(a.lower()).isCloseTo(0.2553, Offset.offset(5e-5));
    assertThat(a.upper()).isCloseTo(0.3662, Offset.offset(5e-5));
    Proportion b = Proportion.wilson(15, 148, 0.95);
    assertThat(b.lower()).isCloseTo(0.0624, Offset.offset(5e-5));
    assertThat(b.upper()).isCloseTo(0.1605, Offset.offset(5e-5));
    Proportion c = Proportion.wilson(0, 20, 0.95);
    assertThat(c.lower()).isZero();
    assertThat(c.upper()).isCloseTo(0.1611, Offset.offset(5e-5));
    assertThat(Proportion.wilson(0, 0, 0.95).estimate()).isNaN();
    assertThatThrownBy(() -> Proportion.wilson(3, 2, 0.95)).hasMessageContaining("0 <= successes <= trials");
  }

  /** A log from a known process: compliance p, exponential removal latency with the given mean. */
  static List<Referral> log(String platform, int n, double p, double meanLatency, double until, long seed, int offset) {
    var rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    List<Referral> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = platform + "-" + (i + offset);
      double sent = rng.nextDouble() * (until - 10);
      if (rng.nextDouble() < p) {
        double at = sent + meanLatency * rng.nextExponential();
        out.add(at <= until ? Referral.decided(id, id, platform, sent, ReferralOutcome.REMOVED, at)
            : Referral.pending(id, id, platform, sent));
      } else {
        out.add(Referral.decided(id, id, platform, sent, ReferralOutcome.DECLINED, sent + 0.5));
      }
    }
    return out;
  }

  @Test
  void aPlatformWithoutRemovalsIsLeftOutOfTheLatencyComparison() {
    // platform a declined everything: no latencies, so the comparison would have one group and threw
    List<Referral> refs = List.of(
        Referral.decided("1", "c1", "a", 1, ReferralOutcome.DECLINED, 2),
        Referral.decided("2", "c2", "b", 1, ReferralOutcome.REMOVED, 3),
        Referral.decided("3", "c3", "b", 2, ReferralOutcome.REMOVED, 4));
    CooperationEstimate est = CooperationEstimator.estimateDefaults(refs);
    assertThat(est.latencyComparisons()).isEmpty();
    assertThat(est.get("a", "all").removed()).isZero();
  }

  @Test
  void tiedLatenciesSayThePValueIsNotAvailable() {
    List<Referral> refs = new ArrayList<>();
    for (String platform : new String[] {"a", "b"}) {
      for (int i = 0; i < 2; i++) {
        refs.add(Referral.decided(platform + i, "c" + platform + i, platform, 1, ReferralOutcome.REMOVED, 2));
      }
    }
    CooperationEstimate est = CooperationEstimator.estimateDefaults(refs);
    assertThat(est.toString()).contains("p not available").doesNotContain("NaN");
  }

  @Test
  void recoversComplianceAndLatencyAndFeedsAScenario() {
    List<Referral> refs = new ArrayList<>(log("telegram", 3000, 0.9, 0.25, 200, 1, 0));
    refs.addAll(log("other", 1000, 0.5, 4.0, 200, 2, 0));
    CooperationEstimate est = CooperationEstimator.builder().until(200).build().estimate(refs);
    PlatformCooperation tg = est.get("telegram", "all");
    assertThat(tg.compliance().lower()).isLessThan(0.9);
    assertThat(tg.compliance().upper()).isGreaterThan(0.9);
    assertThat(tg.referrals()).isEqualTo(3000);
    assertThat(tg.removed() + tg.declined() + tg.pending()).isEqualTo(3000);
    Cooperation c = tg.toCooperation();
    assertThat(c.compliance()).isEqualTo(tg.compliance().estimate());
    assertThat(c.latency().mean()).isCloseTo(0.25, Offset.offset(0.03));
    assertThat(est.latencyComparisons().get("all").pValue()).isLessThan(1e-10);
    assertThat(est.toString()).contains("telegram [all]", "other [all]");
  }

  @Test
  void periodsSplitByTheSendingTime() {
    List<Referral> refs = new ArrayList<>(log("telegram", 500, 0.1, 2, 100, 3, 0));
    List<Referral> later = log("telegram", 500, 0.95, 0.2, 100, 4, 1000);
    for (Referral r : later) {
      refs.add(new Referral(r.id(), r.target(), r.platformId(), r.sentAt() + 100, r.outcome(),
          r.decidedAt().isPresent() ? java.util.OptionalDouble.of(r.decidedAt().getAsDouble() + 100) : java.util.OptionalDouble.empty()));
    }
    CooperationEstimate est = CooperationEstimator.builder().until(200).periodStarts(100).build().estimate(refs);
    assertThat(est.get("telegram", "before 100").compliance().estimate()).isLessThan(0.2);
    assertThat(est.get("telegram", "from 100").compliance().estimate()).isGreaterThan(0.9);
    assertThatThrownBy(() -> est.get("telegram", "all")).hasMessageContaining("no referrals to 'telegram' in period 'all'");
  }

  /** Two removals, a pending referral and a declined one, on platform p. */
  static final List<Referral> FOUR = List.of(
      Referral.decided("a", "a", "p", 0, ReferralOutcome.REMOVED, 1),
      Referral.decided("b", "b", "p", 0, ReferralOutcome.REMOVED, 3),
      Referral.pending("c", "c", "p", 4),
      Referral.decided("d", "d", "p", 0, ReferralOutcome.DECLINED, 1));

  @Test
  void pendingReferralsAreCensoredAtTheEndOfObservation() {
    List<Referral> refs = FOUR;
    PlatformCooperation p = CooperationEstimator.builder().until(10).build().estimate(refs).get("p", "all");
    assertThat(p.latency().records()).isEqualTo(3); // declined left out
    assertThat(p.latency().times()).containsExactly(1.0, 3.0, 6.0); // pending censored at 10 - 4
    assertThat(p.latency().nCensor(2)).isEqualTo(1);
    assertThat(p.compliance().trials()).isEqualTo(3);
  }

  @Test
  void rowsAndEstimatesMadeDirectlyAreChecked() {
    List<Referral> refs = FOUR;
    CooperationEstimate est = CooperationEstimator.builder().until(10).build().estimate(refs);
    PlatformCooperation p = est.get("p", "all");
    assertThat(new PlatformCooperation(p.platform(), p.period(), 4, 2, 1, 1, p.compliance(), p.latency(), p.latencyFits()))
        .isEqualTo(p);
    assertThatThrownBy(() -> new PlatformCooperation("p", "all", 5, 2, 1, 1, p.compliance(), p.latency(), p.latencyFits()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("removed 2 + declined 1 + pending 1 must equal the referrals 5");
    assertThatThrownBy(() -> new PlatformCooperation("p", "all", 4, 3, -1, 2, p.compliance(), p.latency(), p.latencyFits()))
        .hasMessage("declined must be >= 0: -1");
    assertThatThrownBy(() -> new PlatformCooperation("p", "all", 4, 2, 1, 1, Proportion.wilson(1, 3, 0.95), p.latency(), p.latencyFits()))
        .hasMessage("compliance must be removed of removed + declined (2 of 3), found 1 of 3");
    assertThatThrownBy(() -> new PlatformCooperation("p", "all", 4, 2, 1, 1, p.compliance(), null, p.latencyFits()))
        .isInstanceOf(NullPointerException.class).hasMessage("latency must not be null");
    assertThatThrownBy(() -> new CooperationEstimate(est.platforms(), est.latencyComparisons(), Double.NEGATIVE_INFINITY))
        .hasMessage("until must be finite: -Infinity");
    assertThatThrownBy(() -> new CooperationEstimate(null, est.latencyComparisons(), 10)).hasMessage("platforms must not be null");
  }

  @Test
  void statesWhatCannotBeEstimated() {
    List<Referral> declinedOnly = List.of(Referral.decided("a", "a", "p", 0, ReferralOutcome.DECLINED, 1));
    PlatformCooperation p = CooperationEstimator.estimateDefaults(declinedOnly).get("p", "all");
    assertThat(p.bestLatencyFit()).isEmpty();
    assertThatThrownBy(p::toCooperation).isInstanceOf(IllegalStateException.class).hasMessageContaining("no fitted latency");
    List<Referral> pendingOnly = List.of(Referral.pending("a", "a", "p", 0));
    assertThatThrownBy(() -> CooperationEstimator.estimateDefaults(pendingOnly).get("p", "all").toCooperation())
        .hasMessageContaining("no decided referral");
    assertThatThrownBy(() -> CooperationEstimator.builder().until(0.5).build().estimate(declinedOnly))
        .hasMessageContaining("after the end of observation");
    assertThatThrownBy(() -> CooperationEstimator.builder().periodStarts(5, 5)).hasMessageContaining("strictly increasing");
  }

  @Test
  void aProportionIsCheckedWhenMadeDirectly() {
    assertThatThrownBy(() -> new Proportion(5, 3, 2, Double.NaN, 7, 0.95)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("need 0 <= successes <= trials: 5 of 3");
    assertThatThrownBy(() -> new Proportion(1, 2, 0.4, 0.1, 0.9, 0.95)).hasMessage("estimate must be successes / trials = 1 of 2: 0.4");
    assertThatThrownBy(() -> new Proportion(1, 2, 0.5, Double.NaN, 0.9, 0.95))
        .hasMessage("need 0 <= lower <= estimate <= upper <= 1: NaN <= 0.5 <= 0.9");
    assertThatThrownBy(() -> new Proportion(1, 2, 0.5, 0.6, 0.9, 0.95)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Proportion(1, 2, 0.5, 0.1, 1.5, 0.95)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Proportion(1, 2, 0.5, 0.1, 0.9, 1)).hasMessageContaining("confidence level");
    assertThatThrownBy(() -> new Proportion(0, 0, 0, Double.NaN, Double.NaN, 0.95)).hasMessageContaining("must be NaN");
    assertThat(new Proportion(1, 2, 0.5, 0.1, 0.9, 0.95).estimate()).isEqualTo(0.5);
    // every Wilson interval is a valid proportion, down to one success in 10^15 trials
    long[] trials = {1, 2, 3, 7, 10, 263, 48_931, 1_000_003, 1_000_000_000_000_000L};
    for (long n : trials) {
      for (long k : new long[] {0, 1, n / 3, n / 2, n - 1, n}) {
        for (double level : new double[] {0.5, 0.95, 0.999999}) {
          Proportion p = Proportion.wilson(Math.max(0, k), n, level);
          assertThat(p.lower()).as("%s of %s", k, n).isLessThanOrEqualTo(p.estimate());
        }
      }
    }
  }

  @Test
  void anEmptyLogIsRefused() {
    assertThatThrownBy(() -> CooperationEstimator.estimateDefaults(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the referral log is empty: nothing to estimate");
    assertThatThrownBy(() -> CooperationEstimator.builder().until(10).build().estimate(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CooperationEstimator.estimateDefaults(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("log must not be null");
    assertThatThrownBy(() -> CooperationEstimator.builder().periodStarts((double[]) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("period starts must not be null");
  }

  @Test
  void aSecondCallToASetterFailsNamingTheValueItHas() {
    assertThatThrownBy(() -> CooperationEstimator.builder().until(5).until(6)).isInstanceOf(IllegalStateException.class)
        .hasMessage("until was already set to 5.0");
    assertThatThrownBy(() -> CooperationEstimator.builder().periodStarts(1, 2).periodStarts(3))
        .hasMessage("period starts was already set to [1.0, 2.0]");
    assertThatThrownBy(() -> CooperationEstimator.builder().level(0.9).level(0.95)).hasMessage("level was already set to 0.9");
  }

  @Test
  void anEstimateAndItsRowsCannotBeChangedByTheirCallers() {
    List<Referral> refs = new ArrayList<>(log("telegram", 300, 0.9, 0.25, 200, 1, 0));
    refs.addAll(log("other", 300, 0.5, 4.0, 200, 2, 0));
    for (Referral r : log("telegram", 300, 0.9, 0.25, 100, 5, 1000)) {
      refs.add(new Referral(r.id(), r.target(), r.platformId(), r.sentAt() + 100, r.outcome(),
          r.decidedAt().isPresent() ? java.util.OptionalDouble.of(r.decidedAt().getAsDouble() + 100) : java.util.OptionalDouble.empty()));
    }
    refs.addAll(log("other", 300, 0.5, 4.0, 200, 6, 1000).stream().filter(r -> r.sentAt() >= 100).toList());
    CooperationEstimate est = CooperationEstimator.builder().until(200).periodStarts(100).build().estimate(refs);
    // the comparisons keep the periods' time order, and the map handed out is not the estimate's to change
    assertThat(est.latencyComparisons().keySet()).containsExactly("before 100", "from 100");
    assertThatThrownBy(() -> est.latencyComparisons().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> est.platforms().clear()).isInstanceOf(UnsupportedOperationException.class);

    java.util.Map<String, org.channelrisk.survival.LogRankTest.Result> comparisons = new java.util.LinkedHashMap<>(est.latencyComparisons());
    List<PlatformCooperation> rows = new ArrayList<>(est.platforms());
    CooperationEstimate copy = new CooperationEstimate(rows, comparisons, est.until());
    comparisons.remove("before 100");
    rows.clear();
    assertThat(copy.latencyComparisons().keySet()).containsExactly("before 100", "from 100");
    assertThat(copy.platforms()).hasSize(est.platforms().size());
    assertThat(copy).isEqualTo(est);
    // the order given is kept, not sorted: reversed labels stay reversed
    java.util.Map<String, org.channelrisk.survival.LogRankTest.Result> reversed = new java.util.LinkedHashMap<>();
    reversed.put("from 100", est.latencyComparisons().get("from 100"));
    reversed.put("before 100", est.latencyComparisons().get("before 100"));
    assertThat(new CooperationEstimate(est.platforms(), reversed, est.until()).latencyComparisons().keySet())
        .containsExactly("from 100", "before 100");

    PlatformCooperation tg = est.get("telegram", "from 100");
    assertThat(tg.latencyFits()).isNotEmpty();
    assertThatThrownBy(() -> tg.latencyFits().clear()).isInstanceOf(UnsupportedOperationException.class);
    List<org.channelrisk.survival.ParametricSurvival.Fit> fits = new ArrayList<>(tg.latencyFits());
    PlatformCooperation row = new PlatformCooperation(tg.platform(), tg.period(), tg.referrals(), tg.removed(), tg.declined(),
        tg.pending(), tg.compliance(), tg.latency(), fits);
    fits.clear();
    assertThat(row.latencyFits()).isEqualTo(tg.latencyFits());
    assertThat(row).isEqualTo(tg);
  }
}
