package org.channelrisk.charts;

import com.google.common.base.Preconditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.channelrisk.internal.Setting;

/**
 * One plot: a title, two axes and the layers drawn in it. A {@link Figure} arranges one or more
 * panels (small multiples share a legend). Immutable; built with {@link #builder()}.
 *
 * <pre>{@code
 * Panel p = Panel.builder()
 *     .title("Largest audiences first")
 *     .x(Axis.days("days")).y(Axis.percent("reach, share of before").fromZero())
 *     .band("90% of replicates", t, q05, q95, Palette.BLUE, 0.22)
 *     .line("median", t, q50, Palette.BLUE, LineStyle.SOLID)
 *     .vertical(51, "action day", Palette.VERMILLION)
 *     .build();
 * }</pre>
 */
public final class Panel {
  private final String title;
  private final Axis x;
  private final Axis y;
  private final List<Layer> layers;
  private final double[] xExtent;
  private final double[] yExtent;

  private Panel(Builder b) {
    this.title = b.title.orElse("");
    this.x = b.x.orElse(Axis.numbers(""));
    this.y = b.y.orElse(Axis.numbers(""));
    this.layers = List.copyOf(b.layers);
    Extent ex = new Extent();
    Extent ey = new Extent();
    for (Layer l : layers) {
      addValues(l, ex, ey);
    }
    this.xExtent = ex.get();
    this.yExtent = ey.get();
  }

  /** @return a builder: numeric axes without titles, no layers */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the title ("" for none) */
  public String title() {
    return title;
  }

  /** @return the horizontal axis */
  public Axis x() {
    return x;
  }

  /** @return the vertical axis */
  public Axis y() {
    return y;
  }

  /** @return the layers in drawing order */
  public List<Layer> layers() {
    return layers;
  }

  /** @return {min, max} of the finite x values of all layers ({NaN, NaN} if none) */
  public double[] xExtent() {
    return xExtent.clone();
  }

  /** @return {min, max} of the finite y values of all layers ({NaN, NaN} if none) */
  public double[] yExtent() {
    return yExtent.clone();
  }

  /** Adds the x values of a layer to {@code ex} and its y values to {@code ey}. */
  private static void addValues(Layer l, Extent ex, Extent ey) {
    if (l instanceof Layer.Plotted a) {
      ex.add(a.x());
      ey.add(a.y());
    } else if (l instanceof Layer.Ranged a) {
      ex.add(a.x());
      ey.add(a.lo());
      ey.add(a.hi());
      if (a instanceof Layer.ErrorBars e) {
        ey.add(e.mid());
      }
    } else if (l instanceof Layer.VerticalLine a) {
      ex.add(a.x());
    } else if (l instanceof Layer.HorizontalLine a) {
      ey.add(a.y());
    }
  }

  /**
   * @param length the horizontal axis' length in pixels
   * @return the ticks this panel's x axis gets at that length
   */
  public Ticks xTicks(double length) {
    double[] e = xExtent();
    return x.ticks(e[0], e[1], length, true);
  }

  /**
   * @param length the vertical axis' length in pixels
   * @return the ticks this panel's y axis gets at that length
   */
  public Ticks yTicks(double length) {
    double[] e = yExtent();
    return y.ticks(e[0], e[1], length, false);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "panel '%s': x %s, y %s, %d layers %s", title, x, y, layers.size(), layers);
  }

  private static final class Extent {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;

    void add(double... v) {
      for (double d : v) {
        if (Double.isFinite(d)) {
          lo = Math.min(lo, d);
          hi = Math.max(hi, d);
        }
      }
    }

    double[] get() {
      return lo <= hi ? new double[] {lo, hi} : new double[] {Double.NaN, Double.NaN};
    }
  }

  /** Builds a {@link Panel}; each axis and the title may be set once. */
  public static final class Builder {
    // each setting once: a second call throws, naming what it was set to, since a silent overwrite
    // would hide a mistake (layers add up instead)
    private final Setting<String> title = new Setting<>("title");
    private final Setting<Axis> x = new Setting<>("x axis");
    private final Setting<Axis> y = new Setting<>("y axis");
    private final List<Layer> layers = new ArrayList<>();

    private Builder() {}

    /**
     * @param t the panel's title (what this panel shows)
     * @return this builder
     */
    public Builder title(String t) {
      return title.set(this, t);
    }

    /**
     * @param axis the horizontal axis
     * @return this builder
     */
    public Builder x(Axis axis) {
      return x.set(this, axis);
    }

    /**
     * @param axis the vertical axis
     * @return this builder
     */
    public Builder y(Axis axis) {
      return y.set(this, axis);
    }

    /**
     * @param layer a layer, drawn above those added before
     * @return this builder
     */
    public Builder add(Layer layer) {
      layers.add(Preconditions.checkNotNull(layer, "layer"));
      return this;
    }

    /**
     * Adds a 2-pixel line.
     *
     * @param name legend label ("" for none)
     * @param xs abscissae
     * @param ys ordinates
     * @param color colour
     * @param style dash pattern
     * @return this builder
     */
    public Builder line(String name, double[] xs, double[] ys, Rgb color, LineStyle style) {
      return add(Layer.line(name, xs, ys, color, style));
    }

    /**
     * Adds a filled band.
     *
     * @param name legend label ("" for none)
     * @param xs abscissae
     * @param lo lower curve
     * @param hi upper curve
     * @param color colour
     * @param opacity fill opacity
     * @return this builder
     */
    public Builder band(String name, double[] xs, double[] lo, double[] hi, Rgb color, double opacity) {
      return add(Layer.band(name, xs, lo, hi, color, opacity));
    }

    /**
     * Adds a labelled vertical dashed line.
     *
     * @param at position
     * @param label label
     * @param color colour
     * @return this builder
     */
    public Builder vertical(double at, String label, Rgb color) {
      return add(Layer.vertical(at, label, color));
    }

    /**
     * Adds curves stacked on each other as filled areas (cumulative incidence by cause, shares by
     * platform): area i spans from the sum of curves 0..i-1 to the sum of curves 0..i, in the palette's
     * colours, each with a legend entry and a thin line on its upper edge.
     *
     * @param xs abscissae shared by all curves
     * @param names one legend label per curve
     * @param curves the curves, each as long as xs, bottom first
     * @return this builder
     */
    public Builder stacked(double[] xs, List<String> names, List<double[]> curves) {
      Preconditions.checkArgument(names.size() == curves.size(), "%s names for %s curves", names.size(), curves.size());
      double[] below = new double[xs.length];
      for (int i = 0; i < curves.size(); i++) {
        double[] c = curves.get(i);
        Preconditions.checkArgument(c.length == xs.length, "curve '%s' has %s values for %s x values", names.get(i), c.length,
            xs.length);
        double[] top = new double[xs.length];
        for (int j = 0; j < xs.length; j++) {
          top[j] = below[j] + c[j];
        }
        add(Layer.band(names.get(i), xs, below, top, Palette.series(i), 0.55));
        add(new Layer.Line("", xs, top, Palette.series(i), LineStyle.SOLID, 1.2));
        below = top;
      }
      return this;
    }

    /** @return the panel */
    public Panel build() {
      return new Panel(this);
    }
  }
}
