package org.channelrisk.charts;

import com.google.common.html.HtmlEscapers;
import java.util.Locale;

/** Writes drawing operations as SVG 1.1 elements, with coordinates rounded to 0.1 pixel. */
final class SvgCanvas implements Canvas {
  private final StringBuilder sb = new StringBuilder();

  SvgCanvas(double width, double height, String title) {
    sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\""
        + " font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" role=\"img\" aria-label=\"%s\">%n", n(width), n(height), n(width),
        n(height), escape(title)));
    sb.append("<title>").append(escape(title)).append("</title>\n");
    sb.append(String.format(Locale.ROOT, "<rect width=\"%s\" height=\"%s\" fill=\"#ffffff\"/>%n", n(width), n(height)));
  }

  String finish() {
    return sb + "</svg>\n";
  }

  @Override
  public void polyline(double[] xs, double[] ys, Rgb color, double width, double[] dashes) {
    sb.append("<polyline fill=\"none\" stroke=\"").append(color.hex()).append("\" stroke-width=\"").append(n(width))
        .append("\" stroke-linejoin=\"round\"");
    if (dashes.length > 0) {
      sb.append(" stroke-dasharray=\"");
      for (int i = 0; i < dashes.length; i++) {
        sb.append(i == 0 ? "" : " ").append(n(dashes[i]));
      }
      sb.append('"');
    }
    sb.append(" points=\"");
    points(xs, ys);
    sb.append("\"/>\n");
  }

  @Override
  public void polygon(double[] xs, double[] ys, Rgb fill, double opacity) {
    sb.append("<polygon fill=\"").append(fill.hex()).append("\" fill-opacity=\"").append(n(opacity)).append("\" points=\"");
    points(xs, ys);
    sb.append("\"/>\n");
  }

  @Override
  public void rect(double x, double y, double w, double h, Rgb fill, double opacity) {
    sb.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"%s/>%n", n(x), n(y), n(w), n(h),
        fill.hex(), opacity < 1 ? " fill-opacity=\"" + n(opacity) + "\"" : ""));
  }

  @Override
  public void circle(double x, double y, double r, Rgb fill) {
    sb.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"/>%n", n(x), n(y), n(r), fill.hex()));
  }

  @Override
  public void text(double x, double y, String s, double size, boolean bold, Rgb color, Anchor anchor, boolean vertical) {
    sb.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" font-size=\"%s\" fill=\"%s\"", n(x), n(y), n(size), color.hex()));
    if (bold) {
      sb.append(" font-weight=\"bold\"");
    }
    if (anchor != Anchor.START) {
      sb.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
    }
    if (vertical) {
      sb.append(" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y)).append(")\"");
    }
    sb.append('>').append(escape(s)).append("</text>\n");
  }

  private void points(double[] xs, double[] ys) {
    for (int i = 0; i < xs.length; i++) {
      sb.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
    }
  }

  static String n(double v) {
    double r = Math.round(v * 10) / 10.0;
    if (r == Math.rint(r)) {
      return Long.toString((long) r);
    }
    return String.format(Locale.ROOT, "%.1f", r);
  }

  /** Text for XML and HTML, escaped by Guava's HTML escaper (&amp;, &lt;, &gt;, quotes). */
  static String escape(String s) {
    return HtmlEscapers.htmlEscaper().escape(s);
  }
}
