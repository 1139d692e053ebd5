package org.channelrisk.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Option;

/**
 * {@code --progress} / {@code --no-progress} of the long-running commands ({@code simulate},
 * {@code calibrate}): a progress bar on standard error, by default only when there is a terminal to
 * show it, so that scripts and logs get no control characters.
 */
final class ProgressOption {
  @Option(names = "--progress", negatable = true, description = "Progress bar on stderr (default: when stderr is a terminal).")
  Boolean progress;

  /** @return whether to show a bar: as asked, else when the JVM has a console */
  boolean shown() {
    return progress != null ? progress : System.console() != null;
  }

  /**
   * A bar on standard error, when one is {@link #shown()}.
   *
   * @param task the label before the bar ("simulate")
   * @param max the count at which the task is done
   * @return a started bar (close it when done), or null when no bar is shown
   */
  ProgressBar bar(String task, long max) {
    if (!shown()) {
      return null;
    }
    return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
  }
}
