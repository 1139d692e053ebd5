package org.channelrisk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.channelrisk.io.AtomicFiles;
import org.channelrisk.io.CsvOutput;
import picocli.CommandLine.Option;

/**
 * Where and how a command writes its result: {@code --format text|csv|json} and {@code --output F}
 * (standard output by default). Files are written atomically, after all input was read and checked,
 * so bad input never leaves an output file behind.
 */
final class Output {
  /** Output formats. */
  enum Format {
    text,
    csv,
    json
  }

  @Option(names = "--format", defaultValue = "text", description = "text, csv or json (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead of standard output.")
  Path output;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** NaN and infinities are not JSON numbers: they become null ("not available"). */
  static Double num(double v) {
    return Double.isFinite(v) ? v : null;
  }

  void text(PrintWriter stdout, String text) throws IOException {
    if (output == null) {
      stdout.print(text);
      stdout.flush();
    } else {
      AtomicFiles.write(output, w -> w.write(text));
    }
  }

  void json(PrintWriter stdout, Object value) throws IOException {
    text(stdout, JSON.writeValueAsString(value) + "\n");
  }

  void csv(PrintWriter stdout, List<String> header, CsvOutput.Body body) throws IOException {
    if (output == null) {
      StringWriter w = new StringWriter();
      CsvOutput.write(w, header, body);
      stdout.print(w);
      stdout.flush();
    } else {
      CsvOutput.write(output, header, body);
    }
  }
}
