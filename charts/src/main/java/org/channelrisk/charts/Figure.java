package org.channelrisk.charts;

import com.google.common.base.Preconditions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.channelrisk.internal.Setting;
import org.channelrisk.io.AtomicFiles;

/**
 * A chart as a value: a title that says what is plotted, an optional subtitle (how to read it), and
 * one or more {@link Panel}s in a grid (small multiples share one legend at the bottom). It renders to
 * SVG text and to PNG at twice its size in pixels, from the same layout.
 *
 * <pre>{@code
 * Figure f = Figure.builder("Reach after the action day, by takedown plan")
 *     .subtitle("share of the reach before the action; median and 90% of 30 replicates")
 *     .panel(p1).panel(p2).panel(p3).columns(3)
 *     .build();
 * f.save(Path.of("strategies.png"));      // 2x PNG
 * f.save(Path.of("strategies.svg"));
 * String inline = f.svg();                 // for an HTML page
 * }</pre>
 *
 * <p>Size: {@link #DEFAULT_WIDTH} x {@link #DEFAULT_HEIGHT} logical pixels unless set. Rendering needs
 * no display and sets no system property.
 */
public final class Figure {
  /** Default width in logical pixels. */
  public static final int DEFAULT_WIDTH = 800;
  /** Default height in logical pixels. */
  public static final int DEFAULT_HEIGHT = 500;
  /** Scale of {@link #png()}: two image pixels per logical pixel. */
  public static final double PNG_SCALE = 2;

  private final String title;
  private final String subtitle;
  private final List<Panel> panels;
  private final int columns;
  private final int width;
  private final int height;

  private Figure(Builder b) {
    this.title = b.title;
    this.subtitle = b.subtitle.orElse("");
    this.panels = List.copyOf(b.panels);
    this.columns = Math.min(b.columns.orElse(3), panels.size());
    Builder.Size size = b.size.orElse(new Builder.Size(DEFAULT_WIDTH, DEFAULT_HEIGHT));
    this.width = size.width();
    this.height = size.height();
  }

  /**
   * @param title what the chart shows
   * @return a builder
   */
  public static Builder builder(String title) {
    return new Builder(title);
  }

  /**
   * A one-panel figure.
   *
   * @param title what the chart shows
   * @param panel the panel
   * @return the figure
   */
  public static Figure of(String title, Panel panel) {
    return builder(title).panel(panel).build();
  }

  /** @return the title */
  public String title() {
    return title;
  }

  /** @return the subtitle ("" for none) */
  public String subtitle() {
    return subtitle;
  }

  /** @return the panels, in reading order */
  public List<Panel> panels() {
    return panels;
  }

  /** @return the number of panel columns */
  public int columns() {
    return columns;
  }

  /** @return the width in logical pixels */
  public int width() {
    return width;
  }

  /** @return the height in logical pixels */
  public int height() {
    return height;
  }

  /**
   * Where each panel's plot area lies and which ticks its axes get: what the renderers draw.
   *
   * @return one entry per panel
   */
  public List<PanelLayout> layout() {
    return new Renderer(this).layouts();
  }

  /**
   * A panel's plot area and ticks.
   *
   * @param panel the panel
   * @param left left edge of the plot area
   * @param top top edge
   * @param width its width
   * @param height its height
   * @param x the horizontal axis' ticks
   * @param y the vertical axis' ticks
   * @param cellLeft the left edge of the panel's cell in the grid
   */
  public record PanelLayout(Panel panel, double left, double top, double width, double height, Ticks x, Ticks y, double cellLeft) {}

  /** @return the chart as a standalone SVG document (also valid inline in HTML) */
  public String svg() {
    SvgCanvas c = new SvgCanvas(width, height, title);
    new Renderer(this).draw(c);
    return c.finish();
  }

  /** @return the chart as PNG at {@link #PNG_SCALE} times its size */
  public byte[] png() {
    return png(PNG_SCALE);
  }

  /**
   * @param scale image pixels per logical pixel, in [0.5, 8]
   * @return the chart as PNG
   */
  public byte[] png(double scale) {
    Preconditions.checkArgument(scale >= 0.5 && scale <= 8, "scale must be in [0.5, 8]: %s", scale);
    Java2dCanvas c = new Java2dCanvas(width, height, scale);
    new Renderer(this).draw(c);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(c.finish(), "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a memory stream does not fail
    }
    return out.toByteArray();
  }

  /**
   * Writes the chart atomically: SVG or PNG (at 2x) by the file's extension.
   *
   * @param file a .svg or .png file
   * @throws IOException if writing fails (the file is then unchanged)
   * @throws IllegalArgumentException for another extension
   */
  public void save(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".svg")) {
      String svg = svg();
      AtomicFiles.write(file, w -> w.write(svg));
    } else if (name.endsWith(".png")) {
      byte[] png = png();
      AtomicFiles.writeBytes(file, out -> out.write(png));
    } else {
      throw new IllegalArgumentException("chart files end in .png or .svg: " + file);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "figure '%s' (%dx%d, %d panel%s in %d column%s)", title, width, height, panels.size(),
        panels.size() == 1 ? "" : "s", columns, columns == 1 ? "" : "s");
  }

  /** Builds a {@link Figure}. */
  public static final class Builder {
    private final String title;
    // each setting once: a second call would silently replace the first (panels add up instead)
    private final Setting<String> subtitle = new Setting<>("subtitle");
    private final List<Panel> panels = new ArrayList<>();
    private final Setting<Integer> columns = new Setting<>("columns");
    private final Setting<Size> size = new Setting<>("size");

    /** Width and height in logical pixels. */
    private record Size(int width, int height) {
      @Override
      public String toString() {
        return width + "x" + height;
      }
    }

    private Builder(String title) {
      Preconditions.checkArgument(title != null && !title.isBlank(), "a chart needs a title that says what is plotted");
      this.title = title;
    }

    /**
     * @param s a second line under the title: how to read the chart
     * @return this builder
     * @throws IllegalStateException if the subtitle was set before
     */
    public Builder subtitle(String s) {
      return subtitle.set(this, Preconditions.checkNotNull(s, "subtitle"));
    }

    /**
     * @param p a panel, placed after those added before (row by row)
     * @return this builder
     */
    public Builder panel(Panel p) {
      panels.add(Preconditions.checkNotNull(p, "panel"));
      return this;
    }

    /**
     * @param n panel columns, &gt;= 1 (default: up to 3)
     * @return this builder
     * @throws IllegalStateException if the columns were set before
     */
    public Builder columns(int n) {
      Preconditions.checkArgument(n >= 1, "columns must be >= 1: %s", n);
      return columns.set(this, n);
    }

    /**
     * @param w width in logical pixels, in [200, 4000]
     * @param h height in logical pixels, in [150, 4000]
     * @return this builder
     * @throws IllegalStateException if the size was set before
     */
    public Builder size(int w, int h) {
      Preconditions.checkArgument(w >= 200 && w <= 4000, "width must be in [200, 4000]: %s", w);
      Preconditions.checkArgument(h >= 150 && h <= 4000, "height must be in [150, 4000]: %s", h);
      return size.set(this, new Size(w, h));
    }

    /** @return the figure */
    public Figure build() {
      Preconditions.checkState(!panels.isEmpty(), "figure '%s' has no panel", title);
      return new Figure(this);
    }
  }
}
