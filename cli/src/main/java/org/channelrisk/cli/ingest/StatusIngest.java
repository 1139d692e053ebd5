package org.channelrisk.cli.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.channelrisk.cli.Main;
import org.channelrisk.cli.OutputPlan;
import org.channelrisk.io.CsvOutput;
import org.channelrisk.io.CsvTable;
import org.channelrisk.io.IsoTime;
import org.channelrisk.io.Pseudonymizer;
import org.channelrisk.observe.ChannelStatus;
import org.channelrisk.observe.Ending;
import org.channelrisk.observe.Incarnation;
import org.channelrisk.observe.StatusHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ingest status}: a channel monitoring log to one lifetime row per channel incarnation. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Read a monitoring log (columns channel, checked_at, status: alive, removed, private or unknown; times as ISO"
            + " instants or day numbers, in time order for each channel) into one row per channel incarnation.",
        "Columns: channel, incarnation, start (first alive check), end (midpoint between the last alive check and the"
            + " first removed or private check; the last alive check when censored), status (removed, private or"
            + " censored), time (end - start, in days), event (1, or 0 when censored), end_lower and end_upper (the"
            + " interval that holds the end; end_upper empty when censored).",
        "For Kaplan-Meier: survival km --time time --event event. For causes: --event status, censoring label censored."})
final class StatusIngest implements Callable<Integer> {
  static final List<String> COLUMNS =
      List.of("channel", "incarnation", "start", "end", "status", "time", "event", "end_lower", "end_upper");
  static final double SECONDS_PER_DAY = 86_400.0;

  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "The monitoring log (CSV).")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The lifetime table to write (CSV).")
  Path out;

  @Option(names = {"--pseudonymize", "--pseudonymize-key"}, paramLabel = "KEYFILE",
      description = "Replace channel names by keyed pseudonyms (HMAC-SHA-256 under the key in this file).")
  Path key;

  @Override
  public Integer call() throws IOException {
    try (OutputPlan plan = OutputPlan.of(spec)) {
      // checked before the log is read; written only when every row was good
      OutputPlan.Target file = plan.file("--out", out, "csv");
      int code = ingest(plan, file);
      plan.commit();
      return code;
    }
  }

  private int ingest(OutputPlan plan, OutputPlan.Target file) throws IOException {
    Pseudonymizer pseudonyms = key == null ? null : Pseudonymizer.fromKeyFile(key);
    CsvTable t = CsvTable.read(input);
    String[] channel = t.strings("channel");
    String[] when = t.strings("checked_at");
    String[] status = t.strings("status");
    StatusHistory h = new StatusHistory();
    Boolean instants = null;
    Map<String, Integer> lastRow = new HashMap<>();
    double[] times = new double[t.size()];
    for (int r = 0; r < t.size(); r++) {
      if (channel[r].isBlank()) {
        throw t.error(r, "channel", "expected a channel name, found an empty cell");
      }
      ChannelStatus s;
      try {
        s = ChannelStatus.parse(status[r]);
      } catch (IllegalArgumentException e) {
        throw t.error(r, "status", e.getMessage());
      }
      double time;
      boolean instant;
      try {
        time = CsvTable.decimal(when[r]); // the tables' notation: not Java's 0x1p3 or 1d
        instant = false;
        if (!Double.isFinite(time)) {
          throw t.error(r, "checked_at", "expected a finite number of days or an ISO instant, found '" + when[r] + "'");
        }
      } catch (NumberFormatException e) {
        time = seconds(t, r, when[r]);
        instant = true;
      }
      if (instants == null) {
        instants = instant;
      } else if (instants != instant) {
        throw t.error(r, "checked_at", "expected " + (instants ? "an ISO instant" : "a number of days")
            + " as in the first row, found '" + when[r] + "'");
      }
      String name = pseudonyms == null ? channel[r] : pseudonyms.pseudonym(channel[r]);
      Integer prev = lastRow.get(name);
      if (prev != null && !(time > times[prev])) {
        throw t.error(r, "checked_at", "checks of channel " + channel[r] + " must be in time order: '" + when[r]
            + "' is not after '" + when[prev] + "' on line " + t.line(prev));
      }
      lastRow.put(name, r);
      times[r] = time;
      try {
        h.check(name, time, s);
      } catch (IllegalArgumentException e) {
        throw t.error(r, "checked_at", e.getMessage());
      }
    }
    boolean asInstants = Boolean.TRUE.equals(instants);
    List<Incarnation> rows;
    try {
      rows = h.incarnations();
    } catch (IllegalArgumentException e) { // a channel alive from the first check to the last, too long ago
      throw new org.channelrisk.io.InvalidInputException(t.source(), e.getMessage());
    }
    plan.write(file, writer -> CsvOutput.write(writer, COLUMNS, w -> {
      for (Incarnation i : rows) {
        w.row().text(i.channel()).number((long) i.number());
        time(w, i.start(), asInstants);
        time(w, i.end(), asInstants);
        w.text(i.ending().label()).number(asInstants ? i.duration() / SECONDS_PER_DAY : i.duration())
            .number(i.ending().isEvent() ? 1L : 0L);
        time(w, i.endLower(), asInstants);
        if (i.endUpper().isPresent()) {
          time(w, i.endUpper().getAsDouble(), asInstants);
        } else {
          w.text("");
        }
        w.end();
      }
    }));
    long removed = rows.stream().filter(i -> i.ending() == Ending.REMOVED).count();
    long priv = rows.stream().filter(i -> i.ending() == Ending.PRIVATE).count();
    PrintWriter stdout = spec.commandLine().getOut();
    plan.print(stdout, String.format(Locale.ROOT,
        "ingest status: %,d checks of %,d channels -> %,d incarnations (%,d removed, %,d private, %,d censored)%s -> %s",
        t.size(), h.channels(), rows.size(), removed, priv, rows.size() - removed - priv,
        h.channelsNeverAlive() == 0 ? "" : "; " + TelegramIngest.count(h.channelsNeverAlive(), "channel")
            + " never seen alive (no row)", out) + System.lineSeparator());
    return Main.OK;
  }

  private static void time(CsvOutput w, double v, boolean instant) throws IOException {
    if (instant) {
      long s = (long) Math.floor(v);
      long nanos = Math.round((v - s) * 1e9);
      w.text(Instant.ofEpochSecond(s, nanos).toString());
    } else {
      w.number(v);
    }
  }

  private static double seconds(CsvTable t, int r, String cell) {
    Instant i = IsoTime.parse(cell).orElseThrow(() -> t.error(r, "checked_at",
        "expected an ISO instant (2019-11-21T10:00:00Z) or a number of days, found '" + cell + "'"));
    return i.getEpochSecond() + i.getNano() * 1e-9;
  }
}
