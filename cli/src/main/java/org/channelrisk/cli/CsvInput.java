package org.channelrisk.cli;

import java.nio.file.Path;
import org.channelrisk.io.CsvTable;
import org.channelrisk.io.InvalidInputException;
import picocli.CommandLine.Option;

/**
 * {@code --input FILE}: the CSV file a command reads its data from ({@code fit}, and through
 * {@link LifetimeColumns} the survival commands). After a read, {@link #table} holds the file, for
 * messages that name a row and column.
 */
class CsvInput {
  @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV file with a header line.")
  Path input;

  /** The file, once read. */
  CsvTable table;

  /**
   * @return the file
   * @throws InvalidInputException if it cannot be read as CSV with a header line
   */
  CsvTable readTable() {
    table = CsvTable.read(input);
    return table;
  }

  /**
   * @param work what the rows are for, in the message ("fit": "... nothing to fit")
   * @return the file, with at least one data row
   * @throws InvalidInputException if it cannot be read, or has no rows after the header
   */
  CsvTable readRows(String work) {
    readTable();
    if (table.size() == 0) {
      throw new InvalidInputException(table.source(), "no data rows after the header: nothing to " + work);
    }
    return table;
  }
}
