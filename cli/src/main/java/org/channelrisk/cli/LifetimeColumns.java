package org.channelrisk.cli;

import picocli.CommandLine.Option;

/**
 * The columns of lifetimes in the {@code --input} file that every survival command reads the same
 * way: {@code --time}, and the optional {@code --group}. The status column differs
 * ({@link SurvivalInput}: event or censored; {@link CompetingInput}: the cause), and so do the checks
 * of {@code --entry}.
 */
abstract class LifetimeColumns extends CsvInput {
  @Option(names = "--time", required = true, paramLabel = "COL", description = "Column of times (finite, >= 0).")
  String time;

  @Option(names = "--group", paramLabel = "COL", description = "Column of group labels.")
  String group;

  /**
   * @return the {@code --group} column's labels, read after the rows
   * @throws org.channelrisk.io.InvalidInputException at the first empty cell (line and column): a group
   *     with no name would read as the pooled rows in every table
   */
  String[] groups() {
    String[] g = table.strings(group);
    for (int r = 0; r < g.length; r++) {
      if (g[r].isBlank()) {
        throw table.error(r, group, "expected a group label, found an empty cell (a group with no name)");
      }
    }
    return g;
  }
}
