package org.channelrisk.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A binary min-heap of events in primitive arrays, ordered by time and then by insertion order, so
 * that simultaneous events run in a fixed order. Stale events (a channel's clock redrawn, a channel
 * removed) are not deleted but skipped when popped: each carries the stamp it was scheduled with.
 *
 * <p>Events scheduled all at once in large numbers (an action day's referrals) can be added as a
 * {@linkplain #pushBatch batch}: sorted once and read in order next to the heap, in exactly the order
 * that pushing them one by one would give, instead of growing the heap to their number (profiles of
 * the 10^5-channel preset showed the pops of 87,000 action-day referrals as the largest part of the
 * queue's cost).
 */
final class EventQueue {
  private double[] time = new double[1024];
  private long[] seq = new long[1024];
  private int[] type = new int[1024];
  private int[] target = new int[1024];
  private int[] stamp = new int[1024];
  private int size;
  private long counter;

  // the popped event
  double topTime;
  int topType;
  int topTarget;
  int topStamp;

  private final List<Batch> batches = new ArrayList<>();

  /** Events of one type, sorted by (time, sequence number); {@code next} is the first not yet popped. */
  private static final class Batch {
    final double[] time;
    final long[] seq;
    final int type;
    final int[] target;
    final int[] stamp;
    int next;

    Batch(double[] time, long[] seq, int type, int[] target, int[] stamp) {
      this.time = time;
      this.seq = seq;
      this.type = type;
      this.target = target;
      this.stamp = stamp;
    }
  }

  boolean isEmpty() {
    return size == 0 && batches.isEmpty();
  }

  double peekTime() {
    double t = size == 0 ? Double.POSITIVE_INFINITY : time[0];
    for (int b = 0; b < batches.size(); b++) {
      Batch x = batches.get(b);
      t = Math.min(t, x.time[x.next]);
    }
    return t;
  }

  /**
   * Adds {@code m} events of one type, as if pushed one by one in index order (so they take the next
   * m sequence numbers and simultaneous ones keep that order).
   *
   * @param times event times by index; not modified
   * @param ty the events' type
   * @param targets targets by index
   * @param stamps stamps by index
   * @param m the number of events
   */
  void pushBatch(double[] times, int ty, int[] targets, int[] stamps, int m) {
    if (m == 0) {
      return;
    }
    int[] order = new int[m];
    long[] keys = new long[m];
    for (int k = 0; k < m; k++) {
      order[k] = k;
      keys[k] = StableSort.key(times[k]);
    }
    StableSort.byKey(order, keys, m);
    double[] bt = new double[m];
    long[] bs = new long[m];
    int[] tg = new int[m];
    int[] st = new int[m];
    long base = counter;
    for (int k = 0; k < m; k++) {
      int j = order[k];
      bt[k] = times[j];
      bs[k] = base + j;
      tg[k] = targets[j];
      st[k] = stamps[j];
    }
    counter += m;
    batches.add(new Batch(bt, bs, ty, tg, st));
  }

  void push(double t, int ty, int tg, int st) {
    if (size == time.length) {
      int cap = size * 2;
      time = Arrays.copyOf(time, cap);
      seq = Arrays.copyOf(seq, cap);
      type = Arrays.copyOf(type, cap);
      target = Arrays.copyOf(target, cap);
      stamp = Arrays.copyOf(stamp, cap);
    }
    int i = size++;
    long sq = counter++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (less(t, sq, time[parent], seq[parent])) {
        move(parent, i);
        i = parent;
      } else {
        break;
      }
    }
    set(i, t, sq, ty, tg, st);
  }

  /** Removes the earliest event (by time, then sequence number) into the {@code top} fields. */
  void pop() {
    Batch from = null;
    for (int b = 0; b < batches.size(); b++) {
      Batch x = batches.get(b);
      int k = x.next;
      if (from == null ? size == 0 || less(x.time[k], x.seq[k], time[0], seq[0])
          : less(x.time[k], x.seq[k], from.time[from.next], from.seq[from.next])) {
        from = x;
      }
    }
    if (from != null) {
      int k = from.next++;
      topTime = from.time[k];
      topType = from.type;
      topTarget = from.target[k];
      topStamp = from.stamp[k];
      if (from.next == from.time.length) {
        batches.remove(from);
      }
      return;
    }
    popHeap();
  }

  private void popHeap() {
    topTime = time[0];
    topType = type[0];
    topTarget = target[0];
    topStamp = stamp[0];
    size--;
    if (size == 0) {
      return;
    }
    double t = time[size];
    long sq = seq[size];
    int ty = type[size];
    int tg = target[size];
    int st = stamp[size];
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        break;
      }
      int r = l + 1;
      int c = r < size && less(time[r], seq[r], time[l], seq[l]) ? r : l;
      if (less(time[c], seq[c], t, sq)) {
        move(c, i);
        i = c;
      } else {
        break;
      }
    }
    set(i, t, sq, ty, tg, st);
  }

  private static boolean less(double t1, long s1, double t2, long s2) {
    return t1 < t2 || (t1 == t2 && s1 < s2);
  }

  private void move(int from, int to) {
    time[to] = time[from];
    seq[to] = seq[from];
    type[to] = type[from];
    target[to] = target[from];
    stamp[to] = stamp[from];
  }

  private void set(int i, double t, long sq, int ty, int tg, int st) {
    time[i] = t;
    seq[i] = sq;
    type[i] = ty;
    target[i] = tg;
    stamp[i] = st;
  }
}
