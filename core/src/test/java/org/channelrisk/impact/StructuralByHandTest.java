package org.channelrisk.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The structural local level model's outputs recomputed from its fitted variances with a scalar Kalman
 * filter written out here (Durbin and Koopman 2012, sections 2.2 and 5.2: the first observation sets
 * the level with variance h; then F = P + h, K = P / F, a += K v, P = P - P K + q): one-step
 * predictions and bands before T, forecasts and the running sum's variance after it, the diffuse
 * log-likelihood, AIC, and the variances' standard errors from a central-difference Hessian.
 */
class StructuralByHandTest {
  static final int N = 40;
  static final int PRE = 25;

  static double[] series(long seed) {
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    double[] y = new double[N];
    double level = 10;
    for (int i = 0; i < N; i++) {
      level += 0.7 * rng.nextGaussian();
      y[i] = level + rng.nextGaussian() + (i >= PRE ? -3 : 0);
    }
    return y;
  }

  /** pred, predVar (pre-period), mean, var, sum, sumVar (post-period), and the log-likelihood at [0]. */
  static double[][] localLevel(double[] y, double h, double q) {
    double[][] out = new double[7][N];
    double a = y[0];
    double p = h + q;
    double ll = 0;
    out[0][0] = Double.NaN;
    out[1][0] = Double.NaN;
    for (int t = 1; t < PRE; t++) {
      double f = p + h;
      double v = y[t] - a;
      out[0][t] = a;
      out[1][t] = f;
      ll -= 0.5 * (Math.log(f) + v * v / f);
      a += p / f * v;
      p = p - p * p / f + q;
    }
    out[6][0] = ll - 0.5 * PRE * Math.log(2 * Math.PI);
    double sum = 0;
    double sumVar = 0;
    double cov = 0; // sum of the level variances of the earlier forecast times: Cov(y_s, y_t) = P_s
    for (int t = PRE; t < N; t++) {
      double f = p + h;
      out[2][t] = a;
      out[3][t] = f;
      sum += a;
      sumVar += f + 2 * cov;
      cov += p;
      out[4][t] = sum;
      out[5][t] = sumVar;
      p += q;
    }
    return out;
  }

  @Test
  void localLevelOutputsFromItsVariances() {
    double[] t = ImpactAnalysisTest.range(0, N);
    double[] y = series(8);
    ImpactResult r = ImpactAnalysis.builder().intervention(PRE).structural(Trend.LEVEL).build().analyse(t, y);
    double h = r.coefficient("irregular_variance").orElseThrow().estimate();
    double q = r.coefficient("level_variance").orElseThrow().estimate();
    assertThat(h).isPositive();
    assertThat(q).isPositive();
    double z = org.channelrisk.stats.CriticalValues.normal(0.95);
    double[][] k = localLevel(y, h, q);
    double[] cf = r.counterfactual();
    double[] lo = r.counterfactualLower();
    double[] hi = r.counterfactualUpper();
    assertThat(cf[0]).isNaN();
    for (int i = 1; i < PRE; i++) {
      assertThat(cf[i]).isCloseTo(k[0][i], within(1e-9));
      assertThat(lo[i]).isCloseTo(k[0][i] - z * Math.sqrt(k[1][i]), within(1e-9));
      assertThat(hi[i]).isCloseTo(k[0][i] + z * Math.sqrt(k[1][i]), within(1e-9));
    }
    double sumY = 0;
    for (int i = PRE; i < N; i++) {
      sumY += y[i];
      assertThat(cf[i]).isCloseTo(k[2][i], within(1e-9));
      assertThat(lo[i]).isCloseTo(k[2][i] - z * Math.sqrt(k[3][i]), within(1e-9));
      assertThat(hi[i]).isCloseTo(k[2][i] + z * Math.sqrt(k[3][i]), within(1e-9));
      assertThat(r.cumulative()[i]).isCloseTo(sumY - k[4][i], within(1e-8));
      assertThat(r.cumulativeLower()[i]).isCloseTo(sumY - k[4][i] - z * Math.sqrt(k[5][i]), within(1e-8));
      assertThat(r.cumulativeUpper()[i]).isCloseTo(sumY - k[4][i] + z * Math.sqrt(k[5][i]), within(1e-8));
    }
    assertThat(r.sigma2()).isEqualTo(h);
    double ll = k[6][0];
    assertThat(r.loglik()).isCloseTo(ll, within(1e-9));
    // AIC: 2 variances and 1 diffuse state
    assertThat(r.aic()).isCloseTo(-2 * ll + 6, within(1e-8));
    assertThat(r.variant()).isEqualTo("local level, exact diffuse start");
    assertThat(r.message()).contains("1 diffuse observations");

    // standard errors: the inverse of minus the central-difference Hessian in (h, q), steps 1e-4 h, 1e-4 q
    double[] v = {h, q};
    double[] st = {1e-4 * h, 1e-4 * q};
    double f0 = localLevel(y, h, q)[6][0];
    double[][] hs = new double[2][2];
    for (int a = 0; a < 2; a++) {
      double[] p = v.clone();
      p[a] += st[a];
      double fp = localLevel(y, p[0], p[1])[6][0];
      p[a] -= 2 * st[a];
      double fm = localLevel(y, p[0], p[1])[6][0];
      hs[a][a] = -(fp - 2 * f0 + fm) / (st[a] * st[a]);
    }
    double fpp = localLevel(y, h + st[0], q + st[1])[6][0];
    double fpm = localLevel(y, h + st[0], q - st[1])[6][0];
    double fmp = localLevel(y, h - st[0], q + st[1])[6][0];
    double fmm = localLevel(y, h - st[0], q - st[1])[6][0];
    hs[0][1] = -(fpp - fpm - fmp + fmm) / (4 * st[0] * st[1]);
    hs[1][0] = hs[0][1];
    double[][] inv = new LUDecomposition(new Array2DRowRealMatrix(hs)).getSolver().getInverse().getData();
    String[] names = {"irregular_variance", "level_variance"};
    for (int a = 0; a < 2; a++) {
      Coefficient c = r.coefficient(names[a]).orElseThrow();
      double se = Math.sqrt(inv[a][a]);
      assertThat(c.stdError()).isCloseTo(se, within(1e-4 * se));
      // Wald limits on the log scale: v exp(-+ z se / v)
      assertThat(c.lower()).isCloseTo(v[a] * Math.exp(-z * c.stdError() / v[a]), within(1e-12 * v[a]));
      assertThat(c.upper()).isCloseTo(v[a] * Math.exp(z * c.stdError() / v[a]), within(1e-12 * v[a]));
    }
  }

  @Test
  void aControlsCoefficientScalesWithItsUnit() {
    double[] t = ImpactAnalysisTest.range(0, N);
    double[] y = series(9);
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(10);
    double[] x = new double[N];
    double[] x10 = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = rng.nextGaussian();
      x10[i] = 10 * x[i];
      y[i] += 2 * x[i];
    }
    ImpactResult a = ImpactAnalysis.builder().intervention(PRE).structural(Trend.LEVEL).control("x", x).build().analyse(t, y);
    ImpactResult b = ImpactAnalysis.builder().intervention(PRE).structural(Trend.LEVEL).control("x", x10).build().analyse(t, y);
    Coefficient ca = a.coefficient("x").orElseThrow();
    Coefficient cb = b.coefficient("x").orElseThrow();
    assertThat(ca.estimate()).isCloseTo(2, within(0.5));
    assertThat(cb.estimate()).isCloseTo(ca.estimate() / 10, within(1e-6 * Math.abs(ca.estimate())));
    assertThat(cb.stdError()).isCloseTo(ca.stdError() / 10, within(1e-6 * ca.stdError()));
    double z = org.channelrisk.stats.CriticalValues.normal(0.95);
    assertThat(ca.lower()).isCloseTo(ca.estimate() - z * ca.stdError(), within(1e-12));
    assertThat(ca.upper()).isCloseTo(ca.estimate() + z * ca.stdError(), within(1e-12));
    // AIC counts the regression coefficient as a diffuse state: 2 variances + level + 1
    assertThat(a.aic()).isCloseTo(-2 * a.loglik() + 8, within(1e-9));
  }
}
