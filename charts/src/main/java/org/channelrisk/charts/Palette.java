package org.channelrisk.charts;

import java.util.List;

/**
 * The Okabe–Ito palette: eight colours that stay distinct for the common forms of colour-vision
 * deficiency (Okabe and Ito, "Color Universal Design", 2008; the default qualitative palette of R 4
 * since {@code palette.colors()}). Series take the colours in {@link #SERIES} order, which puts the
 * strong ones first and yellow, the weakest on white, last; every series also gets its own
 * {@link LineStyle}, so that two lines that coincide stay distinguishable even in grey print.
 *
 * <pre>{@code
 * Rgb c = Palette.series(0);          // blue
 * LineStyle s = Palette.style(1);     // DASHED
 * }</pre>
 */
public final class Palette {
  /** Black, #000000. */
  public static final Rgb BLACK = Rgb.of("000000");
  /** Orange, #E69F00. */
  public static final Rgb ORANGE = Rgb.of("E69F00");
  /** Sky blue, #56B4E9. */
  public static final Rgb SKY_BLUE = Rgb.of("56B4E9");
  /** Bluish green, #009E73. */
  public static final Rgb BLUISH_GREEN = Rgb.of("009E73");
  /** Yellow, #F0E442. */
  public static final Rgb YELLOW = Rgb.of("F0E442");
  /** Blue, #0072B2. */
  public static final Rgb BLUE = Rgb.of("0072B2");
  /** Vermillion, #D55E00. */
  public static final Rgb VERMILLION = Rgb.of("D55E00");
  /** Reddish purple, #CC79A7. */
  public static final Rgb REDDISH_PURPLE = Rgb.of("CC79A7");
  /** Dark grey for axes, text and reference lines (not a series colour). */
  public static final Rgb INK = Rgb.of("333333");
  /** Light grey for grid lines and context series. */
  public static final Rgb GRID = Rgb.of("DDDDDD");
  /** Mid grey for secondary text and context series. */
  public static final Rgb MUTED = Rgb.of("999999");

  /** The series colours in the order they are used. */
  public static final List<Rgb> SERIES = List.of(BLUE, VERMILLION, BLUISH_GREEN, ORANGE, REDDISH_PURPLE, SKY_BLUE, BLACK, YELLOW);

  private static final List<LineStyle> STYLES = List.of(LineStyle.SOLID, LineStyle.DASHED, LineStyle.DOTTED, LineStyle.DASH_DOT,
      LineStyle.LONG_DASH, LineStyle.SOLID, LineStyle.DASHED, LineStyle.DOTTED);

  private Palette() {}

  /**
   * @param i a series index, &gt;= 0; wraps around after eight
   * @return its colour
   */
  public static Rgb series(int i) {
    return SERIES.get(Math.floorMod(i, SERIES.size()));
  }

  /**
   * @param i a series index, &gt;= 0
   * @return its line style: solid, dashed, dotted, dash-dot, long dash, then again
   */
  public static LineStyle style(int i) {
    return STYLES.get(Math.floorMod(i, STYLES.size()));
  }
}
