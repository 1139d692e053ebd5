package org.channelrisk.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.channelrisk.charts.Canvas.Anchor;

/**
 * Lays a {@link Figure} out and draws it on a {@link Canvas}: title and subtitle at the top, the
 * panels in a grid, one legend at the bottom with an entry per distinct series name. Sizes are in
 * logical pixels; text widths are estimated ({@link TextWidth}) so that the layout does not depend on
 * the installed fonts.
 */
final class Renderer {
  private static final double MARGIN = 10;
  private static final double TITLE_FONT = 16;
  private static final double SUBTITLE_FONT = 12;
  private static final double PANEL_TITLE_FONT = 12.5;
  private static final double AXIS_TITLE_FONT = 11.5;
  private static final double LEGEND_FONT = 11;
  private static final double MARKER_FONT = 10.5;
  private static final double LEGEND_ROW = 18;
  private static final double SWATCH = 24;

  private final Figure figure;
  private final Map<String, Layer> legend = new LinkedHashMap<>();
  private final List<List<Map.Entry<String, Layer>>> legendRows = new ArrayList<>();
  private final double gridTop;
  private final double gridBottom;

  Renderer(Figure figure) {
    this.figure = figure;
    for (Panel p : figure.panels()) {
      for (Layer l : p.layers()) {
        if (!l.name().isEmpty()) {
          legend.putIfAbsent(l.name(), l);
        }
      }
    }
    double avail = figure.width() - 2 * MARGIN;
    List<Map.Entry<String, Layer>> row = new ArrayList<>();
    double used = 0;
    for (Map.Entry<String, Layer> e : legend.entrySet()) {
      double w = entryWidth(e.getKey());
      if (!row.isEmpty() && used + w > avail) {
        legendRows.add(row);
        row = new ArrayList<>();
        used = 0;
      }
      row.add(e);
      used += w;
    }
    if (!row.isEmpty()) {
      legendRows.add(row);
    }
    double top = MARGIN + TITLE_FONT + 2;
    if (!figure.subtitle().isEmpty()) {
      top += SUBTITLE_FONT + 6;
    }
    gridTop = top + 6;
    gridBottom = figure.height() - MARGIN - legendRows.size() * LEGEND_ROW - (legendRows.isEmpty() ? 0 : 4);
  }

  private static double entryWidth(String name) {
    return SWATCH + 6 + TextWidth.of(name, LEGEND_FONT, false) + 16;
  }

  List<Figure.PanelLayout> layouts() {
    List<Figure.PanelLayout> out = new ArrayList<>();
    int cols = figure.columns();
    int n = figure.panels().size();
    int rows = (n + cols - 1) / cols;
    double cellW = (figure.width() - 2 * MARGIN) / cols;
    double cellH = (gridBottom - gridTop) / rows;
    for (int i = 0; i < n; i++) {
      Panel p = figure.panels().get(i);
      double cx = MARGIN + (i % cols) * cellW;
      double cy = gridTop + (i / cols) * cellH;
      double top = cy + (p.title().isEmpty() ? 4 : PANEL_TITLE_FONT + 8) + 4;
      double bottom = cy + cellH - 18 - (p.x().title().isEmpty() ? 0 : AXIS_TITLE_FONT + 5);
      double h = Math.max(bottom - top, 20);
      Ticks y = p.yTicks(h);
      double labelW = 0;
      for (String s : y.labels()) {
        labelW = Math.max(labelW, TextWidth.of(s, Axis.TICK_FONT, false));
      }
      double left = cx + 4 + (p.y().title().isEmpty() ? 0 : AXIS_TITLE_FONT + 6) + labelW + 8;
      double right = cx + cellW - 12;
      Ticks x = p.xTicks(Math.max(right - left, 20));
      if (!x.labels().isEmpty()) {
        // the last label is centred on its tick: leave room for its right half
        String last = x.labels().get(x.labels().size() - 1);
        double lastPos = x.position(x.values().get(x.values().size() - 1), left, right);
        double overhang = lastPos + TextWidth.of(last, Axis.TICK_FONT, false) / 2 - (cx + cellW - 4);
        if (overhang > 0) {
          right -= overhang;
          x = p.xTicks(Math.max(right - left, 20));
        }
      }
      out.add(new Figure.PanelLayout(p, left, top, Math.max(right - left, 20), h, x, y, cx));
    }
    return out;
  }

  void draw(Canvas c) {
    c.text(MARGIN, MARGIN + TITLE_FONT - 2, figure.title(), TITLE_FONT, true, Palette.INK, Anchor.START, false);
    if (!figure.subtitle().isEmpty()) {
      c.text(MARGIN, MARGIN + TITLE_FONT + SUBTITLE_FONT + 4, figure.subtitle(), SUBTITLE_FONT, false, Rgb.of("555555"), Anchor.START,
          false);
    }
    int cols = figure.columns();
    double cellW = (figure.width() - 2 * MARGIN) / cols;
    for (Figure.PanelLayout l : layouts()) {
      drawPanel(c, l, cellW);
    }
    double y = gridBottom + 4;
    for (List<Map.Entry<String, Layer>> row : legendRows) {
      double x = MARGIN;
      for (Map.Entry<String, Layer> e : row) {
        swatch(c, e.getValue(), x, y + LEGEND_ROW / 2);
        c.text(x + SWATCH + 6, y + LEGEND_ROW / 2 + 4, e.getKey(), LEGEND_FONT, false, Palette.INK, Anchor.START, false);
        x += entryWidth(e.getKey());
      }
      y += LEGEND_ROW;
    }
  }

  private static void swatch(Canvas c, Layer l, double x, double midY) {
    if (l instanceof Layer.Band b) {
      c.rect(x, midY - 6, SWATCH, 12, b.color(), b.opacity());
    } else if (l instanceof Layer.Line line) {
      c.polyline(new double[] {x, x + SWATCH}, new double[] {midY, midY}, line.color(), Math.max(line.width(), 1.5),
          line.style().dashes(Math.max(line.width(), 1.5)));
    } else if (l instanceof Layer.Points p) {
      marker(c, p.shape(), x + SWATCH / 2, midY, p.color());
    } else if (l instanceof Layer.ErrorBars e) {
      c.polyline(new double[] {x + SWATCH / 2, x + SWATCH / 2}, new double[] {midY - 7, midY + 7}, e.color(), 2, new double[0]);
      marker(c, Layer.Shape.DIAMOND, x + SWATCH / 2, midY, e.color());
    }
  }

  private static void marker(Canvas c, Layer.Shape shape, double x, double y, Rgb color) {
    switch (shape) {
      case CIRCLE -> c.circle(x, y, 2.6, color);
      case PLUS -> {
        c.polyline(new double[] {x - 4, x + 4}, new double[] {y, y}, color, 1.3, new double[0]);
        c.polyline(new double[] {x, x}, new double[] {y - 4, y + 4}, color, 1.3, new double[0]);
      }
      case DIAMOND -> c.polygon(new double[] {x, x + 4.5, x, x - 4.5}, new double[] {y - 4.5, y, y + 4.5, y}, color, 1);
    }
  }

  private static void drawPanel(Canvas c, Figure.PanelLayout l, double cellW) {
    Panel p = l.panel();
    double left = l.left();
    double top = l.top();
    double right = left + l.width();
    double bottom = top + l.height();
    Ticks xt = l.x();
    Ticks yt = l.y();
    if (!p.title().isEmpty()) {
      // a panel title never runs into its neighbour: smaller type down to 10 pixels, then cut with an ellipsis
      double room = cellW - (left - l.cellLeft()) - 6;
      double size = PANEL_TITLE_FONT;
      while (size > 10 && TextWidth.of(p.title(), size, true) > room) {
        size -= 0.5;
      }
      c.text(left, top - 8, fit(p.title(), size, room), size, true, Palette.INK, Anchor.START, false);
    }
    Rgb grid = Rgb.of("e6e6e6");
    for (int i = 0; i < yt.values().size(); i++) {
      double y = yt.position(yt.values().get(i), bottom, top);
      c.polyline(new double[] {left, right}, new double[] {y, y}, grid, 1, new double[0]);
      c.text(left - 6, y + 4, yt.labels().get(i), Axis.TICK_FONT, false, Palette.INK, Anchor.END, false);
    }
    for (int i = 0; i < xt.values().size(); i++) {
      double x = xt.position(xt.values().get(i), left, right);
      c.polyline(new double[] {x, x}, new double[] {top, bottom}, Rgb.of("f0f0f0"), 1, new double[0]);
      c.polyline(new double[] {x, x}, new double[] {bottom, bottom + 4}, Palette.INK, 1, new double[0]);
      c.text(x, bottom + 16, xt.labels().get(i), Axis.TICK_FONT, false, Palette.INK, Anchor.MIDDLE, false);
    }
    if (!p.x().title().isEmpty()) {
      c.text((left + right) / 2, bottom + 18 + AXIS_TITLE_FONT + 2, p.x().title(), AXIS_TITLE_FONT, false, Palette.INK, Anchor.MIDDLE,
          false);
    }
    if (!p.y().title().isEmpty()) {
      double x = left - 8 - maxWidth(yt.labels()) - 8;
      c.text(x, (top + bottom) / 2, p.y().title(), AXIS_TITLE_FONT, false, Palette.INK, Anchor.MIDDLE, true);
    }
    int markerRow = 0;
    for (Layer layer : p.layers()) {
      if (layer instanceof Layer.Band b) {
        band(c, b, xt, yt, left, right, top, bottom);
      } else if (layer instanceof Layer.Line line) {
        line(c, line, xt, yt, left, right, top, bottom);
      } else if (layer instanceof Layer.Points pts) {
        double[] xs = pts.x();
        double[] ys = pts.y();
        for (int i = 0; i < xs.length; i++) {
          if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
            marker(c, pts.shape(), px(xt, xs[i], left, right), py(yt, ys[i], top, bottom), pts.color());
          }
        }
      } else if (layer instanceof Layer.ErrorBars e) {
        double[] xs = e.x();
        double[] lo = e.lo();
        double[] mid = e.mid();
        double[] hi = e.hi();
        for (int i = 0; i < xs.length; i++) {
          double x = px(xt, xs[i], left, right);
          if (Double.isFinite(lo[i]) && Double.isFinite(hi[i])) {
            double a = py(yt, lo[i], top, bottom);
            double b = py(yt, hi[i], top, bottom);
            c.polyline(new double[] {x, x}, new double[] {a, b}, e.color(), 2, new double[0]);
            c.polyline(new double[] {x - 5, x + 5}, new double[] {a, a}, e.color(), 2, new double[0]);
            c.polyline(new double[] {x - 5, x + 5}, new double[] {b, b}, e.color(), 2, new double[0]);
          }
          if (Double.isFinite(mid[i])) {
            marker(c, Layer.Shape.DIAMOND, x, py(yt, mid[i], top, bottom), e.color());
          }
        }
      } else if (layer instanceof Layer.VerticalLine v) {
        if (v.x() < xt.lo() || v.x() > xt.hi()) {
          continue;
        }
        double x = px(xt, v.x(), left, right);
        c.polyline(new double[] {x, x}, new double[] {top, bottom}, v.color(), 1.5, v.style().dashes(1.5));
        if (!v.label().isEmpty()) {
          double y = top + 12 + 14 * markerRow++;
          boolean leftSide = x + 4 + TextWidth.of(v.label(), MARKER_FONT, false) > right;
          boxedLabel(c, leftSide ? x - 4 : x + 4, y, y - MARKER_FONT + 1, v.label(), v.color(), leftSide ? Anchor.END : Anchor.START);
        }
      } else if (layer instanceof Layer.HorizontalLine h) {
        if (h.y() < yt.lo() || h.y() > yt.hi()) {
          continue;
        }
        double y = py(yt, h.y(), top, bottom);
        c.polyline(new double[] {left, right}, new double[] {y, y}, h.color(), 1.2, h.style().dashes(1.2));
        if (!h.label().isEmpty()) {
          boxedLabel(c, right - 4, y - 4, y - MARKER_FONT - 2, h.label(), h.color(), Anchor.END);
        }
      }
    }
    c.polyline(new double[] {left, left, right}, new double[] {top, bottom, bottom}, Palette.INK, 1, new double[0]);
  }

  /**
   * A reference line's label at (tx, ty) on a white box from {@code boxTop} down, so that it stays
   * legible over the curves; the box reaches 2 pixels past the text on either side.
   */
  private static void boxedLabel(Canvas c, double tx, double ty, double boxTop, String label, Rgb color, Anchor anchor) {
    double w = TextWidth.of(label, MARKER_FONT, false);
    c.rect(anchor == Anchor.END ? tx - w - 2 : tx - 2, boxTop, w + 4, MARKER_FONT + 3, Rgb.of("ffffff"), 0.85);
    c.text(tx, ty, label, MARKER_FONT, false, color, anchor, false);
  }

  /** The text, cut with an ellipsis where it would be wider than {@code room}. */
  static String fit(String s, double size, double room) {
    if (TextWidth.of(s, size, true) <= room) {
      return s;
    }
    String t = s;
    while (t.length() > 1 && TextWidth.of(t + "…", size, true) > room) {
      t = t.substring(0, t.length() - 1);
    }
    return t.strip() + "…";
  }

  private static double maxWidth(List<String> labels) {
    double w = 0;
    for (String s : labels) {
      w = Math.max(w, TextWidth.of(s, Axis.TICK_FONT, false));
    }
    return w;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static double px(Ticks t, double v, double left, double right) {
    return t.position(clamp(v, t.lo(), t.hi()), left, right);
  }

  private static double py(Ticks t, double v, double top, double bottom) {
    return t.position(clamp(v, t.lo(), t.hi()), bottom, top);
  }

  private static void line(Canvas c, Layer.Line l, Ticks xt, Ticks yt, double left, double right, double top, double bottom) {
    double[] xs = l.x();
    double[] ys = l.y();
    int i = 0;
    while (i < xs.length) {
      while (i < xs.length && !(Double.isFinite(xs[i]) && Double.isFinite(ys[i]))) {
        i++;
      }
      int j = i;
      while (j < xs.length && Double.isFinite(xs[j]) && Double.isFinite(ys[j])) {
        j++;
      }
      if (j - i >= 2) {
        double[] sx = new double[j - i];
        double[] sy = new double[j - i];
        for (int k = i; k < j; k++) {
          sx[k - i] = px(xt, xs[k], left, right);
          sy[k - i] = py(yt, ys[k], top, bottom);
        }
        c.polyline(sx, sy, l.color(), l.width(), l.style().dashes(l.width()));
      }
      i = j;
    }
  }

  private static void band(Canvas c, Layer.Band b, Ticks xt, Ticks yt, double left, double right, double top, double bottom) {
    double[] xs = b.x();
    double[] lo = b.lo();
    double[] hi = b.hi();
    int i = 0;
    while (i < xs.length) {
      while (i < xs.length && !(Double.isFinite(xs[i]) && Double.isFinite(lo[i]) && Double.isFinite(hi[i]))) {
        i++;
      }
      int j = i;
      while (j < xs.length && Double.isFinite(xs[j]) && Double.isFinite(lo[j]) && Double.isFinite(hi[j])) {
        j++;
      }
      int m = j - i;
      if (m >= 2) {
        double[] px = new double[2 * m];
        double[] py = new double[2 * m];
        for (int k = 0; k < m; k++) {
          px[k] = px(xt, xs[i + k], left, right);
          py[k] = py(yt, hi[i + k], top, bottom);
          px[2 * m - 1 - k] = px[k];
          py[2 * m - 1 - k] = py(yt, lo[i + k], top, bottom);
        }
        c.polygon(px, py, b.color(), b.opacity());
      }
      i = j;
    }
  }
}
