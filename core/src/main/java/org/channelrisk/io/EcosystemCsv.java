package org.channelrisk.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.EnumNames;
import org.channelrisk.model.Account;
import org.channelrisk.model.AccountRole;
import org.channelrisk.model.Channel;
import org.channelrisk.model.ChannelRole;
import org.channelrisk.model.Cooperation;
import org.channelrisk.model.CooperationSchedule;
import org.channelrisk.model.Ecosystem;
import org.channelrisk.model.LatencyDistribution;
import org.channelrisk.model.Link;
import org.channelrisk.model.Platform;
import org.channelrisk.model.SecurityRating;

/**
 * An {@link Ecosystem} as a folder of CSV files, for sharing and for other tools:
 *
 * <ul>
 *   <li>{@code platforms.csv}: {@code id,name,user_base,security_rating}
 *   <li>{@code cooperation.csv}: {@code platform,from_day,compliance,latency,latency_p1,latency_p2,
 *       proactive_hazard,visibility_exponent}; {@code from_day} empty for the initial profile; latency
 *       {@code exponential} (p1 = mean days), {@code weibull} (p1 = shape, p2 = scale days) or
 *       {@code lognormal} (p1 = mu, p2 = sigma) or {@code fixed} (p1 = days)
 *   <li>{@code accounts.csv}: {@code id,platform,role,spare_accounts}
 *   <li>{@code channels.csv}: {@code id,platform,role,language,audience,created_at,generation,operator}
 *   <li>{@code links.csv}: {@code from,to}
 * </ul>
 *
 * <pre>{@code
 * EcosystemCsv.write(eco, Path.of("eco"));
 * Ecosystem back = EcosystemCsv.read(Path.of("eco"));   // equals eco
 * }</pre>
 *
 * <p>Every file is written atomically. Reading checks every reference and names the file and line of
 * the first one that does not resolve.
 */
public final class EcosystemCsv {
  /** The file names, in the order they are written. */
  public static final List<String> FILES =
      List.of("platforms.csv", "cooperation.csv", "accounts.csv", "channels.csv", "links.csv");

  private EcosystemCsv() {}

  /**
   * Writes the five files into {@code dir} (created if missing).
   *
   * @param eco the ecosystem
   * @param dir the folder
   * @throws IOException if writing fails
   */
  public static void write(Ecosystem eco, Path dir) throws IOException {
    Checks.notNull("eco", eco);
    Checks.notNull("dir", dir);
    Files.createDirectories(dir);
    CsvOutput.write(dir.resolve("platforms.csv"), List.of("id", "name", "user_base", "security_rating"), out -> {
      for (Platform p : eco.platforms().values()) {
        out.row().text(p.id()).text(p.name()).number(p.userBase()).text(p.securityRating().name()).end();
      }
    });
    CsvOutput.write(
        dir.resolve("cooperation.csv"),
        List.of("platform", "from_day", "compliance", "latency", "latency_p1", "latency_p2",
            "proactive_hazard", "visibility_exponent"),
        out -> {
          for (Platform p : eco.platforms().values()) {
            List<Cooperation> profiles = p.cooperation().profiles();
            List<Double> days = p.cooperation().changeDays();
            for (int i = 0; i < profiles.size(); i++) {
              Cooperation c = profiles.get(i);
              out.row().text(p.id()).number(i == 0 ? Double.NaN : days.get(i - 1)).number(c.compliance());
              writeLatency(out, c.latency());
              out.number(c.proactiveHazard()).number(c.visibilityExponent()).end();
            }
          }
        });
    CsvOutput.write(dir.resolve("accounts.csv"), List.of("id", "platform", "role", "spare_accounts"), out -> {
      for (Account a : eco.accounts().values()) {
        out.row().text(a.id()).text(a.platformId()).text(a.role().name()).number(a.spareAccounts()).end();
      }
    });
    CsvOutput.write(
        dir.resolve("channels.csv"),
        List.of("id", "platform", "role", "language", "audience", "created_at", "generation", "operator"),
        out -> {
          for (Channel c : eco.channels().values()) {
            out.row().text(c.id()).text(c.platformId()).text(c.role().name()).text(c.language())
                .number(c.audience()).number(c.createdAt()).number(c.generation()).text(c.operatorId()).end();
          }
        });
    CsvOutput.write(dir.resolve("links.csv"), List.of("from", "to"), out -> {
      for (Link l : eco.links()) {
        out.row().text(l.from()).text(l.to()).end();
      }
    });
  }

  private static void writeLatency(CsvOutput out, LatencyDistribution d) throws IOException {
    if (d instanceof LatencyDistribution.Exponential e) {
      out.text("exponential").number(e.meanDays()).number(Double.NaN);
    } else if (d instanceof LatencyDistribution.Weibull w) {
      out.text("weibull").number(w.shape()).number(w.scaleDays());
    } else if (d instanceof LatencyDistribution.LogNormal l) {
      out.text("lognormal").number(l.mu()).number(l.sigma());
    } else if (d instanceof LatencyDistribution.Fixed f) {
      out.text("fixed").number(f.days()).number(Double.NaN);
    } else {
      throw new IllegalStateException("unknown latency family " + d);
    }
  }

  /**
   * Reads the five files from {@code dir}.
   *
   * @param dir the folder
   * @return the ecosystem
   * @throws InvalidInputException naming the file, line and column of the first problem
   */
  public static Ecosystem read(Path dir) {
    Checks.notNull("dir", dir);
    for (String f : FILES) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw new InvalidInputException(dir.resolve(f).toString(), "no such file (an ecosystem folder has " + FILES + ")");
      }
    }
    Ecosystem.Builder eco = Ecosystem.builder();
    Map<String, CooperationSchedule> schedules = readCooperation(CsvTable.read(dir.resolve("cooperation.csv")));

    Set<String> platforms = readTable(dir.resolve("platforms.csv"), "platform", (t, r) -> {
      String id = t.cell(r, "id");
      CooperationSchedule s = schedules.get(id);
      if (s == null) {
        throw t.error(r, "id", "platform '" + id + "' has no initial row in cooperation.csv");
      }
      return new Platform(id, t.cell(r, "name"), wholeNumber(t, r, "user_base"),
          enumCell(t, r, "security_rating", SecurityRating.class), s);
    }, Platform::id, eco::platform);
    for (String id : schedules.keySet()) {
      if (!platforms.contains(id)) {
        throw new InvalidInputException("cooperation.csv", "platform '" + id + "' is not in platforms.csv");
      }
    }
    Set<String> accounts = readTable(dir.resolve("accounts.csv"), "account", (t, r) -> {
      String platform = known(t, r, "platform", platforms, "platform");
      return new Account(t.cell(r, "id"), platform, enumCell(t, r, "role", AccountRole.class),
          (int) wholeNumber(t, r, "spare_accounts"));
    }, Account::id, eco::account);
    Set<String> channels = readTable(dir.resolve("channels.csv"), "channel", (t, r) -> {
      String platform = known(t, r, "platform", platforms, "platform");
      String operator = known(t, r, "operator", accounts, "account");
      return new Channel(t.cell(r, "id"), platform, enumCell(t, r, "role", ChannelRole.class), t.cell(r, "language"),
          wholeNumber(t, r, "audience"), t.number(r, "created_at"), (int) wholeNumber(t, r, "generation"), operator);
    }, Channel::id, eco::channel);

    CsvTable lt = CsvTable.read(dir.resolve("links.csv"));
    Set<Link> links = new HashSet<>();
    for (int row = 0; row < lt.size(); row++) {
      final int r = row;
      for (String col : List.of("from", "to")) {
        known(lt, r, col, channels, "channel");
      }
      Link l = row(lt, r, () -> Link.of(lt.cell(r, "from"), lt.cell(r, "to")));
      if (!links.add(l)) {
        throw lt.error(r, null, "link " + l + " appears twice");
      }
      eco.link(l);
    }
    return eco.build();
  }

  /** Makes the value of one row of a table; the reader turns its validation errors into file errors. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(CsvTable t, int row);
  }

  /**
   * Reads a table whose rows have ids, in file order: each row's value, made by {@code reader} (whose
   * validation error is reported at the row's line), must have an id not seen before in the file.
   *
   * @return the ids read, for the tables that refer to them
   */
  private static <T> Set<String> readTable(Path file, String kind, RowReader<T> reader, Function<T, String> id,
      Consumer<T> sink) {
    CsvTable t = CsvTable.read(file);
    Set<String> ids = new HashSet<>();
    for (int row = 0; row < t.size(); row++) {
      final int r = row;
      T value = row(t, r, () -> reader.read(t, r));
      if (!ids.add(id.apply(value))) {
        throw t.error(r, "id", "duplicate " + kind + " id '" + id.apply(value) + "'");
      }
      sink.accept(value);
    }
    return ids;
  }

  /** The cell, which must be the id of a row read before (from this file or another). */
  private static String known(CsvTable t, int r, String column, Set<String> ids, String what) {
    String id = t.cell(r, column);
    if (!ids.contains(id)) {
      throw t.error(r, column, "unknown " + what + " '" + id + "'");
    }
    return id;
  }

  private static Map<String, CooperationSchedule> readCooperation(CsvTable t) {
    Map<String, CooperationSchedule.Builder> builders = new LinkedHashMap<>();
    for (int r = 0; r < t.size(); r++) {
      String platform = t.cell(r, "platform");
      String from = t.cell(r, "from_day");
      String family = t.cell(r, "latency").strip().toLowerCase(Locale.ROOT);
      int row = r;
      Cooperation c = row(t, r, () -> new Cooperation(
          t.number(row, "compliance"), latency(t, row, family), t.number(row, "proactive_hazard"),
          t.number(row, "visibility_exponent")));
      if (from.isBlank()) {
        if (builders.putIfAbsent(platform, CooperationSchedule.startingWith(c)) != null) {
          throw t.error(r, "from_day", "platform '" + platform + "' has two initial rows (empty from_day)");
        }
      } else {
        CooperationSchedule.Builder b = builders.get(platform);
        if (b == null) {
          throw t.error(r, "from_day", "platform '" + platform + "' needs its initial row (empty from_day) first");
        }
        double day = t.number(r, "from_day");
        row(t, r, () -> b.from(day, c));
      }
    }
    Map<String, CooperationSchedule> out = new HashMap<>();
    builders.forEach((k, b) -> out.put(k, b.build()));
    return out;
  }

  private static LatencyDistribution latency(CsvTable t, int r, String family) {
    switch (family) {
      case "exponential":
        return LatencyDistribution.exponential(t.number(r, "latency_p1"));
      case "weibull":
        return LatencyDistribution.weibull(t.number(r, "latency_p1"), t.number(r, "latency_p2"));
      case "lognormal":
        return LatencyDistribution.logNormal(t.number(r, "latency_p1"), t.number(r, "latency_p2"));
      case "fixed":
        return LatencyDistribution.fixed(t.number(r, "latency_p1"));
      default:
        throw t.error(r, "latency", "expected exponential, weibull, lognormal or fixed, found '" + family + "'");
    }
  }

  private static long wholeNumber(CsvTable t, int r, String col) {
    String s = t.cell(r, col).strip();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw t.error(r, col, "expected a whole number, found '" + s + "'");
    }
  }

  private static <E extends Enum<E>> E enumCell(CsvTable t, int r, String col, Class<E> type) {
    String s = t.cell(r, col);
    return EnumNames.find(type, s).orElseThrow(() -> t.error(r, col, "expected one of "
        + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList() + ", found '" + s.strip() + "'"));
  }

  /** Runs a constructor for row {@code r}, turning its validation error into one that names the line. */
  private static <T> T row(CsvTable t, int r, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (InvalidInputException e) {
      throw e;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException(t.source(), t.line(r), null, e.getMessage());
    }
  }
}
