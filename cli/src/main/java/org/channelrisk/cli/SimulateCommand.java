package org.channelrisk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.channelrisk.charts.Charts;
import org.channelrisk.charts.Timeline;
import org.channelrisk.io.CsvOutput;
import org.channelrisk.io.EnsembleCsv;
import org.channelrisk.sim.ChannelLifetime;
import org.channelrisk.sim.EndCause;
import org.channelrisk.sim.Ensemble;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Scenario;
import org.channelrisk.sim.SimEvent;
import org.channelrisk.sim.Simulation;
import picocli.CommandLine.Command;
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

  @Option(names = "--threads", defaultValue = "1", description = "Worker threads; the result does not depend on it.")
  int threads;

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

  @Option(names = "--progress", negatable = true, description = "Progress bar on stderr (default: when stderr is a terminal).")
  Boolean progress;

  @Override
  public Integer call() throws IOException {
    if (replicates < 1) {
      throw new IllegalArgumentException("--replicates must be >= 1: " + replicates);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1: " + threads);
    }
    if (lifetimesReplicates < 1 || lifetimesReplicates > replicates) {
      throw new IllegalArgumentException("--lifetimes-replicates must be between 1 and --replicates (" + replicates + "): "
          + lifetimesReplicates);
    }
    Scenario s = ScenarioFile.read(scenario);
    boolean show = progress != null ? progress : System.console() != null;
    EnsembleSummary summary;
    if (show) {
      try (ProgressBar pb = new ProgressBarBuilder().setTaskName("simulate").setInitialMax(replicates)
          .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
        IntConsumer step = done -> {
          synchronized (pb) {
            pb.stepTo(Math.max(pb.getCurrent(), done));
          }
        };
        summary = Ensemble.of(s).replicates(replicates).seed(seed).threads(threads).progress(step).run();
      }
    } else {
      summary = Ensemble.of(s).replicates(replicates).seed(seed).threads(threads).run();
    }
    if (output != null) {
      EnsembleCsv.write(summary, output);
    } else {
      EnsembleCsv.write(summary, spec.commandLine().getOut());
    }
    if (events != null) {
      List<SimEvent> log = Simulation.of(s.toBuilder().eventLog(true).build()).seed(seed).run().events();
      CsvOutput.write(events, List.of("time", "kind", "channel", "generation", "platform", "detail", "cause"), w -> {
        for (SimEvent e : log) {
          w.row().number(e.time()).text(e.kind().name().toLowerCase(Locale.ROOT)).text(e.channelId()).number(e.generation())
              .text(e.platformId()).text(e.detail()).text(e.cause().map(EndCause::key).orElse("")).end();
        }
      });
    }
    if (lifetimes != null) {
      List<List<ChannelLifetime>> runs = new java.util.ArrayList<>();
      for (int r = 0; r < lifetimesReplicates; r++) {
        runs.add(Simulation.of(s).seed(seed).replicate(r).lifetimes());
      }
      CsvOutput.write(lifetimes, List.of("channel", "generation", "platform", "role", "start", "end", "status", "replicate"), w -> {
        for (int r = 0; r < runs.size(); r++) {
          for (ChannelLifetime l : runs.get(r)) {
            w.row().text(l.channelId()).number(l.generation()).text(l.platformId()).text(l.role().name().toLowerCase(Locale.ROOT))
                .number(l.start()).number(l.end()).text(l.status()).number(r).end();
          }
        }
      });
    }
    if (chart != null) {
      Charts.fan(summary, Observed.ACTIVE_CHANNELS, "active channels", Timeline.days().withActionDays(s)).save(chart);
    }
    spec.commandLine().getErr().println(summary);
    spec.commandLine().getErr().flush();
    return Main.OK;
  }
}
