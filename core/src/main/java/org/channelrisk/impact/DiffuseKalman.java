package org.channelrisk.impact;

/**
 * The Kalman filter of a local level or local linear trend model with optional regressors in the
 * state, started from an exact diffuse prior (Durbin and Koopman 2012, sections 5.2 and 7.2;
 * Koopman and Durbin 2003):
 *
 * <pre>
 *   y_t = Z_t alpha_t + e_t,  e_t ~ N(0, h),   Z_t = (1, [0,] x_t')
 *   alpha_{t+1} = T alpha_t + eta_t,  eta_t ~ N(0, diag(q_level, [q_slope,] 0, ..., 0))
 *   alpha_1 ~ N(0, kappa I), kappa -&gt; infinity
 * </pre>
 *
 * <p>P_t = kappa Pinf_t + Pstar_t is carried in its two parts. While Finf = Z Pinf Z' is positive the
 * update is a + Pinf Z' v / Finf, Pinf - Minf Minf' / Finf, Pstar + Minf Minf' Fstar / Finf^2 -
 * (Minf Mstar' + Mstar Minf') / Finf, and the observation adds log Finf to the diffuse
 * log-likelihood; once Pinf is zero the ordinary filter takes over. The log-likelihood is the diffuse
 * one of Durbin and Koopman: -n/2 log 2 pi - 1/2 sum_{t &lt;= d} log Finf_t - 1/2 sum_{t &gt; d} (log F_t + v_t^2 / F_t).
 *
 * <p>Regressor columns are scaled to a root mean square of 1, so one tolerance (1e-9) decides
 * whether Finf is zero; the diffuse phase ends after m informative observations (what remains of Pinf
 * is rounding, which a near-collinear start such as a slope next to a slow cycle leaves at 1e-8). Cost O(n m^2) per evaluation for a state of size m.
 */
final class DiffuseKalman {
  static final double TOL = 1e-9;

  final int trend;
  final double[][] x;
  final int m;
  /** root mean square of each regressor over the pre-period: the state holds b_j * scale_j */
  final double[] scale;

  /**
   * @param trend 1 (local level) or 2 (local linear trend)
   * @param x regressor columns, each over all rows, pre and post (copied and scaled to a root mean square of 1)
   * @param nPre rows of the pre-period, over which the scale is measured
   */
  DiffuseKalman(int trend, double[][] x, int nPre) {
    this.trend = trend;
    this.m = trend + x.length;
    this.scale = new double[x.length];
    this.x = new double[x.length][];
    for (int j = 0; j < x.length; j++) {
      double s = 0;
      for (int i = 0; i < nPre; i++) {
        s += x[j][i] * x[j][i];
      }
      scale[j] = s > 0 ? Math.sqrt(s / nPre) : 1;
      this.x[j] = x[j].clone();
      for (int i = 0; i < this.x[j].length; i++) {
        this.x[j][i] /= scale[j];
      }
    }
  }

  /** State after filtering. */
  static final class State {
    double loglik;
    int diffuseSteps;
    boolean diffuseDone;
    double[] a;
    double[][] p;
    /** one-step predictions and their variances over the filtered rows (NaN in diffuse steps and gaps) */
    double[] pred;
    double[] predVar;
  }

  void z(int t, double[] out) {
    out[0] = 1;
    if (trend == 2) {
      out[1] = 0;
    }
    for (int j = 0; j < x.length; j++) {
      out[trend + j] = x[j][t];
    }
  }

  /** T A in place for a vector. */
  void tVec(double[] a) {
    if (trend == 2) {
      a[0] += a[1];
    }
  }

  /** T P T' in place. */
  void tMat(double[][] p) {
    if (trend == 2) {
      // rows: row0 += row1; then columns: col0 += col1
      for (int j = 0; j < m; j++) {
        p[0][j] += p[1][j];
      }
      for (int i = 0; i < m; i++) {
        p[i][0] += p[i][1];
      }
    }
  }

  /**
   * Filters rows [0, n) of y (NaN = gap).
   *
   * @param h irregular variance
   * @param q level (and slope) variances
   * @param keep whether to keep the one-step predictions
   */
  State filter(double[] y, int n, double h, double[] q, boolean keep) {
    double[] a = new double[m];
    double[][] ps = new double[m][m];
    double[][] pi = new double[m][m];
    for (int i = 0; i < m; i++) {
      pi[i][i] = 1;
    }
    State s = new State();
    if (keep) {
      s.pred = new double[n];
      s.predVar = new double[n];
    }
    boolean diffuse = true;
    double[] z = new double[m];
    double[] mi = new double[m];
    double[] ms = new double[m];
    double ll = 0;
    int nObs = 0;
    int d = 0;
    for (int t = 0; t < n; t++) {
      z(t, z);
      double zi = 0;
      double zs = 0;
      for (int i = 0; i < m; i++) {
        double a1 = 0;
        double a2 = 0;
        for (int j = 0; j < m; j++) {
          a1 += (diffuse ? pi[i][j] : 0) * z[j];
          a2 += ps[i][j] * z[j];
        }
        mi[i] = a1;
        ms[i] = a2;
        zi += z[i] * a1;
        zs += z[i] * a2;
      }
      double fInf = zi;
      double fStar = zs + h;
      double pred = 0;
      for (int i = 0; i < m; i++) {
        pred += z[i] * a[i];
      }
      double v = y[t] - pred;
      boolean obs = !Double.isNaN(y[t]);
      if (keep) {
        boolean informative = diffuse && fInf > TOL;
        s.pred[t] = informative ? Double.NaN : pred;
        s.predVar[t] = informative ? Double.NaN : fStar;
      }
      if (obs) {
        nObs++;
        if (diffuse && fInf > TOL) {
          d++;
          ll -= 0.5 * Math.log(fInf);
          for (int i = 0; i < m; i++) {
            a[i] += mi[i] * v / fInf;
          }
          for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
              ps[i][j] += mi[i] * mi[j] * fStar / (fInf * fInf) - (mi[i] * ms[j] + ms[i] * mi[j]) / fInf;
              pi[i][j] -= mi[i] * mi[j] / fInf;
            }
          }
        } else {
          if (!(fStar > 0)) {
            s.loglik = Double.NEGATIVE_INFINITY;
            return s;
          }
          ll -= 0.5 * (Math.log(fStar) + v * v / fStar);
          for (int i = 0; i < m; i++) {
            a[i] += ms[i] * v / fStar;
          }
          for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
              ps[i][j] -= ms[i] * ms[j] / fStar;
            }
          }
        }
        if (diffuse) {
          double max = 0;
          for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
              max = Math.max(max, Math.abs(pi[i][j]));
            }
          }
          // m informative observations identify the m diffuse states: what is left of Pinf then is rounding
          if (d == m || max < TOL) {
            diffuse = false;
            for (double[] row : pi) {
              java.util.Arrays.fill(row, 0);
            }
          }
        }
      }
      // predict
      tVec(a);
      tMat(ps);
      if (diffuse) {
        tMat(pi);
      }
      for (int i = 0; i < q.length; i++) {
        ps[i][i] += q[i];
      }
    }
    s.loglik = ll - 0.5 * nObs * Math.log(2 * Math.PI);
    s.diffuseSteps = d;
    s.diffuseDone = !diffuse;
    s.a = a;
    s.p = ps;
    return s;
  }

  /**
   * Forecasts rows [from, to) from the state after filtering rows [0, from): the forecast of y, its
   * variance (state uncertainty and the irregular), and the running sum over the observed rows with its
   * variance (forecast errors at different horizons are correlated: Cov(e_i, e_j) = Z_j T^(j-i) P_i Z_i').
   */
  void forecast(State s, double[] y, int from, int to, double h, double[] q, double[] mean, double[] var, double[] sum,
      double[] sumVar) {
    double[] a = s.a.clone();
    double[][] p = new double[m][];
    for (int i = 0; i < m; i++) {
      p[i] = s.p[i].clone();
    }
    double[] c = new double[m];
    double[] z = new double[m];
    double[] pz = new double[m];
    double total = 0;
    double totalVar = 0;
    for (int t = from; t < to; t++) {
      z(t, z);
      double f = h;
      double mu = 0;
      double zc = 0;
      for (int i = 0; i < m; i++) {
        double r = 0;
        for (int j = 0; j < m; j++) {
          r += p[i][j] * z[j];
        }
        pz[i] = r;
        f += z[i] * r;
        mu += z[i] * a[i];
        zc += z[i] * c[i];
      }
      mean[t] = mu;
      var[t] = f;
      boolean obs = !Double.isNaN(y[t]);
      if (obs) {
        total += mu;
        totalVar += f + 2 * zc;
        for (int i = 0; i < m; i++) {
          c[i] += pz[i];
        }
      }
      sum[t] = total;
      sumVar[t] = totalVar;
      tVec(c);
      tVec(a);
      tMat(p);
      for (int i = 0; i < q.length; i++) {
        p[i][i] += q[i];
      }
    }
  }
}
