package org.channelrisk.observe;

import java.util.Arrays;

/**
 * A set of non-negative longs in one open-addressing array (linear probing, at most half full): 16 to
 * 32 bytes per element where a {@code HashSet<Long>} takes about 50, and no allocation per insert.
 * Holds the (date, author) pairs of {@link DailyActivity}.
 */
final class LongSet {
  private static final long EMPTY = -1;

  private long[] slots = new long[16];
  private int size;

  /**
   * @param v a value &gt;= 0
   * @return true if it was not in the set
   */
  boolean add(long v) {
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    return insert(slots, v);
  }

  private boolean insert(long[] table, long v) {
    int mask = table.length - 1;
    int i = mix(v) & mask;
    while (true) {
      long s = table[i];
      if (s == EMPTY) {
        table[i] = v;
        if (table == slots) {
          size++;
        }
        return true;
      }
      if (s == v) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] old = slots;
    long[] table = new long[old.length * 2];
    Arrays.fill(table, EMPTY);
    for (long v : old) {
      if (v != EMPTY) {
        int mask = table.length - 1;
        int i = mix(v) & mask;
        while (table[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        table[i] = v;
      }
    }
    slots = table;
  }

  /** A 64-bit finaliser (from MurmurHash3): neighbouring keys land far apart. */
  private static int mix(long v) {
    v ^= v >>> 33;
    v *= 0xff51afd7ed558ccdL;
    v ^= v >>> 33;
    v *= 0xc4ceb9fe1a85ec53L;
    v ^= v >>> 33;
    return (int) v;
  }

  /** @return the number of elements */
  int size() {
    return size;
  }

  /** @param other elements to add */
  void addAll(LongSet other) {
    for (long v : other.slots) {
      if (v != EMPTY) {
        add(v);
      }
    }
  }

  /** Calls the action on each element, in table order. */
  void forEach(java.util.function.LongConsumer action) {
    for (long v : slots) {
      if (v != EMPTY) {
        action.accept(v);
      }
    }
  }

  LongSet() {
    Arrays.fill(slots, EMPTY);
  }
}
