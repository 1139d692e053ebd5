package org.channelrisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.channelrisk.calibrate.AbcSmc;
import org.channelrisk.calibrate.CalibrationResult;
import org.channelrisk.calibrate.Evaluator;
import org.channelrisk.calibrate.Generation;
import org.channelrisk.calibrate.ParameterSummary;
import org.channelrisk.calibrate.Population;
import org.channelrisk.calibrate.Predictive;
import org.channelrisk.calibrate.Target;
import org.channelrisk.io.AtomicFiles;
import org.channelrisk.io.CsvOutput;
import org.channelrisk.io.EnsembleCsv;
import org.channelrisk.io.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code channelrisk calibrate}: ABC-SMC calibration of a scenario file's parameters to observed
 * summary statistics (see {@link CalibrationConfig} for the file and {@code org.channelrisk.calibrate}
 * for the method).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = "Calibrate a scenario's parameters to observations by ABC-SMC: posterior, summary, calibrated scenario, "
        + "densities and the posterior predictive ensemble.")
final class CalibrateCommand implements Callable<Integer> {
  static final String POPULATION = "population.csv";
  /** The final outputs, written together at the end of a run. */
  static final List<String> OUTPUTS = List.of("posterior.csv", "summary.json", "calibrated.yaml", "posterior.png", "predictive.csv");

  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE.yaml", description = "Calibration file (scenario, parameters, targets, settings).")
  Path config;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Mixin WorkerThreads threads;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Folder for the outputs (created if missing).")
  Path output;

  @Option(names = "--level", defaultValue = "0.9", description = "Level of the equal-tailed credible intervals (default ${DEFAULT-VALUE}).")
  double level;

  @Option(names = "--predictive", defaultValue = "100", paramLabel = "N",
      description = "Posterior predictive runs for predictive.csv (default ${DEFAULT-VALUE}).")
  int predictive;

  @Option(names = "--resume", description = "Continue from DIR/" + POPULATION + ", written after each generation by a run with the same "
      + "config and seed.")
  boolean resume;

  @Mixin ProgressOption progress;

  @Override
  public Integer call() throws IOException {
    threads.count(); // checked here, before any work
    OptionChecks.inOpenUnitInterval("--level", level);
    OptionChecks.atLeast("--predictive", predictive, 2);
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new IllegalArgumentException("--output: '" + output + "' is a file; expected a folder");
    }
    boolean force = OutputPlan.forced(spec);
    if (!resume && !force && Files.isDirectory(output)) {
      try (var entries = Files.list(output)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("--output: '" + output + "' is not empty; add --resume to continue its run or --force"
              + " to replace its files");
        }
      }
    }
    CalibrationConfig cfg = CalibrationConfig.read(config);
    AbcSmc abc = cfg.calibration;
    Population from = null;
    Path state = output.resolve(POPULATION);
    if (resume) {
      try (Reader r = Files.newBufferedReader(state)) {
        from = Population.read(r, state.toString(), seed, abc.fingerprint());
      } catch (NoSuchFileException e) {
        throw new InvalidInputException(state.toString(), "no population to resume from");
      }
      try {
        abc.checkResume(from);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(state.toString(), e.getMessage());
      }
    }
    // The folder holds the population after each generation (what --resume reads), so it exists during
    // the run; the final outputs are declared now (checked before any simulation) and appear together.
    boolean created = !Files.exists(output);
    Files.createDirectories(output);
    try (OutputPlan plan = OutputPlan.create(force || resume)) {
      Map<String, OutputPlan.Target> files = new LinkedHashMap<>();
      for (String name : OUTPUTS) {
        files.put(name, plan.file("--output", output.resolve(name)));
      }
      int code = calibrate(abc, cfg, from, state, files, plan);
      plan.commit();
      return code;
    } finally {
      if (created) {
        try (var entries = Files.list(output)) {
          if (entries.findAny().isEmpty()) {
            Files.deleteIfExists(output); // nothing to resume from: leave no empty folder behind
          }
        }
      }
    }
  }

  private int calibrate(AbcSmc abc, CalibrationConfig cfg, Population from, Path state, Map<String, OutputPlan.Target> files,
      OutputPlan plan) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    ProgressBar bar = progress.bar("calibrate", abc.budget());
    AbcSmc.Listener listener = new AbcSmc.Listener() {
      @Override
      public void generation(Population p) {
        try {
          AtomicFiles.write(state, w -> p.write(w, seed, abc.fingerprint()));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        if (bar == null) {
          err.println(p.generation());
          err.flush();
        } else {
          bar.setExtraMessage(" generation " + p.generation().index() + ", epsilon " + Generation.epsilon(p.generation().epsilon()));
        }
      }

      @Override
      public void progress(int generation, int accepted, long totalSimulations) {
        if (bar != null) {
          bar.stepTo(Math.min(bar.getMax(), totalSimulations));
          bar.setExtraMessage(String.format(Locale.ROOT, " generation %d: %d of %d accepted", generation, accepted, abc.particles()));
        }
      }
    };
    CalibrationResult result;
    try {
      Evaluator ev = Evaluator.local(threads.count());
      result = from == null ? abc.run(seed, ev, listener) : abc.resume(from, seed, ev, listener);
    } finally {
      if (bar != null) {
        bar.close();
      }
    }
    Population pop = result.population();
    Predictive pp = Predictive.of(result, abc.simulator(), predictive, seed, threads.count());
    writeOutputs(cfg, abc, result, pp, files, plan);
    err.println(result);
    for (ParameterSummary s : pop.summaries(level).values()) {
      err.println("  " + s);
    }
    err.println("Outputs in " + output);
    err.flush();
    return Main.OK;
  }

  private void writeOutputs(CalibrationConfig cfg, AbcSmc abc, CalibrationResult result, Predictive pp,
      Map<String, OutputPlan.Target> files, OutputPlan plan) throws IOException {
    Population pop = result.population();
    List<String> header = new ArrayList<>(pop.names());
    header.add("weight");
    plan.write(files.get("posterior.csv"), writer -> CsvOutput.write(writer, header, w -> {
      double[] weights = pop.weights();
      for (int i = 0; i < pop.size(); i++) {
        CsvOutput row = w.row();
        for (double v : pop.values(i)) {
          row.number(v);
        }
        row.number(weights[i]).end();
      }
    }));
    plan.write(files.get("summary.json"), w -> w.write(Output.jsonText(summary(abc, result, pp))));
    JsonNode calibrated = cfg.substituted(pop.medians());
    relocateFolder(calibrated, cfg.scenarioFile.toAbsolutePath().getParent(), output.toAbsolutePath());
    String yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)).writeValueAsString(calibrated);
    String comment = "# Calibrated by channelrisk calibrate from " + cfg.file.getFileName() + " (seed " + seed + "): posterior medians of "
        + String.join(", ", cfg.names) + " substituted at " + String.join(", ", cfg.paths) + "\n";
    plan.write(files.get("calibrated.yaml"), w -> w.write(comment + yaml));
    PosteriorChart.save(abc.parameters(), pop, plan.staging(files.get("posterior.png")));
    EnsembleCsv.write(plan.staging(files.get("predictive.csv")), pp.ensemble());
  }

  /** A relative ecosystem folder is rewritten relative to the output folder, so calibrated.yaml reads from there. */
  private static void relocateFolder(JsonNode tree, Path scenarioDir, Path outDir) {
    JsonNode eco = tree.get("ecosystem");
    if (eco instanceof ObjectNode o && o.has("folder") && o.get("folder").isTextual()) {
      Path folder = Path.of(o.get("folder").asText());
      if (!folder.isAbsolute()) {
        o.put("folder", outDir.relativize(scenarioDir.resolve(folder).normalize()).toString());
      }
    }
  }

  private Map<String, Object> summary(AbcSmc abc, CalibrationResult result, Predictive pp) {
    Population pop = result.population();
    Generation last = pop.generation();
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> params = new LinkedHashMap<>();
    for (ParameterSummary s : pop.summaries(level).values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("median", Output.num(s.median()));
      m.put("mean", Output.num(s.mean()));
      m.put("sd", Output.num(s.sd()));
      m.put("lower", Output.num(s.lower()));
      m.put("upper", Output.num(s.upper()));
      params.put(s.name(), m);
    }
    root.put("parameters", params);
    root.put("level", level);
    root.put("ess", Output.num(pop.ess()));
    root.put("simulations", last.totalSimulations());
    root.put("generations", pop.history().size());
    root.put("epsilon", Output.num(last.epsilon()));
    root.put("acceptance", Output.num(last.acceptance()));
    root.put("stopReason", result.stopReason().name().toLowerCase(Locale.ROOT));
    root.put("seed", seed);
    List<Object> targets = new ArrayList<>();
    double lo = (1 - level) / 2;
    for (int k = 0; k < abc.targets().size(); k++) {
      Target t = abc.targets().get(k);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("statistic", t.statistic().toString());
      m.put("observed", t.observed());
      m.put("scale", t.scale());
      m.put("predictiveMedian", Output.num(pp.statisticQuantile(k, 0.5)));
      m.put("predictiveLower", Output.num(pp.statisticQuantile(k, lo)));
      m.put("predictiveUpper", Output.num(pp.statisticQuantile(k, 1 - lo)));
      targets.add(m);
    }
    root.put("targets", targets);
    List<Object> history = new ArrayList<>();
    for (Generation g : pop.history()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("generation", g.index());
      m.put("epsilon", Output.num(g.epsilon()));
      m.put("simulations", g.simulations());
      m.put("acceptance", Output.num(g.acceptance()));
      m.put("ess", Output.num(g.ess()));
      history.add(m);
    }
    root.put("history", history);
    return root;
  }
}
