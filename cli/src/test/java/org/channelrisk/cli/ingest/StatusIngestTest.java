package org.channelrisk.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusIngestTest {
  @TempDir Path dir;

  private Cli.Result status(String csv, String... extra) throws IOException {
    Path in = dir.resolve("checks.csv");
    Files.writeString(in, csv);
    String[] args = new String[6 + extra.length];
    System.arraycopy(new String[] {"ingest", "status", "--input", in.toString(), "--out", dir.resolve("life.csv").toString()},
        0, args, 0, 6);
    System.arraycopy(extra, 0, args, 6, extra.length);
    return Cli.run(args);
  }

  @Test
  void dayNumbers() throws IOException {
    Cli.Result r = status("""
        channel,checked_at,status
        a,0,alive
        b,0,alive
        a,1,alive
        b,1,private
        a,2,unknown
        a,3,removed
        c,3,removed
        a,5,alive
        """);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("8 checks of 3 channels -> 3 incarnations (1 removed, 1 private, 1 censored)",
        "1 channel never seen alive");
    assertThat(Cli.rows(dir.resolve("life.csv"))).containsExactly(
        List.of("channel", "incarnation", "start", "end", "status", "time", "event", "end_lower", "end_upper"),
        List.of("a", "1", "0.0", "2.0", "removed", "2.0", "1", "1.0", "3.0"),
        List.of("a", "2", "5.0", "5.0", "censored", "0.0", "0", "5.0", ""),
        List.of("b", "1", "0.0", "0.5", "private", "0.5", "1", "0.0", "1.0"));
  }

  @Test
  void instantsAndTheSurvivalCommands() throws IOException {
    Cli.Result r = status("""
        channel,checked_at,status
        x,2019-11-21T00:00:00Z,alive
        x,2019-11-22T00:00:00Z,alive
        x,2019-11-23T00:00:00Z,removed
        y,2019-11-21T12:00:00+01:00,alive
        y,2019-11-25T11:00:00Z,alive
        z,2019-11-21,alive
        z,2019-11-28T00:00:00Z,private
        """);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Cli.rows(dir.resolve("life.csv")).subList(1, 4)).containsExactly(
        List.of("x", "1", "2019-11-21T00:00:00Z", "2019-11-22T12:00:00Z", "removed", "1.5", "1", "2019-11-22T00:00:00Z",
            "2019-11-23T00:00:00Z"),
        List.of("y", "1", "2019-11-21T11:00:00Z", "2019-11-25T11:00:00Z", "censored", "4.0", "0", "2019-11-25T11:00:00Z", ""),
        List.of("z", "1", "2019-11-21T00:00:00Z", "2019-11-24T12:00:00Z", "private", "3.5", "1", "2019-11-21T00:00:00Z",
            "2019-11-28T00:00:00Z"));
    Path life = dir.resolve("life.csv");
    Cli.Result km = Cli.run("survival", "km", "--input", life.toString(), "--time", "time", "--event", "event",
        "--format", "csv");
    assertThat(km.code()).as(km.err()).isZero();
    // S = 2/3 after the removal at 1.5 days, 1/3 after the private end at 3.5; y censored at 4
    assertThat(km.out()).contains("\n\"\",1.5,3,1,0,0.666666666666666", "\n\"\",3.5,2,1,0,0.333333333333333",
        "\n\"\",4.0,1,0,1,0.333333333333333");
  }

  @Test
  void badLogsNameTheLineAndWriteNothing() throws IOException {
    assertRefused(status("channel,checked_at,status\na,1,alive\na,0.5,removed\n"), "checks.csv line 3, column 'checked_at'",
        "'0.5' is not after '1' on line 2");
    assertRefused(status("channel,checked_at,status\na,1,alive\na,1,removed\n"), "line 3", "not after");
    assertRefused(status("channel,checked_at,status\na,1,gone\n"), "line 2, column 'status'", "alive, removed, private");
    assertRefused(status("channel,checked_at,status\na,1,alive\nb,2019-11-21T00:00:00Z,alive\n"), "line 3",
        "a number of days as in the first row");
    assertRefused(status("channel,checked_at,status\na,soon,alive\n"), "line 2, column 'checked_at'", "ISO instant");
    // Java's own number forms are not the tables' notation
    assertRefused(status("channel,checked_at,status\na,1,alive\na,2d,removed\n"), "line 3, column 'checked_at'", "'2d'");
    assertRefused(status("channel,checked_at,status\na,0x1p3,alive\n"), "line 2, column 'checked_at'", "'0x1p3'");
    assertRefused(status("channel,when,status\na,1,alive\n"), "column 'checked_at'", "missing column");
    assertRefused(status("channel,checked_at,status\n,1,alive\n"), "column 'channel'");
    assertRefused(status("channel,checked_at,status\na,Infinity,alive\n"), "finite");
    Cli.Result r = Cli.run("ingest", "status", "--input", dir.resolve("none.csv").toString(), "--out",
        dir.resolve("life.csv").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no such file");
    Path in = Files.writeString(dir.resolve("ok.csv"), "channel,checked_at,status\na,1,alive\n");
    Cli.Result folder = Cli.run("ingest", "status", "--input", in.toString(), "--out", dir.toString());
    assertThat(folder.err()).contains("--out", "is a folder");
  }

  private void assertRefused(Cli.Result r, String... fragments) throws IOException {
    assertThat(r.code()).as(r.out()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").contains(fragments);
    assertThat(Cli.list(dir)).containsExactly("checks.csv");
  }

  @Test
  void pseudonymisedChannels() throws IOException {
    Path key = dir.resolve("k");
    Files.writeString(key, "a key of at least sixteen bytes");
    Cli.Result r = status("channel,checked_at,status\nnashir_news,0,alive\nnashir_news,2,removed\n", "--pseudonymize",
        key.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(dir.resolve("life.csv"))).doesNotContain("nashir").contains("\np");
  }
}
