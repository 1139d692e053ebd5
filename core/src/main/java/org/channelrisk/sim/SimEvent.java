package org.channelrisk.sim;

import java.util.Locale;

/**
 * One entry of a run's event log.
 *
 * @param time when
 * @param kind referral (complied or declined), removal, re-creation or migration
 * @param channelId the channel
 * @param generation its incarnation
 * @param platformId the platform
 * @param detail more about it ("complied", "declined", "account ban", "from telegram")
 */
public record SimEvent(double time, Kind kind, String channelId, int generation, String platformId, String detail) {
  /** Kinds of events. */
  public enum Kind {
    /** A referral was decided. */
    REFERRAL,
    /** A channel was removed. */
    REMOVAL,
    /** A channel was re-created. */
    RECREATION,
    /** A re-created channel moved platform. */
    MIGRATION
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.4f %s %s#%d on %s %s", time, kind, channelId, generation, platformId, detail);
  }
}
