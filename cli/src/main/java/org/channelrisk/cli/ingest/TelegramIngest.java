package org.channelrisk.cli.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import org.channelrisk.cli.Main;
import org.channelrisk.cli.OutputPlan;
import org.channelrisk.io.AtomicFiles;
import org.channelrisk.io.CsvOutput;
import org.channelrisk.io.Pseudonymizer;
import org.channelrisk.observe.DailyActivity;
import org.channelrisk.observe.DayCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ingest telegram}: Telegram Desktop JSON exports to daily series and a table of chats. */
@Command(name = "telegram", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Read Telegram Desktop JSON exports (a chat's result.json, or a whole account's) into daily series.",
        "Writes DIR/series.csv (chat, date, day, posts, organic, forwarded, outlinks, tme_links, authors: one row per"
            + " chat and UTC date, zeros included), DIR/series-all.csv (the same summed over chats) and DIR/chats.csv"
            + " (chat, name, type, first_message, last_message, messages, created, migrated).",
        "Privacy: message text is never written; author ids are only counted; with --pseudonymize, chat ids and"
            + " names are replaced by keyed pseudonyms before anything is written."})
final class TelegramIngest implements Callable<Integer> {
  static final List<String> SERIES = List.of("date", "day", "posts", "organic", "forwarded", "outlinks", "tme_links", "authors");
  static final List<String> CHATS =
      List.of("chat", "name", "type", "first_message", "last_message", "messages", "created", "migrated");

  @Spec CommandSpec spec;

  @Option(names = "--export", required = true, paramLabel = "FILE",
      description = "A result.json of Telegram Desktop (repeat for several exports; a chat in two exports is merged).")
  List<Path> exports;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new (or empty) folder for the outputs.")
  Path out;

  @Option(names = {"--pseudonymize", "--pseudonymize-key"}, paramLabel = "KEYFILE",
      description = "Replace chat ids and names by keyed pseudonyms (HMAC-SHA-256 under the key in this file, at least"
          + " 16 bytes) so that no raw identifier reaches DIR.")
  Path key;

  @Option(names = "--origin", paramLabel = "DATE",
      description = "Day 0 of the 'day' column, an ISO date (default: the earliest message date of the exports).")
  String origin;

  @Option(names = "--zone", paramLabel = "ZONE",
      description = "Time zone of the exporting computer (e.g. Europe/Berlin): used only for messages without"
          + " date_unixtime, whose 'date' is local time.")
  String zone;

  @Option(names = "--hosts", paramLabel = "FILE",
      description = "CSV with columns host,platform: out-links are also counted per platform, in columns"
          + " outlinks_<platform> and outlinks_other.")
  Path hostsFile;

  @Option(names = "--skip-bad", description = "Skip malformed messages (counted in the summary) instead of stopping.")
  boolean skipBad;

  @Override
  public Integer call() throws IOException {
    // Every option is checked before any export is read.
    Optional<LocalDate> originDate = parsed("--origin", origin, LocalDate::parse, "an ISO date such as 2019-11-21");
    Optional<ZoneId> zoneId = parsed("--zone", zone, ZoneId::of, "a time zone such as Europe/Berlin or +01:00");
    for (Path e : exports) {
      if (!Files.isRegularFile(e)) {
        throw new IllegalArgumentException("--export " + e + ": " + (Files.isDirectory(e) ? "is a folder" : "no such file"));
      }
    }
    Pseudonymizer pseudonyms = key == null ? null : Pseudonymizer.fromKeyFile(key);
    LinkHosts hosts = hostsFile == null ? LinkHosts.none() : LinkHosts.read(hostsFile);
    try (OutputPlan plan = OutputPlan.of(spec)) {
      // the folder is checked before any export is read, and appears only when everything succeeded
      OutputPlan.Target dir = plan.folder("--out", out);
      int code = ingest(plan, dir, pseudonyms, hosts, zoneId, originDate);
      plan.commit();
      return code;
    }
  }

  private int ingest(OutputPlan plan, OutputPlan.Target dir, Pseudonymizer pseudonyms, LinkHosts hosts, Optional<ZoneId> zoneId,
      Optional<LocalDate> originDate) throws IOException {
    DailyActivity activity = DailyActivity.withLinkClasses(TelegramExportReader.classesFor(hosts));
    LongFunction<String> keyOf = pseudonyms == null ? Long::toString : id -> pseudonyms.pseudonym(Long.toString(id));
    TelegramExportReader reader = new TelegramExportReader(activity, hosts, zoneId, skipBad, keyOf);
    for (Path e : exports) {
      reader.read(e);
    }

    List<ChatInfo> chats = new ArrayList<>(reader.chats().values());
    if (pseudonyms == null) {
      chats.sort(Comparator.comparingLong(c -> c.id));
    } else {
      chats.sort(Comparator.comparing(c -> keyOf.apply(c.id)));
    }
    long day0 = originDate.map(LocalDate::toEpochDay).orElse(activity.firstDay().orElse(0L));
    List<String> classColumns = activity.linkClasses().stream().map(c -> "outlinks_" + c).toList();

    Path folder = plan.staging(dir);
    {
      List<String> seriesHeader = new ArrayList<>(List.of("chat"));
      seriesHeader.addAll(SERIES);
      seriesHeader.addAll(classColumns);
      csv(folder.resolve("series.csv"), seriesHeader, w -> {
        for (ChatInfo c : chats) {
          String k = keyOf.apply(c.id);
          for (DayCounts d : activity.days(k)) {
            if (pseudonyms == null) {
              w.row().number(c.id);
            } else {
              w.row().text(k);
            }
            day(w, d, day0);
          }
        }
      });
      List<String> allHeader = new ArrayList<>(SERIES);
      allHeader.addAll(classColumns);
      csv(folder.resolve("series-all.csv"), allHeader, w -> {
        for (DayCounts d : activity.allDays()) {
          day(w.row(), d, day0);
        }
      });
      csv(folder.resolve("chats.csv"), CHATS, w -> {
        for (ChatInfo c : chats) {
          if (pseudonyms == null) {
            w.row().number(c.id).text(c.name);
          } else {
            w.row().text(keyOf.apply(c.id)).text(c.name.isEmpty() ? "" : pseudonyms.pseudonym(c.name));
          }
          w.text(c.type)
              .text(c.messages == 0 ? "" : Instant.ofEpochSecond(c.firstMessage).toString())
              .text(c.messages == 0 ? "" : Instant.ofEpochSecond(c.lastMessage).toString())
              .number(c.messages)
              .text(c.created == Long.MAX_VALUE ? "" : Instant.ofEpochSecond(c.created).toString())
              .text(c.migrated == Long.MAX_VALUE ? "" : Instant.ofEpochSecond(c.migrated).toString())
              .end();
        }
      });
    }

    PrintWriter stdout = spec.commandLine().getOut();
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "ingest telegram: %s in %s",
        count(activity.posts(), "message"), count(chats.size(), "chat")));
    if (activity.firstDay().isPresent()) {
      sb.append(" (").append(LocalDate.ofEpochDay(activity.firstDay().get())).append(" to ")
          .append(LocalDate.ofEpochDay(activity.lastDay().get())).append(", day 0 = ").append(LocalDate.ofEpochDay(day0))
          .append(')');
    }
    sb.append(String.format(Locale.ROOT, " from %d export%s -> %s", exports.size(), exports.size() == 1 ? "" : "s", out));
    if (pseudonyms != null) {
      sb.append(", pseudonymised");
    }
    if (reader.unsupported() > 0) {
      sb.append("; ").append(count(reader.unsupported(), "message")).append(" of other types not counted");
    }
    if (reader.skipped() > 0) {
      sb.append("; skipped ").append(count(reader.skipped(), "malformed message")).append(" (first: ")
          .append(reader.firstSkip().orElse("")).append(')');
    } else if (skipBad) {
      sb.append("; no malformed message");
    }
    plan.print(stdout, sb + System.lineSeparator());
    return Main.OK;
  }

  /** An optional date or zone option, parsed; a value that does not parse is exit 2 naming the option. */
  private static <T> Optional<T> parsed(String option, String value, Function<String, T> parse, String expected) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(value.strip()));
    } catch (DateTimeException e) { // DateTimeParseException and ZoneRulesException are DateTimeExceptions
      throw new IllegalArgumentException(option + ": expected " + expected + ", found '" + value + "'");
    }
  }

  /** Writes a CSV file into the staging folder (the plan moves the folder into place at its commit). */
  static void csv(Path file, List<String> header, CsvOutput.Body body) throws IOException {
    AtomicFiles.write(file, w -> CsvOutput.write(w, header, body));
  }

  static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  private static void day(CsvOutput w, DayCounts d, long day0) throws IOException {
    w.text(d.date().toString()).number(d.epochDay() - day0).number(d.posts()).number(d.organic()).number(d.forwarded())
        .number(d.outlinks()).number(d.tmeLinks()).number(d.authors());
    for (long v : d.linksByClass()) {
      w.number(v);
    }
    w.end();
  }
}
