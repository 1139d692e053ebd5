package org.channelrisk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;
import org.channelrisk.io.CsvOutput;
import org.channelrisk.stats.Estimate;
import picocli.CommandLine.Option;

/**
 * Where and how a command writes its result: {@code --format text|csv|json} and {@code --output F}
 * (standard output by default). The file goes through the command's {@link OutputPlan}: declared with
 * {@link #declare} before any work (so a bad path is exit 2 before anything runs), staged while the
 * command works, and moved into place at the plan's commit; text for standard output is printed at
 * the commit as well.
 *
 * <pre>{@code
 * @Mixin Output out;
 * ...
 * try (OutputPlan plan = OutputPlan.of(spec)) {
 *   out.declare(plan);
 *   ... the work ...
 *   out.write(spec.commandLine().getOut(), result::toString, () -> json(result), header, rows -> ...);
 *   plan.commit();
 * }
 * }</pre>
 *
 * <p>Every JSON document a command writes, here or in a file of its own, goes through
 * {@link #jsonText}: indented, with "not available" as null.
 */
final class Output {
  /** Output formats. */
  enum Format {
    text,
    csv,
    json
  }

  /**
   * The formats of a command that writes text or JSON but no CSV table ({@code --format text|json}):
   * picocli refuses csv before the command runs.
   */
  enum TextOrJson {
    text,
    json
  }

  /**
   * The formats of a command that writes a CSV table or JSON but no text ({@code --format csv|json}):
   * picocli refuses text before the command runs.
   */
  enum CsvOrJson {
    csv,
    json
  }

  /**
   * {@code --output FILE} and a {@code --format} with fewer formats than this mixin's, for a command
   * that does not write all three: a format it does not write is refused by picocli before the command
   * runs. Subclasses declare the {@code --format} option ({@link TextOrJsonOptions},
   * {@link CsvOrJsonOptions}) on a method that sets {@link #format}: picocli converts a value to the
   * method's parameter, an enum of the formats offered.
   */
  abstract static class FewerFormats {
    @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path output;

    /** The format asked for: the {@link Format} named as the value of the subclass's {@code --format}. */
    Format format;

    /** @return the output these options ask for, to {@link Output#declare} in the command's plan */
    final Output output() {
      return of(format, output);
    }
  }

  /** {@code --format text|json} and {@code --output FILE} of a command that writes no CSV table, as a mixin. */
  static final class TextOrJsonOptions extends FewerFormats {
    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
    void format(TextOrJson value) {
      format = Format.valueOf(value.name());
    }
  }

  /** {@code --format csv|json} and {@code --output FILE} of a command that writes no text, as a mixin. */
  static final class CsvOrJsonOptions extends FewerFormats {
    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default ${DEFAULT-VALUE}).")
    void format(CsvOrJson value) {
      format = Format.valueOf(value.name());
    }
  }

  /** Extensions that name a format: a file with one of them must match --format. */
  private static final Set<String> KNOWN = Set.of("csv", "json", "txt", "png", "svg", "jpg", "jpeg", "gif", "pdf", "yaml", "yml");

  @Option(names = "--format", defaultValue = "text", description = "text, csv or json (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead of standard output.")
  Path output;

  private OutputPlan plan;
  private OutputPlan.Target target;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * The output of a {@link FewerFormats} mixin.
   *
   * @param format the format asked for
   * @param output the file, or null for standard output
   * @return an output to {@link #declare} in the command's plan
   */
  private static Output of(Format format, Path output) {
    Output o = new Output();
    o.format = format;
    o.output = output;
    return o;
  }

  /** NaN and infinities are not JSON numbers: they become null ("not available"). */
  static Double num(double v) {
    return Double.isFinite(v) ? (Double) (v == 0 ? 0.0 : v) : null;
  }

  /**
   * An estimate with its standard error and interval as a JSON object:
   * {@code {estimate, std_error, lower, upper}}, "not available" as null.
   */
  static Map<String, Object> estimate(double estimate, double stdError, double lower, double upper) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("estimate", num(estimate));
    m.put("std_error", num(stdError));
    m.put("lower", num(lower));
    m.put("upper", num(upper));
    return m;
  }

  /**
   * An estimate with its interval as a JSON object: {@code {estimate, lower, upper}}.
   *
   * @param e the estimate
   * @param value how a number is written (at least: "not available" as null, as {@link #num})
   * @return the object
   */
  static Map<String, Object> estimate(Estimate e, DoubleFunction<Object> value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("estimate", value.apply(e.value()));
    m.put("lower", value.apply(e.lower()));
    m.put("upper", value.apply(e.upper()));
    return m;
  }

  /** The body of a command whose only output is this mixin's. */
  @FunctionalInterface
  interface Work {
    int run() throws IOException;
  }

  /**
   * Runs a command whose only output is this mixin's under an {@link OutputPlan}: the output is
   * declared and checked before any work, and written only when the work succeeded.
   *
   * @param spec the command
   * @param work the command's work, returning its exit code
   * @return the exit code
   * @throws IOException if writing fails
   */
  int planned(picocli.CommandLine.Model.CommandSpec spec, Work work) throws IOException {
    try (OutputPlan p = OutputPlan.of(spec)) {
      declare(p);
      int code = work.run();
      p.commit();
      return code;
    }
  }

  /**
   * Declares {@code --output} in the plan and checks that its extension fits {@code --format}: an
   * extension that names another format (a {@code .csv} file for {@code --format json}, a
   * {@code .png}) is refused; a file without a known extension is accepted.
   *
   * @param plan the command's plan
   */
  void declare(OutputPlan plan) {
    this.plan = plan;
    if (output == null) {
      return;
    }
    String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    boolean fits = switch (format) {
      case text -> ext.equals("txt") || !KNOWN.contains(ext);
      case csv -> ext.equals("csv") || ext.equals("txt") || !KNOWN.contains(ext);
      case json -> ext.equals("json") || ext.equals("txt") || !KNOWN.contains(ext);
    };
    if (!fits) {
      throw new IllegalArgumentException("--output: '" + output + "' does not fit --format " + format
          + " (use a ." + (format == Format.text ? "txt" : format.name()) + " file)");
    }
    target = plan.file("--output", output);
  }

  void text(PrintWriter stdout, String text) throws IOException {
    if (plan == null) {
      // a command that has not adopted the OutputPlan yet: the file is still written atomically,
      // but it is not checked up front nor committed with the command's other outputs
      if (output == null) {
        stdout.print(text);
        stdout.flush();
      } else {
        org.channelrisk.io.AtomicFiles.write(output, w -> w.write(text));
      }
      return;
    }
    if (target == null) {
      plan.print(stdout, text);
    } else {
      plan.write(target, w -> w.write(text));
    }
  }

  void json(PrintWriter stdout, Object value) throws IOException {
    text(stdout, jsonText(value));
  }

  /**
   * Writes a command's result in the format asked for: the text, the JSON document or the CSV table;
   * only the one asked for is built.
   *
   * @param stdout standard output (used unless {@code --output})
   * @param text the text
   * @param json the JSON document (maps, lists and values)
   * @param header the CSV header
   * @param rows the CSV rows
   * @throws IOException if writing fails
   */
  void write(PrintWriter stdout, Supplier<String> text, Supplier<?> json, List<String> header, CsvOutput.Body rows)
      throws IOException {
    switch (format) {
      case json -> json(stdout, json.get());
      case csv -> csv(stdout, header, rows);
      case text -> text(stdout, text.get());
    }
  }

  /**
   * {@link #write(PrintWriter, Supplier, Supplier, List, CsvOutput.Body)} for a command whose
   * {@code --format} offers text and json only.
   */
  void write(PrintWriter stdout, Supplier<String> text, Supplier<?> json) throws IOException {
    switch (format) {
      case json -> json(stdout, json.get());
      case text -> text(stdout, text.get());
      case csv -> throw new IllegalStateException("this command has no csv output");
    }
  }

  /**
   * A JSON document as the commands write it: indented, every NaN or infinite number null
   * ({@link #notAvailableAsNull}), ending with a newline.
   *
   * @param doc maps, lists and values
   * @return the text
   * @throws IOException if a value cannot be written as JSON
   */
  static String jsonText(Object doc) throws IOException {
    return JSON.writeValueAsString(notAvailableAsNull(doc)) + "\n";
  }

  /**
   * A copy of a JSON document of maps, lists and values in which every NaN or infinite number is
   * null: JSON has no such numbers, and "not available" is null (README, "Command line"); a negative
   * zero is 0.
   */
  static Object notAvailableAsNull(Object v) {
    if (v instanceof Double d) {
      // -0.0 (a rounding's sign) reads as 0, as R prints it
      return Double.isFinite(d) ? (Double) (d == 0 ? 0.0 : d) : null;
    }
    if (v instanceof Float f) {
      return Float.isFinite(f) ? (Float) (f == 0 ? 0f : f) : null;
    }
    if (v instanceof java.util.Map<?, ?> m) {
      java.util.Map<Object, Object> copy = new java.util.LinkedHashMap<>();
      m.forEach((k, x) -> copy.put(k, notAvailableAsNull(x)));
      return copy;
    }
    if (v instanceof java.util.Collection<?> c) {
      return c.stream().map(Output::notAvailableAsNull).toList();
    }
    return v;
  }

  void csv(PrintWriter stdout, List<String> header, CsvOutput.Body body) throws IOException {
    StringWriter w = new StringWriter();
    CsvOutput.write(w, header, body);
    text(stdout, w.toString());
  }
}
