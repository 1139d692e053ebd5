package org.channelrisk.sim;

import org.channelrisk.internal.Checks;
import java.util.Locale;

/**
 * How a re-created channel's former audience finds it again: each former member still looking finds
 * the new incarnation with hazard {@code baseHazard + linkHazard * (active channels linking to it)}
 * per day, and a share {@code 1 - retention} of the former audience stops looking at each
 * re-creation (the "diminishing returns" of returning accounts).
 *
 * <pre>{@code
 * AudienceRecovery a = AudienceRecovery.DEFAULT.withBaseHazard(0.03).withRetention(0.6);
 * Scenario.builder(eco).audience(a);
 * }</pre>
 *
 * @param baseHazard r0: hazard per day of finding a new incarnation, finite and &gt;= 0
 * @param linkHazard r1: extra hazard per active channel linking in, finite and &gt;= 0
 * @param retention share of the former audience still looking after a re-creation, in [0, 1]
 */
public record AudienceRecovery(double baseHazard, double linkHazard, double retention) {
  /** r0 = 0.05 per day, r1 = 0.02 per linking channel, 70% retained. */
  public static final AudienceRecovery DEFAULT = new AudienceRecovery(0.05, 0.02, 0.7);

  /** Checks the values. */
  public AudienceRecovery {
    Checks.finiteNonNegative("audience baseHazard (r0)", baseHazard);
    Checks.finiteNonNegative("audience linkHazard (r1)", linkHazard);
    Checks.probability("audience retention", retention);
  }

  /** @param r0 hazard per day of finding a new incarnation @return a copy with it */
  public AudienceRecovery withBaseHazard(double r0) {
    return new AudienceRecovery(r0, linkHazard, retention);
  }

  /** @param r1 extra hazard per active channel linking in @return a copy with it */
  public AudienceRecovery withLinkHazard(double r1) {
    return new AudienceRecovery(baseHazard, r1, retention);
  }

  /** @param share share of the former audience still looking after a re-creation @return a copy with it */
  public AudienceRecovery withRetention(double share) {
    return new AudienceRecovery(baseHazard, linkHazard, share);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "audience r0 %.3g r1 %.3g retention %.3g", baseHazard, linkHazard, retention);
  }
}
