package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.testing.PropertyCheck.forAll;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.channelrisk.testing.Gen;
import org.junit.jupiter.api.Test;

/**
 * The engine's queues and sorts against plain reference implementations: the order in which a run
 * handles its events must not depend on how these structures are built. Each input is the whole
 * sequence of operations (not a seed), so that a failure shrinks to a short, readable one.
 */
class EngineStructuresProperties {
  record Clock(double time, int channel) {}

  static final Comparator<Clock> CLOCK_ORDER =
      Comparator.comparingDouble(Clock::time).thenComparingInt(Clock::channel);

  /** Times with many ties, so that the channel tie-break is exercised. */
  static double time(RandomGenerator rng) {
    return rng.nextInt(4) == 0 ? rng.nextInt(5) : Gen.doubleIn(rng, 0, 10);
  }

  /** One step on the clock calendar: set or remove one clock, or pop the first. */
  sealed interface ClockOp {}

  /** Sets clock {@code channel} to {@code time} (adding it when absent). */
  record SetClock(int channel, double time) implements ClockOp {
    @Override
    public String toString() {
      return "set " + channel + "@" + time;
    }
  }

  /** Removes clock {@code channel} (nothing when absent). */
  record RemoveClock(int channel) implements ClockOp {
    @Override
    public String toString() {
      return "remove " + channel;
    }
  }

  /** Pops the first clock and checks it (nothing when none is due by the end). */
  record Pop() implements ClockOp {
    @Override
    public String toString() {
      return "pop";
    }
  }

  /**
   * A calendar of {@code channels} clocks, {@code buckets} buckets over [0, end] and the steps applied
   * to it. Times run to 10 and the end is at most 10, so that some clocks lie after it.
   */
  record ClockCase(int channels, int buckets, double end, List<ClockOp> ops) {}

  static ClockCase clockCase(RandomGenerator rng) {
    int n = Gen.intIn(rng, 1, 60);
    List<ClockOp> ops = new ArrayList<>();
    for (int step = 0; step < 400; step++) {
      int op = rng.nextInt(10);
      if (op < 5) {
        ops.add(new SetClock(rng.nextInt(n), time(rng)));
      } else if (op < 7) {
        ops.add(new RemoveClock(rng.nextInt(n)));
      } else {
        ops.add(new Pop());
      }
    }
    return new ClockCase(n, Gen.intIn(rng, 1, 40), rng.nextInt(3) == 0 ? 10 : Gen.doubleIn(rng, 0, 10), List.copyOf(ops));
  }

  @Test
  void clockCalendarHandsOutClocksInTimeThenChannelOrder() {
    forAll("clock calendar = sorted set", 300, EngineStructuresProperties::clockCase, c -> {
      int n = c.channels();
      ClockCalendar clocks = new ClockCalendar(n, c.end(), c.buckets());
      TreeSet<Clock> ref = new TreeSet<>(CLOCK_ORDER);
      double[] current = new double[n];
      boolean[] present = new boolean[n];
      for (ClockOp op : c.ops()) {
        if (op instanceof SetClock set) {
          int i = set.channel();
          if (present[i]) {
            ref.remove(new Clock(current[i], i));
          }
          current[i] = set.time();
          present[i] = true;
          ref.add(new Clock(current[i], i));
          clocks.set(i, current[i]);
        } else if (op instanceof RemoveClock remove) {
          int i = remove.channel();
          if (present[i]) {
            ref.remove(new Clock(current[i], i));
            present[i] = false;
          }
          clocks.remove(i);
        } else {
          popAndCheck(clocks, ref, c.end(), present);
        }
        assertThat(clocks.size()).as("after %s", op).isEqualTo(ref.size());
        for (int i = 0; i < n; i++) {
          assertThat(clocks.timeOf(i)).isEqualTo(present[i] ? current[i] : Double.POSITIVE_INFINITY);
        }
      }
      while (popAndCheck(clocks, ref, c.end(), present)) {
        // the rest, in order
      }
      assertThat(clocks.peekTime()).isEqualTo(Double.POSITIVE_INFINITY);
      assertThat(ref).allSatisfy(clock -> assertThat(clock.time()).isGreaterThan(c.end()));
    });
  }

  /** Pops the first clock due by the end from both and compares; false when none is due. */
  private static boolean popAndCheck(ClockCalendar clocks, TreeSet<Clock> ref, double end, boolean[] present) {
    if (ref.isEmpty() || ref.first().time() > end) {
      assertThat(clocks.peekTime()).isEqualTo(Double.POSITIVE_INFINITY);
      return false;
    }
    Clock first = ref.pollFirst();
    assertThat(clocks.peekTime()).isEqualTo(first.time());
    assertThat(clocks.peekChannel()).isEqualTo(first.channel());
    clocks.remove(first.channel());
    present[first.channel()] = false;
    return true;
  }

  /** Sort keys, one per item (item k is 7k + 3). */
  record Keys(long[] keys) {
    @Override
    public String toString() {
      return "Keys" + Arrays.toString(keys);
    }
  }

  @Test
  void stableSortMatchesAStableComparisonSort() {
    forAll("radix sort of items by long keys is stable and ordered", 200, rng -> {
      int m = Gen.intIn(rng, 0, 3000);
      int kind = rng.nextInt(3);
      long[] keyOf = new long[m];
      for (int k = 0; k < m; k++) {
        keyOf[k] = switch (kind) {
          case 0 -> rng.nextInt(3) - 1; // few distinct keys: stability matters
          case 1 -> rng.nextLong(); // the full signed range
          default -> StableSort.key(rng.nextInt(5) == 0 ? -0.0 : Gen.doubleIn(rng, -1e6, 1e6));
        };
      }
      return new Keys(keyOf);
    }, x -> {
      long[] keyOf = x.keys();
      int m = keyOf.length;
      int[] items = new int[m];
      long[] keys = new long[m];
      Integer[] expected = new Integer[m];
      for (int k = 0; k < m; k++) {
        items[k] = 7 * k + 3;
        keys[k] = keyOf[k];
        expected[k] = k;
      }
      Arrays.sort(expected, Comparator.comparingLong(k -> keyOf[k])); // stable
      StableSort.byKey(items, keys, m);
      for (int k = 0; k < m; k++) {
        assertThat(items[k]).isEqualTo(7 * expected[k] + 3);
        assertThat(keys[k]).isEqualTo(keyOf[expected[k]]);
      }
    });
  }

  @Test
  void doubleKeysFollowTheNumericOrder() {
    double[] ordered = {Double.NEGATIVE_INFINITY, -1e300, -1, -Double.MIN_VALUE, -0.0, 0.0, Double.MIN_VALUE, 1, 1e300,
        Double.POSITIVE_INFINITY};
    for (int k = 1; k < ordered.length; k++) {
      assertThat(StableSort.key(ordered[k - 1])).as("%s < %s", ordered[k - 1], ordered[k])
          .isLessThan(StableSort.key(ordered[k]));
    }
  }

  /**
   * One round: events pushed one by one (type 1, stamps counting down), a batch (type 3, stamps 0..m-1)
   * and a number of pops.
   */
  record Round(double[] singleTimes, int[] singleTargets, double[] batchTimes, int[] batchTargets, int pops) {
    @Override
    public String toString() {
      return "Round[single " + events(singleTimes, singleTargets) + ", batch " + events(batchTimes, batchTargets)
          + ", pops " + pops + "]";
    }

    private static String events(double[] times, int[] targets) {
      StringBuilder sb = new StringBuilder("{");
      for (int k = 0; k < times.length; k++) {
        sb.append(k == 0 ? "" : " ").append(targets[k]).append('@').append(times[k]);
      }
      return sb.append('}').toString();
    }
  }

  /** Rounds of pushes and pops on a queue of {@code buckets} buckets over [0, end]. */
  record QueueCase(int buckets, double end, List<Round> rounds) {}

  /** An event as the reference holds it: its sequence number is its place in the pushes. */
  record Event(double time, long seq, int type, int target, int stamp) {}

  @Test
  void theEventQueueHandsOutEventsInTimeThenPushOrder() {
    forAll("event queue = sorted set; pushBatch = push in index order", 300, rng -> {
      List<Round> rounds = new ArrayList<>();
      for (int round = Gen.intIn(rng, 1, 4); round > 0; round--) {
        int s = rng.nextInt(20);
        double[] singleTimes = new double[s];
        int[] singleTargets = new int[s];
        for (int k = 0; k < s; k++) {
          singleTimes[k] = time(rng);
          singleTargets[k] = rng.nextInt(1000);
        }
        int m = rng.nextInt(50);
        double[] times = new double[m];
        int[] targets = new int[m];
        for (int k = 0; k < m; k++) {
          times[k] = time(rng);
          targets[k] = rng.nextInt(1000);
        }
        rounds.add(new Round(singleTimes, singleTargets, times, targets, rng.nextInt(30)));
      }
      return new QueueCase(Gen.intIn(rng, 1, 40), rng.nextInt(3) == 0 ? 10 : Gen.doubleIn(rng, 0, 10), List.copyOf(rounds));
    }, c -> {
      EventQueue queue = new EventQueue(c.end(), c.buckets());
      TreeSet<Event> ref = new TreeSet<>(Comparator.comparingDouble(Event::time).thenComparingLong(Event::seq));
      long seq = 0;
      for (Round r : c.rounds()) {
        int s = r.singleTimes().length;
        for (int k = 0; k < s; k++) {
          queue.push(r.singleTimes()[k], 1, r.singleTargets()[k], s - k);
          ref.add(new Event(r.singleTimes()[k], seq++, 1, r.singleTargets()[k], s - k));
        }
        int m = r.batchTimes().length;
        int[] stamps = new int[m];
        for (int k = 0; k < m; k++) {
          stamps[k] = k;
          ref.add(new Event(r.batchTimes()[k], seq++, 3, r.batchTargets()[k], k));
        }
        // the batch gets copies: pushBatch may keep or reorder its arrays
        queue.pushBatch(r.batchTimes().clone(), 3, r.batchTargets().clone(), stamps, m);
        // pop some before the next round, so that batches, heap and buckets interleave
        for (int p = r.pops(); p > 0 && popAndCheck(queue, ref, c.end()); p--) {
          // checked
        }
      }
      while (popAndCheck(queue, ref, c.end())) {
        // the rest, in order
      }
      assertThat(queue.peekTime()).isGreaterThan(c.end());
    });
  }

  /** Pops the first event due by the end from both and compares; false when none is due. */
  private static boolean popAndCheck(EventQueue queue, TreeSet<Event> ref, double end) {
    if (ref.isEmpty() || ref.first().time() > end) {
      return false;
    }
    Event first = ref.pollFirst();
    assertThat(queue.peekTime()).isEqualTo(first.time());
    queue.pop();
    assertThat(List.of(queue.topTime, queue.topType, queue.topTarget, queue.topStamp))
        .isEqualTo(List.of(first.time(), first.type(), first.target(), first.stamp()));
    return true;
  }
}
