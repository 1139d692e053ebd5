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
import java.time.LocalDate;
import java.util.Optional;
import org.channelrisk.charts.Charts;
import org.channelrisk.charts.Figure;
import org.channelrisk.charts.Timeline;
import org.channelrisk.io.EnsembleCsv;
import org.channelrisk.stats.Estimate;
import org.channelrisk.io.LifetimeCsv;
import org.channelrisk.survival.Lifetime;
import org.channelrisk.io.TimeSeriesTable;
import org.channelrisk.recovery.Metric;
import org.channelrisk.recovery.RecoveryResult;
import org.channelrisk.recovery.ReplicateMetrics;
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
  record Row(String cooperation, String strategy, BanLevel ban, EnsembleSummary ensemble, Outcome outcome) {
    boolean drop() {
      return outcome.drop();
    }

    Optional<RecoveryResult> recovery() {
      return outcome.fit();
    }
  }

  /** Day 0 of {@link Presets#actionDay2019}: 1 October 2019, so that the action falls on 21 November. */
  static final LocalDate DAY_ZERO = LocalDate.of(2019, 10, 1);

  /** The timeline of the November 2019 scenarios. */
  static final Timeline TIMELINE = Timeline.from(DAY_ZERO).event(Presets.NOVEMBER_2019_DAY, "action day");

  /** What the demo computed and wrote. */
  record Result(List<Row> rows, KaplanMeierFit lifetimes, List<Path> files, List<Figure> figures) {}

  private final int channels;
  private final int replicates;
  private final long seed;
  private final int threads;

  Demo(int channels, int replicates, long seed, int threads) {
    OptionChecks.atLeast("--channels", channels, 100);
    OptionChecks.fitsInMemory("--channels", channels);
    OptionChecks.atLeast("--replicates", replicates, 2);
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
      EnsembleCsv.write(csv, r.ensemble());
      files.add(csv);
    }
    Row focus = rows.get(2); // 2019, largest audience, account bans
    double[] t = focus.ensemble().times();
    List<Figure> figures = new ArrayList<>();
    figures.add(Charts.fan(focus.ensemble(), Observed.AUDIENCE, "reach (audience of active channels)", TIMELINE));
    figures.add(Charts.recovery(focus.recovery().orElseThrow(), t, focus.ensemble().mean(Observed.AUDIENCE), "mean reach", TIMELINE));
    figures.add(strategies(rows));
    String[] names = {"fan-audience", "recovery-fit", "strategies"};
    for (int i = 0; i < names.length; i++) {
      files.addAll(save(figures.get(i), out, names[i]));
    }

    KaplanMeierFit km = lifetimes(Presets.actionDay2019(channels, true), out, files);
    Figure kmFigure = Charts.kaplanMeier(km, "days");
    figures.add(kmFigure);
    files.addAll(save(kmFigure, out, "lifetimes-km"));
    files.addAll(save(whyChannelsEnd(Presets.actionDay2019(channels, true)), out, "why-channels-end"));
    Path table = out.resolve("summary.csv");
    writeTable(rows, table);
    files.add(table);
    print(rows, km, out, log);
    return new Result(rows, km, files, List.copyOf(figures));
  }

  private Row row(String cooperation, String strategy, Scenario s, BanLevel ban) {
    EnsembleSummary e = Ensemble.of(s).replicates(replicates).seed(seed).threads(threads).run();
    return new Row(cooperation, strategy, ban, e, Outcome.of(e, Observed.AUDIENCE, s.actionDays().get(0).time()));
  }

  /** Writes a figure as 2x PNG and SVG. */
  static List<Path> save(Figure f, Path dir, String name) throws IOException {
    Path png = dir.resolve(name + ".png");
    Path svg = dir.resolve(name + ".svg");
    f.save(png);
    f.save(svg);
    return List.of(png, svg);
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

  /**
   * Why channels re-created after the action day ended: the cumulative incidence of each cause
   * (removed after a referral, removed proactively, abandoned, moved), per platform, from one
   * replicate's incarnations; channels alive at the horizon are censored.
   */
  private Figure whyChannelsEnd(Scenario s) {
    double t0 = s.actionDays().get(0).time();
    List<org.channelrisk.sim.ChannelLifetime> lives = Simulation.of(s).seed(seed).lifetimes().stream()
        .filter(l -> l.generation() > 0 && l.start() >= t0).toList();
    double[] time = new double[lives.size()];
    String[] status = new String[lives.size()];
    String[] platform = new String[lives.size()];
    for (int i = 0; i < lives.size(); i++) {
      var l = lives.get(i);
      time[i] = l.end() - l.start();
      status[i] = l.cause().map(org.channelrisk.sim.EndCause::key).orElse("censored");
      platform[i] = l.platformId();
    }
    var data = org.channelrisk.survival.CompetingRisksData.of(time, status, java.util.Set.of("censored")).withGroups(platform);
    return org.channelrisk.charts.CumulativeIncidenceChart.figure(org.channelrisk.survival.AalenJohansen.estimate(data), "days");
  }

  /** The plans with a drop as small multiples, relative to each plan's reach before the action. */
  private static Figure strategies(List<Row> rows) {
    List<String> names = new ArrayList<>();
    List<EnsembleSummary> ensembles = new ArrayList<>();
    for (Row r : rows) {
      names.add(r.cooperation().startsWith("2017") ? "2017: no cooperation"
          : r.strategy() + ", " + r.ban().name().toLowerCase(Locale.ROOT) + " bans");
      ensembles.add(r.ensemble());
    }
    return Charts.plans("Reach after the November 2019 action day, by takedown plan", names, ensembles, Observed.AUDIENCE,
        Outcome.BASELINE_DAYS, TIMELINE);
  }

  /** Metrics measured per replicate, in table order, with their CSV names. */
  static final List<String> SPREAD_KEYS = List.of("relative_depth", "recovery_ratio", "t50", "t90", "loss_area", "trough_day");

  static List<ReplicateMetrics.Spread> spreads(ReplicateMetrics.Summary s) {
    return List.of(s.relativeDepth(), s.recoveryRatio(), s.t50(), s.t90(), s.lossArea(), s.troughTime());
  }

  private void writeTable(List<Row> rows, Path file) throws IOException {
    List<String> header = new ArrayList<>(List.of("cooperation", "strategy", "ban"));
    for (String k : SPREAD_KEYS) {
      header.addAll(List.of(k + "_median", k + "_q05", k + "_q95"));
    }
    header.add("replicates");
    header.addAll(List.of("fit_relative_depth", "fit_relative_depth_lower", "fit_relative_depth_upper", "fit_recovery_ratio",
        "fit_recovery_ratio_lower", "fit_recovery_ratio_upper", "fit_t50", "fit_t50_lower", "fit_t50_upper", "fit_t90", "fit_t90_lower",
        "fit_t90_upper", "fit_model"));
    org.channelrisk.io.CsvOutput.write(file, header, w -> {
      for (Row r : rows) {
        w.row().text(r.cooperation()).text(r.strategy()).text(r.ban().name().toLowerCase(Locale.ROOT));
        Optional<ReplicateMetrics.Summary> across = r.outcome().replicates();
        for (int k = 0; k < SPREAD_KEYS.size(); k++) {
          ReplicateMetrics.Spread sp = across.isPresent() ? spreads(across.get()).get(k) : null;
          w.number(cell(sp == null ? Double.NaN : sp.median())).number(cell(sp == null ? Double.NaN : sp.lower()))
              .number(cell(sp == null ? Double.NaN : sp.upper()));
        }
        w.number(r.ensemble().replicates());
        for (Metric m : new Metric[] {Metric.RELATIVE_DEPTH, Metric.RECOVERY_RATIO, Metric.T50, Metric.T90}) {
          Optional<Estimate> e = r.recovery().map(rec -> rec.metric(m));
          w.number(cell(e.map(Estimate::value).orElse(Double.NaN))).number(cell(e.map(Estimate::lower).orElse(Double.NaN)))
              .number(cell(e.map(Estimate::upper).orElse(Double.NaN)));
        }
        w.text(r.recovery().map(rec -> rec.model().id()).orElse("")).end();
      }
    });
  }

  /** A CSV cell: infinite ("never within the horizon") and NaN ("not available") are both left empty. */
  static double cell(double v) {
    return Double.isFinite(v) ? v : Double.NaN;
  }

  private static final String ROW = "%-25s %-19s %-8s %-17s %-17s %-17s %-17s %-13s%n";

  private void print(List<Row> rows, KaplanMeierFit km, Path out, PrintWriter log) {
    log.printf(Locale.ROOT, "The November 2019 action day on a synthetic Telegram-centred network%n");
    log.printf(Locale.ROOT, "%,d channels, %d replicates per row, seed %d; reach = audience of the active channels.%n", channels,
        replicates, seed);
    log.printf(Locale.ROOT, "Each row: median and 90%% interval of the outcomes across replicates (each replicate measured from its"
        + " own trough,%nagainst the 30 days before the action); below it, a recovery model fitted to the mean curve from its trough"
        + " (day %s),%nwith its delta-method 95%% interval, which is about the expected curve, not single outcomes.%n%n", troughs(rows));
    log.printf(Locale.ROOT, ROW, "Telegram cooperation", "targets", "bans", "reach lost", "recovery ratio", "T50 (days)", "T90 (days)",
        "trough (day)");
    for (Row r : rows) {
      if (!r.drop()) {
        log.printf(Locale.ROOT, "%-25s %-19s %-8s %s%n", r.cooperation(), r.strategy(), r.ban().name().toLowerCase(Locale.ROOT),
            "no drop: the platform declined the referrals");
        continue;
      }
      ReplicateMetrics.Summary a = r.outcome().replicates().orElseThrow();
      log.printf(Locale.ROOT, ROW, r.cooperation(), r.strategy(), r.ban().name().toLowerCase(Locale.ROOT), pct(a.relativeDepth()),
          spread(a.recoveryRatio(), "%.2f"), spread(a.t50(), "%.0f"), spread(a.t90(), "%.0f"), spread(a.troughTime(), "%.0f"));
      RecoveryResult rec = r.recovery().orElseThrow();
      log.printf(Locale.ROOT, "%-25s %-28s " + ROW.substring(ROW.indexOf("%-17s")), "", "  fit of the mean: " + rec.model().id(),
          pct(rec.metric(Metric.RELATIVE_DEPTH)), num(rec.metric(Metric.RECOVERY_RATIO), "%.2f"),
          num(rec.metric(Metric.T50), "%.0f"), num(rec.metric(Metric.T90), "%.0f"), String.format(Locale.ROOT, "%.0f", rec.t0()));
    }
    log.printf(Locale.ROOT, "%nChannels re-created after the action day (account bans, largest audiences first, one replicate):%n");
    for (org.channelrisk.survival.SurvivalCurve c : km.curves()) {
      Estimate median = c.median();
      log.printf(Locale.ROOT, "  on %-11s %5d re-created, %5d removed again, median lifetime %s%n", c.label(), c.records(),
          c.events(), median.isReached() ? num(median, "%.1f") + " days" : "not reached");
    }
    log.printf(Locale.ROOT, "  (Kaplan-Meier, %s). On Telegram, Amarasingam, Maher and Winter (2021) report 14 days on average;%n"
        + "  most operators moved to the self-hosted platform, which does not act on referrals.%n", km.pooled().median().method());
    log.flush();
  }

  /** A spread as "median (lower-upper)", "never" for an infinite median. */
  static String spread(ReplicateMetrics.Spread s, String fmt) {
    if (Double.isNaN(s.median())) {
      return "n/a";
    }
    if (Double.isInfinite(s.lower()) && s.lower() > 0) {
      return "never"; // in every replicate of the 90% interval
    }
    return value(s.median(), fmt) + " (" + value(s.lower(), fmt) + "-" + value(s.upper(), fmt) + ")";
  }

  private static String value(double v, String fmt) {
    return Double.isInfinite(v) ? "never" : Double.isNaN(v) ? "?" : String.format(Locale.ROOT, fmt, v);
  }

  static String pct(ReplicateMetrics.Spread s) {
    return pct(new Estimate(s.median(), s.lower(), s.upper(), "across replicates"));
  }

  /**
   * The demo as one self-contained page: the table (every number from summary.csv) and the charts.
   *
   * @param r the demo's result
   * @return the HTML
   */
  String report(Result r) {
    HtmlReport page = new HtmlReport("channelrisk demo: the November 2019 action day")
        .meta("channelrisk " + ReportCommand.version() + " · seed " + seed + " · " + replicates + " replicates per plan · " + channels
            + " channels");
    page.heading("Outcome by takedown plan");
    page.paragraph("Per plan: the median and 90% interval of the outcomes across replicates (each replicate measured from its own"
        + " trough against the 30 days before the action); 'never' means not within the year. The fit columns are a recovery"
        + " model fitted to the mean curve; their intervals are about the expected curve, not single outcomes.");
    List<List<HtmlReport.Cell>> rows = new ArrayList<>();
    for (int i = 0; i < r.rows().size(); i++) {
      Row row = r.rows().get(i);
      List<HtmlReport.Cell> cells = new ArrayList<>(List.of(HtmlReport.Cell.text(row.cooperation()), HtmlReport.Cell.text(row.strategy()),
          HtmlReport.Cell.text(row.ban().name().toLowerCase(Locale.ROOT))));
      Optional<ReplicateMetrics.Summary> a = row.outcome().replicates();
      String[] keys = {"relative_depth", "recovery_ratio", "t50", "t90"};
      HtmlReport.Format[] formats = {HtmlReport.Format.PERCENT, HtmlReport.Format.DECIMALS_2, HtmlReport.Format.DECIMALS_0,
          HtmlReport.Format.DECIMALS_0};
      if (a.isEmpty()) {
        cells.add(HtmlReport.Cell.text("no drop: the platform declined the referrals"));
        cells.addAll(java.util.Collections.nCopies(keys.length, HtmlReport.Cell.text("")));
        rows.add(cells);
        continue;
      }
      for (int k = 0; k < keys.length; k++) {
        ReplicateMetrics.Spread sp = spreads(a.get()).get(k);
        cells.add(HtmlReport.Cell.spread(sp.median(), sp.lower(), sp.upper(), formats[k], "summary.csv", i,
            List.of(keys[k] + "_median", keys[k] + "_q05", keys[k] + "_q95"), "never"));
      }
      double fit = row.recovery().map(rec -> rec.metric(Metric.RELATIVE_DEPTH).value()).orElse(Double.NaN);
      cells.add(HtmlReport.Cell.number(fit, HtmlReport.Format.PERCENT, "summary.csv", i, "fit_relative_depth", "n/a"));
      rows.add(cells);
    }
    page.table("plans", List.of("Telegram cooperation", "targets", "bans", "reach lost", "recovery ratio", "T50 (days)", "T90 (days)",
        "fit of the mean: reach lost"), rows);
    page.heading("Charts");
    String[] captions = {"Reach across replicates, largest audiences first, account bans, 2019 cooperation.",
        "The recovery model fitted to that plan's mean reach from its trough.", "Every plan relative to its reach before the action.",
        "Lifetimes of the channels re-created after the action day, one replicate."};
    for (int i = 0; i < r.figures().size(); i++) {
      page.figure(r.figures().get(i), captions[i]);
    }
    page.paragraph("Files beside this page: summary.csv (the table), ensemble-*.csv (each plan's ensemble), lifetimes-after-action.csv,"
        + " and every chart as PNG and SVG.");
    return page.build();
  }

  /** The troughs' days, as a range when they differ between rows. */
  private static String troughs(List<Row> rows) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Row r : rows) {
      if (r.recovery().isPresent()) {
        lo = Math.min(lo, r.recovery().get().t0());
        hi = Math.max(hi, r.recovery().get().t0());
      }
    }
    if (lo > hi) {
      return "n/a";
    }
    return lo == hi ? String.format(Locale.ROOT, "%.0f", lo) : String.format(Locale.ROOT, "%.0f-%.0f", lo, hi);
  }

  /** An estimate as "80% (79-81%)"; "n/a" where it is not available, "?" for a limit that is not. */
  static String pct(Estimate e) {
    if (!Double.isFinite(e.value())) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.0f%% (%s-%s%%)", 100 * e.value(), percent(e.lower()), percent(e.upper()));
  }

  private static String percent(double p) {
    return Double.isFinite(p) ? String.format(Locale.ROOT, "%.0f", 100 * p) : "?";
  }

  static String num(Estimate e, String fmt) {
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
