package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The contract of the package's values beyond their estimates: bad indexes, nulls and equality are
 * reported by name, never as an internal exception.
 */
class SurvivalApiContractTest {
  @Test
  void aBadCauseOrCovariateIndexNamesTheValidRange() {
    CumulativeIncidence c = AalenJohansen.estimate(CompetingRisksHandTest.five()).pooled();
    assertThatThrownBy(() -> c.cifAt(7, 3.0)).isExactlyInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("cause index 7 is not in [0, 2): the causes are [x, y]");
    assertThatThrownBy(() -> c.cif(-1, 0)).isExactlyInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("cause index -1 is not in [0, 2)");
    assertThatThrownBy(() -> c.cifs(2)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> c.nEvent(2, 0)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> c.cif(0, c.size())).isExactlyInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("out of bounds for length " + c.size());
    // before the first time no row is read, but the cause index is still checked
    assertThatThrownBy(() -> c.cifAt(7, -1.0)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
    assertThat(c.cifAt(1, -1.0)).isZero();

    Coefficients t = new Coefficients(List.of("x"), new double[] {1}, new double[] {2});
    assertThatThrownBy(() -> t.coefficient(5)).isExactlyInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("covariate index 5 is not in [0, 1): the covariates are [x]");
    assertThatThrownBy(() -> t.stdError(-1)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> t.z(1)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> t.pValue(1)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
    assertThat(t.z(0)).isEqualTo(0.5);

    SurvivalCurve k = KaplanMeier.estimate(SurvivalData.of(new double[] {1, 2}, new boolean[] {true, false})).pooled();
    assertThatThrownBy(() -> k.survival(2)).isExactlyInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("out of bounds for length 2");
    assertThatThrownBy(() -> k.survivalStdError(-1)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
  }

  private static void npe(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isExactlyInstanceOf(NullPointerException.class).hasMessage(message);
  }

  @Test
  void aNullArgumentIsNamed() {
    double[] t = {1, 2, 3, 4};
    boolean[] e = {true, false, true, true};
    SurvivalData d = SurvivalData.of(t, e);
    double[][] x = {{1}, {0}, {1}, {0}};
    npe(() -> SurvivalData.of(null, e), "time must not be null");
    npe(() -> SurvivalData.of(t, null), "event must not be null");
    npe(() -> SurvivalData.of((List<Lifetime>) null), "rows must not be null");
    npe(() -> SurvivalData.of(Arrays.asList(Lifetime.of("a", 1, true), null)), "rows[1] must not be null");
    npe(() -> d.withGroups(null), "groups must not be null");
    npe(() -> d.withStrata(null), "strata must not be null");
    npe(() -> d.withEntry(null), "entries must not be null");
    npe(() -> KaplanMeier.estimate(null), "data must not be null");
    npe(() -> KaplanMeier.withConfidence(ConfidenceType.LOG, 0.9).curve("a", null), "data must not be null");
    npe(() -> LogRankTest.test(null), "data must not be null");
    npe(() -> LogRankTest.test(null, 1.0), "data must not be null");
    npe(() -> KaplanMeier.estimate(d).pooled().relabel(null), "label must not be null");
    npe(() -> KaplanMeier.withConfidence(ConfidenceType.LOG, 0.9).curve(null, d), "label must not be null");
    npe(() -> ParametricSurvival.fit(null, d), "family must not be null");
    npe(() -> ParametricSurvival.fit(ParametricSurvival.Family.WEIBULL, null), "data must not be null");
    npe(() -> ParametricSurvival.best(null), "data must not be null");

    CoxRegression cox = CoxRegression.defaults();
    npe(() -> cox.fit(null, x, List.of("x")), "data must not be null");
    npe(() -> cox.fit(d, null, List.of("x")), "x must not be null");
    npe(() -> cox.fit(d, x, null), "names must not be null");
    npe(() -> cox.fit(d, x, Arrays.asList((String) null)), "names[0] must not be null");
    npe(() -> cox.fit(d, new double[][] {{1}, null, {1}, {0}}, List.of("x")), "x[1] must not be null");

    npe(() -> CompetingRisksData.of(null, new int[0], List.of()), "time must not be null");
    npe(() -> CompetingRisksData.of(new double[0], (int[]) null, List.of()), "cause must not be null");
    npe(() -> CompetingRisksData.of(new double[] {1}, new int[] {1}, Arrays.asList((String) null)), "causeNames[0] must not be null");
    npe(() -> CompetingRisksData.of(new double[] {1}, new int[] {1}, null), "causeNames must not be null");
    npe(() -> CompetingRisksData.of(null, new String[0], Set.of()), "time must not be null");
    npe(() -> CompetingRisksData.of(new double[0], (String[]) null, Set.of()), "status must not be null");
    npe(() -> CompetingRisksData.of(new double[0], new String[0], null), "censoringLabels must not be null");
    CompetingRisksData cr = CompetingRisksHandTest.five();
    npe(() -> cr.withGroups(null), "groups must not be null");
    npe(() -> cr.withEntry(null), "entries must not be null");
    npe(() -> AalenJohansen.estimate(null), "data must not be null");
    npe(() -> GrayTest.defaults().test(null), "data must not be null");
    npe(() -> GrayTest.defaults().withStrata(null), "strata must not be null");
    double[][] x5 = {{1}, {0}, {1}, {0}, {1}};
    FineGray fg = FineGray.defaults();
    npe(() -> fg.fit(null, "x", x5, List.of("z")), "data must not be null");
    npe(() -> fg.fit(cr, null, x5, List.of("z")), "cause must not be null");
    npe(() -> fg.fit(cr, "x", null, List.of("z")), "x must not be null");
    npe(() -> fg.fit(cr, "x", x5, Arrays.asList((String) null)), "names[0] must not be null");
    npe(() -> fg.fit(cr, "x", new double[][] {{1}, {0}, null, {0}, {1}}, List.of("z")), "x[2] must not be null");
  }

  @Test
  void thePublicRecordsCheckTheirComponents() {
    Coefficients t = new Coefficients(List.of("x"), new double[] {1}, new double[] {2});
    npe(() -> new Coefficients(null, new double[] {1}, new double[] {2}), "names must not be null");
    npe(() -> new Coefficients(Arrays.asList((String) null), new double[] {1}, new double[] {2}), "names[0] must not be null");
    npe(() -> new Coefficients(List.of("x"), null, new double[] {2}), "coefficients must not be null");
    npe(() -> new Coefficients(List.of("x"), new double[] {1}, null), "stdErrors must not be null");
    npe(() -> new CoxRegression.Fit(null, 0.95, -2, -1, 1, 1, 4, 3, 2, true, CoxRegression.Ties.EFRON, List.of()),
        "table must not be null");
    npe(() -> new CoxRegression.Fit(t, 0.95, -2, -1, 1, 1, 4, 3, 2, true, null, List.of()), "ties must not be null");
    npe(() -> new CoxRegression.Fit(t, 0.95, -2, -1, 1, 1, 4, 3, 2, true, CoxRegression.Ties.EFRON, null),
        "possiblyInfinite must not be null");
    npe(() -> new CoxRegression.Fit(t, 0.95, -2, -1, 1, 1, 4, 3, 2, true, CoxRegression.Ties.EFRON, Arrays.asList((String) null)),
        "possiblyInfinite[0] must not be null");
    assertThat(new CoxRegression.Fit(t, 0.95, -2, -1, 1, 1, 4, 3, 2, true, CoxRegression.Ties.EFRON, List.of()).toString())
        .startsWith("Cox regression (efron ties): n 4");
    npe(() -> new FineGray.Fit(null, t, 0.95, -1, -2, 4, 3, 2, true), "cause must not be null");
    npe(() -> new FineGray.Fit("c", null, 0.95, -1, -2, 4, 3, 2, true), "table must not be null");
    npe(() -> new ParametricSurvival.Fit(null, 1, 1, new double[][] {{1}}, -1, 4, 3, true, 0), "family must not be null");
    npe(() -> new LogRankTest.GroupCounts(null, 1, 1, 1, 1), "group must not be null");
    npe(() -> new LogRankTest.Result(0, 1, 1, 0.5, null), "groups must not be null");
    npe(() -> new GrayTest.CauseTest(null, 1, 1, 0.5), "cause must not be null");
    npe(() -> new GrayTest.Result(null, List.of("a"), 0, false), "tests must not be null");
    npe(() -> new GrayTest.Result(List.of(), null, 0, false), "groups must not be null");
  }

  @Test
  void survivalCurvesAreComparedByContent() {
    SurvivalData d = SurvivalData.of(new double[] {1, 2, 2, 5}, new boolean[] {true, false, true, true});
    SurvivalCurve a = KaplanMeier.estimate(d).pooled();
    SurvivalCurve b = KaplanMeier.estimate(SurvivalData.of(d.times(), d.eventIndicators())).pooled();
    assertThat(a).isNotSameAs(b).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.relabel("x")).isNotEqualTo(a).isEqualTo(b.relabel("x"));
    assertThat(KaplanMeier.withConfidence(ConfidenceType.LOG, 0.9).fit(d).pooled()).isNotEqualTo(a);
    assertThat(KaplanMeier.withConfidence(ConfidenceType.PLAIN, 0.95).fit(d).pooled()).isNotEqualTo(a);
    assertThat(KaplanMeier.estimate(SurvivalData.of(new double[] {1, 2, 2, 5}, new boolean[] {true, true, true, true})).pooled())
        .isNotEqualTo(a);
    assertThat(a).isNotEqualTo("SurvivalCurve");
  }
}
