package org.channelrisk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.channelrisk.fit.FitResult;
import org.channelrisk.stats.Estimate;
import org.junit.jupiter.api.Test;

/**
 * Delta-method intervals against gradients differentiated by hand, for the exponential curve
 * y = a - (a - b) e^{-ks} at a = 100, b = 20, k = 0.1, the baseline B0 = a = 100 and the horizon
 * H = 10, with a full covariance matrix C: se(g) = sqrt(grad' C grad), limits g -+ z se, z the normal
 * quantile of a 90% level, qnorm(0.95) = 1.6448536269514722 (SciPy norm.ppf).
 */
class DeltaMethodTest {
  private static final double Z90 = 1.6448536269514722;
  private static final double[][] C = {{4, 1, 0.01}, {1, 9, -0.02}, {0.01, -0.02, 1e-4}};
  private static final double A = 100;
  private static final double B = 20;
  private static final double K = 0.1;
  private static final double H = 10;

  static double quad(double[] g) {
    double v = 0;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        v += g[i] * C[i][j] * g[j];
      }
    }
    return v;
  }

  static void assertInterval(Estimate e, double value, double[] grad, String what) {
    double se = Math.sqrt(quad(grad));
    // central differences with a relative step of 1e-6 are exact to about 1e-10 here
    double tol = 1e-9 * Math.max(1, Math.abs(value) + Z90 * se);
    assertThat(e.value()).as("%s value", what).isCloseTo(value, within(tol));
    assertThat(e.lower()).as("%s lower", what).isCloseTo(value - Z90 * se, within(tol));
    assertThat(e.upper()).as("%s upper", what).isCloseTo(value + Z90 * se, within(tol));
    assertThat(e.method()).isEqualTo("delta");
  }

  @Test
  void intervalsOfTheMetricsAndTheBand() {
    FitResult fit = new FitResult(List.of("a", "b", "k"), new double[] {A, B, K}, new double[] {2, 3, 0.01}, C,
        new double[3], new double[3], 0.9, 50, 30, 0, true, 4, 6, "converged");
    Map<Metric, Estimate> metrics = new EnumMap<>(Metric.class);
    double[] s = {0, 10};
    double[][] band = new double[3][2];
    DeltaMethod.intervals(RecoveryModel.EXPONENTIAL, fit, s, A, H, 0.9, "delta", metrics, band);

    double ln2 = Math.log(2);
    double ln10 = Math.log(10);
    double e1 = Math.exp(-1); // e^{-kH} = e^{-ks} at s = 10
    // the trough b, the depth B0 - b and the relative depth (B0 - b) / B0 depend on b alone
    assertInterval(metrics.get(Metric.TROUGH), B, new double[] {0, 1, 0}, "trough");
    assertInterval(metrics.get(Metric.DEPTH), A - B, new double[] {0, -1, 0}, "depth");
    assertInterval(metrics.get(Metric.RELATIVE_DEPTH), 0.8, new double[] {0, -0.01, 0}, "relative depth");
    // a / B0
    assertInterval(metrics.get(Metric.RECOVERY_RATIO), 1, new double[] {0.01, 0, 0}, "recovery ratio");
    // T(f) = -ln(1 - f r) / k with r = (B0 - b) / (a - b), r = 1 here: dT/da = -f / ((1 - f) k (a - b)),
    // dT/db = 0 (dr/db = (B0 - a) / (a - b)^2 = 0), dT/dk = -T / k
    assertInterval(metrics.get(Metric.T50), ln2 / K, new double[] {-1 / (K * (A - B)), 0, -ln2 / (K * K)}, "T50");
    assertInterval(metrics.get(Metric.T90), ln10 / K, new double[] {-9 / (K * (A - B)), 0, -ln10 / (K * K)}, "T90");
    assertInterval(metrics.get(Metric.HALF_LIFE), ln2 / K, new double[] {0, 0, -ln2 / (K * K)}, "half-life");
    // loss area (B0 - a) H + (a - b)(1 - e^{-kH}) / k: d/da = -H + (1 - e^{-kH}) / k,
    // d/db = -(1 - e^{-kH}) / k, d/dk = (a - b)(H e^{-kH} / k - (1 - e^{-kH}) / k^2)
    assertInterval(metrics.get(Metric.LOSS_AREA), (A - B) * (1 - e1) / K,
        new double[] {-H + (1 - e1) / K, -(1 - e1) / K, (A - B) * (H * e1 / K - (1 - e1) / (K * K))}, "loss area");
    // the baseline is treated as known: no interval
    Estimate b0 = metrics.get(Metric.BASELINE);
    assertThat(b0.value()).isEqualTo(A);
    assertThat(b0.lower()).isNaN();
    assertThat(b0.upper()).isNaN();

    // the band: gradient (1 - e^{-ks}, e^{-ks}, (a - b) s e^{-ks})
    double[][] grads = {{0, 1, 0}, {1 - e1, e1, (A - B) * 10 * e1}};
    double[] values = {B, A - (A - B) * e1};
    for (int i = 0; i < 2; i++) {
      double se = Math.sqrt(quad(grads[i]));
      assertThat(band[0][i]).isCloseTo(values[i], within(1e-12));
      assertThat(band[1][i]).as("band lower at %s", s[i]).isCloseTo(values[i] - Z90 * se, within(1e-10));
      assertThat(band[2][i]).as("band upper at %s", s[i]).isCloseTo(values[i] + Z90 * se, within(1e-10));
    }
  }

  @Test
  void aQuadraticFormByHand() {
    // g = (1, 2), C = [[2, 1], [1, 3]]: 2 + 2 * 2 * 1 + 4 * 3 = 18
    assertThat(org.channelrisk.internal.QuadraticForm.of(new double[] {1, 2}, new double[][] {{2, 1}, {1, 3}})).isEqualTo(18);
    // an asymmetric C shows that both off-diagonal entries are read: 1*2*1 + 1*0.5*2 + 2*1*1 + 2*3*2 = 17
    assertThat(org.channelrisk.internal.QuadraticForm.of(new double[] {1, 2}, new double[][] {{2, 0.5}, {1, 3}})).isEqualTo(17);
  }
}
