package org.channelrisk.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.channelrisk.survival.CumulativeIncidence;
import org.channelrisk.survival.CumulativeIncidenceFit;

/**
 * Why channels end, as a picture: for each group, the cumulative incidence of each cause stacked on
 * the previous ones (step functions), so that a band's thickness at t is the probability of having
 * ended by that cause by t, and the top of the stack is the probability of having ended by any cause
 * (1 - Kaplan-Meier of all ends, without truncation). Groups are small multiples on one time axis, so
 * that they compare at a glance.
 *
 * <pre>{@code
 * CumulativeIncidenceFit fit = AalenJohansen.estimate(data);
 * CumulativeIncidenceChart.figure(fit, "days").save(Path.of("why-channels-end.svg"));
 * }</pre>
 */
public final class CumulativeIncidenceChart {
  private CumulativeIncidenceChart() {}

  /**
   * The stacked layers as step functions: x the corner points (two per distinct time, from time 0),
   * and for layer k (0-based) the sum of the incidences of causes 0..k at each corner.
   *
   * @param x the corners' times
   * @param layers {@code layers[k][i]}: incidence of causes 0..k at corner i
   */
  record Layers(double[] x, double[][] layers) {}

  static Layers layers(CumulativeIncidence c) {
    int m = c.size();
    int k = c.causes().size();
    double[] x = new double[2 * m + 1];
    double[][] y = new double[k][2 * m + 1];
    double[] prev = new double[k];
    for (int i = 0; i < m; i++) {
      x[2 * i + 1] = c.time(i);
      x[2 * i + 2] = c.time(i);
      double sum = 0;
      for (int q = 0; q < k; q++) {
        y[q][2 * i + 1] = prev[q];
        sum += c.cif(q, i);
        y[q][2 * i + 2] = sum;
        prev[q] = sum;
      }
    }
    return new Layers(x, y);
  }

  /**
   * @param fit the cumulative incidence per cause, pooled or per group
   * @param timeUnit unit of the time axis, e.g. "days"
   * @return the figure, one panel per group
   */
  public static Figure figure(CumulativeIncidenceFit fit, String timeUnit) {
    List<CumulativeIncidence> curves = fit.curves();
    Figure.Builder f = Figure.builder("Why channels end: cumulative incidence by cause, stacked")
        .subtitle("each band's thickness is the probability of having ended by that cause; the top is 1 - S(t) of all ends")
        .columns(Math.min(curves.size(), 3));
    for (CumulativeIncidence c : curves) {
      Layers l = layers(c);
      List<double[]> perCause = new ArrayList<>();
      for (int q = 0; q < l.layers().length; q++) {
        double[] own = l.layers()[q].clone();
        if (q > 0) {
          for (int i = 0; i < own.length; i++) {
            own[i] -= l.layers()[q - 1][i]; // the stack adds the causes up again
          }
        }
        perCause.add(own);
      }
      String title = String.format(Locale.ROOT, "%s (n = %d)", fit.groups().isEmpty() ? "all channels" : c.label(), c.records());
      f.panel(Panel.builder().title(title).x(Axis.numbers("time (" + timeUnit + ")"))
          .y(Axis.percent("ended, by cause").range(0, 1)).stacked(l.x(), c.causes(), perCause).build());
    }
    return f.build();
  }
}
