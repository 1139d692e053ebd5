package org.channelrisk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.channelrisk.testing.PropertyCheck.forAll;

import java.util.Arrays;
import org.channelrisk.testing.Gen;
import org.junit.jupiter.api.Test;

class CholeskyTest {
  /** A = B B' + shift I for a random B: positive definite when shift &gt; 0. */
  record Spd(double[][] b, double shift) {
    double[][] a() {
      int p = b.length;
      double[][] a = new double[p][p];
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          for (int k = 0; k < p; k++) {
            a[i][j] += b[i][k] * b[j][k];
          }
        }
        a[i][i] += shift;
      }
      return a;
    }

    @Override
    public String toString() {
      return "Spd[b=" + Arrays.deepToString(b) + ", shift=" + shift + "]";
    }
  }

  @Test
  void theFactorReproducesTheMatrixAndSolves() {
    forAll("L L' = A and A z = rhs", 200, rng -> {
      int p = Gen.intIn(rng, 1, 6);
      double[][] b = new double[p][p];
      for (double[] row : b) {
        for (int k = 0; k < p; k++) {
          row[k] = Gen.doubleIn(rng, -3, 3);
        }
      }
      return new Spd(b, Gen.doubleIn(rng, 0.1, 2));
    }, spd -> {
      double[][] a = spd.a();
      int p = a.length;
      double[][] l = new double[p][];
      for (int i = 0; i < p; i++) {
        l[i] = a[i].clone();
      }
      assertThat(Cholesky.factor(l, 0)).isTrue();
      for (int i = 0; i < p; i++) {
        for (int j = 0; j <= i; j++) {
          double s = 0;
          for (int k = 0; k <= j; k++) {
            s += l[i][k] * l[j][k];
          }
          assertThat(s).as("(L L')[%d][%d]", i, j).isCloseTo(a[i][j], within(1e-9 * (1 + Math.abs(a[i][j]))));
        }
        assertThat(l[i][i]).isPositive();
      }
      double[] rhs = new double[p];
      for (int i = 0; i < p; i++) {
        rhs[i] = i + 1;
      }
      double[] z = new double[p];
      Cholesky.solve(l, rhs, z);
      for (int i = 0; i < p; i++) {
        double s = 0;
        for (int k = 0; k < p; k++) {
          s += a[i][k] * z[k];
        }
        assertThat(s).as("(A z)[%d]", i).isCloseTo(rhs[i], within(1e-7 * (1 + Math.abs(rhs[i]))));
      }
    });
  }

  @Test
  void aMatrixThatIsNotPositiveDefiniteIsRefused() {
    assertThat(Cholesky.factor(new double[][] {{1, 2}, {2, 1}}, 0)).as("indefinite").isFalse();
    assertThat(Cholesky.factor(new double[][] {{1, 1}, {1, 1}}, 0)).as("singular").isFalse();
    assertThat(Cholesky.factor(new double[][] {{Double.NaN}}, 0)).as("NaN").isFalse();
    assertThat(Cholesky.factor(new double[][] {{1e-20, 0}, {0, 1}}, 1e-14)).as("below the pivot tolerance").isFalse();
    assertThat(Cholesky.factor(new double[][] {{4, 2}, {2, 5}}, 0)).isTrue();
  }

  @Test
  void factorCopyLeavesTheMatrixAndMeasuresThePivotAgainstTheLargestDiagonal() {
    double[][] a = {{4, 99}, {2, 5}};
    double[][] l = Cholesky.factorCopy(a, 1e-14);
    assertThat(a[0]).as("A untouched, upper triangle not read").containsExactly(4, 99);
    assertThat(l[0]).containsExactly(2, 0);
    assertThat(l[1][0]).isEqualTo(1.0);
    assertThat(l[1][1]).isEqualTo(2.0);
    // 1e-6 is a fine pivot on its own but a singular matrix next to a diagonal of 1e9
    assertThat(Cholesky.factorCopy(new double[][] {{1e-6}}, 1e-13)).isNotNull();
    assertThat(Cholesky.factorCopy(new double[][] {{1e9, 0}, {0, 1e-6}}, 1e-13)).isNull();
    assertThat(Cholesky.factorCopy(new double[][] {{Double.POSITIVE_INFINITY}}, 0)).as("infinite pivot").isNull();
    assertThat(Cholesky.factorCopy(new double[][] {{1, 2}, {2, 1}}, 0)).as("indefinite").isNull();
  }
}
