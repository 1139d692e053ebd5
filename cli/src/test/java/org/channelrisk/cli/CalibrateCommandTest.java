package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.cli.MainTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.channelrisk.calibrate.ParticleSimulator;
import org.channelrisk.calibrate.Statistic;
import org.channelrisk.calibrate.Target;
import org.channelrisk.io.CsvTable;
import org.channelrisk.sim.Observed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {
  @TempDir Path dir;

  static final String SCENARIO = """
      ecosystem:
        generate:
          channels: 300
          seed: 1
          platforms:
            - id: telegram
              userBase: 500000000
              cooperation:
                - compliance: 0.5
                  latency: {family: fixed, days: 0}
                  visibilityExponent: 0
      recreation:
        probability: 0.5
        delay: {family: exponential, meanDays: 10}
      actionDays:
        - time: 20
          budget: 300
          strategy: INCLUDING_BACKUPS
      horizon: 100
      gridStep: 1
      """;

  static final double TRUE_COMPLIANCE = 0.7;
  static final double TRUE_RECREATION = 0.35;

  /** The observation: one run of the scenario file at the true values, through the command's own reader. */
  double[] observe(Path scenario) throws IOException {
    String text = Files.readString(scenario).replace("compliance: 0.5", "compliance: " + TRUE_COMPLIANCE)
        .replace("probability: 0.5", "probability: " + TRUE_RECREATION);
    Path truth = Files.writeString(dir.resolve("truth.yaml"), text);
    var scenario0 = ScenarioFile.read(truth);
    ParticleSimulator sim = new ParticleSimulator(v -> scenario0, List.of(
        new Target(new Statistic.Change(Observed.ACTIVE_CHANNELS, 10, 19, 21, 25), -1, 1),
        new Target(new Statistic.Value(Observed.RECREATIONS, 100), 1, 1),
        new Target(new Statistic.Count(20, 60, "telegram"), 1, 1)), 1);
    return sim.statistics(new double[0], 424242);
  }

  Path config(int particles, int budget) throws IOException {
    Path scenario = Files.writeString(dir.resolve("base.yaml"), SCENARIO);
    double[] obs = observe(scenario);
    return Files.writeString(dir.resolve("cal.yaml"), String.format(Locale.ROOT, """
        scenario: base.yaml
        parameters:
          - name: compliance
            path: ecosystem.generate.platforms[0].cooperation[0].compliance
            prior: {uniform: [0, 1]}
          - name: recreation
            path: recreation.probability
            prior: {uniform: [0, 1]}
        targets:
          - statistic: {change: active_channels, before: [10, 19], after: [21, 25]}
            observed: %s
          - statistic: {value: recreations, at: 100}
            observed: %s
          - statistic: {count: [20, 60], platform: telegram}
            observed: %s
        particles: %d
        budget: %d
        replicatesPerParticle: 1
        """, obs[0], obs[1], obs[2], particles, budget));
  }

  @Test
  void recoversKnownParametersAndWritesEveryOutput() throws IOException {
    Path cfg = config(200, 4000);
    Path out = dir.resolve("out");
    MainTest.Result r = run("calibrate", "--config", cfg.toString(), "--seed", "5", "--threads", "2", "--output", out.toString(),
        "--predictive", "20", "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    System.out.println("recovery: " + s.get("parameters") + ", " + s.get("simulations") + " simulations, " + s.get("generations")
        + " generations, epsilon " + s.get("epsilon") + ", stop " + s.get("stopReason"));
    double[] truth = {TRUE_COMPLIANCE, TRUE_RECREATION};
    String[] names = {"compliance", "recreation"};
    for (int k = 0; k < 2; k++) {
      JsonNode p = s.get("parameters").get(names[k]);
      assertThat(p.get("lower").asDouble()).as(names[k]).isLessThanOrEqualTo(truth[k]);
      assertThat(p.get("upper").asDouble()).as(names[k]).isGreaterThanOrEqualTo(truth[k]);
      assertThat(Math.abs(p.get("median").asDouble() - truth[k])).as(names[k]).isLessThan(Math.abs(0.5 - truth[k]));
    }
    assertThat(s.get("simulations").asLong()).isLessThanOrEqualTo(4000);
    assertThat(s.get("ess").asDouble()).isPositive();
    CsvTable post = CsvTable.read(out.resolve("posterior.csv"));
    assertThat(post.header()).containsExactly("compliance", "recreation", "weight");
    assertThat(post.size()).isEqualTo(200);
    CsvTable pred = CsvTable.read(out.resolve("predictive.csv"));
    assertThat(pred.header()).contains("active_channels_mean", "recreations_q95");
    String yaml = Files.readString(out.resolve("calibrated.yaml"));
    assertThat(yaml).startsWith("# Calibrated by channelrisk calibrate from cal.yaml (seed 5)");
    assertThat(yaml).contains("compliance: " + s.get("parameters").get("compliance").get("median").asDouble());
    // the calibrated scenario reads as a scenario
    assertThat(ScenarioFile.read(out.resolve("calibrated.yaml")).horizon()).isEqualTo(100);
    assertThat(javax.imageio.ImageIO.read(out.resolve("posterior.png").toFile()).getHeight()).isPositive();
    assertThat(out.resolve(CalibrateCommand.POPULATION)).exists();
  }

  @Test
  void oneAndTwoThreadsAndAResumeGiveTheSameSummary() throws IOException {
    Path cfg = config(60, 1500);
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertThat(run("calibrate", "--config", cfg.toString(), "--seed", "9", "--threads", "1", "--output", a.toString(), "--predictive", "5",
        "--no-progress").code()).isZero();
    assertThat(run("calibrate", "--config", cfg.toString(), "--seed", "9", "--threads", "2", "--output", b.toString(), "--predictive", "5",
        "--no-progress").code()).isZero();
    assertThat(Files.readString(b.resolve("summary.json"))).isEqualTo(Files.readString(a.resolve("summary.json")));
    assertThat(Files.readString(b.resolve("posterior.csv"))).isEqualTo(Files.readString(a.resolve("posterior.csv")));
    // resume from generation 1 of the same run (budget cut), then with the full budget
    Path c = dir.resolve("c");
    Path cut = Files.writeString(dir.resolve("cut.yaml"), Files.readString(cfg).replace("budget: 1500", "budget: 130"));
    assertThat(run("calibrate", "--config", cut.toString(), "--seed", "9", "--output", c.toString(), "--predictive", "5", "--no-progress")
        .code()).isZero();
    MainTest.Result resumed = run("calibrate", "--config", cfg.toString(), "--seed", "9", "--output", c.toString(), "--predictive", "5",
        "--resume", "--no-progress");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(Files.readString(c.resolve("summary.json"))).isEqualTo(Files.readString(a.resolve("summary.json")));
    // another seed cannot resume that population
    MainTest.Result other = run("calibrate", "--config", cfg.toString(), "--seed", "10", "--output", c.toString(), "--resume", "--no-progress");
    assertThat(other.code()).isEqualTo(2);
    assertThat(other.err()).contains("seed 9, not 10");
    // the checkpoint holds no spelled-out infinity (generation 0's tolerance is an empty field)
    Path pop = c.resolve("population.csv");
    String text = Files.readString(pop);
    assertThat(text).doesNotContain("Infinity").contains("\n# 0,,");
    // an edited particle is refused at its line before any simulation: not a number, not finite, outside the prior
    String first = text.lines().filter(l -> !l.startsWith("#")).skip(1).findFirst().orElseThrow();
    String value = first.substring(0, first.indexOf(','));
    for (String[] edit : new String[][] {{"abc", "expected a number, found 'abc'"}, {"NaN", "expected a finite number, found 'NaN'"},
        {"7.5", "population.csv: particle 0 of the population has"}}) {
      Files.writeString(pop, text.replace(first, edit[0] + first.substring(value.length())));
      MainTest.Result edited = run("calibrate", "--config", cfg.toString(), "--seed", "9", "--output", c.toString(), "--resume",
          "--no-progress");
      assertThat(edited.code()).as(edited.err()).isEqualTo(2);
      assertThat(edited.err().strip()).contains(edit[1]).doesNotContain("\n");
    }
  }

  @Test
  void badConfigsNameTheFieldAndWriteNothing() throws IOException {
    Path cfg = config(20, 100);
    String good = Files.readString(cfg);
    String[][] cases = {
      {"path: recreation.probability", "path: recreation.probabilty", "parameters[1].path", "recreation.probabilty: unknown field"},
      {"platforms[0].cooperation[0]", "platforms[3].cooperation[0]", "parameters[0].path", "the list has 1 item"},
      {"prior: {uniform: [0, 1]}\n  - name: recreation", "prior: {gamma: [1, 1]}\n  - name: recreation", "parameters[0].prior", "gamma"},
      {"{uniform: [0, 1]}\ntargets", "{uniform: [0, 2]}\ntargets", "parameters[1].prior", "rejects 2.0"},
      // unbounded, and refused before generation 0 (it failed after 500 simulations, leaving a file)
      {"{uniform: [0, 1]}\ntargets", "{normal: [0.5, 0.1]}\ntargets", "parameters[1].prior", "rejects -0.29"},
      {"change: active_channels", "change: active", "targets[0].statistic.change", "unknown observable 'active'"},
      {"at: 100", "at: 400", "targets[1].statistic", "outside the scenario's horizon"},
      {"particles: 20", "particles: many", "particles", "expected a whole number"},
      // 2^32 + 10 used to wrap around to 10 particles
      {"particles: 20", "particles: 4294967306", "particles", "expected a whole number from -2147483648 to 2147483647, found 4294967306"},
      {"platform: telegram", "platform: signal", "targets[2].statistic", "unknown platform 'signal'"},
    };
    for (String[] c : cases) {
      assertThat(good).as(c[0]).contains(c[0]);
      Path bad = Files.writeString(dir.resolve("bad.yaml"), good.replace(c[0], c[1]));
      Path out = dir.resolve("bad-out");
      MainTest.Result r = run("calibrate", "--config", bad.toString(), "--output", out.toString(), "--no-progress");
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).as(c[1]).contains("bad.yaml: " + c[2]).contains(c[3]);
      assertThat(r.err().strip().lines().count()).isEqualTo(1);
      assertThat(out).doesNotExist();
    }
  }
}
