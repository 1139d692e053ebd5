package org.channelrisk.impact;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.channelrisk.io.CsvTable;

/** The R outputs of {@code impact/golden.R} and the series they were computed on. */
final class Golden {
  private static Map<String, Map<String, LinkedHashMap<String, Double>>> values;

  private Golden() {}

  static CsvTable series(String file) {
    try (InputStream in = Golden.class.getResourceAsStream("/impact/" + file);
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return CsvTable.read(r, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static synchronized Map<String, LinkedHashMap<String, Double>> of(String kase) {
    if (values == null) {
      values = new LinkedHashMap<>();
      CsvTable t = series("golden.csv");
      for (int r = 0; r < t.size(); r++) {
        values.computeIfAbsent(t.cell(r, "case"), k -> new LinkedHashMap<>())
            .computeIfAbsent(t.cell(r, "item"), k -> new LinkedHashMap<>())
            .put(t.cell(r, "name"), Double.parseDouble(t.cell(r, "value")));
      }
    }
    Map<String, LinkedHashMap<String, Double>> m = values.get(kase);
    if (m == null) {
      throw new IllegalArgumentException("no golden case " + kase);
    }
    return m;
  }

  static double value(String kase, String item, String name) {
    Double v = of(kase).get(item).get(name);
    if (v == null) {
      throw new IllegalArgumentException("no golden value " + kase + " " + item + " " + name);
    }
    return v;
  }

  static double rel(double actual, double expected) {
    return expected == 0 ? Math.abs(actual) : Math.abs(actual / expected - 1);
  }
}
