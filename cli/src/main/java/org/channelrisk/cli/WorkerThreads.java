package org.channelrisk.cli;

import picocli.CommandLine.Option;

/**
 * {@code --threads}: how many worker threads a command runs its replicates on. The result never
 * depends on it. As a mixin ({@code simulate}, {@code calibrate}) it is the option with a default of
 * one thread; commands whose option reads differently ({@code fit}'s bootstrap threads, {@code demo}
 * and {@code report}, which default to the available processors) declare their own and check it with
 * {@link #check(int)} or {@link #orAvailable(Integer)}, so the message is the same everywhere.
 *
 * <pre>{@code
 * @Mixin WorkerThreads threads;
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

  /**
   * @param threads a command's {@code --threads}, or null where it was not given
   * @return threads, or the number of available processors for null
   * @throws IllegalArgumentException if it is below 1
   */
  static int orAvailable(Integer threads) {
    return check(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
  }
}
