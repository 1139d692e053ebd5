package org.channelrisk.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.channelrisk.io.Pseudonymizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelegramIngestTest {
  @TempDir Path dir;

  static final LocalDate NOV1 = LocalDate.parse("2019-11-01");

  private ExportGenerator threeChats() {
    return new ExportGenerator(2019)
        .chat(1001, "Alpha news", "public_channel", NOV1, 30, 8.0, 1)
        .chat(1002, "Beta group", "public_supergroup", NOV1.plusDays(10), 20, 5.0, 40)
        .chat(1003, "=Gamma", "private_channel", NOV1.plusDays(5), 1, 1.0, 1);
  }

  private Path hosts() throws IOException {
    Path h = dir.resolve("hosts.csv");
    Files.writeString(h, ExportGenerator.HOSTS_CSV);
    return h;
  }

  /** The expected series.csv of one chat: chat id, date, day (from the origin), then the counts. */
  private static List<List<String>> expectedSeries(ExportGenerator.Expected e, String chatCell, long chat, LocalDate origin) {
    List<List<String>> out = new ArrayList<>();
    for (List<String> r : e.rows(chat)) {
      List<String> row = new ArrayList<>();
      row.add(chatCell);
      row.add(r.get(0));
      row.add(Long.toString(LocalDate.parse(r.get(0)).toEpochDay() - origin.toEpochDay()));
      row.addAll(r.subList(1, r.size()));
      out.add(row);
    }
    return out;
  }

  @Test
  void accountExportMatchesTheGeneratorsCounts() throws IOException {
    Path export = dir.resolve("result.json");
    ExportGenerator.Expected e = threeChats().write(export, true);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("ingest", "telegram", "--export", export.toString(), "--out", out.toString(), "--hosts",
        hosts().toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains(String.format("%,d messages in 3 chats", e.total)).contains("2019-11-01 to 2019-11-30");

    List<List<String>> series = Cli.rows(out.resolve("series.csv"));
    assertThat(series.get(0)).containsExactly("chat", "date", "day", "posts", "organic", "forwarded", "outlinks",
        "tme_links", "authors", "outlinks_rocketchat", "outlinks_web", "outlinks_other");
    List<List<String>> expected = new ArrayList<>();
    for (long chat : List.of(1001L, 1002L, 1003L)) {
      expected.addAll(expectedSeries(e, Long.toString(chat), chat, NOV1));
    }
    assertThat(series.subList(1, series.size())).isEqualTo(expected);
    // the edge cases are in there: a day without messages, 30 + 20 + 1 rows
    assertThat(series).hasSize(1 + 30 + 20 + 1);
    assertThat(series.get(3).subList(1, 4)).containsExactly("2019-11-03", "2", "0");

    List<List<String>> all = Cli.rows(out.resolve("series-all.csv"));
    assertThat(all.get(0)).containsExactly("date", "day", "posts", "organic", "forwarded", "outlinks", "tme_links",
        "authors", "outlinks_rocketchat", "outlinks_web", "outlinks_other");
    List<List<String>> allExpected = new ArrayList<>();
    for (List<String> row : e.allRows()) {
      List<String> x = new ArrayList<>(row);
      x.add(1, Long.toString(LocalDate.parse(row.get(0)).toEpochDay() - NOV1.toEpochDay()));
      allExpected.add(x);
    }
    assertThat(all.subList(1, all.size())).isEqualTo(allExpected);
    long posts = all.stream().skip(1).mapToLong(x -> Long.parseLong(x.get(2))).sum();
    assertThat(posts).isEqualTo(e.total);

    List<List<String>> chats = Cli.rows(out.resolve("chats.csv"));
    assertThat(chats.get(0)).containsExactly("chat", "name", "type", "first_message", "last_message", "messages", "created",
        "migrated");
    assertThat(chats.get(3)).containsExactly("1003", "=Gamma", "private_channel",
        Instant.ofEpochSecond(e.firstLast.get(1003L)[0]).toString(), Instant.ofEpochSecond(e.firstLast.get(1003L)[1]).toString(),
        "1", Instant.ofEpochSecond(e.created.get(1003L)).toString(), "");
    assertThat(chats.get(1).get(5)).isEqualTo(Long.toString(e.messages.get(1001L)));
    // the formula guard escapes a name that a spreadsheet would run, the reader removes it again
    assertThat(Files.readString(out.resolve("chats.csv"))).contains("'=Gamma");
    assertThat(Cli.list(dir)).containsExactly("hosts.csv", "out", "result.json");
  }

  @Test
  void singleChatExportWithAnOrigin() throws IOException {
    Path export = dir.resolve("result.json");
    ExportGenerator.Expected e = new ExportGenerator(7).chat(42, "Solo", "public_channel", NOV1, 12, 3.0, 1)
        .write(export, false);
    Path out = dir.resolve("o");
    Cli.Result r = Cli.run("ingest", "telegram", "--export", export.toString(), "--out", out.toString(),
        "--origin", "2019-10-31");
    assertThat(r.code()).as(r.err()).isZero();
    List<List<String>> series = Cli.rows(out.resolve("series.csv"));
    assertThat(series.get(0)).containsExactly("chat", "date", "day", "posts", "organic", "forwarded", "outlinks",
        "tme_links", "authors");
    List<List<String>> expected = new ArrayList<>();
    for (List<String> row : expectedSeries(e, "42", 42, LocalDate.parse("2019-10-31"))) {
      expected.add(row.subList(0, 9));
    }
    assertThat(series.subList(1, series.size())).isEqualTo(expected);
    assertThat(series.get(1).get(2)).isEqualTo("1");
  }

  @Test
  void localDatesNeedTheZone() throws IOException {
    Path export = dir.resolve("result.json");
    ZoneId kolkata = ZoneId.of("Asia/Kolkata"); // +05:30: local and UTC dates differ for part of each day
    ExportGenerator.Expected e = new ExportGenerator(11).localDatesIn(kolkata)
        .chat(7, "Old export", "public_channel", NOV1, 10, 6.0, 1).write(export, false);
    Path out = dir.resolve("o");
    Cli.Result noZone = Cli.run("ingest", "telegram", "--export", export.toString(), "--out", out.toString());
    assertThat(noZone.code()).isEqualTo(2);
    assertThat(noZone.err().strip()).startsWith("channelrisk: " + export + " line ").contains("/messages/", "--zone")
        .doesNotContain("\n");
    assertThat(out).doesNotExist();
    assertThat(Cli.list(dir)).containsExactly("result.json");

    Cli.Result ok = Cli.run("ingest", "telegram", "--export", export.toString(), "--out", out.toString(), "--zone",
        "Asia/Kolkata");
    assertThat(ok.code()).as(ok.err()).isZero();
    List<List<String>> series = Cli.rows(out.resolve("series.csv"));
    assertThat(series.subList(1, series.size()))
        .isEqualTo(expectedSeries(e, "7", 7, NOV1).stream().map(x -> x.subList(0, 9)).toList());
  }

  @Test
  void pseudonymisedOutputsHoldNoRawIdentifier() throws IOException {
    Path export = dir.resolve("result.json");
    threeChats().write(export, true);
    Path key = dir.resolve("secret.key");
    Files.writeString(key, "0123456789abcdef0123456789abcdef\n");
    Path out = dir.resolve("p");
    Cli.Result r = Cli.run("ingest", "telegram", "--export", export.toString(), "--out", out.toString(),
        "--pseudonymize", key.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Pseudonymizer p = Pseudonymizer.fromKeyFile(key);
    for (String f : List.of("series.csv", "series-all.csv", "chats.csv")) {
      String text = Files.readString(out.resolve(f));
      assertThat(text).doesNotContain("1001", "1002", "1003", "Alpha", "Beta", "Gamma", "channel1001", "Member");
    }
    List<List<String>> chats = Cli.rows(out.resolve("chats.csv"));
    assertThat(chats.stream().skip(1).map(x -> x.get(0)))
        .containsExactlyInAnyOrder(p.pseudonym("1001"), p.pseudonym("1002"), p.pseudonym("1003"));
    assertThat(chats.stream().skip(1).map(x -> x.get(1)))
        .containsExactlyInAnyOrder(p.pseudonym("Alpha news"), p.pseudonym("Beta group"), p.pseudonym("=Gamma"));
    List<List<String>> series = Cli.rows(out.resolve("series.csv"));
    assertThat(series.get(1).get(0)).startsWith("p").hasSize(33);
  }

  @Test
  void theSameMessagesTwiceAreRefused() throws IOException {
    Path export = dir.resolve("result.json");
    new ExportGenerator(3).chat(5, "C", "public_channel", NOV1, 5, 2.0, 1).write(export, false);
    Path out = dir.resolve("o");
    Cli.Result r = Cli.run("ingest", "telegram", "--export", export.toString(), "--export", export.toString(), "--out",
        out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("chat 5 was read before", "each message would count twice");
    assertThat(out).doesNotExist();
  }

  @Test
  void twoExportsOfOneChatMerge() throws IOException {
    String head = "{\"name\": \"C\", \"type\": \"public_channel\", \"id\": 9, \"messages\": [";
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    Files.writeString(a, head + msg(1, 1574294400L, "user1") + "," + msg(2, 1574294500L, "user2") + "]}");
    Files.writeString(b, head + msg(3, 1574294600L, "user1") + "," + msg(4, 1574467200L, "user3") + "]}");
    Path out = dir.resolve("o");
    Cli.Result r = Cli.run("ingest", "telegram", "--export", a.toString(), "--export", b.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Cli.rows(out.resolve("series.csv")).subList(1, 4)).containsExactly(
        List.of("9", "2019-11-21", "0", "3", "3", "0", "0", "0", "2"),
        List.of("9", "2019-11-22", "1", "0", "0", "0", "0", "0", "0"),
        List.of("9", "2019-11-23", "2", "1", "1", "0", "0", "0", "1"));
    assertThat(Cli.rows(out.resolve("chats.csv")).get(1)).containsExactly("9", "C", "public_channel",
        "2019-11-21T00:00:00Z", "2019-11-23T00:00:00Z", "4", "", "");
  }

  @Test
  void serviceMessagesDateCreationAndMigration() throws IOException {
    String group = "{\"id\": 20, \"type\": \"private_group\", \"name\": \"G\", \"messages\": ["
        + "{\"id\": 1, \"type\": \"service\", \"date_unixtime\": \"1574200000\", \"action\": \"create_group\"},"
        + msg(2, 1574294400L, "user1") + ","
        + "{\"id\": 3, \"type\": \"service\", \"action\": \"pin_message\"},"
        + "{\"id\": 4, \"type\": \"service\", \"date_unixtime\": \"1574300000\", \"action\": \"migrate_to_supergroup\"}]}";
    String supergroup = "{\"id\": 21, \"type\": \"private_supergroup\", \"name\": \"G\", \"messages\": ["
        + "{\"id\": 1, \"type\": \"service\", \"date_unixtime\": \"1574300001\", \"action\": \"migrate_from_group\"},"
        + msg(2, 1574300100L, "user1") + "]}";
    Path export = dir.resolve("result.json");
    Files.writeString(export, "{\"chats\": {\"list\": [" + group + "]}, \"left_chats\": {\"list\": [" + supergroup + "]}}");
    Path out = dir.resolve("o");
    Cli.Result r = Cli.run("ingest", "telegram", "--export", export.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<List<String>> chats = Cli.rows(out.resolve("chats.csv"));
    assertThat(chats.get(1)).containsExactly("20", "G", "private_group", "2019-11-21T00:00:00Z", "2019-11-21T00:00:00Z",
        "1", "2019-11-19T21:46:40Z", "2019-11-21T01:33:20Z");
    assertThat(chats.get(2)).containsExactly("21", "G", "private_supergroup", "2019-11-21T01:35:00Z",
        "2019-11-21T01:35:00Z", "1", "2019-11-21T01:33:21Z", "");
    // the pin without a date says nothing that is used, so it is no error
    assertThat(Cli.rows(out.resolve("series-all.csv"))).hasSize(2);
  }

  static String msg(long id, long unix, String from) {
    return "{\"id\": " + id + ", \"type\": \"message\", \"date\": \"x\", \"date_unixtime\": \"" + unix
        + "\", \"from\": \"F\", \"from_id\": \"" + from + "\", \"text\": \"hi\"}";
  }

  @Test
  void existingFolderIsRefusedBeforeReading() throws IOException {
    Path export = dir.resolve("result.json");
    new ExportGenerator(3).chat(5, "C", "public_channel", NOV1, 5, 2.0, 1).write(export, false);
    Path out = Files.createDirectories(dir.resolve("o"));
    Files.writeString(out.resolve("mine.txt"), "keep");
    Cli.Result r = Cli.run("ingest", "telegram", "--export", export.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--out", "not empty");
    assertThat(Cli.list(out)).containsExactly("mine.txt");
    // an empty folder is fine: it is replaced by the finished one
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThat(Cli.run("ingest", "telegram", "--export", export.toString(), "--out", empty.toString()).code()).isZero();
    assertThat(Cli.list(empty)).containsExactly("chats.csv", "series-all.csv", "series.csv");
  }

  @Test
  void badOptionsAreRefusedWithTheOptionNamed() throws IOException {
    Path export = dir.resolve("result.json");
    new ExportGenerator(3).chat(5, "C", "public_channel", NOV1, 5, 2.0, 1).write(export, false);
    String out = dir.resolve("o").toString();
    assertThat(Cli.run("ingest", "telegram", "--export", export.toString(), "--out", out, "--origin", "21.11.2019").err())
        .contains("--origin");
    assertThat(Cli.run("ingest", "telegram", "--export", export.toString(), "--out", out, "--zone", "Mars/Base").err())
        .contains("--zone");
    assertThat(Cli.run("ingest", "telegram", "--export", dir.resolve("none.json").toString(), "--out", out).err())
        .contains("--export", "no such file");
    Path hosts = dir.resolve("h.csv");
    Files.writeString(hosts, "host,platform\nrocket.chat,Rocket Chat\n");
    Cli.Result h = Cli.run("ingest", "telegram", "--export", export.toString(), "--out", out, "--hosts", hosts.toString());
    assertThat(h.code()).isEqualTo(2);
    assertThat(h.err()).contains("h.csv line 2, column 'platform'");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void writesWithTheUmasksPermissions() throws IOException {
    Path export = dir.resolve("result.json");
    new ExportGenerator(3).chat(5, "C", "public_channel", NOV1, 5, 2.0, 1).write(export, false);
    Path out = dir.resolve("o");
    assertThat(Cli.run("ingest", "telegram", "--export", export.toString(), "--out", out.toString()).code()).isZero();
    Path probe = Files.writeString(dir.resolve("probe"), "x", StandardCharsets.UTF_8);
    if (probe.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(Files.getPosixFilePermissions(out.resolve("series.csv")))
          .isEqualTo(Files.getPosixFilePermissions(probe));
    }
  }
}
