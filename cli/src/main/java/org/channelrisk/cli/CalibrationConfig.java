package org.channelrisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.channelrisk.calibrate.AbcSmc;
import org.channelrisk.calibrate.Kernel;
import org.channelrisk.calibrate.Prior;
import org.channelrisk.calibrate.ScenarioMapping;
import org.channelrisk.calibrate.Statistic;
import org.channelrisk.calibrate.Target;
import org.channelrisk.io.InvalidInputException;
import org.channelrisk.io.TimeSeriesTable;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Scenario;

/**
 * A calibration file ({@code calibrate --config}): the scenario file, the parameters (a name, a field
 * path into the scenario file, a prior), the targets (a statistic, its observed value, an optional
 * scale) and the ABC-SMC settings. Every error names the file and the field, e.g.
 * {@code cal.yaml: parameters[1].prior: expected one of uniform, logUniform, normal, truncatedNormal,
 * beta}; everything is checked, including the scenario at the priors' medians and ends, before any
 * simulation.
 */
final class CalibrationConfig {
  final Path file;
  final String source;
  final Path scenarioFile;
  final JsonNode scenarioTree;
  final List<String> names = new ArrayList<>();
  final List<String> paths = new ArrayList<>();
  final AbcSmc calibration;

  private CalibrationConfig(Path file) throws IOException {
    this.file = file;
    this.source = file.getFileName().toString();
    JsonNode root = parse(file, source);
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(source, "expected a mapping of calibration fields at the top level");
    }
    allow(root, "", "scenario", "parameters", "targets", "particles", "budget", "replicatesPerParticle", "minAcceptance", "maxGenerations",
        "essReduction", "kernel", "targetTolerance");
    JsonNode sc = root.get("scenario");
    if (sc == null || !sc.isTextual()) {
      throw error("scenario", "expected the scenario file's name (relative to this file)");
    }
    Path dir = file.toAbsolutePath().getParent();
    scenarioFile = dir.resolve(sc.asText());
    String scenarioText;
    try {
      scenarioText = Files.readString(scenarioFile);
    } catch (NoSuchFileException e) {
      throw error("scenario", "no such file: " + sc.asText());
    }
    Documents.Document scenarioDocument = Documents.read(scenarioFile, scenarioFile.getFileName().toString(), "file");
    scenarioTree = scenarioDocument.root();
    // the scenario as written must read; a refused value is named at its line
    ScenarioFile.read(scenarioDocument, scenarioFile);

    JsonNode params = root.get("parameters");
    if (params == null || !params.isArray() || params.isEmpty()) {
      throw error("parameters", "expected a list of parameters (name, path, prior)");
    }
    List<Prior> priors = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      String at = "parameters[" + i + "]";
      JsonNode p = params.get(i);
      allow(p, at, "name", "path", "prior");
      String name = text(p, at, "name");
      if (names.contains(name)) {
        throw error(at + ".name", "'" + name + "' appears twice");
      }
      String path = text(p, at, "path");
      try {
        ScenarioPaths.check(scenarioTree, path);
      } catch (IllegalArgumentException e) {
        throw error(at + ".path", e.getMessage());
      }
      priors.add(prior(p.get("prior"), at + ".prior"));
      names.add(name);
      paths.add(path);
    }
    ScenarioMapping mapping = new TreeMapping(scenarioTree, scenarioFile.toString(), List.copyOf(paths));
    // a misspelt path or a value the scenario rejects: tried at the prior medians, naming the parameter
    double[] medians = priors.stream().mapToDouble(Prior::median).toArray();
    for (int k = 0; k < names.size(); k++) {
      JsonNode copy = scenarioTree.deepCopy();
      ScenarioPaths.set(copy, paths.get(k), medians[k]);
      try {
        ScenarioFile.read(copy, scenarioFile);
      } catch (InvalidInputException e) {
        throw error("parameters[" + k + "].path", e.getMessage());
      }
    }
    AbcSmc.Builder b = AbcSmc.builder(mapping).description(scenarioText + "|" + paths);
    for (int k = 0; k < names.size(); k++) {
      String at = "parameters[" + k + "]";
      int kk = k;
      build(at + ".name", () -> b.parameter(names.get(kk), priors.get(kk)));
    }
    JsonNode targets = root.get("targets");
    if (targets == null || !targets.isArray() || targets.isEmpty()) {
      throw error("targets", "expected a list of targets (statistic, observed, scale)");
    }
    for (int i = 0; i < targets.size(); i++) {
      String at = "targets[" + i + "]";
      JsonNode t = targets.get(i);
      allow(t, at, "statistic", "observed", "scale");
      Statistic s = statistic(t.get("statistic"), at + ".statistic", dir);
      double observed = s instanceof Statistic.Series ? 0 : num(t, at, "observed", Double.NaN);
      if (Double.isNaN(observed)) {
        throw error(at + ".observed", "missing");
      }
      if (s instanceof Statistic.Series && t.has("observed") && num(t, at, "observed", 0) != 0) {
        throw error(at + ".observed", "a series target has no observed value (the statistic is a distance to the series)");
      }
      Target target;
      if (t.has("scale")) {
        double scale = num(t, at, "scale", 1);
        target = build(at + ".scale", () -> new Target(s, observed, scale));
      } else {
        target = build(at + ".scale", () -> Target.of(s, observed));
      }
      b.target(target);
    }
    build("particles", () -> b.particles(count(root, "", "particles", AbcSmc.DEFAULT_PARTICLES)));
    build("budget", () -> b.budget(whole(root, "", "budget", AbcSmc.DEFAULT_BUDGET)));
    build("replicatesPerParticle", () -> b.replicatesPerParticle(count(root, "", "replicatesPerParticle", 1)));
    build("minAcceptance", () -> b.minAcceptance(num(root, "", "minAcceptance", AbcSmc.DEFAULT_MIN_ACCEPTANCE)));
    build("maxGenerations", () -> b.maxGenerations(count(root, "", "maxGenerations", AbcSmc.DEFAULT_MAX_GENERATIONS)));
    build("essReduction", () -> b.essReduction(num(root, "", "essReduction", AbcSmc.DEFAULT_ESS_REDUCTION)));
    build("targetTolerance", () -> b.targetTolerance(num(root, "", "targetTolerance", 0)));
    if (root.has("kernel")) {
      String k = root.get("kernel").asText().toLowerCase(Locale.ROOT);
      b.kernel(switch (k) {
        case "optimal-local", "olcm" -> Kernel.OPTIMAL_LOCAL;
        case "twice-covariance" -> Kernel.TWICE_COVARIANCE;
        default -> throw error("kernel", "expected optimal-local or twice-covariance, found '" + root.get("kernel").asText() + "'");
      });
    }
    AbcSmc abc = build("budget", b::build);
    try {
      abc.check();
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      if (m.startsWith("parameter '")) {
        int k = names.indexOf(m.substring(11, m.indexOf('\'', 11)));
        throw error("parameters[" + k + "].prior", m);
      }
      if (m.startsWith("target ")) {
        int k = Integer.parseInt(m.substring(7, m.indexOf(' ', 7)));
        throw error("targets[" + k + "].statistic", m.substring(m.indexOf(": ") + 2));
      }
      throw new InvalidInputException(source, m);
    }
    this.calibration = abc;
  }

  /**
   * @param file the calibration file
   * @return the checked configuration
   * @throws IOException if a file cannot be read
   */
  static CalibrationConfig read(Path file) throws IOException {
    return new CalibrationConfig(file);
  }

  /** The scenario tree with values substituted at the paths (a copy). */
  JsonNode substituted(double[] values) {
    JsonNode copy = scenarioTree.deepCopy();
    for (int k = 0; k < paths.size(); k++) {
      ScenarioPaths.set(copy, paths.get(k), values[k]);
    }
    return copy;
  }

  /** Values to scenario: the scenario file's tree, edited at the paths and read as the file would be. */
  record TreeMapping(JsonNode tree, String file, List<String> paths) implements ScenarioMapping {
    @Override
    public Scenario scenario(double[] values) {
      JsonNode copy = tree.deepCopy();
      for (int k = 0; k < paths.size(); k++) {
        ScenarioPaths.set(copy, paths.get(k), values[k]);
      }
      try {
        return ScenarioFile.read(copy, Path.of(file));
      } catch (InvalidInputException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static JsonNode parse(Path file, String source) throws IOException {
    return Documents.parse(file, source, "file");
  }

  private InvalidInputException error(String field, String problem) {
    return new InvalidInputException(source, field + ": " + problem);
  }

  private <T> T build(String field, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (InvalidInputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw error(field, e.getMessage());
    }
  }

  private void allow(JsonNode node, String at, String... keys) {
    if (node == null || !node.isObject()) {
      throw error(at.isEmpty() ? "(top level)" : at, "expected a mapping");
    }
    ScenarioFile.refuseUnknownFields(source, node, at, List.of(keys));
  }

  private String text(JsonNode node, String at, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw error(ScenarioFile.child(at, key), "missing");
    }
    if (!v.isTextual()) {
      throw error(ScenarioFile.child(at, key), "expected text, found " + v);
    }
    return v.asText();
  }

  private double num(JsonNode node, String at, String key, double otherwise) {
    return value(node, at, key, otherwise, JsonNode::isNumber, "a number", JsonNode::asDouble);
  }

  private long whole(JsonNode node, String at, String key, long otherwise) {
    return value(node, at, key, otherwise, v -> v.isIntegralNumber() && v.canConvertToLong(), "a whole number", JsonNode::asLong);
  }

  /** A whole number that fits an int (a count), refused rather than wrapped around when it does not. */
  private int count(JsonNode node, String at, String key, int otherwise) {
    long v = whole(node, at, key, otherwise);
    JsonNode given = node.get(key);
    if (v != (int) v || given != null && given.isIntegralNumber() && !given.canConvertToInt()) {
      throw error(ScenarioFile.child(at, key), "expected a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ", found " + node.get(key));
    }
    return (int) v;
  }

  /** The value of an optional field of one JSON type, or the default when it is absent or null. */
  private <T> T value(JsonNode node, String at, String key, T otherwise, java.util.function.Predicate<JsonNode> is, String expected,
      java.util.function.Function<JsonNode, T> get) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return otherwise;
    }
    if (!is.test(v)) {
      throw error(ScenarioFile.child(at, key), "expected " + expected + ", found " + v);
    }
    return get.apply(v);
  }

  private double[] numbers(JsonNode v, String at, int n) {
    if (v == null || !v.isArray() || v.size() != n) {
      throw error(at, "expected a list of " + n + " numbers, found " + v);
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      if (!v.get(i).isNumber() && !(v.get(i).isTextual() && v.get(i).asText().matches("-?(inf|Infinity|\\.inf)"))) {
        throw error(at + "[" + i + "]", "expected a number, found " + v.get(i));
      }
      String s = v.get(i).asText();
      out[i] = v.get(i).isNumber() ? v.get(i).asDouble() : s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return out;
  }

  private Prior prior(JsonNode p, String at) {
    if (p == null || !p.isObject() || p.size() != 1) {
      throw error(at, "expected one of {uniform: [a, b]}, {logUniform: [a, b]}, {normal: [mean, sd]}, "
          + "{truncatedNormal: [mean, sd, lower, upper]}, {beta: [a, b]}");
    }
    String family = p.fieldNames().next();
    JsonNode v = p.get(family);
    String f = at + "." + family;
    return build(f, () -> switch (family) {
      case "uniform" -> {
        double[] x = numbers(v, f, 2);
        yield Prior.uniform(x[0], x[1]);
      }
      case "logUniform" -> {
        double[] x = numbers(v, f, 2);
        yield Prior.logUniform(x[0], x[1]);
      }
      case "normal" -> {
        double[] x = numbers(v, f, 2);
        yield Prior.normal(x[0], x[1]);
      }
      case "truncatedNormal" -> {
        double[] x = numbers(v, f, 4);
        yield Prior.truncatedNormal(x[0], x[1], x[2], x[3]);
      }
      case "beta" -> {
        double[] x = numbers(v, f, 2);
        yield Prior.beta(x[0], x[1]);
      }
      default -> throw error(at, "expected one of uniform, logUniform, normal, truncatedNormal, beta, found '" + family + "'");
    });
  }

  private Observed observable(JsonNode v, String at) {
    if (v == null || !v.isTextual()) {
      throw error(at, "expected an observable, one of " + keys());
    }
    for (Observed o : Observed.values()) {
      if (o.key().equals(v.asText().strip().toLowerCase(Locale.ROOT))) {
        return o;
      }
    }
    throw error(at, "unknown observable '" + v.asText() + "'; expected one of " + keys());
  }

  private static List<String> keys() {
    return Arrays.stream(Observed.values()).map(Observed::key).toList();
  }

  private Statistic statistic(JsonNode s, String at, Path dir) {
    if (s == null || !s.isObject()) {
      throw error(at, "expected a mapping such as {change: active_channels, before: [20, 50], after: [51, 81]}");
    }
    String platform = s.has("platform") ? text(s, at, "platform") : "";
    if (s.has("change")) {
      allow(s, at, "change", "before", "after");
      Observed o = observable(s.get("change"), at + ".change");
      double[] before = numbers(s.get("before"), at + ".before", 2);
      double[] after = numbers(s.get("after"), at + ".after", 2);
      return build(at, () -> new Statistic.Change(o, before[0], before[1], after[0], after[1]));
    }
    if (s.has("value")) {
      allow(s, at, "value", "at");
      Observed o = observable(s.get("value"), at + ".value");
      if (!s.has("at")) {
        throw error(at + ".at", "missing");
      }
      double t = num(s, at, "at", 0);
      return build(at, () -> new Statistic.Value(o, t));
    }
    if (s.has("series")) {
      allow(s, at, "series", "file", "column", "scale");
      Observed o = observable(s.get("series"), at + ".series");
      String fileName = text(s, at, "file");
      String scale = s.has("scale") ? text(s, at, "scale") : "log";
      if (!scale.equals("log") && !scale.equals("linear")) {
        throw error(at + ".scale", "expected log or linear, found '" + scale + "'");
      }
      TimeSeriesTable table;
      try {
        table = TimeSeriesTable.read(dir.resolve(fileName));
      } catch (UncheckedIOException e) {
        throw error(at + ".file", "cannot read " + fileName + ": " + e.getCause().getMessage());
      }
      String column = s.has("column") ? text(s, at, "column") : table.names().get(0);
      if (!table.names().contains(column)) {
        throw error(at + ".column", "no column '" + column + "' in " + fileName + "; it has " + table.names());
      }
      return build(at, () -> new Statistic.Series(o, table.times(), table.series(column), scale.equals("log")));
    }
    if (s.has("lifetimes")) {
      allow(s, at, "lifetimes", "created", "platform");
      String m = text(s, at, "lifetimes");
      if (!m.equals("mean") && !m.equals("median")) {
        throw error(at + ".lifetimes", "expected mean or median, found '" + m + "'");
      }
      double[] w = numbers(s.get("created"), at + ".created", 2);
      return build(at, () -> new Statistic.Lifetimes(w[0], w[1], platform, m.equals("mean")));
    }
    if (s.has("count")) {
      allow(s, at, "count", "platform");
      double[] w = numbers(s.get("count"), at + ".count", 2);
      return build(at, () -> new Statistic.Count(w[0], w[1], platform));
    }
    throw error(at, "expected one of change, value, series, lifetimes, count");
  }
}
