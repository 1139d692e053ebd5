package org.channelrisk.charts;

import java.util.ArrayList;
import java.util.List;
import org.channelrisk.impact.ImpactResult;

/**
 * What the three panels of an intervention chart draw, computed from a result without rendering
 * (so tests can check it): panel 1 the observed series against the counterfactual and its band,
 * panel 2 the pointwise effect and its band, panel 3 the cumulative effect from T and its band; the
 * intervention time marks every panel. Bands are split into runs of consecutive available points,
 * so that a value that is not available (a diffuse start, a missing observation) leaves a gap instead
 * of a line drawn through an invented number.
 *
 * @param title the chart's title
 * @param intervention T
 * @param observed (t, y) of the observed points
 * @param counterfactual runs of (t, mean, lower, upper)
 * @param effect runs of (t, effect, lower, upper)
 * @param cumulative runs of (t, cumulative, lower, upper), from T on
 */
record ImpactChartData(String title, double intervention, double[][] observed, List<double[][]> counterfactual,
    List<double[][]> effect, List<double[][]> cumulative) {

  static ImpactChartData of(ImpactResult r, String what) {
    double[] t = r.times();
    double[] y = r.observed();
    return new ImpactChartData(
        what + ": " + r.model().id() + " model (" + r.variant() + ")",
        r.intervention(),
        points(t, y),
        runs(t, r.counterfactual(), r.counterfactualLower(), r.counterfactualUpper()),
        runs(t, r.effect(), r.effectLower(), r.effectUpper()),
        runs(t, r.cumulative(), r.cumulativeLower(), r.cumulativeUpper()));
  }

  static double[][] points(double[] t, double[] y) {
    int n = 0;
    for (double v : y) {
      n += Double.isFinite(v) ? 1 : 0;
    }
    double[][] out = new double[2][n];
    int k = 0;
    for (int i = 0; i < t.length; i++) {
      if (Double.isFinite(y[i])) {
        out[0][k] = t[i];
        out[1][k++] = y[i];
      }
    }
    return out;
  }

  /** Maximal runs of consecutive rows where the value and both limits are finite. */
  static List<double[][]> runs(double[] t, double[] v, double[] lo, double[] hi) {
    List<double[][]> out = new ArrayList<>();
    int i = 0;
    while (i < t.length) {
      if (!(Double.isFinite(v[i]) && Double.isFinite(lo[i]) && Double.isFinite(hi[i]))) {
        i++;
        continue;
      }
      int j = i;
      while (j < t.length && Double.isFinite(v[j]) && Double.isFinite(lo[j]) && Double.isFinite(hi[j])) {
        j++;
      }
      double[][] run = new double[4][j - i];
      for (int r = i; r < j; r++) {
        run[0][r - i] = t[r];
        run[1][r - i] = v[r];
        run[2][r - i] = lo[r];
        run[3][r - i] = hi[r];
      }
      out.add(run);
      i = j;
    }
    return out;
  }
}
