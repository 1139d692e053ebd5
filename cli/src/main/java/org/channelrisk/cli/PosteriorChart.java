package org.channelrisk.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.channelrisk.calibrate.Parameter;
import org.channelrisk.calibrate.Population;
import org.channelrisk.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The marginal posterior densities of a calibration, one panel per parameter, the prior dashed. The
 * density is a weighted Gaussian kernel estimate with Silverman's bandwidth 1.06 sd ESS^(-1/5).
 */
final class PosteriorChart {
  private static final int PANEL_WIDTH = 700;
  private static final int PANEL_HEIGHT = 320;

  private PosteriorChart() {}

  static XYChart panel(Parameter p, Population pop, int k) {
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
    XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(p.name()).xAxisTitle(p.name()).yAxisTitle("density")
        .build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    XYSeries s = chart.addSeries("posterior", gx, post);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(new Color(0x1F, 0x77, 0xB4));
    XYSeries pr = chart.addSeries("prior " + p.prior(), gx, prior);
    pr.setMarker(SeriesMarkers.NONE);
    pr.setLineColor(Color.GRAY);
    pr.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    return chart;
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
    BufferedImage all = new BufferedImage(PANEL_WIDTH, PANEL_HEIGHT * parameters.size(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = all.createGraphics();
    try {
      for (int k = 0; k < parameters.size(); k++) {
        g.drawImage(BitmapEncoder.getBufferedImage(panel(parameters.get(k), pop, k)), 0, k * PANEL_HEIGHT, null);
      }
    } finally {
      g.dispose();
    }
    AtomicFiles.writeBytes(file, out -> ImageIO.write(all, "png", out));
  }
}
