package org.channelrisk.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.channelrisk.charts.ImpactChart;
import org.channelrisk.impact.ImpactAnalysis;
import org.channelrisk.impact.ImpactResult;
import org.channelrisk.impact.Trend;
import org.channelrisk.io.Sparkline;
import org.channelrisk.sim.Ensemble;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Presets;
import org.channelrisk.stats.Estimate;

/**
 * What did the November 2019 action day do, compared with what would have happened without it? The
 * posting activity of a run of the calibrated preset ({@code Presets.actionDay2019}, Telegram's 2019
 * cooperation), 30 days before and 30 days after the action day as in Amarasingam, Maher and Winter
 * (2021), analysed two ways: segmented regression with Newey-West errors, and a local level fitted
 * before the action and forecast after it (the counterfactual). The relative effect is set against
 * the published -95.5% (organic posts, 30 days after against 30 days before).
 *
 * <p>The series is the ensemble mean of {@link Observed#POSTS}, posts per day: every active channel
 * posts at its role's rate, so the simulated loss of posting follows the loss of channels; the
 * re-created channels' higher posting (56.8 posts a day in the paper) is as the preset sets it.
 *
 * <p>Run: {@code java -cp examples/target/channelrisk-examples.jar org.channelrisk.examples.ActionDayImpact [channels] [replicates] [outDir]}
 */
public final class ActionDayImpact {
  /** The published change in organic posts, 30 days after against 30 days before (Amarasingam, Maher and Winter 2021). */
  public static final double PUBLISHED_RELATIVE_CHANGE = -0.955;

  private ActionDayImpact() {}

  /**
   * @param channels network size
   * @param replicates replicates of the ensemble
   * @param out folder for the chart
   * @return the structural (counterfactual forecast) analysis
   * @throws IOException if the chart cannot be written
   */
  public static ImpactResult run(int channels, int replicates, Path out) throws IOException {
    EnsembleSummary e = Ensemble.of(Presets.actionDay2019(channels, true)).replicates(replicates).seed(2019).threads(2).run();
    double day = Presets.NOVEMBER_2019_DAY;
    double[] times = e.times();
    double[] posts = e.mean(Observed.POSTS);
    int from = 0;
    while (times[from] < day - 30) {
      from++;
    }
    int to = from;
    while (to < times.length && times[to] < day + 30) {
      to++;
    }
    double[] t = Arrays.copyOfRange(times, from, to);
    double[] y = Arrays.copyOfRange(posts, from, to);
    System.out.println("Posts per day, 30 days either side of the action day: " + Sparkline.of(y, 60));
    ImpactResult seg = ImpactAnalysis.builder().intervention(day).neweyWestAuto().build().analyse(t, y);
    ImpactResult level = ImpactAnalysis.builder().intervention(day).structural(Trend.LEVEL).build().analyse(t, y);
    print("segmented regression, Newey-West", seg.relativeEffect());
    print("local level forecast            ", level.relativeEffect());
    System.out.printf(Locale.ROOT, "published (organic posts)        : %+.1f%%%n", 100 * PUBLISHED_RELATIVE_CHANGE);
    ImpactChart.figure(level, "posts per day").save(out.resolve("action-day-2019-impact.png"));
    return level;
  }

  private static void print(String what, Estimate e) {
    System.out.printf(Locale.ROOT, "%s: %+.1f%% (%+.1f%% to %+.1f%%)%n", what, 100 * e.value(), 100 * e.lower(), 100 * e.upper());
  }

  /**
   * @param args [channels (5000)] [replicates (20)] [output folder (current)]
   * @throws IOException if the chart cannot be written
   */
  public static void main(String[] args) throws IOException {
    run(args.length > 0 ? Integer.parseInt(args[0]) : 5_000, args.length > 1 ? Integer.parseInt(args[1]) : 20,
        Path.of(args.length > 2 ? args[2] : "."));
  }
}
