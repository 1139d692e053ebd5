package org.channelrisk.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.channelrisk.cooperation.CooperationEstimate;
import org.channelrisk.cooperation.CooperationEstimator;
import org.channelrisk.io.ReferralLogCsv;
import org.channelrisk.model.Cooperation;
import org.channelrisk.model.EcosystemGenerator;
import org.channelrisk.model.Platform;
import org.channelrisk.model.Referral;
import org.channelrisk.model.ReferralOutcome;
import org.channelrisk.model.SecurityRating;
import org.channelrisk.sim.Ensemble;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Scenario;
import org.channelrisk.sim.Simulation;

/**
 * From a referral log to a scenario: estimate each platform's compliance and removal latency, then
 * simulate a network on the platform that behaves as observed. The log here is synthetic, shaped like
 * the EU IRU's figures (83.64% of referral decisions led to removal); a real log in the same CSV format
 * works the same way.
 *
 * <p>Run: {@code java -cp examples/target/channelrisk-examples.jar org.channelrisk.examples.CooperationFromReferralLog [referrals] [outDir]}
 */
public final class CooperationFromReferralLog {
  private CooperationFromReferralLog() {}

  /**
   * @param referrals referrals in the synthetic log
   * @param out folder for the log CSV
   * @return the estimated profile of the platform "telegram"
   * @throws IOException if the log cannot be written or read
   */
  public static Cooperation run(int referrals, Path out) throws IOException {
    RandomGenerator rng = Simulation.generator(8364, 0);
    List<Referral> log = new ArrayList<>();
    for (int i = 0; i < referrals; i++) {
      boolean tg = i % 3 != 0;
      String platform = tg ? "telegram" : "filehost";
      double sent = rng.nextDouble() * 300;
      double removeProbability = tg ? 0.8364 : 0.5;
      double latency = tg ? 0.5 * Math.pow(rng.nextExponential(), 1 / 0.7) : 4 * rng.nextExponential();
      String id = "r" + i;
      if (rng.nextDouble() < removeProbability) {
        log.add(sent + latency <= 320 ? Referral.decided(id, "c" + i, platform, sent, ReferralOutcome.REMOVED, sent + latency)
            : Referral.pending(id, "c" + i, platform, sent));
      } else {
        log.add(Referral.decided(id, "c" + i, platform, sent, ReferralOutcome.DECLINED, sent + 1));
      }
    }
    Path file = out.resolve("referrals.csv");
    ReferralLogCsv.write(file, log);
    CooperationEstimate est = CooperationEstimator.builder().until(320).build().estimate(ReferralLogCsv.read(file));
    System.out.print(est);
    Cooperation observed = est.get("telegram", "all").toCooperation();
    System.out.println("Profile for the scenario: " + observed);
    Platform telegram = Platform.of("telegram", "Telegram as observed", 400_000_000L, SecurityRating.SAFE, observed);
    Scenario s = Scenario.builder(EcosystemGenerator.builder().platform(telegram, 1).channels(2_000).seed(1).build().generate())
        .detectionRate(0.01).horizon(180).build();
    EnsembleSummary e = Ensemble.of(s).replicates(10).seed(1).threads(2).run();
    System.out.printf(Locale.ROOT, "Simulated with the observed profile: %.0f of 2,000 channels active after 180 days (90%% band %.0f-%.0f).%n",
        e.mean(Observed.ACTIVE_CHANNELS)[180], e.quantile(Observed.ACTIVE_CHANNELS, 0.05)[180],
        e.quantile(Observed.ACTIVE_CHANNELS, 0.95)[180]);
    return observed;
  }

  /**
   * @param args [referrals (5000)] [output folder (current)]
   * @throws IOException if files cannot be written
   */
  public static void main(String[] args) throws IOException {
    run(args.length > 0 ? Integer.parseInt(args[0]) : 5_000, Path.of(args.length > 1 ? args[1] : "."));
  }
}
