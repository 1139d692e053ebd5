package org.channelrisk.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.channelrisk.io.AtomicFiles;
import org.channelrisk.recovery.Metric;
import org.channelrisk.recovery.RecoveryResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of the library's results as XChart objects, for notebooks and for the command line's
 * {@code --chart} options; {@link #savePng} writes one atomically.
 *
 * <pre>{@code
 * XYChart c = Charts.recovery(result, t, y, "active channels");
 * Charts.savePng(c, Path.of("recovery.png"));
 * }</pre>
 *
 * <p>Rendering is headless: no display is needed.
 */
public final class Charts {
  /** Default width in pixels. */
  public static final int WIDTH = 800;
  /** Default height in pixels. */
  public static final int HEIGHT = 500;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /**
   * The data, the fitted recovery curve with its band (a filled area), the takedown, the baseline,
   * and T50 / T90 where they are finite.
   *
   * @param r the analysis result
   * @param t the series' times
   * @param y the series' values
   * @param what the quantity, for the y axis (e.g. "active channels")
   * @return the chart
   */
  public static XYChart recovery(RecoveryResult r, double[] t, double[] y, String what) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Recovery after the takedown: " + r.model().id() + " model")
        .xAxisTitle("time (days)").yAxisTitle(what).build();
    chart.getStyler().setMarkerSize(4);
    double[] bt = r.bandTimes();
    int n = bt.length;
    if (n > 0 && Double.isFinite(r.band()[1][0])) {
      band(chart, "band (" + r.intervalMethod().split(",")[0] + ")", bt, r.band()[1], r.band()[2], new Color(70, 130, 180, 70));
    }
    XYSeries data = chart.addSeries("data", t, y);
    data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    data.setMarkerColor(new Color(60, 60, 60));
    data.setMarker(SeriesMarkers.CIRCLE);
    if (n > 0) {
      XYSeries curve = chart.addSeries("fitted " + r.model().id(), bt, r.band()[0]);
      curve.setMarker(SeriesMarkers.NONE);
      curve.setLineColor(new Color(30, 90, 160));
      curve.setLineStyle(new BasicStroke(2.5f));
    }
    double lo = Arrays.stream(y).min().orElse(0);
    double hi = Arrays.stream(y).max().orElse(1);
    vertical(chart, "takedown t0", r.t0(), lo, hi, new Color(200, 40, 40));
    if (Double.isFinite(r.baseline()) && t.length > 0) {
      XYSeries base = chart.addSeries("baseline", new double[] {t[0], t[t.length - 1]}, new double[] {r.baseline(), r.baseline()});
      base.setMarker(SeriesMarkers.NONE);
      base.setLineColor(new Color(120, 120, 120));
      base.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
    for (Metric m : new Metric[] {Metric.T50, Metric.T90}) {
      double v = r.metric(m).value();
      if (Double.isFinite(v)) {
        vertical(chart, m.key().toUpperCase(java.util.Locale.ROOT) + " = " + String.format(java.util.Locale.ROOT, "%.1f", v) + " d",
            r.t0() + v, lo, hi, m == Metric.T50 ? new Color(230, 140, 20) : new Color(40, 150, 60));
      }
    }
    return chart;
  }

  /**
   * An ensemble fan chart: the median, the 50% band (25-75%) and the 90% band (5-95%) as filled areas.
   *
   * @param s the ensemble summary
   * @param o the observable
   * @param what its name for the axis
   * @return the chart
   */
  public static XYChart fan(org.channelrisk.sim.EnsembleSummary s, org.channelrisk.sim.Observable o, String what) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(what + ": " + s.replicates() + " replicates").xAxisTitle("time (days)").yAxisTitle(what).build();
    double[] t = s.times();
    band(chart, "90% band", t, s.quantile(o, 0.05), s.quantile(o, 0.95), new Color(70, 130, 180, 60));
    band(chart, "50% band", t, s.quantile(o, 0.25), s.quantile(o, 0.75), new Color(70, 130, 180, 120));
    XYSeries median = chart.addSeries("median", t, s.quantile(o, 0.5));
    median.setMarker(SeriesMarkers.NONE);
    median.setLineColor(new Color(20, 60, 120));
    median.setLineStyle(new BasicStroke(2.5f));
    return chart;
  }

  static void band(XYChart chart, String name, double[] x, double[] lo, double[] hi, Color fill) {
    int n = x.length;
    double[] px = new double[2 * n];
    double[] py = new double[2 * n];
    for (int i = 0; i < n; i++) {
      px[i] = x[i];
      py[i] = hi[i];
      px[2 * n - 1 - i] = x[i];
      py[2 * n - 1 - i] = lo[i];
    }
    XYSeries band = chart.addSeries(name, px, py);
    band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    band.setFillColor(fill);
    band.setLineColor(new Color(0, 0, 0, 0));
    band.setMarker(SeriesMarkers.NONE);
  }

  private static void vertical(XYChart chart, String name, double x, double lo, double hi, Color color) {
    XYSeries s = chart.addSeries(name, new double[] {x, x}, new double[] {lo, hi});
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
  }

  /**
   * Writes a chart as PNG, atomically.
   *
   * @param chart the chart
   * @param file the target
   * @throws IOException if writing fails
   */
  public static void savePng(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) throws IOException {
    byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    AtomicFiles.writeBytes(file, out -> out.write(png));
  }
}
