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

  /** One step on the clock heap: set or remove one clock, a bulk update of several, or pop the first. */
  sealed interface HeapOp {}

  /** Sets clock {@code channel} to {@code time} (adding it when absent). */
  record SetClock(int channel, double time) implements HeapOp {
    @Override
    public String toString() {
      return "set " + channel + "@" + time;
    }
  }

  /** Removes clock {@code channel} (nothing when absent). */
  record RemoveClock(int channel) implements HeapOp {
    @Override
    public String toString() {
      return "remove " + channel;
    }
  }

  /** Bulk changes, then one heapify: a removal where time is NaN, else a set. */
  record Bulk(int[] channels, double[] times) implements HeapOp {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("bulk{");
      for (int k = 0; k < channels.length; k++) {
        sb.append(k == 0 ? "" : " ").append(channels[k]).append(Double.isNaN(times[k]) ? "-" : "@" + times[k]);
      }
      return sb.append('}').toString();
    }
  }

  /** Pops the first clock and checks it (nothing when the heap is empty). */
  record Pop() implements HeapOp {
    @Override
    public String toString() {
      return "pop";
    }
  }

  /** A heap of {@code channels} clocks and the steps applied to it. */
  record HeapCase(int channels, List<HeapOp> ops) {}

  static HeapCase heapCase(RandomGenerator rng) {
    int n = Gen.intIn(rng, 1, 60);
    List<HeapOp> ops = new ArrayList<>();
    for (int step = 0; step < 400; step++) {
      int op = rng.nextInt(10);
      if (op < 5) {
        int i = rng.nextInt(n);
        ops.add(new SetClock(i, time(rng)));
      } else if (op < 7) {
        ops.add(new RemoveClock(rng.nextInt(n)));
      } else if (op < 8) {
        // a bulk update of a random subset
        List<Integer> channels = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (rng.nextBoolean()) {
            channels.add(i);
            times.add(rng.nextInt(4) == 0 ? Double.NaN : time(rng));
          }
        }
        ops.add(new Bulk(channels.stream().mapToInt(Integer::intValue).toArray(),
            times.stream().mapToDouble(Double::doubleValue).toArray()));
      } else {
        ops.add(new Pop());
      }
    }
    return new HeapCase(n, List.copyOf(ops));
  }

  @Test
  void clockHeapPopsInTimeThenChannelOrder() {
    forAll("clock heap = sorted set", 200, EngineStructuresProperties::heapCase, c -> {
      int n = c.channels();
      ClockHeap heap = new ClockHeap(n);
      TreeSet<Clock> ref = new TreeSet<>(CLOCK_ORDER);
      double[] current = new double[n];
      boolean[] present = new boolean[n];
      for (HeapOp op : c.ops()) {
        if (op instanceof SetClock set) {
          int i = set.channel();
          if (present[i]) {
            ref.remove(new Clock(current[i], i));
          }
          current[i] = set.time();
          present[i] = true;
          ref.add(new Clock(current[i], i));
          heap.set(i, current[i]);
        } else if (op instanceof RemoveClock remove) {
          int i = remove.channel();
          if (present[i]) {
            ref.remove(new Clock(current[i], i));
            present[i] = false;
          }
          heap.remove(i);
        } else if (op instanceof Bulk bulk) {
          for (int k = 0; k < bulk.channels().length; k++) {
            int i = bulk.channels()[k];
            if (present[i]) {
              ref.remove(new Clock(current[i], i));
            }
            if (Double.isNaN(bulk.times()[k])) {
              present[i] = false;
              heap.bulkRemove(i);
            } else {
              current[i] = bulk.times()[k];
              present[i] = true;
              ref.add(new Clock(current[i], i));
              heap.bulkSet(i, current[i]);
            }
          }
          heap.heapify();
        } else if (!ref.isEmpty()) {
          Clock first = ref.pollFirst();
          assertThat(heap.peekTime()).isEqualTo(first.time());
          assertThat(heap.peekChannel()).isEqualTo(first.channel());
          heap.remove(first.channel());
          present[first.channel()] = false;
        }
        assertThat(heap.size()).as("after %s", op).isEqualTo(ref.size());
      }
      while (!ref.isEmpty()) {
        Clock first = ref.pollFirst();
        assertThat(heap.peekChannel()).isEqualTo(first.channel());
        heap.remove(first.channel());
      }
      assertThat(heap.peekTime()).isEqualTo(Double.POSITIVE_INFINITY);
    });
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

  @Test
  void aBatchPopsAsIfPushedOneByOne() {
    forAll("pushBatch = push in index order", 200, rng -> {
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
      return List.copyOf(rounds);
    }, rounds -> {
      EventQueue batched = new EventQueue();
      EventQueue single = new EventQueue();
      for (Round r : rounds) {
        int s = r.singleTimes().length;
        for (int k = 0; k < s; k++) {
          batched.push(r.singleTimes()[k], 1, r.singleTargets()[k], s - k);
          single.push(r.singleTimes()[k], 1, r.singleTargets()[k], s - k);
        }
        int m = r.batchTimes().length;
        int[] stamps = new int[m];
        for (int k = 0; k < m; k++) {
          stamps[k] = k;
          single.push(r.batchTimes()[k], 3, r.batchTargets()[k], stamps[k]);
        }
        // the batch gets copies: pushBatch may keep or reorder its arrays
        batched.pushBatch(r.batchTimes().clone(), 3, r.batchTargets().clone(), stamps, m);
        // pop some before the next round, so batches and heap entries interleave
        for (int p = r.pops(); p > 0 && !single.isEmpty(); p--) {
          assertSamePop(batched, single);
        }
      }
      while (!single.isEmpty()) {
        assertSamePop(batched, single);
      }
      assertThat(batched.isEmpty()).isTrue();
      assertThat(batched.peekTime()).isEqualTo(Double.POSITIVE_INFINITY);
    });
  }

  private static void assertSamePop(EventQueue batched, EventQueue single) {
    assertThat(batched.peekTime()).isEqualTo(single.peekTime());
    batched.pop();
    single.pop();
    List<Object> a = new ArrayList<>(List.of(batched.topTime, batched.topType, batched.topTarget, batched.topStamp));
    List<Object> b = List.of(single.topTime, single.topType, single.topTarget, single.topStamp);
    assertThat(a).isEqualTo(b);
  }
}
