package org.channelrisk.sim;

import java.util.Arrays;

/**
 * A time per channel and, for each of a number of buckets, a doubly linked list of channels: the
 * storage of the calendars ({@link GridBuckets}, {@link ClockCalendar}). Which bucket a channel belongs
 * to is the owner's business (computed from the time); here are only the lists.
 *
 * <p>A channel's time and its two links sit side by side in one array, 16 bytes per channel, so that
 * moving a channel touches one cache line of its own (and one of each neighbour): walking a bucket of
 * a 10^6-channel run then costs one cache miss per channel instead of four. The owner may lend its own
 * per-channel records for them, as the audience process does. A channel in no list may
 * keep another value in its link word ({@link #aux}), as the clock calendar keeps a heap position.
 * Adding at the head, removing and walking are O(1) per channel. Plus 4 bytes per bucket.
 */
final class BucketLists {
  static final int NONE = -1;
  private static final long UNLINKED = 0xFFFF_FFFF_FFFF_FFFFL;
  private static final long INFINITE = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

  /**
   * [stride i + at]: channel i's time (raw bits; infinite when none); [stride i + at + 1]: next (high
   * half) and previous (low half).
   */
  private final long[] slots;
  private final int stride;
  private final int at;
  private final int[] head;
  /** Channels with a time. */
  private int timed;

  BucketLists(int n, int buckets) {
    this(new long[2 * n], 2, 0, n, buckets);
  }

  /**
   * Lists kept in the owner's per-channel records, so that a channel's time sits next to the rest of
   * its state: channel i's two words are {@code slots[stride * i + at]} and the one after it.
   */
  BucketLists(long[] slots, int stride, int at, int n, int buckets) {
    this.slots = slots;
    this.stride = stride;
    this.at = at;
    for (int i = 0; i < n; i++) {
      slots[stride * i + at] = INFINITE;
      slots[stride * i + at + 1] = UNLINKED;
    }
    head = new int[buckets];
    Arrays.fill(head, NONE);
  }

  /** @return the number of buckets */
  int buckets() {
    return head.length;
  }

  /** @return channel i's time, infinite when it has none */
  double time(int i) {
    return Double.longBitsToDouble(slots[stride * i + at]);
  }

  /** Sets channel i's time (infinite: none), counting the channels that have one. */
  void time(int i, double t) {
    long old = slots[stride * i + at];
    long bits = Double.doubleToRawLongBits(t);
    timed += (old == INFINITE ? 1 : 0) - (bits == INFINITE ? 1 : 0);
    slots[stride * i + at] = bits;
  }

  /** @return the number of channels with a time */
  int timed() {
    return timed;
  }

  /** Adds channel i, in no list, at the head of bucket b's list. */
  void link(int i, int b) {
    int h = head[b];
    slots[stride * i + at + 1] = ((long) h << 32) | (NONE & 0xFFFF_FFFFL);
    if (h != NONE) {
      slots[stride * h + at + 1] = (slots[stride * h + at + 1] & 0xFFFF_FFFF_0000_0000L) | (i & 0xFFFF_FFFFL);
    }
    head[b] = i;
  }

  /** Takes channel i out of bucket b's list. */
  void unlink(int i, int b) {
    long links = slots[stride * i + at + 1];
    int before = (int) links;
    int after = (int) (links >> 32);
    if (before != NONE) {
      slots[stride * before + at + 1] = ((long) after << 32) | (slots[stride * before + at + 1] & 0xFFFF_FFFFL);
    } else {
      head[b] = after;
    }
    if (after != NONE) {
      slots[stride * after + at + 1] = (slots[stride * after + at + 1] & 0xFFFF_FFFF_0000_0000L) | (before & 0xFFFF_FFFFL);
    }
    slots[stride * i + at + 1] = UNLINKED;
  }

  /** @return the first channel of bucket b, or {@link #NONE} */
  int first(int b) {
    return head[b];
  }

  /** @return the channel after i in its bucket, or {@link #NONE} */
  int after(int i) {
    return (int) (slots[stride * i + at + 1] >> 32);
  }

  /**
   * Empties bucket b at once; its channels keep their links until each is re-filed, so the caller can
   * walk them with {@link #after} (reading the next before re-filing the current).
   *
   * @return the first channel the bucket held, or {@link #NONE}
   */
  int detach(int b) {
    int i = head[b];
    head[b] = NONE;
    return i;
  }

  /** @return the link word of channel i, which holds the owner's value while i is in no list */
  long aux(int i) {
    return slots[stride * i + at + 1];
  }

  /** Stores a value in the link word of channel i, which is in no list. */
  void aux(int i, long value) {
    slots[stride * i + at + 1] = value;
  }

  /** Marks channel i as in no list and without a value. */
  void clear(int i) {
    slots[stride * i + at + 1] = UNLINKED;
  }
}
