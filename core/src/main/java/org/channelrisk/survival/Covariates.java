package org.channelrisk.survival;

import java.util.List;

/**
 * What the Cox and the Fine-Gray fits do to their covariates, as R's {@code coxph} does (C routine
 * {@code coxfit6}): each centred column is scaled by the inverse of its mean absolute value, so that
 * the iterations and the singularity test see columns of unit size whatever the covariate's unit; and
 * a matrix is taken as singular where a pivot falls below a tolerance relative to its largest diagonal
 * element (R's {@code cholesky2} with {@code toler.chol}), not below an absolute number. A coefficient
 * on the scaled column is beta / scale, its standard error se / scale.
 */
final class Covariates {
  /** R's {@code coxph.control(toler.chol = .Machine$double.eps^0.75)}. */
  static final double PIVOT_TOLERANCE = Math.pow(Math.ulp(1.0), 0.75);

  private Covariates() {}

  /**
   * Scales centred columns in place by n / sum |z| (1 for a constant column), R's {@code scale[i]}.
   *
   * @param z centred covariates, one row per observation
   * @param names the columns' names, for the messages
   * @return the scale of each column: the coefficient of the original column is scale times that of
   *     the scaled one
   * @throws IllegalArgumentException if a column's centred values overflow a double, or it varies too
   *     little for its scale to be a double
   */
  static double[] scale(double[][] z, List<String> names) {
    int n = z.length;
    int p = names.size();
    double[] scale = new double[p];
    for (int j = 0; j < p; j++) {
      double sum = 0;
      for (double[] row : z) {
        sum += Math.abs(row[j]);
      }
      if (!Double.isFinite(sum)) {
        throw new IllegalArgumentException("covariate " + names.get(j) + " is too large for double arithmetic: its values"
            + " less their mean overflow (sum of absolute deviations " + sum + "); rescale it");
      }
      double s = sum > 0 ? n / sum : 1.0; // a constant column stays 0: the information matrix says so
      if (!Double.isFinite(s)) {
        throw new IllegalArgumentException("covariate " + names.get(j) + " varies too little for double arithmetic"
            + " (sum of absolute deviations " + sum + "); rescale it");
      }
      scale[j] = s;
      for (double[] row : z) {
        row[j] *= s;
      }
    }
    return scale;
  }

  /**
   * @param m a square matrix (an information matrix, or a Hessian of a minimised objective)
   * @return the pivot below which it is taken as singular: {@link #PIVOT_TOLERANCE} times its largest
   *     diagonal element, and at least the smallest double, so that a zero pivot is too small also where
   *     no diagonal element is positive (a test "pivot &lt; threshold" then refuses it)
   */
  static double pivotThreshold(double[][] m) {
    double max = 0;
    for (int i = 0; i < m.length; i++) {
      max = Math.max(max, m[i][i]);
    }
    return Math.max(PIVOT_TOLERANCE * max, Double.MIN_VALUE);
  }
}
