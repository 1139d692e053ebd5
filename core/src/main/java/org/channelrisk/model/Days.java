package org.channelrisk.model;

import java.util.Locale;

/** Formats durations in days for {@code toString}: hours below a day, days above. */
final class Days {
  private Days() {}

  static String format(double days) {
    if (days < 1.0) {
      return String.format(Locale.ROOT, "%.3g h", days * 24.0);
    }
    return String.format(Locale.ROOT, "%.4g d", days);
  }
}
