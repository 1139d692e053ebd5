package org.channelrisk.internal;

/**
 * The Cholesky factorisation L L' = A of a small symmetric positive definite matrix, in place, and
 * the solution of A z = b from it: the Levenberg–Marquardt steps and covariance inverses of the
 * recovery fits, and the proposal kernels of ABC-SMC. One loop in one summation order gives them the
 * same rounding. Internal: not a supported API.
 *
 * <p>Reference: Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., algorithm 4.2.1 (the
 * column-oriented "gaxpy" Cholesky).
 */
public final class Cholesky {
  private Cholesky() {}

  /**
   * Replaces the lower triangle of m by its Cholesky factor L (the upper triangle is not read or
   * written).
   *
   * @param m a p x p matrix whose lower triangle holds A's; overwritten by L
   * @param minPivot the factorisation fails at a squared pivot that is not above this (0 for plain
   *     positive definiteness, a small multiple of A's largest diagonal element for a numerical one)
   * @return false when A is not positive definite to that tolerance (m is then partly overwritten)
   */
  public static boolean factor(double[][] m, double minPivot) {
    int p = m.length;
    for (int j = 0; j < p; j++) {
      double d = m[j][j];
      for (int k = 0; k < j; k++) {
        d -= m[j][k] * m[j][k];
      }
      if (!(d > minPivot)) {
        return false;
      }
      double l = Math.sqrt(d);
      m[j][j] = l;
      for (int i = j + 1; i < p; i++) {
        double s = m[i][j];
        for (int k = 0; k < j; k++) {
          s -= m[i][k] * m[j][k];
        }
        m[i][j] = s / l;
      }
    }
    return true;
  }

  /**
   * The Cholesky factor of a copy of A, with a pivot tolerance relative to A's largest diagonal
   * element: the numerical positive definiteness both callers need (a pivot far below the largest
   * diagonal element is a singular matrix in rounding).
   *
   * @param a a p x p matrix whose lower triangle holds A's; not modified
   * @param relativeMinPivot the factorisation fails at a squared pivot that is not above this times
   *     A's largest diagonal element
   * @return L in the lower triangle of a new matrix (zeros above), or null when A is not positive
   *     definite to that tolerance or a pivot is not finite
   */
  public static double[][] factorCopy(double[][] a, double relativeMinPivot) {
    int p = a.length;
    double[][] l = new double[p][p];
    double maxDiag = 0;
    for (int j = 0; j < p; j++) {
      maxDiag = Math.max(maxDiag, a[j][j]);
      System.arraycopy(a[j], 0, l[j], 0, j + 1);
    }
    if (!factor(l, relativeMinPivot * maxDiag)) {
      return null;
    }
    for (int j = 0; j < p; j++) {
      if (!Double.isFinite(l[j][j])) {
        return null;
      }
    }
    return l;
  }

  /**
   * Solves L L' z = rhs by forward and back substitution.
   *
   * @param l the factor (its lower triangle), from {@link #factor}
   * @param rhs the right-hand side; not modified
   * @param z receives the solution (may not be rhs)
   */
  public static void solve(double[][] l, double[] rhs, double[] z) {
    int p = rhs.length;
    for (int i = 0; i < p; i++) {
      double s = rhs[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * z[k];
      }
      z[i] = s / l[i][i];
    }
    for (int i = p - 1; i >= 0; i--) {
      double s = z[i];
      for (int k = i + 1; k < p; k++) {
        s -= l[k][i] * z[k];
      }
      z[i] = s / l[i][i];
    }
  }
}
