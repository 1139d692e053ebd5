package org.channelrisk.impact;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.channelrisk.stats.CriticalValues;

/**
 * A local level or local linear trend model (with the controls and Fourier terms as regressors in the
 * state) fitted by maximum likelihood on the pre-period, with the exact diffuse filter of {@link
 * DiffuseKalman}, and forecast over the post-period. The variances are maximised by BOBYQA (Powell
 * 2009) within [0, 10^4 v] where v = var(y_pre) / 100 (R {@code StructTS}'s scale), from R's starting
 * point (every variance v) and from two others, each run restarted from its end until the
 * log-likelihood gains less than 1e-10.
 */
final class StructuralFit {
  private StructuralFit() {}

  static final int MAX_RESTARTS = 20;

  /** Everything a structural fit found, for the analysis and for tests. */
  static final class Result {
    double[] variances; // irregular, level, [slope]
    double loglik;
    boolean converged;
    String message;
    DiffuseKalman kalman;
    DiffuseKalman.State state;
    double[] scale;
  }

  /**
   * @param trend 1 or 2
   * @param x regressor columns over all rows (unscaled)
   * @param y observations over all rows (NaN = gap)
   * @param nPre rows [0, nPre) are the pre-period
   */
  static Result fit(int trend, double[][] x, double[] y, int nPre) {
    DiffuseKalman k = new DiffuseKalman(trend, x, nPre);
    double[] scale = k.scale;
    double mean = 0;
    int m = 0;
    for (int i = 0; i < nPre; i++) {
      if (!Double.isNaN(y[i])) {
        mean += y[i];
        m++;
      }
    }
    mean /= m;
    double var = 0;
    for (int i = 0; i < nPre; i++) {
      if (!Double.isNaN(y[i])) {
        var += (y[i] - mean) * (y[i] - mean);
      }
    }
    double vx = var / (m - 1) / 100;
    if (!(vx > 0)) {
      throw new IllegalArgumentException("the pre-period series is constant: a structural model needs some variation");
    }
    int dim = 1 + trend;
    double[][] starts = trend == 1 ? new double[][] {{1, 1}, {10, 0.1}, {0.1, 10}}
        : new double[][] {{1, 1, 1}, {10, 0.1, 0.01}, {0.1, 10, 0.1}};
    double[] lower = new double[dim];
    double[] upper = new double[dim];
    java.util.Arrays.fill(upper, 1e4);
    double bestLl = Double.NEGATIVE_INFINITY;
    double[] best = null;
    boolean converged = false;
    int evaluations = 0;
    for (double[] start : starts) {
      double[] x0 = start.clone();
      double prev = Double.NEGATIVE_INFINITY;
      boolean conv = false;
      for (int r = 0; r < MAX_RESTARTS; r++) {
        final int[] count = {0};
        // the best point seen: Commons Math's BOBYQA can stop with "trust region step has failed to
        // reduce Q" near a boundary; the search then goes on from the best point it had reached
        final double[][] seen = {x0.clone()};
        final double[] seenLl = {loglik(k, y, nPre, x0, vx, trend)};
        BOBYQAOptimizer opt = new BOBYQAOptimizer(2 * dim + 1, r == 0 ? 0.5 : 0.05, 1e-10);
        try {
          opt.optimize(new MaxEval(20_000),
              new ObjectiveFunction(u -> {
                count[0]++;
                double ll = loglik(k, y, nPre, u, vx, trend);
                if (ll > seenLl[0]) {
                  seenLl[0] = ll;
                  seen[0] = u.clone();
                }
                return -ll;
              }),
              GoalType.MINIMIZE, new InitialGuess(x0), new SimpleBounds(lower, upper));
        } catch (org.apache.commons.math3.exception.MathIllegalStateException stalled) {
          // continue from the best point seen
        }
        evaluations += count[0];
        x0 = seen[0];
        double ll = seenLl[0];
        if (ll - prev < 1e-10) {
          conv = true;
          break;
        }
        prev = ll;
      }
      double ll = loglik(k, y, nPre, x0, vx, trend);
      if (ll > bestLl) {
        bestLl = ll;
        best = x0;
        converged = conv;
      }
    }
    Result res = new Result();
    res.variances = new double[dim];
    for (int i = 0; i < dim; i++) {
      res.variances[i] = best[i] * vx;
    }
    res.loglik = bestLl;
    res.converged = converged;
    res.message = (converged ? "converged" : "did not converge")
        + ": BOBYQA on the variances from 3 starting points, restarted until the log-likelihood gained less than 1e-10; "
        + evaluations + " likelihood evaluations";
    res.kalman = k;
    res.scale = scale;
    res.state = k.filter(y, nPre, res.variances[0], q(res.variances, trend), true);
    if (!res.state.diffuseDone) {
      throw new IllegalArgumentException("the pre-period has too few observations to identify the level"
          + (trend == 2 ? ", slope" : "") + (x.length > 0 ? " and the regression coefficients" : "") + " (exact diffuse start)");
    }
    return res;
  }

  static double[] q(double[] variances, int trend) {
    return java.util.Arrays.copyOfRange(variances, 1, 1 + trend);
  }

  private static double loglik(DiffuseKalman k, double[] y, int nPre, double[] u, double vx, int trend) {
    boolean zero = true;
    for (double v : u) {
      zero &= v == 0;
    }
    if (zero) {
      return -1e300;
    }
    double[] var = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      var[i] = u[i] * vx;
    }
    double ll = k.filter(y, nPre, var[0], q(var, trend), false).loglik;
    return Double.isFinite(ll) ? ll : -1e300;
  }

  /** The analysis' model fit: forecasts, sums and coefficients. */
  static ModelFit analyse(Design d, double[] y, int nPre, Trend trend, double level) {
    int t = trend == Trend.LEVEL ? 1 : 2;
    Result r = fit(t, d.columns, y, nPre);
    int n = y.length;
    double crit = CriticalValues.normal(level);
    ModelFit f = new ModelFit(n);
    DiffuseKalman.State s = r.state;
    for (int i = 0; i < nPre; i++) {
      double mu = s.pred[i];
      double sd = Math.sqrt(s.predVar[i]);
      f.cf[i] = mu;
      f.cfLower[i] = mu - crit * sd;
      f.cfUpper[i] = mu + crit * sd;
    }
    double[] mean = new double[n];
    double[] var = new double[n];
    double[] sum = new double[n];
    double[] sumVar = new double[n];
    r.kalman.forecast(s, y, nPre, n, r.variances[0], q(r.variances, t), mean, var, sum, sumVar);
    for (int i = nPre; i < n; i++) {
      double sd = Math.sqrt(var[i]);
      f.cf[i] = mean[i];
      f.cfLower[i] = mean[i] - crit * sd;
      f.cfUpper[i] = mean[i] + crit * sd;
      double ssd = Math.sqrt(sumVar[i]);
      f.sum[i] = sum[i];
      f.sumLower[i] = sum[i] - crit * ssd;
      f.sumUpper[i] = sum[i] + crit * ssd;
    }
    List<Coefficient> coefs = new ArrayList<>();
    double[] se = varianceStandardErrors(r, y, nPre, t);
    String[] names = t == 1 ? new String[] {"irregular_variance", "level_variance"}
        : new String[] {"irregular_variance", "level_variance", "slope_variance"};
    for (int i = 0; i < names.length; i++) {
      double v = r.variances[i];
      double e = se[i];
      // Wald limits on the log scale keep a variance's interval positive
      double lo = v > 0 && e > 0 ? v * Math.exp(-crit * e / v) : Double.NaN;
      double hi = v > 0 && e > 0 ? v * Math.exp(crit * e / v) : Double.NaN;
      coefs.add(new Coefficient(names[i], v, e, lo, hi));
    }
    for (int j = 0; j < d.k(); j++) {
      double b = s.a[t + j] / r.scale[j];
      double e = Math.sqrt(s.p[t + j][t + j]) / r.scale[j];
      coefs.add(new Coefficient(d.names.get(j), b, e, b - crit * e, b + crit * e));
    }
    f.coefficients = List.copyOf(coefs);
    f.sigma2 = r.variances[0];
    f.loglik = r.loglik;
    // Durbin and Koopman (2012, section 7.4): AIC = -2 log L_d + 2 (estimated variances + diffuse states)
    f.aic = -2 * r.loglik + 2 * (names.length + t + d.k());
    f.converged = r.converged;
    f.message = r.message + "; exact diffuse start (" + s.diffuseSteps + " diffuse observations)";
    f.intervalMethod = "forecast of the pre-period model with its prediction interval (state and irregular variance,"
        + " parameters treated as known), normal, " + Regressions.percent(level)
        + "; variances: Wald on the log scale from the observed information";
    return f;
  }

  /** Standard errors of the variances from a central-difference Hessian of the log-likelihood; NaN for a variance at 0. */
  static double[] varianceStandardErrors(Result r, double[] y, int nPre, int trend) {
    int dim = r.variances.length;
    double[] out = new double[dim];
    java.util.Arrays.fill(out, Double.NaN);
    int[] free = java.util.stream.IntStream.range(0, dim).filter(i -> r.variances[i] > 1e-8 * maxOf(r.variances)).toArray();
    if (free.length == 0) {
      return out;
    }
    double[] v0 = r.variances;
    double[] h = new double[dim];
    for (int i : free) {
      h[i] = 1e-4 * v0[i];
    }
    java.util.function.ToDoubleFunction<double[]> ll = v -> r.kalman.filter(y, nPre, v[0], q(v, trend), false).loglik;
    double f0 = ll.applyAsDouble(v0);
    int k = free.length;
    double[][] hs = new double[k][k];
    for (int a = 0; a < k; a++) {
      int i = free[a];
      double[] p = v0.clone();
      p[i] += h[i];
      double fp = ll.applyAsDouble(p);
      p[i] -= 2 * h[i];
      double fm = ll.applyAsDouble(p);
      hs[a][a] = -(fp - 2 * f0 + fm) / (h[i] * h[i]);
      for (int b = 0; b < a; b++) {
        int j = free[b];
        double[] x = v0.clone();
        x[i] += h[i];
        x[j] += h[j];
        double fpp = ll.applyAsDouble(x);
        x[j] -= 2 * h[j];
        double fpm = ll.applyAsDouble(x);
        x[i] -= 2 * h[i];
        double fmm = ll.applyAsDouble(x);
        x[j] += 2 * h[j];
        double fmp = ll.applyAsDouble(x);
        hs[a][b] = -(fpp - fpm - fmp + fmm) / (4 * h[i] * h[j]);
        hs[b][a] = hs[a][b];
      }
    }
    try {
      double[][] inv = new LUDecomposition(new Array2DRowRealMatrix(hs, false)).getSolver().getInverse().getData();
      for (int a = 0; a < k; a++) {
        if (inv[a][a] > 0) {
          out[free[a]] = Math.sqrt(inv[a][a]);
        }
      }
    } catch (RuntimeException singular) {
      // no standard errors: left NaN ("not available")
    }
    return out;
  }

  private static double maxOf(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }
}
