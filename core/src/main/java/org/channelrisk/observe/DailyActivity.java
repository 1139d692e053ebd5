package org.channelrisk.observe;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Daily posting activity of chats (channels, groups), accumulated message by message: per chat and
 * UTC date, the posts, how many were forwarded, the links they carried and their distinct authors.
 * This is the format-neutral core of reading an export: a reader parses messages and calls
 * {@link Chat#add}; the series come out with every date from a chat's first to its last post, zeros
 * included, as the recovery fits and intervention models need them.
 *
 * <pre>{@code
 * DailyActivity a = DailyActivity.withLinkClasses(List.of("rocketchat"));
 * DailyActivity.Chat c = a.newChat();
 * long day = LocalDate.parse("2019-11-21").toEpochDay();
 * c.add(day, false, 1, 0, 7L, new int[] {1});     // organic post by author 7 with a rocket.chat link
 * c.add(day + 2, true, 0, 1, 8L, new int[] {0});  // forwarded post with a t.me link
 * a.attach("1001", c);
 * a.days("1001");     // 3 rows: 21, 22 (zeros) and 23 November
 * a.allDays();        // the same summed over chats, authors distinct over all chats
 * }</pre>
 *
 * <p>Authors are caller-chosen numbers in [0, 2^40) (an index of interned ids, say), or
 * {@link #NO_AUTHOR}. A chat's messages can be added before the chat's key is known (a reader meets a
 * chat's id only at some point of its object): {@link #newChat()} gives a detached chat and
 * {@link #attach} files it under its key; attaching a second chat under the same key merges the two
 * (two exports of one channel covering different periods).
 *
 * <p>Memory: 8 x (4 + classes) bytes per date spanned per chat, plus 16 to 32 bytes per distinct
 * (chat, date, author), whatever the number of messages: a channel (one author) costs nothing more
 * per message, a group as much as its daily active posters. Each message costs O(1) (a hash-set insert
 * only when the author differs from the previous message's on the same date). Not thread-safe: one reader, one instance.
 */
public final class DailyActivity {
  /** The author of a message without one. */
  public static final long NO_AUTHOR = -1;

  /** Authors are numbers below this. */
  public static final long AUTHOR_LIMIT = 1L << 40;

  private static final long DAY_OFFSET = 1L << 22;
  private static final int FIXED = 4; // posts, forwarded, outlinks, tmeLinks

  private final ImmutableList<String> classes;
  private final Map<String, Chat> chats = new LinkedHashMap<>();

  private DailyActivity(List<String> classes) {
    this.classes = ImmutableList.copyOf(classes);
  }

  /** @return an accumulator without host classes */
  public static DailyActivity create() {
    return new DailyActivity(List.of());
  }

  /**
   * @param classes names of host classes (platforms) whose out-links are counted apart
   * @return an accumulator
   */
  public static DailyActivity withLinkClasses(List<String> classes) {
    Preconditions.checkArgument(new HashSet<>(classes).size() == classes.size(), "link classes must be distinct: %s",
        classes);
    return new DailyActivity(classes);
  }

  /** @return the host classes, as given */
  public List<String> linkClasses() {
    return classes;
  }

  /** @return a chat not yet filed under a key; {@link #attach} it when its key is known */
  public Chat newChat() {
    return new Chat(FIXED + classes.size());
  }

  /**
   * Files a chat under its key, merging it into the chat already there.
   *
   * @param key the chat's key (its id, or a pseudonym)
   * @param chat a chat from {@link #newChat()} of this accumulator, not attached before
   * @throws IllegalArgumentException if the chat was attached already or belongs to another accumulator
   */
  public void attach(String key, Chat chat) {
    Preconditions.checkNotNull(key, "key");
    Preconditions.checkArgument(!chat.attached, "the chat is attached already");
    Preconditions.checkArgument(chat.stride == FIXED + classes.size(), "the chat belongs to another accumulator");
    chat.attached = true;
    Chat old = chats.get(key);
    if (old == null) {
      chats.put(key, chat);
    } else {
      old.merge(chat);
    }
  }

  /**
   * Adds another accumulator's chats to this one (chats under the same key merge), so that exports
   * read separately (on several threads, say) combine into the counts of one pass. The other
   * accumulator is not changed. Associative and, up to the order of {@link #chats()}, commutative.
   *
   * @param other an accumulator with the same link classes
   * @return this
   * @throws IllegalArgumentException if the link classes differ
   */
  public DailyActivity merge(DailyActivity other) {
    Preconditions.checkArgument(other.classes.equals(classes), "link classes differ: %s and %s", classes, other.classes);
    other.chats.forEach((key, chat) -> {
      Chat copy = newChat();
      copy.merge(chat);
      attach(key, copy);
    });
    return this;
  }

  /** @return the chats' keys in the order they were first attached */
  public List<String> chats() {
    return ImmutableList.copyOf(chats.keySet());
  }

  /** @return posts over all attached chats */
  public long posts() {
    return chats.values().stream().mapToLong(c -> c.posts).sum();
  }

  /** @return the earliest date with a post, over all chats, as days since 1970-01-01 */
  public Optional<Long> firstDay() {
    return chats.values().stream().filter(c -> c.posts > 0).map(c -> c.first).min(Long::compare);
  }

  /** @return the latest date with a post, over all chats, as days since 1970-01-01 */
  public Optional<Long> lastDay() {
    return chats.values().stream().filter(c -> c.posts > 0).map(c -> c.last).max(Long::compare);
  }

  /**
   * One chat's series.
   *
   * @param key a chat's key
   * @return one row per date from its first to its last post (empty if it has no post)
   * @throws IllegalArgumentException if there is no such chat
   */
  public List<DayCounts> days(String key) {
    Chat c = chats.get(key);
    Preconditions.checkArgument(c != null, "no chat with key %s", key);
    if (c.posts == 0) {
      return List.of();
    }
    long[] authors = new long[(int) (c.last - c.first + 1)];
    c.authors.forEach(k -> authors[(int) (dayOf(k) - c.first)]++);
    List<DayCounts> out = new ArrayList<>(authors.length);
    for (long d = c.first; d <= c.last; d++) {
      out.add(row(d, c.counts, (int) (d - c.base) * c.stride, c.stride, authors[(int) (d - c.first)]));
    }
    return out;
  }

  /**
   * The series summed over chats, with authors distinct over all chats on each date.
   *
   * @return one row per date from the earliest to the latest post of any chat (empty if none)
   */
  public List<DayCounts> allDays() {
    Optional<Long> lo = firstDay();
    if (lo.isEmpty()) {
      return List.of();
    }
    long first = lo.get();
    int n = (int) (lastDay().get() - first + 1);
    int stride = FIXED + classes.size();
    long[] sum = new long[n * stride];
    LongSet authorDays = new LongSet();
    for (Chat c : chats.values()) {
      if (c.posts == 0) {
        continue;
      }
      for (long d = c.first; d <= c.last; d++) {
        int from = (int) (d - c.base) * stride;
        int to = (int) (d - first) * stride;
        for (int j = 0; j < stride; j++) {
          sum[to + j] += c.counts[from + j];
        }
      }
      authorDays.addAll(c.authors);
    }
    long[] authors = new long[n];
    authorDays.forEach(k -> authors[(int) (dayOf(k) - first)]++);
    List<DayCounts> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(row(first + i, sum, i * stride, stride, authors[i]));
    }
    return out;
  }

  private static DayCounts row(long day, long[] counts, int at, int stride, long authors) {
    return new DayCounts(day, counts[at], counts[at + 1], counts[at + 2], counts[at + 3], authors,
        Arrays.copyOfRange(counts, at + FIXED, at + stride));
  }

  private static long dayOf(long authorKey) {
    return (authorKey >>> 40) - DAY_OFFSET;
  }

  @Override
  public String toString() {
    return "DailyActivity[" + chats.size() + " chats, " + posts() + " posts"
        + (classes.isEmpty() ? "" : ", host classes " + classes) + "]";
  }

  /** One chat's counters: a dense array of days, grown as dates arrive in any order. */
  public static final class Chat {
    private final int stride;
    private long[] counts = new long[0];
    private long base;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private long posts;
    private final LongSet authors = new LongSet();
    private long lastAuthorKey = -1;
    private boolean attached;

    private Chat(int stride) {
      this.stride = stride;
    }

    /**
     * Counts one post.
     *
     * @param epochDay its UTC date as days since 1970-01-01, within about ±11,000 years
     * @param forwarded whether it was forwarded
     * @param outlinks links to non-Telegram hosts it carries
     * @param tmeLinks links to Telegram hosts it carries
     * @param author its author in [0, {@link #AUTHOR_LIMIT}), or {@link #NO_AUTHOR}
     * @param linksByClass out-links per host class (length: the number of classes; may be longer)
     * @throws IllegalArgumentException on a negative count or an author or date out of range
     */
    public void add(long epochDay, boolean forwarded, int outlinks, int tmeLinks, long author, int[] linksByClass) {
      Preconditions.checkArgument(epochDay >= -DAY_OFFSET && epochDay < DAY_OFFSET, "date out of range: %s", epochDay);
      Preconditions.checkArgument(outlinks >= 0 && tmeLinks >= 0, "link counts must be >= 0: %s, %s", outlinks, tmeLinks);
      Preconditions.checkArgument(author == NO_AUTHOR || (author >= 0 && author < AUTHOR_LIMIT),
          "author out of range: %s", author);
      for (int j = FIXED; j < stride; j++) {
        Preconditions.checkArgument(linksByClass[j - FIXED] >= 0, "link counts must be >= 0: %s", linksByClass[j - FIXED]);
      }
      int at = slot(epochDay);
      counts[at]++;
      if (forwarded) {
        counts[at + 1]++;
      }
      counts[at + 2] += outlinks;
      counts[at + 3] += tmeLinks;
      for (int j = FIXED; j < stride; j++) {
        counts[at + j] += linksByClass[j - FIXED];
      }
      posts++;
      if (author != NO_AUTHOR) {
        long key = ((epochDay + DAY_OFFSET) << 40) | author;
        if (key != lastAuthorKey) {
          authors.add(key);
          lastAuthorKey = key;
        }
      }
    }

    /** @return posts counted in this chat */
    public long posts() {
      return posts;
    }

    private int slot(long day) {
      if (posts == 0 && counts.length == 0) {
        base = day;
        counts = new long[16 * stride];
      }
      long span = counts.length / stride;
      if (day < base || day >= base + span) {
        long lo = Math.min(base, day);
        long hi = Math.max(base + span, day + 1);
        long want = Math.max(hi - lo, 2 * span);
        // grow towards the side that needed it
        long newBase = day < base ? hi - want : lo;
        long[] grown = new long[Math.toIntExact(want * stride)];
        System.arraycopy(counts, 0, grown, (int) (base - newBase) * stride, counts.length);
        counts = grown;
        base = newBase;
      }
      first = Math.min(first, day);
      last = Math.max(last, day);
      return (int) (day - base) * stride;
    }

    private void merge(Chat other) {
      if (other.posts == 0) {
        return;
      }
      slot(other.first);
      slot(other.last);
      for (long d = other.first; d <= other.last; d++) {
        int to = (int) (d - base) * stride;
        int from = (int) (d - other.base) * stride;
        for (int j = 0; j < stride; j++) {
          counts[to + j] += other.counts[from + j];
        }
      }
      posts += other.posts;
      authors.addAll(other.authors);
    }

    @Override
    public String toString() {
      return "DailyActivity.Chat[" + posts + " posts" + (posts == 0 ? "" : ", days " + first + " to " + last) + "]";
    }
  }
}
