package org.channelrisk.impact;

import java.util.List;

/**
 * Linear least squares by Householder QR on a column-major design (k columns of n rows), as R's
 * {@code lm.fit} (LINPACK {@code dqrdc2}, which also factors without pivoting while no column is
 * collinear). Solving through QR instead of the normal equations keeps the digits that a time column
 * of 10^5 next to an intercept would cost (condition number of X'X about 10^10).
 *
 * <p>Cost: O(n k^2) time, O(n k) memory for a copy of the design.
 */
final class LeastSquares {
  /** A column whose norm after orthogonalisation falls below this share of its own norm is collinear (R's lm tolerance). */
  static final double COLLINEAR = 1e-7;

  final double[] coefficients;
  /** (X'X)^-1, k x k. */
  final double[][] xtxInverse;
  /** y - X b, from the original columns. */
  final double[] residuals;
  final double rss;

  private LeastSquares(double[] coefficients, double[][] xtxInverse, double[] residuals, double rss) {
    this.coefficients = coefficients;
    this.xtxInverse = xtxInverse;
    this.residuals = residuals;
    this.rss = rss;
  }

  /**
   * @param columns the design, column-major: columns[j][i] is row i of column j (not changed)
   * @param y the response (not changed)
   * @param names column names, for the message about a collinear column
   * @return the fit
   * @throws IllegalArgumentException if a column is (nearly) a linear combination of the earlier ones
   */
  static LeastSquares fit(double[][] columns, double[] y, List<String> names) {
    int k = columns.length;
    int n = y.length;
    if (n <= k) {
      throw new IllegalArgumentException("the model has " + k + " coefficients but only " + n + " observations");
    }
    double[][] a = new double[k][];
    for (int j = 0; j < k; j++) {
      a[j] = columns[j].clone();
    }
    double[] qty = y.clone();
    double[][] r = new double[k][k];
    for (int j = 0; j < k; j++) {
      double[] col = a[j];
      double original = 0;
      for (double v : columns[j]) {
        original += v * v;
      }
      original = Math.sqrt(original);
      double norm = 0;
      for (int i = j; i < n; i++) {
        norm += col[i] * col[i];
      }
      norm = Math.sqrt(norm);
      if (!(norm > COLLINEAR * original) || original == 0) {
        throw new IllegalArgumentException("the design is singular: column '" + names.get(j)
            + "' is zero or a linear combination of the columns before it");
      }
      double alpha = col[j] > 0 ? -norm : norm;
      // Householder vector u = x - alpha e_j, stored in col[j..n-1]
      col[j] -= alpha;
      double uu = 0;
      for (int i = j; i < n; i++) {
        uu += col[i] * col[i];
      }
      for (int l = j + 1; l < k; l++) {
        reflect(col, a[l], j, n, uu);
      }
      reflect(col, qty, j, n, uu);
      r[j][j] = alpha;
      for (int l = j + 1; l < k; l++) {
        r[j][l] = a[l][j];
      }
    }
    double[] b = new double[k];
    for (int j = k - 1; j >= 0; j--) {
      double s = qty[j];
      for (int l = j + 1; l < k; l++) {
        s -= r[j][l] * b[l];
      }
      b[j] = s / r[j][j];
    }
    double[] res = y.clone();
    for (int j = 0; j < k; j++) {
      double bj = b[j];
      double[] c = columns[j];
      for (int i = 0; i < n; i++) {
        res[i] -= bj * c[i];
      }
    }
    double rss = 0;
    for (double e : res) {
      rss += e * e;
    }
    return new LeastSquares(b, inverseOfRtR(r), res, rss);
  }

  /**
   * Whether the fit is essentially perfect, by R's {@code summary.lm} test: residual variance RSS /
   * (n - k) below 1e-30 of mean(f)^2 + var(f) over the fitted values f, or an RSS of exactly 0 (which
   * R's strict test lets through for a series of zeros). Such a fit's standard errors are rounding
   * error and its Gaussian log-likelihood is +infinity or set by rounding.
   *
   * @param y the response the fit was given
   */
  boolean essentiallyPerfect(double[] y) {
    int n = y.length;
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += y[i] - residuals[i];
    }
    mean /= n;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double d = y[i] - residuals[i] - mean;
      ss += d * d;
    }
    double resvar = rss / (n - coefficients.length);
    return rss == 0 || resvar < (mean * mean + ss / (n - 1)) * 1e-30;
  }

  /**
   * @param y the response the fit was given
   * @throws IllegalArgumentException if the residual sum of squares overflowed (values beyond about
   *     1e154), which would make every variance infinite
   */
  void checkFinite(double[] y) {
    if (!Double.isFinite(rss)) {
      double max = 0;
      for (double v : y) {
        max = Math.max(max, Math.abs(v));
      }
      throw new IllegalArgumentException("the series is too large for least squares: its sum of squares overflows"
          + " (largest absolute value " + max + "); rescale it");
    }
  }

  private static void reflect(double[] u, double[] x, int from, int n, double uu) {
    double d = 0;
    for (int i = from; i < n; i++) {
      d += u[i] * x[i];
    }
    double f = 2 * d / uu;
    for (int i = from; i < n; i++) {
      x[i] -= f * u[i];
    }
  }

  /** (R'R)^-1 = R^-1 R^-T for an upper triangular R. */
  static double[][] inverseOfRtR(double[][] r) {
    int k = r.length;
    double[][] ri = new double[k][k];
    for (int j = 0; j < k; j++) {
      ri[j][j] = 1 / r[j][j];
      for (int i = j - 1; i >= 0; i--) {
        double s = 0;
        for (int l = i + 1; l <= j; l++) {
          s += r[i][l] * ri[l][j];
        }
        ri[i][j] = -s / r[i][i];
      }
    }
    double[][] out = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        double s = 0;
        for (int l = j; l < k; l++) {
          s += ri[i][l] * ri[j][l];
        }
        out[i][j] = s;
        out[j][i] = s;
      }
    }
    return out;
  }

  /**
   * Newey-West covariance with Bartlett weights 1 - l / (L + 1), no prewhitening and no small-sample
   * factor: A (sum_l w_l (G_l + G_l')) A with A = (X'X)^-1 and G_l = sum_t x_t e_t e_{t-l} x_{t-l}',
   * equal to R {@code sandwich::NeweyWest(fit, lag = L, prewhite = FALSE, adjust = FALSE)}.
   * Cost O(n L k^2).
   */
  static double[][] neweyWest(double[][] columns, double[] residuals, double[][] xtxInverse, int lag) {
    int k = columns.length;
    int n = residuals.length;
    // estimating functions x_t e_t, column-major so that each cross-product is one long dot product
    double[][] u = new double[k][n];
    for (int j = 0; j < k; j++) {
      double[] c = columns[j];
      double[] uj = u[j];
      for (int i = 0; i < n; i++) {
        uj[i] = c[i] * residuals[i];
      }
    }
    double[][] meat = new double[k][k];
    for (int l = 0; l <= Math.min(lag, n - 1); l++) {
      double w = 1 - l / (lag + 1.0);
      for (int a = 0; a < k; a++) {
        double[] ua = u[a];
        for (int b = 0; b < k; b++) {
          if (l == 0 && b < a) {
            continue; // G_0 is symmetric
          }
          double[] ub = u[b];
          double g = 0;
          for (int t = l; t < n; t++) {
            g += ua[t] * ub[t - l];
          }
          if (l == 0) {
            meat[a][b] += g;
            if (b != a) {
              meat[b][a] += g;
            }
          } else {
            // G_l[a][b] enters as itself and, transposed, as G_l'[b][a]
            meat[a][b] += w * g;
            meat[b][a] += w * g;
          }
        }
      }
    }
    return sandwich(xtxInverse, meat);
  }

  /** A M A, the sandwich of the bread A (symmetric) around the meat M. */
  static double[][] sandwich(double[][] a, double[][] m) {
    return product(product(a, m), a);
  }

  /** The product of two k x k matrices. */
  private static double[][] product(double[][] a, double[][] b) {
    int k = a.length;
    double[][] out = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double s = 0;
        for (int l = 0; l < k; l++) {
          s += a[i][l] * b[l][j];
        }
        out[i][j] = s;
      }
    }
    return out;
  }

  /** floor(4 (n / 100)^(2/9)), the usual automatic Newey-West lag. */
  static int autoLag(int n) {
    return (int) Math.floor(4 * Math.pow(n / 100.0, 2.0 / 9.0));
  }
}
