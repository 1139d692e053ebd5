package org.channelrisk.sim;

/**
 * A calendar of one time per channel, bucketed by the observation grid: bucket k holds the channels
 * whose time falls in (grid[k-1], grid[k]]; times after the last grid point are held but in no bucket.
 * Adding, moving and removing a channel are O(1) (doubly linked lists), and the channels due by a grid
 * time are exactly its bucket's, so the audience process pays nothing for the channels it does not
 * touch (an indexed heap spent most of a run's time sifting their times down, as a JFR profile showed).
 *
 * <p>The lists are {@link BucketLists} (16 bytes per channel, plus 4 per grid point); a channel's
 * bucket is computed from its time rather than stored.
 */
final class GridBuckets {
  private final double[] grid;
  private final double perStep;
  private final BucketLists lists;
  /** No bucket below this one holds a channel. */
  private int low;

  GridBuckets(int n, double[] grid) {
    this(new long[2 * n], 2, 0, n, grid);
  }

  /** A calendar whose times and links live in the owner's records, see {@link BucketLists}. */
  GridBuckets(long[] slots, int stride, int at, int n, double[] grid) {
    this.grid = grid;
    this.perStep = 1 / (grid.length > 1 ? grid[1] - grid[0] : 1);
    lists = new BucketLists(slots, stride, at, n, grid.length);
  }

  /** @return channel i's time, infinite when it has none */
  double timeOf(int i) {
    return lists.time(i);
  }

  /** @return the number of channels with a time */
  int size() {
    return lists.timed();
  }

  /** The bucket of time t: the first grid index k with t &lt;= grid[k], or the grid's length. */
  int bucketOf(double t) {
    int g = grid.length;
    if (g == 0 || !(t <= grid[g - 1])) {
      return g;
    }
    // a first guess (a product, not a division: this runs twice per audience update), then exact:
    // step back or on until grid[k - 1] < t <= grid[k], whatever the rounding of the guess
    int k = t <= 0 ? 0 : (int) Math.min(g - 1, Math.ceil(t * perStep));
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
    double old = lists.time(i);
    int from = bucketOf(old);
    int k = bucketOf(t);
    lists.time(i, t);
    if (k == from) {
      return;
    }
    if (from < grid.length) {
      lists.unlink(i, from);
    }
    if (k < grid.length) {
      low = Math.min(low, k);
      lists.link(i, k);
    }
  }

  /** Removes channel i's time, if it has one. */
  void remove(int i) {
    double old = lists.time(i);
    if (old == Double.POSITIVE_INFINITY) {
      return;
    }
    int from = bucketOf(old);
    if (from < grid.length) {
      lists.unlink(i, from);
    }
    lists.time(i, Double.POSITIVE_INFINITY);
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
    return lists.first(k);
  }

  /** @return the channel after i in its bucket, or -1 */
  int after(int i) {
    return lists.after(i);
  }
}
