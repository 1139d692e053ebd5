package org.channelrisk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
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
   * @param file the file
   * @param source its name, for messages
   * @param kind what the file is, for the message when it is missing ("scenario file")
   * @return the document's tree
   * @throws InvalidInputException if the file is missing, unreadable, not UTF-8, or not well-formed
   *     (with the line and column where the parser stopped)
   */
  static JsonNode parse(Path file, String source, String kind) throws IOException {
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
      return new ObjectMapper(factory).readTree(text);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      InvalidInputException bad = InvalidInputException.atPosition(source, loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr(), "not valid " + (json ? "JSON" : "YAML") + ": " + problem(e));
      bad.initCause(e); // the parser's whole message, printed under --verbose
      throw bad;
    }
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
