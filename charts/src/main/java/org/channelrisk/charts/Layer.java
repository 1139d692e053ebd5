package org.channelrisk.charts;

import com.google.common.base.Preconditions;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One thing drawn in a {@link Panel}: a line, a band (a filled area between two curves), points,
 * error bars, or a labelled vertical or horizontal reference line. Layers are immutable values
 * (arrays are copied in and out) and are drawn in the order they were added, so bands go first.
 * A layer with an empty name has no legend entry; reference lines carry their label on the chart.
 *
 * <pre>{@code
 * Layer band = Layer.band("90% of replicates", t, q05, q95, Palette.BLUE, 0.22);
 * Layer median = Layer.line("median", t, q50, Palette.BLUE, LineStyle.SOLID);
 * Layer action = Layer.vertical(51, "action day", Palette.VERMILLION);
 * }</pre>
 */
public sealed interface Layer {
  /** @return the legend label ("" for none) */
  String name();

  /** Marker shapes for {@link Points}. */
  enum Shape {
    /** A filled circle. */
    CIRCLE,
    /** A plus sign, as R marks censored times on a survival curve. */
    PLUS,
    /** A filled diamond. */
    DIAMOND
  }

  /**
   * Points (x, y) of a {@link Line} or of {@link Points}, checked to be of one length and copied once.
   * An immutable value (arrays are copied in and out).
   *
   * @param x abscissae
   * @param y ordinates
   */
  record Coordinates(double[] x, double[] y) {
    /** Copies and checks. */
    public Coordinates {
      x = x.clone();
      y = y.clone();
      Preconditions.checkArgument(x.length == y.length, "%s x values but %s y values", x.length, y.length);
    }

    @Override
    public double[] x() {
      return x.clone();
    }

    @Override
    public double[] y() {
      return y.clone();
    }

    /** @return how many points */
    public int size() {
      return x.length;
    }
  }

  /**
   * A layer drawn from {@link Coordinates} (a {@link Line} or {@link Points}): its {@link #x()} and
   * {@link #y()} are those of its coordinates, as copies.
   */
  sealed interface Plotted extends Layer permits Line, Points {
    /** @return the points */
    Coordinates coordinates();

    /** @return the abscissae (a copy) */
    default double[] x() {
      return coordinates().x();
    }

    /** @return the ordinates (a copy) */
    default double[] y() {
      return coordinates().y();
    }
  }

  /**
   * A line through (x, y); a NaN breaks it.
   *
   * @param name legend label
   * @param coordinates the points it passes through
   * @param color colour
   * @param style dash pattern
   * @param width stroke width in pixels
   */
  record Line(String name, Coordinates coordinates, Rgb color, LineStyle style, double width) implements Plotted {
    /** Checks. */
    public Line {
      Preconditions.checkNotNull(coordinates, "line '%s': coordinates", name);
      Preconditions.checkArgument(width > 0, "line width must be > 0: %s", width);
    }

    /**
     * Copies and checks.
     *
     * @param name legend label
     * @param x abscissae
     * @param y ordinates
     * @param color colour
     * @param style dash pattern
     * @param width stroke width in pixels
     */
    public Line(String name, double[] x, double[] y, Rgb color, LineStyle style, double width) {
      this(name, named("line '" + name + "'", () -> new Coordinates(x, y)), color, style, width);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "line '%s' (%d points, %s %s)", name, coordinates.size(), color, style.name().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * An interval from lo to hi at each position x: the columns of a {@link Band} and of {@link
   * ErrorBars}, checked to be of one length and copied once. An immutable value (arrays are copied in
   * and out).
   *
   * @param x positions
   * @param lo lower limits
   * @param hi upper limits
   */
  record Intervals(double[] x, double[] lo, double[] hi) {
    /** Copies and checks. */
    public Intervals {
      x = x.clone();
      lo = lo.clone();
      hi = hi.clone();
      Preconditions.checkArgument(x.length == lo.length && x.length == hi.length, "arrays of lengths %s, %s, %s", x.length,
          lo.length, hi.length);
    }

    @Override
    public double[] x() {
      return x.clone();
    }

    @Override
    public double[] lo() {
      return lo.clone();
    }

    @Override
    public double[] hi() {
      return hi.clone();
    }

    /** @return how many positions */
    public int size() {
      return x.length;
    }
  }

  /**
   * A layer drawn from {@link Intervals} (a {@link Band} or {@link ErrorBars}): its {@link #x()},
   * {@link #lo()} and {@link #hi()} are those of its intervals, as copies.
   */
  sealed interface Ranged extends Layer permits Band, ErrorBars {
    /** @return the positions with their lower and upper limits */
    Intervals intervals();

    /** @return the positions (a copy) */
    default double[] x() {
      return intervals().x();
    }

    /** @return the lower limits (a copy) */
    default double[] lo() {
      return intervals().lo();
    }

    /** @return the upper limits (a copy) */
    default double[] hi() {
      return intervals().hi();
    }
  }

  /**
   * A filled area between lo and hi; points where either is NaN split it.
   *
   * @param name legend label
   * @param intervals abscissae with the lower and upper curves
   * @param color fill colour
   * @param opacity fill opacity in (0, 1]
   */
  record Band(String name, Intervals intervals, Rgb color, double opacity) implements Ranged {
    /** Checks. */
    public Band {
      Preconditions.checkNotNull(intervals, "band '%s': intervals", name);
      Preconditions.checkArgument(opacity > 0 && opacity <= 1, "opacity must be in (0, 1]: %s", opacity);
    }

    /**
     * Copies and checks.
     *
     * @param name legend label
     * @param x abscissae
     * @param lo lower curve
     * @param hi upper curve
     * @param color fill colour
     * @param opacity fill opacity in (0, 1]
     */
    public Band(String name, double[] x, double[] lo, double[] hi, Rgb color, double opacity) {
      this(name, named("band '" + name + "'", () -> new Intervals(x, lo, hi)), color, opacity);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "band '%s' (%d points, %s at %.2f)", name, intervals.size(), color, opacity);
    }
  }

  /**
   * Markers at (x, y).
   *
   * @param name legend label
   * @param coordinates where the markers stand
   * @param color colour
   * @param shape marker shape
   */
  record Points(String name, Coordinates coordinates, Rgb color, Shape shape) implements Plotted {
    /** Checks. */
    public Points {
      Preconditions.checkNotNull(coordinates, "points '%s': coordinates", name);
    }

    /**
     * Copies and checks.
     *
     * @param name legend label
     * @param x abscissae
     * @param y ordinates
     * @param color colour
     * @param shape marker shape
     */
    public Points(String name, double[] x, double[] y, Rgb color, Shape shape) {
      this(name, named("points '" + name + "'", () -> new Coordinates(x, y)), color, shape);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "points '%s' (%d, %s)", name, coordinates.size(), shape.name().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Estimates with intervals: a diamond at mid, a vertical bar from lo to hi.
   *
   * @param name legend label
   * @param intervals positions with the lower and upper limits
   * @param mid estimates, one a position
   * @param color colour
   */
  record ErrorBars(String name, Intervals intervals, double[] mid, Rgb color) implements Ranged {
    /** Copies and checks. */
    public ErrorBars {
      mid = mid.clone();
      Preconditions.checkArgument(mid.length == intervals.size(), "error bars '%s': arrays of different lengths", name);
    }

    /**
     * Copies and checks.
     *
     * @param name legend label
     * @param x positions
     * @param lo lower limits
     * @param mid estimates
     * @param hi upper limits
     * @param color colour
     */
    public ErrorBars(String name, double[] x, double[] lo, double[] mid, double[] hi, Rgb color) {
      this(name, named("error bars '" + name + "'", () -> new Intervals(x, lo, hi)), mid, color);
    }

    @Override
    public double[] mid() {
      return mid.clone();
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "error bars '%s' (%d)", name, intervals.size());
    }
  }

  /**
   * A vertical line across the panel with its label at the top (an action day, T50).
   *
   * @param x its position
   * @param label its label, drawn beside the line
   * @param color colour
   * @param style dash pattern
   */
  record VerticalLine(double x, String label, Rgb color, LineStyle style) implements Layer {
    /** Checks. */
    public VerticalLine {
      Preconditions.checkArgument(Double.isFinite(x), "a vertical line needs a finite position: %s", x);
    }

    @Override
    public String name() {
      return "";
    }
  }

  /**
   * A horizontal line across the panel with its label at the right end (a baseline).
   *
   * @param y its level
   * @param label its label
   * @param color colour
   * @param style dash pattern
   */
  record HorizontalLine(double y, String label, Rgb color, LineStyle style) implements Layer {
    /** Checks. */
    public HorizontalLine {
      Preconditions.checkArgument(Double.isFinite(y), "a horizontal line needs a finite level: %s", y);
    }

    @Override
    public String name() {
      return "";
    }
  }

  /**
   * @param name legend label
   * @param x abscissae
   * @param y ordinates
   * @param color colour
   * @param style dash pattern
   * @return a line 2 pixels wide
   */
  static Line line(String name, double[] x, double[] y, Rgb color, LineStyle style) {
    return new Line(name, x, y, color, style, 2);
  }

  /**
   * @param name legend label
   * @param x abscissae
   * @param lo lower curve
   * @param hi upper curve
   * @param color colour
   * @param opacity fill opacity
   * @return a band
   */
  static Band band(String name, double[] x, double[] lo, double[] hi, Rgb color, double opacity) {
    return new Band(name, x, lo, hi, color, opacity);
  }

  /**
   * @param x position
   * @param label label
   * @param color colour
   * @return a dashed vertical line
   */
  static VerticalLine vertical(double x, String label, Rgb color) {
    return new VerticalLine(x, label, color, LineStyle.DASHED);
  }

  /**
   * @param y level
   * @param label label
   * @return a dashed grey horizontal line
   */
  static HorizontalLine horizontal(double y, String label) {
    return new HorizontalLine(y, label, Palette.INK, LineStyle.DASHED);
  }

  /**
   * Turns a step function (right-continuous, as a survival curve) into the corner points of its
   * staircase, for a {@link Line}: (x0, y0), (x1, y0), (x1, y1), (x2, y1), …
   *
   * @param x the jump times, ascending
   * @param y the value from each jump on
   * @return {x, y} of the staircase
   */
  static double[][] steps(double[] x, double[] y) {
    Preconditions.checkArgument(x.length == y.length, "%s times but %s values", x.length, y.length);
    int n = x.length;
    if (n == 0) {
      return new double[][] {new double[0], new double[0]};
    }
    double[] sx = new double[2 * n - 1];
    double[] sy = new double[2 * n - 1];
    for (int i = 0; i < n; i++) {
      sx[2 * i] = x[i];
      sy[2 * i] = y[i];
      if (i + 1 < n) {
        sx[2 * i + 1] = x[i + 1];
        sy[2 * i + 1] = y[i];
      }
    }
    return new double[][] {sx, sy};
  }

  /**
   * Builds a layer's columns; a length mismatch's message begins with the layer, as {@code band 'q05-q95':}.
   */
  private static <T> T named(String layer, Supplier<T> columns) {
    try {
      return columns.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(layer + ": " + e.getMessage(), e);
    }
  }
}
