package org.channelrisk.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scheduled events of a run in primitive arrays, handed out in order of time and then of insertion,
 * so that simultaneous events run in a fixed order. Stale events (a channel's clock redrawn, a channel
 * removed) are not deleted but skipped when popped: each carries the stamp it was scheduled with.
 *
 * <p>A calendar queue (Brown 1988): events are filed in equal-width buckets over [0, end] and only the
 * buckets reached so far are in a binary heap, instead of all of them. In the November 2019 preset the
 * action day's removals, each scheduled hours after its referral, keep up to 12,000 events pending at
 * 10^5 channels (115,000 at 10^6), which a single heap sifted through at each push and pop (a JFR
 * profile showed its sifts as a large part of a run); the heap of reached buckets holds at most 809
 * (4,170). Filing an event in a later bucket is O(1). The order does not depend on the buckets: within
 * the heap it is (time, insertion). Events after the end are counted (their sequence numbers taken)
 * but dropped, since a run never reaches them.
 *
 * <p>Events scheduled all at once in large numbers (an action day's referrals) can be added as a
 * {@linkplain #pushBatch batch}: sorted once and read in order next to the heap, in exactly the order
 * that pushing them one by one would give, instead of growing the heap to their number (profiles of
 * the 10^5-channel preset showed the pops of 87,000 action-day referrals as the largest part of the
 * queue's cost).
 */
final class EventQueue {
  private final double end;
  private final double perBucket;
  /** First event of each bucket's list, as an index into the far arrays. */
  private final int[] head;
  /** The buckets up to this one are in the heap; those after it are in their lists. */
  private int reached;
  // events in the buckets not reached yet, in lists (farNext) through reused slots (free list)
  private final Events far = new Events(256);
  private int[] farNext = new int[256];
  private int farUsed;
  private int farFree = -1;
  private int farCount;
  // the heap of the reached buckets' events
  private final Events heap = new Events(1024);
  private int size;
  private long counter;

  // the popped event
  double topTime;
  int topType;
  int topTarget;
  int topStamp;

  private final List<Batch> batches = new ArrayList<>();

  /** Events side by side in parallel arrays, grown by doubling. */
  private static final class Events {
    double[] time;
    long[] seq;
    int[] type;
    int[] target;
    int[] stamp;

    Events(int capacity) {
      time = new double[capacity];
      seq = new long[capacity];
      type = new int[capacity];
      target = new int[capacity];
      stamp = new int[capacity];
    }

    int capacity() {
      return time.length;
    }

    void grow() {
      int cap = 2 * time.length;
      time = Arrays.copyOf(time, cap);
      seq = Arrays.copyOf(seq, cap);
      type = Arrays.copyOf(type, cap);
      target = Arrays.copyOf(target, cap);
      stamp = Arrays.copyOf(stamp, cap);
    }

    void set(int i, double t, long sq, int ty, int tg, int st) {
      time[i] = t;
      seq[i] = sq;
      type[i] = ty;
      target[i] = tg;
      stamp[i] = st;
    }

    void move(int from, int to) {
      set(to, time[from], seq[from], type[from], target[from], stamp[from]);
    }
  }

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

  /**
   * @param end the last time at which an event can be handed out, &gt;= 0
   * @param buckets the number of buckets over [0, end], &gt;= 1
   */
  EventQueue(double end, int buckets) {
    this.end = end;
    this.perBucket = end > 0 ? buckets / end : 0;
    head = new int[buckets];
    Arrays.fill(head, -1);
  }

  boolean isEmpty() {
    return size == 0 && farCount == 0 && batches.isEmpty();
  }

  /** The bucket of time t (monotone in t), {@code head.length} after the end. */
  private int bucketOf(double t) {
    if (!(t <= end)) {
      return head.length;
    }
    return t <= 0 ? 0 : Math.min(head.length - 1, (int) (t * perBucket));
  }

  double peekTime() {
    if (size == 0) {
      reachNext();
    }
    double t = size == 0 ? Double.POSITIVE_INFINITY : heap.time[0];
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
    long sq = counter++;
    int b = bucketOf(t);
    if (b <= reached) {
      heapPush(t, sq, ty, tg, st);
    } else if (b < head.length) {
      int e = farFree;
      if (e >= 0) {
        farFree = farNext[e];
      } else {
        if (farUsed == far.capacity()) {
          far.grow();
          farNext = Arrays.copyOf(farNext, far.capacity());
        }
        e = farUsed++;
      }
      far.set(e, t, sq, ty, tg, st);
      farNext[e] = head[b];
      head[b] = e;
      farCount++;
    }
  }

  /** Moves the next non-empty bucket's events into the (empty) heap, if there is one. */
  private void reachNext() {
    if (farCount == 0) {
      return;
    }
    int b = reached + 1;
    while (head[b] < 0) {
      b++;
    }
    reached = b;
    int e = head[b];
    head[b] = -1;
    while (e >= 0) {
      heapPush(far.time[e], far.seq[e], far.type[e], far.target[e], far.stamp[e]);
      int following = farNext[e];
      farNext[e] = farFree;
      farFree = e;
      farCount--;
      e = following;
    }
  }

  private void heapPush(double t, long sq, int ty, int tg, int st) {
    if (size == heap.capacity()) {
      heap.grow();
    }
    double[] time = heap.time;
    long[] seq = heap.seq;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (less(t, sq, time[parent], seq[parent])) {
        heap.move(parent, i);
        i = parent;
      } else {
        break;
      }
    }
    heap.set(i, t, sq, ty, tg, st);
  }

  /** Removes the earliest event (by time, then sequence number) into the {@code top} fields. */
  void pop() {
    if (size == 0) {
      reachNext();
    }
    Batch from = null;
    for (int b = 0; b < batches.size(); b++) {
      Batch x = batches.get(b);
      int k = x.next;
      if (from == null ? size == 0 || less(x.time[k], x.seq[k], heap.time[0], heap.seq[0])
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
    Events h = heap;
    topTime = h.time[0];
    topType = h.type[0];
    topTarget = h.target[0];
    topStamp = h.stamp[0];
    size--;
    if (size == 0) {
      return;
    }
    double[] time = h.time;
    long[] seq = h.seq;
    double t = time[size];
    long sq = seq[size];
    int ty = h.type[size];
    int tg = h.target[size];
    int st = h.stamp[size];
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        break;
      }
      int r = l + 1;
      int c = r < size && less(time[r], seq[r], time[l], seq[l]) ? r : l;
      if (less(time[c], seq[c], t, sq)) {
        h.move(c, i);
        i = c;
      } else {
        break;
      }
    }
    h.set(i, t, sq, ty, tg, st);
  }

  private static boolean less(double t1, long s1, double t2, long s2) {
    return t1 < t2 || (t1 == t2 && s1 < s2);
  }
}
