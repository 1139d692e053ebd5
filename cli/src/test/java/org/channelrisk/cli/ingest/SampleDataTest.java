package org.channelrisk.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped sample data are what {@link SampleData} writes, and the README's commands run on them as
 * written (paths relative to the repository root, here one level up).
 */
class SampleDataTest {
  static final Path DATA = Path.of("..", "examples", "data");

  @TempDir Path dir;

  @Test
  void shippedFilesAreTheGeneratorsOutput() throws IOException {
    if (Boolean.getBoolean("channelrisk.sample.write")) {
      SampleData.write(DATA);
    }
    SampleData.write(dir);
    for (String f : List.of("telegram/result.json", "telegram/hosts.csv", "channel-checks.csv")) {
      assertThat(Files.readString(DATA.resolve(f))).as(f).isEqualTo(Files.readString(dir.resolve(f)));
    }
  }

  @Test
  void theReadmeWorkflowRuns() throws IOException {
    Path study = dir.resolve("my-study");
    Cli.Result ingest = Cli.run("ingest", "telegram", "--export", DATA.resolve("telegram/result.json").toString(),
        "--hosts", DATA.resolve("telegram/hosts.csv").toString(), "--out", study.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
    assertThat(ingest.out()).contains("in 3 chats (2019-10-07 to 2020-01-04, day 0 = 2019-10-07)");
    Cli.Result fit = Cli.run("fit", "--input", study.resolve("series-all.csv").toString(), "--time", "day", "--value",
        "organic", "--takedown", "45");
    assertThat(fit.code()).as(fit.err()).isZero();
    assertThat(fit.out()).contains("baseline 13.000", "recovery_ratio");
    Cli.Result status = Cli.run("ingest", "status", "--input", DATA.resolve("channel-checks.csv").toString(), "--out",
        study.resolve("lifetimes.csv").toString());
    assertThat(status.code()).as(status.err()).isZero();
    Cli.Result km = Cli.run("survival", "km", "--input", study.resolve("lifetimes.csv").toString(), "--time", "time",
        "--event", "event");
    assertThat(km.code()).as(km.err()).isZero();
    assertThat(km.out()).contains("median");
  }
}
