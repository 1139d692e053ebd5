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
 * handles its events must not depend on how these structures are built.
 */
class EngineStructuresProperties {
  record Clock(double time, int channel) {}

  static final Comparator<Clock> CLOCK_ORDER =
      Comparator.comparingDouble(Clock::time).thenComparingInt(Clock::channel);

  /** Times with many ties, so that the channel tie-break is exercised. */
  static double time(RandomGenerator rng) {
    return rng.nextInt(4) == 0 ? rng.nextInt(5) : Gen.doubleIn(rng, 0, 10);
  }

  @Test
  void clockHeapPopsInTimeThenChannelOrder() {
    forAll("clock heap = sorted set", 200, rng -> rng.nextLong(), seed -> {
      RandomGenerator rng = Simulation.generator(seed, 0);
      int n = Gen.intIn(rng, 1, 60);
      ClockHeap heap = new ClockHeap(n);
      TreeSet<Clock> ref = new TreeSet<>(CLOCK_ORDER);
      double[] current = new double[n];
      boolean[] present = new boolean[n];
      for (int step = 0; step < 400; step++) {
        int op = rng.nextInt(10);
        if (op < 5) {
          int i = rng.nextInt(n);
          if (present[i]) {
            ref.remove(new Clock(current[i], i));
          }
          current[i] = time(rng);
          present[i] = true;
          ref.add(new Clock(current[i], i));
          heap.set(i, current[i]);
        } else if (op < 7) {
          int i = rng.nextInt(n);
          if (present[i]) {
            ref.remove(new Clock(current[i], i));
            present[i] = false;
          }
          heap.remove(i);
        } else if (op < 8) {
          // a bulk update of a random subset
          for (int i = 0; i < n; i++) {
            if (rng.nextBoolean()) {
              if (present[i]) {
                ref.remove(new Clock(current[i], i));
              }
              if (rng.nextInt(4) == 0) {
                present[i] = false;
                heap.bulkRemove(i);
              } else {
                current[i] = time(rng);
                present[i] = true;
                ref.add(new Clock(current[i], i));
                heap.bulkSet(i, current[i]);
              }
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
        assertThat(heap.size()).isEqualTo(ref.size());
      }
      while (!ref.isEmpty()) {
        Clock first = ref.pollFirst();
        assertThat(heap.peekChannel()).isEqualTo(first.channel());
        heap.remove(first.channel());
      }
      assertThat(heap.peekTime()).isEqualTo(Double.POSITIVE_INFINITY);
    });
  }

  @Test
  void stableSortMatchesAStableComparisonSort() {
    forAll("radix sort of items by long keys is stable and ordered", 200, rng -> rng.nextLong(), seed -> {
      RandomGenerator rng = Simulation.generator(seed, 1);
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

  @Test
  void aBatchPopsAsIfPushedOneByOne() {
    forAll("pushBatch = push in index order", 200, rng -> rng.nextLong(), seed -> {
      RandomGenerator rng = Simulation.generator(seed, 2);
      EventQueue batched = new EventQueue();
      EventQueue single = new EventQueue();
      int rounds = Gen.intIn(rng, 1, 4);
      for (int round = 0; round < rounds; round++) {
        for (int e = rng.nextInt(20); e > 0; e--) {
          double t = time(rng);
          int target = rng.nextInt(1000);
          batched.push(t, 1, target, e);
          single.push(t, 1, target, e);
        }
        int m = rng.nextInt(50);
        double[] times = new double[m];
        int[] targets = new int[m];
        int[] stamps = new int[m];
        for (int k = 0; k < m; k++) {
          times[k] = time(rng);
          targets[k] = rng.nextInt(1000);
          stamps[k] = k;
          single.push(times[k], 3, targets[k], stamps[k]);
        }
        batched.pushBatch(times, 3, targets, stamps, m);
        // pop some before the next round, so batches and heap entries interleave
        for (int p = rng.nextInt(30); p > 0 && !single.isEmpty(); p--) {
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
