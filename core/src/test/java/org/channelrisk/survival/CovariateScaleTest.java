package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A covariate's unit changes neither the Cox nor the Fine-Gray fit: both centre and scale the
 * covariates internally and judge singularity relative to the information's largest diagonal element,
 * as R's coxph (coxfit6, cholesky2 with toler.chol). Coefficients and standard errors scale inversely
 * with the unit; z statistics, likelihoods and tests stay.
 */
class CovariateScaleTest {
  static final double[] TIME = {1, 2, 3, 4, 5, 6, 7, 8};
  static final double[] X = {3, 1, 4, 1, 5, 9, 2, 6};
  static final double[] W = {0, 1, 1, 0, 1, 0, 0, 1};

  static double[][] columns(double sx, double sw) {
    double[][] x = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      x[i] = sw == 0 ? new double[] {X[i] * sx} : new double[] {X[i] * sx, W[i] * sw};
    }
    return x;
  }

  static SurvivalData allEvents() {
    boolean[] e = new boolean[TIME.length];
    Arrays.fill(e, true);
    return SurvivalData.of(TIME, e);
  }

  @Test
  void coxIsInvariantToACovariatesUnit() {
    CoxRegression cox = CoxRegression.defaults();
    CoxRegression.Fit unit = cox.fit(allEvents(), columns(1, 0), List.of("x"));
    // the covariate 3e-8, 1e-8, ... was refused as "singular" by an absolute pivot threshold of 1e-14
    for (double s : new double[] {1e-300, 1e-8, 1e-6, 100, 1e8, 1e300}) {
      CoxRegression.Fit f = cox.fit(allEvents(), columns(s, 0), List.of("x"));
      String at = "unit " + s;
      assertThat(f.converged()).as(at).isTrue();
      assertThat(f.iterations()).as(at).isEqualTo(unit.iterations());
      assertThat(f.z(0)).as(at).isCloseTo(unit.z(0), within(1e-12));
      assertThat(f.coefficients()[0] * s).as(at).isCloseTo(unit.coefficients()[0], within(1e-12));
      assertThat(f.stdErrors()[0] * s).as(at).isCloseTo(unit.stdErrors()[0], within(1e-12));
      assertThat(f.logLik()).as(at).isCloseTo(unit.logLik(), within(1e-12));
      assertThat(f.waldTest()).as(at).isCloseTo(unit.waldTest(), within(1e-12));
      assertThat(f.scoreTest()).as(at).isCloseTo(unit.scoreTest(), within(1e-12));
      assertThat(f.possiblyInfinite()).as(at).isEmpty();
    }
    assertThat(unit.z(0)).isCloseTo(-1.0156, within(1e-4));
  }

  @Test
  void coxWithCovariatesOfVeryDifferentUnits() {
    CoxRegression cox = CoxRegression.defaults();
    CoxRegression.Fit unit = cox.fit(allEvents(), columns(1, 1), List.of("x", "w"));
    CoxRegression.Fit mixed = cox.fit(allEvents(), columns(1e-8, 1e6), List.of("x", "w"));
    for (int j = 0; j < 2; j++) {
      assertThat(mixed.z(j)).isCloseTo(unit.z(j), within(1e-10));
    }
    assertThat(mixed.coefficients()[0] * 1e-8).isCloseTo(unit.coefficients()[0], within(1e-10));
    assertThat(mixed.coefficients()[1] * 1e6).isCloseTo(unit.coefficients()[1], within(1e-10));
  }

  @Test
  void collinearAndConstantCovariatesAreStillSingularInAnyUnit() {
    double[][] x = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      x[i] = new double[] {X[i] * 1e-8, X[i] * 3e5};
    }
    assertThatThrownBy(() -> CoxRegression.defaults().fit(allEvents(), x, List.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("singular");
    // 0.1 less its computed mean is 1.4e-17, not 0: scaled, the column is 1 everywhere, still constant
    double[][] c = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      c[i] = new double[] {X[i], 0.1};
    }
    assertThatThrownBy(() -> CoxRegression.defaults().fit(allEvents(), c, List.of("x", "constant")))
        .hasMessageContaining("singular").hasMessageContaining("constant");
    CompetingRisksData d = CompetingRisksData.of(TIME, new int[] {1, 2, 1, 0, 1, 2, 1, 2}, List.of("a", "b"));
    assertThatThrownBy(() -> FineGray.defaults().fit(d, "a", c, List.of("x", "constant"))).hasMessageContaining("singular");
    double[][] only = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      only[i] = new double[] {0.1};
    }
    // the score is 0 at once, so crr's criterion holds before any solve: the variance still refuses it
    assertThatThrownBy(() -> FineGray.defaults().fit(d, "a", only, List.of("constant"))).hasMessageContaining("singular");
    assertThatThrownBy(() -> FineGray.defaults().fit(d, "a", x, List.of("a", "b"))).hasMessageContaining("singular");
  }

  @Test
  void aCovariateTooLargeOrTooFlatForDoublesIsRefusedByName() {
    // its values less their mean overflow: the fit was NaN, "NOT CONVERGED", with no word of why
    double[][] big = {{Double.MAX_VALUE}, {-Double.MAX_VALUE}, {1}, {2}, {0}, {0}, {0}, {0}};
    assertThatThrownBy(() -> CoxRegression.defaults().fit(allEvents(), big, List.of("audience")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("covariate audience is too large for double arithmetic: its values less their mean overflow"
            + " (sum of absolute deviations Infinity); rescale it");
    double[][] flat = {{Double.MIN_VALUE}, {0}, {0}, {0}, {0}, {0}, {0}, {0}};
    assertThatThrownBy(() -> CoxRegression.defaults().fit(allEvents(), flat, List.of("tiny")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("covariate tiny varies too little for double arithmetic");
  }

  @Test
  void fineGrayIsInvariantToACovariatesUnit() {
    CompetingRisksData d = CompetingRisksData.of(TIME, new int[] {1, 2, 1, 0, 1, 2, 1, 2}, List.of("a", "b"));
    FineGray.Fit unit = FineGray.defaults().fit(d, "a", columns(1, 0), List.of("x"));
    // crr's stopping rule is taken in the covariates' units, so in large units it may need more
    // iterations and stop at another point within its tolerance: z agrees to that tolerance
    for (double s : new double[] {1e-300, 1e-9, 1e-3, 1e3, 1e6, 1e300}) {
      FineGray.Fit f = FineGray.defaults().fit(d, "a", columns(s, 0), List.of("x"));
      String at = "unit " + s;
      assertThat(f.converged()).as(at).isTrue();
      assertThat(f.z(0)).as(at).isCloseTo(unit.z(0), within(1e-6));
      assertThat(f.coefficients()[0] * s).as(at).isCloseTo(unit.coefficients()[0], within(1e-6));
      assertThat(f.stdErrors()[0] * s).as(at).isCloseTo(unit.stdErrors()[0], within(1e-6));
      assertThat(f.logLik()).as(at).isCloseTo(unit.logLik(), within(1e-9));
    }
    assertThat(unit.z(0)).isCloseTo(-0.8309, within(1e-4));
  }
}
