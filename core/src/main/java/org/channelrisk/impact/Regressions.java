package org.channelrisk.impact;

import java.util.ArrayList;
import java.util.List;
import org.channelrisk.stats.CriticalValues;

/** The two models fitted in closed form or by IRLS on all rows: segmented least squares and quasi-Poisson. */
final class Regressions {
  private Regressions() {}

  /** The status of an essentially perfect least-squares fit (see {@link LeastSquares#essentiallyPerfect}). */
  static final String EXACT_FIT = "exact fit: the residual variance is below 1e-30 of the fitted values' mean square (a constant"
      + " or noise-free series; R's summary.lm warns 'essentially perfect fit'), so the standard errors and intervals are"
      + " rounding error and the log-likelihood and AIC are not available";

  /**
   * Least squares on the rows in {@code use}; ordinary or Newey-West covariance (hacLag &gt;= 0).
   * Intervals: Student t on n - k degrees of freedom, as R {@code confint(lm)} and
   * {@code lmtest::coeftest(fit, vcov = NeweyWest(...))}.
   */
  static ModelFit segmented(Design all, double[] y, boolean[] use, boolean[] post, int hacLag, double level) {
    Design d = all.rows(use);
    double[] yy = select(y, use);
    LeastSquares ls = LeastSquares.fit(d.columns, yy, d.names);
    ls.checkFinite(yy);
    boolean perfect = ls.essentiallyPerfect(yy);
    int n = yy.length;
    int k = d.k();
    int lag = hacLag;
    double[][] v;
    String se;
    if (hacLag >= 0) {
      v = LeastSquares.neweyWest(d.columns, ls.residuals, ls.xtxInverse, lag);
      se = "Newey-West (Bartlett, lag " + lag + ", no prewhitening, no adjustment)";
    } else {
      double s2 = ls.rss / (n - k);
      v = scale(ls.xtxInverse, s2);
      se = "ordinary least squares";
    }
    double crit = CriticalValues.student(level, n - k);
    ModelFit f = new ModelFit(y.length);
    f.coefficients = coefficients(d.names, ls.coefficients, v, crit);
    f.sigma2 = ls.rss / (n - k);
    // an exact fit's likelihood is +infinity (RSS 0) or set by rounding: not available rather than a number
    f.loglik = perfect ? Double.NaN : -0.5 * n * (Math.log(2 * Math.PI) + Math.log(ls.rss / n) + 1);
    f.aic = perfect ? Double.NaN : -2 * f.loglik + 2 * (k + 1);
    f.converged = true;
    f.message = "closed form (QR)" + (perfect ? "; " + EXACT_FIT : "");
    f.intervalMethod = se + " standard errors, Student t on " + (n - k) + " df, " + percent(level)
        + "; counterfactual band from the coefficients' covariance";
    f.regressionCounterfactual(all.counterfactual, null, ls.coefficients, v, crit, false, use, post);
    return f;
  }

  /**
   * Quasi-Poisson regression with log link and offset log(exposure), by iteratively reweighted least
   * squares exactly as R {@code glm.fit} (start mu = y + 0.1; stop when |dev - dev_old| / (|dev| + 0.1)
   * &lt; epsilon), with dispersion sum(w (y - mu)^2 / mu^2) / (n - k) over the last iteration's working
   * weights w, as R {@code summary.glm}. Intervals: Student t on n - k df (R's quasi families).
   */
  static ModelFit poisson(Design all, double[] y, double[] logExposure, boolean[] use, boolean[] post, double level,
      double epsilon, int maxIterations) {
    Design d = all.rows(use);
    double[] yy = select(y, use);
    double[] off = logExposure == null ? new double[yy.length] : select(logExposure, use);
    int n = yy.length;
    int k = d.k();
    double[] mu = new double[n];
    double[] eta = new double[n];
    for (int i = 0; i < n; i++) {
      mu[i] = yy[i] + 0.1;
      eta[i] = Math.log(mu[i]);
    }
    double devOld = deviance(yy, mu);
    boolean converged = false;
    int iter = 0;
    LeastSquares ls = null;
    double[] w2 = new double[n];
    double dev = devOld;
    double[][] wx = new double[k][n];
    double[] wz = new double[n];
    while (iter < maxIterations) {
      iter++;
      for (int i = 0; i < n; i++) {
        double w = Math.sqrt(mu[i]);
        w2[i] = mu[i];
        wz[i] = w * (eta[i] - off[i] + (yy[i] - mu[i]) / mu[i]);
        for (int j = 0; j < k; j++) {
          wx[j][i] = w * d.columns[j][i];
        }
      }
      ls = LeastSquares.fit(wx, wz, d.names);
      for (int i = 0; i < n; i++) {
        double e = off[i];
        for (int j = 0; j < k; j++) {
          e += d.columns[j][i] * ls.coefficients[j];
        }
        eta[i] = e;
        mu[i] = Math.exp(e);
      }
      dev = deviance(yy, mu);
      if (!Double.isFinite(dev)) {
        break;
      }
      if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < epsilon) {
        converged = true;
        break;
      }
      devOld = dev;
    }
    double pearson = 0;
    for (int i = 0; i < n; i++) {
      double r = (yy[i] - mu[i]) / mu[i];
      pearson += w2[i] * r * r;
    }
    double disp = pearson / (n - k);
    double[][] v = scale(ls.xtxInverse, disp);
    double crit = CriticalValues.student(level, n - k);
    ModelFit f = new ModelFit(y.length);
    f.coefficients = coefficients(d.names, ls.coefficients, v, crit);
    f.dispersion = disp;
    f.converged = converged;
    double minMu = Double.POSITIVE_INFINITY;
    for (double m : mu) {
      minMu = Math.min(minMu, m);
    }
    f.message = (converged ? "converged" : "did not converge") + " after " + iter + " IRLS iterations (relative deviance change < "
        + String.valueOf(epsilon).replace(".0E", "e").replace('E', 'e') + "); deviance " + Coefficient.fmt(dev)
        // as R's glm warning: counts that are all 0 on one side make a coefficient run off to -infinity
        + (minMu < 1e-8 ? "; fitted rates numerically 0: some coefficient has no finite estimate (all counts 0 on one side?)" : "");
    f.intervalMethod = "quasi-Poisson standard errors (Pearson dispersion), Student t on " + (n - k) + " df, " + percent(level)
        + "; counterfactual band on the log scale from the coefficients' covariance";
    f.regressionCounterfactual(all.counterfactual, logExposure, ls.coefficients, v, crit, true, use, post);
    return f;
  }

  static double deviance(double[] y, double[] mu) {
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += y[i] > 0 ? 2 * (y[i] * Math.log(y[i] / mu[i]) - (y[i] - mu[i])) : 2 * mu[i];
    }
    return s;
  }

  static List<Coefficient> coefficients(List<String> names, double[] b, double[][] v, double crit) {
    List<Coefficient> out = new ArrayList<>();
    for (int j = 0; j < b.length; j++) {
      double se = Math.sqrt(v[j][j]);
      out.add(new Coefficient(names.get(j), b[j], se, b[j] - crit * se, b[j] + crit * se));
    }
    return out;
  }

  static double[][] scale(double[][] a, double s) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] *= s;
      }
    }
    return out;
  }

  static double[] select(double[] v, boolean[] keep) {
    int m = 0;
    for (boolean b : keep) {
      m += b ? 1 : 0;
    }
    double[] out = new double[m];
    int r = 0;
    for (int i = 0; i < v.length; i++) {
      if (keep[i]) {
        out[r++] = v[i];
      }
    }
    return out;
  }

  static String percent(double level) {
    double p = 100 * level;
    return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
  }
}
