package org.channelrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.channelrisk.stats.Estimate;
import org.channelrisk.io.EnsembleCsv;
import org.channelrisk.io.LifetimeCsv;
import org.channelrisk.survival.Lifetime;
import org.channelrisk.io.TimeSeriesTable;
import org.channelrisk.recovery.Metric;
import org.channelrisk.recovery.RecoveryAnalysis;
import org.channelrisk.recovery.RecoveryResult;
import org.channelrisk.recovery.Weighting;
import org.channelrisk.sim.BanLevel;
import org.channelrisk.sim.Ensemble;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Presets;
import org.channelrisk.sim.Scenario;
import org.channelrisk.sim.SimEvent;
import org.channelrisk.sim.Simulation;
import org.channelrisk.sim.TargetingStrategy;
import org.channelrisk.survival.KaplanMeier;
import org.channelrisk.survival.KaplanMeierFit;
import org.channelrisk.survival.SurvivalData;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The seed story end to end: the November 2019 action day on a synthetic Telegram-centred network
 * ({@link Presets#actionDay2019}), under Telegram's 2017 stance and its 2019 cooperation, with four
 * targeting strategies and account bans, and one contrast with channel bans only; recovery curves
 * fitted to each ensemble's reach; lifetimes of the channels created after the action.
 *
 * <pre>{@code
 * Demo.Result r = new Demo(10_000, 30, 1, 2).run(Path.of("channelrisk-demo"), new PrintWriter(System.out, true));
 * }</pre>
 */
final class Demo {
  /** One row of the comparison. */
  record Row(String cooperation, String strategy, BanLevel ban, EnsembleSummary ensemble, RecoveryResult recovery, boolean drop) {}

  /** What the demo computed and wrote. */
  record Result(List<Row> rows, KaplanMeierFit lifetimes, List<Path> files) {}

  private final int channels;
  private final int replicates;
  private final long seed;
  private final int threads;

  Demo(int channels, int replicates, long seed, int threads) {
    if (channels < 100) {
      throw new IllegalArgumentException("--channels must be >= 100: " + channels);
    }
    if (replicates < 2) {
      throw new IllegalArgumentException("--replicates must be >= 2: " + replicates);
    }
    this.channels = channels;
    this.replicates = replicates;
    this.seed = seed;
    this.threads = threads;
  }

  Result run(Path out, PrintWriter log) throws IOException {
    Files.createDirectories(out);
    List<Path> files = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    rows.add(row("2017: does not cooperate", "(any)", Presets.actionDay2019(channels, false), BanLevel.ACCOUNT));
    for (TargetingStrategy s : new TargetingStrategy[] {TargetingStrategy.RANDOM, TargetingStrategy.LARGEST_AUDIENCE,
        TargetingStrategy.HUBS, TargetingStrategy.INCLUDING_BACKUPS}) {
      rows.add(row("2019: praised", name(s), Presets.actionDay2019(channels, true, s, BanLevel.ACCOUNT), BanLevel.ACCOUNT));
    }
    Scenario channelOnly = Presets.actionDay2019(channels, true, TargetingStrategy.LARGEST_AUDIENCE, BanLevel.CHANNEL);
    channelOnly = noPressure(channelOnly);
    rows.add(row("2019: praised", name(TargetingStrategy.LARGEST_AUDIENCE), channelOnly, BanLevel.CHANNEL));

    for (Row r : rows) {
      Path csv = out.resolve("ensemble-" + slug(r) + ".csv");
      EnsembleCsv.write(r.ensemble(), csv);
      files.add(csv);
    }
    Row focus = rows.get(2); // 2019, largest audience, account bans
    double[] t = focus.ensemble().times();
    Path fan = out.resolve("fan-audience.png");
    Charts.save(Charts.fan(focus.ensemble(), Observed.AUDIENCE, "reach (audience of active channels)"), fan);
    Path fanSvg = out.resolve("fan-audience.svg");
    Charts.save(Charts.fan(focus.ensemble(), Observed.AUDIENCE, "reach (audience of active channels)"), fanSvg);
    Path fit = out.resolve("recovery-fit.png");
    Charts.save(Charts.recovery(focus.recovery(), t, focus.ensemble().mean(Observed.AUDIENCE), "mean reach"), fit);
    Path compare = out.resolve("strategies.png");
    Charts.save(compare(rows), compare);
    files.addAll(List.of(fan, fanSvg, fit, compare));

    KaplanMeierFit km = lifetimes(Presets.actionDay2019(channels, true), out, files);
    Path kmChart = out.resolve("lifetimes-km.png");
    Charts.save(Charts.kaplanMeier(km, "days"), kmChart);
    files.add(kmChart);
    Path table = out.resolve("summary.csv");
    writeTable(rows, table);
    files.add(table);
    print(rows, km, out, log);
    return new Result(rows, km, files);
  }

  private Row row(String cooperation, String strategy, Scenario s, BanLevel ban) {
    EnsembleSummary e = Ensemble.of(s).replicates(replicates).seed(seed).threads(threads).run();
    double[] t = e.times();
    double[] mean = e.mean(Observed.AUDIENCE);
    double[] sd = e.sd(Observed.AUDIENCE);
    double t0 = s.actionDays().get(0).time();
    double before = mean[(int) Math.round(t0) - 1];
    double lowest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < t.length; i++) {
      if (t[i] >= t0) {
        lowest = Math.min(lowest, mean[i]);
      }
    }
    boolean drop = lowest < 0.99 * before;
    RecoveryResult rec = null;
    if (drop) {
      // removals go on after the action's window (latency, sustained pressure): recovery is measured
      // from the trough, against the 30 days before the action
      double[] se = new double[t.length];
      for (int i = 0; i < t.length; i++) {
        se[i] = sd[i] / Math.sqrt(e.replicates());
      }
      rec = RecoveryAnalysis.builder().takedown(t0).baselineWindow(30).fromTrough().weighting(Weighting.STANDARD_DEVIATION)
          .build().analyse(t, mean, se);
    }
    return new Row(cooperation, strategy, ban, e, rec, drop);
  }

  private static Scenario noPressure(Scenario s) {
    var a = s.actionDays().get(0);
    return s.toBuilder().clearActionDays().actionDay(new org.channelrisk.sim.ActionDay(a.time(), a.window(), a.budget(), a.platforms(),
        a.strategy(), a.banLevel(), a.spareBanShare(), 0, 1)).build();
  }

  /** Lifetimes of channel incarnations created after the action day, from one replicate's event log. */
  private KaplanMeierFit lifetimes(Scenario s, Path out, List<Path> files) throws IOException {
    Simulation.Run run = Simulation.of(s.toBuilder().eventLog(true).build()).seed(seed).run();
    double t0 = s.actionDays().get(0).time();
    Map<String, Double> born = new HashMap<>();
    Map<String, String> where = new HashMap<>();
    List<Lifetime> rows = new ArrayList<>();
    for (SimEvent e : run.events()) {
      String key = e.channelId() + "#" + e.generation();
      if (e.kind() == SimEvent.Kind.RECREATION && e.time() >= t0) {
        born.put(key, e.time());
        where.put(key, e.platformId());
      } else if (e.kind() == SimEvent.Kind.REMOVAL && born.containsKey(key)) {
        rows.add(new Lifetime(key, e.time() - born.remove(key), true, where.get(key), 0));
      }
    }
    for (Map.Entry<String, Double> open : born.entrySet()) {
      rows.add(new Lifetime(open.getKey(), s.horizon() - open.getValue(), false, where.get(open.getKey()), 0));
    }
    rows.sort(java.util.Comparator.comparing(Lifetime::id));
    Path csv = out.resolve("lifetimes-after-action.csv");
    LifetimeCsv.write(csv, rows);
    files.add(csv);
    return KaplanMeier.estimate(SurvivalData.of(rows));
  }

  private XYChart compare(List<Row> rows) {
    XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title("Reach by takedown plan (ensemble medians)")
        .xAxisTitle("time (days)").yAxisTitle("reach (audience of active channels)").build();
    for (Row r : rows) {
      XYSeries s = chart.addSeries(r.cooperation().substring(0, 4) + " " + r.strategy() + ", " + r.ban().name().toLowerCase(Locale.ROOT)
          + " bans", r.ensemble().times(), r.ensemble().quantile(Observed.AUDIENCE, 0.5));
      s.setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }

  private void writeTable(List<Row> rows, Path file) throws IOException {
    List<String> header = List.of("cooperation", "strategy", "ban", "relative_depth", "relative_depth_lower", "relative_depth_upper",
        "recovery_ratio", "recovery_ratio_lower", "recovery_ratio_upper", "t50", "t50_lower", "t50_upper", "t90", "t90_lower",
        "t90_upper", "model");
    org.channelrisk.io.CsvOutput.write(file, header, w -> {
      for (Row r : rows) {
        w.row().text(r.cooperation()).text(r.strategy()).text(r.ban().name().toLowerCase(Locale.ROOT));
        for (Metric m : new Metric[] {Metric.RELATIVE_DEPTH, Metric.RECOVERY_RATIO, Metric.T50, Metric.T90}) {
          Estimate e = r.recovery() == null ? null : r.recovery().metric(m);
          w.number(e == null ? (m == Metric.RELATIVE_DEPTH ? 0 : Double.NaN) : e.value());
          w.number(e == null ? Double.NaN : e.lower());
          w.number(e == null ? Double.NaN : e.upper());
        }
        w.text(r.recovery() == null ? "" : r.recovery().model().id()).end();
      }
    });
  }

  private void print(List<Row> rows, KaplanMeierFit km, Path out, PrintWriter log) {
    log.printf(Locale.ROOT, "The November 2019 action day on a synthetic Telegram-centred network%n");
    log.printf(Locale.ROOT, "%,d channels, %d replicates per row, seed %d; reach = audience of the active channels.%n", channels,
        replicates, seed);
    log.printf(Locale.ROOT, "Recovery curves fitted to the mean reach from its trough after the action day (day %s),"
        + " against the 30 days before it; intervals: delta method, 95%%.%n%n", troughs(rows));
    log.printf(Locale.ROOT, "%-25s %-19s %-8s %-19s %-19s %-19s %-19s%n", "Telegram cooperation", "targets", "bans", "reach lost",
        "recovery ratio", "T50 (days)", "T90 (days)");
    for (Row r : rows) {
      if (!r.drop()) {
        log.printf(Locale.ROOT, "%-25s %-19s %-8s %s%n", r.cooperation(), r.strategy(), r.ban().name().toLowerCase(Locale.ROOT),
            "no drop: the platform declined the referrals");
        continue;
      }
      RecoveryResult rec = r.recovery();
      log.printf(Locale.ROOT, "%-25s %-19s %-8s %-19s %-19s %-19s %-19s%n", r.cooperation(), r.strategy(),
          r.ban().name().toLowerCase(Locale.ROOT), pct(rec.metric(Metric.RELATIVE_DEPTH)), num(rec.metric(Metric.RECOVERY_RATIO), "%.2f"),
          num(rec.metric(Metric.T50), "%.1f"), num(rec.metric(Metric.T90), "%.1f"));
    }
    log.printf(Locale.ROOT, "%nChannels re-created after the action day (account bans, largest audiences first, one replicate):%n");
    for (org.channelrisk.survival.SurvivalCurve c : km.curves()) {
      Estimate median = c.median();
      log.printf(Locale.ROOT, "  on %-11s %5d re-created, %5d removed again, median lifetime %s%n", c.label(), c.records(),
          c.events(), median.isReached() ? num(median, "%.1f") + " days" : "not reached");
    }
    log.printf(Locale.ROOT, "  (Kaplan-Meier, %s). On Telegram, Amarasingam, Maher and Winter (2021) report 14 days on average;%n"
        + "  most operators moved to the self-hosted platform, which does not act on referrals.%n", km.pooled().median().method());
    log.printf(Locale.ROOT, "%nCharts and the CSVs behind them are in %s%n", out);
    log.flush();
  }

  /** The troughs' days, as a range when they differ between rows. */
  private static String troughs(List<Row> rows) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Row r : rows) {
      if (r.recovery() != null) {
        lo = Math.min(lo, r.recovery().t0());
        hi = Math.max(hi, r.recovery().t0());
      }
    }
    if (lo > hi) {
      return "n/a";
    }
    return lo == hi ? String.format(Locale.ROOT, "%.0f", lo) : String.format(Locale.ROOT, "%.0f-%.0f", lo, hi);
  }

  private static String pct(Estimate e) {
    return String.format(Locale.ROOT, "%.0f%% (%.0f-%.0f%%)", 100 * e.value(), 100 * e.lower(), 100 * e.upper());
  }

  private static String num(Estimate e, String fmt) {
    if (Double.isInfinite(e.value())) {
      return "never";
    }
    if (Double.isNaN(e.value())) {
      return "n/a";
    }
    String lo = Double.isFinite(e.lower()) ? String.format(Locale.ROOT, fmt, e.lower()) : "?";
    String hi = Double.isFinite(e.upper()) ? String.format(Locale.ROOT, fmt, e.upper()) : "?";
    return String.format(Locale.ROOT, fmt + " (%s-%s)", e.value(), lo, hi);
  }

  private static String name(TargetingStrategy s) {
    return s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String slug(Row r) {
    return (r.cooperation().substring(0, 4) + "-" + r.strategy() + "-" + r.ban().name()).toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  /** Series of a row as a table, for notebooks. */
  static TimeSeriesTable series(Row r) {
    Map<String, double[]> m = new LinkedHashMap<>();
    for (Observed o : Observed.values()) {
      m.put(o.key(), r.ensemble().mean(o));
    }
    return TimeSeriesTable.of("day", r.ensemble().times(), m);
  }
}
