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
    List<String> km = List.of("survival", "km", "--input", NO_FILE, "--time", "time", "--event", "status");
    List<String> summary = List.of("survival", "summary", "--input", NO_FILE, "--time", "time", "--event", "status");
    List<String> cif = List.of("survival", "cif", "--input", NO_FILE, "--time", "time", "--event", "status");
    return Stream.of(
        new Object[] {impact, "--format", "xml", "[text, json]"},
        new Object[] {impact, "--missing", "drop", "[error, skip]"},
        new Object[] {impact, "--model", "magic", "[segmented, arima, poisson, structural]"},
        new Object[] {impact, "--trend", "cubic", "[level, linear]"},
        new Object[] {cox, "--ties", "exact", "[efron, breslow]"},
        new Object[] {fit, "--model", "cubic", "[exponential, logistic, gompertz, constant, linear, auto]"},
        new Object[] {fit, "--format", "csv", "[text, json]"},
        new Object[] {fit, "--bootstrap-type", "wild", "[residual, parametric]"},
        // picocli compares an enum's constants without trimming: so do the converters of the library's enums
        new Object[] {cox, "--ties", " efron", "[efron, breslow]"},
        // R's names, converted by ConfidenceType.parse
        new Object[] {km, "--conf-type", "logit", "[log, log-log, plain]"},
        new Object[] {summary, "--conf-type", "log_log_log", "[log, log-log, plain]"},
        new Object[] {cif, "--conf-type", "arcsin", "[log, log-log, plain]"},
        new Object[] {cif, "--format", "text", "[csv, json]"});
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

  static Stream<Object[]> goodValues() {
    List<String> impact = List.of("impact", "--input", NO_FILE, "--time", "day", "--value", "posts", "--intervention", "3");
    List<String> cox = List.of("survival", "cox", "--input", NO_FILE, "--time", "time", "--event", "status", "--covariates", "x");
    List<String> fit = List.of("fit", "--input", NO_FILE, "--time", "day", "--value", "active");
    List<String> km = List.of("survival", "km", "--input", NO_FILE, "--time", "time", "--event", "status");
    return Stream.of(
        new Object[] {impact, List.of("--model", "ARIMA")},
        new Object[] {impact, List.of("--model", "Structural", "--trend", "LINEAR")},
        new Object[] {cox, List.of("--ties", "Breslow")},
        new Object[] {fit, List.of("--bootstrap-type", "PARAMETRIC")},
        new Object[] {km, List.of("--conf-type", "LOG-LOG")},
        new Object[] {km, List.of("--conf-type", "loglog")});
  }

  /** A value in any case (and R's older spelling of a confidence type) passes the options: the missing file is reported. */
  @ParameterizedTest
  @MethodSource("goodValues")
  void aValueInAnyCaseIsAccepted(List<String> command, List<String> options) {
    List<String> args = new ArrayList<>(command);
    args.addAll(options);
    MainTest.Result r = run(args.toArray(new String[0]));
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains(NO_FILE).doesNotContain("Invalid value");
  }

  @Test
  void theHelpOfEveryEnumOptionNamesEachValue() {
    List<String> missing = new ArrayList<>();
    check(new CommandLine(new Main()), missing);
    assertThat(missing).as("enum values not named in the option's help").isEmpty();
  }

  @Test
  void everyCommandWithConfidenceLimitsTakesTheConfidenceTypesInRSpelling() {
    List<String> commands = new ArrayList<>();
    confTypes(new CommandLine(new Main()), commands);
    assertThat(commands).containsExactlyInAnyOrder("channelrisk survival km", "channelrisk survival summary",
        "channelrisk survival cif");
  }

  private static void confTypes(CommandLine line, List<String> commands) {
    OptionSpec o = line.getCommandSpec().findOption("--conf-type");
    if (o != null) {
      commands.add(line.getCommandSpec().qualifiedName());
      assertThat(o.completionCandidates()).containsExactly("log", "log-log", "plain");
      assertThat(String.join(" ", o.description())).contains("log, log-log, plain");
    }
    line.getSubcommands().values().forEach(c -> confTypes(c, commands));
  }

  /**
   * The values an option with a fixed set of values offers: its completion candidates where it
   * declares them (R's spelling, for instance), else its enum constants.
   */
  private static Iterable<?> values(OptionSpec o) {
    if (o.completionCandidates() != null) {
      return o.completionCandidates();
    }
    return o.type().isEnum() ? List.of(o.type().getEnumConstants()) : List.of();
  }

  private static void check(CommandLine line, List<String> missing) {
    CommandSpec spec = line.getCommandSpec();
    for (OptionSpec o : spec.options()) {
      String help = String.join(" ", o.description()) + " " + o.paramLabel();
      for (Object value : values(o)) {
        if (!help.contains(value.toString())) {
          missing.add(spec.qualifiedName() + " " + o.longestName() + ": " + value);
        }
      }
    }
    line.getSubcommands().values().forEach(c -> check(c, missing));
  }
}
