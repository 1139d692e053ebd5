package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.cli.MainTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of the README's promise, one test each: bad input is exit 2 with one line naming the
 * file, line and column (or the option), and leaves no output file; outputs follow one policy
 * ({@link OutputPlan}); nothing invented reaches the user.
 */
class PromisesTest {
  @TempDir Path dir;

  Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  /** A recovery series: baseline 1000, takedown at day 10 to 300, recovery towards 800. */
  Path series() throws IOException {
    StringBuilder sb = new StringBuilder("day,active\n");
    for (int d = 0; d < 60; d++) {
      double y = d < 10 ? 1000 : 800 - 500 * Math.exp(-0.1 * (d - 10));
      sb.append(d).append(',').append(String.format(Locale.ROOT, "%.3f", y + 5 * Math.sin(d))).append('\n');
    }
    return write("series.csv", sb.toString());
  }

  Path lifetimes() throws IOException {
    return write("life.csv", "id,time,status,g,entry,x\n1,5,1,a,0,1\n2,8,0,a,1,0\n3,3,1,b,0,1\n4,9,1,b,2,0\n5,4,1,a,0,1\n6,12,0,b,0,0\n");
  }

  /** Exit 2, one line on stderr containing every fragment, and no file left in the folder but the inputs. */
  void refused(MainTest.Result r, Set<Path> inputs, String... fragments) throws IOException {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("\tat ").startsWith("channelrisk: ");
    assertThat(r.err()).contains(fragments);
    try (Stream<Path> s = Files.walk(dir)) {
      assertThat(s.filter(p -> !p.equals(dir) && !inputs.contains(p)).toList()).as("files left behind").isEmpty();
    }
  }

  // --- header-only files

  @Test
  void headerOnlyLifetimesAreRefusedByEverySurvivalCommand() throws IOException {
    Path in = write("empty.csv", "id,time,status,g\n");
    for (String cmd : new String[] {"km", "summary", "logrank", "cox"}) {
      MainTest.Result r = run("survival", cmd, "--input", in.toString(), "--time", "time", "--event", "status", "--group", "g",
          "--covariates", "time", "--output", dir.resolve("o.csv").toString(), "--format", "csv");
      if (cmd.equals("km") || cmd.equals("summary") || cmd.equals("logrank")) {
        // --covariates is cox's: for the others picocli refuses it first, also with exit 2
        r = run("survival", cmd, "--input", in.toString(), "--time", "time", "--event", "status", "--group", "g",
            "--output", dir.resolve("o.csv").toString(), "--format", "csv");
      }
      refused(r, Set.of(in), "empty.csv: no data rows after the header");
    }
  }

  @Test
  void headerOnlyReferralLogIsRefused() throws IOException {
    Path in = write("refs.csv", "id,platform,sent_at,outcome,decided_at\n");
    refused(run("cooperation", "--input", in.toString(), "--output", dir.resolve("c.txt").toString()), Set.of(in),
        "refs.csv", "no referrals");
  }

  @Test
  void headerOnlySeriesIsRefused() throws IOException {
    Path in = write("s.csv", "day,active\n");
    refused(run("fit", "--input", in.toString(), "--time", "day", "--value", "active", "--output", dir.resolve("o.txt").toString()),
        Set.of(in), "s.csv: no data rows");
  }

  // --- outputs checked before any work, committed together

  @Test
  void fitWithABadChartExtensionWritesNothing() throws IOException {
    Path in = series();
    refused(run("fit", "--input", in.toString(), "--time", "day", "--value", "active", "--output", dir.resolve("o.txt").toString(),
        "--chart", dir.resolve("c.jpg").toString()), Set.of(in), "--chart", "c.jpg", ".png or .svg");
  }

  @Test
  void simulateChecksItsOutputsBeforeRunning() throws IOException {
    Path scenario = SimulateCommandTest.example("closed-form.yaml");
    long start = System.nanoTime();
    refused(run("simulate", "--scenario", scenario.toString(), "--replicates", "100000", "--output", dir.resolve("out.csv").toString(),
        "--chart", dir.resolve("c.gif").toString(), "--no-progress"), Set.of(), "--chart", "c.gif");
    refused(run("simulate", "--scenario", scenario.toString(), "--replicates", "100000", "--output", dir.resolve("out.csv").toString(),
        "--events", dir.resolve("no/such/dir/e.csv").toString(), "--no-progress"), Set.of(), "--events", "does not exist");
    // 100,000 replicates would take minutes: the refusals came before any work
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(20);
  }

  @Test
  void allOutputsAppearTogether() throws IOException {
    Path in = series();
    Path o = dir.resolve("o.json");
    Path c = dir.resolve("c.svg");
    MainTest.Result r = run("fit", "--input", in.toString(), "--time", "day", "--value", "active", "--format", "json", "--output",
        o.toString(), "--chart", c.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(o).isRegularFile();
    assertThat(c).isRegularFile();
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))).as("staging files").isEmpty();
    }
  }

  // --- the overwrite policy

  @Test
  void anExistingFileIsNotOverwrittenWithoutForce() throws IOException {
    Path in = lifetimes();
    Path o = write("o.csv", "keep me\n");
    MainTest.Result r = run("survival", "km", "--input", in.toString(), "--time", "time", "--event", "status", "--format", "csv",
        "--output", o.toString());
    refused(r, Set.of(in, o), "--output", "o.csv", "exists", "--force");
    assertThat(Files.readString(o)).isEqualTo("keep me\n");
    MainTest.Result forced = run("survival", "km", "--input", in.toString(), "--time", "time", "--event", "status", "--format", "csv",
        "--output", o.toString(), "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(Files.readString(o)).startsWith("group,time,n_risk");
    // --force is accepted before the command name as well
    assertThat(run("--force", "survival", "km", "--input", in.toString(), "--time", "time", "--event", "status", "--format",
        "csv", "--output", o.toString()).code()).isZero();
  }

  @Test
  void aFolderAsAnOutputFileIsRefused() throws IOException {
    Path in = lifetimes();
    Path folder = Files.createDirectory(dir.resolve("folder"));
    refused(run("survival", "km", "--input", in.toString(), "--time", "time", "--event", "status", "--output", folder.toString()),
        Set.of(in, folder), "--output", "is a folder");
    refused(run("survival", "km", "--input", in.toString(), "--time", "time", "--event", "status", "--output", folder.toString(),
        "--force"), Set.of(in, folder), "--output", "is a folder");
  }

  @Test
  void aMissingFolderIsNotCreatedForAFile() throws IOException {
    Path in = lifetimes();
    refused(run("survival", "km", "--input", in.toString(), "--time", "time", "--event", "status", "--output",
        dir.resolve("new/o.txt").toString()), Set.of(in), "--output", "does not exist");
  }

  @Test
  void anOutFolderIsCreatedWithItsParentsButAFullOneIsRefused() throws IOException {
    Path out = dir.resolve("a/b/eco");
    MainTest.Result r = run("ecosystem", "generate", "--channels", "50", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(out.resolve("channels.csv")).isRegularFile();
    MainTest.Result again = run("ecosystem", "generate", "--channels", "60", "--out", out.toString());
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err().strip()).contains("--out", "not empty", "--force");
    assertThat(Files.readAllLines(out.resolve("channels.csv"))).hasSize(51);
    MainTest.Result forced = run("ecosystem", "generate", "--channels", "60", "--out", out.toString(), "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(Files.readAllLines(out.resolve("channels.csv"))).hasSize(61);
    Path file = write("plain", "x");
    MainTest.Result onFile = run("ecosystem", "generate", "--channels", "5", "--out", file.toString());
    assertThat(onFile.code()).isEqualTo(2);
    assertThat(onFile.err()).contains("--out", "is a file");
  }

  @Test
  void everyCommandRefusesToReplaceAnOutputWithoutForce() throws IOException {
    Path series = Path.of("..", "examples", "data", "series.csv");
    Path checks = Path.of("..", "examples", "data", "channel-checks.csv");
    Path existing = write("existing.csv", "keep\n");
    Path full = dir.resolve("full");
    Files.createDirectories(full);
    Path kept = write("full/kept.txt", "keep\n");
    Set<Path> inputs = Set.of(existing, full, kept);
    refused(run("impact", "--input", series.toString(), "--time", "day", "--value", "active", "--intervention", "30",
        "--output", existing.toString()), inputs, "--output", "exists; add --force");
    refused(run("ingest", "status", "--input", checks.toString(), "--out", existing.toString()), inputs, "--out", "exists; add --force");
    refused(run("report", "--preset", "action-day-2019", "--channels", "100", "--replicates", "2", "--out", full.toString()),
        inputs, "--out", "not empty", "--force");
    Path cfg = write("cal.yaml", "scenario: nowhere.yaml\n");
    refused(run("calibrate", "--config", cfg.toString(), "--output", full.toString(), "--no-progress"),
        Set.of(existing, full, kept, cfg), "--output", "not empty", "--resume", "--force");
    assertThat(Files.readString(existing)).isEqualTo("keep\n");
    // with --force the status log replaces the file
    MainTest.Result forced = run("--force", "ingest", "status", "--input", checks.toString(), "--out", existing.toString());
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(Files.readString(existing)).startsWith("channel,");
  }

  @Test
  void aFailingCommandLeavesNoFolderBehind() throws IOException {
    Path key = write("short.key", "short");
    Path out = dir.resolve("x/y");
    refused(run("ecosystem", "generate", "--channels", "20", "--out", out.toString(), "--pseudonymize-key", key.toString()),
        Set.of(key), "");
  }

  @Test
  void filesGetTheUmaskNotMode600() throws IOException {
    Path in = lifetimes();
    Path o = dir.resolve("o.csv");
    assertThat(run("survival", "km", "--input", in.toString(), "--time", "time", "--event", "status", "--format", "csv", "--output",
        o.toString()).code()).isZero();
    Path reference = Files.createFile(dir.resolve("reference"));
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
    assertThat(Files.getPosixFilePermissions(o)).isEqualTo(expected);
    Path eco = dir.resolve("eco");
    assertThat(run("ecosystem", "generate", "--channels", "10", "--out", eco.toString()).code()).isZero();
    assertThat(Files.getPosixFilePermissions(eco.resolve("links.csv"))).isEqualTo(expected);
  }

  // --- other inputs

  @Test
  void aFolderAsScenarioIsRefused() throws IOException {
    refused(run("simulate", "--scenario", dir.toString(), "--no-progress"), Set.of(), "is a folder");
    refused(run("simulate", "--scenario", ".", "--no-progress"), Set.of(), "is a folder");
  }

  @Test
  void aFolderAsCsvInputIsRefused() throws IOException {
    refused(run("survival", "km", "--input", dir.toString(), "--time", "t", "--event", "e"), Set.of(), "is a folder");
  }

  @Test
  void aHugeEcosystemIsRefusedUpFrontWithTheMemoryItNeeds() throws IOException {
    long start = System.nanoTime();
    MainTest.Result r = run("ecosystem", "generate", "--channels", "2000000000", "--out", dir.resolve("big").toString());
    refused(r, Set.of(), "--channels 2000000000 needs about 2400.0 GB", "-Xmx");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
  }

  @Test
  void aHugeScenarioEcosystemIsRefusedUpFront() throws IOException {
    Path yaml = write("big.yaml", "ecosystem:\n  generate:\n    channels: 2000000000\n    platforms:\n      - id: tg\n"
        + "        cooperation:\n          - compliance: 0.9\n            latency: {family: exponential, meanHours: 6}\nhorizon: 20\n");
    long start = System.nanoTime();
    refused(run("simulate", "--scenario", yaml.toString(), "--no-progress", "--output", dir.resolve("o.csv").toString()), Set.of(yaml),
        "big.yaml line 3, column 5: ecosystem.generate: channels 2000000000 needs about 2400.0 GB");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
  }

  @Test
  void aNegativeBootstrapIsRefused() throws IOException {
    Path in = series();
    refused(run("fit", "--input", in.toString(), "--time", "day", "--value", "active", "--bootstrap", "-5"), Set.of(in),
        "--bootstrap must be >= 0", "-5");
  }

  @Test
  void anUnknownEnumValueIsOneLine() throws IOException {
    Path in = series();
    refused(run("fit", "--input", in.toString(), "--time", "day", "--value", "active", "--weights", "cubic"), Set.of(in),
        "--weights", "cubic");
    refused(run("fit", "--input", in.toString(), "--time", "day", "--value", "active", "--bootstrap-type", "wild"), Set.of(in),
        "--bootstrap-type", "wild");
    // case does not matter, as before
    assertThat(run("fit", "--input", in.toString(), "--time", "day", "--value", "active", "--format", "JSON").code()).isZero();
  }

  @Test
  void aHugeValueInASeriesIsRefusedWithItsLine() throws IOException {
    StringBuilder sb = new StringBuilder(Files.readString(series()));
    Path in = write("huge.csv", sb.toString().replace("\n30,", "\n30,1e300,").replaceAll("(?m)^30,1e300,[^\\n]*", "30,1e300"));
    MainTest.Result r = run("fit", "--input", in.toString(), "--time", "day", "--value", "active", "--format", "json");
    refused(r, Set.of(in, dir.resolve("series.csv")), "huge.csv line 32, column 'active'", "too large");
  }

  @Test
  void anEmptyCellInASeriesIsAMissingValue() throws IOException {
    String text = Files.readString(series());
    Path in = write("gaps.csv", text.replaceAll("(?m)^(25|26|40),[^\\n]*", "$1,"));
    MainTest.Result r = run("fit", "--input", in.toString(), "--time", "day", "--value", "active", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    MainTest.Result full = run("fit", "--input", dir.resolve("series.csv").toString(), "--time", "day", "--value", "active",
        "--format", "json");
    assertThat(r.out()).isNotEqualTo(full.out()).contains("\"model\"");
    // an empty time is still an error, with its line
    Path badTime = write("badtime.csv", "day,active\n0,5\n,6\n2,7\n");
    refused(run("fit", "--input", badTime.toString(), "--time", "day", "--value", "active"),
        Set.of(in, badTime, dir.resolve("series.csv")), "badtime.csv line 3, column 'day'");
  }

  @Test
  void malformedYamlIsOneLineWithLineAndColumn() throws IOException {
    Path yaml = write("bad.yaml", "horizon: 30\nactionDays:\n  - time: 5\n   budget: [1, 2\n");
    MainTest.Result r = run("simulate", "--scenario", yaml.toString(), "--no-progress");
    refused(r, Set.of(yaml), "bad.yaml line 4, column 4: not valid YAML: while parsing a block collection: expected <block end>");
    MainTest.Result verbose = run("simulate", "--scenario", yaml.toString(), "--no-progress", "--verbose");
    assertThat(verbose.code()).isEqualTo(2);
    assertThat(verbose.err().lines().count()).isGreaterThan(3);
  }

  @Test
  void logRankWithOneGroupSaysWhy() throws IOException {
    Path in = write("one.csv", "time,status,g\n1,1,a\n2,0,a\n3,1,a\n");
    refused(run("survival", "logrank", "--input", in.toString(), "--time", "time", "--event", "status", "--group", "g"), Set.of(in),
        "only 1 group ('a')");
  }

  @Test
  void logRankWithoutEventsSaysNotAvailable() throws IOException {
    Path in = write("none.csv", "time,status,g\n1,0,a\n2,0,b\n3,0,a\n");
    MainTest.Result r = run("survival", "logrank", "--input", in.toString(), "--time", "time", "--event", "status", "--group", "g");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("p not available").doesNotContain("NaN");
    MainTest.Result json = run("survival", "logrank", "--input", in.toString(), "--time", "time", "--event", "status", "--group", "g",
        "--format", "json");
    assertThat(json.out()).contains("\"p_value\" : null").doesNotContain("NaN");
  }

  @Test
  void entryEqualToTimeIsRefusedByEverySurvivalCommandWithItsLine() throws IOException {
    // (0,2] censored, (2,2] event twice, (0,5] event: R drops the two (2,2] rows; S(2) was 0 here
    Path in = write("trunc.csv", "id,time,status,entry,g,x\n1,2,0,0,a,0\n2,2,1,2,b,1\n3,2,1,2,a,0\n4,5,1,0,b,1\n");
    for (String cmd : new String[] {"km", "summary", "logrank", "cox"}) {
      String[] args = cmd.equals("cox")
          ? new String[] {"survival", cmd, "--input", in.toString(), "--time", "time", "--event", "status", "--entry", "entry",
              "--covariates", "x"}
          : new String[] {"survival", cmd, "--input", in.toString(), "--time", "time", "--event", "status", "--entry", "entry",
              "--group", "g"};
      refused(run(args), Set.of(in), "trunc.csv line 3, column 'entry'", "must be before the time");
    }
  }

  @Test
  void coxMonotoneLikelihoodIsStated() throws IOException {
    Path in = write("sep.csv", "time,status,x\n1,1,1\n2,1,1\n3,1,1\n4,1,1\n5,1,0\n6,1,0\n7,1,0\n8,1,0\n");
    MainTest.Result r = run("survival", "cox", "--input", in.toString(), "--time", "time", "--event", "status", "--covariates", "x");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("converged before variable x", "monotone likelihood");
    assertThat(r.err()).contains("warning", "may be infinite");
    MainTest.Result json = run("survival", "cox", "--input", in.toString(), "--time", "time", "--event", "status", "--covariates",
        "x", "--format", "json");
    assertThat(json.out()).contains("\"monotone_likelihood\" : true", "\"possibly_infinite\" : [ \"x\" ]");
  }

  // --- found by a review of every command with malformed and extreme input

  @Test
  void aKeyGivenTwiceInAScenarioOrCalibrationFileIsRefused() throws IOException {
    Path yaml = write("twice.yaml", "ecosystem: {generate: {channels: 50, seed: 1}}\nhorizon: 10\nhorizon: 20\n");
    refused(run("simulate", "--scenario", yaml.toString(), "--replicates", "2", "--output", dir.resolve("o.csv").toString()),
        Set.of(yaml), "twice.yaml line 3", "the key 'horizon' is given twice");
    Path json = write("twice.json", "{\"ecosystem\": {\"generate\": {\"channels\": 50}}, \"horizon\": 10, \"horizon\": 20}");
    refused(run("simulate", "--scenario", json.toString(), "--replicates", "2", "--output", dir.resolve("o.csv").toString()),
        Set.of(yaml, json), "twice.json", "not valid JSON", "the key 'horizon' is given twice");
  }

  @Test
  void parserLimitsAndNonNumbersReadInTheFilesTerms() throws IOException {
    Path nan = write("nan.json", "{\"ecosystem\": {\"generate\": {\"channels\": 50}}, \"horizon\": NaN}");
    refused(run("simulate", "--scenario", nan.toString(), "--replicates", "2", "--output", dir.resolve("o.csv").toString()),
        Set.of(nan), "nan.json", "'NaN' is not a number here");
    Path deep = write("deep.yaml", "horizon: " + "[".repeat(2000) + "]".repeat(2000) + "\n");
    MainTest.Result r = run("simulate", "--scenario", deep.toString(), "--replicates", "2", "--output", dir.resolve("o.csv").toString());
    refused(r, Set.of(nan, deep), "deep.yaml", "nested more than 1,000 levels deep");
    assertThat(r.err()).doesNotContain("StreamReadConstraints").doesNotContain("JSON");
  }

  @Test
  void aNetworkTooLargeForTheHeapIsRefusedBeforeAnyWork() {
    for (String[] args : new String[][] {
      {"demo", "--channels=2000000000", "--replicates=2", "--out=" + dir.resolve("d")},
      {"report", "--preset", "telegram-2015", "--channels=2000000000", "--replicates=2", "--out=" + dir.resolve("r")},
    }) {
      MainTest.Result r = run(args);
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).startsWith("channelrisk: --channels 2000000000 needs about").contains("GB of memory");
    }
    assertThat(dir.resolve("d")).doesNotExist();
    assertThat(dir.resolve("r")).doesNotExist();
  }

  @Test
  void aFileOptionEndingInASlashNamesAFolder() throws IOException {
    Path in = lifetimes();
    refused(run("survival", "km", "--input", in.toString(), "--time", "time", "--event", "status", "--output=" + dir.resolve("zz") + "/"),
        Set.of(in), "--output: '", "zz/' is a folder; expected a file name");
  }

  @Test
  void anEmptyGroupLabelIsRefusedAtItsLine() throws IOException {
    Path in = write("grp.csv", "time,event,g\n1,1,\n2,0,a\n3,1,a\n4,1,b\n");
    for (String cmd : new String[] {"km", "summary", "logrank"}) {
      refused(run("survival", cmd, "--input", in.toString(), "--time", "time", "--event", "event", "--group", "g"), Set.of(in),
          "grp.csv line 2, column 'g'", "expected a group label, found an empty cell");
    }
  }

  @Test
  void strataThatAreTheGroupsAreRefused() throws IOException {
    Path in = lifetimes();
    refused(run("survival", "logrank", "--input", in.toString(), "--time", "time", "--event", "status", "--group", "g", "--strata", "g"),
        Set.of(in), "survival logrank: --strata names the --group column 'g'");
    Path cr = write("cr.csv", "time,status,g\n1,a,x\n2,b,x\n3,0,y\n4,a,y\n5,b,y\n6,a,x\n");
    refused(run("survival", "gray", "--input", cr.toString(), "--time", "time", "--event", "status", "--group", "g", "--strata", "g"),
        Set.of(in, cr), "survival gray: --strata names the --group column 'g'");
  }

  @Test
  void generatorSettingsAreNamedByTheirOptions() {
    for (String[] c : new String[][] {{"--mean-out-degree", "-1"}, {"--channels-per-operator", "0.5"}, {"--spare-accounts", "NaN"}}) {
      MainTest.Result r = run("ecosystem", "generate", "--channels", "10", "--out", dir.resolve("e").toString(), c[0], c[1]);
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).startsWith("channelrisk: " + c[0] + " must be a finite number >= ");
      assertThat(dir.resolve("e")).doesNotExist();
    }
    // 3e9 overflowed the Poisson draws and gave no links
    MainTest.Result big = run("ecosystem", "generate", "--channels", "10", "--out", dir.resolve("e").toString(), "--mean-out-degree", "3e9");
    assertThat(big.err()).startsWith("channelrisk: --mean-out-degree must be at most 10000: 3.0E9");
  }

  @Test
  void aResultThatCannotReachStandardOutputIsAFailure() throws IOException {
    Path in = lifetimes();
    java.io.OutputStream full = new java.io.OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    java.io.StringWriter err = new java.io.StringWriter();
    int code = Main.run(new String[] {"survival", "km", "--input", in.toString(), "--time", "time", "--event", "status"},
        new java.io.PrintWriter(full, true), new java.io.PrintWriter(err, true));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("channelrisk: could not write to standard output (a full disk or a closed pipe)");
  }

  @Test
  void jsonHasNoNegativeZero() {
    assertThat(Output.num(-0.0)).isEqualTo(0.0).matches(v -> Double.doubleToRawLongBits(v) == 0);
    assertThat(Output.notAvailableAsNull(java.util.List.of(-0.0, 1.5, Double.NaN))).isEqualTo(java.util.Arrays.asList(0.0, 1.5, null));
  }

  @Test
  void tooFewBootstrapReplicatesAreRefusedByTheOption() throws IOException {
    Path in = series();
    refused(run("fit", "--input", in.toString(), "--time", "day", "--value", "active", "--bootstrap", "20"), Set.of(in),
        "channelrisk: --bootstrap must be 0 or at least 40 (a 95% percentile interval needs a replicate in each 2.5% tail): 20");
  }
}
