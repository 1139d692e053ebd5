package org.channelrisk.sim;

import java.util.Arrays;

/**
 * A calendar of one time per channel, bucketed by the observation grid: bucket k holds the channels
 * whose time falls in (grid[k-1], grid[k]]; times after the last grid point are held but in no bucket.
 * Adding, moving and removing a channel are O(1) (doubly linked lists in primitive arrays), and the
 * channels due by a grid time are exactly its bucket's, so the audience process pays nothing for the
 * channels it does not touch (an indexed heap spent most of a run's time sifting their times down, as
 * a JFR profile showed). 20 bytes per channel plus 4 per grid point.
 */
final class GridBuckets {
  private static final int NONE = -1;

  private final double[] grid;
  private final double step;
  private final double[] time;
  private final int[] bucket;
  private final int[] next;
  private final int[] prev;
  private final int[] head;
  private int size;
  /** No bucket below this one holds a channel. */
  private int low;

  GridBuckets(int n, double[] grid) {
    this.grid = grid;
    this.step = grid.length > 1 ? grid[1] - grid[0] : 1;
    time = new double[n];
    Arrays.fill(time, Double.POSITIVE_INFINITY);
    bucket = new int[n];
    Arrays.fill(bucket, NONE);
    next = new int[n];
    prev = new int[n];
    head = new int[grid.length];
    Arrays.fill(head, NONE);
  }

  /** @return channel i's time, infinite when it has none */
  double timeOf(int i) {
    return time[i];
  }

  /** @return the number of channels with a time */
  int size() {
    return size;
  }

  /** The bucket of time t: the first grid index k with t &lt;= grid[k], or the grid's length. */
  int bucketOf(double t) {
    int g = grid.length;
    if (g == 0 || t > grid[g - 1]) {
      return g;
    }
    int k = t <= 0 ? 0 : (int) Math.min(g - 1, Math.ceil(t / step));
    // grid[k] = k * step is computed as the grid was; step back or on over rounding
    while (k > 0 && grid[k - 1] >= t) {
      k--;
    }
    while (grid[k] < t) {
      k++;
    }
    return k;
  }

  /** Sets (or adds) channel i's time. */
  void set(int i, double t) {
    if (time[i] == Double.POSITIVE_INFINITY) {
      size++;
    }
    int k = bucketOf(t);
    time[i] = t;
    if (k == bucket[i]) {
      return;
    }
    unlink(i);
    if (k < grid.length) {
      low = Math.min(low, k);
      int h = head[k];
      next[i] = h;
      prev[i] = NONE;
      if (h != NONE) {
        prev[h] = i;
      }
      head[k] = i;
      bucket[i] = k;
    }
  }

  /** Removes channel i's time, if it has one. */
  void remove(int i) {
    if (time[i] == Double.POSITIVE_INFINITY) {
      return;
    }
    size--;
    time[i] = Double.POSITIVE_INFINITY;
    unlink(i);
  }

  /** @return a bucket index below which every bucket is empty */
  int low() {
    return low;
  }

  /** Tells that every bucket below k is empty (the caller emptied them). */
  void emptiedBelow(int k) {
    low = Math.max(low, k);
  }

  /** @return the first channel of bucket k, or -1 */
  int first(int k) {
    return head[k];
  }

  /** @return the channel after i in its bucket, or -1 */
  int after(int i) {
    return next[i];
  }

  private void unlink(int i) {
    int k = bucket[i];
    if (k == NONE) {
      return;
    }
    int p = prev[i];
    int x = next[i];
    if (p != NONE) {
      next[p] = x;
    } else {
      head[k] = x;
    }
    if (x != NONE) {
      prev[x] = p;
    }
    bucket[i] = NONE;
  }
}
