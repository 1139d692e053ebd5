package org.channelrisk.cli;

/**
 * Checks of option values that several commands make, with one wording: each names the option, the
 * bound and the value given ({@code --replicates must be >= 1: 0}), and throws an
 * {@link IllegalArgumentException}, which the command line reports in one line with exit code 2,
 * before any work starts.
 */
final class OptionChecks {
  private OptionChecks() {}

  /**
   * @param option the option's name ({@code --replicates})
   * @param value its value
   * @param min the smallest value allowed
   * @throws IllegalArgumentException "{@code option} must be >= {@code min}: {@code value}" if value is smaller
   */
  static void atLeast(String option, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(option + " must be >= " + min + ": " + value);
    }
  }

  /**
   * @param option the option's name ({@code --bootstrap})
   * @param value its value
   * @param min the smallest value allowed
   * @param why a note on the bound, printed in parentheses after it ("0: delta-method intervals")
   * @throws IllegalArgumentException "{@code option} must be >= {@code min} ({@code why}): {@code value}" if value is
   *     smaller
   */
  static void atLeast(String option, long value, long min, String why) {
    if (value < min) {
      throw new IllegalArgumentException(option + " must be >= " + min + " (" + why + "): " + value);
    }
  }

  /**
   * @param option the option's name ({@code --level})
   * @param value its value, a level or probability
   * @throws IllegalArgumentException "{@code option} must be in (0, 1): {@code value}" unless 0 &lt; value &lt; 1
   */
  static void inOpenUnitInterval(String option, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(option + " must be in (0, 1): " + value);
    }
  }

  /**
   * Refuses, before any work, a network too large for this JVM's heap (an ecosystem takes about {@link
   * EcosystemCommand.Generate#BYTES_PER_CHANNEL} bytes per channel), rather than running out of memory
   * minutes later.
   *
   * @param option the option's name ({@code --channels})
   * @param channels the number of channels asked for
   * @throws IllegalArgumentException "{@code option} N needs about ... GB of memory; ..." if it does not fit
   */
  static void fitsInMemory(String option, long channels) {
    String problem = EcosystemCommand.Generate.memoryProblem(channels);
    if (problem != null) {
      throw new IllegalArgumentException(option + " " + problem);
    }
  }

  /**
   * @param option the option's name ({@code --mean-out-degree})
   * @param value its value
   * @param min the smallest value allowed
   * @throws IllegalArgumentException "{@code option} must be a finite number >= {@code min}: {@code value}" otherwise
   */
  static void finiteAtLeast(String option, double value, double min) {
    if (!(Double.isFinite(value) && value >= min)) {
      throw new IllegalArgumentException(option + " must be a finite number >= " + (min == Math.rint(min) ? String.valueOf((long) min) : String.valueOf(min)) + ": " + value);
    }
  }
}
