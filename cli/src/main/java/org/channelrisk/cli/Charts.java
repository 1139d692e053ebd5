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
    double[][] rb = r.band();
    int n = bt.length;
    if (n > 0 && Double.isFinite(rb[1][0])) {
      band(chart, "band (" + r.intervalMethod().split(",")[0] + ")", bt, rb[1], rb[2], new Color(70, 130, 180, 70));
    }
    XYSeries data = chart.addSeries("data", t, y);
    data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    data.setMarkerColor(new Color(60, 60, 60));
    data.setMarker(SeriesMarkers.CIRCLE);
    if (n > 0) {
      XYSeries curve = chart.addSeries("fitted " + r.model().id(), bt, rb[0]);
      curve.setMarker(SeriesMarkers.NONE);
      curve.setLineColor(new Color(30, 90, 160));
      curve.setLineStyle(new BasicStroke(2.5f));
    }
    double lo = Arrays.stream(y).min().orElse(0);
    double hi = Arrays.stream(y).max().orElse(1);
    vertical(chart, r.baselineRule().contains("trough") ? "t0 (trough)" : "takedown t0", r.t0(), lo, hi, new Color(200, 40, 40));
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
  public static XYChart fan(org.channelrisk.sim.EnsembleSummary s, org.channelrisk.sim.Observed o, String what) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(what + ": " + s.replicates() + " replicates").xAxisTitle("time (days)").yAxisTitle(what).build();
    double[] t = s.times();
    double[][] q = s.quantiles(o, 0.05, 0.25, 0.5, 0.75, 0.95);
    band(chart, "90% band", t, q[0], q[4], new Color(70, 130, 180, 60));
    band(chart, "50% band", t, q[1], q[3], new Color(70, 130, 180, 120));
    XYSeries median = chart.addSeries("median", t, q[2]);
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
   * Kaplan-Meier curves (one per group, or the pooled one), each with its confidence band as a filled
   * area and a tick at every censoring time.
   *
   * @param fit the fit
   * @param timeUnit the unit for the x axis (e.g. "days")
   * @return the chart
   */
  public static XYChart kaplanMeier(org.channelrisk.survival.KaplanMeierFit fit, String timeUnit) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Kaplan-Meier survival (" + fit.confType().rName() + " " + Math.round(fit.confLevel() * 100) + "% band)")
        .xAxisTitle("time (" + timeUnit + ")").yAxisTitle("survival probability").build();
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    Color[] palette = {new Color(30, 90, 160), new Color(200, 80, 30), new Color(40, 140, 60), new Color(140, 60, 160),
        new Color(120, 120, 120)};
    int k = 0;
    for (org.channelrisk.survival.SurvivalCurve c : fit.curves()) {
      Color color = palette[k++ % palette.length];
      int m = c.size();
      double[] x = new double[2 * m + 1];
      double[] y = new double[2 * m + 1];
      double[] lo = new double[2 * m + 1];
      double[] hi = new double[2 * m + 1];
      x[0] = 0;
      y[0] = 1;
      lo[0] = 1;
      hi[0] = 1;
      double prevS = 1;
      double prevLo = 1;
      double prevHi = 1;
      for (int i = 0; i < m; i++) {
        x[2 * i + 1] = c.time(i);
        y[2 * i + 1] = prevS;
        lo[2 * i + 1] = prevLo;
        hi[2 * i + 1] = prevHi;
        prevS = c.survival(i);
        prevLo = Double.isNaN(c.lower(i)) ? (prevS == 1 ? 1 : 0) : c.lower(i);
        prevHi = Double.isNaN(c.upper(i)) ? (prevS == 1 ? 1 : prevHi) : c.upper(i);
        x[2 * i + 2] = c.time(i);
        y[2 * i + 2] = prevS;
        lo[2 * i + 2] = prevLo;
        hi[2 * i + 2] = prevHi;
      }
      String name = fit.groups().isEmpty() ? "all" : c.label();
      band(chart, name + " band", x, lo, hi, new Color(color.getRed(), color.getGreen(), color.getBlue(), 50));
      XYSeries curve = chart.addSeries(name, x, y);
      curve.setMarker(SeriesMarkers.NONE);
      curve.setLineColor(color);
      curve.setLineStyle(new BasicStroke(2f));
      java.util.List<Double> cx = new java.util.ArrayList<>();
      java.util.List<Double> cy = new java.util.ArrayList<>();
      for (int i = 0; i < m; i++) {
        if (c.nCensor(i) > 0) {
          cx.add(c.time(i));
          cy.add(c.survival(i));
        }
      }
      if (!cx.isEmpty()) {
        XYSeries ticks = chart.addSeries(name + " censored", cx, cy);
        ticks.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        ticks.setMarker(SeriesMarkers.CROSS);
        ticks.setMarkerColor(color);
      }
    }
    return chart;
  }

  /**
   * Compliance per platform (and period) with its Wilson interval: a point and a vertical segment each.
   *
   * @param est a cooperation estimate
   * @return the chart
   */
  public static XYChart cooperation(org.channelrisk.cooperation.CooperationEstimate est) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Compliance with referrals (Wilson 95% intervals)")
        .xAxisTitle("platform").yAxisTitle("share of decided referrals removed").build();
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(0.5).setXAxisMax(est.platforms().size() + 0.5)
        .setXAxisTicksVisible(false);
    int k = 1;
    for (org.channelrisk.cooperation.PlatformCooperation p : est.platforms()) {
      String name = p.platform() + (p.period().equals("all") ? "" : " [" + p.period() + "]");
      if (p.compliance().trials() == 0) {
        k++;
        continue;
      }
      XYSeries seg = chart.addSeries(name, new double[] {k, k, k}, new double[] {p.compliance().lower(), p.compliance().estimate(),
          p.compliance().upper()});
      seg.setMarker(SeriesMarkers.DIAMOND);
      seg.setLineStyle(new BasicStroke(3f));
      k++;
    }
    return chart;
  }

  /**
   * Writes a chart as PNG or SVG (by the file's extension), atomically.
   *
   * @param chart the chart
   * @param file a .png or .svg target
   * @throws IOException if writing fails
   * @throws IllegalArgumentException for another extension
   */
  public static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".svg")) {
      AtomicFiles.writeBytes(file, out -> org.knowm.xchart.VectorGraphicsEncoder.saveVectorGraphic(chart, out,
          org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
    } else if (name.endsWith(".png")) {
      savePng(chart, file);
    } else {
      throw new IllegalArgumentException("chart files end in .png or .svg: " + file);
    }
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
