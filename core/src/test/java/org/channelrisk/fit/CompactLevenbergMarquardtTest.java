package org.channelrisk.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compact solver's stopping rule, on data in the test itself (the NIST table needs the reference
 * folder): a stall is "converged" only at a small scaled gradient.
 */
class CompactLevenbergMarquardtTest {
  /** NIST StRD BoxBOD: y = b1 (1 - exp(-b2 x)); certified b1 = 213.80940889, b2 = 0.54723748542. */
  static final double[] X = {1, 2, 3, 5, 7, 10};
  static final double[] Y = {109, 149, 149, 191, 213, 224};

  static final Model BOX_BOD = new Model() {
    @Override
    public int parameters() {
      return 2;
    }

    @Override
    public List<String> names() {
      return List.of("b1", "b2");
    }

    @Override
    public double value(double[] x, double[] b) {
      return b[0] * (1 - Math.exp(-b[1] * x[0]));
    }

    @Override
    public void gradient(double[] x, double[] b, double[] out) {
      double e = Math.exp(-b[1] * x[0]);
      out[0] = 1 - e;
      out[1] = b[0] * x[0] * e;
    }
  };

  static FitResult fit(double... start) {
    return NonlinearLeastSquares.builder(BOX_BOD).data(X, Y).start(start).tolerance(1e-15).maxIterations(10_000).maxEvaluations(100_000)
        .solver(NonlinearLeastSquares.Solver.COMPACT).build().fit();
  }

  @Test
  void aStallFarFromTheMinimumIsNotConverged() {
    // from NIST's start 1 the damping runs away on a plateau (b2 large: the curve is flat at b1); the
    // earlier rule called that converged, with b1 = 1.7e2 and b2 wrong in every digit
    FitResult r = fit(1, 1);
    assertThat(r.solver()).isEqualTo("COMPACT");
    if (r.converged()) {
      assertThat(r.estimate(0)).isCloseTo(213.80940889, org.assertj.core.data.Offset.offset(1e-4));
      assertThat(r.estimate(1)).isCloseTo(0.54723748542, org.assertj.core.data.Offset.offset(1e-7));
    } else {
      assertThat(r.message()).contains("scaled gradient");
    }
  }

  @Test
  void fromTheSecondStartItConvergesToTheCertifiedValues() {
    FitResult r = fit(100, 0.75);
    assertThat(r.converged()).as(r.message()).isTrue();
    assertThat(r.estimate(0)).isCloseTo(213.80940889, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(r.estimate(1)).isCloseTo(0.54723748542, org.assertj.core.data.Offset.offset(1e-8));
    assertThat(r.stdError(0)).isCloseTo(12.354515176, org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void scaledGradientIsTheLargestCosine() {
    double[][] a = {{4, 0}, {0, 9}};
    // cost 1: g_j / sqrt(a_jj)
    assertThat(CompactLevenbergMarquardt.scaledGradient(a, new double[] {1, 1.5}, 1)).isEqualTo(0.5);
    assertThat(CompactLevenbergMarquardt.scaledGradient(a, new double[] {-1, 0}, 4)).isEqualTo(0.25);
    assertThat(CompactLevenbergMarquardt.scaledGradient(a, new double[] {5, 5}, 0)).isZero();
    assertThat(CompactLevenbergMarquardt.scaledGradient(new double[][] {{0, 0}, {0, 1}}, new double[] {1, 0}, 1))
        .isInfinite();
    // a zero column with a zero gradient contributes 0, not 0/0
    assertThat(CompactLevenbergMarquardt.scaledGradient(new double[][] {{1, 0}, {0, 0}}, new double[] {0.5, 0}, 1)).isEqualTo(0.5);
  }

  @Test
  void minpackResultsNameTheirSolver() {
    FitResult r = NonlinearLeastSquares.builder(BOX_BOD).data(X, Y).start(100, 0.75).build().fit();
    assertThat(r.solver()).isEqualTo("MINPACK");
    assertThat(r.toString()).contains("MINPACK solver");
  }
}
