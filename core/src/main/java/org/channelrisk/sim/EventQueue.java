package org.channelrisk.sim;

import java.util.Arrays;

/**
 * A binary min-heap of events in primitive arrays, ordered by time and then by insertion order, so
 * that simultaneous events run in a fixed order. Stale events (a channel's clock redrawn, a channel
 * removed) are not deleted but skipped when popped: each carries the stamp it was scheduled with.
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

  boolean isEmpty() {
    return size == 0;
  }

  double peekTime() {
    return size == 0 ? Double.POSITIVE_INFINITY : time[0];
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

  void pop() {
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
