package org.channelrisk.sim;

import java.util.Locale;

/**
 * Why a channel incarnation ended: the competing risks of a channel's life. Every end in a run has
 * exactly one cause; a channel still active at the horizon has none (it is censored).
 *
 * <pre>{@code
 * for (ChannelLifetime l : Simulation.of(scenario).seed(42).lifetimes()) {
 *   l.cause().map(EndCause::key).orElse("censored");
 * }
 * }</pre>
 */
public enum EndCause {
  /** Removed by the platform after a referral it complied with (routine detection or an action day). */
  REFERRAL,
  /** Removed by the platform's own (proactive) moderation. */
  PROACTIVE,
  /** Closed by its operator, who did not re-create it (the scenario's abandonment hazard). */
  ABANDONED,
  /** Closed by its operator, who re-created it on another platform (the scenario's move hazard). */
  MIGRATED;

  /** @return the lower-case name used in CSV files ("referral", "proactive", "abandoned", "migrated") */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
