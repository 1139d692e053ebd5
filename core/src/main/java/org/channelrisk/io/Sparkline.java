package org.channelrisk.io;

import org.channelrisk.internal.Checks;

/**
 * A series as one line of block characters, for a quick look at a prompt.
 *
 * <pre>{@code
 * Sparkline.of(new double[] {1000, 990, 310, 420, 560, 640, 700});   // "██▁▂▄▅▅"
 * Sparkline.of(values, 40);                                          // resampled to 40 characters
 * }</pre>
 */
public final class Sparkline {
  private static final char[] BLOCKS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

  private Sparkline() {}

  /**
   * @param values the series (NaN drawn as a space)
   * @return one character per value, scaled from the minimum to the maximum
   */
  public static String of(double[] values) {
    Checks.notNull("values", values);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    StringBuilder sb = new StringBuilder(values.length);
    for (double v : values) {
      if (!Double.isFinite(v)) {
        sb.append(' ');
      } else if (max == min) {
        sb.append(BLOCKS[3]);
      } else {
        sb.append(BLOCKS[(int) Math.min(BLOCKS.length - 1, Math.floor((v - min) / (max - min) * BLOCKS.length))]);
      }
    }
    return sb.toString();
  }

  /**
   * @param values the series
   * @param width the number of characters, &gt;= 1 (each the mean of its share of the values)
   * @return the sparkline
   */
  public static String of(double[] values, int width) {
    Checks.notNull("values", values);
    if (width < 1) {
      throw new IllegalArgumentException("width must be >= 1: " + width);
    }
    if (values.length <= width) {
      return of(values);
    }
    double[] r = new double[width];
    for (int k = 0; k < width; k++) {
      int from = (int) ((long) k * values.length / width);
      int to = (int) ((long) (k + 1) * values.length / width);
      double s = 0;
      for (int i = from; i < to; i++) {
        s += values[i];
      }
      r[k] = s / (to - from);
    }
    return of(r);
  }
}
