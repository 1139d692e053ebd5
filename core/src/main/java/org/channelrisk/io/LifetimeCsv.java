package org.channelrisk.io;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.channelrisk.survival.Lifetime;

/**
 * Lifetime tables in CSV: {@code id,time,event[,group][,entry]}. {@code event} is 1/0 or true/false;
 * {@code group} and {@code entry} are optional columns (entry: left-truncation time, default 0).
 * Further columns are ignored by this reader (the survival command reads named columns itself).
 *
 * <pre>{@code
 * List<Lifetime> rows = LifetimeCsv.read(Path.of("lifetimes.csv"));
 * LifetimeCsv.write(Path.of("copy.csv"), rows);
 * }</pre>
 */
public final class LifetimeCsv {
  private LifetimeCsv() {}

  /**
   * @param file a lifetime table
   * @return its rows in file order
   * @throws InvalidInputException naming file, line and column of the first bad cell
   */
  public static List<Lifetime> read(Path file) {
    CsvTable t = CsvTable.read(file);
    String[] ids = t.strings("id");
    double[] time = t.nonNegativeDoubles("time");
    boolean[] event = t.statuses("event");
    String[] group = t.hasColumn("group") ? t.strings("group") : null;
    double[] entry = t.hasColumn("entry") ? t.nonNegativeDoubles("entry") : null;
    List<Lifetime> out = new ArrayList<>(t.size());
    for (int r = 0; r < t.size(); r++) {
      double e = entry == null ? 0.0 : entry[r];
      if (e > 0 && e >= time[r]) {
        throw t.error(r, "entry", "entry " + t.cell(r, "entry") + " is not before the time " + t.cell(r, "time")
            + " (a row that enters at or after its end is never at risk)");
      }
      out.add(new Lifetime(ids[r], time[r], event[r], group == null ? "" : group[r], e));
    }
    return ImmutableList.copyOf(out);
  }

  /**
   * Writes {@code id,time,event,group,entry} atomically: nothing appears at {@code file} unless all of
   * it was written.
   *
   * @param file the target
   * @param rows the rows
   * @throws IOException if writing fails (the target is then unchanged)
   */
  public static void write(Path file, List<Lifetime> rows) throws IOException {
    AtomicFiles.write(file, w -> write(w, rows));
  }

  /**
   * Writes {@code id,time,event,group,entry} to a writer (standard output, a string); flushes it but
   * does not close it.
   *
   * @param writer where to write
   * @param rows the rows
   * @throws IOException if writing fails
   */
  public static void write(Writer writer, List<Lifetime> rows) throws IOException {
    CsvOutput.write(writer, List.of("id", "time", "event", "group", "entry"), out -> {
      for (Lifetime l : rows) {
        out.row().text(l.id()).number(l.time()).number(l.event() ? 1L : 0L).text(l.group()).number(l.entry()).end();
      }
    });
  }
}
