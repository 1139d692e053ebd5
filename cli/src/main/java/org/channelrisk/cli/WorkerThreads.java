package org.channelrisk.cli;

import picocli.CommandLine.Option;

/**
 * {@code --threads}: how many worker threads a command runs its replicates on. The result never
 * depends on it. As a mixin ({@code simulate}, {@code calibrate}) it is the option with a default of
 * one thread; {@link OrAvailable} is the same option with a default of the available processors
 * ({@code demo}, {@code report}). {@code fit}, whose option names what the threads run (its
 * bootstrap replicates), declares its own and checks it with {@link #check(int)}, so the message is
 * the same everywhere.
 *
 * <pre>{@code
 * @Mixin WorkerThreads threads;               // or WorkerThreads.OrAvailable
 * ...
 * int k = threads.count();   // exit 2 with "--threads must be >= 1: 0"
 * }</pre>
 */
final class WorkerThreads {
  @Option(names = "--threads", defaultValue = "1", description = "Worker threads; the result does not depend on it.")
  int threads;

  /**
   * @return the number of threads given
   * @throws IllegalArgumentException if it is below 1
   */
  int count() {
    return check(threads);
  }

  /**
   * @param threads a command's {@code --threads}
   * @return threads
   * @throws IllegalArgumentException if it is below 1
   */
  static int check(int threads) {
    OptionChecks.atLeast("--threads", threads, 1);
    return threads;
  }

  /** {@code --threads} with a default of the available processors, as a mixin. */
  static final class OrAvailable {
    @Option(names = "--threads", description = "Worker threads (default: the available processors); the result does not"
        + " depend on it.")
    Integer threads;

    /**
     * @return the number of threads given, or the number of available processors where none was given
     * @throws IllegalArgumentException if it is below 1
     */
    int count() {
      return check(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
    }
  }
}
