package org.channelrisk.sim;

/**
 * The per-channel records of a run in one array of longs: channel i's record is the eight words from
 * {@link #at}(i), the engine's four (state word, pending ban share, removal clock's time and links)
 * followed by the audience process's four from {@link #AUDIENCE} (pool and audience, links in and
 * former audience, next finding's time and calendar links).
 *
 * <p>Why one record of 64 bytes instead of two arrays of 32-byte records: nearly every event reads
 * both halves of its channel (the engine's state, then the audience for the visibility bound and the
 * draw), and each is a cache miss when the arrays are beyond the processor's caches; side by side they
 * are one line. Why the record starts at word 6 + 8 i: an array's elements start 16 bytes after the
 * array, and a large array (above half a G1 region: from a few thousand channels) starts at a region's
 * start, so six words of padding put every record on a 64-byte line of its own (from word 8 i it would
 * straddle two). Smaller arrays may start anywhere, and fit in cache anyway.
 */
final class Records {
  /** Words before the first record. */
  private static final int FIRST = 6;
  /** Words per record. */
  static final int WORDS = 8;
  /** The first of the audience process's words in a record; the engine's are the four before. */
  static final int AUDIENCE = 4;

  private Records() {}

  /** @return a zeroed array of n records */
  static long[] allocate(int n) {
    return new long[FIRST + WORDS * n];
  }

  /** @return the number of records an array from {@link #allocate} holds */
  static int count(long[] records) {
    return (records.length - FIRST) / WORDS;
  }

  /** @return the first word of channel i's record */
  static int at(int i) {
    return FIRST + WORDS * i;
  }
}
