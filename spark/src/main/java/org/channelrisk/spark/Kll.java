package org.channelrisk.spark;

import java.lang.reflect.Field;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.kll.KllSketch;
import org.apache.datasketches.memory.Memory;

/**
 * Reproducible Apache DataSketches KLL sketches.
 *
 * <p>Why this exists: KLL compacts with random coin flips, and DataSketches 6.2 draws them from one
 * unseeded {@code java.util.Random} shared by every KLL sketch in the JVM ({@code KllSketch.random}).
 * A sweep's result must not depend on the run, the thread count or the partitioning, so every build and
 * every merge here runs under one lock with that generator first seeded from the sweep's seed and the
 * sketch's place in the sweep. The inputs arrive in a fixed order (replicate order within a block,
 * block order within a scenario), so the same sweep always gives the same bytes. Other KLL users in the
 * same JVM are not affected beyond sharing the (still random) generator.
 */
final class Kll {
  private static final Object LOCK = new Object();
  private static final Random COINS = coins();

  private Kll() {}

  private static Random coins() {
    try {
      Field f = KllSketch.class.getDeclaredField("random");
      f.setAccessible(true);
      return (Random) f.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("this DataSketches version does not keep KLL's coin flips in KllSketch.random; "
          + "channelrisk-spark is built for datasketches-java 6.2: " + e, e);
    }
  }

  /**
   * Runs {@code work} with KLL's generator seeded from {@code keys}, excluding every other seeded run.
   *
   * @param work builds or merges sketches, deterministically given the generator
   * @param keys the sweep seed and the sketch's place (scenario, block, ...)
   * @return the work's result
   */
  static <T> T seeded(Supplier<T> work, long... keys) {
    long s = 0x6a09e667f3bcc909L;
    for (long k : keys) {
      s = new SplittableRandom(s ^ k).nextLong();
    }
    synchronized (LOCK) {
      COINS.setSeed(s);
      return work.get();
    }
  }

  /**
   * @param bytes a compact sketch image
   * @return the sketch, on the heap
   */
  static KllDoublesSketch read(byte[] bytes) {
    return KllDoublesSketch.heapify(Memory.wrap(bytes));
  }

  /**
   * @param k the sketch's accuracy parameter
   * @return KLL's normalised rank error of a single quantile at 99% confidence
   */
  static double rankError(int k) {
    return KllSketch.getNormalizedRankError(k, false);
  }
}
