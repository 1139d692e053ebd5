package org.channelrisk.sim;

import org.channelrisk.internal.Radix;

/**
 * Stable sorts of primitive items by primitive keys, for the engine's large one-off orderings (an
 * action day's targets, its referrals' arrival times): a least-significant-digit radix sort ({@link
 * Radix}), O(n) and free of the boxed
 * {@code Integer[]} and comparator a {@code java.util} sort of indices needs. Stability is what keeps
 * the engine's order of simultaneous or tied items fixed: equal keys stay in the order given.
 */
final class StableSort {
  private StableSort() {}

  /**
   * Sorts {@code items[0..m)} ascending by {@code keys[0..m)} (signed comparison); equal keys keep
   * their order. Both arrays are permuted together.
   *
   * @param items the items
   * @param keys the items' keys, in the same positions
   * @param m how many leading entries to sort
   */
  static void byKey(int[] items, long[] keys, int m) {
    // flipping the sign bit makes the signed order the unsigned order
    for (int k = 0; k < m; k++) {
      keys[k] ^= Long.MIN_VALUE;
    }
    Radix.sortUnsigned(keys, items, m);
    for (int k = 0; k < m; k++) {
      keys[k] ^= Long.MIN_VALUE;
    }
  }

  /**
   * A long whose signed order is the numeric order of the double (for doubles without NaN; -0.0
   * before 0.0).
   *
   * @param x the double
   * @return the key
   */
  static long key(double x) {
    return Radix.key(x) ^ Long.MIN_VALUE;
  }
}
