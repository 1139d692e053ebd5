package org.channelrisk.cli.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.channelrisk.cli.Main;
import org.channelrisk.io.CsvTable;

/** Runs the command line in-process and reads its CSV outputs, for the ingest tests. */
final class Cli {
  private Cli() {}

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /** @return the file's rows as lists of cells, header first */
  static List<List<String>> rows(Path csv) throws IOException {
    CsvTable t = CsvTable.read(new StringReader(Files.readString(csv)), csv.toString());
    List<List<String>> out = new ArrayList<>();
    out.add(t.header());
    for (int r = 0; r < t.size(); r++) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < t.header().size(); c++) {
        row.add(t.cell(r, c));
      }
      out.add(row);
    }
    return out;
  }

  /** @return the names in a folder (hidden ones included), to check that nothing was left behind */
  static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
