package org.channelrisk.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The exact diffuse Kalman filter of a local level on three observations, worked by hand (Durbin and
 * Koopman 2012, section 5.2): the first observation identifies the level (a = y_1, P = h, no
 * likelihood term but log F_inf = 0), the rest are ordinary Kalman steps; the forecast's running sum
 * has the covariances of a random walk.
 */
class KalmanPartsTest {
  @Test
  void localLevelByHand() {
    double h = 1;
    double q = 0.5;
    double[] y = {1, 3, 2, 7, 8};
    DiffuseKalman k = new DiffuseKalman(1, new double[0][], 3);
    DiffuseKalman.State s = k.filter(y, 3, h, new double[] {q}, true);
    assertThat(s.diffuseDone).isTrue();
    assertThat(s.diffuseSteps).isEqualTo(1);
    // t = 1: a = 1, P = h = 1, predicted P = 1.5
    assertThat(s.pred[0]).isNaN();
    assertThat(s.predVar[0]).isNaN();
    // t = 2: F = 1.5 + 1 = 2.5, v = 3 - 1 = 2; a = 1 + (1.5 / 2.5) 2 = 2.2; P = 1.5 - 1.5^2 / 2.5 + 0.5 = 1.1
    assertThat(s.pred[1]).isCloseTo(1, within(1e-14));
    assertThat(s.predVar[1]).isCloseTo(2.5, within(1e-14));
    // t = 3: F = 2.1, v = -0.2; a = 2.2 - (1.1 / 2.1) 0.2; P = 1.1 - 1.1^2 / 2.1 + 0.5
    assertThat(s.pred[2]).isCloseTo(2.2, within(1e-14));
    assertThat(s.predVar[2]).isCloseTo(2.1, within(1e-14));
    double a3 = 2.2 - 1.1 / 2.1 * 0.2;
    double p3 = 1.1 - 1.1 * 1.1 / 2.1 + 0.5;
    assertThat(s.a[0]).isCloseTo(a3, within(1e-14));
    assertThat(s.p[0][0]).isCloseTo(p3, within(1e-14));
    double ll = -0.5 * (Math.log(2.5) + 4 / 2.5) - 0.5 * (Math.log(2.1) + 0.04 / 2.1) - 1.5 * Math.log(2 * Math.PI);
    assertThat(s.loglik).isCloseTo(ll, within(1e-13));
    // without keeping the predictions: the same likelihood
    assertThat(k.filter(y, 3, h, new double[] {q}, false).loglik).isCloseTo(ll, within(1e-13));
    // forecasts of t = 4, 5: mean a3; variances P + h, P + q + h; the sum's variance adds 2 Cov = 2 P
    double[] mean = new double[5];
    double[] var = new double[5];
    double[] sum = new double[5];
    double[] sumVar = new double[5];
    k.forecast(s, y, 3, 5, h, new double[] {q}, mean, var, sum, sumVar);
    assertThat(mean[3]).isCloseTo(a3, within(1e-14));
    assertThat(mean[4]).isCloseTo(a3, within(1e-14));
    assertThat(var[3]).isCloseTo(p3 + h, within(1e-14));
    assertThat(var[4]).isCloseTo(p3 + q + h, within(1e-14));
    assertThat(sum[3]).isCloseTo(a3, within(1e-14));
    assertThat(sum[4]).isCloseTo(2 * a3, within(1e-14));
    assertThat(sumVar[3]).isCloseTo(p3 + h, within(1e-14));
    assertThat(sumVar[4]).isCloseTo((p3 + h) + (p3 + q + h) + 2 * p3, within(1e-13));
    // a missing forecast row adds nothing to the sum
    double[] gap = {1, 3, 2, Double.NaN, 8};
    k.forecast(s, gap, 3, 5, h, new double[] {q}, mean, var, sum, sumVar);
    assertThat(sum[3]).isZero();
    assertThat(sumVar[3]).isZero();
    assertThat(sum[4]).isCloseTo(a3, within(1e-14));
    assertThat(sumVar[4]).isCloseTo(p3 + q + h, within(1e-14));
  }

  @Test
  void aMissingObservationOnlyPredicts() {
    // y = 1, NaN, 2: after t = 1 the level is 1 with P = 1; two predictions: P = 1 + 2 q = 2 at t = 3, F = 3
    DiffuseKalman k = new DiffuseKalman(1, new double[0][], 3);
    DiffuseKalman.State s = k.filter(new double[] {1, Double.NaN, 2}, 3, 1, new double[] {0.5}, true);
    assertThat(s.pred[1]).isCloseTo(1, within(1e-14));
    assertThat(s.predVar[1]).isCloseTo(2.5, within(1e-14));
    assertThat(s.predVar[2]).isCloseTo(3, within(1e-14));
    double ll = -0.5 * (Math.log(3) + 1 / 3.0) - Math.log(2 * Math.PI);
    assertThat(s.loglik).isCloseTo(ll, within(1e-13));
    // only missing values after the first: the level is identified, the likelihood has no ordinary term
    assertThat(k.filter(new double[] {1, Double.NaN, Double.NaN}, 3, 1, new double[] {0.5}, false).diffuseDone).isTrue();
    // nothing observed: the diffuse state is never identified
    assertThat(k.filter(new double[] {Double.NaN, Double.NaN, Double.NaN}, 3, 1, new double[] {0.5}, false).diffuseDone).isFalse();
    // zero variances: F = 0 is not a density
    assertThat(k.filter(new double[] {1, 2, 3}, 3, 0, new double[] {0}, false).loglik).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void regressorsAreScaledByTheirPrePeriodRootMeanSquare() {
    // x = 2, 2, 2, 6 with nPre 3: scale sqrt(12 / 3) = 2; a zero column keeps scale 1
    DiffuseKalman k = new DiffuseKalman(2, new double[][] {{2, 2, 2, 6}, {0, 0, 0, 1}}, 3);
    assertThat(k.scale).containsExactly(2, 1);
    assertThat(k.x[0]).containsExactly(1, 1, 1, 3);
    assertThat(k.x[1]).containsExactly(0, 0, 0, 1);
    assertThat(k.m).isEqualTo(4);
    double[] z = new double[4];
    k.z(3, z);
    // local linear trend: z = (1, 0, x...)
    assertThat(z).containsExactly(1, 0, 3, 1);
    // T of the local linear trend: level += slope
    double[] a = {1, 2, 3, 4};
    k.tVec(a);
    assertThat(a).containsExactly(3, 2, 3, 4);
    double[][] p = {{1, 2, 0, 0}, {2, 5, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    k.tMat(p);
    // T P T' with T = [[1, 1], [0, 1]] on the trend block: [[1 + 2 * 2 + 5, 2 + 5], [2 + 5, 5]]
    assertThat(p[0]).containsExactly(10, 7, 0, 0);
    assertThat(p[1]).containsExactly(7, 5, 0, 0);
  }
}
