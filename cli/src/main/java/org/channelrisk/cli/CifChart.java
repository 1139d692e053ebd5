package org.channelrisk.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.channelrisk.io.AtomicFiles;
import org.channelrisk.survival.CumulativeIncidence;
import org.channelrisk.survival.CumulativeIncidenceFit;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The stacked cumulative-incidence chart of {@code survival cif --chart}: for each group, the
 * cumulative incidence of each cause stacked on the previous ones, so that a band's thickness at t is
 * the probability of having ended by that cause by t and the top of the stack is the probability of
 * having ended by any cause (1 - Kaplan-Meier of all ends, without truncation). Groups are drawn side
 * by side in one PNG.
 *
 * <pre>{@code
 * List<XYChart> charts = CifChart.charts(AalenJohansen.estimate(data), "days");
 * CifChart.savePng(charts, Path.of("why-channels-end.png"));
 * }</pre>
 */
final class CifChart {
  static final Color[] PALETTE = {new Color(200, 60, 40), new Color(230, 150, 30), new Color(90, 90, 160),
    new Color(40, 140, 110), new Color(150, 80, 150), new Color(120, 120, 120)};

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private CifChart() {}

  /**
   * The stacked layers as step functions: x the corner points (two per row, from time 0), and for
   * layer k (0-based) the sum of the incidences of causes 0..k at each corner.
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
   * One chart per curve set (group, or the pooled curves).
   *
   * @param fit the fit
   * @param timeUnit unit of the time axis
   * @return the charts
   */
  static List<XYChart> charts(CumulativeIncidenceFit fit, String timeUnit) {
    List<CumulativeIncidence> curves = fit.curves();
    double end = 0;
    for (CumulativeIncidence c : curves) {
      end = c.size() == 0 ? end : Math.max(end, c.time(c.size() - 1));
    }
    double xMax = end; // one time axis for all groups, so that the panels compare at a glance
    return curves.stream().map(c -> {
      XYChart chart = chart(c, fit.groups().isEmpty() ? "all" : c.label(), timeUnit);
      if (xMax > 0) {
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(xMax);
      }
      return chart;
    }).toList();
  }

  static XYChart chart(CumulativeIncidence c, String title, String timeUnit) {
    XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
        .title(String.format(Locale.ROOT, "Why channels end: %s (n = %d)", title, c.records()))
        .xAxisTitle("time (" + timeUnit + ")").yAxisTitle("cumulative incidence (stacked)").build();
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS).setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
    Layers l = layers(c);
    double[] zero = new double[l.x().length];
    for (int q = 0; q < l.layers().length; q++) {
      double[] lo = q == 0 ? zero : l.layers()[q - 1];
      Color col = PALETTE[q % PALETTE.length];
      Charts.band(chart, c.causes().get(q), l.x(), lo, l.layers()[q], new Color(col.getRed(), col.getGreen(), col.getBlue(), 170));
    }
    if (l.x().length > 1) {
      XYSeries top = chart.addSeries("any end (1 - S)", l.x(), l.layers()[l.layers().length - 1]);
      top.setMarker(SeriesMarkers.NONE);
      top.setLineColor(Color.BLACK);
      top.setLineStyle(new java.awt.BasicStroke(1.5f));
    }
    return chart;
  }

  /**
   * Writes the charts side by side as one PNG, atomically.
   *
   * @param charts the charts
   * @param file a .png target
   * @throws IOException if writing fails
   */
  static void savePng(List<XYChart> charts, Path file) throws IOException {
    int w = Charts.WIDTH;
    int h = Charts.HEIGHT;
    BufferedImage img = new BufferedImage(w * charts.size(), h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    for (int i = 0; i < charts.size(); i++) {
      g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), i * w, 0, null);
    }
    g.dispose();
    AtomicFiles.writeBytes(file, out -> ImageIO.write(img, "png", out));
  }
}
