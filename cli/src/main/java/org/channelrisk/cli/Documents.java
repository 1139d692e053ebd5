package org.channelrisk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.channelrisk.io.InvalidInputException;

/**
 * Reads the YAML and JSON files of the command line (scenarios, calibration configurations) into a
 * tree, and says in one line what is wrong with one that does not parse. A key given twice is an
 * error (the reader would otherwise keep the last one silently, as it would a misspelt key), and the
 * parser's own wording (option names of the library, excerpts with carets) does not reach the user.
 */
final class Documents {
  private Documents() {}

  /**
   * A parsed document with where each of its values stands, so that a value refused later (a
   * probability of 1.8) is reported at its line, as a malformed one is.
   *
   * @param root the tree
   * @param positions per field path ({@code actionDays[0].budget}, as {@link ScenarioFile#child}
   *     writes them; the root has none), the line and column of the field's key, or of an item of a list
   */
  record Document(JsonNode root, Map<String, Position> positions) {
    Document {
      positions = Map.copyOf(positions);
    }

    /** A tree without positions: an edited copy, whose values are no longer where the file had them. */
    static Document of(JsonNode root) {
      return new Document(root, Map.of());
    }

    /** @return where the value at this path stands, if known */
    Optional<Position> at(String path) {
      return Optional.ofNullable(positions.get(path));
    }
  }

  /** A line and column in a file, both from 1. */
  record Position(long line, long column) {}

  /**
   * @param file the file
   * @param source its name, for messages
   * @param kind what the file is, for the message when it is missing ("scenario file")
   * @return the document's tree
   * @throws InvalidInputException if the file is missing, unreadable, not UTF-8, or not well-formed
   *     (with the line and column where the parser stopped)
   */
  static JsonNode parse(Path file, String source, String kind) throws IOException {
    return read(file, source, kind).root();
  }

  /**
   * Like {@link #parse}, with the position of every value.
   *
   * @param file the file
   * @param source its name, for messages
   * @param kind what the file is, for the message when it is missing ("scenario file")
   * @return the tree and its positions
   * @throws InvalidInputException as {@link #parse}
   */
  static Document read(Path file, String source, String kind) throws IOException {
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(file.toString(), "is a folder; expected a .yaml or .json file");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file.toString(), "no such " + kind);
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(source, "not valid UTF-8 text");
    } catch (AccessDeniedException e) {
      throw new InvalidInputException(file.toString(), "cannot read the file: permission denied");
    }
    boolean json = text.stripLeading().startsWith("{");
    JsonFactory factory = json
        ? JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()
        : YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    try {
      JsonNode root = new ObjectMapper(factory).readTree(text);
      // a second, streaming pass for the positions: the tree keeps none; the text parsed once, so
      // this pass cannot fail
      Map<String, Position> positions = new HashMap<>();
      try (JsonParser p = factory.createParser(text)) {
        if (p.nextToken() != null) {
          walk(p, "", position(p.currentTokenLocation()), positions);
        }
      }
      return new Document(root, positions);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      InvalidInputException bad = InvalidInputException.atPosition(source, loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr(), "not valid " + (json ? "JSON" : "YAML") + ": " + problem(e));
      bad.initCause(e); // the parser's whole message, printed under --verbose
      throw bad;
    }
  }

  /**
   * Records the value at the parser's current token under {@code path}, at {@code here} (its key's
   * position for a field), and the values inside it. Depth is bounded by the parser's nesting limit.
   */
  private static void walk(JsonParser p, String path, Position here, Map<String, Position> out) throws IOException {
    if (!path.isEmpty()) {
      out.put(path, here); // the root's position (its first key) would point at an unrelated line
    }
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        Position key = position(p.currentTokenLocation());
        String name = p.currentName();
        p.nextToken();
        walk(p, ScenarioFile.child(path, name), key, out);
      }
    } else if (t == JsonToken.START_ARRAY) {
      for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
        walk(p, path + "[" + i + "]", position(p.currentTokenLocation()), out);
      }
    }
  }

  private static Position position(JsonLocation loc) {
    return new Position(loc.getLineNr(), loc.getColumnNr());
  }

  /** The parser's complaint in the file's terms, on one line. */
  static String problem(JsonProcessingException e) {
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof StreamConstraintsException && m.contains("nesting depth")) {
      return "nested more than 1,000 levels deep";
    }
    if (m.startsWith("Duplicate field '")) {
      String key = m.substring("Duplicate field '".length(), m.indexOf('\'', "Duplicate field '".length()));
      return "the key '" + key + "' is given twice";
    }
    if (m.startsWith("Non-standard token '")) {
      return "'" + m.substring("Non-standard token '".length(), m.indexOf('\'', "Non-standard token '".length()))
          + "' is not a number here: write a finite number";
    }
    if (m.startsWith("Malformed numeric value '")) {
      return "'" + m.substring("Malformed numeric value '".length(), m.indexOf('\'', "Malformed numeric value '".length()))
          + "' is not a finite number";
    }
    return ScenarioFile.problem(m);
  }
}
