package org.channelrisk.sim;

/**
 * How an action day chooses the channels it refers, among the active channels on its platforms.
 * Backup channels are kept quiet by their operators and are not found, except by
 * {@link #INCLUDING_BACKUPS}.
 */
public enum TargetingStrategy {
  /** Uniformly at random. */
  RANDOM,
  /** The largest audiences first. */
  LARGEST_AUDIENCE,
  /** The most linked channels first (in- plus out-links in the promotion graph). */
  HUBS,
  /** Official outlets first, then the largest audiences. */
  OFFICIAL_FIRST,
  /** Backup channels are found too, and go first; then the largest audiences. */
  INCLUDING_BACKUPS
}
