package org.channelrisk.observe;

import org.channelrisk.internal.EnumNames;

/**
 * How an observed channel incarnation ended: the cause names written in a lifetime table's
 * {@code status} column, where {@code censored} is the censoring label of competing-risks tools.
 */
public enum Ending {
  /** A check found the channel removed. */
  REMOVED,
  /** A check found the channel private. */
  PRIVATE,
  /** The channel was still alive at its last check (right-censored). */
  CENSORED;

  /** @return the lower-case name used in files: {@code removed}, {@code private}, {@code censored} */
  public String label() {
    return EnumNames.of(this);
  }

  /** @return true unless censored */
  public boolean isEvent() {
    return this != CENSORED;
  }
}
