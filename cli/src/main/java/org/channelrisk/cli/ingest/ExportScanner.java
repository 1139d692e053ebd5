package org.channelrisk.cli.ingest;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.channelrisk.cli.ingest.TelegramExportReader.ChatPart;
import org.channelrisk.cli.ingest.TelegramExportReader.LinkCounts;
import org.channelrisk.cli.ingest.TelegramExportReader.MessageFields;

/**
 * The fast path of {@link TelegramExportReader}: a strict scanner specialised to the shape of Telegram
 * exports, working on the file's bytes. Strings are passed over eight bytes at a time (a SWAR test for a
 * quote, a backslash, a control character or a non-ASCII byte in one 64-bit word: the classic test for
 * a zero byte in a word, as collected in Anderson's "Bit Twiddling Hacks"), white space and Telegram's
 * indentation likewise, field names are recognised by one look-up of their packed bytes, and only the
 * strings the reader needs (types, dates, authors, link URLs, chat names) are decoded.
 *
 * <p>It accepts only well-formed exports that it reads exactly as the Jackson reader does, and hands the
 * rest back: at the first thing it does not accept (invalid or unusual JSON, escapes in field names, a
 * message with a problem, a chat read before, a string over a megabyte) {@link #read} returns false with
 * nothing changed, and the reader reads the file again with Jackson, which stays the reference for every
 * result and for every error message (file, line, JSON path). Its JSON checks are those of Jackson's
 * defaults or stricter: whitespace of four kinds, no control characters in strings, valid escapes, UTF-8
 * sequences with a valid lead byte and continuation bytes (decoded strings also without overlong forms or
 * surrogates), numbers without leading zeros, literals followed by a delimiter, nesting under 100 levels.
 * {@code ExportScannerTest} checks on generated, damaged and hand-made exports that whatever it accepts
 * gives the Jackson reader's result.
 *
 * <p>The results of a file (its chats and their counters) are kept aside and filed only once the whole
 * file was accepted, so that a file handed back leaves no trace. Not thread-safe.
 */
final class ExportScanner {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
  private static final long SPACES = 0x2020202020202020L;
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  /** Deeper values go to Jackson (its own limit is 1,000 levels). */
  private static final int MAX_DEPTH = 100;
  /** Longer strings go to Jackson, whose limits on decoded strings then apply. */
  private static final long MAX_STRING = 1 << 20;
  /** Longer numbers go to Jackson, whose limit on a number's length then applies. */
  private static final int MAX_NUMBER = 100;

  // field names, by code
  private static final int F_OTHER = 0;
  private static final int F_ID = 1;
  private static final int F_TYPE = 2;
  private static final int F_DATE = 3;
  private static final int F_DATE_UNIXTIME = 4;
  private static final int F_FROM_ID = 5;
  private static final int F_FORWARDED_FROM = 6;
  private static final int F_ACTION = 7;
  private static final int F_TEXT = 8;
  private static final int F_TEXT_ENTITIES = 9;
  private static final int F_NAME = 10;
  private static final int F_MESSAGES = 11;
  private static final int F_CHATS = 12;
  private static final int F_LIST = 13;
  private static final int F_HREF = 14;

  // flags of a string
  private static final int ESCAPED = 1;
  private static final int NON_ASCII = 2;

  /** Control flow only: the file is not this scanner's; never reaches a user, so no stack trace. */
  private static final class NotMine extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotMine() {
      super(null, null, false, false);
    }
  }

  private static final NotMine NOT_MINE = new NotMine();

  private final TelegramExportReader reader;
  private final boolean keepDates;
  private final MessageFields fields;
  private final List<ChatPart> parts = new ArrayList<>();
  /** Why the last file was handed back (for tests: anything but NotMine is a defect of the scanner). */
  RuntimeException lastRefusalForTests() {
    return lastRefusal instanceof RuntimeException r && !(r instanceof NotMine) ? r : null;
  }

  private Throwable lastRefusal;

  /**
   * The file, read through windows mapped into memory and copied into {@link #buf}: on the machines
   * measured, copying from a mapping ran three to four times as fast as {@code InputStream.read} into a
   * heap array (14 against 50 ms for 57 MB), which had been a third of a pass. A window is page cache,
   * not heap, and is released with its buffer object.
   */
  private FileChannel channel;
  private long size;
  private long mapped;
  private MappedByteBuffer window;
  private long windowBytes = 16L << 20;
  private byte[] buf = new byte[1 << 18];
  private int pos;
  private int lim;
  private boolean eof;
  private int depth;
  /** The last string read: buf[strStart, strEnd), valid until the next read of the file. */
  private int strStart;
  private int strEnd;
  /** The last string decoded. */
  private char[] chars = new char[256];
  private int charsLen;

  /** Starts over with a buffer of this many bytes (tests use a few dozen, so that every token crosses its end). */
  void bufferSize(int bytes) {
    buf = new byte[bytes];
  }

  /** Maps the file in windows of this many bytes (tests use a few, so that reads cross windows). */
  void windowSize(long bytes) {
    windowBytes = bytes;
  }

  ExportScanner(TelegramExportReader reader, boolean keepDates, int linkClasses) {
    this.reader = reader;
    this.keepDates = keepDates;
    this.fields = new MessageFields(linkClasses);
  }

  /**
   * Reads one export if it can.
   *
   * @param file the export
   * @return true when the file was read and its chats filed; false when it is left to the Jackson reader,
   *     with nothing changed
   */
  boolean read(Path file) {
    long unsupported = reader.unsupported;
    parts.clear();
    lastRefusal = null;
    java.util.Arrays.fill(indents, 0);
    pos = 0;
    lim = 0;
    eof = false;
    depth = 0;
    try (FileChannel c = FileChannel.open(file)) {
      channel = c;
      size = c.size();
      mapped = 0;
      window = null;
      top();
    } catch (IOException | RuntimeException | InternalError e) {
      // NotMine, a read error (a file that cannot be mapped, such as a pipe; one cut short while mapped,
      // which the JVM reports as an InternalError) or anything unforeseen: the Jackson reader reads the
      // file and reports
      lastRefusal = e;
      reader.unsupported = unsupported;
      return false;
    } finally {
      channel = null;
      window = null;
    }
    Set<Long> ids = new HashSet<>();
    for (ChatPart c : parts) {
      if (!ids.add(c.id) || reader.finishProblem(c) != null) {
        reader.unsupported = unsupported;
        return false;
      }
    }
    for (ChatPart c : parts) {
      reader.commit(c);
    }
    return true;
  }

  // ---- the export's structure, as TelegramExportReader reads it

  private void top() throws IOException {
    expect('{');
    ChatPart top = reader.new ChatPart(reader.newChat());
    boolean sawMessages = false;
    boolean sawChats = false;
    if (!emptyObject()) {
      do {
        int f = name();
        switch (f) {
          case F_NAME, F_TYPE, F_ID -> chatField(top, f);
          case F_MESSAGES -> {
            sawMessages = true;
            messages(top);
          }
          case F_CHATS -> {
            sawChats = true;
            chatList();
          }
          default -> skipValue();
        }
      } while (next('}'));
    }
    if (sawMessages) {
      parts.add(top);
    } else if (!sawChats) {
      throw NOT_MINE;
    }
    // nothing but white space after the closing brace
    while (true) {
      while (pos < lim) {
        byte c = buf[pos++];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
          throw NOT_MINE;
        }
      }
      if (!fill(pos)) {
        return;
      }
    }
  }

  private void chatList() throws IOException {
    expect('{');
    if (emptyObject()) {
      return;
    }
    do {
      if (name() != F_LIST) {
        skipValue();
        continue;
      }
      expect('[');
      if (nonWs() == ']') {
        pos++;
        continue;
      }
      do {
        expect('{');
        chat();
      } while (next(']'));
    } while (next('}'));
  }

  private void chat() throws IOException {
    ChatPart c = reader.new ChatPart(reader.newChat());
    if (!emptyObject()) {
      do {
        int f = name();
        switch (f) {
          case F_NAME, F_TYPE, F_ID -> chatField(c, f);
          case F_MESSAGES -> messages(c);
          default -> skipValue();
        }
      } while (next('}'));
    }
    parts.add(c);
  }

  private void chatField(ChatPart c, int f) throws IOException {
    int ch = nonWs();
    if (f == F_ID) {
      if (ch == '"') {
        pos++;
        if (string(true) != 0) {
          throw NOT_MINE;
        }
        c.id = chatId(strStart, strEnd);
      } else if (ch == '-' || (ch >= '0' && ch <= '9')) {
        c.id = integer();
      } else {
        throw NOT_MINE;
      }
    } else if (ch == '"') {
      pos++;
      decode(string(true));
      String s = new String(chars, 0, charsLen);
      if (f == F_NAME) {
        c.name = s;
      } else {
        c.type = s;
      }
    } else {
      skipValue();
      if (f == F_NAME) {
        c.name = "";
      } else {
        c.type = "";
      }
    }
  }

  /** A chat id written as a string: -?[0-9]{1,18}, as the Jackson reader accepts. */
  private long chatId(int s, int e) {
    int i = s;
    boolean negative = i < e && buf[i] == '-';
    if (negative) {
      i++;
    }
    if (e - i < 1 || e - i > 18) {
      throw NOT_MINE;
    }
    long v = 0;
    for (; i < e; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        throw NOT_MINE;
      }
      v = v * 10 + d;
    }
    return negative ? -v : v;
  }

  private void messages(ChatPart c) throws IOException {
    expect('[');
    indentation(AT_MESSAGES);
    if (buf[pos] == ']') {
      pos++;
      return;
    }
    do {
      expect('{');
      message(c);
    } while (next(']', AT_MESSAGES));
  }

  private void message(ChatPart c) throws IOException {
    MessageFields m = fields;
    m.clear();
    if (!emptyObject(AT_MESSAGE)) {
      do {
        int f = name();
        int ch = nonWs();
        switch (f) {
          case F_ID -> {
            if (ch == '-' || (ch >= '0' && ch <= '9')) {
              long v = number();
              if (v != FRACTION) {
                m.id = v;
              }
            } else {
              skipValue();
            }
          }
          case F_TYPE -> {
            if (ch != '"') {
              throw NOT_MINE;
            }
            pos++;
            int flags = string(true);
            int len = strEnd - strStart;
            if (flags == 0 && len <= 8) {
              long w = word(strStart, len);
              m.kind = len == 7 && w == N_MESSAGE ? TelegramExportReader.K_MESSAGE
                  : len == 7 && w == N_SERVICE ? TelegramExportReader.K_SERVICE : TelegramExportReader.K_OTHER;
            } else {
              decode(flags);
              m.kind = TelegramExportReader.kindOf(chars, 0, charsLen);
            }
          }
          case F_DATE_UNIXTIME -> m.unix = seconds(ch);
          case F_DATE -> {
            if (ch != '"') {
              skipValue();
            } else if (keepDates) {
              pos++;
              decode(string(true));
              m.date(chars, 0, charsLen, true);
            } else {
              pos++;
              string(false);
              m.date(chars, 0, 0, false);
            }
          }
          case F_FROM_ID -> {
            if (ch == '"') {
              pos++;
              decode(string(true));
              m.author = reader.author(chars, 0, charsLen);
            } else {
              skipValue();
            }
          }
          case F_FORWARDED_FROM -> {
            m.forwarded = true;
            skipValue();
          }
          case F_ACTION -> {
            if (ch == '"') {
              pos++;
              decode(string(true));
              m.action = new String(chars, 0, charsLen);
            } else {
              skipValue();
            }
          }
          case F_TEXT -> text(ch, m.textLinks);
          case F_TEXT_ENTITIES -> {
            m.hasEntities = true;
            text(ch, m.entityLinks);
          }
          default -> skipValue();
        }
      } while (next('}', AT_MESSAGE));
    }
    if (reader.conclude(m, c, false) != null) {
      throw NOT_MINE;
    }
  }

  /** {@code date_unixtime}: a string of at most 12 digits, or an integer; anything else is a problem. */
  private long seconds(int ch) throws IOException {
    if (ch == '"') {
      pos++;
      if (string(true) != 0 || strEnd - strStart < 1 || strEnd - strStart > 12) {
        throw NOT_MINE;
      }
      long v = 0;
      for (int i = strStart; i < strEnd; i++) {
        int d = buf[i] - '0';
        if (d < 0 || d > 9) {
          throw NOT_MINE;
        }
        v = v * 10 + d;
      }
      return v;
    }
    if (ch == '-' || (ch >= '0' && ch <= '9')) {
      return integer();
    }
    throw NOT_MINE;
  }

  private void text(int ch, LinkCounts counts) throws IOException {
    if (ch != '[') {
      skipValue();
      return;
    }
    pos++;
    indentation(AT_TEXT);
    if (buf[pos] == ']') {
      pos++;
      return;
    }
    do {
      int c = nonWs();
      if (c == '{') {
        pos++;
        entity(counts);
      } else if (c == '"') {
        pos++;
        string(false);
      } else {
        skipValue();
      }
    } while (next(']', AT_TEXT));
  }

  private void entity(LinkCounts counts) throws IOException {
    TelegramExportReader.Entity e = reader.entity;
    e.begin();
    if (!emptyObject(AT_ENTITY)) {
      do {
        int f = name();
        if (nonWs() != '"') {
          skipValue();
          continue;
        }
        pos++;
        if (f == F_TYPE) {
          int flags = string(true);
          int len = strEnd - strStart;
          if (flags == 0 && len <= 16) {
            e.type(len == 4 && word(strStart, 4) == N_LINK ? TelegramExportReader.E_LINK
                : len == 9 && word(strStart, 8) == N_TEXT_LIN && buf[strStart + 8] == 'k' ? TelegramExportReader.E_TEXT_LINK
                    : TelegramExportReader.E_OTHER);
          } else {
            decode(flags);
            e.field("type", chars, 0, charsLen, counts);
          }
          continue;
        }
        String field = f == F_TEXT ? "text" : f == F_HREF ? "href" : null;
        if (field != null && e.wants(field)) {
          decode(string(true));
          e.field(field, chars, 0, charsLen, counts);
        } else {
          string(false);
        }
      } while (next('}', AT_ENTITY));
    }
    e.end(counts);
  }

  // ---- JSON

  /** After an object's '{': true (and consumed) when it is empty. */
  private boolean emptyObject() throws IOException {
    if (nonWs() == '}') {
      pos++;
      return true;
    }
    return false;
  }


  // places in the export whose indentation is guessed from the last time
  private static final int AT_MESSAGE = 0;
  private static final int AT_ENTITY = 1;
  private static final int AT_TEXT = 2;
  private static final int AT_MESSAGES = 3;
  private final int[] indents = new int[4];
  private long fills;
  private static final long NEWLINE_SPACES = 0x202020202020200AL;

  /**
   * After a comma in Telegram's layout: a newline and the same indentation as after the last comma at this
   * place. Checks that guess in one or two 8-byte comparisons (a branch that is almost always taken the
   * same way), and falls back to {@link #nonWs} when it fails, remembering the run it found.
   */
  private void indentation(int at) throws IOException {
    int p = pos;
    if (skipBlank(indents[at])) {
      return;
    }
    long f = fills;
    nonWs();
    indents[at] = fills == f && pos - p <= 16 ? pos - p : 0;
  }

  /**
   * Before the closing bracket at a place: the newline and one space less than the members' indentation,
   * guessed as {@link #indentation} guesses.
   */
  private int closing(int at) throws IOException {
    int n = indents[at];
    return n > 1 && skipBlank(n - 1) ? buf[pos] : nonWs();
  }

  /** Passes over a newline and n - 1 spaces followed by a token, if that is what stands at pos. */
  private boolean skipBlank(int n) {
    int p = pos;
    if (n <= 0 || p + 17 > lim) {
      return false;
    }
    long w = (long) LONGS.get(buf, p);
    boolean blank = n <= 8 ? ((w ^ NEWLINE_SPACES) & LOW_BYTES[n]) == 0
        : w == NEWLINE_SPACES && ((((long) LONGS.get(buf, p + 8)) ^ SPACES) & LOW_BYTES[n - 8]) == 0;
    if (blank && buf[p + n] > ' ') {
      pos = p + n;
      return true;
    }
    return false;
  }

  /** After an object's '{' at a place whose indentation is guessed: true (and consumed) when it is empty. */
  private boolean emptyObject(int at) throws IOException {
    indentation(at);
    if (buf[pos] == '}') {
      pos++;
      return true;
    }
    return false;
  }

  /** LOW_BYTES[k]: the low k bytes of a long set. */
  private static final long[] LOW_BYTES = new long[9];

  static {
    for (int k = 1; k <= 8; k++) {
      LOW_BYTES[k] = k == 8 ? -1L : (1L << (8 * k)) - 1;
    }
  }




  /** After a member or an element: true after a comma, false after the closing bracket. */
  private boolean next(char close) throws IOException {
    int c = nonWs();
    pos++;
    if (c == ',') {
      return true;
    }
    if (c == close) {
      return false;
    }
    throw NOT_MINE;
  }

  /** {@link #next(char)} at a place whose indentation is guessed. */
  private boolean next(char close, int at) throws IOException {
    int c = pos < lim ? buf[pos] : nonWs();
    if (c <= ' ') {
      c = closing(at);
    }
    pos++;
    if (c == ',') {
      indentation(at);
      return true;
    }
    if (c == close) {
      return false;
    }
    throw NOT_MINE;
  }

  private void expect(char c) throws IOException {
    if (nonWs() != c) {
      throw NOT_MINE;
    }
    pos++;
  }

  /** A member's name and its colon; the name's code. */
  private int name() throws IOException {
    int f = shortName();
    if (f < 0) {
      expect('"');
      int flags = string(true);
      if ((flags & ESCAPED) != 0) {
        throw NOT_MINE; // an escaped name might spell a known one: Jackson's to read
      }
      f = flags == 0 ? code(strStart, strEnd - strStart) : F_OTHER;
    }
    if (pos + 2 < lim && buf[pos] == ':') {
      pos++; // Telegram's layout: the colon right after the name, then one space
      if (buf[pos] == ' ' && buf[pos + 1] > ' ') {
        pos++;
      }
    } else {
      expect(':');
    }
    return f;
  }

  /**
   * The common case of {@link #name}: a plain ASCII name of at most 15 bytes at pos, read with two 8-byte
   * loads and no loop. Returns its code (pos after its closing quote), or -1 when the general path must read
   * it (nothing consumed).
   */
  private int shortName() {
    int p = pos + 1;
    if (p + 16 > lim || buf[pos] != '"') {
      return -1;
    }
    long w1 = (long) LONGS.get(buf, p);
    long m = special(w1);
    int len;
    long w2 = 0;
    if (m != 0) {
      len = Long.numberOfTrailingZeros(m) >>> 3;
    } else {
      w2 = (long) LONGS.get(buf, p + 8);
      m = special(w2);
      if (m == 0) {
        return -1;
      }
      len = 8 + (Long.numberOfTrailingZeros(m) >>> 3);
      w2 &= LOW_BYTES[len - 8];
    }
    if (buf[p + len] != '"') {
      return -1; // an escape, a control or a non-ASCII byte: the general path decides
    }
    pos = p + len + 1;
    return len >= 8 ? code(len, w1, w2) : code(len, w1 & LOW_BYTES[len], 0);
  }

  /** The code of a name of len < 16 bytes packed into w1 (its first eight) and w2 (the rest). */
  private static int code(int len, long w1, long w2) {
    int h = slot(len, w1, w2, multiplier);
    // one table look-up and compare instead of a switch on the length (an indirect jump that the
    // varying names of a message mispredict)
    return NAME_W1[h] == w1 && NAME_W2[h] == w2 && NAME_LEN[h] == len ? NAME_CODE[h] : F_OTHER;
  }

  private static int slot(int len, long w1, long w2, long mult) {
    return (int) (((w1 ^ (w2 * 31) ^ len) * mult) >>> 58);
  }

  // the names the reader uses (forwarded_from_id, 17 bytes, is read on the general path), in a table of
  // 64 slots without collisions: a multiplier is searched for once
  private static final long[] NAME_W1 = new long[64];
  private static final long[] NAME_W2 = new long[64];
  private static final int[] NAME_LEN = new int[64];
  private static final int[] NAME_CODE = new int[64];
  private static final long multiplier;

  static {
    String[] names = {"id", "type", "date", "text", "name", "list", "href", "chats", "action", "from_id", "messages",
      "left_chats", "date_unixtime", "text_entities", "forwarded_from"};
    int[] codes = {F_ID, F_TYPE, F_DATE, F_TEXT, F_NAME, F_LIST, F_HREF, F_CHATS, F_ACTION, F_FROM_ID, F_MESSAGES,
      F_CHATS, F_DATE_UNIXTIME, F_TEXT_ENTITIES, F_FORWARDED_FROM};
    long mult = 0x9E3779B97F4A7C15L;
    search:
    while (true) {
      java.util.Arrays.fill(NAME_LEN, -1);
      for (int i = 0; i < names.length; i++) {
        String n = names[i];
        long w1 = pack(n);
        long w2 = n.length() > 8 ? pack(n.substring(8)) : 0;
        int h = slot(n.length(), w1, w2, mult);
        if (NAME_LEN[h] >= 0) {
          mult += 2; // a collision: try the next odd multiplier
          continue search;
        }
        NAME_W1[h] = w1;
        NAME_W2[h] = w2;
        NAME_LEN[h] = n.length();
        NAME_CODE[h] = codes[i];
      }
      break;
    }
    multiplier = mult;
  }

  private static final long N_ID = pack("id");
  private static final long N_TYPE = pack("type");
  private static final long N_DATE = pack("date");
  private static final long N_TEXT = pack("text");
  private static final long N_NAME = pack("name");
  private static final long N_LIST = pack("list");
  private static final long N_HREF = pack("href");
  private static final long N_CHATS = pack("chats");
  private static final long N_ACTION = pack("action");
  private static final long N_FROM_ID = pack("from_id");
  private static final long N_MESSAGES = pack("messages");
  private static final long N_LEFT_CHATS = pack("left_cha");
  private static final long N_DATE_UNIX = pack("date_uni");
  private static final long N_TEXT_ENTI = pack("text_ent");
  private static final long N_FORWARDE = pack("forwarde");
  private static final long N_MESSAGE = pack("message");
  private static final long N_SERVICE = pack("service");
  private static final long N_LINK = pack("link");
  private static final long N_TEXT_LIN = pack("text_lin");
  private static final long N2_LEFT_CHATS = pack("left_chats".substring(8));
  private static final long N2_DATE_UNIXTIME = pack("date_unixtime".substring(8));
  private static final long N2_TEXT_ENTITIES = pack("text_entities".substring(8));
  private static final long N2_FORWARDED_FROM = pack("forwarded_from".substring(8));
  private static final long N2_FORWARDED_FROM_ID = pack("forwarded_from_id".substring(8));
  private static final long N3_FORWARDED_FROM_ID = pack("forwarded_from_id".substring(16));

  /** Up to eight ASCII characters packed little-endian into a long, as {@link #word} reads them. */
  private static long pack(String s) {
    long v = 0;
    for (int i = Math.min(8, s.length()) - 1; i >= 0; i--) {
      v = (v << 8) | s.charAt(i);
    }
    return v;
  }

  /** The first min(len, 8) bytes at s, packed as {@link #pack} does. */
  private long word(int s, int len) {
    int n = Math.min(len, 8);
    if (s + 8 <= buf.length) {
      long w = (long) LONGS.get(buf, s);
      return n == 8 ? w : w & ((1L << (n << 3)) - 1);
    }
    long v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = (v << 8) | (buf[s + i] & 0xFF);
    }
    return v;
  }


  /** The code of a plain ASCII field name at buf[s, s + len). */
  private int code(int s, int len) {
    long w1 = word(s, len);
    long w2 = len > 8 ? word(s + 8, len - 8) : 0;
    if (len == 17) {
      return w1 == N_FORWARDE && w2 == N2_FORWARDED_FROM_ID && word(s + 16, 1) == N3_FORWARDED_FROM_ID
          ? F_FORWARDED_FROM : F_OTHER;
    }
    return len < 16 ? code(len, w1, w2) : F_OTHER;
  }

  /** Passes over any value. */
  private void skipValue() throws IOException {
    int c = nonWs();
    switch (c) {
      case '"' -> {
        pos++;
        string(false);
      }
      case '{' -> {
        pos++;
        enter();
        if (!emptyObject()) {
          do {
            expect('"');
            string(false);
            expect(':');
            skipValue();
          } while (next('}'));
        }
        depth--;
      }
      case '[' -> {
        pos++;
        enter();
        if (nonWs() == ']') {
          pos++;
        } else {
          do {
            skipValue();
          } while (next(']'));
        }
        depth--;
      }
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          number();
        } else {
          throw NOT_MINE;
        }
      }
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw NOT_MINE;
    }
  }

  private void literal(String word) throws IOException {
    ensure(word.length() + 1);
    if (lim - pos < word.length() + 1) {
      throw NOT_MINE; // at the end of the file: there is no top-level literal in an export
    }
    for (int i = 0; i < word.length(); i++) {
      if (buf[pos + i] != word.charAt(i)) {
        throw NOT_MINE;
      }
    }
    pos += word.length();
    delimiter();
  }

  /** What follows a number or a literal: white space, a comma or a closing bracket. */
  private void delimiter() {
    if (pos >= lim) {
      throw NOT_MINE;
    }
    byte c = buf[pos];
    if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
      throw NOT_MINE;
    }
  }

  /** Returned by {@link #number} for a number with a fraction or an exponent. */
  private static final long FRACTION = Long.MIN_VALUE;

  /** A number as JSON writes it: its value when it is an integer of at most 18 digits, else FRACTION. */
  private long number() throws IOException {
    ensure(MAX_NUMBER + 1);
    byte[] b = buf;
    int l = lim;
    int p = pos;
    int start = p;
    boolean negative = b[p] == '-';
    if (negative) {
      p++;
    }
    int digits = p;
    long v = 0;
    while (p < l && b[p] >= '0' && b[p] <= '9') {
      v = v * 10 + (b[p] - '0');
      p++;
    }
    int n = p - digits;
    if (n == 0 || (n > 1 && b[digits] == '0')) {
      throw NOT_MINE; // no digit, or a leading zero
    }
    boolean fraction = false;
    if (p < l && b[p] == '.') {
      fraction = true;
      p = digitsAfter(p + 1);
    }
    if (p < l && (b[p] == 'e' || b[p] == 'E')) {
      fraction = true;
      p++;
      if (p < l && (b[p] == '+' || b[p] == '-')) {
        p++;
      }
      p = digitsAfter(p);
    }
    if (p - start > MAX_NUMBER || (!fraction && n > 18)) {
      throw NOT_MINE;
    }
    pos = p;
    delimiter();
    return fraction ? FRACTION : negative ? -v : v;
  }

  /** One digit or more from p; the position after them. */
  private int digitsAfter(int p) {
    int q = p;
    while (q < lim && buf[q] >= '0' && buf[q] <= '9') {
      q++;
    }
    if (q == p) {
      throw NOT_MINE;
    }
    return q;
  }

  /** An integer (a number with a fraction or an exponent is not taken). */
  private long integer() throws IOException {
    long v = number();
    if (v == FRACTION) {
      throw NOT_MINE;
    }
    return v;
  }

  /**
   * Passes over a string whose opening quote was read, checking it; sets {@link #strStart} and {@link
   * #strEnd} to its content when {@code keep} (the bytes stay in the buffer).
   *
   * @return its flags: {@link #ESCAPED}, {@link #NON_ASCII}, or 0 for plain ASCII
   */
  private int string(boolean keep) throws IOException {
    // the common case, small enough for the JIT to inline: plain ASCII up to the closing quote, all in
    // the buffer
    byte[] b = buf;
    int l = lim;
    int p = pos;
    while (p + 8 <= l) {
      long m = special((long) LONGS.get(b, p));
      if (m != 0) {
        p += Long.numberOfTrailingZeros(m) >>> 3;
        if (b[p] == '"' && p - pos <= MAX_STRING) {
          strStart = pos;
          strEnd = p;
          pos = p + 1;
          return 0;
        }
        break;
      }
      p += 8;
    }
    return string(keep, p);
  }

  /** The rest of {@link #string(boolean)} from p: escapes, UTF-8, the buffer's end. */
  private int string(boolean keep, int from) throws IOException {
    int flags = 0;
    int start = pos;
    long before = 0; // bytes of the string passed in earlier fills (when not kept)
    pos = from;
    while (true) {
      byte[] b = buf;
      int l = lim;
      int p = pos;
      while (true) {
        if (p + 8 <= l) {
          long m = special((long) LONGS.get(b, p));
          if (m == 0) {
            p += 8;
            continue;
          }
          p += Long.numberOfTrailingZeros(m) >>> 3;
        } else if (p >= l) {
          break;
        }
        int c = b[p];
        if (c == '"') {
          if (before + (p - start) > MAX_STRING) {
            throw NOT_MINE;
          }
          strStart = start;
          strEnd = p;
          pos = p + 1;
          return flags;
        } else if (c == '\\' || c < 0) {
          if (p + 6 > l && !eof) {
            break; // an escape or a UTF-8 sequence might be cut by the buffer's end: read on first
          }
          if (c == '\\') {
            flags |= ESCAPED;
            p = escape(b, p, l);
          } else {
            flags |= NON_ASCII;
            p = utf8(b, p, l);
          }
        } else if (c < ' ') {
          throw NOT_MINE;
        } else {
          p++; // an ordinary byte among the last few of the buffer
        }
      }
      pos = p;
      int keepFrom = keep ? start : p;
      if (!keep) {
        before += p - start;
        start = p;
      }
      boolean moved = !eof; // fill moves the kept bytes unless the end was already reached
      boolean more = fill(keepFrom);
      if (moved) {
        start -= keepFrom;
      }
      if (!more && pos >= lim) {
        throw NOT_MINE; // the file ends inside the string
      }
      if (before + (pos - start) > MAX_STRING) {
        throw NOT_MINE;
      }
    }
  }

  /**
   * The high bit of each byte of w that is a quote, a backslash, a control character or not ASCII. Only
   * the lowest set bit is exact (a borrow can mark a byte above a special one), which is all its users
   * read.
   */
  private static long special(long w) {
    return (((w ^ QUOTES) - ONES) | ((w ^ BACKSLASHES) - ONES) | (w - SPACES) | w) & HIGH;
  }

  /** The high bit of each byte of w that is neither a space nor a newline (exact: no carries between bytes). */
  private static long notBlank(long w) {
    long s = w ^ SPACES;
    long n = w ^ NEWLINES;
    return (((s & LOW7) + LOW7) | s) & (((n & LOW7) + LOW7) | n) & HIGH;
  }

  /** A backslash escape at p: its end. */
  private static int escape(byte[] b, int p, int l) {
    if (p + 1 >= l) {
      throw NOT_MINE;
    }
    switch (b[p + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return p + 2;
      }
      case 'u' -> {
        if (p + 6 > l) {
          throw NOT_MINE;
        }
        for (int i = p + 2; i < p + 6; i++) {
          if (Character.digit(b[i], 16) < 0) {
            throw NOT_MINE;
          }
        }
        return p + 6;
      }
      default -> throw NOT_MINE;
    }
  }

  /** A UTF-8 sequence at p (lead byte and continuation bytes as Jackson checks them): its end. */
  private static int utf8(byte[] b, int p, int l) {
    int c = b[p] & 0xFF;
    int n;
    if (c >= 0xC0 && c <= 0xDF) {
      n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
    } else if (c >= 0xF0 && c <= 0xF7) {
      n = 3;
    } else {
      throw NOT_MINE;
    }
    if (p + n >= l) {
      throw NOT_MINE;
    }
    for (int i = 1; i <= n; i++) {
      if ((b[p + i] & 0xC0) != 0x80) {
        throw NOT_MINE;
      }
    }
    return p + n + 1;
  }

  /** Decodes buf[strStart, strEnd) into {@link #chars}: escapes and strict UTF-8 (no overlong forms, no surrogates). */
  private void decode(int flags) {
    int s = strStart;
    int e = strEnd;
    if (chars.length < e - s) {
      chars = new char[Math.max(e - s, 2 * chars.length)];
    }
    char[] out = chars;
    byte[] b = buf;
    int n = 0;
    if (flags == 0) {
      for (int i = s; i < e; i++) {
        out[n++] = (char) b[i];
      }
      charsLen = n;
      return;
    }
    int i = s;
    while (i < e) {
      int c = b[i];
      if (c == '\\') {
        int x = b[i + 1];
        switch (x) {
          case 'b' -> out[n++] = '\b';
          case 'f' -> out[n++] = '\f';
          case 'n' -> out[n++] = '\n';
          case 'r' -> out[n++] = '\r';
          case 't' -> out[n++] = '\t';
          case 'u' -> {
            int v = 0;
            for (int k = i + 2; k < i + 6; k++) {
              v = (v << 4) | Character.digit(b[k], 16);
            }
            out[n++] = (char) v;
            i += 4;
          }
          default -> out[n++] = (char) x; // " \ /
        }
        i += 2;
      } else if (c >= 0) {
        out[n++] = (char) c;
        i++;
      } else {
        int lead = c & 0xFF;
        int cp;
        int len;
        if (lead < 0xE0) {
          cp = lead & 0x1F;
          len = 1;
        } else if (lead < 0xF0) {
          cp = lead & 0x0F;
          len = 2;
        } else {
          cp = lead & 0x07;
          len = 3;
        }
        for (int k = 1; k <= len; k++) {
          cp = (cp << 6) | (b[i + k] & 0x3F);
        }
        int min = len == 1 ? 0x80 : len == 2 ? 0x800 : 0x10000;
        if (cp < min || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
          throw NOT_MINE;
        }
        n += Character.toChars(cp, out, n);
        i += len + 1;
      }
    }
    charsLen = n;
  }

  // ---- the buffer

  /**
   * The next byte that is not white space (not consumed). Eight bytes at a time: the first byte that is
   * neither a space nor a newline (an exact per-byte test, no carries between bytes) ends a run of the
   * export's indentation in one step.
   */
  private int nonWs() throws IOException {
    if (pos < lim) {
      int c = buf[pos];
      if (c > ' ') {
        return c; // no white space: the common case, small enough to inline
      }
    }
    return blank();
  }

  /** {@link #nonWs} past white space. */
  private int blank() throws IOException {
    while (true) {
      byte[] b = buf;
      int p = pos;
      int l = lim;
      while (p + 8 <= l) {
        int c = b[p];
        if (c > ' ') {
          pos = p;
          return c;
        }
        long other = notBlank((long) LONGS.get(b, p));
        if (other == 0) {
          p += 8;
          continue;
        }
        p += Long.numberOfTrailingZeros(other) >>> 3;
        c = b[p];
        if (c > ' ') {
          pos = p;
          return c;
        }
        if (c != '\r' && c != '\t') {
          throw NOT_MINE;
        }
        p++;
      }
      while (p < l) {
        byte c = b[p];
        if (c > ' ') {
          pos = p;
          return c;
        }
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
          throw NOT_MINE;
        }
        p++;
      }
      pos = p;
      if (!fill(p)) {
        throw NOT_MINE;
      }
    }
  }

  /** Copies up to len bytes of the file into b at off from the current window (mapping the next one as needed); -1 at the end. */
  private int readMore(byte[] b, int off, int len) throws IOException {
    while (window == null || !window.hasRemaining()) {
      if (mapped >= size) {
        return -1;
      }
      long w = Math.min(windowBytes, size - mapped);
      window = channel.map(FileChannel.MapMode.READ_ONLY, mapped, w);
      mapped += w;
    }
    int k = Math.min(len, window.remaining());
    window.get(b, off, k);
    return k;
  }

  /** At least n bytes after pos unless the file ends first. */
  private void ensure(int n) throws IOException {
    while (lim - pos < n && fill(pos)) {
      // read on
    }
  }

  /**
   * Reads more of the file, keeping buf[keep, lim) (moved to the start; positions move by -keep, unless
   * the end of the file had been reached before this call).
   *
   * @return false at the end of the file
   */
  private boolean fill(int keep) throws IOException {
    if (eof) {
      return false;
    }
    int n = lim - keep;
    if (keep > 0) {
      System.arraycopy(buf, keep, buf, 0, n);
    } else if (n == buf.length) {
      if (buf.length >= MAX_STRING * 4) {
        throw NOT_MINE;
      }
      buf = java.util.Arrays.copyOf(buf, buf.length * 2);
    }
    pos -= keep;
    lim = n;
    fills++;
    int r = readMore(buf, lim, buf.length - lim);
    if (r < 0) {
      eof = true;
      return false;
    }
    lim += r;
    return true;
  }
}
