package org.channelrisk.internal;

/**
 * Seeds for the library's random streams, made from several numbers (a user's seed, a replicate, a
 * generation, a stream tag) by SplitMix64's finaliser (Steele, Lea and Flood 2014), so that a stream is
 * a pure function of those numbers and nearby inputs give unrelated streams. The LXM generators are
 * then seeded from that one {@code long}: Java 17 seeds them from a byte array through
 * {@code RandomSupport.convertSeedBytesToLongs}, which sign-extends each byte, so that seeds with a byte
 * of 0x80 or more lose most of their bits and the streams of nearby replicates are dependent (20
 * draws at p = 0.5 were visibly not binomial over 20,000 replicates). Internal: not a supported API.
 *
 * <pre>{@code
 * RandomGenerator g = RandomGeneratorFactory.of("L64X128MixRandom").create(Seeds.of(seed, replicate));
 * }</pre>
 */
public final class Seeds {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /**
   * SplitMix64's finaliser: a bijection of the longs that mixes every input bit into every output bit.
   *
   * @param z a value
   * @return its mix
   */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * @param parts the numbers that name a stream, in order
   * @return one seed; for a fixed prefix, distinct last parts give distinct seeds
   */
  public static long of(long... parts) {
    long h = 0;
    for (long p : parts) {
      h = mix64(h + GOLDEN + mix64(p)); // chained, so that (a, b) and (b, a) differ
    }
    return h;
  }
}
