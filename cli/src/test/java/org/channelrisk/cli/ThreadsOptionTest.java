package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.cli.MainTest.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --threads} of every command that has one: refused below 1 with one message before any work
 * (the input files named here do not exist, and the output folders are not created), and described
 * the same way, with its default.
 */
class ThreadsOptionTest {
  @TempDir Path dir;

  static Stream<List<String>> commands() {
    return Stream.of(
        List.of("demo", "--out", "OUT"),
        List.of("report", "--preset", "telegram-2015", "--out", "OUT"),
        List.of("report", "--scenario", "no-such-scenario.yaml", "--out", "OUT"),
        List.of("simulate", "--scenario", "no-such-scenario.yaml"),
        List.of("calibrate", "--config", "no-such-config.yaml", "--output", "OUT"),
        List.of("fit", "--input", "no-such-input.csv", "--time", "day", "--value", "active", "--bootstrap", "40"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void zeroThreadsIsRefusedBeforeAnyWork(List<String> command) {
    Path out = dir.resolve("out");
    List<String> args = new ArrayList<>(command.stream().map(a -> a.equals("OUT") ? out.toString() : a).toList());
    args.addAll(List.of("--threads", "0"));
    MainTest.Result r = run(args.toArray(new String[0]));
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("channelrisk: --threads must be >= 1: 0" + System.lineSeparator());
    assertThat(out).doesNotExist();
  }

  @Test
  void everyThreadsOptionSaysTheResultDoesNotDependOnIt() {
    List<String> commands = new ArrayList<>();
    collect(new CommandLine(new Main()), commands);
    assertThat(commands).containsExactlyInAnyOrder(
        "channelrisk calibrate: 1",
        "channelrisk demo: the available processors",
        "channelrisk fit: 1",
        "channelrisk report: the available processors",
        "channelrisk simulate: 1");
  }

  /** Each command with --threads as "name: default", checking that its help says the result does not depend on it. */
  private static void collect(CommandLine line, List<String> commands) {
    OptionSpec o = line.getCommandSpec().findOption("--threads");
    if (o != null) {
      String help = String.join(" ", o.description());
      assertThat(help).as(line.getCommandSpec().qualifiedName()).endsWith("the result does not depend on it.");
      String def = o.defaultValue() != null ? o.defaultValue()
          : help.contains("(default: the available processors)") ? "the available processors" : "none";
      commands.add(line.getCommandSpec().qualifiedName() + ": " + def);
    }
    line.getSubcommands().values().forEach(c -> collect(c, commands));
  }
}
