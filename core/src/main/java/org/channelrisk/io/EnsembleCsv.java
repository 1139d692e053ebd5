package org.channelrisk.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.channelrisk.internal.Checks;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Observed;

/**
 * The CSV form of an ensemble: {@code time} and, per observable, {@code <name>_mean, _sd, _q05, _q25,
 * _q50, _q75, _q95} (the {@link EnsembleSummary#BAND_PROBABILITIES bands}, type-7 quantiles across
 * replicates). This is what {@code channelrisk simulate} writes and what {@code fit} and {@code impact}
 * read.
 *
 * <pre>{@code
 * EnsembleSummary s = Ensemble.of(Presets.actionDay2019(2_000, true)).replicates(50).seed(2019).threads(2).run();
 * EnsembleCsv.write(Path.of("nov2019.csv"), s);                  // atomically
 * EnsembleCsv.write(new OutputStreamWriter(System.out, UTF_8), s); // to standard output
 * }</pre>
 *
 * <p>A standard deviation of a single replicate is not available and is written as an empty cell.
 */
public final class EnsembleCsv {
  private EnsembleCsv() {}

  /**
   * @return the column names, in the order written
   */
  public static List<String> header() {
    List<String> header = new ArrayList<>();
    header.add("time");
    for (Observed o : Observed.values()) {
      header.add(o.key() + "_mean");
      header.add(o.key() + "_sd");
      for (double p : EnsembleSummary.BAND_PROBABILITIES) {
        header.add(String.format(Locale.ROOT, "%s_q%02d", o.key(), Math.round(p * 100)));
      }
    }
    return header;
  }

  /**
   * Writes the summary to a file atomically: nothing appears at {@code file} unless all of it was
   * written.
   *
   * @param file the target
   * @param summary the ensemble
   * @throws IOException if writing fails
   */
  public static void write(Path file, EnsembleSummary summary) throws IOException {
    Checks.notNull("file", file);
    Checks.notNull("summary", summary);
    AtomicFiles.write(file, w -> write(w, summary));
  }

  /**
   * Writes the summary to a writer; flushes it but does not close it.
   *
   * @param writer where to write (standard output, a string, a file)
   * @param summary the ensemble
   * @throws IOException if writing fails
   */
  public static void write(Writer writer, EnsembleSummary summary) throws IOException {
    Checks.notNull("writer", writer);
    Checks.notNull("summary", summary);
    List<double[]> cols = new ArrayList<>();
    double[] bands = EnsembleSummary.bandProbabilities();
    for (Observed o : Observed.values()) {
      cols.add(summary.mean(o));
      cols.add(summary.sd(o));
      for (double[] q : summary.quantiles(o, bands)) {
        cols.add(q);
      }
    }
    double[] times = summary.times();
    CsvOutput.write(writer, header(), out -> {
      for (int t = 0; t < times.length; t++) {
        out.row().number(times[t]);
        for (double[] c : cols) {
          out.number(c[t]);
        }
        out.end();
      }
    });
  }
}
