package org.channelrisk.sim;

import java.util.Arrays;

/**
 * One removal clock per channel, handed out in order of time and then channel index up to the end of
 * a run: a calendar queue (Brown 1988) of equal-width buckets over [0, end], with a small indexed
 * binary heap for the buckets already reached.
 *
 * <p>Why not one heap over all channels: with 10^5 clocks a sift walks 17 levels of arrays larger
 * than the processor's second-level cache, one dependent load per level, and a run moves clocks
 * several hundred thousand times (each referral, removal and re-creation, each thinned candidate).
 * JFR profiles showed the heap's sifts as the largest part of a run. Here moving a far clock is O(1):
 * it is unlinked from one bucket's list and linked into another's, or only re-timed when it stays in
 * its bucket or lies after the end, where most clocks of a slow hazard are. Only the clocks in the
 * buckets reached so far are in the heap, a few per bucket.
 *
 * <p>The order does not depend on the structure: ties break by channel index, so a run hands its
 * clocks out exactly as an indexed heap did (the property test checks this against a sorted set).
 * Clocks after the end are kept (their times can still be read) but never handed out: {@link
 * #peekTime} is infinite when no clock falls at or before the end.
 *
 * <p>Memory: 16 bytes per channel and 4 per bucket in {@link BucketLists}, 12 per clock in the heap.
 */
final class ClockCalendar {
  private final double end;
  private final double perBucket;
  /** The clocks' times; a clock in a bucket not reached yet is in its list, one in the heap keeps its position in its link word. */
  private final BucketLists lists;
  private final int buckets;
  /** The buckets up to this one are in the heap; those after it are in their lists. */
  private int reached;
  // the heap of the reached buckets' clocks, ordered by (time, channel)
  private double[] key = new double[64];
  private int[] heap = new int[64];
  private int heapSize;

  /**
   * @param n channels
   * @param end the last time at which a clock can be handed out, &gt;= 0
   * @param buckets the number of buckets over [0, end], &gt;= 1
   */
  ClockCalendar(int n, double end, int buckets) {
    this(new long[2 * n], 2, 0, n, end, buckets);
  }

  /** A calendar whose times and links live in the owner's records, see {@link BucketLists}. */
  ClockCalendar(long[] slots, int stride, int at, int n, double end, int buckets) {
    this.end = end;
    this.perBucket = end > 0 ? buckets / end : 0;
    this.buckets = buckets;
    lists = new BucketLists(slots, stride, at, n, buckets);
  }

  /** @return the number of channels with a clock, after the end too */
  int size() {
    return lists.timed();
  }

  /** @return channel i's clock time, infinite when it has none */
  double timeOf(int i) {
    return lists.time(i);
  }

  /**
   * The bucket of time t: monotone in t (a product rounded to nearest, then the floor), and {@code
   * buckets} for times after the end and for no time.
   */
  private int bucketOf(double t) {
    if (!(t <= end)) {
      return buckets;
    }
    return t <= 0 ? 0 : Math.min(buckets - 1, (int) (t * perBucket));
  }

  /** @return the first clock's time at or before the end, infinite when there is none */
  double peekTime() {
    if (heapSize == 0 && !reachNext()) {
      return Double.POSITIVE_INFINITY;
    }
    return key[0];
  }

  /** @return the first clock's channel; call after {@link #peekTime} returned a finite time */
  int peekChannel() {
    return heap[0];
  }

  /** Sets (or adds) channel i's clock. */
  void set(int i, double t) {
    double old = lists.time(i);
    int from = bucketOf(old);
    int to = bucketOf(t);
    lists.time(i, t);
    if (from <= reached) {
      // in the heap
      int p = (int) lists.aux(i);
      if (to <= reached) {
        if (key[p] < t) {
          down(p, t, i);
        } else {
          up(p, t, i);
        }
        return;
      }
      detachFromHeap(p);
    } else if (from == to) {
      return;
    } else if (from < buckets) {
      lists.unlink(i, from);
    }
    file(i, t, to);
  }

  /** Removes channel i's clock, if it has one. */
  void remove(int i) {
    double old = lists.time(i);
    if (old == Double.POSITIVE_INFINITY) {
      return;
    }
    int from = bucketOf(old);
    if (from <= reached) {
      detachFromHeap((int) lists.aux(i));
    } else if (from < buckets) {
      lists.unlink(i, from);
    }
    lists.time(i, Double.POSITIVE_INFINITY);
    lists.clear(i);
  }

  /** Files channel i, whose time t is already stored, where bucket b belongs: the heap, a list or nowhere. */
  private void file(int i, double t, int b) {
    if (b <= reached) {
      if (heapSize == key.length) {
        key = Arrays.copyOf(key, 2 * heapSize);
        heap = Arrays.copyOf(heap, 2 * heapSize);
      }
      up(heapSize++, t, i);
    } else if (b < buckets) {
      lists.link(i, b);
    } else {
      lists.clear(i);
    }
  }

  /**
   * Moves the next non-empty bucket's clocks into the (empty) heap.
   *
   * @return whether there was one
   */
  private boolean reachNext() {
    int b = reached + 1;
    while (b < buckets && lists.first(b) == BucketLists.NONE) {
      b++;
    }
    if (b >= buckets) {
      reached = buckets - 1;
      return false;
    }
    reached = b;
    for (int i = lists.detach(b); i != BucketLists.NONE;) {
      int following = lists.after(i);
      file(i, lists.time(i), b);
      i = following;
    }
    return true;
  }

  /** Takes the clock at heap position p out, moving the last clock into the hole. */
  private void detachFromHeap(int p) {
    int last = --heapSize;
    if (p == last) {
      return;
    }
    double t = key[last];
    int c = heap[last];
    // the moved clock goes up or down from the hole, never both
    if (p > 0 && before(t, c, key[(p - 1) >>> 1], heap[(p - 1) >>> 1])) {
      up(p, t, c);
    } else {
      down(p, t, c);
    }
  }

  private static boolean before(double ta, int a, double tb, int b) {
    return ta < tb || (ta == tb && a < b);
  }

  /** Moves the clock (t, c) up from the hole at p and stores it. */
  private void up(int p, double t, int c) {
    while (p > 0) {
      int parent = (p - 1) >>> 1;
      double tp = key[parent];
      int cp = heap[parent];
      if (!before(t, c, tp, cp)) {
        break;
      }
      store(p, tp, cp);
      p = parent;
    }
    store(p, t, c);
  }

  /** Moves the clock (t, c) down from the hole at p and stores it. */
  private void down(int p, double t, int c) {
    int n = heapSize;
    while (true) {
      int l = 2 * p + 1;
      if (l >= n) {
        break;
      }
      int r = l + 1;
      double tl = key[l];
      int cl = heap[l];
      if (r < n) {
        double tr = key[r];
        int cr = heap[r];
        if (before(tr, cr, tl, cl)) {
          l = r;
          tl = tr;
          cl = cr;
        }
      }
      if (!before(tl, cl, t, c)) {
        break;
      }
      store(p, tl, cl);
      p = l;
    }
    store(p, t, c);
  }

  /** Stores the clock (t, c) at heap position p. */
  private void store(int p, double t, int c) {
    key[p] = t;
    heap[p] = c;
    lists.aux(c, p);
  }
}
