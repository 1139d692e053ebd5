package org.channelrisk.impact;

import java.util.Locale;

/** The trend of a {@link ImpactModel#STRUCTURAL} model. */
public enum Trend {
  /** Local level: y_t = mu_t + e_t, mu_{t+1} = mu_t + eta_t (R {@code StructTS(type = "level")}). */
  LEVEL("level"),
  /** Local linear trend: the level also moves by a slope that is itself a random walk (R {@code StructTS(type = "trend")}). */
  LINEAR("linear");

  private final String id;

  Trend(String id) {
    this.id = id;
  }

  /** @return the name used on the command line */
  public String id() {
    return id;
  }

  /**
   * @param s level or linear, any case
   * @return the trend
   * @throws IllegalArgumentException otherwise
   */
  public static Trend parse(String s) {
    for (Trend t : values()) {
      if (t.id.equals(s.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException("trend must be level or linear: '" + s + "'");
  }
}
