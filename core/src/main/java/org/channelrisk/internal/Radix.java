package org.channelrisk.internal;

/**
 * Least-significant-digit radix sort of 64-bit keys, shared by the survival package (sorting times) and
 * the simulator (ordering an action day's targets and referrals). Not part of the supported API: it may
 * change without notice.
 *
 * <p>8 counting passes of 8 bits; a pass whose byte every key shares is skipped, so keys that differ
 * only in their low bytes cost one or two passes. O(n) time, one scratch copy of the keys (and items).
 *
 * <pre>{@code
 * long[] keys = {3, 1, 2};
 * int[] items = {30, 10, 20};
 * Radix.sortUnsigned(keys, items, 3);   // keys 1, 2, 3; items 10, 20, 30
 * }</pre>
 */
public final class Radix {
  private Radix() {}

  /**
   * A key whose unsigned order is the numeric order of the double (without NaN; -0.0 before 0.0):
   * negatives have all their bits flipped, the others only the sign bit.
   *
   * @param x the double
   * @return the key
   */
  public static long key(double x) {
    long b = Double.doubleToRawLongBits(x);
    return b ^ ((b >> 63) | Long.MIN_VALUE);
  }

  /**
   * The inverse of {@link #key(double)}.
   *
   * @param key a key
   * @return the double
   */
  public static double toDouble(long key) {
    return Double.longBitsToDouble(key ^ ((~key >> 63) | Long.MIN_VALUE));
  }

  /**
   * Sorts {@code keys[0..m)} ascending as unsigned numbers, stably: equal keys keep their order. When
   * {@code items} is not null, {@code items[0..m)} are permuted along with their keys.
   *
   * @param keys the keys, sorted in place
   * @param items the items, or null
   * @param m how many leading entries to sort
   */
  public static void sortUnsigned(long[] keys, int[] items, int m) {
    if (m < 2) {
      return;
    }
    int[][] counts = new int[8][256];
    for (int k = 0; k < m; k++) {
      long u = keys[k];
      for (int d = 0; d < 8; d++) {
        counts[d][(int) (u >>> (d << 3)) & 0xff]++;
      }
    }
    long[] keysIn = keys;
    long[] keysOut = new long[m];
    int[] itemsIn = items;
    int[] itemsOut = items == null ? null : new int[m];
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
      if (itemsIn == null) {
        for (int k = 0; k < m; k++) {
          long u = keysIn[k];
          keysOut[c[(int) (u >>> shift) & 0xff]++] = u;
        }
      } else {
        for (int k = 0; k < m; k++) {
          long u = keysIn[k];
          int at = c[(int) (u >>> shift) & 0xff]++;
          keysOut[at] = u;
          itemsOut[at] = itemsIn[k];
        }
        int[] ti = itemsIn;
        itemsIn = itemsOut;
        itemsOut = ti;
      }
      long[] tk = keysIn;
      keysIn = keysOut;
      keysOut = tk;
    }
    if (keysIn != keys) {
      System.arraycopy(keysIn, 0, keys, 0, m);
      if (items != null) {
        System.arraycopy(itemsIn, 0, items, 0, m);
      }
    }
  }
}
