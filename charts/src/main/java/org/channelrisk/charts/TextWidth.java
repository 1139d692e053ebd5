package org.channelrisk.charts;

/**
 * The width of a label, estimated from DejaVu Sans's advance widths (the sans-serif font that Java 2D
 * and browsers use on a Debian system; Helvetica and Arial are narrower, so the estimate errs on the
 * wide side). The layout needs widths before anything is drawn and must not depend on the fonts
 * installed, so that the SVG, the PNG and a test all see the same layout.
 */
final class TextWidth {
  private TextWidth() {}

  /**
   * @param s a label
   * @param size the font size in pixels
   * @param bold whether the font is bold (about 10% wider)
   * @return its estimated width in pixels
   */
  static double of(String s, double size, boolean bold) {
    double em = 0;
    for (int i = 0; i < s.length(); i++) {
      em += advance(s.charAt(i));
    }
    return em * size * (bold ? 1.1 : 1.0);
  }

  private static double advance(char c) {
    if (c >= '0' && c <= '9') {
      return 0.64;
    }
    if ("iljtf.,:;'|!()[] ".indexOf(c) >= 0) {
      return 0.34;
    }
    if ("mwMW%".indexOf(c) >= 0) {
      return 0.95;
    }
    if (Character.isUpperCase(c)) {
      return 0.72;
    }
    if (c == '–' || c == '—') {
      return 0.8;
    }
    return 0.62;
  }
}
