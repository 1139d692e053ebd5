package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.channelrisk.io.CsvTable;
import org.channelrisk.stats.Estimate;
import org.junit.jupiter.api.Test;

/**
 * What the fits report beyond their estimates, from R's values and closed forms: the Cox fit's tests,
 * intervals and text on R's aml model; the Kaplan-Meier fit's groups, common end time and restricted
 * means (R's rmean = "common"); the stratified log-rank test where a stratum holds one group.
 */
class FitSummariesHandTest {
  static CoxRegression.Fit amlFit(CoxRegression.Ties ties) {
    CsvTable d = ReferenceData.table("aml", "data.csv");
    double[] x = d.doubles("nonmaintained");
    double[][] xs = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      xs[i] = new double[] {x[i]};
    }
    return CoxRegression.defaults().withTies(ties).fit(SurvivalData.of(d.doubles("time"), d.statuses("status")), xs,
        List.of("nonmaintained"));
  }

  @Test
  void coxSummariesOnAml() {
    // R coxph (efron): coef 0.91553257501471763, se 0.5119342751720054, p 0.073714860639045754, LR
    // 3.3844473326036848, Wald 3.198299922159451, score 3.4167343955173028, 23 observations, 18
    // events, 3 iterations. On 1 df the upper tail of a chi-square x is erfc(sqrt(x / 2)).
    CoxRegression.Fit f = amlFit(CoxRegression.Ties.EFRON);
    double coef = 0.91553257501471763;
    double se = 0.5119342751720054;
    assertThat(f.names()).containsExactly("nonmaintained");
    assertThat(f.ties()).isEqualTo(CoxRegression.Ties.EFRON);
    assertThat(f.confLevel()).isEqualTo(0.95);
    assertThat(f.n()).isEqualTo(23);
    assertThat(f.events()).isEqualTo(18);
    assertThat(f.hazardRatio(0)).isCloseTo(Math.exp(coef), within(1e-6));
    Estimate hr = f.hazardRatioInterval(0);
    assertThat(hr.lower()).isCloseTo(Math.exp(coef - 1.959963984540054 * se), within(1e-6));
    assertThat(hr.upper()).isCloseTo(Math.exp(coef + 1.959963984540054 * se), within(1e-6));
    assertThat(hr.method()).isEqualTo("Wald, 95.0%");
    assertThat(f.pValue(0)).isCloseTo(0.073714860639045754, within(1e-7));
    assertThat(f.testPValue(f.likelihoodRatioTest())).isCloseTo(Erf.erfc(Math.sqrt(3.3844473326036848 / 2)), within(1e-8));
    assertThat(f.testPValue(3.198299922159451)).isCloseTo(Erf.erfc(Math.sqrt(3.198299922159451 / 2)), within(1e-12));
    assertThat(f.toString()).startsWith("Cox regression (efron ties): n 23, events 18, converged after 3 iterations\n")
        .contains("nonmaintained").contains("LR 3.384, Wald 3.198, score 3.417 on 1 df");
    // the arrays handed out are copies
    f.coefficients()[0] = 99;
    f.stdErrors()[0] = 99;
    assertThat(f.coefficients()[0]).isCloseTo(coef, within(1e-6));
    assertThat(f.stdErrors()[0]).isCloseTo(se, within(1e-6));
    assertThat(amlFit(CoxRegression.Ties.BRESLOW).toString()).startsWith("Cox regression (breslow ties)");
  }

  @Test
  void coxTestPValueOnTwoDegreesOfFreedom() {
    // veteran, trt + karno: on 2 df the upper tail of a chi-square x is exp(-x / 2)
    CsvTable d = ReferenceData.table("veteran", "data.csv");
    double[] trt = d.doubles("trt");
    double[] karno = d.doubles("karno");
    double[][] x = new double[trt.length][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {trt[i], karno[i]};
    }
    CoxRegression.Fit f = CoxRegression.defaults().fit(SurvivalData.of(d.doubles("time"), d.statuses("status")), x,
        List.of("trt", "karno"));
    assertThat(f.testPValue(6.0)).isCloseTo(Math.exp(-3), within(1e-12));
    assertThat(f.toString()).contains("on 2 df").contains("trt").contains("karno");
  }

  @Test
  void kaplanMeierFitGroupsAndCommonRestrictedMeans() {
    // R's summary(survfit(~ x, aml), rmean = "common"): end time 161 (the largest time of any group);
    // pooled 36.364389233954448 (se 9.8541010566645593), Maintained 52.645454545454541
    // (19.828602795562585), Nonmaintained 22.708333333333336 (4.1809419810331541)
    KaplanMeierFit fit = KaplanMeier.estimate(ReferenceData.data("aml"));
    assertThat(fit.commonEndTime()).isEqualTo(161.0);
    List<RestrictedMean> rm = fit.restrictedMeanCommon();
    double[][] r = {{36.364389233954448, 9.8541010566645593}, {52.645454545454541, 19.828602795562585},
        {22.708333333333336, 4.1809419810331541}};
    assertThat(rm).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(rm.get(i).tau()).isEqualTo(161.0);
      assertThat(rm.get(i).value()).isCloseTo(r[i][0], within(1e-9 * r[i][0]));
      assertThat(rm.get(i).stdError()).isCloseTo(r[i][1], within(1e-9 * r[i][1]));
    }
    assertThat(fit.curves()).extracting(SurvivalCurve::label).containsExactly("Maintained", "Nonmaintained");
    assertThat(fit.groups().keySet()).containsExactly("Maintained", "Nonmaintained");
    assertThatThrownBy(() -> fit.group("Other")).hasMessage("no group 'Other'; the groups are [Maintained, Nonmaintained]");
    assertThat(fit.toString()).startsWith("KaplanMeierFit[log, 0.95]\n  SurvivalCurve[ALL: n 23, events 18, ")
        .contains("\n  SurvivalCurve[Maintained: n 11, events 7, ").contains("\n  SurvivalCurve[Nonmaintained: n 12, events 11, ");
    // without groups: the pooled curve is the one curve, its last time the end
    KaplanMeierFit one = KaplanMeier.estimate(SurvivalData.of(new double[] {3, 1, 2}, new boolean[] {true, false, true}));
    assertThat(one.curves()).extracting(SurvivalCurve::label).containsExactly("ALL");
    assertThat(one.commonEndTime()).isEqualTo(3.0);
    assertThat(one.restrictedMeanCommon()).hasSize(1);
    // 1+, 2, 3: area 1 (0..1) + 1 (1..2) + 1/2 (2..3) = 2.5
    assertThat(one.restrictedMeanCommon().get(0).value()).isEqualTo(2.5);
    KaplanMeierFit none = KaplanMeier.estimate(SurvivalData.of(new double[0], new boolean[0]));
    assertThat(none.commonEndTime()).isZero();
  }

  @Test
  void pooledCurveOfGroupsMergesTheirTimes() {
    // a: 1, 4+, 6; b: 2, 4, 5+: the pooled curve is the curve of all six, whatever the grouping
    SurvivalData g = SurvivalData.of(new double[] {1, 4, 6, 2, 4, 5}, new boolean[] {true, false, true, true, true, false})
        .withGroups(new String[] {"a", "a", "a", "b", "b", "b"});
    SurvivalCurve pooled = KaplanMeier.estimate(g).pooled();
    // t=1 n 6 d 1: 5/6; t=2 n 5 d 1: 4/6; t=4 n 4 d 1 c 1: 4/6 3/4 = 1/2; t=5 n 2 c 1; t=6 n 1 d 1: 0
    assertThat(pooled.times()).containsExactly(1, 2, 4, 5, 6);
    assertThat(new int[] {pooled.nRisk(2), pooled.nEvent(2), pooled.nCensor(2)}).containsExactly(4, 1, 1);
    assertThat(pooled.survival(2)).isCloseTo(0.5, within(1e-15));
    assertThat(pooled.records()).isEqualTo(6);
    // with entry times the pooled risk sets merge the groups' entries: a enters at 0, 0, 3; b at 1, 0, 0
    SurvivalCurve trunc = KaplanMeier.estimate(g.withEntry(new double[] {0, 0, 3, 1, 0, 0})).pooled();
    // t=1: entries < 1: four (0, 0, 0, 0) -> 4 at risk; t=2: five (the entry at 1 too) less the one gone
    // at 1 -> 4; t=4: all six entered, two gone -> 4
    assertThat(new int[] {trunc.nRisk(0), trunc.nRisk(1), trunc.nRisk(2)}).containsExactly(4, 4, 4);
  }

  @Test
  void stratumWithOneGroup() {
    // stratum s: a 1, b 2, a 3 (all events); stratum t: a 1, a 2 (only a).
    // s: t=1 n 3 (a 2, b 1), d 1 in a: E_a 2/3, E_b 1/3, V_bb = (1 2 / (3 2)) (1 - 1/3) = 2/9;
    //    t=2 n 2 (a 1, b 1), d 1 in b: E_a 1/2, E_b 1/2, V_bb += (1 1 / (2 1)) (1/2) = 1/4;
    //    t=3 n 1: E_a 1, no variance.
    // t: only a at risk: E_a = O_a = 2, no variance.
    // O = (a 4, b 1), E = (a 2/3 + 1/2 + 1 + 2, b 1/3 + 1/2 = 5/6); V_bb = 2/9 + 1/4 = 17/36
    // chi-square (1 - 5/6)^2 / (17/36) = (1/36) (36/17) = 1/17
    SurvivalData d = SurvivalData.of(new double[] {1, 2, 3, 1, 2}, new boolean[] {true, true, true, true, true})
        .withGroups(new String[] {"a", "b", "a", "a", "a"}).withStrata(new String[] {"s", "s", "s", "t", "t"});
    LogRankTest.Result r = LogRankTest.test(d);
    assertThat(r.chiSquare()).isCloseTo(1.0 / 17, within(1e-14));
    assertThat(r.df()).isEqualTo(1);
    LogRankTest.GroupCounts a = r.groups().get(0);
    LogRankTest.GroupCounts b = r.groups().get(1);
    assertThat(a.group()).isEqualTo("a");
    assertThat(a.n()).isEqualTo(4);
    assertThat(b.n()).isEqualTo(1);
    assertThat(a.observed()).isEqualTo(4.0);
    assertThat(a.expected()).isCloseTo(2.0 / 3 + 0.5 + 1 + 2, within(1e-14));
    assertThat(b.expected()).isCloseTo(5.0 / 6, within(1e-14));
    assertThat(b.variance()).isCloseTo(17.0 / 36, within(1e-14));
    assertThat(a.variance()).isCloseTo(17.0 / 36, within(1e-14));
  }
}
