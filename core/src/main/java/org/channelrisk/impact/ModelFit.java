package org.channelrisk.impact;

import java.util.Arrays;
import java.util.List;
import org.channelrisk.internal.QuadraticForm;

/**
 * What one model hands to the analysis: coefficients, fit statistics, and the counterfactual at every
 * row with its band, plus, on the post-period rows, the running sum of the counterfactual over the
 * observed post rows with its band (for the cumulative effect). NaN is "not available".
 */
final class ModelFit {
  List<Coefficient> coefficients = List.of();
  double sigma2 = Double.NaN;
  double dispersion = Double.NaN;
  double loglik = Double.NaN;
  double aic = Double.NaN;
  boolean converged = true;
  String message = "";
  String intervalMethod = "";
  double[] cf;
  double[] cfLower;
  double[] cfUpper;
  double[] sum;
  double[] sumLower;
  double[] sumUpper;

  ModelFit(int rows) {
    cf = nan(rows);
    cfLower = nan(rows);
    cfUpper = nan(rows);
    sum = nan(rows);
    sumLower = nan(rows);
    sumUpper = nan(rows);
  }

  static double[] nan(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }

  /**
   * The counterfactual of a regression: x0' b (identity link) or exp(x0' b + offset) (log link) at
   * every row whose regressors are known, with a band from the coefficients' covariance V; running sums
   * over the observed post rows with the delta method (on the log scale for the log link).
   *
   * @param cf the counterfactual design over all rows (D = 0); NaN in rows with unknown regressors
   * @param offset log exposure per row, or null
   * @param observed rows whose y is known
   * @param post post-period rows
   */
  void regressionCounterfactual(double[][] cf, double[] offset, double[] b, double[][] v, double crit, boolean log,
      boolean[] observed, boolean[] post) {
    int n = this.cf.length;
    int k = b.length;
    double[] g = new double[k];
    double s = 0;
    double[] x = new double[k];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        x[j] = cf[j][i];
      }
      double eta = Design.dot(cf, i, b) + (offset == null ? 0 : offset[i]);
      if (!Double.isFinite(eta)) {
        continue;
      }
      double se = Math.sqrt(QuadraticForm.of(x, v));
      if (log) {
        double mu = Math.exp(eta);
        this.cf[i] = mu;
        cfLower[i] = Math.exp(eta - crit * se);
        cfUpper[i] = Math.exp(eta + crit * se);
        if (post[i] && observed[i]) {
          s += mu;
          for (int j = 0; j < k; j++) {
            g[j] += mu * x[j];
          }
        }
      } else {
        this.cf[i] = eta;
        cfLower[i] = eta - crit * se;
        cfUpper[i] = eta + crit * se;
        if (post[i] && observed[i]) {
          s += eta;
          for (int j = 0; j < k; j++) {
            g[j] += x[j];
          }
        }
      }
      if (post[i]) {
        double sse = Math.sqrt(QuadraticForm.of(g, v));
        sum[i] = s;
        if (log) {
          double rel = s > 0 ? sse / s : Double.NaN;
          sumLower[i] = s * Math.exp(-crit * rel);
          sumUpper[i] = s * Math.exp(crit * rel);
        } else {
          sumLower[i] = s - crit * sse;
          sumUpper[i] = s + crit * sse;
        }
      }
    }
  }
}
