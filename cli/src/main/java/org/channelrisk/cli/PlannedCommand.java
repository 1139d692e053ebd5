package org.channelrisk.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command whose only output is the {@link Output} mixin ({@code --format}, {@code --output}): its
 * {@link #run()} works under an {@link OutputPlan}, so the output is declared and checked before any
 * work and written only when the work succeeded. Subclasses add their options and the work:
 *
 * <pre>{@code
 * @Command(name = "logrank")
 * static final class LogRank extends PlannedCommand {
 *   @Mixin SurvivalInput in;
 *
 *   @Override
 *   int run() throws IOException {
 *     LogRankTest.Result r = LogRankTest.test(in.read(), 0);
 *     out.text(spec.commandLine().getOut(), r.toString());
 *     return Main.OK;
 *   }
 * }
 * }</pre>
 */
abstract class PlannedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin Output out;

  @Override
  public final Integer call() throws IOException {
    return out.planned(spec, this::run);
  }

  /**
   * The command's work.
   *
   * @return the exit code
   * @throws IOException if reading or writing fails
   */
  abstract int run() throws IOException;
}
