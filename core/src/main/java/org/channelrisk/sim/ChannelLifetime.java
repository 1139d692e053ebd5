package org.channelrisk.sim;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.channelrisk.model.ChannelRole;

/**
 * One channel incarnation of a run, from its creation to its end or to the horizon: the row of a
 * competing-risks data set (time to end, cause of end).
 *
 * <pre>{@code
 * List<ChannelLifetime> lives = Simulation.of(Presets.actionDay2019(2_000, true)).seed(2019).lifetimes();
 * lives.get(0).duration();   // days
 * lives.get(0).status();     // "referral", "proactive", "abandoned", "migrated" or "censored"
 * }</pre>
 *
 * @param channelId the channel (re-created incarnations keep the id)
 * @param generation the incarnation, 0 for a channel of the starting ecosystem
 * @param platformId where this incarnation lived
 * @param role the channel's role
 * @param start when it was created (0 for the starting ecosystem)
 * @param end when it ended, or the horizon when it was still active
 * @param cause why it ended; empty when it was still active at the horizon (censored)
 */
public record ChannelLifetime(String channelId, int generation, String platformId, ChannelRole role, double start, double end,
    Optional<EndCause> cause) {

  /** Checks the fields. */
  public ChannelLifetime {
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(cause, "cause");
    if (!(end >= start)) {
      throw new IllegalArgumentException("a lifetime must end at or after its start: " + start + " to " + end);
    }
  }

  /** @return end - start, in days */
  public double duration() {
    return end - start;
  }

  /** @return whether the incarnation was still active at the horizon */
  public boolean censored() {
    return cause.isEmpty();
  }

  /** @return the cause's {@linkplain EndCause#key key}, or "censored" */
  public String status() {
    return cause.map(EndCause::key).orElse("censored");
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s#%d on %s (%s): %.3f to %.3f, %s", channelId, generation, platformId,
        role.name().toLowerCase(Locale.ROOT), start, end, status());
  }
}
