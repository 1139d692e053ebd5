package org.channelrisk.observe;

import org.channelrisk.internal.EnumNames;

/**
 * What one check of a channel found: the states a monitoring script records when it visits a list of
 * channels periodically.
 *
 * <pre>{@code
 * ChannelStatus s = ChannelStatus.parse("Removed");   // REMOVED
 * }</pre>
 */
public enum ChannelStatus {
  /** The channel was reachable and public. */
  ALIVE,
  /** The channel was gone (removed by the platform, deleted, or its handle freed). */
  REMOVED,
  /** The channel existed but had turned private: it left public view without being removed. */
  PRIVATE,
  /** The check did not decide (a network error, a rate limit): it neither starts nor ends anything. */
  UNKNOWN;

  /**
   * Parses a status written in any case: {@code alive, removed, private, unknown}.
   *
   * @param text the cell
   * @return the status
   * @throws IllegalArgumentException naming the four accepted values
   */
  public static ChannelStatus parse(String text) {
    return EnumNames.find(ChannelStatus.class, text).orElseThrow(() -> new IllegalArgumentException(
        "expected alive, removed, private or unknown, found '" + text + "'"));
  }

  /** @return the lower-case name used in files */
  public String label() {
    return EnumNames.of(this);
  }
}
