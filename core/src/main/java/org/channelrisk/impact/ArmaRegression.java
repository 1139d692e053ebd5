package org.channelrisk.impact;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.channelrisk.stats.CriticalValues;

/**
 * Regression with ARMA(p, q) errors by exact Gaussian maximum likelihood: y_t = x_t' b + u_t,
 * phi(B) u_t = theta(B) e_t, e_t ~ N(0, sigma^2), with phi(B) = 1 - phi_1 B - ... and theta(B) =
 * 1 + theta_1 B + ... (R's sign convention). The likelihood is evaluated by a Kalman filter on
 * Harvey's state-space form of the ARMA process, started from its stationary covariance (Gardner,
 * Harvey and Phillips 1980; R {@code arima}'s "exact likelihood").
 *
 * <p>For given (phi, theta) the filter whitens y and every column of X with the same gains, so b is
 * a generalised least-squares fit of the whitened data and sigma^2 = RSS / n: the likelihood is
 * profiled to the p + q ARMA parameters, which Nelder-Mead searches (restarted until it stops
 * improving) on the partial-autocorrelation scale, where every point is a stationary AR and an
 * invertible MA polynomial (Jones 1980; Monahan 1984). The log-likelihood reported is R's:
 * -n/2 (log 2 pi + 1 + log sigma^2) - 1/2 sum log F_t. Standard errors: the inverse observed
 * information of (phi, theta, b) with sigma^2 profiled, as R's {@code var.coef} (which uses optim's
 * finite-difference Hessian); the regression block is exact and the rest differentiates exact
 * gradients where it can (see {@link #information}).
 */
final class ArmaRegression {
  final int p;
  final int q;
  final double[][] x;
  final double[] y;
  final List<String> names;
  final int nUsed;

  ArmaRegression(int p, int q, double[][] x, double[] y, List<String> names) {
    this.p = p;
    this.q = q;
    this.x = x;
    this.y = y;
    this.names = names;
    int m = 0;
    for (double v : y) {
      m += Double.isNaN(v) ? 0 : 1;
    }
    this.nUsed = m;
  }

  /** Profile result at given ARMA parameters. */
  record Profile(double loglik, double[] beta, double sigma2, double[][] xtxInverse) {}

  // ---- transforms ----

  /** Partial autocorrelations tanh(u) to the coefficients of a stationary AR polynomial (Durbin-Levinson). */
  static double[] pacfToAr(double[] u, int from, int len) {
    double[] phi = new double[len];
    double[] work = new double[len];
    for (int k = 0; k < len; k++) {
      double r = Math.tanh(u[from + k]);
      for (int j = 0; j < k; j++) {
        work[j] = phi[j] - r * phi[k - 1 - j];
      }
      System.arraycopy(work, 0, phi, 0, k);
      phi[k] = r;
    }
    return phi;
  }

  /** Inverse of {@link #pacfToAr} for a stationary AR polynomial; NaN if it is not stationary. */
  static double[] arToPacf(double[] phi) {
    int len = phi.length;
    double[] a = phi.clone();
    double[] u = new double[len];
    for (int k = len - 1; k >= 0; k--) {
      double r = a[k];
      if (!(Math.abs(r) < 1)) {
        java.util.Arrays.fill(u, Double.NaN);
        return u;
      }
      u[k] = atanh(r);
      double[] prev = new double[k];
      for (int j = 0; j < k; j++) {
        prev[j] = (a[j] + r * a[k - 1 - j]) / (1 - r * r);
      }
      System.arraycopy(prev, 0, a, 0, k);
    }
    return u;
  }

  static double atanh(double r) {
    return 0.5 * Math.log((1 + r) / (1 - r));
  }

  double[] phi(double[] u) {
    return pacfToAr(u, 0, p);
  }

  double[] theta(double[] u) {
    double[] psi = pacfToAr(u, p, q);
    for (int i = 0; i < q; i++) {
      psi[i] = -psi[i];
    }
    return psi;
  }

  // ---- Kalman filter ----

  /**
   * Filters the given series (each of length n, NaN in y marks a gap for all) and writes the standardised
   * innovations v_t / sqrt(F_t) into {@code out}; returns sum log F_t over the observed rows.
   */
  static double whiten(double[] phi, double[] theta, double[][] series, double[] y, double[][] out) {
    int p = phi.length;
    int q = theta.length;
    int r = Math.max(p, q + 1);
    int n = y.length;
    int s = series.length;
    double[] tcol = new double[r];
    System.arraycopy(phi, 0, tcol, 0, p);
    double[] rv = new double[r];
    rv[0] = 1;
    System.arraycopy(theta, 0, rv, 1, q);
    double[][] pm = stationaryCovariance(tcol, rv);
    double[][] a = new double[s][r];
    double[] m = new double[r];
    double[][] pn = new double[r][r];
    double sumLog = 0;
    double f;
    double[] gain = new double[r];
    for (int t = 0; t < n; t++) {
      boolean obs = !Double.isNaN(y[t]);
      if (obs) {
        for (int i = 0; i < r; i++) {
          m[i] = pm[i][0];
        }
        f = m[0];
        for (int i = 0; i < r; i++) {
          gain[i] = m[i] / f;
        }
        sumLog += Math.log(f);
        double sf = Math.sqrt(f);
        for (int j = 0; j < s; j++) {
          double[] aj = a[j];
          double v = series[j][t] - aj[0];
          out[j][t] = v / sf;
          // update, then predict: a <- T (a + m v / F)
          for (int i = 0; i < r; i++) {
            aj[i] += gain[i] * v;
          }
          shift(aj, tcol);
        }
        for (int i = 0; i < r; i++) {
          for (int l = 0; l < r; l++) {
            pm[i][l] -= m[i] * m[l] / f;
          }
        }
        predict(pm, pn, tcol, rv);
      } else {
        for (int j = 0; j < s; j++) {
          out[j][t] = Double.NaN;
          shift(a[j], tcol);
        }
        predict(pm, pn, tcol, rv);
      }
    }
    return sumLog;
  }

  /** a <- T a for T with first column tcol and ones on the superdiagonal. */
  private static void shift(double[] a, double[] tcol) {
    int r = a.length;
    double a0 = a[0];
    for (int i = 0; i < r - 1; i++) {
      a[i] = tcol[i] * a0 + a[i + 1];
    }
    a[r - 1] = tcol[r - 1] * a0;
  }

  /** P <- T P T' + R R'. */
  private static void predict(double[][] pm, double[][] work, double[] tcol, double[] rv) {
    int r = rv.length;
    // work = T P
    for (int l = 0; l < r; l++) {
      double p0 = pm[0][l];
      for (int i = 0; i < r; i++) {
        work[i][l] = tcol[i] * p0 + (i + 1 < r ? pm[i + 1][l] : 0);
      }
    }
    // P = work T' + R R'
    for (int i = 0; i < r; i++) {
      double w0 = work[i][0];
      for (int l = 0; l < r; l++) {
        pm[i][l] = w0 * tcol[l] + (l + 1 < r ? work[i][l + 1] : 0) + rv[i] * rv[l];
      }
    }
  }

  /** Solves P = T P T' + R R' (unit innovation variance) as a linear system in vec P. */
  static double[][] stationaryCovariance(double[] tcol, double[] rv) {
    int r = rv.length;
    double[][] tm = new double[r][r];
    for (int i = 0; i < r; i++) {
      tm[i][0] = tcol[i];
      if (i + 1 < r) {
        tm[i][i + 1] = 1;
      }
    }
    int rr = r * r;
    double[][] a = new double[rr][rr];
    double[] b = new double[rr];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        int row = i * r + j;
        b[row] = rv[i] * rv[j];
        a[row][row] += 1;
        for (int k = 0; k < r; k++) {
          for (int l = 0; l < r; l++) {
            a[row][k * r + l] -= tm[i][k] * tm[j][l];
          }
        }
      }
    }
    RealMatrix am = new Array2DRowRealMatrix(a, false);
    double[] sol = new LUDecomposition(am).getSolver().solve(new ArrayRealVector(b, false)).toArray();
    double[][] pm = new double[r][r];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        pm[i][j] = 0.5 * (sol[i * r + j] + sol[j * r + i]);
      }
    }
    return pm;
  }

  // ---- likelihood ----

  /** The likelihood profiled over b and sigma^2 at ARMA parameters given on the PACF scale. */
  Profile profile(double[] u) {
    return profileAt(phi(u), theta(u));
  }

  Profile profileAt(double[] phi, double[] theta) {
    int k = x.length;
    int n = y.length;
    double[][] series = new double[k + 1][];
    System.arraycopy(x, 0, series, 0, k);
    series[k] = y;
    double[][] out = new double[k + 1][n];
    double sumLog = whiten(phi, theta, series, y, out);
    double[][] wx = new double[k][];
    double[] wy;
    if (nUsed == n) {
      System.arraycopy(out, 0, wx, 0, k);
      wy = out[k];
    } else {
      boolean[] obs = new boolean[n];
      for (int t = 0; t < n; t++) {
        obs[t] = !Double.isNaN(y[t]);
      }
      for (int j = 0; j < k; j++) {
        wx[j] = Regressions.select(out[j], obs);
      }
      wy = Regressions.select(out[k], obs);
    }
    LeastSquares ls = LeastSquares.fit(wx, wy, names);
    double s2 = ls.rss / nUsed;
    double ll = -0.5 * (nUsed * (Math.log(2 * Math.PI) + 1 + Math.log(s2)) + sumLog);
    return new Profile(ll, ls.coefficients, s2, ls.xtxInverse);
  }

  /** R's objective times n: n/2 log(ssq / n) + 1/2 sum log F at full parameters (phi, theta, b), or +inf outside the region. */
  double negativeLoglik(double[] par) {
    double[] phi = java.util.Arrays.copyOfRange(par, 0, p);
    double[] theta = java.util.Arrays.copyOfRange(par, p, p + q);
    int k = x.length;
    int n = y.length;
    double[] e = new double[n];
    for (int t = 0; t < n; t++) {
      double v = y[t];
      for (int j = 0; j < k; j++) {
        v -= x[j][t] * par[p + q + j];
      }
      e[t] = v;
    }
    if (!stationary(phi) || !stationary(negate(theta))) {
      return Double.POSITIVE_INFINITY;
    }
    double[][] out = new double[1][n];
    double sumLog = whiten(phi, theta, new double[][] {e}, e, out);
    double ssq = 0;
    for (double w : out[0]) {
      if (!Double.isNaN(w)) {
        ssq += w * w;
      }
    }
    return 0.5 * (nUsed * Math.log(ssq / nUsed) + sumLog);
  }

  static double[] negate(double[] a) {
    double[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = -out[i];
    }
    return out;
  }

  static boolean stationary(double[] phi) {
    double[] u = arToPacf(phi);
    for (double v : u) {
      if (Double.isNaN(v)) {
        return false;
      }
    }
    return true;
  }

  // ---- fit ----

  static final int MAX_RESTARTS = 50;
  /** Evaluations allowed to one Nelder-Mead run. */
  static final int MAX_EVALUATIONS = 20_000;

  /** Result of the maximisation. */
  record Fit(double[] u, Profile profile, boolean converged, int evaluations, String message) {}

  Fit maximise(double[] olsResiduals) {
    int dim = p + q;
    if (dim == 0) {
      return new Fit(new double[0], profile(new double[0]), true, 1, "no ARMA parameters: generalised least squares");
    }
    List<double[]> starts = new ArrayList<>();
    starts.add(new double[dim]);
    if (p > 0) {
      double[] yw = yuleWalker(olsResiduals, p);
      double[] u = arToPacf(yw);
      double[] s = new double[dim];
      boolean ok = true;
      for (int i = 0; i < p; i++) {
        ok &= Double.isFinite(u[i]);
        s[i] = u[i];
      }
      if (ok) {
        starts.add(s);
      }
    }
    Fit best = null;
    for (double[] s : starts) {
      Fit f = nelderMead(s);
      if (best == null || f.profile.loglik() > best.profile.loglik()) {
        best = f;
      }
    }
    return best;
  }

  private Fit nelderMead(double[] start) {
    int dim = start.length;
    int evals = 0;
    double[] x0 = start.clone();
    double prev = Double.NEGATIVE_INFINITY;
    boolean converged = false;
    String stopped = null;
    Profile at = profile(x0);
    evals++;
    for (int restart = 0; restart < MAX_RESTARTS; restart++) {
      final int[] count = {0};
      // the best point seen, to go on from if the simplex spends its evaluations without converging
      final double[][] seen = {x0};
      final double[] seenValue = {Double.POSITIVE_INFINITY};
      org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer opt =
          new org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer(1e-13, 1e-13);
      double step = restart == 0 ? 0.3 : 0.05;
      double[] steps = new double[dim];
      java.util.Arrays.fill(steps, step);
      org.apache.commons.math3.optim.PointValuePair r;
      try {
        r = opt.optimize(
            new org.apache.commons.math3.optim.MaxEval(MAX_EVALUATIONS),
            new org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction(u -> {
              count[0]++;
              double v = objective(u);
              if (v < seenValue[0]) {
                seenValue[0] = v;
                seen[0] = u.clone();
              }
              return v;
            }),
            org.apache.commons.math3.optim.nonlinear.scalar.GoalType.MINIMIZE,
            new org.apache.commons.math3.optim.InitialGuess(x0),
            new org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex(steps));
      } catch (org.apache.commons.math3.exception.TooManyEvaluationsException spent) {
        // a likelihood without a maximum to climb to (flat or infinite): report the best point, not converged
        evals += count[0];
        x0 = seen[0];
        at = profile(x0);
        stopped = "did not converge: Nelder-Mead spent its " + MAX_EVALUATIONS + " evaluations in run " + (restart + 1)
            + " without converging (a flat or unbounded likelihood?); the best point found is reported";
        break;
      }
      evals += count[0];
      x0 = r.getPoint();
      at = profile(x0);
      double ll = at.loglik();
      if (ll - prev < 1e-10) {
        converged = true;
        break;
      }
      prev = ll;
    }
    return new Fit(x0, at, converged, evals, converged
        ? "maximum found by Nelder-Mead on the partial autocorrelations, restarted until the log-likelihood gained less than 1e-10"
        : stopped != null ? stopped : "did not converge within " + MAX_RESTARTS + " Nelder-Mead restarts");
  }

  /** The minimised objective: minus the profile log-likelihood, +infinity outside the search box or where it is not finite. */
  private double objective(double[] u) {
    for (double v : u) {
      if (!(Math.abs(v) < 20)) {
        return Double.POSITIVE_INFINITY;
      }
    }
    try {
      double ll = profile(u).loglik();
      return Double.isFinite(ll) ? -ll : Double.POSITIVE_INFINITY;
    } catch (IllegalArgumentException | org.apache.commons.math3.exception.MathRuntimeException degenerate) {
      // at the edge of the region (AR roots at 1) the whitened design can lose a column: not a maximum
      return Double.POSITIVE_INFINITY;
    }
  }

  /** Yule-Walker AR(p) coefficients of a series (mean removed), by solving the Toeplitz system. */
  static double[] yuleWalker(double[] e, int p) {
    int n = e.length;
    double mean = 0;
    int m = 0;
    for (double v : e) {
      if (!Double.isNaN(v)) {
        mean += v;
        m++;
      }
    }
    mean /= m;
    double[] acov = new double[p + 1];
    for (int l = 0; l <= p; l++) {
      double s = 0;
      for (int t = l; t < n; t++) {
        if (!Double.isNaN(e[t]) && !Double.isNaN(e[t - l])) {
          s += (e[t] - mean) * (e[t - l] - mean);
        }
      }
      acov[l] = s / m;
    }
    double[][] a = new double[p][p];
    double[] b = new double[p];
    for (int i = 0; i < p; i++) {
      b[i] = acov[i + 1];
      for (int j = 0; j < p; j++) {
        a[i][j] = acov[Math.abs(i - j)];
      }
    }
    try {
      return new LUDecomposition(new Array2DRowRealMatrix(a, false)).getSolver().solve(new ArrayRealVector(b, false)).toArray();
    } catch (RuntimeException singular) {
      return new double[p];
    }
  }

  /**
   * The Hessian of {@link #negativeLoglik} at the maximum (phi, theta, b), built so that the ill-conditioned
   * regression block keeps its digits: the b block is exact, X~'X~ / s^2 (whitened design; the gradient
   * X~'e~ is 0 at the GLS solution); the cross block is a central difference of the exact b-gradient
   * -(n / ssq) X~'e~ in each ARMA parameter; the ARMA block is a central second difference. A plain
   * finite-difference Hessian of all parameters loses about 2% in the standard errors of collinear
   * regressors (an intercept next to a control and a cycle), because its O(h^2) errors are amplified by
   * the inverse.
   */
  double[][] information(double[] par) {
    int a = p + q;
    int k = x.length;
    int d = a + k;
    double[] beta = java.util.Arrays.copyOfRange(par, a, d);
    double[][] out = new double[d][d];
    // b block
    double[][] w = whitenedAt(par, beta);
    double ssq = 0;
    for (double e : w[k]) {
      if (!Double.isNaN(e)) {
        ssq += e * e;
      }
    }
    double s2 = ssq / nUsed;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double g = 0;
        for (int t = 0; t < y.length; t++) {
          if (!Double.isNaN(w[k][t])) {
            g += w[i][t] * w[j][t];
          }
        }
        out[a + i][a + j] = g / s2;
        out[a + j][a + i] = g / s2;
      }
    }
    // cross block: derivative of the b-gradient in each ARMA parameter
    for (int i = 0; i < a; i++) {
      double h = 1e-5;
      double[] up = par.clone();
      up[i] += h;
      double[] dn = par.clone();
      dn[i] -= h;
      double[] gu = betaGradient(up, beta);
      double[] gd = betaGradient(dn, beta);
      for (int j = 0; j < k; j++) {
        double v = (gu[j] - gd[j]) / (2 * h);
        out[i][a + j] = v;
        out[a + j][i] = v;
      }
    }
    // ARMA block
    double f0 = negativeLoglik(par);
    for (int i = 0; i < a; i++) {
      double hi = 1e-4;
      double[] pp = par.clone();
      pp[i] += hi;
      double fp = negativeLoglik(pp);
      pp[i] -= 2 * hi;
      double fm = negativeLoglik(pp);
      out[i][i] = (fp - 2 * f0 + fm) / (hi * hi);
      for (int j = 0; j < i; j++) {
        double hj = 1e-4;
        double[] b = par.clone();
        b[i] += hi;
        b[j] += hj;
        double fpp = negativeLoglik(b);
        b[j] -= 2 * hj;
        double fpm = negativeLoglik(b);
        b[i] -= 2 * hi;
        double fmm = negativeLoglik(b);
        b[j] += 2 * hj;
        double fmp = negativeLoglik(b);
        out[i][j] = (fpp - fpm - fmp + fmm) / (4 * hi * hj);
        out[j][i] = out[i][j];
      }
    }
    return out;
  }

  /** Whitened regressor columns and residual series y - X b under the ARMA parameters in par. */
  private double[][] whitenedAt(double[] par, double[] beta) {
    int k = x.length;
    int n = y.length;
    double[] phi = java.util.Arrays.copyOfRange(par, 0, p);
    double[] theta = java.util.Arrays.copyOfRange(par, p, p + q);
    double[] e = new double[n];
    for (int t = 0; t < n; t++) {
      double v = y[t];
      for (int j = 0; j < k; j++) {
        v -= x[j][t] * beta[j];
      }
      e[t] = v;
    }
    double[][] series = new double[k + 1][];
    System.arraycopy(x, 0, series, 0, k);
    series[k] = e;
    double[][] out = new double[k + 1][n];
    whiten(phi, theta, series, y, out);
    return out;
  }

  /** The exact gradient in b of {@link #negativeLoglik}: -(n / ssq) X~' e~. */
  private double[] betaGradient(double[] par, double[] beta) {
    int k = x.length;
    double[][] w = whitenedAt(par, beta);
    double ssq = 0;
    for (double e : w[k]) {
      if (!Double.isNaN(e)) {
        ssq += e * e;
      }
    }
    double[] g = new double[k];
    for (int j = 0; j < k; j++) {
      double s = 0;
      for (int t = 0; t < y.length; t++) {
        if (!Double.isNaN(w[k][t])) {
          s += w[j][t] * w[k][t];
        }
      }
      g[j] = -nUsed / ssq * s;
    }
    return g;
  }

  /** The model fit for the analysis. */
  static ModelFit fit(Design all, double[] y, boolean[] rows, boolean[] post, int p, int q, double level) {
    Design d = all.rows(rows);
    double[] yy = Regressions.select(y, rows);
    boolean[] obs = new boolean[yy.length];
    for (int i = 0; i < yy.length; i++) {
      obs[i] = !Double.isNaN(yy[i]);
    }
    // OLS residuals for the Yule-Walker start
    Design dObs = d.rows(obs);
    double[] yObs = Regressions.select(yy, obs);
    LeastSquares ols = LeastSquares.fit(dObs.columns, yObs, d.names);
    ols.checkFinite(yObs);
    // with no residual variation the profile likelihood is +infinity everywhere and the search has nothing to climb
    if (ols.essentiallyPerfect(yObs)) {
      throw new IllegalArgumentException("the regression fits the series exactly (a constant or noise-free series): there are"
          + " no errors for an ARMA model to describe; the segmented model reports such a fit");
    }
    ArmaRegression m = new ArmaRegression(p, q, d.columns, yy, d.names);
    Fit fit = m.maximise(ols.residuals);
    Profile pr = fit.profile();
    if (!Double.isFinite(pr.loglik())) {
      throw new IllegalArgumentException("the ARMA likelihood is not finite anywhere the search went (" + fit.message() + ")");
    }
    double[] phi = m.phi(fit.u());
    double[] theta = m.theta(fit.u());
    int k = d.k();
    double[] par = new double[p + q + k];
    System.arraycopy(phi, 0, par, 0, p);
    System.arraycopy(theta, 0, par, p, q);
    System.arraycopy(pr.beta(), 0, par, p + q, k);
    double[][] cov;
    try {
      double[][] hs = m.information(par);
      cov = new LUDecomposition(new Array2DRowRealMatrix(hs, false)).getSolver().getInverse().getData();
    } catch (RuntimeException singular) {
      cov = null;
    }
    double crit = CriticalValues.normal(level);
    List<Coefficient> coefs = new ArrayList<>();
    List<String> order = new ArrayList<>();
    // names: intercept, time, level_change, slope_change, ar, ma, then the other regressors
    int its = all.its ? 4 : 0;
    int[] index = new int[p + q + k];
    int c = 0;
    for (int j = 0; j < its; j++) {
      index[c++] = p + q + j;
      order.add(d.names.get(j));
    }
    for (int i = 0; i < p; i++) {
      index[c++] = i;
      order.add("ar" + (i + 1));
    }
    for (int i = 0; i < q; i++) {
      index[c++] = p + i;
      order.add("ma" + (i + 1));
    }
    for (int j = its; j < k; j++) {
      index[c++] = p + q + j;
      order.add(d.names.get(j));
    }
    double[][] betaCov = new double[k][k];
    boolean covOk = cov != null;
    if (covOk) {
      for (int i = 0; i < par.length; i++) {
        covOk &= cov[i][i] > 0 && Double.isFinite(cov[i][i]);
      }
    }
    for (int i = 0; i < index.length; i++) {
      int at = index[i];
      double se = covOk ? Math.sqrt(cov[at][at]) : Double.NaN;
      coefs.add(new Coefficient(order.get(i), par[at], se, par[at] - crit * se, par[at] + crit * se));
    }
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        betaCov[a][b] = covOk ? cov[p + q + a][p + q + b] : Double.NaN;
      }
    }
    ModelFit f = new ModelFit(y.length);
    f.coefficients = List.copyOf(coefs);
    f.sigma2 = pr.sigma2();
    f.loglik = pr.loglik();
    f.aic = -2 * pr.loglik() + 2 * (p + q + k + 1);
    f.converged = fit.converged() && covOk;
    f.message = fit.message() + (covOk ? "" : "; but the information matrix is not positive definite there (errors nearly integrated or over-parameterised): no standard errors")
        + "; " + fit.evaluations() + " likelihood evaluations";
    f.intervalMethod = "inverse observed information (finite differences), normal, " + Regressions.percent(level)
        + "; counterfactual: the regression mean with D = 0, band from the coefficients' covariance";
    // counterfactual over all rows; rows not in `rows` have NaN regressors there already or are skipped
    double[] beta = pr.beta();
    boolean[] observed = new boolean[y.length];
    for (int i = 0; i < y.length; i++) {
      observed[i] = rows[i] && !Double.isNaN(y[i]);
    }
    f.regressionCounterfactual(all.counterfactual, null, beta, betaCov, crit, false, observed, post);
    return f;
  }
}
