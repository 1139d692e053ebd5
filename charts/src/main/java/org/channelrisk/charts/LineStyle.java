package org.channelrisk.charts;

/**
 * How a line is stroked. Dash lengths are in multiples of the line's width, so a thick dashed line
 * keeps its rhythm.
 *
 * <pre>{@code
 * Layer.line("prior", x, y, Palette.MUTED, LineStyle.DASHED);
 * }</pre>
 */
public enum LineStyle {
  /** A continuous line. */
  SOLID(),
  /** Dashes of 3 widths, gaps of 2. */
  DASHED(3, 2),
  /** Dots: dashes of 1 width, gaps of 1.5. */
  DOTTED(1, 1.5),
  /** Dash, gap, dot, gap. */
  DASH_DOT(4, 1.5, 1, 1.5),
  /** Dashes of 7 widths, gaps of 2.5. */
  LONG_DASH(7, 2.5);

  private final double[] pattern;

  LineStyle(double... pattern) {
    this.pattern = pattern;
  }

  /**
   * @param width the line's width in pixels
   * @return the dash pattern in pixels (empty for a solid line)
   */
  public double[] dashes(double width) {
    double[] d = new double[pattern.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = pattern[i] * Math.max(width, 1);
    }
    return d;
  }
}
