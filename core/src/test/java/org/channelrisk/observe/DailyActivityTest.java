package org.channelrisk.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.channelrisk.testing.Gen;
import org.channelrisk.testing.PropertyCheck;
import org.junit.jupiter.api.Test;

class DailyActivityTest {
  static final long NOV21 = LocalDate.parse("2019-11-21").toEpochDay();

  @Test
  void everyDateFromFirstToLastWithZeros() {
    DailyActivity a = DailyActivity.withLinkClasses(List.of("rocketchat", "other"));
    DailyActivity.Chat c = a.newChat();
    c.add(NOV21 + 2, true, 0, 1, 8, new int[] {0, 0});
    c.add(NOV21, false, 2, 0, 7, new int[] {1, 1}); // earlier than the first: the array grows downwards
    c.add(NOV21, false, 0, 0, 7, new int[] {0, 0});
    a.attach("1001", c);
    assertThat(a.days("1001")).containsExactly(
        new DayCounts(NOV21, 2, 0, 2, 0, 1, new long[] {1, 1}),
        new DayCounts(NOV21 + 1, 0, 0, 0, 0, 0, new long[] {0, 0}),
        new DayCounts(NOV21 + 2, 1, 1, 0, 1, 1, new long[] {0, 0}));
    assertThat(a.days("1001").get(0).organic()).isEqualTo(2);
    assertThat(a.days("1001").get(0).date()).isEqualTo(LocalDate.parse("2019-11-21"));
    assertThat(a.firstDay()).contains(NOV21);
    assertThat(a.lastDay()).contains(NOV21 + 2);
    assertThat(a.posts()).isEqualTo(3);
  }

  @Test
  void authorsAreDistinctPerChatAndOverAllChats() {
    DailyActivity a = DailyActivity.create();
    DailyActivity.Chat x = a.newChat();
    DailyActivity.Chat y = a.newChat();
    x.add(NOV21, false, 0, 0, 1, new int[0]);
    x.add(NOV21, false, 0, 0, 2, new int[0]);
    x.add(NOV21, false, 0, 0, 1, new int[0]);
    y.add(NOV21, false, 0, 0, 2, new int[0]);
    y.add(NOV21, false, 0, 0, 3, new int[0]);
    y.add(NOV21, false, 0, 0, DailyActivity.NO_AUTHOR, new int[0]);
    a.attach("x", x);
    a.attach("y", y);
    assertThat(a.days("x").get(0).authors()).isEqualTo(2);
    assertThat(a.days("y").get(0).authors()).isEqualTo(2);
    assertThat(a.allDays()).containsExactly(new DayCounts(NOV21, 6, 0, 0, 0, 3, new long[0]));
  }

  @Test
  void attachingTheSameKeyTwiceMerges() {
    DailyActivity a = DailyActivity.create();
    DailyActivity.Chat p1 = a.newChat();
    p1.add(NOV21, false, 1, 0, 1, new int[0]);
    DailyActivity.Chat p2 = a.newChat();
    p2.add(NOV21 + 40, true, 0, 2, 1, new int[0]);
    p2.add(NOV21, false, 0, 0, 1, new int[0]);
    a.attach("c", p1);
    a.attach("c", p2);
    List<DayCounts> d = a.days("c");
    assertThat(d).hasSize(41);
    assertThat(d.get(0)).isEqualTo(new DayCounts(NOV21, 2, 0, 1, 0, 1, new long[0]));
    assertThat(d.get(40)).isEqualTo(new DayCounts(NOV21 + 40, 1, 1, 0, 2, 1, new long[0]));
    assertThat(a.chats()).containsExactly("c");
    assertThatThrownBy(() -> a.attach("d", p1)).hasMessageContaining("attached already");
    assertThatThrownBy(() -> a.days("none")).hasMessageContaining("no chat");
  }

  @Test
  void badValuesAreRefusedBeforeCounting() {
    DailyActivity a = DailyActivity.withLinkClasses(List.of("x"));
    DailyActivity.Chat c = a.newChat();
    assertThatThrownBy(() -> c.add(NOV21, false, -1, 0, 1, new int[] {0})).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> c.add(NOV21, false, 0, 0, 1, new int[] {-2})).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> c.add(NOV21, false, 0, 0, -5, new int[] {0})).hasMessageContaining("author");
    assertThatThrownBy(() -> DailyActivity.withLinkClasses(List.of("a", "a"))).hasMessageContaining("distinct");
    assertThat(c.posts()).isZero();
    a.attach("c", c);
    assertThat(a.days("c")).isEmpty();
    assertThat(a.allDays()).isEmpty();
  }

  /** A message read by one of three parts of a split export. */
  record PartPost(int part, long chat, long day, boolean forwarded, long author) {}

  /** A message with what a chat counts of it; author -1 is an unknown author. */
  record Post(long chat, long day, boolean forwarded, int outLinks, int tmeLinks, long author, int linkClass) {}

  @Test
  void mergeIsAssociativeAndEqualsOnePass() {
    PropertyCheck.forAll("daily activity merge", 100, rng -> {
      return Gen.list(rng, 120, r -> new PartPost(r.nextInt(3), r.nextInt(3), NOV21 + r.nextInt(60) - 30, r.nextBoolean(),
          r.nextInt(5)));
    }, msgs -> {
      DailyActivity whole = DailyActivity.create();
      DailyActivity[] parts = {DailyActivity.create(), DailyActivity.create(), DailyActivity.create()};
      Map<Long, DailyActivity.Chat> one = new TreeMap<>();
      List<Map<Long, DailyActivity.Chat>> each = List.of(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
      for (PartPost m : msgs) {
        one.computeIfAbsent(m.chat(), k -> whole.newChat()).add(m.day(), m.forwarded(), 0, 0, m.author(), new int[0]);
        each.get(m.part()).computeIfAbsent(m.chat(), k -> parts[m.part()].newChat())
            .add(m.day(), m.forwarded(), 0, 0, m.author(), new int[0]);
      }
      one.forEach((k, c) -> whole.attach("c" + k, c));
      for (int p = 0; p < 3; p++) {
        int q = p;
        each.get(p).forEach((k, c) -> parts[q].attach("c" + k, c));
      }
      DailyActivity left = DailyActivity.create().merge(parts[0]).merge(parts[1]).merge(parts[2]);
      DailyActivity right = DailyActivity.create().merge(parts[0]).merge(DailyActivity.create().merge(parts[1]).merge(parts[2]));
      for (DailyActivity m : List.of(left, right)) {
        assertThat(m.allDays()).isEqualTo(whole.allDays());
        for (String k : whole.chats()) {
          assertThat(m.days(k)).isEqualTo(whole.days(k));
        }
      }
      assertThat(parts[0].posts() + parts[1].posts() + parts[2].posts()).isEqualTo(msgs.size());
    });
  }

  /** Any order of messages over chats gives the counts of a direct tally in maps. */
  @Test
  void matchesADirectTally() {
    PropertyCheck.forAll("daily activity", 200, rng -> {
      List<Post> msgs = new ArrayList<>();
      int n = rng.nextInt(300);
      for (int i = 0; i < n; i++) {
        msgs.add(new Post(rng.nextInt(3), NOV21 + rng.nextInt(200) - 100, rng.nextBoolean(), rng.nextInt(3),
            rng.nextInt(2), rng.nextInt(6) - 1, rng.nextInt(2)));
      }
      return msgs;
    }, msgs -> {
      DailyActivity a = DailyActivity.withLinkClasses(List.of("k"));
      Map<Long, DailyActivity.Chat> chats = new TreeMap<>();
      Map<Long, TreeMap<Long, long[]>> tally = new TreeMap<>();
      Map<Long, Map<Long, Set<Long>>> who = new HashMap<>();
      Map<Long, Set<Long>> whoAll = new HashMap<>();
      for (Post m : msgs) {
        chats.computeIfAbsent(m.chat(), k -> a.newChat()).add(m.day(), m.forwarded(), m.outLinks(), m.tmeLinks(),
            m.author(), new int[] {m.linkClass()});
        // posts, forwarded, out links, t.me links, class-0 links
        long[] v = tally.computeIfAbsent(m.chat(), k -> new TreeMap<>()).computeIfAbsent(m.day(), k -> new long[5]);
        v[0]++;
        v[1] += m.forwarded() ? 1 : 0;
        v[2] += m.outLinks();
        v[3] += m.tmeLinks();
        v[4] += m.linkClass();
        if (m.author() >= 0) {
          who.computeIfAbsent(m.chat(), k -> new HashMap<>()).computeIfAbsent(m.day(), k -> new HashSet<>()).add(m.author());
          whoAll.computeIfAbsent(m.day(), k -> new HashSet<>()).add(m.author());
        }
      }
      chats.forEach((k, c) -> a.attach("c" + k, c));
      for (long k : tally.keySet()) {
        List<DayCounts> rows = a.days("c" + k);
        TreeMap<Long, long[]> t = tally.get(k);
        assertThat(rows).hasSize((int) (t.lastKey() - t.firstKey() + 1));
        for (DayCounts d : rows) {
          long[] v = t.getOrDefault(d.epochDay(), new long[5]);
          int authors = who.getOrDefault(k, Map.of()).getOrDefault(d.epochDay(), Set.of()).size();
          assertThat(d).isEqualTo(new DayCounts(d.epochDay(), v[0], v[1], v[2], v[3], authors, new long[] {v[4]}));
        }
      }
      long posts = 0;
      for (DayCounts d : a.allDays()) {
        posts += d.posts();
        assertThat(d.authors()).isEqualTo(whoAll.getOrDefault(d.epochDay(), Set.of()).size());
      }
      assertThat(posts).isEqualTo(msgs.size());
    });
  }
}
