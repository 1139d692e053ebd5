package org.channelrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.channelrisk.charts.Charts;
import org.channelrisk.charts.Timeline;
import org.channelrisk.io.CsvOutput;
import org.channelrisk.io.EnsembleCsv;
import org.channelrisk.recovery.Metric;
import org.channelrisk.recovery.RecoveryResult;
import org.channelrisk.recovery.ReplicateMetrics;
import org.channelrisk.sim.ChannelLifetime;
import org.channelrisk.sim.EndCause;
import org.channelrisk.sim.Ensemble;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Scenario;
import org.channelrisk.sim.SimEvent;
import org.channelrisk.sim.Simulation;
import org.channelrisk.stats.Estimate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code channelrisk simulate}: Monte Carlo ensemble of a scenario file. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Run a scenario (YAML or JSON) as a Monte Carlo ensemble and write trajectories with bands as CSV.")
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "Scenario file (.yaml or .json).")
  Path scenario;

  @Option(names = "--replicates", defaultValue = "100", description = "Replicates (default ${DEFAULT-VALUE}).")
  int replicates;

  @Option(names = "--seed", defaultValue = "1", description = "Ensemble seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Mixin WorkerThreads threads;

  @Option(names = "--output", paramLabel = "FILE.csv",
      description = "time and, per observable, <name>_mean,_sd,_q05,_q25,_q50,_q75,_q95 (default: standard output).")
  Path output;

  @Option(names = "--events", paramLabel = "FILE.csv", description = "The event log of replicate 0.")
  Path events;

  @Option(names = "--lifetimes", paramLabel = "FILE.csv",
      description = "One row per channel incarnation of replicate 0: channel,generation,platform,role,start,end,status,replicate"
          + " (status: referral, proactive, abandoned, migrated or censored at the horizon).")
  Path lifetimes;

  @Option(names = "--lifetimes-replicates", paramLabel = "N", defaultValue = "1",
      description = "With --lifetimes: the incarnations of replicates 0 to N-1 (default ${DEFAULT-VALUE}).")
  int lifetimesReplicates;

  @Option(names = "--chart", paramLabel = "FILE.png|svg", description = "Fan chart of active channels and audience.")
  Path chart;

  @Mixin ProgressOption progress;

  @Override
  public Integer call() throws IOException {
    OptionChecks.atLeast("--replicates", replicates, 1);
    int k = threads.count();
    if (lifetimesReplicates < 1 || lifetimesReplicates > replicates) {
      throw new IllegalArgumentException("--lifetimes-replicates must be between 1 and --replicates (" + replicates + "): "
          + lifetimesReplicates);
    }
    EnsembleSummary summary;
    String outcome = null;
    try (OutputPlan plan = OutputPlan.of(spec)) {
      OutputPlan.Target outputTarget = output == null ? null : plan.file("--output", output, "csv");
      OutputPlan.Target eventsTarget = events == null ? null : plan.file("--events", events, "csv");
      OutputPlan.Target lifetimesTarget = lifetimes == null ? null : plan.file("--lifetimes", lifetimes, "csv");
      OutputPlan.Target chartTarget = chart == null ? null : plan.file("--chart", chart, "png", "svg");
      Scenario s = ScenarioFile.read(scenario);
      try (ProgressBar pb = progress.bar("simulate", replicates)) {
        Ensemble ensemble = Ensemble.of(s).replicates(replicates).seed(seed).threads(k);
        if (pb != null) {
          ensemble.progress(done -> {
            synchronized (pb) {
              pb.stepTo(Math.max(pb.getCurrent(), done));
            }
          });
        }
        summary = ensemble.run();
      }
      if (outputTarget != null) {
        EnsembleCsv.write(plan.staging(outputTarget), summary);
      } else {
        StringWriter csv = new StringWriter();
        EnsembleCsv.write(csv, summary);
        plan.print(spec.commandLine().getOut(), csv.toString());
      }
      if (eventsTarget != null) {
        List<SimEvent> log = Simulation.of(s.toBuilder().eventLog(true).build()).seed(seed).run().events();
        CsvOutput.write(plan.staging(eventsTarget), List.of("time", "kind", "channel", "generation", "platform", "detail", "cause"),
            w -> {
              for (SimEvent e : log) {
                w.row().number(e.time()).text(e.kind().name().toLowerCase(Locale.ROOT)).text(e.channelId()).number(e.generation())
                    .text(e.platformId()).text(e.detail()).text(e.cause().map(EndCause::key).orElse("")).end();
              }
            });
      }
      if (lifetimesTarget != null) {
        List<List<ChannelLifetime>> runs = new java.util.ArrayList<>();
        for (int r = 0; r < lifetimesReplicates; r++) {
          runs.add(Simulation.of(s).seed(seed).replicate(r).lifetimes());
        }
        CsvOutput.write(plan.staging(lifetimesTarget), List.of("channel", "generation", "platform", "role", "start", "end", "status",
            "replicate"), w -> {
              for (int r = 0; r < runs.size(); r++) {
                for (ChannelLifetime l : runs.get(r)) {
                  w.row().text(l.channelId()).number(l.generation()).text(l.platformId())
                      .text(l.role().name().toLowerCase(Locale.ROOT)).number(l.start()).number(l.end()).text(l.status()).number(r).end();
                }
              }
            });
      }
      if (chartTarget != null) {
        Charts.fan(summary, Observed.ACTIVE_CHANNELS, "active channels", Timeline.days().withActionDays(s)).save(plan.staging(chartTarget));
      }
      if (!s.actionDays().isEmpty() && replicates > 0) {
        // the outcome of the first action day, measured in every replicate (median and 90% interval
        // across replicates), the spread a reader wants, next to the fit of the mean curve
        double t0 = s.actionDays().get(0).time();
        outcome = outcomeText(Outcome.of(summary, Observed.AUDIENCE, t0), t0);
      }
      plan.commit();
    }
    PrintWriter err = spec.commandLine().getErr();
    err.print(ensembleText(summary));
    if (outcome != null) {
      err.print(outcome);
    }
    err.flush();
    return Main.OK;
  }

  /** The run in two lines: its size, and where the active channels end across replicates. */
  private String ensembleText(EnsembleSummary summary) {
    double[] time = summary.times();
    int last = time.length - 1;
    return String.format(Locale.ROOT, "%d replicate%s, seed %d, days %s to %s.%n"
        + "Active channels on day %s: mean %,.0f; 90%% of replicates between %,.0f and %,.0f.%n", summary.replicates(),
        summary.replicates() == 1 ? "" : "s", seed, day(time[0]), day(time[last]), day(time[last]),
        summary.mean(Observed.ACTIVE_CHANNELS)[last], summary.quantile(Observed.ACTIVE_CHANNELS, 0.05)[last],
        summary.quantile(Observed.ACTIVE_CHANNELS, 0.95)[last]);
  }

  /** The first action day's outcome as a small table: one metric a line, its median and 90% interval across replicates. */
  static String outcomeText(Outcome o, double t0) {
    if (!o.drop()) {
      return String.format(Locale.ROOT, "The action day on day %s: no drop of 1%% or more in the mean audience.%n", day(t0));
    }
    ReplicateMetrics.Summary a = o.replicates().orElseThrow();
    RecoveryResult fit = o.fit().orElseThrow();
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "The action day on day %s (median and 90%% interval across %d"
        + " replicates,%neach measured from its trough against the %d days before):%n", day(t0), a.replicates(), Outcome.BASELINE_DAYS));
    String row = "  %-16s %s%n";
    sb.append(String.format(Locale.ROOT, row, "reach lost", Demo.pct(a.relativeDepth())));
    sb.append(String.format(Locale.ROOT, row, "recovery ratio", Demo.spread(a.recoveryRatio(), "%.2f")));
    sb.append(String.format(Locale.ROOT, row, "T50 (days)", Demo.spread(a.t50(), "%.0f")));
    sb.append(String.format(Locale.ROOT, row, "T90 (days)", Demo.spread(a.t90(), "%.0f")));
    sb.append(String.format(Locale.ROOT, row, "loss area", Demo.spread(a.lossArea(), "%.3g") + " audience x days"));
    sb.append(String.format(Locale.ROOT, row, "trough (day)", Demo.spread(a.troughTime(), "%.0f")));
    if (sb.indexOf("never") >= 0) {
      sb.append("  (never: not regained by the end of the run)\n");
    }
    Estimate lost = fit.metric(Metric.RELATIVE_DEPTH);
    sb.append(String.format(Locale.ROOT, "Fit of the mean curve from its trough: %s, reach lost %s (%s).%n", fit.model().id(),
        Demo.pct(lost), lost.method()));
    return sb.toString();
  }

  /** A day on the grid: whole days without decimals. */
  private static String day(double t) {
    return t == Math.rint(t) && Math.abs(t) < 1e15 ? String.format(Locale.ROOT, "%.0f", t) : String.format(Locale.ROOT, "%.2f", t);
  }
}
