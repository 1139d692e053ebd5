package org.channelrisk.sim;

import org.channelrisk.internal.Checks;
import java.util.Locale;
import java.util.Objects;

/**
 * What routine removals (referrals outside action days, proactive moderation) ban: the channel only,
 * or the operator's account too, in which case each of its spare accounts is found with probability
 * {@code spareShare}.
 *
 * <pre>{@code
 * Scenario.builder(eco).routineBan(new RoutineBans(BanLevel.ACCOUNT, 0.3));
 * }</pre>
 *
 * @param level ban level of routine removals
 * @param spareShare with account bans, the probability that each spare account is found too, in [0, 1]
 */
public record RoutineBans(BanLevel level, double spareShare) {
  /** Channel bans, no spare accounts found. */
  public static final RoutineBans DEFAULT = new RoutineBans(BanLevel.CHANNEL, 0);

  /** Checks the values. */
  public RoutineBans {
    Objects.requireNonNull(level, "routine ban level");
    Checks.probability("routine spareShare", spareShare);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "routine bans %s (spare share %.3g)", level, spareShare);
  }
}
