package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.channelrisk.testing.Coverage;
import org.channelrisk.testing.Gen;
import org.channelrisk.testing.PropertyCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus and fuzzer: for every input format (lifetimes, series, referral log, ecosystem
 * folder, scenario YAML and JSON) malformed inputs are generated from a valid one (truncated lines,
 * wrong types, extreme values such as 1e308, -0.0, subnormals, NaN and infinities, a BOM, CRLF, stray
 * quotes, very long cells, duplicate headers, non-UTF-8 bytes, missing and extra cells, reordered
 * rows) and run through every command that reads the format, in process. The property, the README's
 * promise: exit 0 (or 3, a fit that did not converge, which says so) with every number finite or "not
 * available" (an empty CSV cell, a JSON null), or exit 2 with one line on stderr and no output file;
 * never exit 1, never a stack trace, never a partial or staging file.
 *
 * <p>The CI run tries {@value #CI_TRIES} inputs per format; {@code -Dchannelrisk.fuzz.deep=true} tries
 * 10^4 (about ten minutes on 2 cores). Seeds are fixed per format by {@link PropertyCheck}: a failure
 * prints the seed and the input for a replay.
 */
class BadInputFuzzTest {
  static final int CI_TRIES = 30;
  static final int TRIES = Boolean.getBoolean("channelrisk.fuzz.deep") ? 10_000 : CI_TRIES;

  @TempDir static Path root;
  static final Coverage OUTCOMES = new Coverage();
  static Path ecosystem;
  static int counter;

  /** One generated case: files to write, then the command line (with {@code {in}}, {@code {out}} placeholders). */
  record Case(String label, List<String> args, String outputFormat, byte[] input, String inputName, Path folderInput) {
    @Override
    public String toString() {
      String text = new String(input, StandardCharsets.UTF_8);
      return label + " " + args + "\n--- input (" + input.length + " bytes) ---\n"
          + (text.length() > 3000 ? text.substring(0, 3000) + "..." : text);
    }
  }

  @BeforeAll
  static void baseEcosystem() {
    ecosystem = root.resolve("base-eco");
    MainTest.Result r = MainTest.run("ecosystem", "generate", "--channels", "25", "--seed", "3", "--out", ecosystem.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  // ---- valid inputs, the starting points

  static String lifetimes() {
    return "id,time,status,g,entry,x\n1,5,1,a,0,1.5\n2,8,0,a,1,0\n3,3,1,b,0,2\n4,9,1,b,2,0.5\n5,4,1,a,0,1\n6,12,0,b,0,0\n"
        + "7,6.5,1,a,0,3\n8,2,1,b,1,1\n9,10,0,a,0,2\n10,7,1,b,0,0\n";
  }

  static String series() {
    StringBuilder sb = new StringBuilder("day,active,sd\n");
    for (int d = 0; d < 30; d++) {
      double y = d < 8 ? 1000 : 800 - 500 * Math.exp(-0.15 * (d - 8));
      sb.append(d).append(',').append(String.format(Locale.ROOT, "%.2f", y + 7 * Math.sin(3 * d))).append(",10\n");
    }
    return sb.toString();
  }

  static String referrals() {
    StringBuilder sb = new StringBuilder("id,platform,sent_at,outcome,decided_at\n");
    String[] outcomes = {"removed", "removed", "declined", "pending", "removed"};
    for (int i = 0; i < 16; i++) {
      String o = outcomes[i % outcomes.length];
      double sent = i * 1.5;
      sb.append("r").append(i).append(',').append(i % 3 == 0 ? "filehost" : "telegram").append(',').append(sent).append(',').append(o)
          .append(',').append(o.equals("pending") ? "" : Double.toString(sent + 0.5 + i % 4)).append('\n');
    }
    return sb.toString();
  }

  static String scenarioYaml() {
    return """
        ecosystem:
          generate:
            channels: 60
            seed: 1
            platforms:
              - id: telegram
                cooperation:
                  - compliance: 0.9
                    latency: {family: exponential, meanHours: 6}
        recreation:
          probability: 0.5
          delay: {family: exponential, meanDays: 3}
        actionDays:
          - time: 5
            budget: 20
            strategy: RANDOM
        horizon: 20
        gridStep: 1
        """;
  }

  static String scenarioJson() {
    return """
        {"ecosystem": {"generate": {"channels": 60, "seed": 2,
           "platforms": [{"id": "tg", "cooperation": [{"compliance": 0.9, "latency": {"family": "exponential", "meanHours": 6}}]}]}},
         "detectionRate": 0.02, "horizon": 20, "gridStep": 1,
         "actionDays": [{"time": 5, "budget": 10, "strategy": "hubs", "banLevel": "account", "spareBanShare": 0.5}]}
        """;
  }

  // ---- mutations

  static final String[] BAD_CELLS = {
    "", " ", "1e308", "-1e308", "1e300", "-0.0", "4.9e-324", "2.2250738585072014E-308", "NaN", "Infinity", "-Infinity", "-1",
    "0", "abc", "\"", "\"unterminated", "1,5", "=1+2", "true", "2000000000", "9223372036854775807", "0x10", "1_000", " 5 ",
    "\u00e9t\u00e9", "\t", "null", "~", "[1, 2", "{a: b}",
  };

  /** A mutated copy of a valid text: 1 to 3 of the listed damages. */
  static byte[] mutate(RandomGenerator rng, String valid, Coverage cov) {
    String s = valid;
    boolean bom = false;
    boolean invalidUtf8 = false;
    int n = 1 + rng.nextInt(3);
    for (int k = 0; k < n; k++) {
      List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
      int kind = rng.nextInt(13);
      int li = lines.size() <= 1 ? 0 : rng.nextInt(lines.size());
      switch (kind) {
        case 0 -> { // truncated: cut the text at a random point
          s = s.substring(0, rng.nextInt(s.length() + 1));
          cov.count("truncated", true);
        }
        case 1, 2, 3 -> { // one cell (or YAML/JSON value) replaced by a bad value
          String line = lines.get(li);
          String[] cells = line.split("([,:] ?)", -1);
          if (cells.length > 0) {
            String target = cells[rng.nextInt(cells.length)];
            String bad = rng.nextInt(4) == 0 ? Double.toString(Gen.finiteDouble(rng)) : BAD_CELLS[rng.nextInt(BAD_CELLS.length)];
            if (!target.isEmpty()) {
              lines.set(li, line.replaceFirst(java.util.regex.Pattern.quote(target.strip()), java.util.regex.Matcher.quoteReplacement(bad)));
            }
            cov.count("extreme or wrong value", true);
          }
          s = String.join("\n", lines);
        }
        case 4 -> { // a very long cell
          lines.set(li, lines.get(li) + "x".repeat(20_000 + rng.nextInt(100)));
          s = String.join("\n", lines);
          cov.count("long cell", true);
        }
        case 5 -> {
          bom = true;
          cov.count("BOM", true);
        }
        case 6 -> {
          s = s.replace("\n", "\r\n");
          cov.count("CRLF", true);
        }
        case 7 -> { // duplicate header: the second column named like the first
          String[] h = lines.get(0).split(",", -1);
          if (h.length > 1) {
            h[1] = h[0];
            lines.set(0, String.join(",", h));
          }
          s = String.join("\n", lines);
          cov.count("duplicate header", true);
        }
        case 8 -> {
          invalidUtf8 = true;
          cov.count("non-UTF-8", true);
        }
        case 9 -> { // a cell missing, or one too many
          String line = lines.get(li);
          lines.set(li, rng.nextBoolean() && line.contains(",") ? line.substring(0, line.lastIndexOf(',')) : line + ",extra");
          s = String.join("\n", lines);
          cov.count("cell count", true);
        }
        case 10 -> { // rows reordered or duplicated
          if (lines.size() > 3) {
            int a = 1 + rng.nextInt(lines.size() - 2);
            if (rng.nextBoolean()) {
              String t = lines.get(a);
              lines.set(a, lines.get(a + 1));
              lines.set(a + 1, t);
            } else {
              lines.add(a, lines.get(a));
            }
          }
          s = String.join("\n", lines);
          cov.count("row order", true);
        }
        case 11 -> { // a stray quote
          int at = rng.nextInt(s.length() + 1);
          s = s.substring(0, at) + "\"" + s.substring(at);
          cov.count("quote", true);
        }
        default -> { // header only, or no header
          s = rng.nextBoolean() ? lines.get(0) + "\n" : String.join("\n", lines.subList(Math.min(1, lines.size()), lines.size()));
          cov.count("header only or none", true);
        }
      }
    }
    byte[] body = s.getBytes(StandardCharsets.UTF_8);
    if (invalidUtf8 && body.length > 0) {
      int at = rng.nextInt(body.length);
      byte[] b = new byte[body.length + 2];
      System.arraycopy(body, 0, b, 0, at);
      b[at] = (byte) 0xFF;
      b[at + 1] = (byte) 0xFE;
      System.arraycopy(body, at, b, at + 2, body.length - at);
      body = b;
    }
    if (bom) {
      byte[] b = new byte[body.length + 3];
      b[0] = (byte) 0xEF;
      b[1] = (byte) 0xBB;
      b[2] = (byte) 0xBF;
      System.arraycopy(body, 0, b, 3, body.length);
      body = b;
    }
    return body;
  }

  static String format(RandomGenerator rng, String... formats) {
    return formats[rng.nextInt(formats.length)];
  }

  // ---- the property

  static void check(Case c) {
    Path work;
    try {
      work = Files.createDirectory(root.resolve("try-" + (++counter)));
      Path in = work.resolve(c.inputName());
      if (c.folderInput() != null) {
        Files.createDirectory(in);
        try (Stream<Path> s = Files.list(c.folderInput())) {
          for (Path f : s.toList()) {
            Files.copy(f, in.resolve(f.getFileName()));
          }
        }
        Files.write(in.resolve(c.label()), c.input());
      } else {
        Files.write(in, c.input());
      }
      Files.writeString(work.resolve("key"), "a key of enough length for the fuzzer");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Path out = work.resolve("result" + ("folder".equals(c.outputFormat()) ? "" : "." + (c.outputFormat().equals("text") ? "txt"
        : c.outputFormat())));
    List<String> args = c.args().stream().map(a -> a.replace("{in}", work.resolve(c.inputName()).toString())
        .replace("{out}", out.toString()).replace("{key}", work.resolve("key").toString())).toList();
    StringWriter so = new StringWriter();
    StringWriter se = new StringWriter();
    long start = System.nanoTime();
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(so, true), new PrintWriter(se, true));
    double seconds = (System.nanoTime() - start) / 1e9;
    OUTCOMES.count("exit " + code, true);
    String err = se.toString();
    // small inputs: a run of seconds means a bad value made the work explode instead of being refused
    assertThat(seconds).as("seconds for a small input").isLessThan(20);
    assertThat(err).as("stack trace").doesNotContain("\tat ").doesNotContain("internal error").doesNotContain("Exception");
    assertThat(code).as("exit code; stderr: %s", err).isIn(Main.OK, Main.BAD_INPUT, Main.NOT_CONVERGED);
    try (Stream<Path> s = Files.walk(work)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(f -> f.startsWith(".channelrisk-") || f.endsWith(".tmp")).toList())
          .as("staging files left").isEmpty();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (code == Main.BAD_INPUT) {
      assertThat(err.strip()).as("one line").doesNotContain("\n").startsWith("channelrisk: ");
      assertThat(out).as("no output on bad input").doesNotExist();
      return;
    }
    assertThat(out).as("output of a success; stderr %s", err).exists();
    if (Files.isDirectory(out)) {
      return;
    }
    String text;
    try {
      text = Files.readString(out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    switch (c.outputFormat()) {
      case "json" -> {
        JsonNode node;
        try {
          node = new ObjectMapper().readTree(text); // strict JSON: NaN or Infinity would not parse
        } catch (IOException e) {
          throw new AssertionError("not strict JSON: " + e.getMessage() + "\n" + text);
        }
        assertThat(node).isNotNull();
      }
      case "csv" -> checkCsv(text);
      default -> {
        String input = new String(c.input(), StandardCharsets.UTF_8);
        if (!input.contains("NaN")) {
          assertThat(text).as("invented NaN in text output").doesNotContain("NaN");
        }
        if (!input.contains("Infinity") && !input.contains("1e308") && !input.contains("e3")) {
          assertThat(text).as("invented infinity in text output").doesNotContain("Infinity");
        }
      }
    }
  }

  static final Set<String> TEXT_COLUMNS = Set.of("group", "term", "platform", "period", "latency_family", "possibly_infinite");

  static void checkCsv(String text) {
    try {
      List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(text))
          .getRecords();
      for (CSVRecord r : records) {
        for (var e : r.toMap().entrySet()) {
          if (TEXT_COLUMNS.contains(e.getKey()) || e.getValue().isEmpty()) {
            continue;
          }
          double v = Double.parseDouble(e.getValue());
          assertThat(Double.isFinite(v)).as("column %s: %s", e.getKey(), e.getValue()).isTrue();
        }
      }
    } catch (IOException e) {
      throw new AssertionError("unreadable CSV output: " + e.getMessage() + "\n" + text);
    }
  }

  // ---- one property per format

  @Test
  void lifetimeFiles() {
    Coverage cov = new Coverage();
    PropertyCheck.forAll("fuzz lifetimes", TRIES, rng -> {
      byte[] in = mutate(rng, lifetimes(), cov);
      String fmt = format(rng, "csv", "json", "text");
      List<String> args = new ArrayList<>(List.of("survival"));
      switch (rng.nextInt(4)) {
        case 0 -> args.add("km");
        case 1 -> args.addAll(List.of("summary", "--tau", "8"));
        case 2 -> args.add("logrank");
        default -> args.addAll(List.of("cox", "--covariates", "x"));
      }
      args.addAll(List.of("--input", "{in}", "--time", "time", "--event", "status", "--format", fmt, "--output", "{out}"));
      if (!args.get(1).equals("cox") || rng.nextBoolean()) {
        args.addAll(List.of("--group", "g"));
      }
      if (rng.nextInt(3) == 0) {
        args.addAll(List.of("--entry", "entry"));
      }
      if (rng.nextInt(4) == 0) {
        args.add("--timefix");
      }
      return new Case(args.get(1), args, fmt, in, "lifetimes.csv", null);
    }, BadInputFuzzTest::check);
    requireCoverage(cov);
  }

  @Test
  void seriesFiles() {
    Coverage cov = new Coverage();
    PropertyCheck.forAll("fuzz series", TRIES, rng -> {
      byte[] in = mutate(rng, series(), cov);
      String fmt = format(rng, "json", "text");
      List<String> args = new ArrayList<>(List.of("fit", "--input", "{in}", "--time", "day", "--value", "active", "--format", fmt,
          "--output", "{out}"));
      switch (rng.nextInt(5)) {
        case 0 -> args.addAll(List.of("--sd", "sd"));
        case 1 -> args.addAll(List.of("--weights", "poisson"));
        case 2 -> args.addAll(List.of("--model", "exponential", "--takedown", "8"));
        case 3 -> args.add("--from-trough");
        default -> { }
      }
      if (rng.nextInt(8) == 0) {
        args.addAll(List.of("--bootstrap", "40", "--seed", "3"));
      }
      return new Case("fit", args, fmt, in, "series.csv", null);
    }, BadInputFuzzTest::check);
    requireCoverage(cov);
  }

  @Test
  void referralLog() {
    Coverage cov = new Coverage();
    PropertyCheck.forAll("fuzz referral log", TRIES, rng -> {
      byte[] in = mutate(rng, referrals(), cov);
      String fmt = format(rng, "csv", "json", "text");
      List<String> args = new ArrayList<>(List.of("cooperation", "--input", "{in}", "--format", fmt, "--output", "{out}"));
      if (rng.nextBoolean()) {
        args.addAll(List.of("--until", "40"));
      }
      if (rng.nextInt(3) == 0) {
        args.addAll(List.of("--period-starts", "10"));
      }
      return new Case("cooperation", args, fmt, in, "referrals.csv", null);
    }, BadInputFuzzTest::check);
    requireCoverage(cov);
  }

  @Test
  void ecosystemFolder() throws IOException {
    List<String> files = org.channelrisk.io.EcosystemCsv.FILES;
    List<String> texts = new ArrayList<>();
    for (String f : files) {
      texts.add(Files.readString(ecosystem.resolve(f)));
    }
    Coverage cov = new Coverage();
    PropertyCheck.forAll("fuzz ecosystem folder", TRIES, rng -> {
      int which = rng.nextInt(files.size());
      byte[] in = mutate(rng, texts.get(which), cov);
      if (rng.nextBoolean()) {
        String fmt = format(rng, "json", "text");
        return new Case(files.get(which), List.of("ecosystem", "summary", "--in", "{in}", "--format", fmt, "--output", "{out}"), fmt,
            in, "eco", ecosystem);
      }
      return new Case(files.get(which), List.of("ecosystem", "pseudonymize", "--in", "{in}", "--key", "{key}", "--out", "{out}"),
          "folder", in, "eco", ecosystem);
    }, BadInputFuzzTest::check);
    requireCoverage(cov);
  }

  @Test
  void scenarioFiles() {
    Coverage cov = new Coverage();
    PropertyCheck.forAll("fuzz scenarios", TRIES, rng -> {
      boolean yaml = rng.nextBoolean();
      byte[] in = mutate(rng, yaml ? scenarioYaml() : scenarioJson(), cov);
      return new Case("simulate", List.of("simulate", "--scenario", "{in}", "--replicates", "2", "--no-progress", "--output", "{out}"),
          "csv", in, yaml ? "s.yaml" : "s.json", null);
    }, BadInputFuzzTest::check);
    requireCoverage(cov);
  }

  @org.junit.jupiter.api.AfterAll
  static void outcomes() {
    System.out.println("bad-input fuzzer outcomes: " + OUTCOMES);
    OUTCOMES.requireAtLeast("exit 0", 1);
    OUTCOMES.requireAtLeast("exit 2", 1);
  }

  static void requireCoverage(Coverage cov) {
    int min = TRIES >= 30 ? 1 : 0;
    for (String label : List.of("truncated", "extreme or wrong value", "BOM", "CRLF", "non-UTF-8", "quote")) {
      cov.requireAtLeast(label, min);
    }
  }
}
