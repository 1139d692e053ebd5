package org.channelrisk.sim;

import java.util.Locale;

/**
 * What a run records on its observation grid (named so as not to clash with {@code java.util.Observable},
 * which JShell imports by default). Counts of events are cumulative from time 0.
 */
public enum Observed {
  /** Channels active at the time. */
  ACTIVE_CHANNELS,
  /** Total audience of the active channels. */
  AUDIENCE,
  /** Removals so far. */
  REMOVALS,
  /** Re-creations so far. */
  RECREATIONS,
  /** Referrals sent so far (routine and action days). */
  REFERRALS_SENT,
  /** Referrals that the platform complied with so far. */
  REFERRALS_COMPLIED,
  /** Referrals declined so far. */
  REFERRALS_DECLINED,
  /** Re-creations on another platform so far. */
  MIGRATIONS;

  /** @return the snake-case name used in CSV headers */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
