package org.channelrisk.charts;

import java.util.Locale;

/**
 * Short labels for numbers, as a reader writes them: 950, 10k, 1.4M, 2.5B, 25%. A prefix is chosen
 * per value (as d3's {@code ~s} format): 500, 1k, 1.5k on one axis, never {@code 1.4E6}.
 *
 * <pre>{@code
 * NumberLabels.compact(1_412_000);            // "1.41M"
 * NumberLabels.tick(1_400_000, 200_000);     // "1.4M"
 * NumberLabels.percentTick(0.25, 0.05);      // "25%"
 * }</pre>
 */
public final class NumberLabels {
  private NumberLabels() {}

  /**
   * A label with three significant digits and a k / M / B suffix.
   *
   * @param v a value
   * @return the label; "n/a" for NaN, "∞" or "-∞" for infinities
   */
  public static String compact(double v) {
    if (!Double.isFinite(v)) {
      return Double.isNaN(v) ? "n/a" : v > 0 ? "∞" : "-∞";
    }
    double unit = unit(v);
    double s = Math.abs(v) / unit;
    int decimals = s == 0 || s >= 100 ? 0 : s >= 10 ? 1 : 2;
    if (unit == 1 && s >= 1 && Math.abs(v - Math.rint(v)) < 1e-9) {
      decimals = 0;
    }
    return trim(String.format(Locale.ROOT, "%." + decimals + "f", v / unit)) + suffix(unit);
  }

  /**
   * A tick label: as many decimals as the step needs, trailing zeros dropped, a k / M / B suffix
   * chosen for the value.
   *
   * @param v the tick's value
   * @param step the distance between ticks, &gt; 0
   * @return the label
   */
  public static String tick(double v, double step) {
    if (Math.abs(v) < step * 1e-9) {
      return "0";
    }
    double unit = unit(v);
    return trim(String.format(Locale.ROOT, "%." + decimals(step / unit) + "f", v / unit)) + suffix(unit);
  }

  /**
   * A tick label for a share shown as a percentage.
   *
   * @param v the share (0.25 for 25%)
   * @param step the distance between ticks as a share
   * @return the label, e.g. "25%"
   */
  public static String percentTick(double v, double step) {
    if (Math.abs(v) < step * 1e-9) {
      return "0%";
    }
    return trim(String.format(Locale.ROOT, "%." + decimals(step * 100) + "f", v * 100)) + "%";
  }

  /** The fewest decimals (up to 9) that write {@code x} exactly enough for a tick. */
  static int decimals(double x) {
    double a = Math.abs(x);
    for (int d = 0; d < 9; d++) {
      double scaled = a * Math.pow(10, d);
      if (scaled >= 0.999 && Math.abs(scaled - Math.rint(scaled)) < 1e-6 * scaled) {
        return d;
      }
    }
    return 9;
  }

  private static double unit(double v) {
    double a = Math.abs(v);
    // rounding can carry a value up a unit (999,999 written with 3 digits is 1M): use a slightly low threshold
    return a >= 0.9995e9 ? 1e9 : a >= 0.9995e6 ? 1e6 : a >= 999.5 ? 1e3 : 1;
  }

  private static String suffix(double unit) {
    return unit == 1e9 ? "B" : unit == 1e6 ? "M" : unit == 1e3 ? "k" : "";
  }

  private static String trim(String s) {
    if (s.indexOf('.') < 0) {
      return s.equals("-0") ? "0" : s;
    }
    String t = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    return t.equals("-0") ? "0" : t;
  }
}
