package org.channelrisk.charts;

/**
 * The few drawing operations a chart needs, in logical pixels; {@link SvgCanvas} writes them as SVG,
 * {@link Java2dCanvas} draws them on an image. One layout drives both, so the SVG and the PNG of a
 * chart are the same picture.
 */
interface Canvas {
  /** Horizontal alignment of text at its anchor point. */
  enum Anchor {
    START,
    MIDDLE,
    END
  }

  void polyline(double[] xs, double[] ys, Rgb color, double width, double[] dashes);

  void polygon(double[] xs, double[] ys, Rgb fill, double opacity);

  void rect(double x, double y, double w, double h, Rgb fill, double opacity);

  void circle(double x, double y, double r, Rgb fill);

  /** Text with its baseline at y; vertical text reads bottom to top, centred on (x, y). */
  void text(double x, double y, String s, double size, boolean bold, Rgb color, Anchor anchor, boolean vertical);
}
