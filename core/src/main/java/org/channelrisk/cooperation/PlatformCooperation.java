package org.channelrisk.cooperation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.channelrisk.internal.Checks;
import org.channelrisk.model.Cooperation;
import org.channelrisk.model.LatencyDistribution;
import org.channelrisk.survival.ParametricSurvival;
import org.channelrisk.survival.SurvivalCurve;

/**
 * One platform's observed cooperation in one period: how many referrals it received and decided,
 * its compliance rate and how fast it removed content.
 *
 * <pre>{@code
 * PlatformCooperation tg = profile.platform("telegram");
 * tg.compliance();                 // 91.40% (90.8%, 92.0%; Wilson 95%), ...
 * tg.latency().median();           // removal latency in days, pending referrals censored
 * Cooperation c = tg.toCooperation();   // for a simulation scenario
 * }</pre>
 *
 * @param platform platform id
 * @param period period label ("all" without periods)
 * @param referrals referrals sent in the period
 * @param removed referrals that led to removal
 * @param declined referrals declined
 * @param pending referrals not decided by the end of observation
 * @param compliance removed / (removed + declined), Wilson interval; pending referrals are not counted
 * @param latency Kaplan-Meier curve of the time from referral to removal, pending referrals censored
 *     at the end of observation, declined referrals left out
 * @param latencyFits the parametric latency fits that converged, best (smallest AIC) first
 */
public record PlatformCooperation(
    String platform, String period, int referrals, int removed, int declined, int pending, Proportion compliance,
    SurvivalCurve latency, List<ParametricSurvival.Fit> latencyFits) {

  /**
   * Checks that the counts add up and agree with the compliance rate, and copies the fits, so that the
   * row cannot change once made.
   *
   * @throws IllegalArgumentException if a count is negative, the outcomes do not add up to the
   *     referrals, or the compliance rate is not removed of removed + declined
   */
  public PlatformCooperation {
    Checks.notNull("platform", platform);
    Checks.notNull("period", period);
    Checks.notNull("latency", latency);
    latencyFits = List.copyOf(Checks.notNull("latencyFits", latencyFits));
    checkCounts(referrals, removed, declined, pending, Checks.notNull("compliance", compliance));
  }

  /** The outcomes add up to the referrals, and compliance is removed of decided. */
  private static void checkCounts(int referrals, int removed, int declined, int pending, Proportion compliance) {
    Checks.nonNegative("removed", removed);
    Checks.nonNegative("declined", declined);
    Checks.nonNegative("pending", pending);
    if ((long) removed + declined + pending != referrals) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "removed %d + declined %d + pending %d must equal the referrals %d", removed, declined, pending, referrals));
    }
    if (compliance.successes() != removed || compliance.trials() != (long) removed + declined) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "compliance must be removed of removed + declined (%d of %d), found %d of %d", removed, (long) removed + declined,
          compliance.successes(), compliance.trials()));
    }
  }

  /** @return the parametric latency fit with the smallest AIC, if any converged */
  public Optional<ParametricSurvival.Fit> bestLatencyFit() {
    return latencyFits.isEmpty() ? Optional.empty() : Optional.of(latencyFits.get(0));
  }

  /**
   * The observed behaviour as a profile for a scenario: compliance as estimated and the best-fitting
   * latency distribution; no proactive moderation (referral logs do not show it).
   *
   * @return the profile
   * @throws IllegalStateException when the log has no decision or no removal to estimate from
   */
  public Cooperation toCooperation() {
    if (compliance.trials() == 0) {
      throw new IllegalStateException("platform " + platform + " (" + period + ") has no decided referral: compliance cannot be estimated");
    }
    LatencyDistribution d = bestLatencyFit().map(ParametricSurvival.Fit::toLatency).orElseThrow(
        () -> new IllegalStateException("platform " + platform + " (" + period + ") has no fitted latency: "
            + removed + " removals observed"));
    return Cooperation.of(compliance.estimate(), d);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s [%s]: %d referrals (%d removed, %d declined, %d pending); compliance %s;"
        + " median latency %s; best fit %s", platform, period, referrals, removed, declined, pending, compliance,
        latency.median(), bestLatencyFit().map(f -> f.family() + " (AIC " + String.format(Locale.ROOT, "%.4g", f.aic()) + ")").orElse("none"));
  }
}
