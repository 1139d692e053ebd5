package org.channelrisk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.channelrisk.charts.Charts;
import org.channelrisk.charts.Timeline;
import org.channelrisk.io.AtomicFiles;
import org.channelrisk.io.CsvOutput;
import org.channelrisk.io.EnsembleCsv;
import org.channelrisk.recovery.Metric;
import org.channelrisk.recovery.RecoveryResult;
import org.channelrisk.recovery.ReplicateMetrics;
import org.channelrisk.sim.Ensemble;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Presets;
import org.channelrisk.sim.Scenario;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code channelrisk report}: a scenario's ensemble as one self-contained {@code index.html} (inline
 * SVG charts, the outcome across replicates next to the fit of the mean curve, key numbers, the
 * scenario's parameters, version and seed), with the CSVs behind its numbers beside it.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Run a scenario or preset as an ensemble and write one self-contained index.html (inline charts, no network"
        + " requests) with ensemble.csv and metrics.csv beside it.")
final class ReportCommand implements Callable<Integer> {
  /** Presets by name: what each builds from a network size. */
  static final Map<String, IntFunction<Scenario>> PRESETS = new LinkedHashMap<>();

  static {
    PRESETS.put("action-day-2019", n -> Presets.actionDay2019(n, true));
    PRESETS.put("action-day-2019-no-cooperation", n -> Presets.actionDay2019(n, false));
    PRESETS.put("telegram-2015", Presets::telegram2015);
  }

  @Spec CommandSpec spec;

  /** Exactly one source. */
  static final class Source {
    @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario file (.yaml or .json).")
    Path scenario;

    @Option(names = "--preset", paramLabel = "NAME", description = "A preset: action-day-2019, action-day-2019-no-cooperation,"
        + " telegram-2015.")
    String preset;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder for index.html and its CSVs.")
  Path out;

  @Option(names = "--channels", defaultValue = "10000", description = "Network size of a preset (default ${DEFAULT-VALUE}).")
  int channels;

  @Option(names = "--replicates", defaultValue = "30", description = "Replicates (default ${DEFAULT-VALUE}).")
  int replicates;

  @Option(names = "--seed", defaultValue = "1", description = "Ensemble seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Mixin WorkerThreads.OrAvailable threads;

  @Override
  public Integer call() throws IOException {
    int k = threads.count();
    OptionChecks.atLeast("--replicates", replicates, 2, "a spread across replicates needs two");
    OptionChecks.atLeast("--channels", channels, 100);
    OptionChecks.fitsInMemory("--channels", channels);
    try (OutputPlan plan = OutputPlan.of(spec)) {
      // the folder is checked before the ensemble runs, and appears with all its files or not at all
      OutputPlan.Target dir = plan.folder("--out", out);
      int code = report(plan, dir, k);
      plan.commit();
      return code;
    }
  }

  private int report(OutputPlan plan, OutputPlan.Target dir, int k) throws IOException {
    Scenario s;
    String name;
    String parameters;
    Timeline timeline;
    if (source.preset != null) {
      IntFunction<Scenario> p = PRESETS.get(source.preset);
      if (p == null) {
        throw new IllegalArgumentException("--preset: unknown preset '" + source.preset + "'; known: " + String.join(", ", PRESETS.keySet()));
      }
      s = p.apply(channels);
      name = source.preset;
      parameters = "preset " + name + " with " + channels + " channels (org.channelrisk.sim.Presets)\n\n" + s;
      timeline = name.startsWith("action-day-2019") ? Timeline.from(Demo.DAY_ZERO) : Timeline.days();
    } else {
      s = ScenarioFile.read(source.scenario);
      name = source.scenario.getFileName().toString();
      parameters = Files.readString(source.scenario);
      timeline = Timeline.days();
    }
    timeline = timeline.withActionDays(s);
    Report r = run(s, name, parameters, timeline, k);
    // everything computed and rendered: the files go to the plan's staging folder
    Path staged = plan.staging(dir);
    EnsembleCsv.write(staged.resolve("ensemble.csv"), r.ensemble());
    writeMetrics(r, staged.resolve("metrics.csv"));
    AtomicFiles.write(staged.resolve("index.html"), w -> w.write(r.html()));
    plan.print(spec.commandLine().getOut(),
        String.format(Locale.ROOT, "Report written to %s (index.html, ensemble.csv, metrics.csv)%n", out));
    return Main.OK;
  }

  /** What the page shows. */
  record Report(EnsembleSummary ensemble, Outcome outcome, String html) {}

  Report run(Scenario s, String name, String parameters, Timeline timeline, int k) {
    EnsembleSummary e = Ensemble.of(s).replicates(replicates).seed(seed).threads(k).run();
    Outcome outcome = s.actionDays().isEmpty() ? new Outcome(false, java.util.Optional.empty(), java.util.Optional.empty())
        : Outcome.of(e, Observed.AUDIENCE, s.actionDays().get(0).time());
    HtmlReport page = new HtmlReport("channelrisk report: " + name)
        .meta("channelrisk " + version() + " · seed " + seed + " · " + replicates + " replicates · " + s.ecosystem().channels().size()
            + " channels · horizon " + Math.round(s.horizon()) + " days");
    page.heading("Outcome of the action day");
    if (outcome.drop()) {
      page.paragraph("Each replicate is measured on its own: reach lost from the level before the action (median of the "
          + Outcome.BASELINE_DAYS + " days before) to its trough, the level over the last " + Outcome.END_DAYS
          + " days as a share of the level before, and the days from the trough until half (T50) or 90% (T90) of the loss is"
          + " regained; 'never' means not within the horizon. The median and 90% interval across replicates show the spread of"
          + " outcomes. The last columns fit a recovery model to the mean curve: its interval is about the expected curve and"
          + " narrows as replicates are added.");
      page.table("metrics", List.of("metric", "across replicates: median (5%–95%)", "fit of the mean curve (95% interval)"),
          metricRows(outcome));
    } else {
      page.paragraph(s.actionDays().isEmpty() ? "The scenario has no action day: no recovery is measured."
          : "No drop: the mean reach did not fall by 1% after the action day (the platforms declined the referrals).");
    }
    page.heading("Key numbers (ensemble mean and 90% band)");
    page.table("key-numbers", List.of("observable", "when", "day", "mean", "5%", "95%"), keyRows(e, s));
    page.heading("Charts");
    page.figure(Charts.fan(e, Observed.AUDIENCE, "reach (audience of active channels)", timeline), "Reach across replicates.");
    page.figure(Charts.fan(e, Observed.ACTIVE_CHANNELS, "active channels", timeline), "Active channels across replicates.");
    if (outcome.fit().isPresent()) {
      page.figure(Charts.recovery(outcome.fit().get(), e.times(), e.mean(Observed.AUDIENCE), "mean reach", timeline),
          "The recovery model fitted to the mean reach from its trough.");
    }
    page.heading("Scenario");
    page.preformatted(parameters);
    page.paragraph("Files beside this page: ensemble.csv (per day and observable: mean, sd and quantiles across replicates),"
        + " metrics.csv (the outcome table). Every number in the tables above is taken from them.");
    return new Report(e, outcome, page.build());
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "(development build)" : v;
  }

  static final List<String> METRICS = List.of("relative_depth", "recovery_ratio", "t50", "t90", "loss_area", "trough_day");
  private static final List<String> LABELS = List.of("reach lost", "recovery ratio (end level / before)", "T50 (days from trough)",
      "T90 (days from trough)", "loss area (reach x days)", "trough (day)");
  private static final List<HtmlReport.Format> FORMATS = List.of(HtmlReport.Format.PERCENT, HtmlReport.Format.DECIMALS_2,
      HtmlReport.Format.DECIMALS_0, HtmlReport.Format.DECIMALS_0, HtmlReport.Format.DECIMALS_0, HtmlReport.Format.DECIMALS_0);

  private static double[] fitted(RecoveryResult fit, int i) {
    if (i == 5) {
      return new double[] {fit.t0(), Double.NaN, Double.NaN};
    }
    Metric m = List.of(Metric.RELATIVE_DEPTH, Metric.RECOVERY_RATIO, Metric.T50, Metric.T90, Metric.LOSS_AREA).get(i);
    var e = fit.metric(m);
    return new double[] {e.value(), e.lower(), e.upper()};
  }

  private static List<List<HtmlReport.Cell>> metricRows(Outcome o) {
    List<ReplicateMetrics.Spread> sp = Demo.spreads(o.replicates().orElseThrow());
    List<List<HtmlReport.Cell>> rows = new ArrayList<>();
    for (int i = 0; i < METRICS.size(); i++) {
      ReplicateMetrics.Spread x = sp.get(i);
      double[] f = fitted(o.fit().orElseThrow(), i);
      HtmlReport.Format fmt = FORMATS.get(i);
      rows.add(List.of(HtmlReport.Cell.text(LABELS.get(i)),
          HtmlReport.Cell.spread(x.median(), x.lower(), x.upper(), fmt, "metrics.csv", i, List.of("median", "q05", "q95"), "never"),
          HtmlReport.Cell.spread(f[0], f[1], f[2], fmt, "metrics.csv", i, List.of("fit", "fit_lower", "fit_upper"), "never")));
    }
    return rows;
  }

  private static List<List<HtmlReport.Cell>> keyRows(EnsembleSummary e, Scenario s) {
    double[] t = e.times();
    Map<String, Integer> when = new LinkedHashMap<>();
    when.put("start", 0);
    if (!s.actionDays().isEmpty() && t[0] < s.actionDays().get(0).time()) {
      int before = 0;
      while (before + 1 < t.length && t[before + 1] < s.actionDays().get(0).time()) {
        before++;
      }
      when.put("last day before the action", before);
    }
    when.put("end", t.length - 1);
    List<List<HtmlReport.Cell>> rows = new ArrayList<>();
    for (Observed o : new Observed[] {Observed.AUDIENCE, Observed.ACTIVE_CHANNELS}) {
      double[] mean = e.mean(o);
      double[][] q = e.quantiles(o, 0.05, 0.95);
      for (Map.Entry<String, Integer> w : when.entrySet()) {
        int i = w.getValue();
        rows.add(List.of(HtmlReport.Cell.text(o.key()), HtmlReport.Cell.text(w.getKey()),
            HtmlReport.Cell.number(t[i], HtmlReport.Format.DECIMALS_0, "ensemble.csv", i, "time", "n/a"),
            HtmlReport.Cell.number(mean[i], HtmlReport.Format.DECIMALS_0, "ensemble.csv", i, o.key() + "_mean", "n/a"),
            HtmlReport.Cell.number(q[0][i], HtmlReport.Format.DECIMALS_0, "ensemble.csv", i, o.key() + "_q05", "n/a"),
            HtmlReport.Cell.number(q[1][i], HtmlReport.Format.DECIMALS_0, "ensemble.csv", i, o.key() + "_q95", "n/a")));
      }
    }
    return rows;
  }

  private static void writeMetrics(Report r, Path file) throws IOException {
    CsvOutput.write(file, List.of("metric", "median", "q05", "q95", "replicates", "fit", "fit_lower", "fit_upper"), w -> {
      if (!r.outcome().drop()) {
        return;
      }
      List<ReplicateMetrics.Spread> sp = Demo.spreads(r.outcome().replicates().orElseThrow());
      for (int i = 0; i < METRICS.size(); i++) {
        double[] f = fitted(r.outcome().fit().orElseThrow(), i);
        ReplicateMetrics.Spread x = sp.get(i);
        w.row().text(METRICS.get(i)).number(Demo.cell(x.median())).number(Demo.cell(x.lower())).number(Demo.cell(x.upper()))
            .number(x.replicates()).number(Demo.cell(f[0])).number(Demo.cell(f[1])).number(Demo.cell(f[2])).end();
      }
    });
  }
}
