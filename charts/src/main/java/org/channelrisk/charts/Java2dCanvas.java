package org.channelrisk.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * Draws on an off-screen image at a scale (2 for a sharp picture on high-density screens). Off-screen
 * images need no display, so nothing here depends on {@code java.awt.headless}.
 */
final class Java2dCanvas implements Canvas {
  private final BufferedImage image;
  private final Graphics2D g;

  Java2dCanvas(double width, double height, double scale) {
    image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale), BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.scale(scale, scale);
    g.setColor(Color.WHITE);
    g.fill(new Rectangle2D.Double(0, 0, width, height));
  }

  BufferedImage finish() {
    g.dispose();
    return image;
  }

  private static Color color(Rgb c, double opacity) {
    return new Color(c.red(), c.green(), c.blue(), (int) Math.round(255 * opacity));
  }

  /** The open path through the points, in order. */
  private static Path2D.Double path(double[] xs, double[] ys) {
    Path2D.Double p = new Path2D.Double();
    for (int i = 0; i < xs.length; i++) {
      if (i == 0) {
        p.moveTo(xs[i], ys[i]);
      } else {
        p.lineTo(xs[i], ys[i]);
      }
    }
    return p;
  }

  @Override
  public void polyline(double[] xs, double[] ys, Rgb c, double width, double[] dashes) {
    Path2D.Double p = path(xs, ys);
    float[] d = null;
    if (dashes.length > 0) {
      d = new float[dashes.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = (float) dashes[i];
      }
    }
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, d, 0f));
    g.setColor(color(c, 1));
    g.draw(p);
  }

  @Override
  public void polygon(double[] xs, double[] ys, Rgb fill, double opacity) {
    Path2D.Double p = path(xs, ys);
    p.closePath();
    g.setColor(color(fill, opacity));
    g.fill(p);
  }

  @Override
  public void rect(double x, double y, double w, double h, Rgb fill, double opacity) {
    g.setColor(color(fill, opacity));
    g.fill(new Rectangle2D.Double(x, y, w, h));
  }

  @Override
  public void circle(double x, double y, double r, Rgb fill) {
    g.setColor(color(fill, 1));
    g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
  }

  @Override
  public void text(double x, double y, String s, double size, boolean bold, Rgb c, Anchor anchor, boolean vertical) {
    Font f = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    g.setFont(f);
    g.setColor(color(c, 1));
    FontMetrics fm = g.getFontMetrics();
    double w = fm.getStringBounds(s, g).getWidth();
    double dx = anchor == Anchor.START ? 0 : anchor == Anchor.MIDDLE ? -w / 2 : -w;
    if (vertical) {
      AffineTransform saved = g.getTransform();
      g.translate(x, y);
      g.rotate(-Math.PI / 2);
      g.drawString(s, (float) dx, 0f);
      g.setTransform(saved);
    } else {
      g.drawString(s, (float) (x + dx), (float) y);
    }
  }
}
