package org.channelrisk.cooperation;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import org.channelrisk.internal.Checks;
import org.channelrisk.survival.LogRankTest;

/**
 * The result of {@link CooperationEstimator}: one row per platform and period, and per period a
 * log-rank comparison of removal latencies between platforms (where at least two platforms and one
 * removal are present).
 *
 * <pre>{@code
 * CooperationEstimate est = CooperationEstimator.estimateDefaults(log);
 * est.get("telegram", "all").compliance();
 * est.latencyComparisons().get("all").pValue();
 * }</pre>
 *
 * @param platforms one row per platform and period, periods in time order, platforms by id
 * @param latencyComparisons log-rank test of latency between platforms, per period label, periods in time
 *     order
 * @param until the end of observation used, finite
 */
public record CooperationEstimate(
    List<PlatformCooperation> platforms, Map<String, LogRankTest.Result> latencyComparisons, double until) {

  /**
   * Checks the components and copies the rows and the comparisons (keeping their order, periods in
   * time order), so that the estimate cannot change once made.
   */
  public CooperationEstimate {
    Checks.notNull("platforms", platforms);
    Checks.notNull("latencyComparisons", latencyComparisons);
    Checks.finite("until", until);
    platforms = List.copyOf(platforms);
    latencyComparisons = ImmutableMap.copyOf(latencyComparisons);
  }

  /**
   * @param platform platform id
   * @param period period label ("all" without periods)
   * @return the row
   * @throws IllegalArgumentException if there is none
   */
  public PlatformCooperation get(String platform, String period) {
    return platforms.stream()
        .filter(p -> p.platform().equals(platform) && p.period().equals(period))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no referrals to '" + platform + "' in period '" + period + "'"));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Cooperation estimated from referrals (observation until day " + until + ")\n");
    platforms.forEach(p -> sb.append("  ").append(p).append('\n'));
    latencyComparisons.forEach((k, v) -> sb.append("  latency, platforms compared [").append(k).append("]: ")
        .append(String.format(java.util.Locale.ROOT, "chisq %.4g on %d df, ", v.chiSquare(), v.df()))
        .append(Double.isNaN(v.pValue()) ? "p not available (no latencies differ to compare)"
            : org.channelrisk.internal.PValues.phrase(v.pValue()))
        .append('\n'));
    return sb.toString();
  }
}
