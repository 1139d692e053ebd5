package org.channelrisk.calibrate;

import org.channelrisk.model.Cooperation;
import org.channelrisk.model.CooperationSchedule;
import org.channelrisk.model.Ecosystem;
import org.channelrisk.model.EcosystemGenerator;
import org.channelrisk.model.LatencyDistribution;
import org.channelrisk.model.Platform;
import org.channelrisk.model.SecurityRating;
import org.channelrisk.sim.ActionDay;
import org.channelrisk.sim.BanLevel;
import org.channelrisk.sim.Scenario;
import org.channelrisk.sim.TargetingStrategy;

/** Small scenarios whose statistics have known distributions. */
final class Scenarios {
  private Scenarios() {}

  /**
   * n channels on one platform; on day 1 every channel is referred once; the platform complies with
   * probability {@code compliance}; a removed channel is re-created with probability {@code recreation}
   * (a channel ban: the operator keeps the account). No other referral or moderation, so by day
   * {@code horizon} referrals_complied ~ Binomial(n, compliance) and recreations ~ Binomial(complied,
   * recreation) once every removal and re-creation has happened (latency and delay are short).
   */
  static Scenario referrals(int n, double compliance, double recreation, double horizon) {
    Cooperation c = Cooperation.builder().compliance(compliance).latency(LatencyDistribution.exponentialHours(1)).build();
    Platform p = new Platform("p", "P", 1_000_000L, SecurityRating.SAFE, CooperationSchedule.constant(c));
    Ecosystem eco = EcosystemGenerator.builder().platform(p, 1).channels(n).seed(7).build().generate();
    return Scenario.builder(eco).recreation(recreation, LatencyDistribution.exponentialHours(2))
        .actionDay(ActionDay.at(1).budget(n).strategy(TargetingStrategy.INCLUDING_BACKUPS).banLevel(BanLevel.CHANNEL).build())
        .horizon(horizon).gridStep(1).build();
  }
}
