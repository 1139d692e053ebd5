package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.channelrisk.io.EcosystemCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void helpAndVersion() {
    Result help = run("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("channelrisk", "ecosystem");
    Result version = run("--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("channelrisk ");
    assertThat(run("ecosystem", "generate", "--help").out()).contains("--channels", "--seed", "--out");
  }

  @Test
  void generateWritesTheFiveFiles() throws IOException {
    Path out = dir.resolve("eco");
    Result r = run("ecosystem", "generate", "--channels", "1000", "--seed", "7", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    for (String f : EcosystemCsv.FILES) {
      assertThat(out.resolve(f)).isRegularFile();
    }
    assertThat(EcosystemCsv.read(out).channels()).hasSize(1000);
    assertThat(Files.readAllLines(out.resolve("channels.csv"))).hasSize(1001);
    // a sentence for people, printed only once the folder is in place
    assertThat(r.out()).startsWith("1,000 channels on 1 platform (telegram 1,000), 334 accounts, ")
        .endsWith("\nWrote platforms.csv, cooperation.csv, accounts.csv, channels.csv and links.csv to " + out + ".\n")
        .doesNotContain("Ecosystem[", "[platforms.csv");
    Result summary = run("ecosystem", "summary", "--in", out.toString());
    assertThat(summary.out()).containsPattern("\nroles +official_outlet \\d+, distributor \\d+, archive \\d+, backup \\d+\n")
        .doesNotContain("{", "=");
  }

  @Test
  void sameSeedSameFiles() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    run("ecosystem", "generate", "--channels", "200", "--seed", "3", "--out", a.toString());
    run("ecosystem", "generate", "--channels", "200", "--seed", "3", "--out", b.toString());
    for (String f : EcosystemCsv.FILES) {
      assertThat(Files.readString(a.resolve(f))).isEqualTo(Files.readString(b.resolve(f)));
    }
  }

  @Test
  void malformedInputGivesExitTwoWithTheLineAndNoOutput() throws IOException {
    Path eco = dir.resolve("eco");
    run("ecosystem", "generate", "--channels", "50", "--seed", "1", "--out", eco.toString());
    List<String> lines = Files.readAllLines(eco.resolve("channels.csv"));
    lines.set(4, lines.get(4).replaceFirst(",[0-9]+,0\\.0,", ",lots,0.0,"));
    Files.write(eco.resolve("channels.csv"), lines);
    Path summary = dir.resolve("summary.txt");
    Result r = run("ecosystem", "summary", "--in", eco.toString(), "--output", summary.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo(
        "channelrisk: channels.csv line 5, column 'audience': expected a whole number, found 'lots'");
    assertThat(summary).doesNotExist();
    Path copy = dir.resolve("copy");
    Path key = Files.writeString(dir.resolve("key"), "0123456789abcdef0123");
    Result p = run("ecosystem", "pseudonymize", "--in", eco.toString(), "--key", key.toString(), "--out", copy.toString());
    assertThat(p.code()).isEqualTo(2);
    assertThat(copy).doesNotExist();
  }

  @Test
  void badOptionsGiveExitTwoWithoutStackTrace() {
    Result unknown = run("ecosystem", "generate", "--chanels", "3", "--out", dir.toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown option").doesNotContain("\tat ");
    Result negative = run("ecosystem", "generate", "--channels", "-3", "--out", dir.resolve("x").toString());
    assertThat(negative.code()).isEqualTo(2);
    assertThat(negative.err().strip()).isEqualTo("channelrisk: --channels must be >= 0: -3");
    assertThat(dir.resolve("x")).doesNotExist();
    Result notANumber = run("ecosystem", "generate", "--channels", "many", "--out", dir.toString());
    assertThat(notANumber.code()).isEqualTo(2);
    Result missing = run("ecosystem", "summary", "--in", dir.resolve("nothing").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("platforms.csv: no such file");
  }

  @Test
  void verbosePrintsTheStackTrace() {
    Result r = run("ecosystem", "summary", "--verbose", "--in", dir.resolve("nothing").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("\tat org.channelrisk");
  }

  @Test
  void summaryAsJson() throws IOException {
    Path eco = dir.resolve("eco");
    run("ecosystem", "generate", "--channels", "100", "--seed", "1", "--out", eco.toString());
    Result r = run("ecosystem", "summary", "--in", eco.toString(), "--format", "json");
    assertThat(r.code()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertThat(json.get("channels").asInt()).isEqualTo(100);
    assertThat(json.get("links").asInt()).isPositive();
  }

  @Test
  void pseudonymizedExportHidesIdentifiers() throws IOException {
    Path key = Files.writeString(dir.resolve("key"), "a secret key of enough length\n");
    Path eco = dir.resolve("eco");
    Result r = run("ecosystem", "generate", "--channels", "30", "--out", eco.toString(), "--pseudonymize-key", key.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String channels = Files.readString(eco.resolve("channels.csv"));
    assertThat(channels).doesNotContain("c00,").doesNotContain("op0");
    assertThat(EcosystemCsv.read(eco).channels().keySet()).allMatch(id -> id.matches("p[0-9a-f]{32}"));
  }

  @Test
  void internalFailuresExitOne() {
    assertThat(Main.exitCode(new IllegalStateException("bug"))).isEqualTo(1);
    assertThat(Main.exitCode(new IllegalArgumentException("bad"))).isEqualTo(2);
  }
}
