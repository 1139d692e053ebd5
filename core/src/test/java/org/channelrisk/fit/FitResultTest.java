package org.channelrisk.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** FitResult's derived numbers against values computed by hand here (R's nls formulas). */
class FitResultTest {
  static FitResult result(int n, double rss, double sumLogWeights) {
    return new FitResult(List.of("a", "k"), new double[] {2.5, 0.25}, new double[] {0.5, 0.05},
        new double[][] {{0.25, 0.01}, {0.01, 0.0025}}, new double[] {1.5, 0.15}, new double[] {3.5, 0.35}, 0.95, rss, n,
        sumLogWeights, true, 7, 9, "converged", "COMPACT");
  }

  @Test
  void informationCriteriaAsRsNls() {
    FitResult r = result(10, 4.0, 0.0);
    assertThat(r.parameters()).isEqualTo(2);
    assertThat(r.df()).isEqualTo(8);
    assertThat(r.sigma()).isEqualTo(Math.sqrt(0.5));
    // logLik = -n/2 (log(2 pi) + 1 - log n + log RSS): -5 (1.8378770664093453 + 1 - 2.302585092994046 + 1.3862943611198906)
    double logLik = -5 * (1.8378770664093453 + 1 - 2.302585092994046 + 1.3862943611198906);
    assertThat(r.logLik()).isCloseTo(logLik, within(1e-12));
    assertThat(r.aic()).isCloseTo(-2 * logLik + 6, within(1e-12));
    // k = 3: AICc = AIC + 2*3*4/(10-3-1) = AIC + 4
    assertThat(r.aicc()).isCloseTo(-2 * logLik + 6 + 4, within(1e-12));
    assertThat(r.bic()).isCloseTo(-2 * logLik + 3 * Math.log(10), within(1e-12));
    assertThat(r.estimate(1)).isEqualTo(0.25);
    assertThat(r.stdError(0)).isEqualTo(0.5);
  }

  @Test
  void weightsEnterTheLogLikelihood() {
    FitResult r = result(10, 4.0, 3.0);
    double logLik = -5 * (1.8378770664093453 + 1 - 2.302585092994046 - 0.3 + 1.3862943611198906);
    assertThat(r.logLik()).isCloseTo(logLik, within(1e-12));
  }

  @Test
  void aiccIsInfiniteWithoutEnoughPoints() {
    assertThat(result(4, 1.0, 0).aicc()).isInfinite();
    assertThat(result(5, 1.0, 0).aicc()).isFinite();
  }

  @Test
  void toStringStatesTheStatusAndTheSolver() {
    String s = result(10, 4.0, 0).toString();
    assertThat(s).contains("converged (COMPACT solver, 7 iterations, 9 evaluations)", "a ", "k ", "95.0% CI", "RSS 4.0000000");
    FitResult bad = new FitResult(List.of("a"), new double[] {1}, new double[] {1}, new double[][] {{1}}, new double[] {0},
        new double[] {2}, 0.9, 1, 5, 0, false, 3, 4, "iteration limit 3 reached", "MINPACK");
    assertThat(bad.toString()).contains("NOT CONVERGED: iteration limit 3 reached", "MINPACK solver", "90.0% CI");
  }

  @Test
  void modelDefaultsNamesAndCentralDifferences() {
    Model m = new Model() {
      @Override
      public int parameters() {
        return 3;
      }

      @Override
      public double value(double[] x, double[] b) {
        return b[0] * Math.exp(-b[1] * x[0]) + b[2] * x[0] * x[0];
      }
    };
    assertThat(m.names()).containsExactly("b1", "b2", "b3");
    double[] b = {2, 0.5, -1};
    double[] g = new double[3];
    double v = m.valueAndGradient(new double[] {1.5}, b, g);
    assertThat(v).isEqualTo(2 * Math.exp(-0.75) - 2.25);
    assertThat(g[0]).isCloseTo(Math.exp(-0.75), within(1e-9));
    assertThat(g[1]).isCloseTo(-2 * 1.5 * Math.exp(-0.75), within(1e-9));
    assertThat(g[2]).isCloseTo(2.25, within(1e-9));
    assertThat(b).containsExactly(2, 0.5, -1);
  }

  static FitResult solvedBy(String solver) {
    return new FitResult(List.of("a", "k"), new double[] {2.5, 0.25}, new double[] {0.5, 0.05},
        new double[][] {{0.25, 0.01}, {0.01, 0.0025}}, new double[] {1.5, 0.15}, new double[] {3.5, 0.35}, 0.95, 4, 10, 0, true, 7, 9,
        "converged", solver);
  }

  @Test
  void resultsOfDifferentSolversDiffer() {
    assertThat(solvedBy("MINPACK")).isEqualTo(solvedBy("MINPACK")).hasSameHashCodeAs(solvedBy("MINPACK"));
    assertThat(solvedBy("MINPACK")).isNotEqualTo(solvedBy("COMPACT"));
    assertThat(solvedBy("MINPACK").hashCode()).isNotEqualTo(solvedBy("COMPACT").hashCode());
  }

  @Test
  void componentsOfTheWrongLengthOrNullAreRefused() {
    double[] one = {1};
    double[] two = {1, 2};
    double[][] cov = {{1, 0}, {0, 1}};
    assertThatThrownBy(() -> new FitResult(List.of("a", "b"), one, new double[] {1, 2, 3}, new double[][] {{1}}, one, one, 0.95, 1, 5,
        0, true, 1, 1, "c")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("names has 2 entries for 1 estimates: one per parameter is expected");
    assertThatThrownBy(() -> new FitResult(List.of("a", "b"), two, new double[] {1, 2, 3}, cov, two, two, 0.95, 1, 5, 0, true, 1, 1, "c"))
        .hasMessage("stdErrors has 3 entries for 2 estimates: one per parameter is expected");
    assertThatThrownBy(() -> new FitResult(List.of("a", "b"), two, two, cov, one, two, 0.95, 1, 5, 0, true, 1, 1, "c"))
        .hasMessage("lower has 1 entries for 2 estimates: one per parameter is expected");
    assertThatThrownBy(() -> new FitResult(List.of("a", "b"), two, two, cov, two, one, 0.95, 1, 5, 0, true, 1, 1, "c"))
        .hasMessage("upper has 1 entries for 2 estimates: one per parameter is expected");
    assertThatThrownBy(() -> new FitResult(List.of("a", "b"), two, two, new double[][] {{1, 0}}, two, two, 0.95, 1, 5, 0, true, 1, 1,
        "c")).hasMessage("covariance has 1 entries for 2 estimates: one per parameter is expected");
    assertThatThrownBy(() -> new FitResult(List.of("a", "b"), two, two, new double[][] {{1, 0}, {0}}, two, two, 0.95, 1, 5, 0, true, 1,
        1, "c")).hasMessage("covariance row 1 has 1 entries for 2 estimates: the covariance must be 2 x 2");
    assertThatThrownBy(() -> new FitResult(List.of("a", "b"), two, null, cov, two, two, 0.95, 1, 5, 0, true, 1, 1, "c"))
        .isInstanceOf(NullPointerException.class).hasMessage("stdErrors must not be null");
    assertThatThrownBy(() -> new FitResult(List.of("a", "b"), two, two, cov, two, two, 0.95, 1, 5, 0, true, 1, 1, null))
        .isInstanceOf(NullPointerException.class).hasMessage("message must not be null");
    assertThatThrownBy(() -> new FitResult(List.of("a", "b"), two, two, cov, two, two, 0.95, 1, 5, 0, true, 1, 1, "c", null))
        .isInstanceOf(NullPointerException.class).hasMessage("solver must not be null");
    assertThatThrownBy(() -> new FitResult(List.of("a", "b"), two, two, new double[][] {{1, 0}, null}, two, two, 0.95, 1, 5, 0, true, 1,
        1, "c")).isInstanceOf(NullPointerException.class).hasMessage("covariance row 1 must not be null");
  }
}
