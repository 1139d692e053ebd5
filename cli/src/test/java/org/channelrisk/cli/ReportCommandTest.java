package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.cli.MainTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.channelrisk.io.CsvTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path dir;

  @Test
  void aPresetBecomesOneSelfContainedPageWhoseNumbersAreTheCsvs() throws Exception {
    Path out = dir.resolve("report");
    MainTest.Result r = run("report", "--preset", "action-day-2019", "--channels", "500", "--replicates", "4", "--threads", "2",
        "--seed", "7", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("index.html");
    String html = Files.readString(out.resolve("index.html"));
    ReportPages.selfContained(html);
    assertThat(html).contains("seed 7", "4 replicates", "(development build)", "reach lost", "preset action-day-2019");
    assertThat(html.split("<svg ", -1)).hasSize(4); // fan of reach, fan of channels, recovery fit
    assertThat(ReportPages.numbersEqualTheCsvs(html, out)).isEqualTo(6 * 6 + 6 * 4);
    CsvTable metrics = CsvTable.read(out.resolve("metrics.csv"));
    assertThat(metrics.strings("metric")).containsExactly("relative_depth", "recovery_ratio", "t50", "t90", "loss_area", "trough_day");
    assertThat(CsvTable.read(out.resolve("ensemble.csv")).size()).isEqualTo(366);
  }

  @Test
  void theReportOpensInHeadlessChromium() throws Exception {
    Optional<Path> chromium = ReportPages.chromium();
    Assumptions.assumeTrue(chromium.isPresent(), "Chromium not found (/usr/bin/chromium, -Dchromium=PATH or $CHROMIUM): browser check skipped");
    Path out = dir.resolve("report");
    MainTest.Result r = run("report", "--preset", "action-day-2019", "--channels", "400", "--replicates", "3", "--threads", "2",
        "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path work = Files.createDirectories(dir.resolve("browser"));
    ReportPages.Browser b = ReportPages.open(chromium.get(), out.resolve("index.html"), work);
    assertThat(b.console()).as("console messages").isEmpty();
    assertThat(b.errors()).as("script errors").isEmpty();
    assertThat(b.charts()).hasSize(3).allSatisfy(wh -> {
      assertThat(wh[0]).as("chart width").isGreaterThan(100);
      assertThat(wh[1]).as("chart height").isGreaterThan(50);
    });
    ReportPages.screenshotIsAPicture(b.screenshot());
  }

  @Test
  void badInputWritesNothing() {
    Path out = dir.resolve("never");
    MainTest.Result unknown = run("report", "--preset", "nope", "--out", out.toString());
    assertThat(unknown.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(unknown.err().strip()).isEqualTo(
        "channelrisk: --preset: unknown preset 'nope'; known: action-day-2019, action-day-2019-no-cooperation, telegram-2015");
    MainTest.Result both = run("report", "--preset", "telegram-2015", "--scenario", "x.yaml", "--out", out.toString());
    assertThat(both.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(both.err()).contains("mutually exclusive");
    MainTest.Result none = run("report", "--out", out.toString());
    assertThat(none.code()).isEqualTo(Main.BAD_INPUT);
    MainTest.Result missing = run("report", "--scenario", dir.resolve("missing.yaml").toString(), "--out", out.toString());
    assertThat(missing.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(missing.err()).contains("missing.yaml").contains("no such scenario file");
    MainTest.Result few = run("report", "--preset", "telegram-2015", "--replicates", "1", "--out", out.toString());
    assertThat(few.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(out).doesNotExist();
  }

  @Test
  void aScenarioFileIsShownAsWritten() throws Exception {
    Path yaml = Path.of("..").toAbsolutePath().normalize().resolve("examples/scenarios/closed-form.yaml");
    Path out = dir.resolve("r3");
    MainTest.Result r = run("report", "--scenario", yaml.toString(), "--replicates", "3", "--threads", "2", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String html = Files.readString(out.resolve("index.html"));
    ReportPages.selfContained(html);
    assertThat(html).contains("channelrisk report: closed-form.yaml", "E[active(t)] = N (1 - f)", "action day, day 20");
    assertThat(ReportPages.numbersEqualTheCsvs(html, out)).isEqualTo(6 * 6 + 6 * 4);
    // the closed form: 30% of the channels removed on day 20
    assertThat(Double.parseDouble(CsvTable.read(out.resolve("metrics.csv")).strings("median")[0])).isGreaterThan(0.2);
  }

  @Test
  void aScenarioWithoutActionDaySaysSo() throws Exception {
    Path out = dir.resolve("r2");
    MainTest.Result r = run("report", "--preset", "telegram-2015", "--channels", "300", "--replicates", "2", "--threads", "1", "--out",
        out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String html = Files.readString(out.resolve("index.html"));
    ReportPages.selfContained(html);
    assertThat(html).contains("no action day");
    assertThat(ReportPages.numbersEqualTheCsvs(html, out)).isEqualTo(2 * 2 * 4);
  }
}
