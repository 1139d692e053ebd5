package org.channelrisk.sim;

import java.util.Locale;

/**
 * What a run records on its observation grid (named so as not to clash with {@code java.util.Observable},
 * which JShell imports by default). Counts of events are cumulative from time 0, except the two rates
 * {@link #POSTS} and {@link #NEW_CHANNELS}, which are per day over the grid step that ends at the time.
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
  MIGRATIONS,
  /**
   * Posts per day over the grid step ending at the time (not cumulative): every active channel posts
   * as a Poisson process at its role's rate ({@link Scenario#postingRate}), so this is the count of
   * the step divided by its length. At time 0 the step before it counts the starting network.
   */
  POSTS,
  /** Channels created by re-creation per day over the grid step ending at the time (0 at time 0). */
  NEW_CHANNELS,
  /** Channels their operators ended so far, abandoned or moved to another platform. */
  DEPARTURES;

  /** @return the snake-case name used in CSV headers */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
