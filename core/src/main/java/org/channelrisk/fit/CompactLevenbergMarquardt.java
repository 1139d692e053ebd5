package org.channelrisk.fit;

import org.channelrisk.internal.Cholesky;

import java.util.Arrays;

/**
 * Levenberg-Marquardt for small problems (a few parameters) on primitive arrays: damping scaled by the
 * diagonal of J'WJ (Marquardt 1963), the step from a Cholesky solve of the p x p normal equations, the
 * damping divided by 10 after a step that lowers the cost and multiplied by 10 otherwise. It does the
 * work of Commons Math's MINPACK port without its per-evaluation objects, which dominate a 100-point,
 * 3-parameter fit; the MINPACK port stays the default for larger and harder problems.
 *
 * <p>Stops when a successful step lowers the cost by at most {@code tol} relative and moves every
 * parameter by at most sqrt({@code tol}) relative, when the damping exceeds 1e16 with no improvement
 * (no step lowers the cost at machine precision), or at the iteration limit (not converged). The
 * first two are "converged" only if the scaled gradient is small as well: the largest cosine between
 * the weighted residual vector and a column of the Jacobian, |(J'Wr)_j| / sqrt((J'WJ)_jj r'Wr)
 * (MINPACK's gtol test), at most {@value #GRADIENT_TOLERANCE}; a stall elsewhere (a flat valley, a
 * damping that ran away) is "not converged", with the gradient in the message. An exact fit has
 * converged: cost 0, or residuals at the resolution of double arithmetic (root cost at most
 * {@value #RESIDUAL_FLOOR} of the root weighted sum of squares of the data), where the residuals,
 * and so the gradient's direction, are rounding noise (NIST's Lanczos1, noiseless test series).
 */
final class CompactLevenbergMarquardt {
  /**
   * The outcome.
   *
   * @param point the last accepted point
   * @param converged whether it converged
   * @param iterations iterations
   * @param evaluations evaluations of residuals and Jacobian (one pass each)
   * @param message what happened
   * @param cost the weighted residual sum of squares at the point
   * @param normal J'WJ at the point (full, symmetric), for the covariance (not finite when the point is not)
   */
  record Outcome(double[] point, boolean converged, int iterations, int evaluations, String message, double cost,
      double[][] normal) {}

  /** Largest scaled gradient (cosine) of a point called converged. */
  static final double GRADIENT_TOLERANCE = 1e-4;

  /** Root cost, relative to the data's root sum of squares, below which the fit is exact in doubles. */
  static final double RESIDUAL_FLOOR = 1e-10;

  private CompactLevenbergMarquardt() {}

  /**
   * MINPACK's scaled gradient: max over j of |g_j| / sqrt(a_jj cost), the cosine between the weighted
   * residuals and column j of the Jacobian; 0 at a stationary point, and for a zero column only when
   * its gradient is 0 too.
   */
  static double scaledGradient(double[][] a, double[] g, double cost) {
    if (cost == 0) {
      return 0;
    }
    double worst = 0;
    for (int j = 0; j < g.length; j++) {
      double d = Math.sqrt(a[j][j] * cost);
      double c = d > 0 ? Math.abs(g[j]) / d : (g[j] == 0 ? 0 : Double.POSITIVE_INFINITY);
      if (!(c <= worst)) {
        worst = c;
      }
    }
    return worst;
  }

  /**
   * Why the weighted residual sum of squares at b is not finite: a model value that is not finite, or
   * finite values whose residuals square beyond the largest double (data too large for double
   * arithmetic, which a rescaling of y cures).
   *
   * @param where the point's role, for the message ("the start")
   */
  static String whyNotFinite(Model model, double[][] x, double[] y, double[] w, double[] b, String where) {
    double largest = 0;
    for (int i = 0; i < y.length; i++) {
      double f = model.value(x[i], b);
      if (!Double.isFinite(f)) {
        return "the model is not finite at " + where + " " + Arrays.toString(b) + ": " + f + " at observation " + i;
      }
      largest = Math.max(largest, Math.abs(y[i] - f) * Math.sqrt(w == null ? 1 : w[i]));
    }
    return "the residual sum of squares overflows at " + where + " " + Arrays.toString(b) + ": the model is finite, but "
        + (Double.isInfinite(largest) ? "a residual exceeds the largest double"
            : String.format(java.util.Locale.ROOT, "residuals of up to %.3g square beyond the largest double", largest))
        + "; rescale the data";
  }

  static Outcome solve(Model model, double[][] x, double[] y, double[] w, double[] start, double tol, int maxIterations,
      int maxEvaluations) {
    int p = start.length;
    double[] b = start.clone();
    // each point is evaluated once, value and gradient together, and its terms go straight into the
    // normal equations: no residual or Jacobian arrays are stored (the current point's J'WJ and J'W r,
    // and the trial point's, swapped when a trial is accepted)
    double[] grad = new double[p];
    double[][] a = new double[p][p];
    double[] g = new double[p];
    double[][] ta = new double[p][p];
    double[] tg = new double[p];
    double[][] m = new double[p][p];
    double[] step = new double[p];
    double[] trial = new double[p];
    int evaluations = 0;
    double cost = evaluate(model, x, y, w, b, grad, a, g);
    evaluations++;
    if (!Double.isFinite(cost)) {
      return new Outcome(b, false, 0, evaluations, whyNotFinite(model, x, y, w, start, "the start"), cost, a);
    }
    double dataScale = 0;
    for (int i = 0; i < y.length; i++) {
      dataScale += (w == null ? 1 : w[i]) * y[i] * y[i];
    }
    double exactCost = RESIDUAL_FLOOR * RESIDUAL_FLOOR * dataScale;
    double lambda = 1e-3;
    for (int iter = 1; iter <= maxIterations; iter++) {
      double maxDiag = 0;
      for (int j = 0; j < p; j++) {
        maxDiag = Math.max(maxDiag, a[j][j]);
      }
      boolean improved = false;
      while (!improved) {
        if (evaluations >= maxEvaluations) {
          return new Outcome(b, false, iter, evaluations, "evaluation limit " + maxEvaluations + " reached", cost, a);
        }
        for (int j = 0; j < p; j++) {
          System.arraycopy(a[j], 0, m[j], 0, p);
          m[j][j] += lambda * Math.max(a[j][j], 1e-12 * maxDiag + Double.MIN_NORMAL);
        }
        if (!Cholesky.factor(m, 0)) {
          lambda *= 10;
          if (lambda > 1e16) {
            return new Outcome(b, false, iter, evaluations, "the normal equations are singular", cost, a);
          }
          continue;
        }
        Cholesky.solve(m, g, step);
        double moved = 0;
        for (int j = 0; j < p; j++) {
          trial[j] = b[j] + step[j];
          moved = Math.max(moved, Math.abs(step[j]) / (Math.abs(b[j]) + tol));
        }
        double trialCost = evaluate(model, x, y, w, trial, grad, ta, tg);
        evaluations++;
        if (Double.isFinite(trialCost) && trialCost < cost) {
          double drop = (cost - trialCost) / cost;
          System.arraycopy(trial, 0, b, 0, p);
          double[][] t1 = a;
          a = ta;
          ta = t1;
          double[] t2 = g;
          g = tg;
          tg = t2;
          cost = trialCost;
          lambda = Math.max(lambda / 10, 1e-15);
          improved = true;
          if (cost == 0) {
            return new Outcome(b, true, iter, evaluations, "converged (exact fit)", cost, a);
          }
          if (drop <= tol && moved <= Math.sqrt(tol) && (cost <= exactCost || scaledGradient(a, g, cost) <= GRADIENT_TOLERANCE)) {
            return new Outcome(b, true, iter, evaluations, "converged", cost, a);
          }
        } else {
          lambda *= 10;
          if (lambda > 1e16 || moved <= 1e-15) {
            // no step lowers the cost any more: a minimum to machine precision if the gradient vanishes
            double sg = scaledGradient(a, g, cost);
            if (sg <= GRADIENT_TOLERANCE || cost <= exactCost) {
              return new Outcome(b, true, iter, evaluations, "converged (no further reduction at machine precision)", cost, a);
            }
            return new Outcome(b, false, iter, evaluations, String.format(java.util.Locale.ROOT,
                "stalled: no step lowers the cost, but the scaled gradient is %.3g (above %.0e)", sg, GRADIENT_TOLERANCE), cost, a);
          }
        }
      }
    }
    return new Outcome(b, false, maxIterations, evaluations, "iteration limit " + maxIterations + " reached", cost, a);
  }

  /**
   * One pass at b: the weighted residual sum of squares, J'WJ (full, symmetric) into a and J'W r into
   * g, from the residuals y - f and the gradient of f.
   */
  private static double evaluate(Model model, double[][] x, double[] y, double[] w, double[] b, double[] grad,
      double[][] a, double[] g) {
    int p = g.length;
    if (p == 3) {
      return evaluate3(model, x, y, w, b, grad, a, g);
    }
    for (double[] row : a) {
      Arrays.fill(row, 0);
    }
    Arrays.fill(g, 0);
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      double ri = y[i] - model.valueAndGradient(x[i], b, grad);
      double wi = w == null ? 1 : w[i];
      s += wi * ri * ri;
      for (int j = 0; j < p; j++) {
        double gj = wi * grad[j];
        g[j] += gj * ri;
        for (int k = 0; k <= j; k++) {
          a[j][k] += gj * grad[k];
        }
      }
    }
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < j; k++) {
        a[k][j] = a[j][k];
      }
    }
    return s;
  }

  /**
   * {@link #evaluate} for three parameters (the recovery models) with the sums in locals, without a
   * store and reload per term; the same products, added in the same order.
   */
  private static double evaluate3(Model model, double[][] x, double[] y, double[] w, double[] b, double[] q,
      double[][] a, double[] g) {
    double s = 0;
    double a00 = 0;
    double a10 = 0;
    double a11 = 0;
    double a20 = 0;
    double a21 = 0;
    double a22 = 0;
    double g0 = 0;
    double g1 = 0;
    double g2 = 0;
    for (int i = 0; i < y.length; i++) {
      double ri = y[i] - model.valueAndGradient(x[i], b, q);
      double wi = w == null ? 1 : w[i];
      s += wi * ri * ri;
      double q0 = q[0];
      double q1 = q[1];
      double q2 = q[2];
      double h0 = wi * q0;
      double h1 = wi * q1;
      double h2 = wi * q2;
      g0 += h0 * ri;
      a00 += h0 * q0;
      g1 += h1 * ri;
      a10 += h1 * q0;
      a11 += h1 * q1;
      g2 += h2 * ri;
      a20 += h2 * q0;
      a21 += h2 * q1;
      a22 += h2 * q2;
    }
    g[0] = g0;
    g[1] = g1;
    g[2] = g2;
    a[0][0] = a00;
    a[1][0] = a10;
    a[0][1] = a10;
    a[1][1] = a11;
    a[2][0] = a20;
    a[0][2] = a20;
    a[2][1] = a21;
    a[1][2] = a21;
    a[2][2] = a22;
    return s;
  }

  /**
   * The inverse of a symmetric positive definite matrix given by its lower triangle, by Cholesky.
   *
   * @param a the lower triangle (a[j][k], k &lt;= j); not modified
   * @return the full inverse, or null when the matrix is not positive definite (within rounding)
   */
  static double[][] inverse(double[][] a) {
    // a pivot far below the largest diagonal entry is a singular matrix in rounding
    double[][] l = Cholesky.factorCopy(a, 1e-13);
    if (l == null) {
      return null;
    }
    int p = a.length;
    double[][] inv = new double[p][p];
    double[] e = new double[p];
    double[] z = new double[p];
    for (int c = 0; c < p; c++) {
      java.util.Arrays.fill(e, 0);
      e[c] = 1;
      Cholesky.solve(l, e, z);
      for (int j = 0; j < p; j++) {
        inv[j][c] = z[j];
      }
    }
    return inv;
  }

}
