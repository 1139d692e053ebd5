package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.cli.MainTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.channelrisk.io.CsvTable;
import org.channelrisk.survival.AalenJohansen;
import org.channelrisk.survival.CompetingRisksData;
import org.channelrisk.survival.CumulativeIncidence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code survival cif}, {@code gray} and {@code finegray} against the R golden values of core's test resources. */
class CompetingRisksCommandTest {
  @TempDir Path dir;

  static Path reference(String set) {
    Path p = Path.of("..", "core", "src", "test", "resources", "reference", "competing", set);
    Assumptions.assumeTrue(Files.isDirectory(p), "R reference data not found at " + p);
    return p;
  }

  static void same(String what, String expected, String actual, double tol) {
    double e = SurvivalCommandTest.r(expected);
    double a = actual.isEmpty() ? Double.NaN : Double.parseDouble(actual);
    if (Double.isNaN(e)) {
      assertThat(a).as(what).isNaN();
    } else {
      assertThat(Math.abs(a - e)).as("%s: expected %s, got %s", what, expected, actual).isLessThanOrEqualTo(tol * Math.abs(e));
    }
  }

  void cifMatches(String set, String refFile, String... extra) throws IOException {
    Path out = dir.resolve(set + ".csv");
    // the same file is written once per confidence type
    List<String> args = new java.util.ArrayList<>(List.of("--force", "survival", "cif", "--input",
        reference(set).resolve("data.csv").toString(), "--time", "time", "--event", "status", "--group", "group",
        "--output", out.toString()));
    args.addAll(List.of(extra));
    MainTest.Result res = run(args.toArray(new String[0]));
    assertThat(res.code()).as(res.err()).isZero();
    CsvTable ours = CsvTable.read(out);
    CsvTable ref = CsvTable.read(reference(set).resolve(refFile));
    assertThat(ours.header()).containsExactly("group", "time", "n_risk", "cause", "n_event", "cif", "std_err", "lower", "upper");
    assertThat(ours.size()).isEqualTo(ref.size());
    for (int r = 0; r < ref.size(); r++) {
      String at = set + " " + refFile + " line " + ref.line(r);
      assertThat(ours.cell(r, "group")).as(at).isEqualTo(ref.cell(r, "group"));
      assertThat(ours.cell(r, "cause")).as(at).isEqualTo(ref.cell(r, "cause"));
      for (String col : List.of("time", "n_risk", "n_event", "cif", "std_err", "lower", "upper")) {
        same(at + " " + col, ref.cell(r, col), ours.cell(r, col), 1e-9);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mgus2", "simlife", "ties3", "small"})
  void cifCsvMatchesSurvfit(String set) throws IOException {
    cifMatches(set, "cif_log.csv");
    cifMatches(set, "cif_loglog.csv", "--conf-type", "log-log");
    cifMatches(set, "cif_plain.csv", "--conf-type", "plain");
  }

  @Test
  void lifetimesFileGoesStraightIn() throws IOException {
    // the simulator's lifetimes format: durations end - start, as the simlife golden set
    Path lifetimes = reference("simlife").resolve("lifetimes.csv");
    Path out = dir.resolve("life.csv");
    MainTest.Result res = run("survival", "cif", "--input", lifetimes.toString(), "--time", "end", "--start", "start",
        "--event", "status", "--group", "platform", "--output", out.toString());
    assertThat(res.code()).as(res.err()).isZero();
    CsvTable ours = CsvTable.read(out);
    CsvTable ref = CsvTable.read(reference("simlife").resolve("cif_log.csv"));
    assertThat(ours.size()).isEqualTo(ref.size());
    for (int r = 0; r < ref.size(); r++) {
      same("line " + ref.line(r), ref.cell(r, "std_err"), ours.cell(r, "std_err"), 1e-9);
      same("line " + ref.line(r), ref.cell(r, "cif"), ours.cell(r, "cif"), 1e-12);
    }
    String late = write("late-start.csv", "end,start,status\n5,2,a\n3,4,b\n").toString();
    bad("late-start.csv line 3, column 'start': start 4 is after the time 3", late,
        "survival", "cif", "--time", "end", "--start", "start", "--event", "status");
  }

  @Test
  void simulatorLifetimesGoStraightIntoTheThreeCommands() throws IOException {
    Path yaml = write("s.yaml", """
        ecosystem:
          generate:
            channels: 300
            seed: 3
            platforms:
              - {id: tg, share: 0.6, cooperation: [{compliance: 0.9, proactiveHazard: 0.01}]}
              - {id: rc, share: 0.4}
        detectionRate: 0.02
        abandonmentRate: 0.005
        moveRate: 0.005
        horizon: 90
        """);
    Path lives = dir.resolve("lives.csv");
    MainTest.Result sim = run("simulate", "--scenario", yaml.toString(), "--replicates", "1", "--lifetimes", lives.toString(),
        "--output", dir.resolve("sim.csv").toString(), "--no-progress");
    assertThat(sim.code()).as(sim.err()).isZero();
    String[] common = {"--input", lives.toString(), "--time", "end", "--start", "start", "--event", "status"};
    Path cif = dir.resolve("cif.csv");
    MainTest.Result r = run(concat(new String[] {"survival", "cif"}, common, new String[] {"--group", "platform", "--output",
        cif.toString()}));
    assertThat(r.code()).as(r.err()).isZero();
    CsvTable t = CsvTable.read(cif);
    assertThat(t.strings("cause")).contains("referral", "proactive", "abandoned", "migrated").doesNotContain("censored");
    assertThat(t.strings("group")).contains("tg", "rc");
    r = run(concat(new String[] {"survival", "gray"}, common, new String[] {"--group", "platform", "--format", "json"}));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).get("causes").has("referral")).isTrue();
    r = run(concat(new String[] {"survival", "finegray"}, common, new String[] {"--cause", "abandoned", "--covariates",
        "generation", "--format", "json"}));
    assertThat(r.code()).as(r.err()).isIn(Main.OK, Main.NOT_CONVERGED);
    assertThat(new ObjectMapper().readTree(r.out()).get("coefficients").has("generation")).isTrue();
  }

  static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }

  @Test
  void cifWithEntryMatchesSurvfit() throws IOException {
    cifMatches("simlife_calendar", "cif_entry_log.csv", "--entry", "entry");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mgus2", "simlife", "ties3", "small"})
  void grayJsonMatchesCuminc(String set) throws IOException {
    MainTest.Result res = run("survival", "gray", "--input", reference(set).resolve("data.csv").toString(), "--time", "time",
        "--event", "status", "--group", "group", "--format", "json");
    assertThat(res.code()).as(res.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(res.out());
    CsvTable ref = CsvTable.read(reference(set).resolve("gray.csv"));
    assertThat(doc.get("causes").size()).isEqualTo(ref.size());
    for (int r = 0; r < ref.size(); r++) {
      JsonNode t = doc.get("causes").get(ref.cell(r, "cause"));
      same(set + " statistic", ref.cell(r, "statistic"), t.get("statistic").asText(), 1e-8);
      assertThat(t.get("df").asInt()).isEqualTo(Integer.parseInt(ref.cell(r, "df")));
      assertThat(t.get("p_value").asDouble()).isCloseTo(Double.parseDouble(ref.cell(r, "p_value")),
          org.assertj.core.data.Offset.offset(1e-10));
    }
  }

  @Test
  void stratifiedGrayCsvMatchesCuminc() throws IOException {
    MainTest.Result res = run("survival", "gray", "--input", reference("ties3").resolve("data.csv").toString(), "--time",
        "time", "--event", "status", "--group", "group", "--strata", "x2", "--format", "csv");
    assertThat(res.code()).as(res.err()).isZero();
    CsvTable ours = CsvTable.read(new java.io.StringReader(res.out()), "stdout");
    CsvTable ref = CsvTable.read(reference("ties3").resolve("gray_strata.csv"));
    assertThat(ours.header()).containsExactly("cause", "statistic", "df", "p_value");
    for (int r = 0; r < ref.size(); r++) {
      assertThat(ours.cell(r, "cause")).isEqualTo(ref.cell(r, "cause"));
      same("stratified statistic", ref.cell(r, "statistic"), ours.cell(r, "statistic"), 1e-8);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mgus2", "ties3"})
  void fineGrayJsonMatchesCrr(String set) throws IOException {
    CsvTable ref = CsvTable.read(reference(set).resolve("finegray.csv"));
    String cause = ref.cell(0, "cause");
    List<String> terms = new java.util.ArrayList<>();
    for (int r = 0; r < ref.size(); r++) {
      if (ref.cell(r, "cause").equals(cause)) {
        terms.add(ref.cell(r, "term"));
      }
    }
    MainTest.Result res = run("survival", "finegray", "--input", reference(set).resolve("data.csv").toString(), "--time",
        "time", "--event", "status", "--cause", cause, "--covariates", String.join(",", terms), "--format", "json");
    assertThat(res.code()).as(res.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(res.out());
    assertThat(doc.get("converged").asBoolean()).isTrue();
    for (int r = 0; r < terms.size(); r++) {
      JsonNode c = doc.get("coefficients").get(ref.cell(r, "term"));
      assertThat(c.fieldNames()).toIterable().containsExactly("estimate", "std_error", "hazard_ratio", "lower", "upper", "p_value");
      same(set + " coef", ref.cell(r, "coef"), c.get("estimate").asText(), 1e-6);
      same(set + " se", ref.cell(r, "std_error"), c.get("std_error").asText(), 1e-6);
      assertThat(c.get("hazard_ratio").asDouble()).isCloseTo(Math.exp(c.get("estimate").asDouble()),
          org.assertj.core.data.Offset.offset(1e-12));
      assertThat(c.get("lower").asDouble()).isLessThan(c.get("hazard_ratio").asDouble());
    }
  }

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  static final String GOOD = "t,status,g,e,x\n1,removed,a,0,1\n2,abandoned,a,0,2\n3,0,b,1,3\n4,removed,b,2,1\n";

  void bad(String expected, String file, String... args) {
    Path out = dir.resolve("out.txt");
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--input", file, "--output", out.toString()));
    MainTest.Result res = run(all.toArray(new String[0]));
    assertThat(res.code()).as(res.err()).isEqualTo(Main.BAD_INPUT);
    assertThat(res.err().strip().lines().count()).as(res.err()).isEqualTo(1);
    assertThat(res.err()).contains(expected).doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void badInputIsExitTwoWithFileLineAndColumnAndNoOutput() throws IOException {
    String good = write("good.csv", GOOD).toString();
    bad("good.csv line 1, column 'status': the censoring label 'alive'", good,
        "survival", "cif", "--time", "t", "--event", "status", "--censored", "alive");
    bad("good.csv line 1, column 'status': the cause 'migrated' (--cause) never occurs", good,
        "survival", "finegray", "--time", "t", "--event", "status", "--cause", "migrated", "--covariates", "x");
    String neg = write("neg.csv", GOOD.replace("3,0,b", "-3,0,b")).toString();
    bad("neg.csv line 4, column 't': expected a number >= 0, found '-3'", neg, "survival", "cif", "--time", "t", "--event", "status");
    String late = write("late.csv", GOOD.replace("4,removed,b,2", "4,removed,b,5")).toString();
    bad("late.csv line 5, column 'e': entry 5 is not before the time 4", late,
        "survival", "cif", "--time", "t", "--event", "status", "--entry", "e");
    String noGroup = write("nogroup.csv", GOOD.replace("3,0,b", "3,0,")).toString();
    bad("nogroup.csv line 4, column 'g': expected a group label", noGroup,
        "survival", "gray", "--time", "t", "--event", "status", "--group", "g");
    String oneGroup = write("onegroup.csv", GOOD.replace(",b,", ",a,")).toString();
    bad("onegroup.csv line 1, column 'g': Gray's test needs at least two groups", oneGroup,
        "survival", "gray", "--time", "t", "--event", "status", "--group", "g");
    String blank = write("blank.csv", GOOD.replace("2,abandoned", "2,")).toString();
    bad("blank.csv line 3, column 'status': expected a cause or the censoring label", blank,
        "survival", "cif", "--time", "t", "--event", "status");
    bad("--chart: '" + dir.resolve("c.jpg") + "' must end in .png or .svg", good, "survival", "cif", "--time", "t", "--event", "status", "--chart",
        dir.resolve("c.jpg").toString());
  }

  @Test
  void everyOutputFollowsTheOutputPlan() throws IOException {
    String good = write("good.csv", GOOD).toString();
    Path existing = write("existing.txt", "keep\n");
    String[][] commands = {
      {"survival", "cif", "--time", "t", "--event", "status"},
      {"survival", "gray", "--time", "t", "--event", "status", "--group", "g"},
      {"survival", "finegray", "--time", "t", "--event", "status", "--cause", "removed", "--covariates", "x"},
    };
    for (String[] c : commands) {
      MainTest.Result res = run(concat(c, new String[] {"--input", good, "--output", existing.toString()}));
      assertThat(res.code()).as(res.err()).isEqualTo(Main.BAD_INPUT);
      assertThat(res.err().strip()).isEqualTo("channelrisk: --output: '" + existing + "' exists; add --force to overwrite it");
      assertThat(Files.readString(existing)).isEqualTo("keep\n");
      MainTest.Result forced = run(concat(new String[] {"--force"}, c, new String[] {"--input", good, "--output", existing.toString()}));
      assertThat(forced.code()).as(forced.err()).isIn(Main.OK, Main.NOT_CONVERGED);
      assertThat(Files.readString(existing)).isNotEqualTo("keep\n");
      Files.writeString(existing, "keep\n");
    }
    // the chart's folder is checked before the work: no CSV is left behind
    Path out = dir.resolve("cif-out.csv");
    MainTest.Result res = run("survival", "cif", "--input", good, "--time", "t", "--event", "status", "--output", out.toString(),
        "--chart", dir.resolve("no/such/folder/c.png").toString());
    assertThat(res.code()).as(res.err()).isEqualTo(Main.BAD_INPUT);
    assertThat(res.err()).contains("--chart: the folder of");
    assertThat(out).doesNotExist();
  }

  @Test
  void censoredLabelIsAlwaysAcceptedAndChartIsWritten() throws IOException {
    Path in = write("c.csv", GOOD.replace("3,0,b", "3,censored,b"));
    Path out = dir.resolve("cif.csv");
    Path png = dir.resolve("cif.png");
    MainTest.Result res = run("survival", "cif", "--input", in.toString(), "--time", "t", "--event", "status", "--group", "g",
        "--output", out.toString(), "--chart", png.toString());
    assertThat(res.code()).as(res.err()).isZero();
    CsvTable t = CsvTable.read(out);
    assertThat(t.size()).isEqualTo(2 * 2 + 2 * 2); // group a: times 1, 2; group b: 3, 4; two causes each
    assertThat(Files.size(png)).isGreaterThan(1000);
    byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
    assertThat(head).containsExactly(0x89, 'P', 'N', 'G');
  }


  @Test
  void aSeparatingCovariateIsFlaggedAsSurvivalCoxFlagsIt() throws IOException {
    // x = 1 for every end by a: the pseudo-likelihood rises without bound (core's FineGrayMonotoneLikelihoodTest)
    Path in = write("sep.csv", "t,status,x\n1,a,1\n2,b,0\n3,a,1\n4,0,0\n5,a,1\n6,b,0\n7,a,1\n8,b,0\n");
    MainTest.Result r = run("survival", "finegray", "--input", in.toString(), "--time", "t", "--event", "status", "--cause", "a",
        "--covariates", "x", "--format", "json");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).contains("\"monotone_likelihood\" : true", "\"possibly_infinite\" : [ \"x\" ]", "\"status\" : \"NOT CONVERGED");
    assertThat(r.err().strip()).startsWith("channelrisk: warning: NOT CONVERGED").doesNotContain("\n");
    MainTest.Result csv = run("survival", "finegray", "--input", in.toString(), "--time", "t", "--event", "status", "--cause", "a",
        "--covariates", "x", "--format", "csv");
    assertThat(csv.out().lines().findFirst().orElseThrow()).endsWith(",possibly_infinite");
    assertThat(csv.out().lines().skip(1).findFirst().orElseThrow()).endsWith(",true");
  }
}
