package org.channelrisk.spark.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.channelrisk.sim.ActionDay;
import org.channelrisk.sim.BanLevel;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Presets;
import org.channelrisk.sim.Scenario;
import org.channelrisk.sim.TargetingStrategy;
import org.channelrisk.spark.GridPoint;
import org.channelrisk.spark.ScenarioRecipe;
import org.channelrisk.spark.ScenarioResult;
import org.channelrisk.spark.SparkSweep;
import org.channelrisk.spark.SweepGrid;
import org.channelrisk.spark.SweepResult;

/**
 * Which takedown plan cuts a network's reach most, and how that depends on the referral budget and on
 * Telegram's compliance: the November 2019 action day ({@link Presets#actionDay2019}) swept over 4
 * targeting strategies x 3 budgets (5%, 15%, 45% of the channels referred) x 2 compliance levels = 24
 * scenarios, each with {@code --replicates} replicates, on Spark. The report gives, per scenario, the
 * mean audience reached the day before the action, its trough and its level on day 365 (as shares of
 * the level before), the days until it is back to half of it, and the active channels on day 365.
 *
 * <pre>
 * spark-submit --class org.channelrisk.spark.examples.TakedownPlanSweep \
 *     spark/target/channelrisk-spark-0.1.0-SNAPSHOT-all.jar --replicates 1000 --output s3a://bucket/sweep
 * mvn -B -q -pl spark exec:exec@sweep            # local mode on this machine, with --check
 * </pre>
 *
 * <p>Options: {@code --channels N} (network size, default 1000), {@code --replicates N} (default 200),
 * {@code --seed N} (default 2019), {@code --partitions N}, {@code --output PATH} (tidy table as
 * Parquet, or CSV with {@code --format csv}), {@code --check} (also run the local engine and verify
 * that the results are equal; exit code 1 if not). Without a master from {@code spark-submit} it runs
 * in {@code local[*]}.
 */
public final class TakedownPlanSweep {
  private TakedownPlanSweep() {}

  /** The sweep's settings. */
  static final class Options {
    int channels = 1_000;
    int replicates = 200;
    long seed = 2019;
    int partitions;
    String output;
    String format = "parquet";
    boolean check;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.isBlank()) {
          continue;
        }
        if (a.equals("--check")) {
          o.check = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + a + " needs a value");
        }
        String v = args[++i];
        switch (a) {
          case "--channels" -> o.channels = positive(a, v);
          case "--replicates" -> o.replicates = positive(a, v);
          case "--partitions" -> o.partitions = positive(a, v);
          case "--seed" -> o.seed = Long.parseLong(v);
          case "--output" -> o.output = v;
          case "--format" -> {
            if (!v.equals("parquet") && !v.equals("csv")) {
              throw new IllegalArgumentException("--format must be parquet or csv: " + v);
            }
            o.format = v;
          }
          default -> throw new IllegalArgumentException("unknown option " + a
              + "; expected --channels, --replicates, --seed, --partitions, --output, --format or --check");
        }
      }
      return o;
    }

    private static int positive(String option, String value) {
      try {
        int n = Integer.parseInt(value);
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(option + " must be a positive integer: " + value);
    }
  }

  /** @return strategy x referrals (share of channels) x compliance: 4 x 3 x 2 = 24 points */
  static SweepGrid grid() {
    return SweepGrid.builder()
        .axis("strategy", TargetingStrategy.LARGEST_AUDIENCE, TargetingStrategy.HUBS, TargetingStrategy.INCLUDING_BACKUPS,
            TargetingStrategy.RANDOM)
        .axis("referral_share", 0.05, 0.15, 0.45)
        .axis("compliance", 0.5, 0.9)
        .build();
  }

  /**
   * @param channels network size
   * @return builds a point's scenario: the 2019 preset with that targeting strategy, a budget of
   *     {@code referral_share x channels} referrals on the action day, and Telegram's 2019 profile at
   *     that compliance
   */
  static ScenarioRecipe recipe(int channels) {
    return (GridPoint p) -> {
      Scenario s = Presets.actionDay2019(channels, Presets.telegram2019().withCompliance(p.number("compliance")),
          p.get("strategy", TargetingStrategy.class), BanLevel.ACCOUNT);
      ActionDay a = s.actionDays().get(0);
      int budget = (int) Math.round(p.number("referral_share") * channels);
      Scenario.Builder b = s.toBuilder();
      b.clearActionDays();
      return b.actionDay(new ActionDay(a.time(), a.window(), budget, a.platforms(), a.strategy(), a.banLevel(), a.spareBanShare(),
          a.pressureDays(), a.pressureMultiplier())).build();
    };
  }

  /**
   * Runs the sweep.
   *
   * @param spark the session
   * @param o the settings
   * @return the result, and whether it equals the local engine's (null when not checked)
   */
  static Outcome run(SparkSession spark, Options o) {
    SparkSweep sweep = SparkSweep.over(grid(), recipe(o.channels)).replicates(o.replicates).seed(o.seed).build();
    if (o.partitions > 0) {
      sweep = sweep.withPartitions(o.partitions);
    }
    long t0 = System.nanoTime();
    SweepResult result = sweep.run(spark);
    double sparkSeconds = (System.nanoTime() - t0) / 1e9;
    Boolean equal = null;
    double localSeconds = Double.NaN;
    if (o.check) {
      t0 = System.nanoTime();
      SweepResult local = sweep.runLocally(Runtime.getRuntime().availableProcessors());
      localSeconds = (System.nanoTime() - t0) / 1e9;
      equal = local.equals(result);
    }
    return new Outcome(sweep, result, equal, sparkSeconds, localSeconds);
  }

  /**
   * @param sweep what ran
   * @param result its result
   * @param equalToLocal whether the local engine gave the same result; null if not checked
   * @param sparkSeconds wall time on Spark
   * @param localSeconds wall time of the local check, NaN if not checked
   */
  record Outcome(SparkSweep sweep, SweepResult result, Boolean equalToLocal, double sparkSeconds, double localSeconds) {}

  /**
   * Days after the action day until the mean audience is back to half of its level the day before the
   * action, counted after its trough; -1 if not within the horizon.
   */
  static double halfRecoveryDays(ScenarioResult r) {
    double[] t = r.times();
    double[] m = r.mean(Observed.AUDIENCE);
    int day = (int) Presets.NOVEMBER_2019_DAY;
    int trough = trough(m);
    for (int i = trough; i < m.length; i++) {
      if (m[i] >= 0.5 * m[day - 1]) {
        return t[i] - Presets.NOVEMBER_2019_DAY;
      }
    }
    return -1;
  }

  private static int trough(double[] m) {
    int trough = (int) Presets.NOVEMBER_2019_DAY;
    for (int i = trough; i < m.length; i++) {
      if (m[i] < m[trough]) {
        trough = i;
      }
    }
    return trough;
  }

  static List<String> report(Outcome out) {
    List<String> lines = new ArrayList<>();
    SweepResult r = out.result();
    lines.add(String.format(Locale.ROOT, "%s%n  on Spark in %.1f s; quantiles %s", out.sweep(), out.sparkSeconds(), r.quantileMethod()));
    lines.add(String.format(Locale.ROOT, "%-18s %9s %10s %10s %7s %8s %10s %9s", "strategy", "referred", "compliance", "reach before",
        "trough", "day 365", "half back", "channels"));
    for (ScenarioResult s : r.scenarios()) {
      double[] m = s.mean(Observed.AUDIENCE);
      double before = m[(int) Presets.NOVEMBER_2019_DAY - 1];
      double half = halfRecoveryDays(s);
      double[] active = s.mean(Observed.ACTIVE_CHANNELS);
      lines.add(String.format(Locale.ROOT, "%-18s %8.0f%% %10.1f %12.0f %6.0f%% %7.0f%% %10s %9.0f", s.point().get("strategy"),
          100 * s.point().number("referral_share"), s.point().number("compliance"), before, 100 * m[trough(m)] / before,
          100 * m[m.length - 1] / before, half < 0 ? "not in 1 y" : String.format(Locale.ROOT, "%.0f days", half),
          active[active.length - 1]));
    }
    if (out.equalToLocal() != null) {
      lines.add(String.format(Locale.ROOT, "local engine in %.1f s: results %s", out.localSeconds(),
          out.equalToLocal() ? "EQUAL to the Spark result (means, sds and quantiles, bit for bit)" : "DIFFER from the Spark result"));
    }
    return lines;
  }

  /**
   * Runs the example.
   *
   * @param args see the class comment
   */
  public static void main(String[] args) {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("channelrisk sweep: " + e.getMessage());
      System.exit(2);
      return;
    }
    SparkSession.Builder b = SparkSession.builder().appName("channelrisk takedown-plan sweep");
    if (!new SparkConf().contains("spark.master")) {
      b.master("local[*]").config("spark.ui.enabled", "false");
    }
    SparkSession spark = b.getOrCreate();
    boolean ok;
    try {
      Outcome out = run(spark, o);
      report(out).forEach(System.out::println);
      if (o.output != null) {
        var writer = out.result().toDataset(spark).write().mode(SaveMode.ErrorIfExists).option("header", "true");
        if (o.format.equals("csv")) {
          writer.csv(o.output);
        } else {
          writer.parquet(o.output);
        }
        System.out.println("tidy table (" + String.join(",", out.result().columns()) + ") written to " + o.output);
      }
      ok = out.equalToLocal() == null || out.equalToLocal();
    } finally {
      spark.stop();
    }
    System.exit(ok ? 0 : 1);
  }
}
