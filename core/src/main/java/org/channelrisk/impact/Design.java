package org.channelrisk.impact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The regressors of an intervention model, column-major over the rows in use: {@code intercept},
 * {@code time} (the time value t), {@code level_change} D_t = 1{t >= T}, {@code slope_change}
 * (t - T) D_t (time since the intervention, not since the series' start), then the controls, then
 * Fourier terms {@code sin1, cos1, ..., sinK, cosK} = sin / cos(2 pi k t / P). The counterfactual
 * design is the same with D = 0. Structural models use only the controls and the Fourier terms.
 */
final class Design {
  static final int LEVEL_CHANGE = 2;
  static final int SLOPE_CHANGE = 3;

  final List<String> names;
  /** columns[j][i], i over the rows given. */
  final double[][] columns;
  /** The same with the intervention's two columns set to 0 (only when {@link #its}). */
  final double[][] counterfactual;
  final boolean its;

  private Design(List<String> names, double[][] columns, double[][] counterfactual, boolean its) {
    this.names = names;
    this.columns = columns;
    this.counterfactual = counterfactual;
    this.its = its;
  }

  static Design of(boolean its, double[] t, double intervention, LinkedHashMap<String, double[]> controls,
      double period, int harmonics) {
    int n = t.length;
    List<String> names = new ArrayList<>();
    List<double[]> cols = new ArrayList<>();
    if (its) {
      double[] one = new double[n];
      double[] time = new double[n];
      double[] d = new double[n];
      double[] since = new double[n];
      for (int i = 0; i < n; i++) {
        one[i] = 1;
        time[i] = t[i];
        d[i] = t[i] >= intervention ? 1 : 0;
        since[i] = d[i] * (t[i] - intervention);
      }
      names.addAll(List.of("intercept", "time", "level_change", "slope_change"));
      cols.addAll(List.of(one, time, d, since));
    }
    for (Map.Entry<String, double[]> e : controls.entrySet()) {
      names.add(e.getKey());
      cols.add(e.getValue().clone());
    }
    for (int k = 1; k <= harmonics; k++) {
      double[] s = new double[n];
      double[] c = new double[n];
      for (int i = 0; i < n; i++) {
        double w = 2 * Math.PI * k * t[i] / period;
        s[i] = Math.sin(w);
        c[i] = Math.cos(w);
      }
      names.add("sin" + k);
      cols.add(s);
      names.add("cos" + k);
      cols.add(c);
    }
    double[][] columns = cols.toArray(new double[0][]);
    double[][] cf = columns.clone();
    if (its) {
      cf[LEVEL_CHANGE] = new double[n];
      cf[SLOPE_CHANGE] = new double[n];
    }
    return new Design(List.copyOf(names), columns, cf, its);
  }

  int k() {
    return columns.length;
  }

  int n() {
    return columns.length == 0 ? 0 : columns[0].length;
  }

  /** The rows selected by {@code keep}, in order. */
  Design rows(boolean[] keep) {
    int m = 0;
    for (boolean b : keep) {
      m += b ? 1 : 0;
    }
    return new Design(names, select(columns, keep, m), select(counterfactual, keep, m), its);
  }

  private static double[][] select(double[][] cols, boolean[] keep, int m) {
    double[][] out = new double[cols.length][m];
    for (int j = 0; j < cols.length; j++) {
      int r = 0;
      for (int i = 0; i < keep.length; i++) {
        if (keep[i]) {
          out[j][r++] = cols[j][i];
        }
      }
    }
    return out;
  }

  static double dot(double[][] cols, int row, double[] b) {
    double s = 0;
    for (int j = 0; j < cols.length; j++) {
      s += cols[j][row] * b[j];
    }
    return s;
  }
}
