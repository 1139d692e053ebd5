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
}
