package org.channelrisk.recovery;

import java.util.ArrayList;
import java.util.List;
import org.channelrisk.stats.SampleQuantiles;

/**
 * The part of a series a recovery fit uses: the baseline B0 (median of the points before the
 * takedown, or of those within a window before it), and the points from the fit's origin on, as times
 * since that origin. The origin is the takedown, or with {@code fromTrough} the lowest point at or
 * after it (the first of equally low ones), while the baseline stays the one before the takedown.
 *
 * @param takedown the takedown time
 * @param origin the fit's origin t0 (the takedown, or the trough)
 * @param fromTrough whether the origin is the trough
 * @param pre the points before the takedown that make the baseline
 * @param baseline their median, NaN when there is none
 * @param first index in the series of the first point fitted
 * @param s times since the origin of the points fitted
 * @param y their values
 */
record RecoveryWindow(double takedown, double origin, boolean fromTrough, double[] pre, double baseline, int first, double[] s,
    double[] y) {

  static RecoveryWindow of(double[] t, double[] y, double takedown, double baselineWindow, boolean fromTrough) {
    if (takedown > t[t.length - 1]) {
      throw new IllegalArgumentException("the takedown time " + takedown + " is after the last point of the series, t = " + t[t.length - 1]);
    }
    List<Double> pre = new ArrayList<>();
    int first = 0;
    while (first < t.length && t[first] < takedown) {
      if (Double.isNaN(baselineWindow) || t[first] >= takedown - baselineWindow) {
        pre.add(y[first]);
      }
      first++;
    }
    double[] preValues = pre.stream().mapToDouble(Double::doubleValue).toArray();
    double origin = takedown;
    if (fromTrough && first < t.length) {
      int low = first;
      for (int i = first + 1; i < t.length; i++) {
        if (y[i] < y[low]) {
          low = i;
        }
      }
      first = low;
      origin = t[low];
    }
    int n = t.length - first;
    double[] s = new double[n];
    double[] yy = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = t[first + i] - origin;
      yy[i] = y[first + i];
    }
    return new RecoveryWindow(takedown, origin, fromTrough, preValues, SampleQuantiles.of(preValues, 0.5), first, s, yy);
  }

  /** @return how the baseline was found, for the result's reader */
  String baselineRule(double baselineWindow) {
    String before = fromTrough ? "the takedown at " + fmtTime(takedown) : "t0";
    String rule = pre.length == 0 ? "no point before " + before + ": not available"
        : "median of " + pre.length + " points before " + before + (Double.isNaN(baselineWindow) ? "" : " within " + baselineWindow);
    return fromTrough ? rule + "; t0 is the trough, the lowest point after the takedown" : rule;
  }

  private static String fmtTime(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }
}
