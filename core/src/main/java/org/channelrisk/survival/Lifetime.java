package org.channelrisk.survival;

/**
 * One row of a lifetime table: how long a channel (or a referral) was observed, and whether the
 * observation ended with the event (removal, decision) or was censored.
 *
 * <pre>{@code
 * Lifetime l = new Lifetime("c1", 14.0, true, "telegram", 0.0);
 * }</pre>
 *
 * @param id identifier
 * @param time time to event or censoring, finite and &gt;= 0
 * @param event true if the event was observed, false if censored
 * @param group group label, empty when there is none
 * @param entry entry time for left truncation (observed from this time on), 0 when not truncated;
 *     otherwise before the time (R's {@code Surv(start, stop)} needs start &lt; stop: a row that enters
 *     at its end is never at risk)
 */
public record Lifetime(String id, double time, boolean event, String group, double entry) {
  /** Validates the row. */
  public Lifetime {
    if (id == null || group == null) {
      throw new NullPointerException("id and group must not be null (use \"\" for no group)");
    }
    if (!(time >= 0) || Double.isInfinite(time)) {
      throw new IllegalArgumentException("time of " + id + " must be finite and >= 0: " + time);
    }
    if (!(entry >= 0) || !(entry == 0 || entry < time)) {
      throw new IllegalArgumentException("entry of " + id + " must be 0 or in (0, time = " + time + "): " + entry
          + " (a row that enters at or after its end is never at risk)");
    }
  }

  /**
   * A row with no group and no truncation.
   *
   * @param id identifier
   * @param time time to event or censoring
   * @param event true for an event
   * @return the row
   */
  public static Lifetime of(String id, double time, boolean event) {
    return new Lifetime(id, time, event, "", 0.0);
  }
}
