package org.channelrisk.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.channelrisk.impact.ImpactResult;
import org.channelrisk.io.AtomicFiles;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The three-panel chart of an intervention analysis (observed against counterfactual with its band,
 * pointwise effect, cumulative effect; the intervention marked), stacked in one PNG or SVG image.
 * The data come from {@link ImpactChartData}; this class only draws.
 *
 * <pre>{@code
 * byte[] png = ImpactChart.render(result, "posts", "png");
 * ImpactChart.save(result, "posts", Path.of("impact.svg"));
 * }</pre>
 */
public final class ImpactChart {
  /** Width in pixels. */
  public static final int WIDTH = Charts.WIDTH;
  /** Height of one panel in pixels; the image is three panels high. */
  public static final int PANEL_HEIGHT = 330;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private ImpactChart() {}

  /** @return the three panels as XChart charts */
  static List<XYChart> panels(ImpactChartData d, String what) {
    XYChart top = chart(d.title(), what);
    int k = 0;
    for (double[][] run : d.counterfactual()) {
      Charts.band(top, k == 0 ? "counterfactual band" : "counterfactual band " + (k + 1), run[0], run[2], run[3],
          new Color(70, 130, 180, 70));
      line(top, k == 0 ? "counterfactual" : "counterfactual " + (k + 1), run[0], run[1], new Color(30, 90, 160), true);
      k++;
    }
    if (d.observed()[0].length > 0) {
      XYSeries obs = top.addSeries("observed", d.observed()[0], d.observed()[1]);
      obs.setMarker(SeriesMarkers.NONE);
      obs.setLineColor(new Color(40, 40, 40));
      obs.setLineStyle(new BasicStroke(1.2f));
    }
    XYChart mid = chart("pointwise effect (observed - counterfactual)", "effect");
    k = 0;
    for (double[][] run : d.effect()) {
      Charts.band(mid, k == 0 ? "effect band" : "effect band " + (k + 1), run[0], run[2], run[3], new Color(200, 80, 30, 60));
      line(mid, k == 0 ? "effect" : "effect " + (k + 1), run[0], run[1], new Color(180, 60, 20), false);
      k++;
    }
    XYChart bottom = chart("cumulative effect from the intervention", "cumulative effect");
    k = 0;
    for (double[][] run : d.cumulative()) {
      Charts.band(bottom, k == 0 ? "cumulative band" : "cumulative band " + (k + 1), run[0], run[2], run[3],
          new Color(40, 140, 60, 60));
      line(bottom, k == 0 ? "cumulative effect" : "cumulative effect " + (k + 1), run[0], run[1], new Color(30, 110, 50), false);
      k++;
    }
    double[] t = d.observed()[0];
    if (t.length > 1) {
      for (XYChart c : List.of(top, mid, bottom)) {
        c.getStyler().setXAxisMin(Math.min(t[0], d.intervention())).setXAxisMax(Math.max(t[t.length - 1], d.intervention()));
      }
    }
    double[] r1 = range(d.counterfactual(), d.observed()[1]);
    mark(top, d.intervention(), r1[0], r1[1]);
    double[] r2 = range(d.effect(), new double[0]);
    mark(mid, d.intervention(), r2[0], r2[1]);
    double[] r3 = range(d.cumulative(), new double[] {0});
    mark(bottom, d.intervention(), r3[0], r3[1]);
    return List.of(top, mid, bottom);
  }

  private static XYChart chart(String title, String y) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT).title(title).xAxisTitle("time").yAxisTitle(y).build();
    c.getStyler().setLegendVisible(true);
    return c;
  }

  private static void line(XYChart c, String name, double[] x, double[] y, Color color, boolean dashed) {
    XYSeries s = c.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
        : new BasicStroke(2f));
  }

  /** The range of the bands' limits and some extra values: where the intervention's line runs. */
  static double[] range(List<double[][]> runs, double[] extra) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[][] run : runs) {
      for (int row = 1; row < 4; row++) {
        for (double v : run[row]) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    for (double v : extra) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return lo <= hi ? new double[] {lo, hi} : new double[] {0, 1};
  }

  /** The intervention as a vertical line across the panel's data range. */
  private static void mark(XYChart c, double t, double lo, double hi) {
    XYSeries s = c.addSeries(String.format(Locale.ROOT, "intervention T = %s", fmt(t)), new double[] {t, t}, new double[] {lo, hi});
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(new Color(200, 40, 40));
    s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
  }

  private static String fmt(double t) {
    return t == Math.rint(t) && Math.abs(t) < 1e15 ? String.valueOf((long) t) : String.valueOf(t);
  }

  /**
   * @param r the result
   * @param what the series' name, for the title
   * @param format png or svg
   * @return the image's bytes
   * @throws IOException if encoding fails
   */
  public static byte[] render(ImpactResult r, String what, String format) throws IOException {
    List<XYChart> panels = panels(ImpactChartData.of(r, what), what);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int h = PANEL_HEIGHT * panels.size();
    if (format.equals("svg")) {
      de.erichseifert.vectorgraphics2d.VectorGraphics2D g = new de.erichseifert.vectorgraphics2d.VectorGraphics2D();
      paint(g, panels);
      de.erichseifert.vectorgraphics2d.Processors.get("svg")
          .getDocument(g.getCommands(), new de.erichseifert.vectorgraphics2d.util.PageSize(0, 0, WIDTH, h)).writeTo(out);
    } else {
      BufferedImage img = new BufferedImage(WIDTH, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      paint(g, panels);
      g.dispose();
      ImageIO.write(img, "png", out);
    }
    return out.toByteArray();
  }

  private static void paint(Graphics2D g, List<XYChart> panels) {
    for (int i = 0; i < panels.size(); i++) {
      Graphics2D gi = (Graphics2D) g.create(0, i * PANEL_HEIGHT, WIDTH, PANEL_HEIGHT);
      panels.get(i).paint(gi, WIDTH, PANEL_HEIGHT);
      gi.dispose();
    }
  }

  /**
   * @param file a .png or .svg target
   * @return "png" or "svg"
   * @throws IllegalArgumentException for another extension
   */
  static String format(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".png")) {
      return "png";
    }
    if (name.endsWith(".svg")) {
      return "svg";
    }
    throw new IllegalArgumentException("--chart: the file must end in .png or .svg: " + file);
  }

  /** Writes bytes atomically. */
  static void write(Path file, byte[] bytes) throws IOException {
    AtomicFiles.writeBytes(file, out -> out.write(bytes));
  }

  /**
   * Draws the chart and writes it atomically, PNG or SVG by the file's extension.
   *
   * @param r the result
   * @param what the series' name, for the title
   * @param file a .png or .svg target
   * @throws IOException if writing fails
   * @throws IllegalArgumentException for another extension
   */
  public static void save(ImpactResult r, String what, Path file) throws IOException {
    write(file, render(r, what, format(file)));
  }
}
