package org.channelrisk.cli.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.channelrisk.io.InvalidInputException;
import org.channelrisk.observe.DailyActivity;

/**
 * Reads Telegram Desktop JSON exports ({@code result.json}) with Jackson's streaming parser, one token
 * at a time, into a {@link DailyActivity} and per-chat facts: the heap holds the counters, never the
 * messages, so a 2 GB export reads in a small heap.
 *
 * <p>Accepted: a single-chat export (an object with {@code name, type, id, messages}) or a full-account
 * export (chats under {@code chats.list} and {@code left_chats.list}, each with the same fields). In a
 * message: {@code type} ({@code message} counts; {@code service} only for {@code create_channel},
 * {@code create_group} and {@code migrate_from_group}, which date the chat's creation, and {@code
 * migrate_to_supergroup}, which dates a basic group's move to a new supergroup; others are ignored), {@code date_unixtime} (UTC seconds; {@code date} as local time in a given zone only when
 * it is absent), {@code from_id} (the author), {@code forwarded_from} or {@code forwarded_from_id}
 * (present, even null, means forwarded), and links: items of type {@code link} (the URL is its text)
 * or {@code text_link} (the URL is {@code href}) in {@code text_entities}, or in {@code text} when
 * there is no {@code text_entities}. Message text is never kept.
 *
 * <p>Errors name the file, the line, the JSON path (such as {@code /messages/17/date_unixtime}) and
 * what was expected. Not thread-safe: one reader per ingest.
 */
final class TelegramExportReader {
  /** Dates outside [1970-01-01T00:00:01Z, 2100-01-01) are errors: no export holds them. */
  static final long MAX_SECONDS = 4_102_444_800L;

  private static final int K_NONE = 0;
  private static final int K_MESSAGE = 1;
  private static final int K_SERVICE = 2;
  private static final int K_OTHER = 3;

  private static final int E_UNKNOWN = 0;
  private static final int E_LINK = 1;
  private static final int E_TEXT_LINK = 2;
  private static final int E_OTHER = 3;

  private final JsonFactory factory = JsonFactory.builder().build();
  private final DailyActivity activity;
  private final LinkHosts hosts;
  private final Optional<ZoneId> zone;
  private final boolean skipBad;
  private final LongFunction<String> keyOf;
  private final Map<Long, ChatInfo> chats = new LinkedHashMap<>();
  private final Map<String, Integer> authors = new HashMap<>();

  private long skipped;
  private String firstSkip;
  private long unsupported;

  // per-file and per-message scratch, reused so that a message allocates (almost) nothing
  private String source;
  private final LinkCounts textLinks;
  private final LinkCounts entityLinks;
  private char[] dateBuf = new char[32];
  private char[] lastAuthor = new char[64];
  private int lastAuthorLen = -1;
  private long lastAuthorIndex;
  private int dateLen;
  private char[] textBuf = new char[256];
  private int textLen;
  private char[] hrefBuf = new char[256];
  private int hrefLen;

  /** Link counts of one message: Telegram links, out-links, out-links per class (last: other hosts). */
  static final class LinkCounts {
    int telegram;
    int out;
    final int[] byClass;

    LinkCounts(int classes) {
      byClass = new int[classes];
    }

    void clear() {
      telegram = 0;
      out = 0;
      java.util.Arrays.fill(byClass, 0);
    }
  }

  /**
   * @param activity where the posts go; its link classes must be the hosts' classes plus "other", or none
   * @param hosts the link classifier
   * @param zone the zone of local {@code date} fields, used only for messages without {@code date_unixtime}
   * @param skipBad skip malformed messages (counted) instead of failing
   * @param keyOf a chat id's key in the outputs (the id, or its pseudonym)
   */
  TelegramExportReader(DailyActivity activity, LinkHosts hosts, Optional<ZoneId> zone, boolean skipBad,
      LongFunction<String> keyOf) {
    this.activity = activity;
    this.hosts = hosts;
    this.zone = zone;
    this.skipBad = skipBad;
    this.keyOf = keyOf;
    int classes = activity.linkClasses().size();
    this.textLinks = new LinkCounts(classes);
    this.entityLinks = new LinkCounts(classes);
  }

  /** @return the chats read, by id, in the order first met */
  Map<Long, ChatInfo> chats() {
    return chats;
  }

  /** @return malformed messages skipped */
  long skipped() {
    return skipped;
  }

  /** @return the first skipped message's problem, if any */
  Optional<String> firstSkip() {
    return Optional.ofNullable(firstSkip);
  }

  /** @return messages of a type Telegram could not export ("unsupported" and other types), not counted */
  long unsupported() {
    return unsupported;
  }

  /**
   * Reads one export.
   *
   * @param file the export
   * @throws InvalidInputException on anything that is not a well-formed export (file, line, JSON path)
   * @throws IOException if reading fails
   */
  void read(Path file) throws IOException {
    source = file.toString();
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(source, "is a folder; expected the export's result.json");
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        JsonParser p = factory.createParser(in)) {
      try {
        top(p);
      } catch (JsonEOFException e) {
        throw error(p, "the file ends in the middle of the JSON (truncated?)");
      } catch (StreamReadException e) {
        throw error(p, "not valid JSON: " + firstLine(e.getOriginalMessage()));
      }
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(source, "no such file");
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private InvalidInputException error(JsonParser p, String problem) {
    JsonLocation loc = p.currentTokenLocation();
    String path = p.getParsingContext().pathAsPointer().toString();
    long line = Math.max(loc.getLineNr(), 0);
    return new InvalidInputException(source, line, null,
        "at " + (path.isEmpty() ? "the top level" : path) + " (column " + loc.getColumnNr() + "): " + problem);
  }

  private InvalidInputException notAnExport(JsonParser p) {
    return error(p, "not a Telegram export: expected a chat export (an object with name, type, id, messages)"
        + " or an account export (an object with chats.list)");
  }

  private void top(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw notAnExport(p);
    }
    ChatPart top = new ChatPart(activity.newChat());
    boolean sawMessages = false;
    boolean sawChats = false;
    String f;
    while ((f = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      switch (f) {
        case "name", "type", "id" -> top.field(p, f, t);
        case "messages" -> {
          sawMessages = true;
          messages(p, t, top);
        }
        case "chats", "left_chats" -> {
          sawChats = true;
          chatList(p, t);
        }
        default -> p.skipChildren();
      }
    }
    if (sawMessages) {
      finish(p, top);
    } else if (!sawChats) {
      throw notAnExport(p);
    }
    if (p.nextToken() != null) {
      throw error(p, "unexpected content after the export's closing brace");
    }
  }

  private void chatList(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw error(p, "expected an object with a 'list' of chats");
    }
    String f;
    while ((f = p.nextFieldName()) != null) {
      JsonToken v = p.nextToken();
      if (f.equals("list")) {
        if (v != JsonToken.START_ARRAY) {
          throw error(p, "expected an array of chats");
        }
        while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
          if (v != JsonToken.START_OBJECT) {
            throw error(p, "expected a chat object");
          }
          chat(p);
        }
      } else {
        p.skipChildren();
      }
    }
  }

  private void chat(JsonParser p) throws IOException {
    ChatPart c = new ChatPart(activity.newChat());
    String f;
    while ((f = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      switch (f) {
        case "name", "type", "id" -> c.field(p, f, t);
        case "messages" -> messages(p, t, c);
        default -> p.skipChildren();
      }
    }
    finish(p, c);
  }

  /** A chat object being read: its fields and counters until its end, when it is filed under its id. */
  private final class ChatPart {
    final DailyActivity.Chat counts;
    Long id;
    String name = "";
    String type = "";
    long firstId = Long.MAX_VALUE;
    long lastId = Long.MIN_VALUE;
    final ChatInfo info = new ChatInfo(0, "", "");

    ChatPart(DailyActivity.Chat counts) {
      this.counts = counts;
    }

    void field(JsonParser p, String f, JsonToken t) throws IOException {
      switch (f) {
        case "id" -> {
          if (t == JsonToken.VALUE_NUMBER_INT) {
            id = p.getLongValue();
          } else if (t == JsonToken.VALUE_STRING && p.getText().matches("-?[0-9]{1,18}")) {
            id = Long.parseLong(p.getText());
          } else {
            throw error(p, "expected the chat's numeric id, found " + describe(p, t));
          }
        }
        case "name" -> name = t == JsonToken.VALUE_STRING ? p.getText() : "";
        case "type" -> type = t == JsonToken.VALUE_STRING ? p.getText() : "";
        default -> throw new AssertionError(f);
      }
      p.skipChildren();
    }
  }

  private static String describe(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_NULL -> "null";
      case VALUE_STRING -> "'" + abbreviate(p.getText()) + "'";
      default -> p.getText();
    };
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  private void finish(JsonParser p, ChatPart c) {
    if (c.id == null) {
      throw error(p, "a chat without an 'id'");
    }
    String key = keyOf.apply(c.id);
    ChatInfo info = chats.get(c.id);
    if (info == null) {
      info = new ChatInfo(c.id, c.name, c.type);
      chats.put(c.id, info);
    } else if (c.firstId <= c.lastId) {
      int o = info.overlap(c.firstId, c.lastId);
      if (o >= 0) {
        throw error(p, "chat " + key + " was read before (" + info.sources.get(o) + ") with messages " + info.idRanges.get(o)[0]
            + " to " + info.idRanges.get(o)[1] + ", which overlap this part's " + c.firstId + " to " + c.lastId
            + ": each message would count twice");
      }
    }
    if (c.firstId <= c.lastId) {
      c.info.idRanges.add(new long[] {c.firstId, c.lastId});
    }
    info.merge(c.info, source);
    activity.attach(key, c.counts);
  }

  private void messages(JsonParser p, JsonToken t, ChatPart c) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw error(p, "expected an array of messages, found " + describe(p, t));
    }
    JsonToken v;
    while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
      if (v != JsonToken.START_OBJECT) {
        InvalidInputException e = error(p, "expected a message object, found " + describe(p, v));
        p.skipChildren();
        bad(e);
        continue;
      }
      message(p, c);
    }
  }

  private void bad(InvalidInputException e) {
    if (!skipBad) {
      throw e;
    }
    skipped++;
    if (firstSkip == null) {
      firstSkip = e.getMessage();
    }
  }

  private void message(JsonParser p, ChatPart c) throws IOException {
    int kind = K_NONE;
    long unix = ChatInfo.NONE;
    dateLen = -1;
    boolean forwarded = false;
    long author = DailyActivity.NO_AUTHOR;
    long id = ChatInfo.NONE;
    String action = null;
    boolean hasEntities = false;
    textLinks.clear();
    entityLinks.clear();
    InvalidInputException problem = null;
    String f;
    while ((f = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      switch (f) {
        case "id" -> {
          if (t == JsonToken.VALUE_NUMBER_INT) {
            id = p.getLongValue();
          }
        }
        case "type" -> {
          if (t != JsonToken.VALUE_STRING) {
            problem = first(problem, p, "expected the message type as a string, found " + describe(p, t));
            p.skipChildren();
          } else if (is(p, "message")) {
            kind = K_MESSAGE;
          } else if (is(p, "service")) {
            kind = K_SERVICE;
          } else {
            kind = K_OTHER;
          }
        }
        case "date_unixtime" -> {
          unix = seconds(p, t);
          if (unix == ChatInfo.NONE) {
            problem = first(problem, p, "expected seconds since 1970 (UTC) as digits, found " + describe(p, t));
            p.skipChildren();
          }
        }
        case "date" -> {
          if (t == JsonToken.VALUE_STRING && zone.isEmpty()) {
            dateLen = 0; // present; its local time is read only with a zone (and date_unixtime usually follows)
          } else if (t == JsonToken.VALUE_STRING) {
            char[] b = p.getTextCharacters();
            int len = Math.min(p.getTextLength(), dateBuf.length);
            System.arraycopy(b, p.getTextOffset(), dateBuf, 0, len);
            dateLen = len;
          } else {
            p.skipChildren();
          }
        }
        case "from_id" -> {
          if (t == JsonToken.VALUE_STRING) {
            author = author(p);
          } else {
            p.skipChildren();
          }
        }
        case "forwarded_from", "forwarded_from_id" -> {
          forwarded = true;
          p.skipChildren();
        }
        case "action" -> {
          if (t == JsonToken.VALUE_STRING) {
            action = p.getText();
          } else {
            p.skipChildren();
          }
        }
        case "text" -> text(p, t, textLinks);
        case "text_entities" -> {
          hasEntities = true;
          text(p, t, entityLinks);
        }
        default -> p.skipChildren();
      }
    }
    if (kind == K_OTHER) {
      unsupported++;
      return;
    }
    if (kind == K_NONE) {
      bad(first(problem, p, "a message without a 'type'"));
      return;
    }
    boolean creation = kind == K_SERVICE
        && ("create_channel".equals(action) || "create_group".equals(action) || "migrate_from_group".equals(action));
    boolean migration = kind == K_SERVICE && "migrate_to_supergroup".equals(action);
    if (kind == K_SERVICE && !creation && !migration) {
      return;
    }
    if (problem == null && unix == ChatInfo.NONE) {
      if (dateLen < 0) {
        problem = error(p, "a message without a date (neither 'date_unixtime' nor 'date')" + idNote(id));
      } else if (zone.isEmpty()) {
        problem = error(p, "a message without 'date_unixtime'" + idNote(id)
            + ": give --zone, the time zone of the exporting computer, to read its local 'date'");
      } else {
        String d = new String(dateBuf, 0, dateLen);
        try {
          unix = LocalDateTime.parse(d).atZone(zone.get()).toEpochSecond();
        } catch (DateTimeParseException e) {
          problem = error(p, "expected a local date-time such as 2019-11-21T10:30:00 in 'date', found '" + d + "'"
              + idNote(id));
        }
      }
    }
    if (problem == null && (unix < 1 || unix >= MAX_SECONDS)) {
      problem = error(p, "the date " + unix + " (seconds) is outside 1970 to 2100" + idNote(id));
    }
    if (problem != null) {
      bad(problem);
      return;
    }
    if (creation) {
      c.info.created(unix);
      return;
    }
    if (migration) {
      c.info.migrated(unix);
      return;
    }
    LinkCounts links = hasEntities ? entityLinks : textLinks;
    c.counts.add(Math.floorDiv(unix, 86_400L), forwarded, links.out, links.telegram, author, links.byClass);
    c.info.message(unix);
    if (id != ChatInfo.NONE) {
      c.firstId = Math.min(c.firstId, id);
      c.lastId = Math.max(c.lastId, id);
    }
  }

  /** The author's index; a channel's posts all have the same author, so the last one is compared first. */
  private long author(JsonParser p) throws IOException {
    char[] b = p.getTextCharacters();
    int off = p.getTextOffset();
    int len = p.getTextLength();
    if (len == lastAuthorLen && java.util.Arrays.equals(b, off, off + len, lastAuthor, 0, len)) {
      return lastAuthorIndex;
    }
    String s = new String(b, off, len);
    long k = authors.computeIfAbsent(s, x -> authors.size());
    if (lastAuthor.length < len) {
      lastAuthor = new char[Math.max(len, 2 * lastAuthor.length)];
    }
    System.arraycopy(b, off, lastAuthor, 0, len);
    lastAuthorLen = len;
    lastAuthorIndex = k;
    return k;
  }

  private static String idNote(long id) {
    return id == ChatInfo.NONE ? "" : " (message id " + id + ")";
  }

  private InvalidInputException first(InvalidInputException problem, JsonParser p, String text) {
    return problem != null ? problem : error(p, text);
  }

  private static boolean is(JsonParser p, String s) throws IOException {
    int len = p.getTextLength();
    if (len != s.length()) {
      return false;
    }
    char[] b = p.getTextCharacters();
    int off = p.getTextOffset();
    for (int i = 0; i < len; i++) {
      if (b[off + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Seconds from a string of digits or an integer; NONE when it is neither. */
  private static long seconds(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    if (t != JsonToken.VALUE_STRING) {
      return ChatInfo.NONE;
    }
    int len = p.getTextLength();
    if (len == 0 || len > 12) {
      return ChatInfo.NONE;
    }
    char[] b = p.getTextCharacters();
    int off = p.getTextOffset();
    long v = 0;
    for (int i = 0; i < len; i++) {
      char ch = b[off + i];
      if (ch < '0' || ch > '9') {
        return ChatInfo.NONE;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }

  /** A message's {@code text} or {@code text_entities}: a string (no links) or an array of strings and entities. */
  private void text(JsonParser p, JsonToken t, LinkCounts counts) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    JsonToken v;
    while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
      if (v == JsonToken.START_OBJECT) {
        entity(p, counts);
      } else {
        p.skipChildren();
      }
    }
  }

  private void entity(JsonParser p, LinkCounts counts) throws IOException {
    int type = E_UNKNOWN;
    textLen = -1;
    hrefLen = -1;
    String f;
    while ((f = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.VALUE_STRING) {
        p.skipChildren();
        continue;
      }
      switch (f) {
        case "type" -> type = is(p, "link") ? E_LINK : is(p, "text_link") ? E_TEXT_LINK : E_OTHER;
        case "text" -> {
          if (type == E_LINK) {
            count(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), counts);
          } else if (type == E_UNKNOWN) {
            textBuf = copy(p, textBuf);
            textLen = p.getTextLength();
          }
        }
        case "href" -> {
          if (type == E_TEXT_LINK) {
            count(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), counts);
          } else if (type == E_UNKNOWN) {
            hrefBuf = copy(p, hrefBuf);
            hrefLen = p.getTextLength();
          }
        }
        default -> {
          // other fields of an entity carry no link
        }
      }
    }
    // fields written before the type (not Telegram's order, but valid JSON)
    if (type == E_LINK && textLen >= 0) {
      count(textBuf, 0, textLen, counts);
    } else if (type == E_TEXT_LINK && hrefLen >= 0) {
      count(hrefBuf, 0, hrefLen, counts);
    }
  }

  private static char[] copy(JsonParser p, char[] buf) throws IOException {
    int len = p.getTextLength();
    char[] b = buf.length >= len ? buf : new char[Math.max(len, 2 * buf.length)];
    System.arraycopy(p.getTextCharacters(), p.getTextOffset(), b, 0, len);
    return b;
  }

  private void count(char[] url, int off, int len, LinkCounts counts) {
    int k = hosts.classify(url, off, len);
    if (k == LinkHosts.TELEGRAM) {
      counts.telegram++;
    } else {
      counts.out++;
      if (counts.byClass.length > 0) {
        counts.byClass[k]++;
      }
    }
  }

  @Override
  public String toString() {
    return "TelegramExportReader[" + chats.size() + " chats, " + activity.posts() + " posts, " + skipped + " skipped]";
  }

  static List<String> classesFor(LinkHosts hosts) {
    if (hosts.classes().isEmpty()) {
      return List.of();
    }
    List<String> c = new java.util.ArrayList<>(hosts.classes());
    c.add("other");
    return c;
  }
}
