package org.channelrisk.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/**
 * The pieces of the intervention models on inputs small enough to check by hand or against an
 * independent implementation (Commons Math's QR regression): the design, least squares, the
 * Newey-West meat, the counterfactual and its bands, and the builder's and the analysis's checks.
 */
class ImpactPartsTest {
  static final double[] T4 = {0, 1, 2, 3};

  @Test
  void designColumnsByHand() {
    LinkedHashMap<String, double[]> controls = new LinkedHashMap<>();
    controls.put("c", new double[] {5, 6, 7, 8});
    // T = 2, period 4, one harmonic: sin(pi t / 2) = 0, 1, 0, -1; cos = 1, 0, -1, 0
    Design d = Design.of(true, T4, 2, controls, 4, 1);
    assertThat(d.names).containsExactly("intercept", "time", "level_change", "slope_change", "c", "sin1", "cos1");
    assertThat(d.k()).isEqualTo(7);
    assertThat(d.n()).isEqualTo(4);
    assertThat(d.columns[0]).containsExactly(1, 1, 1, 1);
    assertThat(d.columns[1]).containsExactly(0, 1, 2, 3);
    assertThat(d.columns[2]).containsExactly(0, 0, 1, 1);
    assertThat(plusZero(d.columns[3])).containsExactly(0, 0, 0, 1); // (t - T) D is -0 before T
    assertThat(d.columns[4]).containsExactly(5, 6, 7, 8);
    double[] sin = {0, 1, 0, -1};
    double[] cos = {1, 0, -1, 0};
    for (int i = 0; i < 4; i++) {
      assertThat(d.columns[5][i]).isCloseTo(sin[i], within(1e-15));
      assertThat(d.columns[6][i]).isCloseTo(cos[i], within(1e-15));
    }
    // the counterfactual design: D = 0
    assertThat(d.counterfactual[2]).containsExactly(0, 0, 0, 0);
    assertThat(d.counterfactual[3]).containsExactly(0, 0, 0, 0);
    assertThat(d.counterfactual[1]).containsExactly(0, 1, 2, 3);
    // a harmonic k = 2 of period 8: sin(2 pi 2 t / 8) = sin(pi t / 2)
    Design h = Design.of(false, T4, 2, new LinkedHashMap<>(), 8, 2);
    assertThat(h.names).containsExactly("sin1", "cos1", "sin2", "cos2");
    assertThat(h.columns[2][1]).isCloseTo(1, within(1e-15));
    assertThat(h.columns[0][1]).isCloseTo(Math.sin(Math.PI / 4), within(1e-15));
    assertThat(h.counterfactual[0]).isSameAs(h.columns[0]);
    Design none = Design.of(false, T4, 2, new LinkedHashMap<>(), Double.NaN, 0);
    assertThat(none.k()).isZero();
    assertThat(none.n()).isZero();
    // rows 1 and 3
    Design r = d.rows(new boolean[] {false, true, false, true});
    assertThat(r.n()).isEqualTo(2);
    assertThat(r.columns[1]).containsExactly(1, 3);
    assertThat(r.columns[2]).containsExactly(0, 1);
    assertThat(r.counterfactual[2]).containsExactly(0, 0);
    assertThat(r.names).isEqualTo(d.names);
    // x' b and g' V g
    assertThat(Design.dot(new double[][] {{1, 2}, {3, 4}}, 1, new double[] {10, 100})).isEqualTo(2 * 10 + 4 * 100);
    assertThat(org.channelrisk.internal.QuadraticForm.of(new double[] {1, 2}, new double[][] {{1, 0.5}, {0.5, 3}})).isEqualTo(1 + 2 * 0.5 * 2 + 4 * 3);
  }

  /** -0 + 0 = 0: compares signed zeros as equal. */
  static double[] plusZero(double[] a) {
    return java.util.Arrays.stream(a).map(x -> x + 0.0).toArray();
  }

  static double[][] randomColumns(int k, int n, long seed) {
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    double[][] c = new double[k][n];
    for (int i = 0; i < n; i++) {
      c[0][i] = 1;
      for (int j = 1; j < k; j++) {
        c[j][i] = rng.nextGaussian() + (j == 1 ? 1e3 * i : 0);
      }
    }
    return c;
  }

  @Test
  void leastSquaresAgreesWithCommonsMath() {
    int n = 12;
    double[][] cols = randomColumns(3, n, 3);
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(4);
    double[] y = new double[n];
    double[][] rows = new double[n][2];
    for (int i = 0; i < n; i++) {
      y[i] = 2 - 0.001 * cols[1][i] + 3 * cols[2][i] + rng.nextGaussian();
      rows[i][0] = cols[1][i];
      rows[i][1] = cols[2][i];
    }
    LeastSquares ls = LeastSquares.fit(cols, y, List.of("intercept", "a", "b"));
    OLSMultipleLinearRegression ref = new OLSMultipleLinearRegression();
    ref.newSampleData(y, rows);
    double[] b = ref.estimateRegressionParameters();
    double[] e = ref.estimateResiduals();
    double[][] v = ref.estimateRegressionParametersVariance(); // (X'X)^-1
    for (int j = 0; j < 3; j++) {
      assertThat(ls.coefficients[j]).isCloseTo(b[j], within(1e-9 * Math.max(1, Math.abs(b[j]))));
      for (int l = 0; l < 3; l++) {
        assertThat(ls.xtxInverse[j][l]).isCloseTo(v[j][l], within(1e-9 * Math.abs(v[j][j])));
      }
    }
    double rss = 0;
    for (int i = 0; i < n; i++) {
      assertThat(ls.residuals[i]).isCloseTo(e[i], within(1e-9));
      rss += e[i] * e[i];
    }
    assertThat(ls.rss).isCloseTo(rss, within(1e-9));
    // a negative leading element takes the other Householder sign
    double[][] neg = {{-1, -1, -1}, {-2, 0, 2}};
    LeastSquares l2 = LeastSquares.fit(neg, new double[] {1, 2, 4}, List.of("m", "t"));
    // y = a (-1) + b t with t = -2, 0, 2: a = -mean(y) = -7/3, b = sum(t y) / sum(t^2) = 6 / 8
    assertThat(l2.coefficients[0]).isCloseTo(-7 / 3.0, within(1e-14));
    assertThat(l2.coefficients[1]).isCloseTo(0.75, within(1e-14));
    assertThat(l2.xtxInverse[0][0]).isCloseTo(1 / 3.0, within(1e-15));
    assertThat(l2.xtxInverse[1][1]).isCloseTo(1 / 8.0, within(1e-15));
    assertThat(l2.xtxInverse[0][1]).isCloseTo(0, within(1e-15));
    // a column already along e_1: the reflection must point away from it (alpha = -norm for a positive
    // leading element), else the Householder vector is 0. y = 2 e_1 + 3 (0, 1, 1)
    LeastSquares l3 = LeastSquares.fit(new double[][] {{1, 0, 0}, {0, 1, 1}}, new double[] {2, 3, 3}, List.of("a", "b"));
    assertThat(l3.coefficients[0]).isCloseTo(2, within(1e-14));
    assertThat(l3.coefficients[1]).isCloseTo(3, within(1e-14));
  }

  @Test
  void leastSquaresRefusesSingularDesignsAndTooFewRows() {
    assertThatThrownBy(() -> LeastSquares.fit(new double[][] {{1, 1}, {1, 2}}, new double[] {1, 2}, List.of("a", "b")))
        .hasMessageContaining("2 coefficients but only 2 observations");
    assertThatThrownBy(() -> LeastSquares.fit(new double[][] {{1, 1, 1}, {2, 2, 2}}, new double[] {1, 2, 3}, List.of("a", "b")))
        .hasMessageContaining("column 'b'");
    assertThatThrownBy(() -> LeastSquares.fit(new double[][] {{0, 0, 0}}, new double[] {1, 2, 3}, List.of("z")))
        .hasMessageContaining("column 'z'");
    // just above the collinearity tolerance: accepted
    double eps = 1e-6;
    LeastSquares ok = LeastSquares.fit(new double[][] {{1, 1, 1}, {1, 1, 1 + eps}}, new double[] {1, 2, 3}, List.of("a", "b"));
    assertThat(ok.coefficients).hasSize(2);
  }

  @Test
  void inverseOfRtRByHand() {
    // R = [[2, 1], [0, 3]]: R'R = [[4, 2], [2, 10]], inverse [[10, -2], [-2, 4]] / 36
    double[][] inv = LeastSquares.inverseOfRtR(new double[][] {{2, 1}, {0, 3}});
    assertThat(inv[0][0]).isCloseTo(10 / 36.0, within(1e-15));
    assertThat(inv[0][1]).isCloseTo(-2 / 36.0, within(1e-15));
    assertThat(inv[1][0]).isCloseTo(-2 / 36.0, within(1e-15));
    assertThat(inv[1][1]).isCloseTo(4 / 36.0, within(1e-15));
    // three by three: R = [[1, 2, 3], [0, 1, 4], [0, 0, 2]]; check (R'R) inv = I
    double[][] r = {{1, 2, 3}, {0, 1, 4}, {0, 0, 2}};
    double[][] i3 = LeastSquares.inverseOfRtR(r);
    double[][] rtr = new double[3][3];
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        for (int c = 0; c < 3; c++) {
          rtr[a][b] += r[c][a] * r[c][b];
        }
      }
    }
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        double s = 0;
        for (int c = 0; c < 3; c++) {
          s += rtr[a][c] * i3[c][b];
        }
        assertThat(s).isCloseTo(a == b ? 1 : 0, within(1e-12));
      }
    }
  }

  @Test
  void neweyWestMeatByHand() {
    // intercept only: (X'X)^-1 = 1 / n, meat = sum e_t^2 + 2 sum_l w_l sum_t e_t e_{t-l}, w_l = 1 - l / (L + 1)
    double[] e = {1, -2, 3, 0.5, -1};
    double[][] one = {{1, 1, 1, 1, 1}};
    double[][] a = {{0.2}};
    double g0 = 1 + 4 + 9 + 0.25 + 1;
    double g1 = 1 * -2 + -2 * 3 + 3 * 0.5 + 0.5 * -1;
    double g2 = 1 * 3 + -2 * 0.5 + 3 * -1;
    assertThat(LeastSquares.neweyWest(one, e, a, 0)[0][0]).isCloseTo(g0 / 25, within(1e-15));
    assertThat(LeastSquares.neweyWest(one, e, a, 1)[0][0]).isCloseTo((g0 + 2 * 0.5 * g1) / 25, within(1e-15));
    assertThat(LeastSquares.neweyWest(one, e, a, 2)[0][0]).isCloseTo((g0 + 2 * (2 / 3.0) * g1 + 2 * (1 / 3.0) * g2) / 25, within(1e-15));
    // a lag beyond the series: every lag up to n - 1 counts, weighted by 1 - l / (L + 1)
    double g3 = 1 * 0.5 + -2 * -1;
    double g4 = 1 * -1;
    double l10 = g0 + 2 * (10 / 11.0 * g1 + 9 / 11.0 * g2 + 8 / 11.0 * g3 + 7 / 11.0 * g4);
    assertThat(LeastSquares.neweyWest(one, e, a, 10)[0][0]).isCloseTo(l10 / 25, within(1e-14));
    // two columns and A = I: the meat itself, sum_l w_l (G_l + G_l'), G_l = sum_t u_t u_{t-l}'
    double[][] x = {{1, 1, 1, 1, 1}, {0, 1, 0, 2, 1}};
    double[][] id = {{1, 0}, {0, 1}};
    double[][] u = new double[5][2];
    for (int t = 0; t < 5; t++) {
      u[t][0] = x[0][t] * e[t];
      u[t][1] = x[1][t] * e[t];
    }
    double[][] meat = new double[2][2];
    for (int l = 0; l <= 1; l++) {
      double w = l == 0 ? 0.5 : 1 - 1 / 2.0; // halved at l = 0, since G_0 + G_0' counts G_0 twice
      for (int t = l; t < 5; t++) {
        for (int i = 0; i < 2; i++) {
          for (int j = 0; j < 2; j++) {
            meat[i][j] += w * (u[t][i] * u[t - l][j] + u[t - l][i] * u[t][j]);
          }
        }
      }
    }
    double[][] nw = LeastSquares.neweyWest(x, e, id, 1);
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        assertThat(nw[i][j]).isCloseTo(meat[i][j], within(1e-14));
      }
    }
    // sandwich A M A
    double[][] s = LeastSquares.sandwich(new double[][] {{1, 2}, {0, 1}}, new double[][] {{1, 0}, {0, 2}});
    // A M = [[1, 4], [0, 2]]; (A M) A = [[1, 6], [0, 2]]
    assertThat(s[0]).containsExactly(1, 6);
    assertThat(s[1]).containsExactly(0, 2);
  }

  @Test
  void automaticLagAndSmallHelpers() {
    // floor(4 (n / 100)^(2/9))
    assertThat(LeastSquares.autoLag(100)).isEqualTo(4);
    assertThat(LeastSquares.autoLag(50)).isEqualTo(3);
    assertThat(LeastSquares.autoLag(1000)).isEqualTo(6);
    assertThat(LeastSquares.autoLag(10)).isEqualTo(2);
    assertThat(Regressions.percent(0.95)).isEqualTo("95%");
    assertThat(Regressions.percent(0.975)).isEqualTo("97.5%");
    // deviance 2 sum (y log(y / mu) - (y - mu)), 2 mu where y = 0: 2 + 2 (2 log 2 - 1) = 4 log 2
    assertThat(Regressions.deviance(new double[] {0, 2}, new double[] {1, 1})).isCloseTo(4 * Math.log(2), within(1e-15));
    assertThat(Regressions.select(new double[] {1, 2, 3}, new boolean[] {true, false, true})).containsExactly(1, 3);
    double[][] sc = Regressions.scale(new double[][] {{1, 2}, {3, 4}}, 2);
    assertThat(sc[1]).containsExactly(6, 8);
    List<Coefficient> c = Regressions.coefficients(List.of("a"), new double[] {1}, new double[][] {{4}}, 1.5);
    assertThat(c).containsExactly(new Coefficient("a", 1, 2, -2, 4));
    assertThat(c.get(0).toString()).isEqualTo("a = 1.00000 (se 2.00000; -2.00000 to 4.00000)");
    assertThat(Coefficient.fmt(Double.NaN)).isEqualTo("NA");
    assertThat(Trend.parse("LEVEL")).isEqualTo(Trend.LEVEL);
    assertThat(Trend.parse("Linear")).isEqualTo(Trend.LINEAR);
    assertThat(Trend.LINEAR.id()).isEqualTo("linear");
    assertThatThrownBy(() -> Trend.parse("cubic")).hasMessageContaining("level or linear");
    assertThat(ImpactModel.parse("ARIMA")).isEqualTo(ImpactModel.ARIMA);
    assertThat(ImpactModel.POISSON.id()).isEqualTo("poisson");
    assertThatThrownBy(() -> ImpactModel.parse("bsts")).hasMessageContaining("segmented, arima, poisson or structural");
  }

  @Test
  void counterfactualBandsByHand() {
    // cf = 1 + 2 t at t = 0..3, V = diag(0.25, 0.01), crit 2; post rows 2 and 3, row 3 unobserved
    double[][] cf = {{1, 1, 1, 1}, {0, 1, 2, 3}};
    double[][] v = {{0.25, 0}, {0, 0.01}};
    boolean[] observed = {true, true, true, false};
    boolean[] post = {false, false, true, true};
    ModelFit f = new ModelFit(4);
    f.regressionCounterfactual(cf, null, new double[] {1, 2}, v, 2, false, observed, post);
    for (int i = 0; i < 4; i++) {
      double se = Math.sqrt(0.25 + 0.01 * i * i);
      assertThat(f.cf[i]).isCloseTo(1 + 2 * i, within(1e-14));
      assertThat(f.cfLower[i]).isCloseTo(1 + 2 * i - 2 * se, within(1e-14));
      assertThat(f.cfUpper[i]).isCloseTo(1 + 2 * i + 2 * se, within(1e-14));
    }
    // running sum over observed post rows: only row 2 (value 5, gradient (1, 2)): se sqrt(0.25 + 0.04)
    assertThat(f.sum[0]).isNaN();
    assertThat(f.sum[1]).isNaN();
    assertThat(f.sum[2]).isCloseTo(5, within(1e-14));
    assertThat(f.sum[3]).isCloseTo(5, within(1e-14));
    assertThat(f.sumLower[3]).isCloseTo(5 - 2 * Math.sqrt(0.29), within(1e-14));
    assertThat(f.sumUpper[2]).isCloseTo(5 + 2 * Math.sqrt(0.29), within(1e-14));

    // log link with an offset log 2: mu = 2 exp(0.1 + 0.2 t); rows 2 and 3 both observed
    double[] off = {Math.log(2), Math.log(2), Math.log(2), Math.log(2)};
    ModelFit g = new ModelFit(4);
    g.regressionCounterfactual(cf, off, new double[] {0.1, 0.2}, v, 2, true, new boolean[] {true, true, true, true}, post);
    double s = 0;
    double[] grad = new double[2];
    for (int i = 0; i < 4; i++) {
      double eta = Math.log(2) + 0.1 + 0.2 * i;
      double se = Math.sqrt(0.25 + 0.01 * i * i);
      assertThat(g.cf[i]).isCloseTo(Math.exp(eta), within(1e-13));
      assertThat(g.cfLower[i]).isCloseTo(Math.exp(eta - 2 * se), within(1e-13));
      assertThat(g.cfUpper[i]).isCloseTo(Math.exp(eta + 2 * se), within(1e-13));
      if (i >= 2) {
        s += Math.exp(eta);
        grad[0] += Math.exp(eta);
        grad[1] += Math.exp(eta) * i;
        // delta method on the log scale: relative se sqrt(g' V g) / s
        double rel = Math.sqrt(0.25 * grad[0] * grad[0] + 0.01 * grad[1] * grad[1]) / s;
        assertThat(g.sum[i]).isCloseTo(s, within(1e-13));
        assertThat(g.sumLower[i]).isCloseTo(s * Math.exp(-2 * rel), within(1e-13));
        assertThat(g.sumUpper[i]).isCloseTo(s * Math.exp(2 * rel), within(1e-13));
      }
    }
    // rows with unknown regressors are skipped
    ModelFit h = new ModelFit(2);
    h.regressionCounterfactual(new double[][] {{1, Double.NaN}}, null, new double[] {3}, new double[][] {{1}}, 2, false,
        new boolean[] {true, true}, new boolean[] {true, true});
    assertThat(h.cf[0]).isEqualTo(3);
    assertThat(h.cf[1]).isNaN();
    assertThat(h.sum[1]).isNaN();
  }

  @Test
  void segmentedResultColumnsFollowFromTheCounterfactual() {
    double[] t = ImpactAnalysisTest.range(0, 12);
    double[] y = ImpactAnalysisTest.series(t, 6, 10, 1, -4, 0.5, 1, 3);
    ImpactResult r = ImpactAnalysis.builder().intervention(6).level(0.9).build().analyse(t, y);
    assertThat(r.model()).isEqualTo(ImpactModel.SEGMENTED);
    assertThat(r.variant()).isEqualTo("ordinary standard errors");
    assertThat(r.intervention()).isEqualTo(6);
    assertThat(r.level()).isEqualTo(0.9);
    assertThat(r.times()).containsExactly(t);
    assertThat(r.observed()).containsExactly(y);
    assertThat(r.converged()).isTrue();
    assertThat(r.message()).isEqualTo("closed form (QR)");
    assertThat(r.intervalMethod()).startsWith("ordinary least squares standard errors, Student t on 8 df, 90%");
    assertThat(r.dispersion()).isNaN();
    double[] cf = r.counterfactual();
    double[] lo = r.counterfactualLower();
    double[] hi = r.counterfactualUpper();
    // sigma^2 = RSS / (n - k) with n - k = 8; log-likelihood -n/2 (log 2 pi + log(RSS / n) + 1); AIC -2 ll + 2 (k + 1)
    double crit = new TDistribution(null, 8).inverseCumulativeProbability(0.95);
    Coefficient b0 = r.coefficient("intercept").orElseThrow();
    assertThat(b0.upper() - b0.estimate()).isCloseTo(crit * b0.stdError(), within(1e-12));
    double rss = 0;
    double sumY = 0;
    double sumCf = 0;
    for (int i = 0; i < 12; i++) {
      // the fit: cf plus the two intervention terms
      double fit = cf[i] + (i >= 6 ? b(r, "level_change") + b(r, "slope_change") * (i - 6) : 0);
      rss += (y[i] - fit) * (y[i] - fit);
      assertThat(r.effect()[i]).isCloseTo(y[i] - cf[i], within(1e-12));
      assertThat(r.effectLower()[i]).isCloseTo(y[i] - hi[i], within(1e-12));
      assertThat(r.effectUpper()[i]).isCloseTo(y[i] - lo[i], within(1e-12));
      if (i >= 6) {
        sumY += y[i];
        sumCf += cf[i];
        assertThat(r.cumulative()[i]).isCloseTo(sumY - sumCf, within(1e-10));
        assertThat(r.cumulativeLower()[i]).isLessThan(r.cumulative()[i]);
        assertThat(r.cumulativeUpper()[i]).isGreaterThan(r.cumulative()[i]);
      } else {
        assertThat(r.cumulative()[i]).isNaN();
        assertThat(r.cumulativeLower()[i]).isNaN();
        assertThat(r.cumulativeUpper()[i]).isNaN();
      }
    }
    assertThat(r.sigma2()).isCloseTo(rss / 8, within(1e-10));
    double ll = -6 * (Math.log(2 * Math.PI) + Math.log(rss / 12) + 1);
    assertThat(r.loglik()).isCloseTo(ll, within(1e-9));
    assertThat(r.aic()).isCloseTo(-2 * ll + 10, within(1e-9));
    assertThat(r.cumulativeEffect().value()).isCloseTo(sumY - sumCf, within(1e-10));
    assertThat(r.cumulativeEffect().lower()).isCloseTo(r.cumulativeLower()[11], within(1e-12));
    assertThat(r.cumulativeEffect().upper()).isCloseTo(r.cumulativeUpper()[11], within(1e-12));
    assertThat(r.averageEffect().value()).isCloseTo((sumY - sumCf) / 6, within(1e-10));
    assertThat(r.averageEffect().lower()).isCloseTo(r.cumulativeLower()[11] / 6, within(1e-10));
    assertThat(r.averageEffect().upper()).isCloseTo(r.cumulativeUpper()[11] / 6, within(1e-10));
    assertThat(r.relativeEffect().value()).isCloseTo(sumY / sumCf - 1, within(1e-12));
    // relative limits: sumY over the summed counterfactual's upper and lower limits, minus 1
    double sumHi = sumY - r.cumulativeLower()[11];
    double sumLo = sumY - r.cumulativeUpper()[11];
    assertThat(r.relativeEffect().lower()).isCloseTo(sumY / sumHi - 1, within(1e-12));
    assertThat(r.relativeEffect().upper()).isCloseTo(sumY / sumLo - 1, within(1e-12));
    assertThat(r.relativeEffect().method()).isEqualTo("from the counterfactual's summed band, 90%");
    String text = r.toString();
    assertThat(text).startsWith("Intervention analysis: segmented model (ordinary standard errors), T = 6.00000, 6 observations before, 6 from T\n"
        + "converged: closed form (QR)\n");
    assertThat(text).contains(String.format(java.util.Locale.ROOT, "%-20s %14s", "intercept", Coefficient.fmt(b0.estimate())));
    assertThat(text).contains("sigma2 " + Coefficient.fmt(r.sigma2()) + ", log-likelihood " + Coefficient.fmt(r.loglik()) + ", AIC ");
    assertThat(text).contains(String.format(java.util.Locale.ROOT, "%-20s %14s", "cumulative", Coefficient.fmt(r.cumulativeEffect().value())));
    assertThat(text).endsWith("intervals: " + r.intervalMethod() + "\n");
    assertThat(ImpactAnalysis.builder().intervention(6).build().toString()).isEqualTo("ImpactAnalysis[segmented, T = 6.0, controls [], level 0.95]");
    assertThat(ImpactAnalysis.builder().intervention(6).harmonics(7, 2).control("x", y).build().toString())
        .isEqualTo("ImpactAnalysis[segmented, T = 6.0, controls [x], 2 harmonics of period 7.0, level 0.95]");
  }

  static double b(ImpactResult r, String name) {
    return r.coefficient(name).orElseThrow().estimate();
  }

  @Test
  void aBandThatReachesZeroHasNoRelativeLimits() {
    // a flat series near 0 with noise: the summed counterfactual's band reaches below 0
    double[] t = ImpactAnalysisTest.range(0, 12);
    double[] y = ImpactAnalysisTest.series(t, 6, 0, 0, 0, 0, 1, 9);
    ImpactResult r = ImpactAnalysis.builder().intervention(6).build().analyse(t, y);
    double sumY = 0;
    for (int i = 6; i < 12; i++) {
      sumY += y[i];
    }
    double lastLo = sumY - r.cumulativeUpper()[11];
    assertThat(lastLo).isLessThanOrEqualTo(0);
    assertThat(r.relativeEffect().lower()).isNaN();
    assertThat(r.relativeEffect().upper()).isNaN();
    assertThat(r.relativeEffect().method()).endsWith("; not available: the summed counterfactual's band reaches 0");
  }

  @Test
  void theAnalysisChecksItsData() {
    double[] t = ImpactAnalysisTest.range(0, 6);
    double[] y = {1, 2, 3, 5, 4, 6};
    // three on each side is enough
    assertThat(ImpactAnalysis.builder().intervention(3).build().analyse(t, y).nPre()).isEqualTo(3);
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(3).build().analyse(t, new double[5])).hasMessageContaining("y has 5 values");
    double[] tn = t.clone();
    tn[2] = Double.NaN;
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(3).build().analyse(tn, y)).hasMessageContaining("time 2 must be finite");
    double[] yi = y.clone();
    yi[1] = Double.POSITIVE_INFINITY;
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(3).build().analyse(t, yi)).hasMessageContaining("value 1 must be finite");
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(3).control("c", new double[5]).build().analyse(t, y))
        .hasMessageContaining("control 'c' has 5 values");
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(3).exposure(new double[5]).build().analyse(t, y))
        .hasMessageContaining("exposure has 5 values");
    double[] c = {1, 4, 9, 16, 25, Double.NaN};
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(3).control("c", c).build().analyse(t, y))
        .hasMessageContaining("control 'c' is missing at index 5");
    double[] ci = {1, 4, 9, 16, 25, Double.NEGATIVE_INFINITY};
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(3).control("c", ci).skipMissing().build().analyse(t, y))
        .hasMessageContaining("control 'c' must be finite");
    double[] ex = {1, 1, 1, 1, 1, Double.NaN};
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(3).exposure(ex).build().analyse(t, y)).hasMessageContaining("exposure is missing");
    double[] ez = {1, 1, 0, 1, 1, 1};
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(3).exposure(ez).build().analyse(t, y))
        .hasMessageContaining("exposure must be positive");
    double[] einf = {1, 1, Double.POSITIVE_INFINITY, 1, 1, 1};
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(3).exposure(einf).build().analyse(t, y))
        .hasMessageContaining("exposure must be positive");
    // a missing control row with skipMissing: the row is dropped (8 rows, row 1 dropped before T = 4)
    double[] t8 = ImpactAnalysisTest.range(0, 8);
    double[] y8 = {1, 2, 4, 3, 5, 7, 6, 9};
    double[] c8 = {0.5, Double.NaN, 0.1, 0.9, 0.3, 0.2, 0.8, 0.4};
    ImpactResult dropped = ImpactAnalysis.builder().intervention(4).control("c", c8).skipMissing().build().analyse(t8, y8);
    assertThat(dropped.nPre()).isEqualTo(3);
    assertThat(dropped.nPost()).isEqualTo(4);
    assertThat(dropped.observed()[1]).isNaN();
    assertThat(dropped.effect()[1]).isNaN();
    assertThat(dropped.counterfactual()[1]).isNaN();
    assertThat(dropped.observed()[2]).isEqualTo(4);
  }

  @Test
  void theBuilderChecksItsSettings() {
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImpactAnalysis.builder().neweyWest(-1)).isInstanceOf(IllegalArgumentException.class);
    ImpactAnalysis.builder().neweyWest(0).segmented(); // the same model named again
    assertThatThrownBy(() -> ImpactAnalysis.builder().arima(11, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImpactAnalysis.builder().arima(0, 11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImpactAnalysis.builder().arima(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImpactAnalysis.builder().arima(0, -1)).isInstanceOf(IllegalArgumentException.class);
    ImpactAnalysis.builder().arima(10, 10);
    ImpactAnalysis.builder().arima(0, 0);
    assertThatThrownBy(() -> ImpactAnalysis.builder().poisson().structural(Trend.LEVEL)).hasMessageContaining("already poisson");
    ImpactAnalysis.builder().exposure(new double[] {1}).poisson();
    assertThatThrownBy(() -> ImpactAnalysis.builder().structural(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ImpactAnalysis.builder().control("", new double[1])).hasMessageContaining("taken");
    assertThatThrownBy(() -> ImpactAnalysis.builder().control("sin1", new double[1])).hasMessageContaining("taken");
    assertThatThrownBy(() -> ImpactAnalysis.builder().control("cos12", new double[1])).hasMessageContaining("taken");
    assertThatThrownBy(() -> ImpactAnalysis.builder().control("level_change", new double[1])).hasMessageContaining("taken");
    assertThatThrownBy(() -> ImpactAnalysis.builder().control("x", new double[1]).control("x", new double[1])).hasMessageContaining("twice");
    ImpactAnalysis.builder().control("sine", new double[1]);
    assertThatThrownBy(() -> ImpactAnalysis.builder().harmonics(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImpactAnalysis.builder().harmonics(Double.POSITIVE_INFINITY, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImpactAnalysis.builder().harmonics(7, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImpactAnalysis.builder().harmonics(5, 3)).isInstanceOf(IllegalArgumentException.class);
    ImpactAnalysis.builder().harmonics(4, 2);
    assertThatThrownBy(() -> ImpactAnalysis.builder().level(1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImpactAnalysis.builder().epsilon(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImpactAnalysis.builder().epsilon(1)).isInstanceOf(IllegalArgumentException.class);
    ImpactAnalysis.builder().epsilon(0.5);
  }

  @Test
  void aNegativeZeroPrintsAsZero() {
    assertThat(new Coefficient("step", -0.0, 0.5, -1.0, 1.0).toString()).isEqualTo("step = 0.00000 (se 0.500000; -1.00000 to 1.00000)");
  }
}
