package org.channelrisk.cli;

import java.util.List;
import org.channelrisk.io.CsvTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --covariates A,B}: the numeric columns of the input that a regression ({@code survival cox},
 * {@code survival finegray}) takes as its covariates, in the order given; and how such a regression
 * ends, {@link #exitCode}.
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

  /**
   * How a regression ends once its estimates are written: a status that qualifies them (no
   * convergence, a monotone likelihood) is said on standard error too, whatever the format, since the
   * estimates are printed either way (with converged: false); the exit code tells scripts whether the
   * fit converged (README, exit codes).
   *
   * @param spec the command
   * @param converged whether the fit converged
   * @param monotoneLikelihood whether the likelihood levels off while a coefficient grows without bound
   * @param status the fit's status, said in the warning
   * @return {@link Main#OK}, or {@link Main#NOT_CONVERGED} if the fit did not converge
   */
  static int exitCode(CommandSpec spec, boolean converged, boolean monotoneLikelihood, String status) {
    if (monotoneLikelihood || !converged) {
      spec.commandLine().getErr().println("channelrisk: warning: " + status);
      spec.commandLine().getErr().flush();
    }
    return converged ? Main.OK : Main.NOT_CONVERGED;
  }
}
