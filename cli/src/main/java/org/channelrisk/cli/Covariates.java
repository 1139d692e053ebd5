package org.channelrisk.cli;

import java.util.List;
import org.channelrisk.io.CsvTable;
import picocli.CommandLine.Option;

/**
 * {@code --covariates A,B}: the numeric columns of the input that a regression ({@code survival cox},
 * {@code survival finegray}) takes as its covariates, in the order given.
 */
final class Covariates {
  @Option(names = "--covariates", required = true, split = ",", paramLabel = "A,B", description = "Numeric covariate columns.")
  List<String> names;

  /**
   * @param table the input
   * @return the design matrix: one row per data row, one column per covariate
   * @throws org.channelrisk.io.InvalidInputException naming the row and column of a cell that is not a number
   */
  double[][] matrix(CsvTable table) {
    return table.doubles(names);
  }
}
