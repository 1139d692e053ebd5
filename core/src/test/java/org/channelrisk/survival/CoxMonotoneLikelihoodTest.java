package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Monotone likelihood, detected by R's rule in {@code coxph.fit} ("Loglik converged before variable
 * ...; coefficient may be infinite").
 */
class CoxMonotoneLikelihoodTest {
  @Test
  void aCovariateThatSeparatesTheEventsIsFlagged() {
    // every subject with x = 1 dies before any with x = 0: the partial likelihood keeps rising as beta
    // grows; R's coxph(Surv(1:8, rep(1, 8)) ~ x) warns "Loglik converged before variable 1"
    double[] t = {1, 2, 3, 4, 5, 6, 7, 8};
    boolean[] e = {true, true, true, true, true, true, true, true};
    double[][] x = {{1}, {1}, {1}, {1}, {0}, {0}, {0}, {0}};
    CoxRegression.Fit fit = CoxRegression.defaults().fit(SurvivalData.of(t, e), x, List.of("x"));
    assertThat(fit.converged()).as(fit.toString()).isTrue();
    assertThat(fit.monotoneLikelihood()).isTrue();
    assertThat(fit.possiblyInfinite()).containsExactly("x");
    // R 4 / survival 3.5: coef 22.11038 after 20 iterations, loglik -6.35610766278
    assertThat(fit.coefficients()[0]).isCloseTo(22.11038, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(fit.iterations()).isEqualTo(20);
    assertThat(fit.logLik()).isCloseTo(-6.35610766278, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(fit.status()).contains("converged before variable x").contains("may be infinite");
    assertThat(fit.toString()).contains("monotone likelihood");
  }

  @Test
  void anOrdinaryFitIsNotFlagged() {
    // R: coxph(Surv(t, e) ~ x) converges in 4 iterations without a warning
    double[] t = {1, 2, 3, 4, 5, 6, 7, 8};
    boolean[] e = {true, true, true, false, true, true, false, true};
    double[][] x = {{1}, {0}, {1}, {1}, {0}, {1}, {0}, {0}};
    CoxRegression.Fit fit = CoxRegression.defaults().fit(SurvivalData.of(t, e), x, List.of("x"));
    assertThat(fit.converged()).isTrue();
    assertThat(fit.monotoneLikelihood()).isFalse();
    assertThat(fit.possiblyInfinite()).isEmpty();
    assertThat(fit.status()).isEqualTo("converged");
  }

  @Test
  void bothCovariatesOfRsInfcoxTestAreFlagged() {
    // survival's tests/infcox.R: coxph(Surv(futime, fustat) ~ x1 + x2, test3, iter = 25) warns
    // "Loglik converged before variable 1,2" with coefficients -23.20289, -23.94155 after 22 iterations
    double[] t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    boolean[] e = {true, false, true, false, true, false, false, false, false, false, false, false};
    double[][] x = new double[12][2];
    for (int i = 0; i < 12; i++) {
      x[i][0] = i % 2;
      x[i][1] = i < 6 ? 0 : 1;
    }
    CoxRegression.Fit fit = CoxRegression.defaults().withConvergence(1e-9, 25).fit(SurvivalData.of(t, e), x, List.of("x1", "x2"));
    assertThat(fit.converged()).as(fit.toString()).isTrue();
    assertThat(fit.possiblyInfinite()).containsExactly("x1", "x2");
    assertThat(fit.iterations()).isEqualTo(22);
    assertThat(fit.coefficients()[0]).isCloseTo(-23.20289, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(fit.coefficients()[1]).isCloseTo(-23.94155, org.assertj.core.data.Offset.offset(1e-3));
  }
}
