package org.channelrisk.recovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Data-driven starting values for the recovery models: a the mean of the last fifth of the points, b
 * the first value after t0, k from the time to half-recovery (ln 2 / that time; 3 / span when the
 * series never gets half-way), and for three-parameter models also k x 3 and k / 3, so that a fit
 * that would stall from one start is tried from two others. The constant model starts from the mean,
 * the linear one from the ordinary least-squares line.
 */
final class StartValues {
  private StartValues() {}

  /**
   * @param m the model
   * @param s times since the takedown
   * @param y values
   * @return starting points, the data-driven one first
   */
  static List<double[]> of(RecoveryModel m, double[] s, double[] y) {
    int n = s.length;
    if (m == RecoveryModel.CONSTANT) {
      return List.of(new double[] {Arrays.stream(y).average().orElse(0)});
    }
    if (m == RecoveryModel.LINEAR) {
      double mean = Arrays.stream(y).average().orElse(0);
      double ms = Arrays.stream(s).average().orElse(0);
      double sxy = 0;
      double sxx = 0;
      for (int i = 0; i < n; i++) {
        sxy += (s[i] - ms) * (y[i] - mean);
        sxx += (s[i] - ms) * (s[i] - ms);
      }
      double slope = sxx > 0 ? sxy / sxx : 0;
      return List.of(new double[] {mean - slope * ms, slope});
    }
    int tail = Math.max(1, Math.min(n - 1, Math.max(3, n / 5)));
    double a = 0;
    for (int i = n - tail; i < n; i++) {
      a += y[i] / tail;
    }
    double b = y[0];
    double scale = Math.max(Math.abs(a), Math.abs(b));
    double tiny = Math.max(1e-6 * scale, 1e-9);
    if (m != RecoveryModel.EXPONENTIAL) {
      b = Math.max(b, tiny);
      a = Math.max(a, b * (1 + 1e-3) + tiny);
    }
    if (a == b) {
      a = b + tiny;
    }
    double half = b + 0.5 * (a - b);
    double sHalf = Double.NaN;
    for (int i = 1; i < n; i++) {
      if ((a > b && y[i] >= half) || (a < b && y[i] <= half)) {
        sHalf = s[i];
        break;
      }
    }
    double span = s[n - 1] - s[0];
    double k = Double.isNaN(sHalf) || sHalf <= 0 ? 3 / Math.max(span, 1e-12) : Math.log(2) / sHalf;
    List<double[]> out = new ArrayList<>();
    for (double f : new double[] {1, 3, 1.0 / 3}) {
      out.add(new double[] {a, b, k * f});
    }
    return out;
  }
}
