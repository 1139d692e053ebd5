package org.channelrisk.testing;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A random source that records every 64-bit choice it hands out, or replays a given sequence of
 * choices (and then zeros once the sequence runs out). It is what lets {@link PropertyCheck} shrink any
 * generator without knowing its type: an input is a function of its choices, so smaller choices
 * (fewer, or closer to zero) give a simpler input — an empty list, a bound of a range, the first edge
 * case — as in Hypothesis (MacIver and Donaldson, ECOOP 2020, "Test-case reduction via test-case
 * generation").
 *
 * <p>Every draw takes one choice and maps it so that a smaller choice gives a smaller value: a
 * bounded int or long is the choice's unsigned remainder (choice k gives k), a double in [0, 1) its
 * top 53 bits, a double in a range the lower bound plus that fraction. So an all-zero sequence gives
 * zero, the lower bound, or index 0 everywhere, and halving a choice about halves the value.
 */
final class Choices implements RandomGenerator {
  private final RandomGenerator source;
  private long[] recorded;
  private int used;

  private Choices(RandomGenerator source, long[] replay) {
    this.source = source;
    this.recorded = replay;
  }

  /** @param source where fresh choices come from @return a recording source */
  static Choices recording(RandomGenerator source) {
    return new Choices(source, new long[16]);
  }

  /** @param choices the sequence to replay @return a replaying source */
  static Choices replaying(long[] choices) {
    return new Choices(null, choices.clone());
  }

  @Override
  public long nextLong() {
    if (source != null) {
      if (used == recorded.length) {
        recorded = Arrays.copyOf(recorded, used * 2);
      }
      long v = source.nextLong();
      recorded[used++] = v;
      return v;
    }
    long v = used < recorded.length ? recorded[used] : 0L;
    used++; // past the end too: used() reports the zeros handed out
    return v;
  }

  @Override
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    return (int) Long.remainderUnsigned(nextLong(), bound);
  }

  @Override
  public int nextInt(int origin, int bound) {
    if (origin >= bound) {
      throw new IllegalArgumentException("origin must be below bound: " + origin + ", " + bound);
    }
    return (int) (origin + Long.remainderUnsigned(nextLong(), (long) bound - origin));
  }

  @Override
  public long nextLong(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    return Long.remainderUnsigned(nextLong(), bound);
  }

  @Override
  public long nextLong(long origin, long bound) {
    if (origin >= bound) {
      throw new IllegalArgumentException("origin must be below bound: " + origin + ", " + bound);
    }
    long n = bound - origin;
    long c = nextLong();
    return n > 0 ? origin + Long.remainderUnsigned(c, n) : origin + (c >>> 1); // n overflowed: the range is huge
  }

  @Override
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  @Override
  public double nextDouble(double bound) {
    return nextDouble(0, bound);
  }

  @Override
  public double nextDouble(double origin, double bound) {
    if (!(origin < bound) || !Double.isFinite(bound - origin)) {
      throw new IllegalArgumentException("need finite origin < bound: " + origin + ", " + bound);
    }
    double r = origin + nextDouble() * (bound - origin);
    return r < bound ? r : Math.nextDown(bound);
  }

  @Override
  public boolean nextBoolean() {
    return (nextLong() & 1) != 0;
  }

  @Override
  public float nextFloat() {
    return (nextLong() >>> 40) * 0x1.0p-24f;
  }

  /**
   * @return the choices used so far, with the zeros a replay handed out past the end of its sequence
   *     (they made the input as much as the others: a generator that read 38 choices has a larger input
   *     than one that read 7, even if 31 of them were zeros)
   */
  long[] used() {
    return Arrays.copyOf(recorded, used);
  }
}
