package org.channelrisk.io;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.EnumNames;
import org.channelrisk.model.Referral;
import org.channelrisk.model.ReferralOutcome;

/**
 * Referral logs in CSV: {@code id,platform,sent_at,outcome,decided_at}, with an optional
 * {@code target} column (the referred channel or item; the referral id when absent).
 *
 * <ul>
 *   <li>times are numbers of days, or ISO-8601 instants ({@code 2019-11-21T09:30:00Z}, with an offset,
 *       or a date {@code 2019-11-21} meaning midnight UTC), converted to days since an origin
 *       (default {@link #DEFAULT_ORIGIN}, 1970-01-01T00:00Z);
 *   <li>{@code outcome} is {@code removed}, {@code declined} or {@code pending} (any case);
 *   <li>{@code decided_at} is empty exactly when the outcome is pending.
 * </ul>
 *
 * <pre>{@code
 * List<Referral> log = ReferralLogCsv.read(Path.of("referrals.csv"));
 * ReferralLogCsv.write(Path.of("copy.csv"), log);   // times written as days
 * }</pre>
 */
public final class ReferralLogCsv {
  /** The origin of the day scale when instants are read: the Unix epoch. */
  public static final Instant DEFAULT_ORIGIN = Instant.EPOCH;

  private static final double SECONDS_PER_DAY = 86_400.0;

  private ReferralLogCsv() {}

  /**
   * Reads a log with times as days since {@link #DEFAULT_ORIGIN}.
   *
   * @param file the log
   * @return the referrals in file order
   * @throws InvalidInputException naming file, line and column of the first bad cell
   */
  public static List<Referral> read(Path file) {
    return read(file, DEFAULT_ORIGIN);
  }

  /**
   * Reads a log.
   *
   * @param file the log
   * @param origin the instant that is day 0 (for cells given as instants)
   * @return the referrals in file order
   * @throws InvalidInputException naming file, line and column of the first bad cell
   */
  public static List<Referral> read(Path file, Instant origin) {
    Checks.notNull("file", file);
    Checks.notNull("origin", origin);
    CsvTable t = CsvTable.read(file);
    String[] ids = t.strings("id");
    String[] platforms = t.strings("platform");
    int sentCol = t.columnIndex("sent_at");
    int outcomeCol = t.columnIndex("outcome");
    int decidedCol = t.columnIndex("decided_at");
    String[] targets = t.hasColumn("target") ? t.strings("target") : ids;
    List<Referral> out = new ArrayList<>(t.size());
    for (int r = 0; r < t.size(); r++) {
      double sent = time(t, r, sentCol, "sent_at", origin);
      ReferralOutcome outcome = outcome(t, r, t.cell(r, outcomeCol));
      String decidedCell = t.cell(r, decidedCol);
      OptionalDouble decided = OptionalDouble.empty();
      if (outcome == ReferralOutcome.PENDING) {
        if (!decidedCell.isBlank()) {
          throw t.error(r, "decided_at", "expected an empty cell for a pending referral, found '" + decidedCell + "'");
        }
      } else {
        if (decidedCell.isBlank()) {
          throw t.error(r, "decided_at", "expected a time for outcome " + outcome + ", found an empty cell");
        }
        double d = time(t, r, decidedCol, "decided_at", origin);
        if (d < sent) {
          throw t.error(r, "decided_at", "the decision (" + decidedCell + ") is before sent_at (" + t.cell(r, sentCol) + ")");
        }
        decided = OptionalDouble.of(d);
      }
      try {
        out.add(new Referral(ids[r], targets[r], platforms[r], sent, outcome, decided));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new InvalidInputException(t.source(), t.line(r), null, e.getMessage());
      }
    }
    return ImmutableList.copyOf(out);
  }

  /**
   * Writes {@code id,platform,sent_at,outcome,decided_at,target} atomically, times as days: nothing
   * appears at {@code file} unless all of it was written.
   *
   * @param file the target
   * @param log the referrals
   * @throws IOException if writing fails (the target is then unchanged)
   */
  public static void write(Path file, List<Referral> log) throws IOException {
    Checks.notNull("file", file);
    Checks.notNull("log", log);
    AtomicFiles.write(file, w -> write(w, log));
  }

  /**
   * Writes {@code id,platform,sent_at,outcome,decided_at,target}, times as days, to a writer; flushes
   * it but does not close it.
   *
   * @param writer where to write (standard output, a string)
   * @param log the referrals
   * @throws IOException if writing fails
   */
  public static void write(Writer writer, List<Referral> log) throws IOException {
    Checks.notNull("writer", writer);
    Checks.notNull("log", log);
    CsvOutput.write(writer, List.of("id", "platform", "sent_at", "outcome", "decided_at", "target"), out -> {
      for (Referral r : log) {
        out.row().text(r.id()).text(r.platformId()).number(r.sentAt())
            .text(EnumNames.of(r.outcome()))
            .number(r.decidedAt().orElse(Double.NaN))
            .text(r.target())
            .end();
      }
    });
  }

  private static ReferralOutcome outcome(CsvTable t, int r, String cell) {
    return EnumNames.find(ReferralOutcome.class, cell)
        .orElseThrow(() -> t.error(r, "outcome", "expected removed, declined or pending, found '" + cell + "'"));
  }

  /**
   * Parses a time cell: a number of days (in the notation {@link CsvTable} reads), or an ISO-8601
   * instant, offset date-time or date.
   *
   * @param cell the text
   * @param origin day 0
   * @return days since origin
   * @throws IllegalArgumentException if the text is none of these
   */
  public static double parseTime(String cell, Instant origin) {
    Checks.notNull("cell", cell);
    Checks.notNull("origin", origin);
    String s = cell.strip();
    try {
      double v = CsvTable.decimal(s);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // not a number: try the date formats below
    }
    Instant instant = IsoTime.parse(s).orElseThrow(
        () -> new IllegalArgumentException("expected an ISO-8601 instant or a number of days, found '" + cell + "'"));
    Duration d = Duration.between(origin, instant);
    return (d.getSeconds() + d.getNano() * 1e-9) / SECONDS_PER_DAY;
  }

  private static double time(CsvTable t, int r, int col, String name, Instant origin) {
    try {
      return parseTime(t.cell(r, col), origin);
    } catch (IllegalArgumentException e) {
      throw t.error(r, name, e.getMessage());
    }
  }
}
