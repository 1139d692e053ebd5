package org.channelrisk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.channelrisk.fit.Model;
import org.junit.jupiter.api.Test;

/**
 * The curves' times to a level, loss areas and gradients against closed forms worked out by hand
 * (and, for the Gompertz loss area, the exponential integral Ei summed from its series in the test).
 */
class RecoveryModelClosedFormTest {
  private static final double[] P = {100, 20, 0.1};
  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void timesToALevel() {
    // exponential: a - (a - b) e^{-ks} = L  =>  s = -ln((a - L) / (a - b)) / k; L = 60: ln 2 / 0.1
    assertThat(RecoveryModel.EXPONENTIAL.timeToLevel(60, P)).isCloseTo(Math.log(2) / 0.1, within(1e-12));
    // logistic: a / (1 + c e^{-ks}) = L, c = (a - b) / b = 4  =>  s = ln(c / (a / L - 1)) / k;
    // L = 50: ln 4 / 0.1; L = 80: ln(4 / 0.25) / 0.1 = ln 16 / 0.1
    assertThat(RecoveryModel.LOGISTIC.timeToLevel(50, P)).isCloseTo(Math.log(4) / 0.1, within(1e-12));
    assertThat(RecoveryModel.LOGISTIC.timeToLevel(80, P)).isCloseTo(Math.log(16) / 0.1, within(1e-12));
    // Gompertz: a exp(ln(b / a) e^{-ks}) = L  =>  e^{-ks} = ln(L / a) / ln(b / a); L = 50:
    // s = -ln(ln 0.5 / ln 0.2) / 0.1
    assertThat(RecoveryModel.GOMPERTZ.timeToLevel(50, P)).isCloseTo(-Math.log(Math.log(0.5) / Math.log(0.2)) / 0.1, within(1e-12));
    // linear b + k s = L  =>  s = (L - b) / k = (20 - 10) / 2
    assertThat(RecoveryModel.LINEAR.timeToLevel(20, new double[] {10, 2})).isEqualTo(5);
    assertThat(RecoveryModel.LINEAR.timeToLevel(20, new double[] {10, 0})).isEqualTo(INF);
    assertThat(RecoveryModel.LINEAR.timeToLevel(20, new double[] {10, -1})).isEqualTo(INF);
    assertThat(RecoveryModel.CONSTANT.timeToLevel(20, new double[] {10})).isEqualTo(INF);
  }

  @Test
  void aCurveAtOrAboveTheLevelHasReachedItAtOnce() {
    for (RecoveryModel m : new RecoveryModel[] {RecoveryModel.EXPONENTIAL, RecoveryModel.LOGISTIC, RecoveryModel.GOMPERTZ}) {
      assertThat(m.timeToLevel(20, P)).as("%s at its start", m).isEqualTo(0);
      assertThat(m.timeToLevel(5, P)).as("%s below its start", m).isEqualTo(0);
    }
    // a constant curve exactly at the level has reached it; just above it, never
    assertThat(RecoveryModel.CONSTANT.timeToLevel(10, new double[] {10})).isEqualTo(0);
    assertThat(RecoveryModel.LINEAR.timeToLevel(10, new double[] {10, -1})).isEqualTo(0);
  }

  @Test
  void aLevelAtOrAboveThePlateauOrAFallingCurveIsNeverReached() {
    for (RecoveryModel m : new RecoveryModel[] {RecoveryModel.EXPONENTIAL, RecoveryModel.LOGISTIC, RecoveryModel.GOMPERTZ}) {
      assertThat(m.timeToLevel(100, P)).as("%s at the plateau", m).isEqualTo(INF);
      assertThat(m.timeToLevel(150, P)).as("%s above the plateau", m).isEqualTo(INF);
      assertThat(m.timeToLevel(60, new double[] {100, 20, 0})).as("%s with k = 0", m).isEqualTo(INF);
      assertThat(m.timeToLevel(60, new double[] {100, 20, -0.1})).as("%s with k < 0", m).isEqualTo(INF);
    }
    // logistic and Gompertz need a positive level: from b = -20 the level 0 is never reached
    assertThat(RecoveryModel.LOGISTIC.timeToLevel(0, new double[] {100, -20, 0.1})).isEqualTo(INF);
    assertThat(RecoveryModel.GOMPERTZ.timeToLevel(0, new double[] {100, -20, 0.1})).isEqualTo(INF);
    assertThat(RecoveryModel.LOGISTIC.timeToLevel(-10, new double[] {100, -20, 0.1})).isEqualTo(INF);
  }

  @Test
  void lossAreasInClosedForm() {
    // exponential: int_0^H (L - a + (a - b) e^{-ks}) ds = (L - a) H + (a - b)(1 - e^{-kH}) / k;
    // L = 120, H = 10: 200 + 800 (1 - e^{-1})
    assertThat(RecoveryModel.EXPONENTIAL.lossArea(120, P, 10)).isCloseTo(200 + 800 * (1 - Math.exp(-1)), within(1e-10));
    // L = a: the flat part is 0 and the infinite horizon gives (a - b) / k = 800
    assertThat(RecoveryModel.EXPONENTIAL.lossArea(100, P, INF)).isCloseTo(800, within(1e-10));
    assertThat(RecoveryModel.EXPONENTIAL.lossArea(120, P, INF)).isEqualTo(INF);
    assertThat(RecoveryModel.EXPONENTIAL.lossArea(120, P, 0)).isEqualTo(0);
    // constant (L - a) H = (120 - 60) * 10; linear (L - b) H - k H^2 / 2 = 110 * 10 - 2 * 100 / 2
    assertThat(RecoveryModel.CONSTANT.lossArea(120, new double[] {60}, 10)).isEqualTo(600);
    assertThat(RecoveryModel.LINEAR.lossArea(120, new double[] {10, 2}, 10)).isEqualTo(1000);
    assertThat(RecoveryModel.LINEAR.lossArea(120, new double[] {10, 2}, 0)).isEqualTo(0);
  }

  /** int_0^H a / (1 + c e^{-ks}) ds = a (H + (ln(1 + c e^{-kH}) - ln(1 + c)) / k). */
  static double logisticIntegral(double a, double b, double k, double h) {
    double c = (a - b) / b;
    return a * (h + (Math.log1p(c * Math.exp(-k * h)) - Math.log1p(c)) / k);
  }

  /** Ei(x) = gamma + ln|x| + sum x^n / (n n!), for moderate |x|. */
  static double ei(double x) {
    double sum = 0;
    double term = 1;
    for (int n = 1; n < 200; n++) {
      term *= x / n;
      sum += term / n;
    }
    return 0.5772156649015329 + Math.log(Math.abs(x)) + sum;
  }

  /** int_0^H a exp(l e^{-ks}) ds, l = ln(b / a): with u = l e^{-ks}, (a / k)(Ei(l) - Ei(l e^{-kH})). */
  static double gompertzIntegral(double a, double b, double k, double h) {
    double l = Math.log(b / a);
    return a / k * (ei(l) - ei(l * Math.exp(-k * h)));
  }

  @Test
  void logisticAndGompertzLossAreasEqualTheirIntegrals() {
    for (double[] p : new double[][] {P, {500, 50, 0.3}, {1000, 900, 0.02}}) {
      for (double h : new double[] {0.5, 10, 37.5, 400}) {
        double logistic = 120 * h - logisticIntegral(p[0], p[1], p[2], h);
        double gompertz = 120 * h - gompertzIntegral(p[0], p[1], p[2], h);
        assertThat(RecoveryModel.LOGISTIC.lossArea(120, p, h)).as("logistic %s H %s", p[0], h)
            .isCloseTo(logistic, within(1e-9 * Math.max(1, Math.abs(logistic))));
        assertThat(RecoveryModel.GOMPERTZ.lossArea(120, p, h)).as("Gompertz %s H %s", p[0], h)
            .isCloseTo(gompertz, within(1e-9 * Math.max(1, Math.abs(gompertz))));
      }
    }
    // an infinite horizon at the plateau: the area converges; the logistic's is a ln(1 + c) / k =
    // 100 ln 5 / 0.1 (the quadrature stops at k s = 50, where what is left is below 1e-18; 4-point rules on pieces of unit k s are exact to about 1e-8 relative); the
    // Gompertz one is its integral up to s = 50 / k = 500; above the plateau it is infinite
    assertThat(RecoveryModel.LOGISTIC.lossArea(100, P, INF)).isCloseTo(1000 * Math.log(5), within(1e-9 * 1610));
    assertThat(RecoveryModel.GOMPERTZ.lossArea(100, P, INF))
        .isCloseTo(500 * 100 - gompertzIntegral(100, 20, 0.1, 500), within(1e-8 * 1140));
    assertThat(RecoveryModel.LOGISTIC.lossArea(120, P, INF)).isEqualTo(INF);
    assertThat(RecoveryModel.GOMPERTZ.lossArea(120, P, 0)).isEqualTo(0);
  }

  @Test
  void gradientsEqualCentralDifferencesOfTheValue() {
    double[][] params = {P, {500, 50, 0.3}, {1000, 900, 0.02}, {50, 80, 0.2}};
    for (RecoveryModel m : RecoveryModel.values()) {
      for (double[] full : params) {
        double[] p = java.util.Arrays.copyOf(full, m.parameters());
        for (double s : new double[] {0, 0.7, 5, 30}) {
          double[] g = new double[p.length];
          m.gradient(s, p, g);
          for (int j = 0; j < p.length; j++) {
            double h = 1e-6 * Math.abs(p[j]);
            double[] up = p.clone();
            double[] down = p.clone();
            up[j] += h;
            down[j] -= h;
            double numeric = (m.value(s, up) - m.value(s, down)) / (2 * h);
            assertThat(g[j]).as("%s d/d%s at s = %s, p = %s", m, m.names().get(j), s, java.util.Arrays.toString(p))
                .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
          }
        }
      }
    }
  }

  @Test
  void valuesOfTheCurves() {
    // at s = 10, e^{-ks} = e^{-1}
    double e = Math.exp(-1);
    assertThat(RecoveryModel.EXPONENTIAL.value(10, P)).isCloseTo(100 - 80 * e, within(1e-12));
    assertThat(RecoveryModel.LOGISTIC.value(10, P)).isCloseTo(100 / (1 + 4 * e), within(1e-12));
    assertThat(RecoveryModel.GOMPERTZ.value(10, P)).isCloseTo(100 * Math.exp(Math.log(0.2) * e), within(1e-12));
    assertThat(RecoveryModel.CONSTANT.value(10, new double[] {7})).isEqualTo(7);
    assertThat(RecoveryModel.LINEAR.value(10, new double[] {7, 2})).isEqualTo(27);
  }

  @Test
  void namesIdsAndTheFitModel() {
    assertThat(RecoveryModel.EXPONENTIAL.names()).containsExactly("a", "b", "k");
    assertThat(RecoveryModel.LINEAR.names()).containsExactly("b", "k");
    assertThat(RecoveryModel.CONSTANT.names()).containsExactly("a");
    assertThat(RecoveryModel.GOMPERTZ.hasPlateau()).isTrue();
    assertThat(RecoveryModel.LINEAR.hasPlateau()).isFalse();
    assertThat(RecoveryModel.CONSTANT.hasPlateau()).isFalse();
    assertThat(RecoveryModel.parse(" Logistic ")).isEqualTo(RecoveryModel.LOGISTIC);
    assertThat(RecoveryModel.parse("LINEAR")).isEqualTo(RecoveryModel.LINEAR);
    assertThat(RecoveryModel.GOMPERTZ.id()).isEqualTo("gompertz");
    assertThatThrownBy(() -> RecoveryModel.parse("power"))
        .hasMessage("model must be exponential, logistic, gompertz, constant or linear: 'power'");
    Model fm = RecoveryModel.EXPONENTIAL.asFitModel();
    assertThat(fm.parameters()).isEqualTo(3);
    assertThat(fm.names()).isEqualTo(List.of("a", "b", "k"));
    assertThat(fm.value(new double[] {10}, P)).isCloseTo(100 - 80 * Math.exp(-1), within(1e-12));
    double[] g = new double[3];
    fm.gradient(new double[] {10}, P, g);
    // (1 - e^{-ks}, e^{-ks}, (a - b) s e^{-ks}) at s = 10
    assertThat(g).containsExactly(new double[] {1 - Math.exp(-1), Math.exp(-1), 800 * Math.exp(-1)}, within(1e-12));
  }

  @Test
  void linearPlateauIsInfiniteUnlessTheLineIsLevel() {
    // the linear null model has no plateau: its recovery ratio is +inf rising, -inf falling, b / B0 level
    assertThat(Metric.evaluate(RecoveryModel.LINEAR, new double[] {50, 2}, 100, 10)[Metric.RECOVERY_RATIO.ordinal()]).isEqualTo(INF);
    assertThat(Metric.evaluate(RecoveryModel.LINEAR, new double[] {50, -2}, 100, 10)[Metric.RECOVERY_RATIO.ordinal()])
        .isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Metric.evaluate(RecoveryModel.LINEAR, new double[] {50, 0}, 100, 10)[Metric.RECOVERY_RATIO.ordinal()]).isEqualTo(0.5);
    // T50 of b + k s: (75 - 50) / 2
    assertThat(Metric.evaluate(RecoveryModel.LINEAR, new double[] {50, 2}, 100, 10)[Metric.T50.ordinal()]).isEqualTo(12.5);
    assertThat(Metric.T90.key()).isEqualTo("t90");
  }
}
