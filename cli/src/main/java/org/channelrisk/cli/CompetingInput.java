package org.channelrisk.cli;

import java.util.LinkedHashSet;
import java.util.Set;
import org.channelrisk.io.InvalidInputException;
import org.channelrisk.survival.CompetingRisksData;
import picocli.CommandLine.Option;

/**
 * The input options of the competing-risks commands ({@code survival cif}, {@code gray},
 * {@code finegray}): a CSV file, its time column and a status column that holds a cause name or the
 * censoring label. Every cell is checked before any work starts.
 */
final class CompetingInput extends LifetimeColumns {
  /** The default censoring label; {@value #CENSORED} is accepted as well. */
  static final String DEFAULT_CENSORED = "0";
  /** Always read as censored. */
  static final String CENSORED = "censored";

  @Option(names = "--event", required = true, paramLabel = "COL",
      description = "Column of statuses: the cause that ended the lifetime, or the censoring label.")
  String event;

  @Option(names = "--censored", paramLabel = "LABEL",
      description = "The status meaning censored (default " + DEFAULT_CENSORED + "; '" + CENSORED + "' is always accepted).")
  String censored;

  @Option(names = "--entry", paramLabel = "COL", description = "Column of entry times (left truncation): before the time.")
  String entry;

  @Option(names = "--start", paramLabel = "COL",
      description = "Column of start times: durations are TIME - START (e.g. --time end --start start for simulate --lifetimes).")
  String start;

  /** @return the censoring labels in use */
  Set<String> censoringLabels() {
    Set<String> s = new LinkedHashSet<>();
    s.add(censored == null ? DEFAULT_CENSORED : censored);
    s.add(CENSORED);
    return s;
  }

  CompetingRisksData read() {
    readTable();
    if (start != null && entry != null) {
      throw new IllegalArgumentException("--start and --entry cannot be combined: give durations with --start, or"
          + " calendar times with --entry");
    }
    double[] t = table.nonNegativeDoubles(time);
    if (start != null) {
      double[] s0 = table.nonNegativeDoubles(start);
      for (int r = 0; r < t.length; r++) {
        if (!(s0[r] <= t[r])) {
          throw table.error(r, start, "start " + table.cell(r, start) + " is after the time " + table.cell(r, time));
        }
        t[r] = t[r] - s0[r];
      }
    }
    String[] status = table.strings(event);
    for (int r = 0; r < status.length; r++) {
      if (status[r].isBlank()) {
        throw table.error(r, event, "expected a cause or the censoring label, found an empty cell");
      }
    }
    if (censored != null && !java.util.Arrays.asList(status).contains(censored)) {
      throw new InvalidInputException(table.source(), 1, event, "the censoring label '" + censored
          + "' (--censored) does not occur in the column");
    }
    CompetingRisksData d = CompetingRisksData.of(t, status, censoringLabels());
    if (group != null) {
      d = d.withGroups(groups());
    }
    if (entry != null) {
      double[] en = table.nonNegativeDoubles(entry);
      for (int r = 0; r < en.length; r++) {
        if (!(en[r] < t[r])) {
          throw table.error(r, entry, "entry " + table.cell(r, entry) + " is not before the time " + table.cell(r, time));
        }
      }
      d = d.withEntry(en);
    }
    return d;
  }

  /**
   * The code of a cause named on the command line.
   *
   * @throws InvalidInputException naming the status column when no row ends by that cause
   */
  String checkCause(CompetingRisksData d, String option, String cause) {
    if (!d.causes().contains(cause)) {
      throw new InvalidInputException(table.source(), 1, event, "the cause '" + cause + "' (" + option
          + ") never occurs in the column; the causes are " + d.causes());
    }
    return cause;
  }
}
