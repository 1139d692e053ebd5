package org.channelrisk.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.channelrisk.model.Cooperation;
import org.channelrisk.model.Ecosystem;
import org.channelrisk.model.EcosystemGenerator;
import org.channelrisk.model.LatencyDistribution;
import org.channelrisk.model.Platform;
import org.channelrisk.model.SecurityRating;
import org.channelrisk.sim.Migration;
import org.channelrisk.sim.ActionDay;
import org.channelrisk.sim.BanLevel;
import org.channelrisk.sim.Scenario;
import org.channelrisk.sim.Simulation;
import org.channelrisk.sim.TargetingStrategy;
import org.channelrisk.sim.Trajectory;

/**
 * Where operators go: four platforms, one per class of the 33-app "safety" ranking that supporters
 * circulated. A cooperating mainstream platform runs an action day; removed channels are re-created,
 * each time choosing a platform by a logit of its security class, its user base and recent removals
 * there. Compared: operators who care about the safety class, and operators who do not.
 *
 * <p>Run: {@code java -cp examples/target/channelrisk-examples.jar org.channelrisk.examples.PlatformChoice [channels]}
 */
public final class PlatformChoice {
  private PlatformChoice() {}

  /**
   * @param channels network size
   * @return for each security weight (0 and 1.5), the share of active channels per platform at the end
   */
  public static Map<Double, Map<String, Double>> run(int channels) {
    Cooperation cooperating = Cooperation.builder().compliance(0.9).latency(LatencyDistribution.exponentialHours(12))
        .proactiveHazard(0.002).visibilityExponent(0.3).build();
    List<Platform> platforms = List.of(
        Platform.of("mainstream", "Mainstream messenger (unsafe)", 1_000_000_000L, SecurityRating.UNSAFE, cooperating),
        Platform.of("telegram", "Telegram (moderately safe)", 400_000_000L, SecurityRating.MODERATELY_SAFE, cooperating),
        Platform.of("encrypted", "Encrypted messenger (safe)", 50_000_000L, SecurityRating.SAFE, Cooperation.of(0.3,
            LatencyDistribution.exponential(3))),
        Platform.of("selfhosted", "Self-hosted chat (safest)", 5_000_000L, SecurityRating.SAFEST, Cooperation.none()));
    EcosystemGenerator.Builder g = EcosystemGenerator.builder().channels(channels).seed(33);
    g.platform(platforms.get(0), 0.3).platform(platforms.get(1), 0.6).platform(platforms.get(2), 0.07).platform(platforms.get(3), 0.03);
    Ecosystem eco = g.build().generate();
    Map<Double, Map<String, Double>> out = new LinkedHashMap<>();
    for (double security : new double[] {0, 1.5}) {
      Scenario s = Scenario.builder(eco).detectionRate(0.01).recreation(0.9, LatencyDistribution.exponential(2))
          .migration(Migration.DEFAULT.withSecurityWeight(security).withStayBonus(1.0))
          .actionDay(ActionDay.at(30).window(2).budget(channels / 2).platforms("mainstream", "telegram")
              .strategy(TargetingStrategy.LARGEST_AUDIENCE).banLevel(BanLevel.CHANNEL).pressure(60, 3).build())
          .horizon(180).build();
      Trajectory tr = Simulation.of(s).seed(1).run().trajectory();
      int last = tr.times().length - 1;
      double total = 0;
      for (double[] p : tr.activeByPlatform()) {
        total += p[last];
      }
      Map<String, Double> shares = new LinkedHashMap<>();
      for (int p = 0; p < tr.platforms().size(); p++) {
        shares.put(tr.platforms().get(p), tr.activeByPlatform()[p][last] / total);
      }
      out.put(security, shares);
      System.out.printf(Locale.ROOT, "security weight %.1f: active channels at day 180 by platform %s%n", security,
          shares.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100 * e.getValue())).toList());
    }
    return out;
  }

  /** @param args [channels (4000)] */
  public static void main(String[] args) {
    run(args.length > 0 ? Integer.parseInt(args[0]) : 4_000);
  }
}
