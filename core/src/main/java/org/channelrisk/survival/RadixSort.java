package org.channelrisk.survival;

import java.util.Arrays;
import org.channelrisk.internal.Radix;

/**
 * Ascending sort of doubles by least-significant-digit radix on their bits ({@link Radix}), for the
 * large arrays of times behind Kaplan-Meier and log-rank: linear in n, against the O(n log n)
 * comparisons of {@link Arrays#sort(double[])}; the result is the same array, -0.0 before 0.0 as there. Arrays shorter than {@value #THRESHOLD} go to
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
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = Radix.key(a[i]);
    }
    Radix.sortUnsigned(keys, null, n);
    for (int i = 0; i < n; i++) {
      a[i] = Radix.toDouble(keys[i]);
    }
  }
}
