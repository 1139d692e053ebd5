package org.channelrisk.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.channelrisk.internal.Checks;

/**
 * Writes a CSV file atomically with {@link AtomicFiles}: text cells pass through {@link FormulaGuard},
 * numbers are written in full precision ({@code Double.toString}, which reads back to the same double).
 *
 * <pre>{@code
 * CsvOutput.write(Path.of("out.csv"), List.of("id", "value"), rows -> {
 *   rows.row().text("a").number(1.5).end();
 * });
 * }</pre>
 */
public final class CsvOutput {
  private final CSVPrinter printer;

  private CsvOutput(CSVPrinter printer) {
    this.printer = printer;
  }

  /** What writes the rows. */
  @FunctionalInterface
  public interface Body {
    /**
     * @param out where to write rows
     * @throws IOException if writing fails
     */
    void write(CsvOutput out) throws IOException;
  }

  /**
   * Writes a header and the rows from {@code body}; nothing appears at {@code target} unless all of
   * it was written.
   *
   * @param target the file
   * @param header column names
   * @param body writes the rows
   * @throws IOException if writing fails
   */
  public static void write(Path target, List<String> header, Body body) throws IOException {
    Checks.notNull("target", target);
    Checks.notNull("header", header);
    Checks.notNull("body", body);
    AtomicFiles.write(target, w -> write(w, header, body));
  }

  /**
   * Writes a header and the rows to a writer (standard output, say); flushes it but does not close it.
   *
   * @param writer where to write
   * @param header column names
   * @param body writes the rows
   * @throws IOException if writing fails
   */
  public static void write(java.io.Writer writer, List<String> header, Body body) throws IOException {
    Checks.notNull("writer", writer);
    Checks.notNull("header", header);
    Checks.notNull("body", body);
    CSVPrinter p = new CSVPrinter(writer, CsvTable.FORMAT);
    for (String h : header) {
      p.print(FormulaGuard.escape(h));
    }
    p.println();
    body.write(new CsvOutput(p));
    p.flush();
  }

  /**
   * Starts a row; end it with {@link #end()}.
   *
   * @return this
   */
  public CsvOutput row() {
    return this;
  }

  /**
   * @param s a text cell (escaped against formulas)
   * @return this
   * @throws IOException if writing fails
   */
  public CsvOutput text(String s) throws IOException {
    printer.print(FormulaGuard.escape(s));
    return this;
  }

  /**
   * @param v a number; NaN and the infinities are written as an empty cell (not available), as JSON
   *     outputs write null: the readers take only finite numbers and empty cells
   * @return this
   * @throws IOException if writing fails
   */
  public CsvOutput number(double v) throws IOException {
    printer.print(Double.isFinite(v) ? Double.toString(v) : "");
    return this;
  }

  /**
   * @param v an integer
   * @return this
   * @throws IOException if writing fails
   */
  public CsvOutput number(long v) throws IOException {
    printer.print(Long.toString(v));
    return this;
  }

  /**
   * Ends the row.
   *
   * @throws IOException if writing fails
   */
  public void end() throws IOException {
    printer.println();
  }
}
