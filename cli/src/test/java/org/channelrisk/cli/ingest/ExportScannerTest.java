package org.channelrisk.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.channelrisk.io.InvalidInputException;
import org.channelrisk.observe.DailyActivity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast scanner reads what it accepts exactly as the Jackson reader does, and hands everything else
 * back: every export here is read both ways and the results (series, chats, counts of skipped and
 * unsupported messages, or the error) must be equal. Ordinary exports must be taken by the scanner, so
 * that these comparisons test it and not only the fallback.
 */
class ExportScannerTest {
  @TempDir Path dir;

  /** The result of reading files one way: a dump of everything the outputs are made of, or the error. */
  private record Outcome(String text, int scanned, RuntimeException scannerDefect) {}

  /** The scanner's buffer: its usual size, or a few dozen bytes so that every token crosses a refill. */
  private int buffer = 1 << 18;
  /** The windows the file is mapped in: the usual 16 MB, or a few bytes so that reads cross windows. */
  private long window = 16L << 20;

  private Outcome read(boolean fast, Optional<ZoneId> zone, LinkHosts hosts, boolean skipBad, Path... files) {
    DailyActivity a = DailyActivity.withLinkClasses(TelegramExportReader.classesFor(hosts));
    TelegramExportReader r = new TelegramExportReader(a, hosts, zone, skipBad, Long::toString);
    r.scanner().bufferSize(buffer);
    r.scanner().windowSize(window);
    if (!fast) {
      r.jacksonOnly();
    }
    StringBuilder sb = new StringBuilder();
    RuntimeException defect = null;
    try {
      for (Path f : files) {
        r.read(f);
        defect = defect != null ? defect : r.scanner().lastRefusalForTests();
      }
      for (String k : a.chats()) {
        sb.append(k).append(' ').append(a.days(k)).append('\n');
      }
      sb.append(a.allDays()).append('\n');
      for (ChatInfo c : r.chats().values()) {
        sb.append(c.id).append(' ').append(c.name).append(' ').append(c.type).append(' ').append(c.firstMessage)
            .append(' ').append(c.lastMessage).append(' ').append(c.messages).append(' ').append(c.created).append(' ')
            .append(c.migrated).append(' ').append(c.sources);
        c.idRanges.forEach(x -> sb.append(' ').append(x[0]).append('-').append(x[1]));
        sb.append('\n');
      }
      sb.append("unsupported ").append(r.unsupported()).append(" skipped ").append(r.skipped()).append(' ')
          .append(r.firstSkip().orElse(""));
    } catch (InvalidInputException e) {
      sb.setLength(0);
      sb.append("error: ").append(e.getMessage());
    } catch (IOException e) {
      sb.setLength(0);
      sb.append("io: ").append(e);
    }
    return new Outcome(sb.toString(), r.scanned(), defect);
  }

  /** Reads both ways; asserts equal outcomes and no defect of the scanner; returns the fast way's. */
  private Outcome same(String what, Optional<ZoneId> zone, LinkHosts hosts, boolean skipBad, Path... files) {
    Outcome fast = read(true, zone, hosts, skipBad, files);
    Outcome slow = read(false, zone, hosts, skipBad, files);
    assertThat(fast.scannerDefect()).as(what).isNull();
    assertThat(fast.text()).as(what).isEqualTo(slow.text());
    assertThat(slow.scanned()).isZero();
    return fast;
  }

  private Path hosts() throws IOException {
    Path h = dir.resolve("hosts.csv");
    Files.writeString(h, "host,platform\nrocket.chat,rocketchat\nexample.org,web\n");
    return h;
  }

  @Test
  void generatedExportsAreTakenAndReadAsJacksonReadsThem() throws IOException {
    Path account = dir.resolve("account.json");
    new ExportGenerator(11).chat(1001, "Alpha news", "public_channel", LocalDate.parse("2019-11-01"), 30, 8.0, 1)
        .chat(1002, "Beta group", "public_supergroup", LocalDate.parse("2019-11-10"), 20, 5.0, 40)
        .chat(1003, "=Gamma", "private_group", LocalDate.parse("2019-11-20"), 1, 1.0, 1).write(account, true);
    Path single = dir.resolve("single.json");
    new ExportGenerator(12).chat(7, "Solo", "public_channel", LocalDate.parse("2019-12-01"), 12, 20.0, 1)
        .write(single, false);
    Path local = dir.resolve("local.json");
    new ExportGenerator(13).chat(8, "Old", "public_channel", LocalDate.parse("2019-03-01"), 9, 6.0, 3)
        .localDatesIn(ZoneId.of("Europe/Berlin")).write(local, false);
    LinkHosts classes = LinkHosts.read(hosts());

    assertThat(same("account", Optional.empty(), LinkHosts.none(), false, account).scanned()).isEqualTo(1);
    assertThat(same("account, hosts", Optional.empty(), classes, false, account).scanned()).isEqualTo(1);
    assertThat(same("two files", Optional.empty(), classes, false, account, single).scanned()).isEqualTo(2);
    assertThat(same("local dates", Optional.of(ZoneId.of("Europe/Berlin")), classes, false, local).scanned())
        .isEqualTo(1);
    // without a zone, local dates are an error: the scanner hands the file back and Jackson says where
    Outcome noZone = same("local dates, no zone", Optional.empty(), classes, false, local);
    assertThat(noZone.scanned()).isZero();
    assertThat(noZone.text()).startsWith("error: ").contains("give --zone");
    // the same file twice: refused, by Jackson's message
    assertThat(same("twice", Optional.empty(), classes, false, single, single).text())
        .contains("was read before", "each message would count twice");
  }

  @Test
  void compactAndUnusualLayoutsAreReadAlike() throws IOException {
    String m1 = "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1574294400\",\"from_id\":\"user1\",\"text\":\"hi\"}";
    String m2 = "{ \"text_entities\" : [ { \"text\" : \"https://t.me/x\" , \"type\" : \"link\" } ,"
        + " {\"href\":\"http://example.org/a\",\"type\":\"text_link\",\"text\":\"here\"} ] ,\r\n\t\"type\":\"message\","
        + "\"date_unixtime\":1574380800,\"from_id\":\"us\\u0065r2\",\"forwarded_from_id\":null,\"id\":2}";
    String m3 = "{\"id\":3.5,\"type\":\"mess\\u0061ge\",\"date_unixtime\":\"1574467200\",\"text\":[\"a\","
        + "{\"type\":\"link\",\"text\":\"rocket.chat/x\"},[1,2,{\"a\":[true,false,null,-0.5e-3]}]],"
        + "\"from_id\":\"\u00fcser3\",\"reactions\":[{\"emoji\":\"\\uD83D\\uDC4D\",\"count\":3}]}";
    String m4 = "{\"id\":4,\"type\":\"unsupported\"}";
    String m5 = "{\"id\":5,\"type\":\"service\",\"action\":\"pin_message\"}";
    String m6 = "{\"type\":\"service\",\"date_unixtime\":\"1574200000\",\"action\":\"create_channel\",\"id\":6}";
    String chat = "{\"name\":\"N\\\"ame \u00e9\",\"type\":\"public_channel\",\"id\":\"-1001\",\"messages\":[" + String.join(",",
        m1, m2, m3, m4, m5, m6) + "],\"extra\":{\"deep\":[[[[{}]]]]}}";
    Path f = dir.resolve("compact.json");
    Files.writeString(f, chat);
    Outcome o = same("compact", Optional.empty(), LinkHosts.read(hosts()), false, f);
    assertThat(o.scanned()).as(o.text()).isEqualTo(1);
    assertThat(o.text()).contains("unsupported 1");
    Path account = dir.resolve("account.json");
    Files.writeString(account, "  {\"about\":\"x\",\"chats\":{\"about\":\"y\",\"list\":[" + chat + "]},\"left_chats\":{\"list\":[]}}\n\n");
    assertThat(same("account", Optional.empty(), LinkHosts.none(), false, account).scanned()).isEqualTo(1);
  }

  @Test
  void handMadeOddities() throws IOException {
    String ok = "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1574294400\",\"from_id\":\"u\",\"text\":\"hi\"}";
    List<String> cases = List.of(
        "{\"ty\\u0070e\":\"message\",\"id\":1,\"date_unixtime\":\"1574294400\"}", // escaped name
        "{\"id\":01,\"type\":\"message\",\"date_unixtime\":\"1574294400\"}", // leading zero
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1574294400\",}", // trailing comma
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"157429440x\"}", // not digits
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":1.5e9}", // a fraction
        "{\"id\":1,\"type\":\"message\"}", // no date
        "{\"id\":1,\"date_unixtime\":\"1574294400\"}", // no type
        "{\"id\":1,\"type\":7,\"date_unixtime\":\"1574294400\"}", // type not a string
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"9999999999\"}", // out of range
        "{\"id\":12345678901234567890,\"type\":\"message\",\"date_unixtime\":\"1574294400\"}", // over a long
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1574294400\",\"x\":tru}", // bad literal
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1574294400\",\"x\":truex}", // literal run on
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1574294400\",\"text\":\"a\tb\"}", // raw tab
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1574294400\",\"text\":\"a\\qb\"}", // bad escape
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1574294400\",\"text\":\"a\\u12\"}", // short escape
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1574294400\",\"x\":-}", // bare minus
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1574294400\",\"x\":1.}", // no fraction digits
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1574294400\",\"x\":[1 2]}", // no comma
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1574294400\"} // comment",
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1574294400\",\"type\":\"other\"}", // duplicate name
        "{\"id\":1,\"type\":\"service\",\"action\":\"create_group\",\"date_unixtime\":\"1574294400\"}",
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1574294400\",\"forwarded_from\":{\"a\":1}}",
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1574294400\",\"text_entities\":{\"type\":\"link\"}}",
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1574294400\",\"text_entities\":[{\"type\":\"link\","
            + "\"text\":\"https://t\\u002eme/a\"},{\"type\":\"t\\u0065xt_link\",\"href\":\"http://\u00e9x.org\"}]}",
        "{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1574294400\",\"text_entities\":[{\"type\":\"link\","
            + "\"text\":7},{\"href\":\"a.b\"},{\"text\":\"c.d\",\"type\":\"link\"}]}",
        "[" + ok + "]",
        "3");
    int i = 0;
    for (String c : cases) {
      for (String wrap : List.of("{\"name\":\"C\",\"type\":\"t\",\"id\":1,\"messages\":[%s]}",
          "{\"chats\":{\"list\":[{\"id\":2,\"messages\":[" + ok + ",%s]}]}}")) {
        Path f = dir.resolve("case" + i++ + ".json");
        Files.writeString(f, wrap.formatted(c));
        same(c, Optional.empty(), LinkHosts.none(), false, f);
        same(c + " (skip bad)", Optional.empty(), LinkHosts.none(), true, f);
      }
    }
    // bytes that are not text: a BOM, invalid and overlong UTF-8, a control character, a NUL
    byte[][] raw = {
      {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
      {'"', (byte) 0xC3, '"'},
      {'"', (byte) 0xC0, (byte) 0x80, '"'},
      {'"', (byte) 0xF8, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"'},
      {'"', 0x01, '"'},
      {0},
    };
    for (byte[] r : raw) {
      byte[] head = "{\"id\":1,\"name\":".getBytes(StandardCharsets.UTF_8);
      byte[] tail = ",\"messages\":[]}".getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[head.length + r.length + tail.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(r, 0, all, head.length, r.length);
      System.arraycopy(tail, 0, all, head.length + r.length, tail.length);
      Path f = dir.resolve("raw" + i++ + ".json");
      Files.write(f, all);
      same(java.util.Arrays.toString(r), Optional.empty(), LinkHosts.none(), false, f);
    }
    // nesting deeper than the scanner takes: Jackson's
    Path deep = dir.resolve("deep.json");
    Files.writeString(deep, "{\"id\":1,\"x\":" + "[".repeat(150) + "]".repeat(150) + ",\"messages\":[" + ok + "]}");
    assertThat(same("deep", Optional.empty(), LinkHosts.none(), false, deep).scanned()).isZero();
    // a string longer than the scanner's buffer at first (it grows) and one over its limit
    for (int n : new int[] {300_000, 1_100_000}) {
      Path big = dir.resolve("big" + n + ".json");
      Files.writeString(big, "{\"id\":1,\"name\":\"" + "x".repeat(n) + "\",\"messages\":[" + ok + "]}");
      assertThat(same("big " + n, Optional.empty(), LinkHosts.none(), false, big).scanned())
          .isEqualTo(n < 1_000_000 ? 1 : 0);
    }
  }

  @Test
  void aSmallBufferReadsAlike() throws IOException {
    // every token, escape and UTF-8 sequence crosses the end of the buffer somewhere
    for (int bytes : new int[] {5, 24, 61}) {
      buffer = bytes;
      window = bytes * 3 + 1;
      generatedExportsAreTakenAndReadAsJacksonReadsThem();
      compactAndUnusualLayoutsAreReadAlike();
      handMadeOddities();
    }
  }

  @Test
  void damagedExportsWithASmallBufferAreReadAlikeOrHandedBack() throws IOException {
    buffer = 29;
    window = 4099;
    damagedExportsAreReadAlikeOrHandedBack();
  }

  @Test
  void damagedExportsAreReadAlikeOrHandedBack() throws IOException {
    Path good = dir.resolve("good.json");
    ExportGenerator.twoSmallChats().write(good, true);
    byte[] original = Files.readAllBytes(good);
    byte[] alphabet = "{}[],:\"x1 -\\\nu0e.tfn\t\r/".getBytes(StandardCharsets.UTF_8);
    int tries = Integer.getInteger("channelrisk.fuzz.tries", 300);
    int taken = 0;
    List<String> outcomes = new ArrayList<>();
    for (int t = 0; t < tries; t++) {
      long seed = 104_729L * t + 3;
      SplittableRandom rnd = new SplittableRandom(seed);
      byte[] b = original.clone();
      int k = 1 + rnd.nextInt(3);
      for (int j = 0; j < k; j++) {
        switch (rnd.nextInt(4)) {
          case 0 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
          case 1 -> {
            int at = rnd.nextInt(b.length);
            b[at] = rnd.nextInt(8) == 0 ? (byte) (0x80 + rnd.nextInt(128)) : alphabet[rnd.nextInt(alphabet.length)];
          }
          case 2 -> {
            int from = rnd.nextInt(b.length);
            b = ExportGenerator.cut(b, from, Math.min(b.length, from + 1 + rnd.nextInt(60)));
          }
          default -> {
            int at = rnd.nextInt(b.length);
            byte[] c = new byte[b.length + 1];
            System.arraycopy(b, 0, c, 0, at);
            c[at] = alphabet[rnd.nextInt(alphabet.length)];
            System.arraycopy(b, at, c, at + 1, b.length - at);
            b = c;
          }
        }
        if (b.length == 0) {
          break;
        }
      }
      Path f = dir.resolve("t" + t + ".json");
      Files.write(f, b);
      Outcome o = same("try " + t + " (seed " + seed + ")", Optional.empty(), LinkHosts.none(), rnd.nextBoolean(), f);
      taken += o.scanned();
      outcomes.add(o.text().startsWith("error") ? "error" : "read");
    }
    // both kinds happen: damage the scanner takes (inside a text, say) and damage it hands back
    assertThat(taken).as("taken by the scanner").isGreaterThan(tries / 20);
    assertThat(outcomes).contains("error", "read");
  }
}
