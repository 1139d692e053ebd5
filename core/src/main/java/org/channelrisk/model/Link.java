package org.channelrisk.model;

import org.channelrisk.internal.Checks;
/**
 * A directed promotion link between channels: {@code from} advertises {@code to} (an invite link, a
 * forward). An audience finds a re-created channel through the links pointing at it.
 *
 * <pre>{@code
 * Link l = Link.of("c1", "c2");
 * }</pre>
 *
 * @param from the promoting channel
 * @param to the promoted channel
 */
public record Link(String from, String to) {
  /** Validates the ends; a channel does not link to itself. */
  public Link {
    Checks.id("link from", from);
    Checks.id("link to", to);
    if (from.equals(to)) {
      throw new IllegalArgumentException("a link must join two different channels: " + from + " -> " + to);
    }
  }

  /**
   * @param from the promoting channel
   * @param to the promoted channel
   * @return the link
   */
  public static Link of(String from, String to) {
    return new Link(from, to);
  }

  @Override
  public String toString() {
    return from + " -> " + to;
  }
}
