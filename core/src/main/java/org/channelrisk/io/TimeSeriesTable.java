package org.channelrisk.io;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.channelrisk.internal.Checks;

/**
 * Time series on a shared time axis, as in a CSV file {@code t,value[,...]}: the first column is the
 * time (strictly increasing), every other column a series. An empty cell is a missing value (NaN).
 *
 * <pre>{@code
 * TimeSeriesTable s = TimeSeriesTable.of(new double[] {0, 1, 2}, Map.of("active", new double[] {90, 40, 55}));
 * s.write(Path.of("active.csv"));
 * TimeSeriesTable back = TimeSeriesTable.read(Path.of("active.csv"));
 * back.series("active");   // [90.0, 40.0, 55.0]
 * }</pre>
 *
 * <p>Immutable: arrays are copied in and out. What {@link #of} accepts, {@link #write} writes and
 * {@link #read} reads back equal: values are finite or NaN (missing), never infinite.
 */
public final class TimeSeriesTable {
  private final String timeName;
  private final double[] times;
  private final LinkedHashMap<String, double[]> series;

  private TimeSeriesTable(String timeName, double[] times, LinkedHashMap<String, double[]> series) {
    this.timeName = timeName;
    this.times = times;
    this.series = series;
  }

  /**
   * Series with time column "t".
   *
   * @param times strictly increasing finite times
   * @param series named series, each as long as {@code times}, values finite or NaN (missing)
   * @return the table
   * @throws IllegalArgumentException if times are not strictly increasing, lengths differ or a value is
   *     infinite
   */
  public static TimeSeriesTable of(double[] times, Map<String, double[]> series) {
    return of("t", times, series);
  }

  /**
   * Series with a named time column.
   *
   * @param timeName name of the time column, not empty
   * @param times strictly increasing finite times
   * @param series named series, each as long as {@code times}, in the order to write them, values
   *     finite or NaN (missing)
   * @return the table
   * @throws IllegalArgumentException if the time column's name is empty, times are not strictly
   *     increasing, lengths differ or a value is infinite
   */
  public static TimeSeriesTable of(String timeName, double[] times, Map<String, double[]> series) {
    Checks.notNull("timeName", timeName);
    Checks.notNull("times", times);
    Checks.notNull("series", series);
    if (timeName.isEmpty()) {
      // read() finds the time column by a non-empty first header cell
      throw new IllegalArgumentException("timeName must not be empty");
    }
    for (int i = 0; i < times.length; i++) {
      if (!Double.isFinite(times[i])) {
        throw new IllegalArgumentException("time " + i + " must be finite: " + times[i]);
      }
      if (i > 0 && !(times[i] > times[i - 1])) {
        throw new IllegalArgumentException(
            "times must strictly increase: " + times[i] + " at index " + i + " follows " + times[i - 1]);
      }
    }
    LinkedHashMap<String, double[]> copy = new LinkedHashMap<>();
    series.forEach((name, v) -> {
      Checks.notNull("series name", name);
      Checks.notNull("series '" + name + "'", v);
      if (name.equals(timeName)) {
        throw new IllegalArgumentException("series name '" + name + "' is the time column's name");
      }
      if (v.length != times.length) {
        throw new IllegalArgumentException(
            "series '" + name + "' has " + v.length + " values for " + times.length + " times");
      }
      for (int i = 0; i < v.length; i++) {
        // NaN is written as an empty cell and read back as missing; an infinity would be written but not read back
        if (Double.isInfinite(v[i])) {
          throw new IllegalArgumentException(
              "series '" + name + "' value " + i + " must be finite or NaN (missing): " + v[i]);
        }
      }
      copy.put(name, v.clone());
    });
    return new TimeSeriesTable(timeName, times.clone(), copy);
  }

  /**
   * Reads a CSV file whose first column is the time.
   *
   * @param file the file
   * @return the table
   * @throws InvalidInputException naming the line and column of the first bad cell
   */
  public static TimeSeriesTable read(Path file) {
    CsvTable t = CsvTable.read(file);
    if (t.header().isEmpty() || t.header().get(0).isEmpty()) {
      throw new InvalidInputException(t.source(), 1, null, "expected a header starting with the time column");
    }
    String timeName = t.header().get(0);
    double[] times = t.doubles(timeName);
    for (int r = 1; r < times.length; r++) {
      if (!(times[r] > times[r - 1])) {
        throw t.error(r, timeName, "times must strictly increase: " + times[r] + " follows " + times[r - 1]);
      }
    }
    LinkedHashMap<String, double[]> series = new LinkedHashMap<>();
    for (int c = 1; c < t.header().size(); c++) {
      String name = t.header().get(c);
      double[] v = new double[t.size()];
      for (int r = 0; r < v.length; r++) {
        v[r] = t.cell(r, c).isBlank() ? Double.NaN : t.number(r, name);
      }
      series.put(name, v);
    }
    return new TimeSeriesTable(timeName, times, series);
  }

  /**
   * Writes the table atomically; NaN values become empty cells.
   *
   * @param file the target
   * @throws IOException if writing fails (the target is then unchanged)
   */
  public void write(Path file) throws IOException {
    AtomicFiles.write(file, this::write);
  }

  /**
   * Writes the table to a writer (standard output, a string); NaN values become empty cells; flushes
   * the writer but does not close it.
   *
   * @param writer where to write
   * @throws IOException if writing fails
   */
  public void write(Writer writer) throws IOException {
    List<String> header = ImmutableList.<String>builder().add(timeName).addAll(series.keySet()).build();
    List<double[]> cols = List.copyOf(series.values());
    CsvOutput.write(writer, header, out -> {
      for (int i = 0; i < times.length; i++) {
        out.row().number(times[i]);
        for (double[] c : cols) {
          out.number(c[i]);
        }
        out.end();
      }
    });
  }

  /** @return the time column's name */
  public String timeName() {
    return timeName;
  }

  /** @return a copy of the times */
  public double[] times() {
    return times.clone();
  }

  /** @return the series names in column order */
  public List<String> names() {
    return List.copyOf(series.keySet());
  }

  /**
   * @param name a series name
   * @return a copy of its values
   * @throws IllegalArgumentException if there is no such series
   */
  public double[] series(String name) {
    double[] v = series.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no series '" + name + "'; the table has " + series.keySet());
    }
    return v.clone();
  }

  /** @return the number of time points */
  public int size() {
    return times.length;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TimeSeriesTable other)
        || !timeName.equals(other.timeName)
        || !Arrays.equals(times, other.times)
        || !series.keySet().equals(other.series.keySet())) {
      return false;
    }
    for (Map.Entry<String, double[]> e : series.entrySet()) {
      if (!Arrays.equals(e.getValue(), other.series.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return timeName.hashCode() * 31 + Arrays.hashCode(times);
  }

  @Override
  public String toString() {
    return "TimeSeriesTable[" + times.length + " times"
        + (times.length > 0 ? " from " + times[0] + " to " + times[times.length - 1] : "")
        + ", series " + series.keySet() + "]";
  }
}
