package org.channelrisk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.channelrisk.calibrate.Parameter;
import org.channelrisk.calibrate.Population;
import org.channelrisk.charts.Axis;
import org.channelrisk.charts.Figure;
import org.channelrisk.charts.LineStyle;
import org.channelrisk.charts.Palette;
import org.channelrisk.charts.Panel;

/**
 * The marginal posterior densities of a calibration, one panel per parameter, the prior dashed. The
 * density is a weighted Gaussian kernel estimate with Silverman's bandwidth 1.06 sd ESS^(-1/5).
 */
final class PosteriorChart {
  private PosteriorChart() {}

  static Panel panel(Parameter p, Population pop, int k) {
    double[] x = pop.column(k);
    double[] w = pop.weights();
    double mean = 0;
    for (int i = 0; i < x.length; i++) {
      mean += w[i] * x[i];
    }
    double var = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      var += w[i] * (x[i] - mean) * (x[i] - mean);
      min = Math.min(min, x[i]);
      max = Math.max(max, x[i]);
    }
    double h = Math.max(1.06 * Math.sqrt(var) * Math.pow(pop.ess(), -0.2), 1e-9 * Math.max(1, Math.abs(mean)));
    double lo = Math.max(p.prior().lower(), Math.min(min - 3 * h, p.prior().quantile(0.005)));
    double hi = Math.min(p.prior().upper(), Math.max(max + 3 * h, p.prior().quantile(0.995)));
    int n = 200;
    double[] gx = new double[n];
    double[] post = new double[n];
    double[] prior = new double[n];
    for (int j = 0; j < n; j++) {
      gx[j] = lo + (hi - lo) * j / (n - 1);
      double d = 0;
      for (int i = 0; i < x.length; i++) {
        double z = (gx[j] - x[i]) / h;
        d += w[i] * Math.exp(-0.5 * z * z);
      }
      post[j] = d / (h * Math.sqrt(2 * Math.PI));
      prior[j] = p.prior().density(gx[j]);
    }
    return Panel.builder().title(p.name()).x(Axis.numbers(p.name())).y(Axis.numbers("density").fromZero())
        .line("posterior", gx, post, Palette.BLUE, LineStyle.SOLID)
        .line("prior " + p.prior(), gx, prior, Palette.INK, LineStyle.DASHED)
        .build();
  }

  /**
   * Writes the panels stacked in one PNG, atomically.
   *
   * @param parameters the parameters
   * @param pop the population
   * @param file the PNG
   * @throws IOException if writing fails
   */
  static void save(List<Parameter> parameters, Population pop, Path file) throws IOException {
    Figure.Builder f = Figure.builder("Posterior densities (prior dashed)").columns(1)
        .size(Figure.DEFAULT_WIDTH, 320 * parameters.size());
    for (int k = 0; k < parameters.size(); k++) {
      f.panel(panel(parameters.get(k), pop, k));
    }
    f.build().save(file);
  }
}
