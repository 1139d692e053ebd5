package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A parametric fit is a value: its covariance is copied in and out, and it compares by content. */
class ParametricFitValueTest {
  static ParametricSurvival.Fit weibull(double[][] cov) {
    return new ParametricSurvival.Fit(ParametricSurvival.Family.WEIBULL, 1.5, 0.8, cov, -42.0, 30, 25, true, 6);
  }

  @Test
  void theCovarianceIsCopiedInAndOut() {
    double[][] cov = {{0.04, 0.01}, {0.01, 0.02}};
    ParametricSurvival.Fit f = weibull(cov);
    double se = f.muStdError();
    cov[0][0] = 100;
    assertThat(f.muStdError()).isEqualTo(se).isEqualTo(0.2);
    f.covariance()[1][1] = 100;
    assertThat(f.logSigmaStdError()).isEqualTo(Math.sqrt(0.02));
    assertThat(f.covariance(0, 1)).isEqualTo(0.01);
    assertThat(f.covariance()).isDeepEqualTo(new double[][] {{0.04, 0.01}, {0.01, 0.02}});
  }

  @Test
  void fitsCompareByContent() {
    ParametricSurvival.Fit a = weibull(new double[][] {{0.04, 0.01}, {0.01, 0.02}});
    ParametricSurvival.Fit b = weibull(new double[][] {{0.04, 0.01}, {0.01, 0.02}});
    ParametricSurvival.Fit c = weibull(new double[][] {{0.04, 0.01}, {0.01, 0.03}});
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c).isNotEqualTo(null).isNotEqualTo("a fit");
    assertThat(a.toString()).isEqualTo(b.toString()).startsWith("WEIBULL fit: shape").doesNotContain("[[D");
  }

  @Test
  void aFittedModelIsEqualToItsRefit() {
    SurvivalData d = SurvivalData.of(new double[] {1, 2, 2.5, 3, 4, 6, 7, 9}, new boolean[] {true, true, false, true, true, true, false, true});
    assertThat(ParametricSurvival.fit(ParametricSurvival.Family.LOG_NORMAL, d))
        .isEqualTo(ParametricSurvival.fit(ParametricSurvival.Family.LOG_NORMAL, d));
  }
}
