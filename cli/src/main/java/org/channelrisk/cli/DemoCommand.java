package org.channelrisk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code channelrisk demo}: the November 2019 story end to end, with no input files. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "The November 2019 action day on a synthetic Telegram-centred network: targeting strategies and two"
        + " cooperation levels compared, recovery curves fitted, charts and CSVs written.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", defaultValue = "channelrisk-demo", description = "Output folder (default ${DEFAULT-VALUE}): created if missing, else it must be empty (or --force).")
  Path out;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--channels", defaultValue = "10000", description = "Network size (default ${DEFAULT-VALUE}).")
  int channels;

  @Option(names = "--replicates", defaultValue = "30", description = "Replicates per row (default ${DEFAULT-VALUE}).")
  int replicates;

  @Mixin WorkerThreads.OrAvailable threads;

  @Option(names = "--report", description = "Also write index.html: one self-contained page with the table and the charts.")
  boolean report;

  @Override
  public Integer call() throws Exception {
    int k = threads.count();
    PrintWriter w = spec.commandLine().getOut();
    Demo demo = new Demo(channels, replicates, seed, k);
    try (OutputPlan plan = OutputPlan.of(spec)) {
      OutputPlan.Target target = plan.folder("--out", out);
      Path staged = plan.staging(target);
      Demo.Result r = demo.run(staged, w);
      if (report) {
        String html = demo.report(r);
        org.channelrisk.io.AtomicFiles.write(staged.resolve("index.html"), x -> x.write(html));
      }
      plan.commit();
    }
    w.printf("%nCharts and the CSVs behind them are in %s%n", out);
    if (report) {
      w.printf("Report: %s%n", out.resolve("index.html"));
    }
    w.flush();
    return Main.OK;
  }
}
