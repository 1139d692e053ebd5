package org.channelrisk.sim;

/**
 * Stable sorts of primitive items by primitive keys, for the engine's large one-off orderings (an
 * action day's targets, its referrals' arrival times): a least-significant-digit radix sort, 8 passes
 * of 8 bits (passes whose byte every key shares are skipped), O(n) and free of the boxed
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
    if (m < 2) {
      return;
    }
    int[][] counts = new int[8][256];
    for (int k = 0; k < m; k++) {
      // flipping the sign bit makes the signed order the unsigned order of the digits
      long u = keys[k] ^ Long.MIN_VALUE;
      keys[k] = u;
      for (int d = 0; d < 8; d++) {
        counts[d][(int) (u >>> (d << 3)) & 0xff]++;
      }
    }
    int[] itemsIn = items;
    long[] keysIn = keys;
    int[] itemsOut = new int[m];
    long[] keysOut = new long[m];
    for (int d = 0; d < 8; d++) {
      int shift = d << 3;
      int[] c = counts[d];
      if (c[(int) (keysIn[0] >>> shift) & 0xff] == m) {
        continue;
      }
      int sum = 0;
      for (int v = 0; v < 256; v++) {
        int t = c[v];
        c[v] = sum;
        sum += t;
      }
      for (int k = 0; k < m; k++) {
        long u = keysIn[k];
        int at = c[(int) (u >>> shift) & 0xff]++;
        keysOut[at] = u;
        itemsOut[at] = itemsIn[k];
      }
      int[] ti = itemsIn;
      itemsIn = itemsOut;
      itemsOut = ti;
      long[] tk = keysIn;
      keysIn = keysOut;
      keysOut = tk;
    }
    if (itemsIn != items) {
      System.arraycopy(itemsIn, 0, items, 0, m);
      System.arraycopy(keysIn, 0, keys, 0, m);
    }
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
    long b = Double.doubleToRawLongBits(x);
    return b ^ ((b >> 63) & Long.MAX_VALUE);
  }
}
