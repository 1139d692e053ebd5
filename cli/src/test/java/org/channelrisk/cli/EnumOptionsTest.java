package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.cli.MainTest.run;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options with a fixed set of values are picocli enums: a bad value is refused before any work (the
 * input file named here does not exist, and it is not the file that is reported) with exit code 2 and
 * one line that names the option, the value and the accepted values; the help lists every value.
 */
class EnumOptionsTest {
  private static final String NO_FILE = "no-such-input.csv";

  static Stream<Object[]> badValues() {
    List<String> impact = List.of("impact", "--input", NO_FILE, "--time", "day", "--value", "posts", "--intervention", "3");
    List<String> cox = List.of("survival", "cox", "--input", NO_FILE, "--time", "time", "--event", "status", "--covariates", "x");
    List<String> fit = List.of("fit", "--input", NO_FILE, "--time", "day", "--value", "active");
    return Stream.of(
        new Object[] {impact, "--format", "xml", "[text, json]"},
        new Object[] {impact, "--missing", "drop", "[error, skip]"},
        new Object[] {impact, "--model", "magic", "[segmented, arima, poisson, structural]"},
        new Object[] {impact, "--trend", "cubic", "[level, linear]"},
        new Object[] {cox, "--ties", "exact", "[efron, breslow]"},
        new Object[] {fit, "--model", "cubic", "[exponential, logistic, gompertz, constant, linear, auto]"},
        new Object[] {fit, "--format", "csv", "[text, json]"});
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void aBadValueIsRefusedBeforeAnyWorkInOneLine(List<String> command, String option, String value, String accepted) {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of(option, value));
    MainTest.Result r = run(args.toArray(new String[0]));
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("Invalid value for option '" + option + "': expected one of " + accepted
        + " (case-insensitive) but was '" + value + "'").doesNotContain(NO_FILE);
  }

  @Test
  void theHelpOfEveryEnumOptionNamesEachValue() {
    List<String> missing = new ArrayList<>();
    check(new CommandLine(new Main()), missing);
    assertThat(missing).as("enum values not named in the option's help").isEmpty();
  }

  private static void check(CommandLine line, List<String> missing) {
    CommandSpec spec = line.getCommandSpec();
    for (OptionSpec o : spec.options()) {
      if (!o.type().isEnum()) {
        continue;
      }
      String help = String.join(" ", o.description()) + " " + o.paramLabel();
      for (Object value : o.type().getEnumConstants()) {
        if (!help.contains(value.toString())) {
          missing.add(spec.qualifiedName() + " " + o.longestName() + ": " + value);
        }
      }
    }
    line.getSubcommands().values().forEach(c -> check(c, missing));
  }
}
