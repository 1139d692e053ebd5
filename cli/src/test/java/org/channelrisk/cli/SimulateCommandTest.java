package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.cli.MainTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.channelrisk.io.CsvTable;
import org.channelrisk.sim.MeanField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  @TempDir Path dir;

  static Path example(String name) {
    return Path.of("..", "examples", "scenarios", name);
  }

  @Test
  void theClosedFormScenarioFileMatchesItsFormula() {
    Path out = dir.resolve("closed.csv");
    MainTest.Result r = run("simulate", "--scenario", example("closed-form.yaml").toString(), "--replicates", "40", "--seed", "3",
        "--threads", "2", "--output", out.toString(), "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    CsvTable t = CsvTable.read(out);
    for (String o : new String[] {"active_channels", "audience", "removals", "recreations", "referrals_sent", "referrals_complied",
        "migrations"}) {
      for (String suffix : new String[] {"_mean", "_sd", "_q05", "_q25", "_q50", "_q75", "_q95"}) {
        assertThat(t.header()).contains(o + suffix);
      }
    }
    // the action day's outcome across replicates, beside the fit of the mean curve
    assertThat(r.err()).contains("40 replicates, seed ", "days 0 to ", "Active channels on day ")
        .contains("The action day on day 20 (median and 90% interval across 40 replicates,")
        .containsPattern("\n  reach lost +\\d+% \\(\\d+-\\d+%\\)\n").contains("\n  T50 (days) ", "\n  loss area ")
        .contains("Fit of the mean curve from its trough:").doesNotContain("EnsembleSummary[", "NaN", "Infinity");
    double[] time = t.doubles("time");
    double[] mean = t.doubles("active_channels_mean");
    double[] sd = t.doubles("active_channels_sd");
    for (int i = 0; i < time.length; i++) {
      double expected = MeanField.closedForm(10_000, 0.3, 0.8, 0.1, 20, time[i]);
      assertThat(Math.abs(mean[i] - expected)).as("t %s", time[i]).isLessThanOrEqualTo(3.3 * sd[i] / Math.sqrt(40) + 1e-9);
    }
  }

  @Test
  void eventsChartAndJsonScenarios() throws IOException {
    Path json = Files.writeString(dir.resolve("s.json"), """
        {"ecosystem": {"generate": {"channels": 300, "seed": 2,
           "platforms": [{"id": "tg", "cooperation": [{"compliance": 0.9, "latency": {"family": "exponential", "meanHours": 6}}]}]}},
         "detectionRate": 0.02, "horizon": 30, "gridStep": 1,
         "actionDays": [{"time": 5, "budget": 100, "strategy": "hubs", "banLevel": "account", "spareBanShare": 0.5}]}
        """);
    Path events = dir.resolve("events.csv");
    Path chart = dir.resolve("fan.png");
    MainTest.Result r = run("simulate", "--scenario", json.toString(), "--replicates", "5", "--events", events.toString(),
        "--chart", chart.toString(), "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("time,active_channels_mean");
    CsvTable ev = CsvTable.read(events);
    assertThat(ev.header()).containsExactly("time", "kind", "channel", "generation", "platform", "detail", "cause");
    assertThat(ev.strings("kind")).contains("removal", "referral");
    assertThat(ev.strings("cause")).contains("referral", "");
    assertThat(javax.imageio.ImageIO.read(chart.toFile()).getWidth()).isEqualTo(1600); // 800 logical pixels at 2x
  }

  @Test
  void lifetimesHaveOneRowPerIncarnationWithItsCause() throws IOException {
    Path yaml = Files.writeString(dir.resolve("s.yaml"), """
        ecosystem:
          generate:
            channels: 200
            seed: 3
            platforms:
              - {id: tg, share: 0.8, cooperation: [{compliance: 0.9, proactiveHazard: 0.01}]}
              - {id: rc, share: 0.2}
        detectionRate: 0.02
        abandonmentRate: 0.005
        moveRate: 0.005
        postingRates: {backup: 0, official_outlet: 30}
        horizon: 60
        """);
    Path lives = dir.resolve("lives.csv");
    Path out = dir.resolve("out.csv");
    MainTest.Result r = run("simulate", "--scenario", yaml.toString(), "--replicates", "3", "--lifetimes", lives.toString(),
        "--lifetimes-replicates", "2", "--output", out.toString(), "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    CsvTable t = CsvTable.read(lives);
    assertThat(t.header()).containsExactly("channel", "generation", "platform", "role", "start", "end", "status", "replicate");
    assertThat(t.strings("status")).contains("referral", "proactive", "abandoned", "migrated", "censored");
    assertThat(t.strings("replicate")).containsOnly("0", "1");
    double[] start = t.doubles("start");
    double[] end = t.doubles("end");
    for (int i = 0; i < start.length; i++) {
      assertThat(end[i]).isGreaterThanOrEqualTo(start[i]).isLessThanOrEqualTo(60);
    }
    assertThat(CsvTable.read(out).header()).contains("posts_mean", "new_channels_mean", "departures_mean");
    // a bad count is refused before any work, and nothing is written
    Path none = dir.resolve("none.csv");
    MainTest.Result bad = run("simulate", "--scenario", yaml.toString(), "--replicates", "3", "--lifetimes", none.toString(),
        "--lifetimes-replicates", "4", "--no-progress");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo("channelrisk: --lifetimes-replicates must be between 1 and --replicates (3): 4");
    assertThat(none).doesNotExist();
    Path neg = Files.writeString(dir.resolve("neg.yaml"), "ecosystem: {generate: {channels: 10}}\nabandonmentRate: -1\n");
    MainTest.Result negR = run("simulate", "--scenario", neg.toString(), "--replicates", "2", "--no-progress");
    assertThat(negR.code()).isEqualTo(2);
    assertThat(negR.err()).contains("neg.yaml line 2, column 1: abandonmentRate must be finite and >= 0: -1.0");
  }

  @Test
  void badScenariosNameTheFieldAtItsLineAndWriteNothing() throws IOException {
    String[][] cases = {
      {"budget.yaml", "ecosystem: {generate: {channels: 10}}\nactionDays:\n  - time: 3\n    budget: -5\n",
          "budget.yaml line 4, column 5: actionDays[0]: budget must be >= 0: -5"},
      {"delay.yaml", "ecosystem: {generate: {channels: 10}}\nrecreation:\n  delay:\n    family: exponential\n    meanDays: -10\n",
          "delay.yaml line 5, column 5: recreation.delay: meanDays must be finite and > 0: -10.0"},
      {"horizon.json", "{\"ecosystem\": {\"generate\": {\"channels\": 10}},\n \"horizon\": -1}\n",
          "horizon.json line 2, column 2: horizon must be finite and >= 0: -1.0"},
      {"wide.yaml", "ecosystem: {generate: {channels: 10}}\nactionDays:\n  - time: 3\n    budget: -4294967295\n",
          "wide.yaml line 4, column 5: actionDays[0].budget: expected a whole number from 0 to 2147483647, found -4294967295"},
      {"typo.yaml", "ecosystem: {generate: {channels: 10}}\nhorizn: 30\n", "typo.yaml line 2, column 1: horizn: unknown field"},
      {"type.yaml", "ecosystem: {generate: {channels: many}}\n", "type.yaml line 1, column 24: ecosystem.generate.channels: expected a whole number"},
      {"family.yaml", "ecosystem: {generate: {channels: 10}}\nrecreation: {delay: {family: gamma}}\n",
          "family.yaml line 2, column 22: recreation.delay: family: expected exponential, weibull, lognormal or fixed, found 'gamma'"},
      {"platform.yaml", "ecosystem: {generate: {channels: 10}}\nactionDays: [{time: 1, platforms: [myspace]}]\n",
          "platform.yaml line 2, column 36: actionDays[0].platforms[0]: unknown platform 'myspace'; the platforms are [telegram]"},
      {"broken.yaml", "ecosystem: {generate: {channels: 10}\n", "broken.yaml line"},
      {"preset.yaml", "preset: {name: nov2020}\n", "preset.yaml line 1, column 1: preset: unknown preset 'nov2020'"},
      {"combined.yaml", "preset: {name: telegram2015, channels: 10}\nrecreation: {probability: 0.5}\n",
          "combined.yaml line 2, column 1: recreation: cannot be combined with a preset (only horizon, gridStep, eventLog, abandonmentRate,"
              + " moveRate and postingRates can)"},
    };
    Path out = dir.resolve("out.csv");
    for (String[] c : cases) {
      Path f = Files.writeString(dir.resolve(c[0]), c[1]);
      MainTest.Result r = run("simulate", "--scenario", f.toString(), "--replicates", "2", "--output", out.toString(), "--no-progress");
      assertThat(r.code()).as(c[0] + ": " + r.err()).isEqualTo(2);
      assertThat(r.err()).as(c[0]).contains(c[2]);
      assertThat(out).as(c[0]).doesNotExist();
    }
    MainTest.Result missing = run("simulate", "--scenario", dir.resolve("none.yaml").toString(), "--no-progress");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such scenario file");
  }

  @Test
  void everyShippedScenarioParses() throws IOException {
    try (var files = Files.list(example("").toAbsolutePath().normalize())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        assertThat(ScenarioFile.read(f).horizon()).as(f.getFileName().toString()).isPositive();
      }
    }
  }
}
