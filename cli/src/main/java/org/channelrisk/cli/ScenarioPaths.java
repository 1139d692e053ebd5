package org.channelrisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field paths into a parsed scenario document, in the form the scenario reader's messages print them:
 * {@code recreation.probability}, {@code ecosystem.generate.platforms[0].cooperation[1].compliance}.
 * Setting a value creates missing mappings on the way (a field the file leaves at its default); list
 * items must exist. Whether the field means anything is left to the scenario reader, which rejects
 * unknown fields, so a misspelt path fails when the edited document is read.
 */
final class ScenarioPaths {
  private static final Pattern STEP = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[\\d+])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

  private ScenarioPaths() {}

  /** One step: a field name, then zero or more list indices. */
  private record Step(String field, List<Integer> indices) {}

  private static List<Step> parse(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("empty path");
    }
    List<Step> steps = new ArrayList<>();
    for (String part : path.split("\\.", -1)) {
      Matcher m = STEP.matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException("'" + path + "' is not a field path like recreation.probability or platforms[0].compliance");
      }
      List<Integer> idx = new ArrayList<>();
      Matcher im = INDEX.matcher(m.group(2));
      while (im.find()) {
        idx.add(Integer.parseInt(im.group(1)));
      }
      steps.add(new Step(m.group(1), idx));
    }
    return steps;
  }

  /**
   * Checks the syntax and that every list item on the way exists.
   *
   * @param root the document
   * @param path the path
   * @throws IllegalArgumentException saying what is wrong
   */
  static void check(JsonNode root, String path) {
    set(root.deepCopy(), path, 0);
  }

  /**
   * Sets a number at a path, creating missing mappings; where the field holds a whole number, the value
   * is rounded (a count stays a count).
   *
   * @param root the document (modified)
   * @param path the path
   * @param value the value
   */
  static void set(JsonNode root, String path, double value) {
    List<Step> steps = parse(path);
    JsonNode node = root;
    String at = "";
    for (int s = 0; s < steps.size(); s++) {
      Step step = steps.get(s);
      boolean last = s == steps.size() - 1;
      if (!(node instanceof ObjectNode obj)) {
        throw new IllegalArgumentException((at.isEmpty() ? "the document" : at) + " is not a mapping");
      }
      at = at.isEmpty() ? step.field() : at + "." + step.field();
      if (last && step.indices().isEmpty()) {
        JsonNode old = obj.get(step.field());
        if (old != null && !old.isNull() && !old.isNumber()) {
          throw new IllegalArgumentException(at + " holds " + old.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not a number");
        }
        obj.set(step.field(), old != null && old.isIntegralNumber() ? LongNode.valueOf(Math.round(value)) : DoubleNode.valueOf(value));
        return;
      }
      JsonNode next = obj.get(step.field());
      if (next == null || next.isNull()) {
        if (!step.indices().isEmpty()) {
          throw new IllegalArgumentException(at + ": missing (a list item must exist in the scenario file)");
        }
        next = obj.set(step.field(), JsonNodeFactory.instance.objectNode()).get(step.field());
      }
      for (int k = 0; k < step.indices().size(); k++) {
        int i = step.indices().get(k);
        if (!(next instanceof ArrayNode arr)) {
          throw new IllegalArgumentException(at + ": not a list");
        }
        if (i >= arr.size()) {
          throw new IllegalArgumentException(at + "[" + i + "]: the list has " + arr.size() + " item(s)");
        }
        at = at + "[" + i + "]";
        if (last && k == step.indices().size() - 1) {
          JsonNode old = arr.get(i);
          if (!old.isNumber()) {
            throw new IllegalArgumentException(at + " is not a number");
          }
          arr.set(i, old.isIntegralNumber() ? LongNode.valueOf(Math.round(value)) : DoubleNode.valueOf(value));
          return;
        }
        next = arr.get(i);
      }
      node = next;
    }
  }
}
