package org.channelrisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.channelrisk.io.EcosystemCsv;
import org.channelrisk.io.InvalidInputException;
import org.channelrisk.model.ChannelRole;
import org.channelrisk.model.Cooperation;
import org.channelrisk.model.CooperationSchedule;
import org.channelrisk.model.Ecosystem;
import org.channelrisk.model.EcosystemGenerator;
import org.channelrisk.model.LatencyDistribution;
import org.channelrisk.model.Platform;
import org.channelrisk.model.SecurityRating;
import org.channelrisk.sim.ActionDay;
import org.channelrisk.sim.AudienceRecovery;
import org.channelrisk.sim.BanLevel;
import org.channelrisk.sim.Migration;
import org.channelrisk.sim.Presets;
import org.channelrisk.sim.Recreation;
import org.channelrisk.sim.RoutineBans;
import org.channelrisk.sim.Scenario;
import org.channelrisk.sim.TargetingStrategy;

/**
 * Reads a scenario from YAML or JSON (the core stays free of a JSON library). Every error names the
 * file and the field path, and for a field the file gives its line and column, e.g. {@code nov2019.yaml line 21,
 * column 5: actionDays[0].budget: expected a whole number, found "many"} (a model's own check, such as
 * {@code meanDays must be > 0}, at the line of the field it names); unknown fields are errors too, since a misspelt key would otherwise be ignored
 * silently. The format is documented in {@code examples/scenarios/README.md}.
 */
final class ScenarioFile {
  /** The top-level fields that describe the network and the model: a preset gives all of them. */
  private static final List<String> MODEL_FIELDS = List.of("ecosystem", "detectionRate", "referenceAudience", "routineBan",
      "recreation", "audience", "migration", "actionDays");
  /** The top-level fields that combine with a preset as well as with the model's fields. */
  private static final List<String> RUN_FIELDS = List.of("horizon", "gridStep", "eventLog", "abandonmentRate", "moveRate",
      "postingRates");

  /** Every top-level field. */
  private static final List<String> TOP_FIELDS =
      Stream.of(List.of("preset"), MODEL_FIELDS, RUN_FIELDS).flatMap(List::stream).toList();

  /**
   * A preset's network size when the file gives none. {@link Presets} takes the size from its caller;
   * this is the size of the presets' own examples and of {@code examples/scenarios/nov2019.yaml}.
   */
  static final int PRESET_CHANNELS = 20_000;
  /** A platform's user base when the file gives none. */
  static final long PLATFORM_USER_BASE = 0;
  /** A platform's security rating when the file gives none. */
  static final SecurityRating PLATFORM_SECURITY = SecurityRating.SAFE;
  /** A platform's share of the channels when the file gives none (one platform takes them all). */
  static final double PLATFORM_SHARE = 1;
  /** The words for a misspelt key, the same in the scenario and the calibration file. */
  private static final String UNKNOWN_FIELD = "unknown field; expected one of ";

  /**
   * Telegram's stance in the nov2019 preset when the file gives none: its 2019 cooperation
   * ("praised"), the story the preset is calibrated to; false is its 2017 stance.
   */
  static final boolean PRESET_PRAISED = true;

  private final String source;
  private final Path dir;
  private final Documents.Document document;

  private ScenarioFile(Path file, Documents.Document document) {
    this.source = file.getFileName().toString();
    this.dir = file.toAbsolutePath().getParent();
    this.document = document;
  }

  static Scenario read(Path file) throws IOException {
    return read(Documents.read(file, file.getFileName().toString(), "scenario file"), file);
  }

  /**
   * Reads a scenario from an already parsed document, as if it were the content of {@code file}
   * (messages name the file; relative folders resolve against its folder). Used by {@code calibrate},
   * which edits the tree at parameter paths.
   */
  static Scenario read(JsonNode root, Path file) throws IOException {
    return read(Documents.Document.of(root), file);
  }

  /** Reads a parsed document; a refused value is reported at its line where the document knows it. */
  static Scenario read(Documents.Document document, Path file) throws IOException {
    ScenarioFile sf = new ScenarioFile(file, document);
    JsonNode root = document.root();
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(sf.source, "expected a mapping of scenario fields at the top level");
    }
    return sf.scenario(sf.new Node(root, ""));
  }

  /**
   * The error for the value at a field path: "nov2019.yaml line 21, column 5: actionDays[0].budget:
   * ...", or without the position where the document does not know it (an edited tree).
   */
  private InvalidInputException at(String path, String problem) {
    return located(path, (path.isEmpty() ? "" : path + ": ") + problem);
  }

  /** The error with this text, at the position of the value at {@code path} if the document knows it. */
  private InvalidInputException located(String path, String text) {
    return document.at(path).map(p -> InvalidInputException.atPosition(source, p.line(), p.column(), text))
        .orElseGet(() -> new InvalidInputException(source, text));
  }

  /** A channel count: a whole number that fits in an int and in this JVM's heap (checked before any work). */
  private static int channels(Node n, long defaultValue) {
    long c = n.whole("channels", defaultValue);
    if (c < 0) {
      throw n.error("channels must be >= 0: " + c);
    }
    String problem = EcosystemCommand.Generate.memoryProblem(c);
    if (problem != null) {
      throw n.error("channels " + problem);
    }
    return (int) c;
  }

  /**
   * The parser's problem in one line: SnakeYAML's message has the context, an excerpt with a caret
   * under the position and the problem on separate lines; the excerpt lines are indented.
   */
  static String problem(String message) {
    if (message == null) {
      return "malformed";
    }
    return message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .map(String::strip).reduce((a, b) -> a + ": " + b).orElse(message.strip());
  }

  /**
   * Refuses a field of a mapping that is not one of {@code keys}, since a misspelt key would otherwise
   * be ignored silently; the scenario file and the calibration file say it in the same words.
   *
   * @param source the file's name, for the message
   * @param mapping an object node
   * @param path the mapping's field path, empty at the top level
   * @param keys the fields allowed
   * @throws InvalidInputException "{@code path.field}: unknown field; expected one of [keys]"
   */
  static void refuseUnknownFields(String source, JsonNode mapping, String path, List<String> keys) {
    Iterator<String> it = mapping.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!keys.contains(k)) {
        throw new InvalidInputException(source, child(path, k) + ": " + UNKNOWN_FIELD + keys);
      }
    }
  }

  /** The field path of {@code key} in the mapping at {@code path} ("" at the top level). */
  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** A position in the document: the node and its path for messages. */
  private final class Node {
    final JsonNode node;
    final String path;

    Node(JsonNode node, String path) {
      this.node = node;
      this.path = path;
    }

    InvalidInputException error(String problem) {
      // a model's message names its setting first ("meanDays must be > 0: -10"): where this mapping
      // has a field of that name, the position is that field's line, the text the same
      if (problem == null) {
        problem = "not a valid value";
      }
      int end = 0;
      while (end < problem.length() && Character.isLetterOrDigit(problem.charAt(end))) {
        end++;
      }
      String first = problem.substring(0, end);
      if (node.isObject() && node.has(first)) {
        return located(child(first), (path.isEmpty() ? "" : path + ": ") + problem);
      }
      return at(path, problem);
    }

    String child(String key) {
      return ScenarioFile.child(path, key);
    }

    /** @return this node's number, or an error at its line */
    double number() {
      if (!node.isNumber()) {
        throw at(path, "expected a number, found " + node);
      }
      return node.asDouble();
    }

    void allow(String... keys) {
      allow(List.of(keys));
    }

    void allow(List<String> keys) {
      if (!node.isObject()) {
        throw error("expected a mapping, found " + node.getNodeType().name().toLowerCase(Locale.ROOT));
      }
      Iterator<String> it = node.fieldNames();
      while (it.hasNext()) {
        String k = it.next();
        if (!keys.contains(k)) {
          throw at(child(k), UNKNOWN_FIELD + keys);
        }
      }
    }

    boolean has(String key) {
      return node.has(key) && !node.get(key).isNull();
    }

    Node get(String key) {
      if (!has(key)) {
        throw located(path, child(key) + ": missing");
      }
      return new Node(node.get(key), child(key));
    }

    double num(String key, double otherwise) {
      return value(key, otherwise, JsonNode::isNumber, "a number", JsonNode::asDouble);
    }

    long whole(String key, long otherwise) {
      return value(key, otherwise, v -> v.isIntegralNumber() && v.canConvertToLong(), "a whole number", JsonNode::asLong);
    }

    String text(String key, String otherwise) {
      return value(key, otherwise, JsonNode::isTextual, "text", JsonNode::asText);
    }

    boolean bool(String key, boolean otherwise) {
      return value(key, otherwise, JsonNode::isBoolean, "true or false", JsonNode::asBoolean);
    }

    /** The value of an optional field of one JSON type, or the default when it is absent. */
    private <T> T value(String key, T otherwise, java.util.function.Predicate<JsonNode> is, String expected,
        java.util.function.Function<JsonNode, T> get) {
      if (!has(key)) {
        return otherwise;
      }
      JsonNode v = node.get(key);
      if (!is.test(v)) {
        throw at(child(key), "expected " + expected + ", found " + v);
      }
      return get.apply(v);
    }

    List<Node> list(String key) {
      if (!has(key)) {
        return List.of();
      }
      JsonNode v = node.get(key);
      if (!v.isArray()) {
        throw at(child(key), "expected a list, found " + v);
      }
      List<Node> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        out.add(new Node(v.get(i), child(key) + "[" + i + "]"));
      }
      return out;
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E otherwise) {
      String s = text(key, null);
      if (s == null) {
        return otherwise;
      }
      try {
        return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw at(child(key), "expected one of "
            + java.util.Arrays.toString(type.getEnumConstants()) + ", found '" + s + "'");
      }
    }

    /**
     * Passes the number at {@code key} to a model's setter when the file gives one; otherwise the
     * model's own default stands (the reader keeps none of its own).
     */
    void number(String key, java.util.function.DoubleConsumer setter) {
      if (has(key)) {
        double v = num(key, Double.NaN); // present: the NaN is never used
        build(() -> {
          setter.accept(v);
          return null;
        });
      }
    }

    /** As {@link #number}, for an enum field. */
    <E extends Enum<E>> void option(String key, Class<E> type, java.util.function.Consumer<E> setter) {
      E v = choice(key, type, null);
      if (v != null) {
        build(() -> {
          setter.accept(v);
          return null;
        });
      }
    }

    /** Runs a model constructor, turning its validation message into one that names this path. */
    <T> T build(java.util.function.Supplier<T> make) {
      try {
        return make.get();
      } catch (InvalidInputException e) {
        throw e;
      } catch (IllegalArgumentException | NullPointerException e) {
        throw error(e.getMessage());
      }
    }
  }

  private Scenario scenario(Node root) throws IOException {
    root.allow(TOP_FIELDS);
    Scenario.Builder b;
    if (root.has("preset")) {
      Node p = root.get("preset");
      p.allow("name", "channels", "praised");
      int channels = channels(p, PRESET_CHANNELS);
      String name = p.text("name", "");
      Scenario preset = p.build(() -> switch (name) {
        case "nov2019" -> Presets.actionDay2019(channels, p.bool("praised", PRESET_PRAISED));
        case "telegram2015" -> Presets.telegram2015(channels);
        default -> throw new IllegalArgumentException("unknown preset '" + name + "'; the presets are nov2019 and telegram2015");
      });
      for (String k : MODEL_FIELDS) {
        if (root.has(k)) {
          int last = RUN_FIELDS.size() - 1;
          throw at(k, "cannot be combined with a preset (only "
              + String.join(", ", RUN_FIELDS.subList(0, last)) + " and " + RUN_FIELDS.get(last) + " can)");
        }
      }
      b = preset.toBuilder();
    } else {
      Ecosystem eco = ecosystem(root.get("ecosystem"));
      Scenario.Builder sb = Scenario.builder(eco);
      // Defaults come from the model's records (RoutineBans.DEFAULT, ...), never repeated here.
      root.number("detectionRate", sb::detectionRate);
      root.number("referenceAudience", sb::referenceAudience);
      b = sb;
      if (root.has("routineBan")) {
        Node r = root.get("routineBan");
        r.allow("level", "spareShare");
        RoutineBans d = RoutineBans.DEFAULT;
        r.build(() -> sb.routineBan(new RoutineBans(r.choice("level", BanLevel.class, d.level()), r.num("spareShare", d.spareShare()))));
      }
      if (root.has("recreation")) {
        Node r = root.get("recreation");
        r.allow("probability", "delay");
        Recreation d = Recreation.DEFAULT;
        LatencyDistribution delay = r.has("delay") ? latency(r.get("delay")) : d.delay();
        r.build(() -> sb.recreation(new Recreation(r.num("probability", d.probability()), delay)));
      }
      if (root.has("audience")) {
        Node a = root.get("audience");
        a.allow("r0", "r1", "retention");
        AudienceRecovery d = AudienceRecovery.DEFAULT;
        a.build(() -> sb.audience(new AudienceRecovery(a.num("r0", d.baseHazard()), a.num("r1", d.linkHazard()),
            a.num("retention", d.retention()))));
      }
      if (root.has("migration")) {
        Node m = root.get("migration");
        m.allow("security", "users", "pressure", "stay", "memoryDays");
        Migration d = Migration.DEFAULT;
        m.build(() -> sb.migration(new Migration(m.num("security", d.securityWeight()), m.num("users", d.usersWeight()),
            m.num("pressure", d.pressureWeight()), m.num("stay", d.stayBonus()), m.num("memoryDays", d.memoryDays()))));
      }
      for (Node a : root.list("actionDays")) {
        sb.actionDay(actionDay(a, eco.platforms().keySet()));
      }
    }
    Scenario.Builder fb = b;
    return root.build(() -> {
      if (root.has("horizon")) {
        fb.horizon(root.num("horizon", 0));
      }
      if (root.has("gridStep")) {
        fb.gridStep(root.num("gridStep", 0));
      }
      if (root.has("eventLog")) {
        fb.eventLog(root.bool("eventLog", false));
      }
      operatorsAndPosts(root, fb);
      return fb.build();
    });
  }

  /** The fields that combine with a preset too: operators' own ends and posting rates by role. */
  private void operatorsAndPosts(Node root, Scenario.Builder b) {
    if (root.has("abandonmentRate")) {
      b.abandonmentRate(root.num("abandonmentRate", 0));
    }
    if (root.has("moveRate")) {
      b.moveRate(root.num("moveRate", 0));
    }
    if (root.has("postingRates")) {
      Node p = root.get("postingRates");
      String[] keys = java.util.Arrays.stream(ChannelRole.values()).map(r -> r.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
      p.allow(keys);
      for (ChannelRole r : ChannelRole.values()) {
        String k = r.name().toLowerCase(Locale.ROOT);
        if (p.has(k)) {
          double v = p.num(k, 0);
          p.build(() -> b.postingRate(r, v));
        }
      }
    }
  }

  /** An action day; a platform it names must be one of the ecosystem's, refused at its line otherwise. */
  private ActionDay actionDay(Node a, java.util.Set<String> known) {
    a.allow("time", "window", "budget", "platforms", "strategy", "banLevel", "spareBanShare", "pressure");
    if (!a.has("time")) {
      throw a.error("time: missing");
    }
    ActionDay.Builder d = a.build(() -> ActionDay.at(a.num("time", Double.NaN)));
    a.number("window", d::window);
    if (a.has("budget")) {
      long budget = a.whole("budget", 0);
      if (budget > Integer.MAX_VALUE || budget < Integer.MIN_VALUE) {
        throw a.get("budget").error("expected a whole number from 0 to " + Integer.MAX_VALUE + ", found " + budget);
      }
      a.build(() -> d.budget((int) budget));
    }
    List<String> platforms = new ArrayList<>();
    for (Node p : a.list("platforms")) {
      if (!p.node.isTextual()) {
        throw p.error("expected a platform id, found " + p.node);
      }
      if (!known.contains(p.node.asText())) {
        throw p.error("unknown platform '" + p.node.asText() + "'; the platforms are " + known);
      }
      platforms.add(p.node.asText());
    }
    if (!platforms.isEmpty()) {
      a.build(() -> d.platforms(platforms.toArray(String[]::new)));
    }
    a.option("strategy", TargetingStrategy.class, d::strategy);
    a.option("banLevel", BanLevel.class, d::banLevel);
    a.number("spareBanShare", d::spareBanShare);
    if (a.has("pressure")) {
      Node p = a.get("pressure");
      p.allow("days", "multiplier");
      p.build(() -> d.pressure(p.num("days", ActionDay.DEFAULT_PRESSURE_DAYS),
          p.num("multiplier", ActionDay.DEFAULT_PRESSURE_MULTIPLIER)));
    }
    return a.build(d::build);
  }

  private Ecosystem ecosystem(Node e) {
    e.allow("folder", "generate");
    if (e.has("folder")) {
      return EcosystemCsv.read(dir.resolve(e.text("folder", "")));
    }
    Node g = e.get("generate");
    g.allow("channels", "seed", "meanOutDegree", "channelsPerOperator", "meanSpareAccounts", "platforms");
    EcosystemGenerator.Builder b = EcosystemGenerator.builder();
    int channels = channels(g, EcosystemGenerator.DEFAULT_CHANNELS);
    g.build(() -> b.channels(channels));
    if (g.has("seed")) {
      long seed = g.whole("seed", 0);
      g.build(() -> b.seed(seed));
    }
    g.number("meanOutDegree", b::meanOutDegree);
    g.number("channelsPerOperator", b::channelsPerOperator);
    g.number("meanSpareAccounts", b::meanSpareAccounts);
    for (Node p : g.list("platforms")) {
      p.allow("id", "name", "userBase", "securityRating", "share", "cooperation");
      List<Node> profiles = p.list("cooperation");
      CooperationSchedule schedule;
      if (profiles.isEmpty()) {
        schedule = CooperationSchedule.constant(Cooperation.none());
      } else {
        CooperationSchedule.Builder sb = CooperationSchedule.startingWith(cooperation(profiles.get(0)));
        for (Node c : profiles.subList(1, profiles.size())) {
          if (!c.has("fromDay")) {
            throw c.error("fromDay: missing (every profile after the first starts on a day)");
          }
          Cooperation coop = cooperation(c);
          c.build(() -> sb.from(c.num("fromDay", 0), coop));
        }
        schedule = sb.build();
      }
      Platform platform = p.build(() -> new Platform(p.text("id", null), p.text("name", p.text("id", "")),
          p.whole("userBase", PLATFORM_USER_BASE), p.choice("securityRating", SecurityRating.class, PLATFORM_SECURITY), schedule));
      p.build(() -> b.platform(platform, p.num("share", PLATFORM_SHARE)));
    }
    return g.build(() -> b.build().generate());
  }

  private Cooperation cooperation(Node c) {
    c.allow("fromDay", "compliance", "latency", "proactiveHazard", "visibilityExponent");
    Cooperation.Builder b = Cooperation.builder();
    c.number("compliance", b::compliance);
    if (c.has("latency")) {
      LatencyDistribution latency = latency(c.get("latency"));
      c.build(() -> b.latency(latency));
    }
    c.number("proactiveHazard", b::proactiveHazard);
    c.number("visibilityExponent", b::visibilityExponent);
    return c.build(b::build);
  }

  private LatencyDistribution latency(Node l) {
    l.allow("family", "meanDays", "meanHours", "shape", "scaleDays", "mu", "sigma", "days");
    String family = l.text("family", "exponential");
    // a distribution's parameters have no defaults: a family without them is a mistake to report
    return l.build(() -> switch (family.toLowerCase(Locale.ROOT)) {
      case "exponential" -> {
        if (l.has("meanHours") == l.has("meanDays")) {
          throw new IllegalArgumentException("exponential: give meanDays or meanHours, one of them");
        }
        yield l.has("meanHours") ? LatencyDistribution.exponentialHours(l.num("meanHours", Double.NaN))
            : LatencyDistribution.exponential(l.num("meanDays", Double.NaN));
      }
      case "weibull" -> LatencyDistribution.weibull(l.get("shape").number(), l.get("scaleDays").number());
      case "lognormal" -> LatencyDistribution.logNormal(l.get("mu").number(), l.get("sigma").number());
      case "fixed" -> LatencyDistribution.fixed(l.get("days").number());
      default -> throw new IllegalArgumentException("family: expected exponential, weibull, lognormal or fixed, found '" + family + "'");
    });
  }
}
