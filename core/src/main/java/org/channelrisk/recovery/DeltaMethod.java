package org.channelrisk.recovery;

import java.util.Map;
import org.channelrisk.fit.FitResult;
import org.channelrisk.internal.QuadraticForm;
import org.channelrisk.stats.CriticalValues;
import org.channelrisk.stats.Estimate;

/**
 * Delta-method intervals for the recovery metrics and the fitted curve (e.g. Casella and Berger 2002,
 * section 5.5.4): for a function g of the estimates, se(g) = sqrt(grad g' Cov grad g), the interval
 * g +- z se with z the normal critical value. Gradients of the metrics are central differences
 * (relative step 1e-6), the curve's gradient is analytic; the baseline is treated as known.
 */
final class DeltaMethod {
  private DeltaMethod() {}

  /** Fills the metrics (with their point values) and the band [fitted, lower, upper] at the times s. */
  static void intervals(RecoveryModel model, FitResult fit, double[] s, double baseline, double h, double confLevel, String method,
      Map<Metric, Estimate> metrics, double[][] band) {
    int n = s.length;
    double[] p = fit.estimates();
    double[] point = Metric.evaluate(model, p, baseline, h);
    double z = org.channelrisk.stats.CriticalValues.normal(confLevel);
    double[][] grads = new double[Metric.values().length][p.length];
    for (int j = 0; j < p.length; j++) {
      double step = 1e-6 * Math.max(Math.abs(p[j]), 1e-8);
      double[] up = p.clone();
      double[] down = p.clone();
      up[j] += step;
      down[j] -= step;
      double[] mu = Metric.evaluate(model, up, baseline, h);
      double[] md = Metric.evaluate(model, down, baseline, h);
      for (int m = 0; m < grads.length; m++) {
        grads[m][j] = (mu[m] - md[m]) / (2 * step);
      }
    }
    double[][] cov = fit.covariance();
    for (Metric m : Metric.values()) {
      double v = point[m.ordinal()];
      double se = m == Metric.BASELINE || !Double.isFinite(v) ? Double.NaN : Math.sqrt(QuadraticForm.of(grads[m.ordinal()], cov));
      metrics.put(m, new Estimate(v, v - z * se, v + z * se, method));
    }
    double[] g = new double[p.length];
    for (int i = 0; i < n; i++) {
      model.gradient(s[i], p, g);
      double v = model.value(s[i], p);
      double se = Math.sqrt(QuadraticForm.of(g, cov));
      band[0][i] = v;
      band[1][i] = v - z * se;
      band[2][i] = v + z * se;
    }
  }
}
