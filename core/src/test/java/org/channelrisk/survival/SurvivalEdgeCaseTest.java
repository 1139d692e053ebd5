package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SurvivalEdgeCaseTest {
  static SurvivalData data(double[] t, boolean... e) {
    return SurvivalData.of(t, e);
  }

  @Test
  void emptyInput() {
    SurvivalCurve c = KaplanMeier.estimate(SurvivalData.of(new double[0], new boolean[0])).pooled();
    assertThat(c.size()).isZero();
    assertThat(c.median().isReached()).isFalse();
    assertThat(c.survivalAt(10)).isEqualTo(1.0);
    assertThat(c.restrictedMean(5).value()).isEqualTo(5.0);
  }

  @Test
  void emptyGroupedInputIsAnEmptyFitNotAnIndexError() {
    // with groups and no rows the pooled curve indexed group 0 of none (ArrayIndexOutOfBounds)
    SurvivalData none = SurvivalData.of(new double[0], new boolean[0]).withGroups(new String[0]);
    KaplanMeierFit fit = KaplanMeier.estimate(none);
    assertThat(fit.pooled().size()).isZero();
    assertThat(fit.curves()).allMatch(c -> c.size() == 0);
    assertThatThrownBy(() -> LogRankTest.test(none)).hasMessageContaining("no observations");
  }

  @Test
  void logRankWithOneGroupIsRefusedAsRDoes() {
    SurvivalData one = data(new double[] {1, 2, 3}, true, false, true).withGroups(new String[] {"a", "a", "a"});
    assertThatThrownBy(() -> LogRankTest.test(one)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only 1 group ('a')");
  }

  @Test
  void entryEqualToTimeIsRefused() {
    // (0,2] censored, (2,2] event twice, (0,5] event: the two rows with entry = time are never at
    // risk; counting their events gave S(2) = 0 where R (which drops them) gives 1
    SurvivalData d = data(new double[] {2, 2, 2, 5}, false, true, true, true);
    assertThatThrownBy(() -> d.withEntry(new double[] {0, 2, 2, 0})).hasMessageContaining("entry[1]")
        .hasMessageContaining("never at risk");
    SurvivalData kept = data(new double[] {2, 5}, false, true).withEntry(new double[] {0, 0});
    assertThat(KaplanMeier.estimate(kept).pooled().survivalAt(2)).isEqualTo(1.0);
  }

  @Test
  void oneObservation() {
    SurvivalCurve c = KaplanMeier.estimate(data(new double[] {4}, true)).pooled();
    assertThat(c.survival(0)).isZero();
    assertThat(c.stdErr(0)).isInfinite();
    assertThat(c.lower(0)).isNaN();
    assertThat(c.median().value()).isEqualTo(4.0);
  }

  @Test
  void allCensored() {
    SurvivalData d = data(new double[] {1, 2, 3}, false, false, false);
    SurvivalCurve c = KaplanMeier.estimate(d).pooled();
    assertThat(c.survivals()).containsOnly(1.0);
    assertThat(c.median().isReached()).isFalse();
    assertThat(c.quantile(0.25).isReached()).isFalse();
    assertThatThrownBy(() -> ParametricSurvival.fit(ParametricSurvival.Family.WEIBULL, d))
        .hasMessageContaining("needs at least one event: all 3 times are censored");
    assertThatThrownBy(() -> CoxRegression.defaults().fit(d, new double[][] {{1}, {2}, {3}}, List.of("x")))
        .hasMessageContaining("no events");
  }

  @Test
  void allEventsAtOneTime() {
    SurvivalCurve c = KaplanMeier.estimate(data(new double[] {5, 5, 5}, true, true, true)).pooled();
    assertThat(c.size()).isEqualTo(1);
    assertThat(c.nEvent(0)).isEqualTo(3);
    assertThat(c.survival(0)).isZero();
    assertThat(c.median().value()).isEqualTo(5.0);
  }

  @Test
  void eventsComeBeforeCensoringsAtATie() {
    SurvivalCurve c = KaplanMeier.estimate(data(new double[] {2, 2, 2, 3}, true, false, false, true)).pooled();
    assertThat(c.nRisk(0)).isEqualTo(4);
    assertThat(c.nEvent(0)).isEqualTo(1);
    assertThat(c.nCensor(0)).isEqualTo(2);
    assertThat(c.survival(0)).isEqualTo(0.75);
    assertThat(c.nRisk(1)).isEqualTo(1);
  }

  @Test
  void zeroTimesAreValid() {
    SurvivalCurve c = KaplanMeier.estimate(data(new double[] {0, 0, 1, 2}, true, false, true, false)).pooled();
    assertThat(c.time(0)).isZero();
    assertThat(c.survival(0)).isEqualTo(0.75);
  }

  @Test
  void badDataIsRefusedByName() {
    assertThatThrownBy(() -> data(new double[] {1, -1}, true, true)).hasMessage("time[1] must be finite and >= 0: -1.0");
    assertThatThrownBy(() -> data(new double[] {Double.NaN}, true)).hasMessageContaining("time[0]");
    assertThatThrownBy(() -> data(new double[] {1}, true, false)).hasMessage("time has 1 values but event has 2");
    assertThatThrownBy(() -> data(new double[] {1, 2}, true, true).withEntry(new double[] {0, 3}))
        .hasMessage("entry[1] must be in [0, time[1] = 2.0): 3.0 (a row with entry >= time is never at risk)");
    assertThatThrownBy(() -> LogRankTest.test(data(new double[] {1}, true))).hasMessageContaining("needs groups");
    assertThatThrownBy(() -> KaplanMeier.withConfidence(ConfidenceType.LOG, 1.0)).hasMessageContaining("(0, 1)");
    assertThatThrownBy(() -> ConfidenceType.parse("logit")).hasMessageContaining("log, log-log or plain");
  }

  @Test
  void leftTruncationShrinksEarlyRiskSets() {
    // entries 0, 0, 3: the third subject is not at risk at t = 2
    SurvivalData d = data(new double[] {2, 5, 6}, true, true, true).withEntry(new double[] {0, 0, 3});
    SurvivalCurve c = KaplanMeier.estimate(d).pooled();
    assertThat(c.nRisk(0)).isEqualTo(2);
    assertThat(c.survival(0)).isEqualTo(0.5);
    assertThat(c.nRisk(1)).isEqualTo(2);
  }

  @Test
  void timeFixMergesAsRDoes() {
    SurvivalData d = data(new double[] {1.0, 1.0 + 1e-12, 2.0, 3.0}, true, true, true, false).withTimeFix();
    assertThat(KaplanMeier.estimate(d).pooled().size()).isEqualTo(3);
    assertThat(d.times()[1]).isEqualTo(1.0);
    assertThat(d.toString()).contains("timefix");
    SurvivalData exact = data(new double[] {1.0, 1.0 + 1e-12}, true, true);
    assertThat(KaplanMeier.estimate(exact).pooled().size()).isEqualTo(2);
  }

  @Test
  void medianOnAFlatStretchAtOneHalfIsTheMidpoint() {
    // S drops to exactly 0.5 at t = 2 and stays until 4
    SurvivalCurve c = KaplanMeier.estimate(data(new double[] {1, 2, 4, 5}, true, true, true, true)).pooled();
    assertThat(c.median().value()).isEqualTo(3.0);
    assertThat(c.quantile(0.5).value()).isEqualTo(3.0);
  }

  @Test
  void coxReportsSingularInformation() {
    SurvivalData d = data(new double[] {1, 2, 3, 4}, true, true, false, true);
    assertThatThrownBy(() -> CoxRegression.defaults().fit(d, new double[][] {{1}, {1}, {1}, {1}}, List.of("constant")))
        .hasMessageContaining("singular").hasMessageContaining("constant");
  }

  @Test
  void coxHalvesAStepWhoseRiskScoresOverflow() {
    // the first 20 fail first, one of them with x = 1e6: Newton's steps overshoot until exp(x beta)
    // overflows; such a step was taken, and the fit came out NaN, "NOT CONVERGED" with no word of why
    double[] t = new double[40];
    boolean[] e = new boolean[40];
    double[][] x = new double[40][];
    for (int i = 0; i < 40; i++) {
      t[i] = i + 1;
      e[i] = true;
      x[i] = new double[] {i == 0 ? 1e6 : i < 20 ? 1 : 0};
    }
    CoxRegression.Fit f = CoxRegression.defaults().fit(SurvivalData.of(t, e), x, List.of("x"));
    assertThat(List.of(f.coefficients()[0], f.stdErrors()[0], f.logLik(), f.waldTest())).as(f.toString())
        .allMatch(Double::isFinite);
    assertThat(f.logLik()).isGreaterThan(f.logLikNull());
    assertThat(f.toString()).doesNotContain("NaN");
  }

  @Test
  void coxWithPerfectSeparationDoesNotClaimConvergence() {
    // x = 1 fail first, always: the likelihood grows without bound as beta -> infinity
    double[] t = {1, 2, 3, 4, 5, 6};
    boolean[] e = {true, true, true, true, true, true};
    double[][] x = {{1}, {1}, {1}, {0}, {0}, {0}};
    CoxRegression.Fit f = CoxRegression.defaults().withConvergence(1e-9, 5).fit(SurvivalData.of(t, e), x, List.of("x"));
    assertThat(f.converged()).isFalse();
    assertThat(f.toString()).contains("NOT CONVERGED");
  }
}
