package org.channelrisk.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ARMA machinery on closed forms: the stationary covariance of AR(1) and MA(1), the Kalman
 * innovations of an AR(1) (y_1 with variance 1 / (1 - phi^2), then y_t - phi y_{t-1} with variance 1),
 * the partial-autocorrelation transform of an AR(2), and Yule-Walker on a short series.
 */
class ArmaPartsTest {
  @Test
  void stationaryCovariancesOfAr1AndMa1() {
    // AR(1): var = 1 / (1 - phi^2)
    double[][] ar = ArmaRegression.stationaryCovariance(new double[] {0.6}, new double[] {1});
    assertThat(ar[0][0]).isCloseTo(1 / (1 - 0.36), within(1e-12));
    // MA(1) in Harvey's form, state (u_t, theta e_t): P = [[1 + theta^2, theta], [theta, theta^2]]
    double[][] ma = ArmaRegression.stationaryCovariance(new double[] {0, 0}, new double[] {1, 0.5});
    assertThat(ma[0][0]).isCloseTo(1.25, within(1e-12));
    assertThat(ma[0][1]).isCloseTo(0.5, within(1e-12));
    assertThat(ma[1][0]).isCloseTo(0.5, within(1e-12));
    assertThat(ma[1][1]).isCloseTo(0.25, within(1e-12));
    // AR(2) with phi = (0.5, 0.2): gamma0 = (1 - phi2) / ((1 + phi2)((1 - phi2)^2 - phi1^2))
    double g0 = 0.8 / (1.2 * (0.64 - 0.25));
    double[][] ar2 = ArmaRegression.stationaryCovariance(new double[] {0.5, 0.2}, new double[] {1, 0});
    assertThat(ar2[0][0]).isCloseTo(g0, within(1e-12));
  }

  @Test
  void ar1InnovationsInClosedForm() {
    double phi = 0.6;
    double[] y = {1, 2, -1, 0.5, 3};
    double[][] out = new double[1][5];
    double sumLog = ArmaRegression.whiten(new double[] {phi}, new double[0], new double[][] {y}, y, out);
    // F_1 = 1 / (1 - phi^2), then 1: sum log F = -log(0.64)
    assertThat(sumLog).isCloseTo(-Math.log(0.64), within(1e-12));
    assertThat(out[0][0]).isCloseTo(1 / Math.sqrt(1 / 0.64), within(1e-12));
    for (int t = 1; t < 5; t++) {
      assertThat(out[0][t]).isCloseTo(y[t] - phi * y[t - 1], within(1e-12));
    }
    // a gap at t = 2: its innovation is NaN; t = 3 predicts two steps ahead: y_3 - phi^2 y_1, variance 1 + phi^2
    double[] g = {1, 2, Double.NaN, 0.5, 3};
    double[][] og = new double[1][5];
    double sg = ArmaRegression.whiten(new double[] {phi}, new double[0], new double[][] {g}, g, og);
    assertThat(og[0][2]).isNaN();
    assertThat(og[0][3]).isCloseTo((0.5 - phi * phi * 2) / Math.sqrt(1 + phi * phi), within(1e-12));
    assertThat(og[0][4]).isCloseTo(3 - phi * 0.5, within(1e-12));
    assertThat(sg).isCloseTo(-Math.log(0.64) + Math.log(1 + phi * phi), within(1e-12));

    // the profile at phi: b by GLS of the whitened data, sigma^2 = RSS / n, R's log-likelihood
    double[][] x = {{1, 1, 1, 1, 1}};
    ArmaRegression m = new ArmaRegression(1, 0, x, y, List.of("intercept"));
    ArmaRegression.Profile pr = m.profileAt(new double[] {phi}, new double[0]);
    // whitened intercept: sqrt(0.64), then 1 - phi = 0.4; whitened y as above
    double[] wx = {0.8, 0.4, 0.4, 0.4, 0.4};
    double[] wy = {0.8 * 1, 2 - 0.6, -1 - 1.2, 0.5 + 0.6, 3 - 0.3};
    double sxy = 0;
    double sxx = 0;
    for (int t = 0; t < 5; t++) {
      sxy += wx[t] * wy[t];
      sxx += wx[t] * wx[t];
    }
    double b = sxy / sxx;
    double rss = 0;
    for (int t = 0; t < 5; t++) {
      rss += (wy[t] - b * wx[t]) * (wy[t] - b * wx[t]);
    }
    assertThat(pr.beta()[0]).isCloseTo(b, within(1e-12));
    assertThat(pr.sigma2()).isCloseTo(rss / 5, within(1e-12));
    assertThat(pr.loglik()).isCloseTo(-0.5 * (5 * (Math.log(2 * Math.PI) + 1 + Math.log(rss / 5)) - Math.log(0.64)), within(1e-12));
    assertThat(pr.xtxInverse()[0][0]).isCloseTo(1 / sxx, within(1e-12));
    // R's objective at (phi, b): n/2 log(ssq / n) + 1/2 sum log F
    assertThat(m.negativeLoglik(new double[] {phi, b})).isCloseTo(0.5 * (5 * Math.log(rss / 5) - Math.log(0.64)), within(1e-12));
    // outside the stationary region: +infinity
    assertThat(m.negativeLoglik(new double[] {1.0, b})).isEqualTo(Double.POSITIVE_INFINITY);
    // on the PACF scale: phi = tanh(u)
    assertThat(m.profile(new double[] {ArmaRegression.atanh(phi)}).loglik()).isCloseTo(pr.loglik(), within(1e-10));
  }

  @Test
  void pacfTransformOfAr2ByHand() {
    // Durbin-Levinson: r1 = tanh(u1), r2 = tanh(u2); phi = (r1 - r2 r1, r2)
    double r1 = 0.5;
    double r2 = -0.3;
    double[] phi = ArmaRegression.pacfToAr(new double[] {ArmaRegression.atanh(r1), ArmaRegression.atanh(r2)}, 0, 2);
    assertThat(phi[0]).isCloseTo(r1 - r2 * r1, within(1e-14));
    assertThat(phi[1]).isCloseTo(r2, within(1e-14));
    double[] back = ArmaRegression.arToPacf(phi);
    assertThat(Math.tanh(back[0])).isCloseTo(r1, within(1e-14));
    assertThat(Math.tanh(back[1])).isCloseTo(r2, within(1e-14));
    // offset: the MA part starts at index p
    double[] theta = ArmaRegression.pacfToAr(new double[] {9, ArmaRegression.atanh(0.4)}, 1, 1);
    assertThat(theta).hasSize(1);
    assertThat(theta[0]).isCloseTo(0.4, within(1e-14));
    ArmaRegression m = new ArmaRegression(1, 1, new double[0][], new double[] {1, 2, 3}, List.of());
    assertThat(m.phi(new double[] {ArmaRegression.atanh(0.2), ArmaRegression.atanh(0.4)})[0]).isCloseTo(0.2, within(1e-14));
    // R's MA sign: theta = -pacfToAr
    assertThat(m.theta(new double[] {ArmaRegression.atanh(0.2), ArmaRegression.atanh(0.4)})[0]).isCloseTo(-0.4, within(1e-14));
    assertThat(ArmaRegression.atanh(0.5)).isCloseTo(0.5 * Math.log(3), within(1e-15));
    // not stationary: a root on or inside the unit circle
    assertThat(ArmaRegression.stationary(new double[] {1})).isFalse();
    assertThat(ArmaRegression.stationary(new double[] {-1})).isFalse();
    assertThat(ArmaRegression.stationary(new double[] {0.5, 0.6})).isFalse();
    assertThat(ArmaRegression.stationary(new double[] {0.5, 0.4})).isTrue();
    assertThat(ArmaRegression.arToPacf(new double[] {1.2})[0]).isNaN();
    assertThat(ArmaRegression.negate(new double[] {1, -2})).containsExactly(-1, 2);
  }

  @Test
  void yuleWalkerOnAShortSeries() {
    // mean 2; deviations -1, 1, -2, 2, 0: gamma0 = 10 / 5 = 2, gamma1 = (-1 - 2 - 4 + 0) / 5 = -7/5
    double[] e = {1, 3, 0, 4, 2};
    double[] ar1 = ArmaRegression.yuleWalker(e, 1);
    assertThat(ar1[0]).isCloseTo(-0.7, within(1e-14));
    // AR(2): gamma2 = (1 * -2 + ... ): deviations d = -1, 1, -2, 2, 0: d2 d0 + d3 d1 + d4 d2 = 2 + 2 + 0 = 4, / 5
    double g0 = 2;
    double g1 = -1.4;
    double g2 = 0.8;
    double[] ar2 = ArmaRegression.yuleWalker(e, 2);
    double det = g0 * g0 - g1 * g1;
    assertThat(ar2[0]).isCloseTo((g1 * g0 - g1 * g2) / det, within(1e-13));
    assertThat(ar2[1]).isCloseTo((g0 * g2 - g1 * g1) / det, within(1e-13));
    // missing values are left out of the mean and of the products
    double[] gap = {1, 3, Double.NaN, 0, 4, 2};
    double[] yg = ArmaRegression.yuleWalker(gap, 1);
    // mean 2; deviations -1, 1, NaN, -2, 2, 0: gamma0 = 10 / 5, gamma1 = (-1 + 0 + 0 - 4 + 0) / 5 (pairs with the gap skipped)
    assertThat(yg[0]).isCloseTo(-5 / 5.0 / 2, within(1e-14));
    // a constant series: singular, zeros
    assertThat(ArmaRegression.yuleWalker(new double[] {1, 1, 1, 1}, 1)).containsExactly(0);
  }

  @Test
  void aSearchThatSpendsItsEvaluationsEndsNotConverged() {
    // a series of zeros: the profile likelihood is +infinity everywhere, so the simplex never
    // converges; the search reports that instead of letting Commons Math's exception through
    double[] y = new double[12];
    double[] one = new double[12];
    java.util.Arrays.fill(one, 1);
    ArmaRegression m = new ArmaRegression(1, 0, new double[][] {one}, y, List.of("intercept"));
    ArmaRegression.Fit f = m.maximise(new double[12]);
    assertThat(f.converged()).isFalse();
    assertThat(f.message()).contains("spent its 20000 evaluations");
  }
}
