package org.channelrisk.sim;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a run's event log.
 *
 * <pre>{@code
 * for (SimEvent e : Simulation.of(scenario.toBuilder().eventLog(true).build()).seed(42).run().events()) {
 *   e.cause().ifPresent(c -> System.out.println(e.channelId() + " ended: " + c.key()));
 * }
 * }</pre>
 *
 * @param time when
 * @param kind referral (complied or declined), removal, abandonment, departure, re-creation or migration
 * @param channelId the channel
 * @param generation its incarnation
 * @param platformId the platform
 * @param detail more about it ("complied", "declined", "account ban", "from telegram")
 * @param cause for the events that end an incarnation (removal, abandonment, departure), why; empty
 *     for the others
 */
public record SimEvent(double time, Kind kind, String channelId, int generation, String platformId, String detail,
    Optional<EndCause> cause) {
  /** Kinds of events. */
  public enum Kind {
    /** A referral was decided. */
    REFERRAL,
    /** A channel was removed by its platform (cause referral or proactive). */
    REMOVAL,
    /** A re-created channel was created. */
    RECREATION,
    /** A re-created channel moved platform. */
    MIGRATION,
    /** An operator abandoned a channel (cause abandoned). */
    ABANDONMENT,
    /** An operator closed a channel to re-create it on another platform (cause migrated). */
    DEPARTURE
  }

  /** Checks the fields. */
  public SimEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(cause, "cause");
  }

  /**
   * An event that ends nothing.
   *
   * @param time when
   * @param kind what
   * @param channelId the channel
   * @param generation its incarnation
   * @param platformId the platform
   * @param detail more about it
   */
  public SimEvent(double time, Kind kind, String channelId, int generation, String platformId, String detail) {
    this(time, kind, channelId, generation, platformId, detail, Optional.empty());
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.4f %s %s#%d on %s %s%s", time, kind, channelId, generation, platformId, detail,
        cause.map(c -> " (" + c.key() + ")").orElse(""));
  }
}
