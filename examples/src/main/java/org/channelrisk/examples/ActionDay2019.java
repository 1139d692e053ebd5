package org.channelrisk.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.channelrisk.charts.Charts;
import org.channelrisk.stats.Estimate;
import org.channelrisk.io.Sparkline;
import org.channelrisk.recovery.Metric;
import org.channelrisk.recovery.RecoveryAnalysis;
import org.channelrisk.recovery.RecoveryResult;
import org.channelrisk.recovery.Weighting;
import org.channelrisk.sim.Ensemble;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Presets;

/**
 * The November 2019 action day: the same referrals under Telegram's 2017 stance ("does not
 * cooperate") and its 2019 cooperation ("praised"); how much reach the network lost, and whether it
 * came back.
 *
 * <p>Run: {@code java -cp examples/target/channelrisk-examples.jar org.channelrisk.examples.ActionDay2019 [channels] [replicates] [outDir]}
 */
public final class ActionDay2019 {
  private ActionDay2019() {}

  /**
   * @param channels network size
   * @param replicates replicates per cooperation level
   * @param out folder for the fan chart
   * @return the recovery analysis of the 2019 run's mean reach
   * @throws IOException if the chart cannot be written
   */
  public static RecoveryResult run(int channels, int replicates, Path out) throws IOException {
    EnsembleSummary praised = Ensemble.of(Presets.actionDay2019(channels, true)).replicates(replicates).seed(2019).threads(2).run();
    EnsembleSummary refused = Ensemble.of(Presets.actionDay2019(channels, false)).replicates(replicates).seed(2019).threads(2).run();
    System.out.println("Reach (audience of active channels), day 0 to 365:");
    System.out.println("  2017, does not cooperate: " + Sparkline.of(refused.mean(Observed.AUDIENCE), 60));
    System.out.println("  2019, praised:            " + Sparkline.of(praised.mean(Observed.AUDIENCE), 60));
    double[] t = praised.times();
    double[] mean = praised.mean(Observed.AUDIENCE);
    double[] sd = praised.sd(Observed.AUDIENCE);
    double[] se = new double[sd.length];
    for (int i = 0; i < sd.length; i++) {
      se[i] = sd[i] / Math.sqrt(replicates);
    }
    // removals continue after the action's three days: recovery is measured from the trough
    RecoveryResult r = RecoveryAnalysis.builder().takedown(Presets.NOVEMBER_2019_DAY).baselineWindow(30).fromTrough()
        .weighting(Weighting.STANDARD_DEVIATION).build().analyse(t, mean, se);
    Estimate lost = r.metric(Metric.RELATIVE_DEPTH);
    Estimate ratio = r.metric(Metric.RECOVERY_RATIO);
    System.out.printf(Locale.ROOT, "With 2019 cooperation the action took %.0f%% of the reach (%.0f-%.0f%%); the network settles at"
        + " %.2f of its baseline; half of the loss is regained: %s.%n", 100 * lost.value(), 100 * lost.lower(), 100 * lost.upper(),
        ratio.value(), Double.isInfinite(r.metric(Metric.T50).value()) ? "never" : String.format(Locale.ROOT, "after %.1f days",
            r.metric(Metric.T50).value()));
    Charts.fan(praised, Observed.AUDIENCE, "reach (2019 cooperation)").save(out.resolve("action-day-2019-fan.png"));
    return r;
  }

  /**
   * @param args [channels (5000)] [replicates (20)] [output folder (current)]
   * @throws IOException if the chart cannot be written
   */
  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true"); // charts are drawn off-screen: no window, no dock icon
    run(args.length > 0 ? Integer.parseInt(args[0]) : 5_000, args.length > 1 ? Integer.parseInt(args[1]) : 20,
        Path.of(args.length > 2 ? args[2] : "."));
  }
}
