package org.channelrisk.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad exports: exit 2, one line naming the file, line and JSON path, and nothing left behind. */
class TelegramBadInputTest {
  @TempDir Path dir;

  static final String HEAD = "{\n \"name\": \"C\",\n \"type\": \"public_channel\",\n \"id\": 9,\n \"messages\": [\n";

  private Cli.Result ingest(String json, String... extra) throws IOException {
    Path f = dir.resolve("result.json");
    Files.writeString(f, json);
    String[] args = new String[5 + extra.length];
    args[0] = "ingest";
    args[1] = "telegram";
    args[2] = "--export=" + f;
    args[3] = "--out";
    args[4] = dir.resolve("out").toString();
    System.arraycopy(extra, 0, args, 5, extra.length);
    return Cli.run(args);
  }

  private void refused(Cli.Result r, String... fragments) throws IOException {
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    String line = r.err().strip();
    assertThat(line).doesNotContain("\n").doesNotContain("Exception").startsWith("channelrisk: " + dir.resolve("result.json"));
    assertThat(line).contains(fragments);
    assertThat(Cli.list(dir)).containsExactly("result.json");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "[1, 2, 3]|line 1|not a Telegram export",
    "{\"about\": \"x\", \"contacts\": {\"list\": []}}|line 1|not a Telegram export",
    "\"text\"|line 1|not a Telegram export",
    "{\"chats\": {\"list\": [{\"name\": \"x\", \"messages\": []}]}}|at /chats/list/0|a chat without an 'id'",
    "{\"chats\": {\"list\": 5}}|at /chats/list|expected an array of chats",
    "{\"id\": {\"a\": 1}, \"messages\": []}|at /id|expected the chat's numeric id",
    "{\"id\": 1, \"messages\": {}}|at /messages|expected an array of messages",
    "{\"id\": 1, \"messages\": []} {}|line 1|unexpected content after",
    "{\"id\": 1, \"messages\": [}|line 1|not valid JSON",
  })
  void notAnExport(String json, String where, String what) throws IOException {
    refused(ingest(json), where, what);
  }

  @Test
  void truncatedFile() throws IOException {
    Path full = dir.resolve("full.json");
    new ExportGenerator(1).chat(9, "C", "public_channel", LocalDate.parse("2019-11-01"), 10, 5.0, 1).write(full, false);
    String text = Files.readString(full);
    Files.delete(full);
    refused(ingest(text.substring(0, text.length() / 2)), "line ", "/messages/", "the file ends in the middle of the JSON");
  }

  @Test
  void nestingBeyondTheParsersLimitIsBadInput() throws IOException {
    // a message text nested 5,000 deep: beyond Jackson's limit of 1,000 (an exit 1 with its exception before)
    Cli.Result r = ingest(HEAD + " {\"id\": 1, \"type\": \"message\", \"date\": \"2019-11-01T00:00:00\", \"text\": "
        + "[".repeat(5000) + "]".repeat(5000) + "}\n ]\n}\n");
    refused(r, "at /messages/0/text/0/", "/...", "nested more than 1,000 levels deep");
    assertThat(r.err().length()).isLessThan(300);
  }

  @Test
  void emptyFile() throws IOException {
    refused(ingest(""), "not a Telegram export");
  }

  @Test
  void messageWithoutADate() throws IOException {
    String json = HEAD + TelegramIngestTest.msg(1, 1574294400L, "u1") + ",\n"
        + " {\"id\": 2, \"type\": \"message\", \"from_id\": \"u1\", \"text\": \"x\"}\n]}";
    refused(ingest(json), "line 7", "at /messages/1", "a message without a date", "message id 2");
  }

  @Test
  void unreadableUnixTimeNamesTheField() throws IOException {
    String json = HEAD + " {\"id\": 2, \"type\": \"message\",\n  \"date_unixtime\": \"soon\", \"text\": \"x\"}\n]}";
    refused(ingest(json), "line 7", "at /messages/0/date_unixtime", "expected seconds since 1970", "'soon'");
  }

  @Test
  void datesOutsideTheCenturyAreRefused() throws IOException {
    String json = HEAD + TelegramIngestTest.msg(1, 99_999_999_999L, "u1") + "\n]}";
    refused(ingest(json), "outside 1970 to 2100");
  }

  @Test
  void malformedMessagesCanBeSkippedAndAreCounted() throws IOException {
    String json = HEAD + TelegramIngestTest.msg(1, 1574294400L, "u1") + ",\n"
        + " {\"id\": 2, \"type\": \"message\", \"text\": \"no date\"},\n"
        + " 17,\n"
        + " {\"id\": 3, \"date_unixtime\": \"1574294400\"},\n"
        + TelegramIngestTest.msg(4, 1574380800L, "u2") + "\n]}";
    Cli.Result r = ingest(json, "--skip-bad");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("2 messages in 1 chat ", "skipped 3 malformed messages (first: ")
        .contains("at /messages/1").doesNotContain("\n\n");
    assertThat(r.out().strip()).doesNotContain("\n");
    assertThat(Cli.rows(dir.resolve("out").resolve("series.csv"))).hasSize(3);
    // truncation cannot be skipped
    Path cut = Files.writeString(dir.resolve("cut.json"), json.substring(0, json.length() - 10));
    Cli.Result t = Cli.run("ingest", "telegram", "--export", cut.toString(), "--out", dir.resolve("o2").toString(),
        "--skip-bad");
    assertThat(t.code()).isEqualTo(2);
    assertThat(t.err()).contains("truncated");
    assertThat(dir.resolve("o2")).doesNotExist();
  }

  @Test
  void folderAsExport() throws IOException {
    Cli.Result r = Cli.run("ingest", "telegram", "--export", dir.toString(), "--out", dir.resolve("o").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--export", "is a folder");
  }

  @Test
  void notUtf8() throws IOException {
    Path f = dir.resolve("result.json");
    Files.write(f, new byte[] {'{', '"', 'i', 'd', '"', ':', ' ', (byte) 0xC3, (byte) 0x28, '}'});
    Cli.Result r = Cli.run("ingest", "telegram", "--export", f.toString(), "--out", dir.resolve("out").toString());
    refused(r, "not valid JSON");
  }
}
