package org.channelrisk.impact;

import org.channelrisk.internal.EnumNames;

/** The trend of a {@link ImpactModel#STRUCTURAL} model. */
public enum Trend {
  /** Local level: y_t = mu_t + e_t, mu_{t+1} = mu_t + eta_t (R {@code StructTS(type = "level")}). */
  LEVEL,
  /** Local linear trend: the level also moves by a slope that is itself a random walk (R {@code StructTS(type = "trend")}). */
  LINEAR;

  /** @return the name used on the command line */
  public String id() {
    return EnumNames.of(this);
  }

  /**
   * @param s level or linear, any case
   * @return the trend
   * @throws IllegalArgumentException otherwise
   */
  public static Trend parse(String s) {
    return EnumNames.find(Trend.class, s)
        .orElseThrow(() -> new IllegalArgumentException("trend must be level or linear: '" + s + "'"));
  }
}
