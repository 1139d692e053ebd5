package org.channelrisk.cli;

import picocli.CommandLine.Option;

/**
 * The options of the tests that compare groups ({@code survival logrank}, {@code survival gray}): the
 * weight exponent and the strata. The groups themselves come from the input's {@code --group}, which
 * these tests require.
 */
final class GroupComparison {
  @Option(names = "--rho", defaultValue = "0",
      description = "Weight exponent: each time weighs (the pooled curve just before it)^rho, S for logrank and 1 - F for gray;"
          + " 0 log-rank, 1 Peto-Peto (default ${DEFAULT-VALUE}).")
  double rho;

  @Option(names = "--strata", paramLabel = "COL", description = "Column of strata: groups are compared within strata.")
  String strata;

  /**
   * @param command the command, for the message ("survival gray")
   * @param group the input's group column, or null
   * @throws IllegalArgumentException if there is no group column, or the strata are the groups (each
   *     stratum would then hold one group, and there is nothing to compare within it)
   */
  void requireGroups(String command, String group) {
    if (group == null) {
      throw new IllegalArgumentException(command + " needs --group COL: the groups to compare");
    }
    if (group.equals(strata)) {
      throw new IllegalArgumentException(command + ": --strata names the --group column '" + group
          + "'; groups are compared within strata, so the strata must be another column");
    }
  }
}
