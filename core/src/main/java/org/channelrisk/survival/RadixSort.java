package org.channelrisk.survival;

import java.util.Arrays;

/**
 * Ascending sort of doubles by least-significant-digit radix on their bits, for the large arrays of
 * times behind Kaplan-Meier and log-rank: 8 counting passes of 8 bits (passes whose byte all keys share
 * are skipped), linear in n, against the O(n log n) comparisons of {@link Arrays#sort(double[])}; the
 * result is the same array, -0.0 before 0.0 as there. Arrays shorter than {@value #THRESHOLD} go to
 * {@link Arrays#sort(double[])}. NaN is not expected (the data's validation excludes it).
 */
final class RadixSort {
  /** Below this length the comparison sort is as fast. */
  static final int THRESHOLD = 4_096;

  private RadixSort() {}

  /**
   * Sorts in place.
   *
   * @param a the array, without NaN
   */
  static void sort(double[] a) {
    int n = a.length;
    if (n < THRESHOLD) {
      Arrays.sort(a);
      return;
    }
    long[] src = new long[n];
    int[][] counts = new int[8][256];
    for (int i = 0; i < n; i++) {
      long b = Double.doubleToRawLongBits(a[i]);
      // order-preserving as unsigned: negatives have all bits flipped, the others only the sign bit
      long key = b ^ ((b >> 63) | Long.MIN_VALUE);
      src[i] = key;
      for (int d = 0; d < 8; d++) {
        counts[d][(int) (key >>> (d << 3)) & 0xff]++;
      }
    }
    long[] dst = new long[n];
    for (int d = 0; d < 8; d++) {
      int shift = d << 3;
      int[] c = counts[d];
      if (c[(int) (src[0] >>> shift) & 0xff] == n) {
        continue;
      }
      int sum = 0;
      for (int v = 0; v < 256; v++) {
        int t = c[v];
        c[v] = sum;
        sum += t;
      }
      for (int i = 0; i < n; i++) {
        long x = src[i];
        dst[c[(int) (x >>> shift) & 0xff]++] = x;
      }
      long[] t = src;
      src = dst;
      dst = t;
    }
    for (int i = 0; i < n; i++) {
      long key = src[i];
      a[i] = Double.longBitsToDouble(key ^ ((~key >> 63) | Long.MIN_VALUE));
    }
  }
}
