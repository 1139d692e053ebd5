package org.channelrisk.cli.ingest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;

/**
 * Writes synthetic Telegram Desktop exports (single-chat or full-account) with known daily counts, and
 * keeps those counts as the expectation a reader must meet. Every chat covers its dates with the
 * cases a reader gets wrong: a day without messages, a message at exactly midnight UTC and one a second
 * before, forwarded messages (forwarded_from as a name, as null, or only forwarded_from_id), text as a
 * string or as a list of strings and entities, links as {@code link} and {@code text_link} entities to
 * Telegram, classified and unclassified hosts, {@code text_entities} repeating the links (new exports)
 * or absent (old ones), service messages (creation, pins) and an unsupported message. The counts are
 * computed here from what was written, independently of the reader's code.
 *
 * <pre>{@code
 * ExportGenerator g = new ExportGenerator(7)
 *     .chat(1001, "Alpha", "public_channel", LocalDate.parse("2019-11-01"), 30, 8.0, 1)
 *     .chat(1002, "Beta group", "public_supergroup", LocalDate.parse("2019-11-10"), 20, 5.0, 40);
 * ExportGenerator.Expected e = g.write(Path.of("result.json"), true);
 * }</pre>
 */
final class ExportGenerator {
  /** The hosts file the expected classes assume. */
  static final String HOSTS_CSV = "host,platform\nrocket.chat,rocketchat\nexample.org,web\n";
  /** Class names in order: the hosts file's, then "other". */
  static final List<String> CLASSES = List.of("rocketchat", "web", "other");

  /** A link and how it counts: -1 Telegram, else the class index. */
  private record Link(String url, int kind) {}

  private static final Link[] LINKS = {
    new Link("https://t.me/joinchat/AAAAAEZ3bXg", -1),
    new Link("t.me/alpha_news", -1),
    new Link("https://telegram.me/beta", -1),
    new Link("https://backup.t.me/", -1),
    new Link("https://rocket.chat/channel/alpha", 0),
    new Link("https://open.rocket.chat/home", 0),
    new Link("http://www.example.org/a?b=c", 1),
    new Link("example.org", 1),
    new Link("https://archive.org/details/x", 2),
    new Link("https://user@files.example.net:8443/f", 2),
  };

  private record ChatSpec(long id, String name, String type, LocalDate first, int days, IntToDoubleFunction rate,
      int authors) {}

  private final long seed;
  private final List<ChatSpec> chats = new ArrayList<>();
  private ZoneId localZone;

  /** @param seed the seed of everything drawn */
  ExportGenerator(long seed) {
    this.seed = seed;
  }

  /**
   * Adds a chat.
   *
   * @param id its id
   * @param name its name
   * @param type its Telegram type
   * @param first the date of its first message
   * @param days the dates it spans (1: a chat with exactly one message)
   * @param rate mean messages per day
   * @param authors size of its pool of authors (1 for a channel)
   * @return this
   */
  ExportGenerator chat(long id, String name, String type, LocalDate first, int days, double rate, int authors) {
    return chat(id, name, type, first, days, d -> rate, authors);
  }

  /**
   * Adds a chat whose mean messages per day change over time (a takedown and a recovery, say).
   *
   * @param id its id
   * @param name its name
   * @param type its Telegram type
   * @param first the date of its first message
   * @param days the dates it spans
   * @param rate mean messages on the d-th date (d = 0 on {@code first})
   * @param authors size of its pool of authors (1 for a channel)
   * @return this
   */
  ExportGenerator chat(long id, String name, String type, LocalDate first, int days, IntToDoubleFunction rate,
      int authors) {
    chats.add(new ChatSpec(id, name, type, first, days, rate, authors));
    return this;
  }

  /**
   * @param b bytes
   * @param from first byte cut out
   * @param to end (exclusive) of the bytes cut out
   * @return b without b[from, to)
   */
  static byte[] cut(byte[] b, int from, int to) {
    byte[] c = new byte[b.length - (to - from)];
    System.arraycopy(b, 0, c, 0, from);
    System.arraycopy(b, to, c, from, b.length - to);
    return c;
  }

  /** @return the small export that the damage tests start from: a channel and a group, a few days each */
  static ExportGenerator twoSmallChats() {
    return new ExportGenerator(5).chat(1, "A", "public_channel", LocalDate.parse("2019-11-01"), 4, 3.0, 1)
        .chat(2, "B", "public_supergroup", LocalDate.parse("2019-11-02"), 3, 3.0, 5);
  }

  /**
   * Writes old-style exports: no {@code date_unixtime}, {@code date} in local time of this zone.
   *
   * @param zone the exporting computer's zone
   * @return this
   */
  ExportGenerator localDatesIn(ZoneId zone) {
    this.localZone = zone;
    return this;
  }

  /** The counts a reader must find. */
  static final class Expected {
    /** Per chat id, per date: posts, forwarded, outlinks, tme, then out-links per class. */
    final Map<Long, TreeMap<LocalDate, long[]>> counts = new LinkedHashMap<>();
    final Map<Long, TreeMap<LocalDate, Set<Integer>>> authors = new LinkedHashMap<>();
    final Map<Long, long[]> firstLast = new LinkedHashMap<>();
    final Map<Long, Long> created = new LinkedHashMap<>();
    final Map<Long, Long> messages = new LinkedHashMap<>();
    long total;

    /**
     * @param chat a chat id
     * @return its rows, every date from first to last message: date, posts, organic, forwarded, outlinks,
     *     tme_links, authors, out-links per class (as strings, as in the CSV)
     */
    List<List<String>> rows(long chat) {
      return rows(counts.get(chat), authors.get(chat));
    }

    /** @return the rows summed over chats, authors distinct over all chats */
    List<List<String>> allRows() {
      TreeMap<LocalDate, long[]> sum = new TreeMap<>();
      TreeMap<LocalDate, Set<Integer>> who = new TreeMap<>();
      counts.forEach((c, m) -> m.forEach((d, v) -> {
        long[] s = sum.computeIfAbsent(d, k -> new long[v.length]);
        for (int i = 0; i < v.length; i++) {
          s[i] += v[i];
        }
      }));
      authors.forEach((c, m) -> m.forEach((d, v) -> who.computeIfAbsent(d, k -> new HashSet<>()).addAll(v)));
      return rows(sum, who);
    }

    private static List<List<String>> rows(TreeMap<LocalDate, long[]> m, TreeMap<LocalDate, Set<Integer>> who) {
      List<List<String>> out = new ArrayList<>();
      if (m == null || m.isEmpty()) {
        return out;
      }
      int width = m.firstEntry().getValue().length;
      for (LocalDate d = m.firstKey(); !d.isAfter(m.lastKey()); d = d.plusDays(1)) {
        long[] v = m.getOrDefault(d, new long[width]);
        List<String> row = new ArrayList<>(List.of(d.toString(), Long.toString(v[0]), Long.toString(v[0] - v[1]),
            Long.toString(v[1]), Long.toString(v[2]), Long.toString(v[3]),
            Integer.toString(who.getOrDefault(d, Set.of()).size())));
        for (int i = 4; i < width; i++) {
          row.add(Long.toString(v[i]));
        }
        out.add(row);
      }
      return out;
    }
  }

  /**
   * Writes the export.
   *
   * @param file the result.json to write
   * @param account a full-account export (chats.list) instead of a single chat (then exactly one chat)
   * @return the expected counts
   * @throws IOException if writing fails
   */
  Expected write(Path file, boolean account) throws IOException {
    if (!account && chats.size() != 1) {
      throw new IllegalStateException("a single-chat export has one chat: " + chats.size());
    }
    Expected e = new Expected();
    JsonFactory f = new JsonFactory();
    try (OutputStream out = Files.newOutputStream(file); JsonGenerator g = f.createGenerator(out, JsonEncoding.UTF8)) {
      // Telegram Desktop's layout: one space of indentation a level, "name": value, empty arrays as []
      DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
          .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
              .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter(" ", "\n"))
          .withArrayIndenter(new DefaultIndenter(" ", "\n"));
      g.setPrettyPrinter(pp);
      if (account) {
        g.writeStartObject();
        g.writeStringField("about", "Here is the data you requested.");
        g.writeObjectFieldStart("personal_information");
        g.writeNumberField("user_id", 42);
        g.writeStringField("first_name", "Researcher");
        g.writeEndObject();
        g.writeObjectFieldStart("contacts");
        g.writeStringField("about", "contacts");
        g.writeArrayFieldStart("list");
        g.writeStartObject();
        g.writeStringField("first_name", "A");
        g.writeStringField("date", "2019-01-01T00:00:00");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("chats");
        g.writeStringField("about", "This page lists all chats from this export.");
        g.writeArrayFieldStart("list");
        for (int i = 0; i < chats.size(); i++) {
          chat(g, chats.get(i), new SplittableRandom(seed * 1_000_003L + i), e);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
      } else {
        chat(g, chats.get(0), new SplittableRandom(seed * 1_000_003L), e);
      }
    }
    return e;
  }

  private void chat(JsonGenerator g, ChatSpec c, SplittableRandom rnd, Expected e) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", c.name);
    g.writeStringField("type", c.type);
    g.writeNumberField("id", c.id);
    g.writeArrayFieldStart("messages");
    TreeMap<LocalDate, long[]> counts = new TreeMap<>();
    TreeMap<LocalDate, Set<Integer>> who = new TreeMap<>();
    e.counts.put(c.id, counts);
    e.authors.put(c.id, who);
    long msgId = 1;
    long firstDay = c.first.toEpochDay();
    long createdAt = firstDay * 86_400L + 3_600; // 01:00 UTC on the first date
    service(g, msgId++, createdAt, c.type.contains("channel") ? "create_channel" : "create_group", c.name);
    e.created.put(c.id, createdAt);
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    long n = 0;
    int emptyDay = c.days >= 4 ? 2 : -1; // a date without messages inside the span
    for (int d = 0; d < c.days; d++) {
      long day = firstDay + d;
      int k;
      if (c.days == 1) {
        k = 1;
      } else if (d == emptyDay) {
        k = 0;
      } else if (d == 0 || d == c.days - 1) {
        k = 1 + poisson(rnd, c.rate.applyAsDouble(d));
      } else {
        k = poisson(rnd, c.rate.applyAsDouble(d));
      }
      if (d == 1 && c.days > 2) {
        k = Math.max(k, 1);
      }
      long[] secs = new long[k];
      for (int i = 0; i < k; i++) {
        secs[i] = day * 86_400L + rnd.nextLong(86_400L);
      }
      if (d == 1 && k > 0 && c.days > 2) {
        secs[0] = day * 86_400L; // exactly midnight UTC
      }
      if (d == 0 && c.days > 1) {
        secs[k - 1] = day * 86_400L + 86_399L; // a second before midnight
      }
      Arrays.sort(secs);
      for (long s : secs) {
        if (rnd.nextInt(50) == 0) {
          service(g, msgId++, s, "pin_message", null);
        }
        if (rnd.nextInt(200) == 0) {
          g.writeStartObject();
          g.writeNumberField("id", msgId++);
          g.writeStringField("type", "unsupported");
          g.writeEndObject();
        }
        int author = c.authors == 1 ? (int) (c.id % 1_000_000) : 1_000_000 + rnd.nextInt(c.authors);
        message(g, msgId++, s, author, c, rnd, counts, who);
        first = Math.min(first, s);
        last = Math.max(last, s);
        n++;
      }
    }
    g.writeEndArray();
    g.writeEndObject();
    e.firstLast.put(c.id, new long[] {first, last});
    e.messages.put(c.id, n);
    e.total += n;
  }

  private static int poisson(SplittableRandom rnd, double mean) {
    // inversion by sequential search: small means only
    double l = Math.exp(-mean);
    double p = l;
    double u = rnd.nextDouble();
    int k = 0;
    while (u > p && k < 10_000) {
      k++;
      l *= mean / k;
      p += l;
    }
    return k;
  }

  private void dates(JsonGenerator g, long s) throws IOException {
    if (localZone == null) {
      g.writeStringField("date", LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.ofHours(1)).toString().length() == 16
          ? LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.ofHours(1)) + ":00"
          : LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.ofHours(1)).toString());
      g.writeStringField("date_unixtime", Long.toString(s));
    } else {
      LocalDateTime l = LocalDateTime.ofInstant(Instant.ofEpochSecond(s), localZone);
      String t = l.toString();
      g.writeStringField("date", t.length() == 16 ? t + ":00" : t);
    }
  }

  private void service(JsonGenerator g, long id, long s, String action, String title) throws IOException {
    g.writeStartObject();
    g.writeNumberField("id", id);
    g.writeStringField("type", "service");
    dates(g, s);
    g.writeStringField("actor", "Admin");
    g.writeStringField("actor_id", "user77");
    g.writeStringField("action", action);
    if (title != null) {
      g.writeStringField("title", title);
    }
    if (action.equals("pin_message")) {
      g.writeNumberField("message_id", Math.max(1, id - 1));
    }
    g.writeStringField("text", "");
    g.writeArrayFieldStart("text_entities");
    g.writeEndArray();
    g.writeEndObject();
  }

  private void message(JsonGenerator g, long id, long s, int author, ChatSpec c, SplittableRandom rnd,
      TreeMap<LocalDate, long[]> counts, TreeMap<LocalDate, Set<Integer>> who) throws IOException {
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(s, 86_400L));
    long[] v = counts.computeIfAbsent(date, k -> new long[4 + CLASSES.size()]);
    v[0]++;
    who.computeIfAbsent(date, k -> new HashSet<>()).add(author);
    g.writeStartObject();
    g.writeNumberField("id", id);
    g.writeStringField("type", "message");
    dates(g, s);
    boolean channelAuthor = author < 1_000_000;
    g.writeStringField("from", channelAuthor ? c.name : "Member " + author);
    g.writeStringField("from_id", channelAuthor ? "channel" + author : "user" + author);
    int fw = rnd.nextInt(10);
    if (fw < 3) {
      v[1]++;
      switch (fw) {
        case 0 -> g.writeStringField("forwarded_from", "Source channel");
        case 1 -> g.writeNullField("forwarded_from");
        default -> g.writeStringField("forwarded_from_id", "channel" + (5000 + rnd.nextInt(9)));
      }
    }
    if (rnd.nextInt(4) == 0) {
      g.writeStringField("photo", "(File not included. Change data exporting settings to download.)");
      g.writeNumberField("width", 1280);
      g.writeNumberField("height", 720);
    }
    // links: 0 to 3, as entities
    int nl = rnd.nextInt(3) == 0 ? rnd.nextInt(4) : 0;
    List<Object[]> parts = new ArrayList<>(); // {type, text, href}
    parts.add(new Object[] {"plain", "Daily update " + id + " – read more ", null});
    for (int i = 0; i < nl; i++) {
      Link l = LINKS[rnd.nextInt(LINKS.length)];
      if (l.kind < 0) {
        v[3]++;
      } else {
        v[2]++;
        v[4 + l.kind]++;
      }
      if (rnd.nextBoolean()) {
        parts.add(new Object[] {"link", l.url, null});
      } else {
        parts.add(new Object[] {"text_link", "here", l.url});
      }
      parts.add(new Object[] {"plain", " and ", null});
    }
    if (rnd.nextInt(5) == 0) {
      parts.add(new Object[] {"mention", "@someone", null});
      parts.add(new Object[] {"bold", "https://not-a-link.example.com", null});
    }
    boolean entities = rnd.nextInt(3) != 0; // newer exports repeat the text as text_entities
    if (parts.size() == 1) {
      g.writeStringField("text", (String) parts.get(0)[1]);
    } else {
      g.writeArrayFieldStart("text");
      for (Object[] p : parts) {
        if (p[0].equals("plain")) {
          g.writeString((String) p[1]);
        } else {
          entity(g, p);
        }
      }
      g.writeEndArray();
    }
    if (entities) {
      g.writeArrayFieldStart("text_entities");
      for (Object[] p : parts) {
        entity(g, p);
      }
      g.writeEndArray();
    }
    if (rnd.nextInt(6) == 0) {
      g.writeArrayFieldStart("reactions");
      g.writeStartObject();
      g.writeStringField("type", "emoji");
      g.writeNumberField("count", 3);
      g.writeStringField("emoji", "👍");
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void entity(JsonGenerator g, Object[] p) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", (String) p[0]);
    g.writeStringField("text", (String) p[1]);
    if (p[2] != null) {
      g.writeStringField("href", (String) p[2]);
    }
    g.writeEndObject();
  }
}
