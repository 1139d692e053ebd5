package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.apache.commons.math3.special.Erf;
import org.channelrisk.io.CsvTable;
import org.channelrisk.stats.Estimate;
import org.junit.jupiter.api.Test;

/**
 * Competing risks by hand: the Aalen-Johansen incidences of five observations, the confidence
 * transforms of an incidence at their edges, the data type's rules, and the refused inputs of every
 * estimator with the message that names what is wrong; Fine-Gray's derived quantities from crr's
 * values ({@code reference/competing/small/finegray.csv}).
 */
class CompetingRisksHandTest {
  static final double Z95 = 1.959963984540054;
  static final double Z90 = 1.6448536269514722;

  /**
   * 1 x, 2 y, 2 censored, 3 x, 4 y. With n at risk and d_c ends by cause c: S(t) = S(t-) (1 - d/n),
   * F_c(t) = F_c(t-) + S(t-) d_c / n.
   *
   * <pre>
   * t=1  n 5  x 1       S = 4/5            F_x = 1/5
   * t=2  n 4  y 1, c 1  S = 4/5 3/4 = 3/5  F_y = 4/5 1/4 = 1/5
   * t=3  n 2  x 1       S = 3/5 1/2 = 3/10 F_x = 1/5 + 3/5 1/2 = 1/2
   * t=4  n 1  y 1       S = 0              F_y = 1/5 + 3/10 = 1/2
   * </pre>
   */
  static CompetingRisksData five() {
    return CompetingRisksData.of(new double[] {1, 2, 2, 3, 4}, new String[] {"x", "y", "-", "x", "y"}, Set.of("-"))
        .withGroups(new String[] {"p", "p", "q", "q", "p"});
  }

  @Test
  void aalenJohansenByHand() {
    CumulativeIncidence c = AalenJohansen.estimate(five()).pooled();
    assertThat(c.label()).isEqualTo("ALL");
    assertThat(c.causes()).containsExactly("x", "y");
    assertThat(c.records()).isEqualTo(5);
    assertThat(c.times()).containsExactly(1, 2, 3, 4);
    int x = c.causeIndex("x");
    int y = c.causeIndex("y");
    double[] fx = {0.2, 0.2, 0.5, 0.5};
    double[] fy = {0, 0.2, 0.2, 0.5};
    double[] s = {0.8, 0.6, 0.3, 0};
    int[] risk = {5, 4, 2, 1};
    for (int i = 0; i < 4; i++) {
      assertThat(c.nRisk(i)).isEqualTo(risk[i]);
      assertThat(c.cif(x, i)).as("F_x row %d", i).isCloseTo(fx[i], within(1e-15));
      assertThat(c.cif(y, i)).as("F_y row %d", i).isCloseTo(fy[i], within(1e-15));
      assertThat(c.survival(i)).as("S row %d", i).isCloseTo(s[i], within(1e-15));
    }
    assertThat(c.nEvent(y, 1)).isEqualTo(1);
    assertThat(c.nCensor(1)).isEqualTo(1);
    assertThat(c.cifs(x)).containsExactly(fx, within(1e-15));
    assertThat(c.cifAt(x, 0.5)).isZero();
    assertThat(c.cifAt(x, 1)).isCloseTo(0.2, within(1e-15));
    assertThat(c.cifAt(x, 1.5)).isCloseTo(0.2, within(1e-15));
    assertThat(c.time(2)).isEqualTo(3.0);
    assertThat(c.cifAt(x, 2.5)).isCloseTo(0.2, within(1e-15));
    assertThat(c.cifAt(y, 9)).isCloseTo(0.5, within(1e-15));
    // with S = 0 at the end nobody is left: the variance of S is 0 there
    assertThat(c.survivalStdErr(3)).isZero();
    // the limits are the transforms of the incidence and its standard error (checked against R's
    // survfit on the reference sets); here that they are wired to the right cause and row
    for (int i = 0; i < 4; i++) {
      double[] lim = CumulativeIncidence.limits(ConfidenceType.LOG, c.cif(x, i), c.stdErr(x, i), Z95);
      assertThat(c.lower(x, i)).isEqualTo(lim[0]);
      assertThat(c.upper(x, i)).isEqualTo(lim[1]);
    }
    assertThat(c.lower(y, 0)).as("F_y = 0 at t = 1: log limits undefined").isNaN();
    assertThatThrownBy(() -> c.causeIndex("z")).hasMessage("no cause 'z'; the causes are [x, y]");
    assertThat(c.toString()).startsWith("CumulativeIncidence[ALL: 5 observations, 4 times; x 0.5000 (")
        .endsWith(" by time 4.00000; log transform, 95.0%]");
    // groups: p = 1 x, 2 y, 4 y; q = 2 censored, 3 x
    CumulativeIncidenceFit fit = AalenJohansen.estimate(five());
    assertThat(fit.groups().keySet()).containsExactly("p", "q");
    assertThat(fit.curves()).extracting(CumulativeIncidence::label).containsExactly("p", "q");
    // p: t=1 n 3, x: F_x = 1/3, S = 2/3; t=2 n 2, y: F_y = 2/3 1/2 = 1/3, S = 1/3; t=4 n 1: F_y = 2/3
    CumulativeIncidence p = fit.group("p");
    assertThat(p.cifs(p.causeIndex("y"))).containsExactly(new double[] {0, 1.0 / 3, 2.0 / 3}, within(1e-15));
    // q: t=2 censored, t=3 n 1, x: F_x = 1
    CumulativeIncidence q = fit.group("q");
    assertThat(q.cifs(q.causeIndex("x"))).containsExactly(new double[] {0, 1}, within(1e-15));
    assertThatThrownBy(() -> fit.group("r")).hasMessage("no group 'r'; the groups are [p, q]");
    assertThat(fit.causes()).containsExactly("x", "y");
    assertThat(fit.confType()).isEqualTo(ConfidenceType.LOG);
    assertThat(fit.confLevel()).isEqualTo(0.95);
    assertThat(fit.toString()).startsWith("CumulativeIncidenceFit[causes [x, y], log, 0.95]\n  CumulativeIncidence[p: ");
    CumulativeIncidenceFit pooledOnly = AalenJohansen.withConfidence(ConfidenceType.PLAIN, 0.9)
        .fit(CompetingRisksData.of(new double[] {1, 2}, new int[] {1, 0}, List.of("x")));
    assertThat(pooledOnly.groups()).isEmpty();
    assertThat(pooledOnly.curves()).extracting(CumulativeIncidence::label).containsExactly("ALL");
    assertThat(pooledOnly.pooled().confType()).isEqualTo(ConfidenceType.PLAIN);
    assertThat(pooledOnly.pooled().confLevel()).isEqualTo(0.9);
    // one row: 1 x, 1 censored, F_x = 1/2 at 1
    CumulativeIncidence one = AalenJohansen.estimate(CompetingRisksData.of(new double[] {1, 1}, new int[] {1, 0}, List.of("x"))).pooled();
    assertThat(one.toString()).startsWith("CumulativeIncidence[ALL: 2 observations, 1 times; x 0.5000 (")
        .endsWith(") by time 1.00000; log transform, 95.0%]");
    assertThat(AalenJohansen.withConfidence(ConfidenceType.LOG_LOG, 0.9).toString()).isEqualTo("AalenJohansen[log-log transform, 0.9]");
    assertThatThrownBy(() -> AalenJohansen.withConfidence(null, 0.9)).isInstanceOf(NullPointerException.class)
        .hasMessage("confType must not be null");
    assertThatThrownBy(() -> AalenJohansen.withConfidence(ConfidenceType.LOG, 1)).hasMessageContaining("(0, 1)");
    assertThatThrownBy(() -> KaplanMeier.withConfidence(null, 0.9)).isInstanceOf(NullPointerException.class)
        .hasMessage("confType must not be null");
  }

  @Test
  void limitsOfAnIncidenceAtTheEdges() {
    // R's survfit_confint(p, se, logse = FALSE): se of log p = se / p (0 where se = 0)
    double[] log = CumulativeIncidence.limits(ConfidenceType.LOG, 0.4, 0.1, Z95);
    assertThat(log[0]).isCloseTo(0.4 * Math.exp(-Z95 * 0.25), within(1e-15));
    assertThat(log[1]).isCloseTo(0.4 * Math.exp(Z95 * 0.25), within(1e-15));
    assertThat(CumulativeIncidence.limits(ConfidenceType.LOG, 0.9, 0.1, Z95)[1]).as("capped at 1").isEqualTo(1.0);
    assertThat(CumulativeIncidence.limits(ConfidenceType.LOG, 0.3, 0, Z95)).containsExactly(0.3, 0.3);
    assertThat(CumulativeIncidence.limits(ConfidenceType.LOG, 0, 0, Z95)).containsExactly(Double.NaN, Double.NaN);
    double[] ll = CumulativeIncidence.limits(ConfidenceType.LOG_LOG, 0.4, 0.1, Z95);
    double w = Z95 * 0.25 / Math.log(0.4);
    assertThat(ll[0]).isCloseTo(Math.exp(-Math.exp(Math.log(-Math.log(0.4)) - w)), within(1e-15));
    assertThat(ll[1]).isCloseTo(Math.exp(-Math.exp(Math.log(-Math.log(0.4)) + w)), within(1e-15));
    assertThat(ll[0]).isLessThan(0.4);
    assertThat(ll[1]).isGreaterThan(0.4);
    assertThat(CumulativeIncidence.limits(ConfidenceType.LOG_LOG, 1, 0, Z95)).containsExactly(Double.NaN, Double.NaN);
    assertThat(CumulativeIncidence.limits(ConfidenceType.LOG_LOG, 0, 0, Z95)).containsExactly(Double.NaN, Double.NaN);
    // plain: p -+ z se, clipped to [0, 1]; where p = 0, [0, 0]
    assertThat(CumulativeIncidence.limits(ConfidenceType.PLAIN, 0.4, 0.1, Z90)).containsExactly(new double[] {0.4 - Z90 * 0.1, 0.4 + Z90 * 0.1},
        within(1e-15));
    assertThat(CumulativeIncidence.limits(ConfidenceType.PLAIN, 0.5, 0.3, Z95)).containsExactly(0.0, 1.0);
    assertThat(CumulativeIncidence.limits(ConfidenceType.PLAIN, 0, 0, Z95)).containsExactly(0.0, 0.0);
  }

  @Test
  void dataRulesAndMessages() {
    CompetingRisksData d = five().withEntry(new double[] {0, 1, 0, 0.5, 0});
    assertThat(d.size()).isEqualTo(5);
    assertThat(d.events()).isEqualTo(4);
    assertThat(d.events(1)).isEqualTo(2);
    assertThat(d.events(2)).isEqualTo(2);
    assertThat(d.causeCode("y")).isEqualTo(2);
    assertThat(d.causeCodes()).containsExactly(1, 2, 0, 1, 2);
    assertThat(d.truncated()).isTrue();
    assertThat(d.entries().orElseThrow()).containsExactly(0, 1, 0, 0.5, 0);
    assertThat(five().entries()).isEmpty();
    assertThat(five().groups().orElseThrow()).containsExactly("p", "p", "q", "q", "p");
    assertThat(CompetingRisksData.of(new double[] {1}, new int[] {1}, List.of("x")).groups()).isEmpty();
    assertThat(CompetingRisksData.of(new double[] {0, 1}, new int[] {0, 1}, List.of("x")).times()).containsExactly(0, 1);
    assertThat(d.groupLevels()).containsExactly("p", "q");
    assertThat(d.toString()).isEqualTo("CompetingRisksData[5 observations, x 2, y 2, censored 1, groups [p, q], left-truncated]");
    SurvivalData forX = d.forCause("x");
    assertThat(forX.eventIndicators()).containsExactly(true, false, false, true, false);
    assertThat(forX.truncated()).isTrue();
    assertThat(forX.groups().orElseThrow()).containsExactly("p", "p", "q", "q", "p");
    assertThat(d.anyCause().eventIndicators()).containsExactly(true, true, false, true, true);
    CompetingRisksData q = d.group("q");
    assertThat(q.times()).containsExactly(2, 3);
    assertThat(q.causeCodes()).containsExactly(0, 1);
    assertThat(q.entries().orElseThrow()).containsExactly(0, 0.5);
    assertThat(q.grouped()).isFalse();
    assertThat(q.causes()).containsExactly("x", "y");
    assertThat(q.toString()).isEqualTo("CompetingRisksData[2 observations, x 1, y 0, censored 1, left-truncated]");
    // causes in factor order: numeric labels numerically
    assertThat(CompetingRisksData.of(new double[] {1, 2, 3}, new String[] {"10", "2", "0"}, Set.of("0")).causes()).containsExactly("2", "10");
    assertThatThrownBy(() -> d.causeCode("z")).hasMessage("no observation ends by cause 'z'; the causes are [x, y]");
    assertThatThrownBy(() -> q.group("q")).isInstanceOf(IllegalStateException.class).hasMessage("the data has no groups");
    assertThatThrownBy(() -> five().group("r")).isInstanceOf(IllegalArgumentException.class).hasMessage("no group 'r'; the groups are [p, q]");
    assertThatThrownBy(() -> CompetingRisksData.of(new double[] {1, 2}, new String[] {"x"}, Set.of()))
        .hasMessage("time has 2 values but status has 1");
    assertThatThrownBy(() -> CompetingRisksData.of(new double[] {1, 2}, new String[] {"x", null}, Set.of()))
        .isInstanceOf(NullPointerException.class).hasMessage("status[1] must not be null");
    assertThatThrownBy(() -> CompetingRisksData.of(new double[] {1}, new int[] {1, 0}, List.of("x")))
        .hasMessage("time has 1 values but cause has 2");
    assertThatThrownBy(() -> CompetingRisksData.of(new double[] {1}, new int[] {1}, List.of("x", "x")))
        .hasMessage("cause names must be distinct: [x, x]");
    assertThatThrownBy(() -> CompetingRisksData.of(new double[] {1, -1}, new int[] {1, 1}, List.of("x")))
        .hasMessage("time[1] must be finite and >= 0: -1.0");
    assertThatThrownBy(() -> CompetingRisksData.of(new double[] {1, Double.POSITIVE_INFINITY}, new int[] {1, 1}, List.of("x")))
        .hasMessage("time[1] must be finite and >= 0: Infinity");
    assertThatThrownBy(() -> CompetingRisksData.of(new double[] {1, 1}, new int[] {1, 2}, List.of("x")))
        .hasMessage("cause[1] must be in [0, 1]: 2");
    assertThatThrownBy(() -> CompetingRisksData.of(new double[] {1, 1}, new int[] {-1, 1}, List.of("x")))
        .hasMessage("cause[0] must be in [0, 1]: -1");
    assertThatThrownBy(() -> five().withGroups(new String[] {"a"})).hasMessage("groups has 1 labels for 5 times");
    assertThatThrownBy(() -> five().withGroups(new String[] {"a", "b", null, "c", "d"})).isInstanceOf(NullPointerException.class)
        .hasMessage("groups[2] must not be null");
    assertThatThrownBy(() -> five().withEntry(new double[] {0})).hasMessage("entry has 1 values for 5 times");
    assertThatThrownBy(() -> five().withEntry(new double[] {0, 2, 0, 0, 0})).hasMessage("entry[1] must be in [0, time[1] = 2.0): 2.0");
    assertThatThrownBy(() -> five().withEntry(new double[] {0, -1, 0, 0, 0})).hasMessageContaining("entry[1]");
  }

  @Test
  void grayTestRefusalsAndText() {
    CompetingRisksData ungrouped = CompetingRisksData.of(new double[] {1, 2, 3}, new int[] {1, 2, 0}, List.of("x", "y"));
    assertThatThrownBy(() -> GrayTest.defaults().test(ungrouped)).hasMessage("Gray's test compares groups: the data has none");
    assertThatThrownBy(() -> GrayTest.defaults().test(five().withEntry(new double[] {0, 0, 0, 0, 0.5})))
        .hasMessage("Gray's test does not support entry times (left truncation)");
    assertThatThrownBy(() -> GrayTest.defaults().withStrata(new String[] {"a"}).test(five()))
        .hasMessage("strata has 1 labels for 5 observations");
    assertThatThrownBy(() -> GrayTest.defaults().test(ungrouped.withGroups(new String[] {"a", "a", "a"})))
        .hasMessage("Gray's test needs at least two groups; the data has [a]");
    assertThatThrownBy(() -> GrayTest.withRho(Double.NaN)).hasMessage("rho must be finite: NaN");
    assertThatThrownBy(() -> GrayTest.defaults().withStrata(new String[] {"a", null})).isInstanceOf(NullPointerException.class)
        .hasMessage("strata[1] must not be null");
    assertThat(GrayTest.withRho(1).withStrata(new String[] {"a"}).toString()).isEqualTo("GrayTest[rho 1.0, stratified]");
    assertThat(GrayTest.defaults().toString()).isEqualTo("GrayTest[rho 0.0]");
    CompetingRisksData small = CompetingRisksReferenceTest.data("small", false);
    GrayTest.Result r = GrayTest.defaults().test(small);
    assertThat(r.groups()).containsExactly("p", "q");
    assertThat(r.rho()).isZero();
    assertThat(r.stratified()).isFalse();
    assertThatThrownBy(() -> r.cause("z")).hasMessage("no cause 'z'; the causes are [x, y]");
    // cuminc: x 2.6872113413458982 (p 0.10115671031741058), y 1.1936266790396837 (0.27459923094021088)
    assertThat(r.toString()).isEqualTo("Gray's test (rho 0.0) among groups [p, q]\n  x: chisq 2.68721 on 1 df, p = 0.1012\n"
        + "  y: chisq 1.19363 on 1 df, p = 0.2746\n");
    GrayTest.Result strat = GrayTest.withRho(0.5).withStrata(CompetingRisksReferenceTest.table("small", "data.csv").strings("group"))
        .test(small.withGroups(alternate(small.size())));
    assertThat(strat.stratified()).isTrue();
    assertThat(strat.toString()).startsWith("Gray's test (rho 0.5, stratified) among groups [a, b]");
  }

  static String[] alternate(int n) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = i % 2 == 0 ? "a" : "b";
    }
    return out;
  }

  @Test
  void fineGrayDerivedQuantitiesAndRefusals() {
    CompetingRisksData small = CompetingRisksReferenceTest.data("small", false);
    CsvTable data = CompetingRisksReferenceTest.table("small", "data.csv");
    double[][] x = data.doubles(List.of("z"));
    // crr: x: coef 0.75157781592257211, se 0.41107480212252806, loglik -15.187440189054819, null
    // -16.43018974444859
    double coef = 0.75157781592257211;
    double se = 0.41107480212252806;
    FineGray.Fit f = FineGray.defaults().withConfidenceLevel(0.9).fit(small, "x", x, List.of("z"));
    assertThat(f.cause()).isEqualTo("x");
    assertThat(f.names()).containsExactly("z");
    assertThat(f.n()).isEqualTo(22);
    assertThat(f.events()).isEqualTo(small.events(small.causeCode("x")));
    assertThat(f.confLevel()).isEqualTo(0.9);
    assertThat(f.z(0)).isCloseTo(coef / se, within(1e-6));
    assertThat(f.pValue(0)).isCloseTo(Erf.erfc(Math.abs(coef / se) / Math.sqrt(2)), within(1e-6));
    assertThat(f.likelihoodRatioTest()).isCloseTo(2 * (-15.187440189054819 + 16.43018974444859), within(1e-8));
    Estimate hr = f.subdistributionHazardRatio(0);
    assertThat(hr.value()).isCloseTo(Math.exp(coef), within(1e-6));
    assertThat(hr.lower()).isCloseTo(Math.exp(coef - Z90 * se), within(1e-6));
    assertThat(hr.upper()).isCloseTo(Math.exp(coef + Z90 * se), within(1e-6));
    assertThat(hr.method()).isEqualTo("Wald, sandwich variance, 90.0%");
    assertThat(f.toString()).startsWith("Fine-Gray regression for cause x: n 22, events " + f.events() + ", converged after ")
        .contains("log pseudo-likelihood -15.1874 (null -16.4302)").contains(String.format("%n  %-14s ", "z"));
    // the same fit twice is equal (arrays compared by value); another level or cause is not
    FineGray.Fit again = FineGray.defaults().withConfidenceLevel(0.9).fit(small, "x", x, List.of("z"));
    assertThat(again).isEqualTo(f).hasSameHashCodeAs(f);
    assertThat(FineGray.defaults().fit(small, "x", x, List.of("z"))).isNotEqualTo(f);
    assertThat(FineGray.defaults().fit(small, "y", x, List.of("z"))).isNotEqualTo(f);
    assertThat(f).isNotEqualTo("a string");
    // no iterations: the coefficient stays at 0 and the log-likelihood is the null one
    FineGray.Fit zero = FineGray.defaults().withConvergence(1e-6, 0).fit(small, "x", x, List.of("z"));
    assertThat(zero.coefficients()).containsExactly(0.0);
    assertThat(zero.iterations()).isZero();
    assertThat(zero.converged()).isFalse();
    assertThat(zero.logLik()).isCloseTo(-16.43018974444859, within(1e-10));
    assertThat(zero.toString()).contains("NOT CONVERGED after 0 iterations");
    assertThat(FineGray.defaults().toString()).isEqualTo("FineGray[gtol 1.0E-6, max 10 iterations, 95.0% intervals]");
    assertThatThrownBy(() -> FineGray.defaults().withConvergence(0, 5)).hasMessage("gradient tolerance must be > 0: 0.0");
    assertThatThrownBy(() -> FineGray.defaults().withConvergence(1e-6, -1)).hasMessage("iterations must be >= 0: -1");
    assertThatThrownBy(() -> FineGray.defaults().withConfidenceLevel(1)).hasMessageContaining("(0, 1)");
    FineGray fg = FineGray.defaults();
    assertThatThrownBy(() -> fg.fit(small, "x", new double[2][1], List.of("z"))).hasMessage("x has 2 rows for 22 observations");
    assertThatThrownBy(() -> fg.fit(small, "x", x, List.of())).hasMessage("at least one covariate is needed");
    assertThatThrownBy(() -> fg.fit(small, "w", x, List.of("z"))).hasMessage("no observation ends by cause 'w'; the causes are [x, y]");
    CompetingRisksData noZ = CompetingRisksData.of(new double[] {1, 2, 3}, new int[] {1, 2, 0}, List.of("x", "y", "z"));
    assertThatThrownBy(() -> fg.fit(noZ, "z", new double[][] {{1}, {2}, {3}}, List.of("v"))).hasMessage("no observation ends by cause 'z'");
    assertThatThrownBy(() -> fg.fit(noZ, "x", new double[][] {{1}, {2, 2}, {3}}, List.of("v"))).hasMessage("row 1 of x has 2 values for 1 names");
    assertThatThrownBy(() -> fg.fit(noZ, "x", new double[][] {{1}, {2}, {Double.NaN}}, List.of("v")))
        .hasMessage("covariate v of observation 2 is not finite: NaN");
    assertThatThrownBy(() -> fg.fit(noZ.withEntry(new double[] {0, 1, 0}), "x", new double[][] {{1}, {2}, {3}}, List.of("v")))
        .hasMessage("the Fine-Gray fit does not support entry times (left truncation)");
    assertThatThrownBy(() -> fg.fit(noZ, "x", new double[][] {{1}, {1}, {1}}, List.of("v"))).hasMessageContaining("singular")
        .hasMessageContaining("[v]");
  }
  @Test
  void truncatedRiskSetThatEmptiesAndRefills() throws java.io.IOException {
    // (entry, time]: (0, 1] x, (0, 1.5] censored, (0.5, 2] censored, (2, 3] x, (2, 4] y, (3, 5] x,
    // (2.5, 4] censored. After the censoring at 2 nobody is at risk; three enter by 3 (the entry at 3
    // is not yet at risk at 3).
    // t=1 n 3 x: S = 2/3, F_x = 1/3; t=1.5 n 2, t=2 n 1 censored; t=3 n 3 x: F_x = 1/3 + 2/3 1/3 = 5/9,
    // S = 4/9; t=4 n 3 y and a censoring: F_y = 4/9 1/3 = 4/27, S = 8/27; t=5 n 1 x: F_x = 5/9 + 8/27
    // = 23/27. Standard errors and limits: R's survfit (reference/survival-extra/cif_gap.csv).
    CsvTable in;
    CsvTable out;
    try (java.io.Reader r = new java.io.InputStreamReader(getClass().getResourceAsStream("/reference/survival-extra/cif_gap_data.csv"),
        java.nio.charset.StandardCharsets.UTF_8)) {
      in = CsvTable.read(r, "cif_gap_data.csv");
    }
    try (java.io.Reader r = new java.io.InputStreamReader(getClass().getResourceAsStream("/reference/survival-extra/cif_gap.csv"),
        java.nio.charset.StandardCharsets.UTF_8)) {
      out = CsvTable.read(r, "cif_gap.csv");
    }
    CompetingRisksData d = CompetingRisksData.of(in.doubles("time"), in.strings("status"), Set.of("censored"))
        .withEntry(in.doubles("entry"));
    CumulativeIncidence c = AalenJohansen.estimate(d).pooled();
    int x = c.causeIndex("x");
    int y = c.causeIndex("y");
    assertThat(c.times()).containsExactly(1, 1.5, 2, 3, 4, 5);
    assertThat(c.cifs(x)).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3, 5.0 / 9, 5.0 / 9, 23.0 / 27}, within(1e-15));
    assertThat(c.cifs(y)).containsExactly(new double[] {0, 0, 0, 0, 4.0 / 27, 4.0 / 27}, within(1e-15));
    assertThat(c.survival(4)).isCloseTo(8.0 / 27, within(1e-15));
    for (int r = 0; r < out.size(); r++) {
      int i = java.util.Arrays.binarySearch(c.times(), out.number(r, "time"));
      int k = c.causeIndex(out.cell(r, "cause"));
      String at = "cif_gap.csv line " + out.line(r);
      assertThat(c.nRisk(i)).as(at).isEqualTo((int) out.number(r, "n_risk"));
      assertThat(c.nEvent(k, i)).as(at).isEqualTo((int) out.number(r, "n_event"));
      ReferenceData.close(at + " cif", out.cell(r, "cif"), c.cif(k, i), 1e-12);
      ReferenceData.close(at + " std_err", out.cell(r, "std_err"), c.stdErr(k, i), 1e-7);
      ReferenceData.close(at + " lower", out.cell(r, "lower"), c.lower(k, i), 1e-7);
      ReferenceData.close(at + " upper", out.cell(r, "upper"), c.upper(k, i), 1e-7);
    }
  }
  @Test
  void grayTestWithASingularVarianceHasNoStatistic() {
    // group a's only observation is censored at 0.5, before any end: a is never at risk at an end,
    // its score and its row of the variance are 0, the variance of (a, b) has rank 1 (cmprsk returns
    // -1 there: cuminc gives stat -1, pv 1, df 2 for both causes); the statistic and p-value are
    // undefined, the degrees of freedom still 3 - 1
    CompetingRisksData d = CompetingRisksData.of(new double[] {0.5, 1, 2, 3, 4, 5, 6},
        new String[] {"-", "x", "y", "x", "x", "y", "x"}, Set.of("-")).withGroups(new String[] {"a", "b", "c", "b", "c", "b", "c"});
    for (GrayTest.CauseTest t : GrayTest.defaults().test(d).tests()) {
      assertThat(t.statistic()).as(t.cause()).isNaN();
      assertThat(t.pValue()).as(t.cause()).isNaN();
      assertThat(t.df()).isEqualTo(2);
      assertThat(t.toString()).startsWith(t.cause() + ": chisq NaN on 2 df");
    }
    // without group a the two others are compared as usual
    CompetingRisksData bc = CompetingRisksData.of(new double[] {1, 2, 3, 4, 5, 6}, new String[] {"x", "y", "x", "x", "y", "x"}, Set.of("-"))
        .withGroups(new String[] {"b", "c", "b", "c", "b", "c"});
    assertThat(GrayTest.defaults().test(bc).cause("x").statistic()).isFinite();
  }
}
