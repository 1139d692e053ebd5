package org.channelrisk.cli.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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

  static final int K_NONE = 0;
  static final int K_MESSAGE = 1;
  static final int K_SERVICE = 2;
  static final int K_OTHER = 3;

  static final int E_UNKNOWN = 0;
  static final int E_LINK = 1;
  static final int E_TEXT_LINK = 2;
  static final int E_OTHER = 3;

  private final JsonFactory factory = JsonFactory.builder().build();
  private final DailyActivity activity;
  private final LinkHosts hosts;
  private final Optional<ZoneId> zone;
  private final boolean skipBad;
  private final LongFunction<String> keyOf;
  private final Map<Long, ChatInfo> chats = new LinkedHashMap<>();
  private final AuthorIndex authors = new AuthorIndex();

  private long skipped;
  private String firstSkip;
  long unsupported;

  // per-file and per-message scratch, reused so that a message allocates (almost) nothing
  private String source;
  private final MessageFields fields;
  final Entity entity;
  private final ExportScanner scanner;
  private boolean scan = true;
  private int scanned;
  private char[] lastAuthor = new char[64];
  private int lastAuthorLen = -1;
  private long lastAuthorIndex;

  /**
   * Link counts of one message: Telegram links, out-links, out-links per class (last: other hosts). The
   * links of {@code text} are kept as they are and classified only when the message has no {@code
   * text_entities} (which, when present, hold the same links and are the ones counted).
   */
  static final class LinkCounts {
    int telegram;
    int out;
    final int[] byClass;
    private final boolean deferred;
    private char[] urls = new char[256];
    private int[] ends = new int[8];
    private int n;

    LinkCounts(int classes, boolean deferred) {
      byClass = new int[classes];
      this.deferred = deferred;
    }

    void clear() {
      telegram = 0;
      out = 0;
      n = 0;
      java.util.Arrays.fill(byClass, 0);
    }

    /** A link: classified now, or kept for {@link #resolve} when deferred. */
    void add(char[] url, int off, int len, LinkHosts hosts) {
      if (!deferred) {
        count(hosts.classify(url, off, len));
        return;
      }
      int at = n == 0 ? 0 : ends[n - 1];
      if (urls.length < at + len) {
        urls = java.util.Arrays.copyOf(urls, Math.max(at + len, 2 * urls.length));
      }
      if (ends.length == n) {
        ends = java.util.Arrays.copyOf(ends, 2 * n);
      }
      System.arraycopy(url, off, urls, at, len);
      ends[n++] = at + len;
    }

    /** Classifies the links kept. */
    LinkCounts resolve(LinkHosts hosts) {
      for (int i = 0; i < n; i++) {
        int at = i == 0 ? 0 : ends[i - 1];
        count(hosts.classify(urls, at, ends[i] - at));
      }
      n = 0;
      return this;
    }

    private void count(int k) {
      if (k == LinkHosts.TELEGRAM) {
        telegram++;
      } else {
        out++;
        if (byClass.length > 0) {
          byClass[k]++;
        }
      }
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
    this.fields = new MessageFields(activity.linkClasses().size());
    this.entity = new Entity();
    this.scanner = new ExportScanner(this, zone.isPresent(), activity.linkClasses().size());
  }

  /** Reads every file with Jackson (for tests that compare the two ways of reading). */
  TelegramExportReader jacksonOnly() {
    scan = false;
    return this;
  }

  /** @return how many files the fast scanner read (the others were read with Jackson) */
  int scanned() {
    return scanned;
  }

  /** @return the scanner (for tests) */
  ExportScanner scanner() {
    return scanner;
  }

  DailyActivity.Chat newChat() {
    return activity.newChat();
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
    if (scan && scanner.read(file)) {
      scanned++;
      return;
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        JsonParser p = factory.createParser(in)) {
      try {
        top(p);
      } catch (JsonEOFException e) {
        throw error(p, "the file ends in the middle of the JSON (truncated?)");
      } catch (StreamReadException e) {
        throw error(p, "not valid JSON: " + firstLine(e.getOriginalMessage()));
      } catch (StreamConstraintsException e) {
        // a limit of the parser (nesting, a number's or a string's length), not a malformed file
        throw error(p, e.getOriginalMessage() != null && e.getOriginalMessage().contains("nesting depth")
            ? "nested more than 1,000 levels deep" : "beyond the JSON reader's limits: " + firstLine(e.getOriginalMessage()));
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
    if (path.length() > 80) { // deep nesting: the start tells where, the rest only repeats
      path = path.substring(0, path.lastIndexOf('/', 60)) + "/...";
    }
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
  final class ChatPart {
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
    String problem = finishProblem(c);
    if (problem != null) {
      throw error(p, problem);
    }
    commit(c);
  }

  /** @return why a chat just read cannot be filed (no id, or messages read before), or null */
  String finishProblem(ChatPart c) {
    if (c.id == null) {
      return "a chat without an 'id'";
    }
    ChatInfo info = chats.get(c.id);
    if (info != null && c.firstId <= c.lastId) {
      int o = info.overlap(c.firstId, c.lastId);
      if (o >= 0) {
        return "chat " + keyOf.apply(c.id) + " was read before (" + info.sources.get(o) + ") with messages "
            + info.idRanges.get(o)[0] + " to " + info.idRanges.get(o)[1] + ", which overlap this part's " + c.firstId
            + " to " + c.lastId + ": each message would count twice";
      }
    }
    return null;
  }

  /** Files a chat read without problem under its id. */
  void commit(ChatPart c) {
    ChatInfo info = chats.get(c.id);
    if (info == null) {
      info = new ChatInfo(c.id, c.name, c.type);
      chats.put(c.id, info);
    }
    if (c.firstId <= c.lastId) {
      c.info.idRanges.add(new long[] {c.firstId, c.lastId});
    }
    info.merge(c.info, source);
    activity.attach(keyOf.apply(c.id), c.counts);
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
    MessageFields m = fields;
    m.clear();
    InvalidInputException problem = null;
    String f;
    while ((f = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      switch (f) {
        case "id" -> {
          if (t == JsonToken.VALUE_NUMBER_INT) {
            m.id = p.getLongValue();
          }
        }
        case "type" -> {
          if (t != JsonToken.VALUE_STRING) {
            problem = first(problem, p, "expected the message type as a string, found " + describe(p, t));
            p.skipChildren();
          } else {
            m.kind = kindOf(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          }
        }
        case "date_unixtime" -> {
          m.unix = seconds(p, t);
          if (m.unix == ChatInfo.NONE) {
            problem = first(problem, p, "expected seconds since 1970 (UTC) as digits, found " + describe(p, t));
            p.skipChildren();
          }
        }
        case "date" -> {
          if (t == JsonToken.VALUE_STRING) {
            m.date(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), zone.isPresent());
          } else {
            p.skipChildren();
          }
        }
        case "from_id" -> {
          if (t == JsonToken.VALUE_STRING) {
            m.author = author(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          } else {
            p.skipChildren();
          }
        }
        case "forwarded_from", "forwarded_from_id" -> {
          m.forwarded = true;
          p.skipChildren();
        }
        case "action" -> {
          if (t == JsonToken.VALUE_STRING) {
            m.action = p.getText();
          } else {
            p.skipChildren();
          }
        }
        case "text" -> text(p, t, m.textLinks);
        case "text_entities" -> {
          m.hasEntities = true;
          text(p, t, m.entityLinks);
        }
        default -> p.skipChildren();
      }
    }
    String outcome = conclude(m, c, problem != null);
    if (outcome == PENDING) {
      bad(problem);
    } else if (outcome != null) {
      bad(error(p, outcome));
    }
  }

  /** Returned by {@link #conclude} when the problem already found in the message's fields stands. */
  static final String PENDING = new String("pending");

  /**
   * What a message's fields mean once all are read, shared by every parser of exports: counted, dating its
   * chat's creation or migration, of another type (counted as unsupported) or ignored, or a problem.
   *
   * @param m the message's fields
   * @param c its chat
   * @param fieldProblem whether a field already held a problem (then nothing is applied)
   * @return null when the message was taken (or ignored), {@link #PENDING} when the field problem stands,
   *     else the text of a problem found now
   */
  String conclude(MessageFields m, ChatPart c, boolean fieldProblem) {
    int kind = m.kind;
    if (kind == K_OTHER) {
      unsupported++;
      return null;
    }
    if (kind == K_NONE) {
      return fieldProblem ? PENDING : "a message without a 'type'";
    }
    String action = m.action;
    boolean creation = kind == K_SERVICE
        && ("create_channel".equals(action) || "create_group".equals(action) || "migrate_from_group".equals(action));
    boolean migration = kind == K_SERVICE && "migrate_to_supergroup".equals(action);
    if (kind == K_SERVICE && !creation && !migration) {
      return null;
    }
    if (fieldProblem) {
      return PENDING;
    }
    long unix = m.unix;
    if (unix == ChatInfo.NONE) {
      if (m.dateLen < 0) {
        return "a message without a date (neither 'date_unixtime' nor 'date')" + idNote(m.id);
      } else if (zone.isEmpty()) {
        return "a message without 'date_unixtime'" + idNote(m.id)
            + ": give --zone, the time zone of the exporting computer, to read its local 'date'";
      }
      String d = new String(m.dateBuf, 0, m.dateLen);
      try {
        unix = LocalDateTime.parse(d).atZone(zone.get()).toEpochSecond();
      } catch (DateTimeParseException e) {
        return "expected a local date-time such as 2019-11-21T10:30:00 in 'date', found '" + d + "'" + idNote(m.id);
      }
    }
    if (unix < 1 || unix >= MAX_SECONDS) {
      return "the date " + unix + " (seconds) is outside 1970 to 2100" + idNote(m.id);
    }
    if (creation) {
      c.info.created(unix);
      return null;
    }
    if (migration) {
      c.info.migrated(unix);
      return null;
    }
    LinkCounts links = m.hasEntities ? m.entityLinks : m.textLinks.resolve(hosts);
    c.counts.add(Math.floorDiv(unix, 86_400L), m.forwarded, links.out, links.telegram, m.author, links.byClass);
    c.info.message(unix);
    if (m.id != ChatInfo.NONE) {
      c.firstId = Math.min(c.firstId, m.id);
      c.lastId = Math.max(c.lastId, m.id);
    }
    return null;
  }

  /** The kind of a message from its {@code type}. */
  static int kindOf(char[] b, int off, int len) {
    return is(b, off, len, "message") ? K_MESSAGE : is(b, off, len, "service") ? K_SERVICE : K_OTHER;
  }

  /** One message's fields as read, reused from message to message so that a message allocates (almost) nothing. */
  static final class MessageFields {
    int kind;
    long unix;
    /** -1: no {@code date}; else the characters kept of it (none when they are not needed). */
    int dateLen;
    final char[] dateBuf = new char[32];
    boolean forwarded;
    long author;
    long id;
    String action;
    boolean hasEntities;
    final LinkCounts textLinks;
    final LinkCounts entityLinks;

    MessageFields(int classes) {
      textLinks = new LinkCounts(classes, true);
      entityLinks = new LinkCounts(classes, false);
    }

    void clear() {
      kind = K_NONE;
      unix = ChatInfo.NONE;
      dateLen = -1;
      forwarded = false;
      author = DailyActivity.NO_AUTHOR;
      id = ChatInfo.NONE;
      action = null;
      hasEntities = false;
      textLinks.clear();
      entityLinks.clear();
    }

    /** A {@code date} field: its local time is kept only when a zone will read it (date_unixtime usually follows). */
    void date(char[] b, int off, int len, boolean keep) {
      if (!keep) {
        dateLen = 0;
        return;
      }
      dateLen = Math.min(len, dateBuf.length);
      System.arraycopy(b, off, dateBuf, 0, dateLen);
    }
  }

  /** The author's index; a channel's posts all have the same author, so the last one is compared first. */
  long author(char[] b, int off, int len) {
    if (len == lastAuthorLen && java.util.Arrays.equals(b, off, off + len, lastAuthor, 0, len)) {
      return lastAuthorIndex;
    }
    long k = authors.indexOf(b, off, len);
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

  static boolean is(char[] b, int off, int len, String s) {
    if (len != s.length()) {
      return false;
    }
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
    Entity e = entity;
    e.begin();
    String f;
    while ((f = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.VALUE_STRING) {
        p.skipChildren();
        continue;
      }
      e.field(f, p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), counts);
    }
    e.end(counts);
  }

  /**
   * One entity of a message's text ({@code type}, {@code text}, {@code href}): a {@code link}'s URL is its
   * text, a {@code text_link}'s its href. Shared by every parser of exports.
   */
  final class Entity {
    private int type;
    private final UrlField text = new UrlField(E_LINK);
    private final UrlField href = new UrlField(E_TEXT_LINK);

    /** @return whether a string field of this name can change the entity's links (else it need not be decoded) */
    boolean wants(String name) {
      return switch (name) {
        case "type" -> true;
        case "text" -> text.wanted();
        case "href" -> href.wanted();
        default -> false;
      };
    }

    /** The entity's type, as {@link #field} would set it from a {@code type} of link, text_link or other. */
    void type(int code) {
      type = code;
    }

    void begin() {
      type = E_UNKNOWN;
      text.clear();
      href.clear();
    }

    /** A string field of the entity (other fields carry no link). */
    void field(String name, char[] b, int off, int len, LinkCounts counts) {
      switch (name) {
        case "type" -> type = is(b, off, len, "link") ? E_LINK : is(b, off, len, "text_link") ? E_TEXT_LINK : E_OTHER;
        case "text" -> text.read(b, off, len, counts);
        case "href" -> href.read(b, off, len, counts);
        default -> {
          // other fields of an entity carry no link
        }
      }
    }

    /** Fields written before the type (not Telegram's order, but valid JSON). */
    void end(LinkCounts counts) {
      text.end(counts);
      href.end(counts);
    }

    /**
     * The field that is the URL of one type of entity ({@code text} of a link, {@code href} of a
     * text_link): counted at once when the type is known, kept until the end of the entity when the
     * type comes after it.
     */
    private final class UrlField {
      private final int linkType;
      private char[] buf = new char[256];
      private int len;

      UrlField(int linkType) {
        this.linkType = linkType;
      }

      boolean wanted() {
        return type == linkType || type == E_UNKNOWN;
      }

      void clear() {
        len = -1;
      }

      void read(char[] b, int off, int n, LinkCounts counts) {
        if (type == linkType) {
          count(b, off, n, counts);
        } else if (type == E_UNKNOWN) {
          buf = copy(b, off, n, buf);
          len = n;
        }
      }

      void end(LinkCounts counts) {
        if (type == linkType && len >= 0) {
          count(buf, 0, len, counts);
        }
      }
    }
  }

  private static char[] copy(char[] from, int off, int len, char[] buf) {
    char[] b = buf.length >= len ? buf : new char[Math.max(len, 2 * buf.length)];
    System.arraycopy(from, off, b, 0, len);
    return b;
  }

  private void count(char[] url, int off, int len, LinkCounts counts) {
    counts.add(url, off, len, hosts);
  }

  @Override
  public String toString() {
    return "TelegramExportReader[" + chats.size() + " chats, " + activity.posts() + " posts, " + skipped + " skipped]";
  }

  /**
   * Authors' ids numbered in the order first met: an open-addressing table looked up by the characters
   * themselves, so that finding a known author allocates nothing.
   */
  static final class AuthorIndex {
    private String[] keys = new String[64];
    private int[] values = new int[64];
    private int size;

    int indexOf(char[] b, int off, int len) {
      int h = 0;
      for (int i = 0; i < len; i++) {
        h = 31 * h + b[off + i];
      }
      int mask = keys.length - 1;
      for (int i = slot(h); ; i = (i + 1) & mask) {
        String k = keys[i];
        if (k == null) {
          keys[i] = new String(b, off, len);
          values[i] = size;
          if (++size * 2 > keys.length) {
            grow();
          }
          return size - 1;
        }
        if (k.length() == len && same(k, b, off)) {
          return values[i];
        }
      }
    }

    private static boolean same(String k, char[] b, int off) {
      for (int i = 0; i < k.length(); i++) {
        if (k.charAt(i) != b[off + i]) {
          return false;
        }
      }
      return true;
    }

    /**
     * Fibonacci hashing (Knuth): the high bits of the product. Ids such as user1000049 and user1000050 have
     * nearby polynomial hashes; their low bits alone would crowd them into one run of the table.
     */
    private int slot(int h) {
      return (h * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(keys.length));
    }

    private void grow() {
      String[] ok = keys;
      int[] ov = values;
      keys = new String[ok.length * 2];
      values = new int[ok.length * 2];
      int mask = keys.length - 1;
      for (int j = 0; j < ok.length; j++) {
        if (ok[j] != null) {
          int i = slot(ok[j].hashCode());
          while (keys[i] != null) {
            i = (i + 1) & mask;
          }
          keys[i] = ok[j];
          values[i] = ov[j];
        }
      }
    }
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
