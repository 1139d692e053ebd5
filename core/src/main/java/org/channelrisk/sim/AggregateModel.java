package org.channelrisk.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The coalescence-fragmentation model of online extremist aggregates (Johnson et al. 2016, 2019): N
 * supporters in clusters. At each step a member is chosen at random (so a cluster with probability
 * proportional to its size); with probability {@code a} its cluster fragments into singletons,
 * otherwise it merges with the cluster of another member chosen the same way. The steady state has
 * n_s ~ s^(-5/2) exp(-s / s*), with exact member fractions (see {@link #steadyStateFraction}).
 *
 * <pre>{@code
 * AggregateModel m = AggregateModel.of(100_000, 0.01, Simulation.generator(1, 0));
 * m.step(5_000_000);
 * m.sizeCounts();                    // clusters of each size
 * m.banSizeWindow(10, 100);          // ban the mid-sized clusters: their members become singletons
 * m.step(1_000_000);                 // ... and the network self-repairs
 * }</pre>
 *
 * <p>A ban does not remove people: banned clusters lose their links and their members start again as
 * singletons, which is how the model represents an account being banned and its owner returning.
 *
 * <p>The four policies of Johnson et al. (2019, Nature 573:261), each a method:
 * <ol>
 *   <li>{@link #banSizeWindow}: ban the clusters whose size is in a window (small ones, before they
 *       grow);
 *   <li>{@link #banRandomMembers}: ban a random share of members;
 *   <li>{@link #withOpposition}: an opposing population (anti-extremist users) that clusters with its
 *       own kind and against the extremists. When a step brings an extremist cluster and an opposing
 *       cluster together they clash: min(s1, s2) members of each side leave for good (the platform,
 *       alerted by the clash, bans the extremists; the opposing users who took part are spent), and the
 *       rest of the larger cluster stays. The extremists then die out in a time that grows with their
 *       share of the population;
 *   <li>{@link #mediate}: mediators placed in the largest extremist clusters set them against other
 *       extremist clusters: a mediated cluster no longer coalesces with another extremist cluster (it
 *       still fragments, and the mediator stays with what is left), so no giant cluster forms through
 *       it.
 * </ol>
 * The paper's own two-species and mediator rules were not available to us in detail (its Extended Data
 * Fig. 3 gives only the settings); the rules above are ours, stated so that they can be changed, and
 * the tests check the paper's qualitative results: a size-window ban keeps the distribution
 * fragmented, random member bans barely move it, an opposing majority drives the extremists out, and
 * mediators keep the largest cluster small. With no opposing members and no mediators a run is the
 * one-species model, draw for draw.
 *
 * <p>Cost: O(1) per merge amortised (smaller cluster relabelled), O(s) per fragmentation or clash.
 * Not thread-safe: one model per thread.
 */
public final class AggregateModel {
  private final double a;
  private final RandomGenerator rng;
  private final int[] clusterOf;
  private int[][] members;
  private final int[] size;
  private final int[] freeIds;
  private int freeCount;
  private long steps;
  /** Members 0..extremists-1 are extremists, the rest opposing. */
  private final int extremists;
  /** Members still in the population (a clash removes some), for uniform choice: swap-removal. */
  private final int[] alive;
  private final int[] aliveAt;
  private int aliveCount;
  private int extremistsAlive;
  /** Per cluster id: a mediator is in the cluster. */
  private final boolean[] mediated;

  private AggregateModel(int n, int extremists, double a, RandomGenerator rng) {
    this.a = a;
    this.rng = rng;
    this.extremists = extremists;
    clusterOf = new int[n];
    members = new int[n][];
    size = new int[n];
    freeIds = new int[n];
    alive = new int[n];
    aliveAt = new int[n];
    mediated = new boolean[n];
    for (int i = 0; i < n; i++) {
      clusterOf[i] = i;
      members[i] = new int[] {i};
      size[i] = 1;
      alive[i] = i;
      aliveAt[i] = i;
    }
    aliveCount = n;
    extremistsAlive = extremists;
  }

  /**
   * N singletons.
   *
   * @param n members, &gt;= 2
   * @param fragmentation probability a in (0, 1] that a step fragments
   * @param rng randomness
   * @return the model
   */
  public static AggregateModel of(int n, double fragmentation, RandomGenerator rng) {
    if (n < 2) {
      throw new IllegalArgumentException("the aggregate model needs at least 2 members: " + n);
    }
    if (!(fragmentation > 0 && fragmentation <= 1)) {
      throw new IllegalArgumentException("fragmentation probability must be in (0, 1]: " + fragmentation);
    }
    return new AggregateModel(n, n, fragmentation, rng);
  }

  /**
   * Extremists and an opposing population (policy 3 of Johnson et al. 2019), all singletons at the
   * start.
   *
   * <pre>{@code
   * AggregateModel m = AggregateModel.withOpposition(400, 600, 0.01, Simulation.generator(1, 0));
   * while (m.extremists() > 0) m.step(1_000);     // the opposing majority drives them out
   * }</pre>
   *
   * @param extremists extremist members, &gt;= 1
   * @param opposing opposing members, &gt;= 0
   * @param fragmentation probability a in (0, 1] that a step fragments
   * @param rng randomness
   * @return the model
   */
  public static AggregateModel withOpposition(int extremists, int opposing, double fragmentation, RandomGenerator rng) {
    if (extremists < 1 || opposing < 0 || (long) extremists + opposing < 2) {
      throw new IllegalArgumentException("need at least 1 extremist, no negative count and 2 members in all: " + extremists
          + " extremists, " + opposing + " opposing");
    }
    if (!(fragmentation > 0 && fragmentation <= 1)) {
      throw new IllegalArgumentException("fragmentation probability must be in (0, 1]: " + fragmentation);
    }
    return new AggregateModel(extremists + opposing, extremists, fragmentation, rng);
  }

  /**
   * Runs steps.
   *
   * @param count number of steps
   */
  public void step(long count) {
    for (long k = 0; k < count && aliveCount > 0; k++) {
      int c = clusterOf[alive[rng.nextInt(aliveCount)]];
      if (rng.nextDouble() < a) {
        fragment(c);
      } else {
        int d = clusterOf[alive[rng.nextInt(aliveCount)]];
        if (d == c) {
          continue;
        }
        boolean ec = isExtremist(c);
        if (ec != isExtremist(d)) {
          clash(c, d);
        } else if (!(ec && (mediated[c] || mediated[d]))) {
          merge(c, d);
        }
      }
    }
    steps += count;
  }

  private boolean isExtremist(int cluster) {
    return members[cluster][0] < extremists;
  }

  /** An extremist and an opposing cluster meet: min(s1, s2) members of each leave the population. */
  private void clash(int c, int d) {
    int k = Math.min(size[c], size[d]);
    removeLast(c, k);
    removeLast(d, k);
  }

  private void removeLast(int c, int k) {
    int s = size[c];
    int[] m = members[c];
    for (int q = s - k; q < s; q++) {
      int i = m[q];
      clusterOf[i] = -1;
      int at = aliveAt[i];
      int last = alive[--aliveCount];
      alive[at] = last;
      aliveAt[last] = at;
      if (i < extremists) {
        extremistsAlive--;
      }
    }
    size[c] = s - k;
    if (size[c] == 0) {
      members[c] = null;
      mediated[c] = false;
      freeIds[freeCount++] = c;
    }
  }

  private void fragment(int c) {
    int s = size[c];
    if (s == 1) {
      return;
    }
    int[] m = members[c];
    for (int k = 1; k < s; k++) {
      int id = freeIds[--freeCount];
      clusterOf[m[k]] = id;
      members[id] = new int[] {m[k]};
      size[id] = 1;
    }
    members[c] = new int[] {m[0]};
    size[c] = 1;
  }

  private void merge(int c, int d) {
    int big = size[c] >= size[d] ? c : d;
    int small = big == c ? d : c;
    int sb = size[big];
    int ss = size[small];
    if (members[big].length < sb + ss) {
      members[big] = Arrays.copyOf(members[big], Math.max(2 * members[big].length, sb + ss));
    }
    int[] mb = members[big];
    int[] ms = members[small];
    for (int k = 0; k < ss; k++) {
      mb[sb + k] = ms[k];
      clusterOf[ms[k]] = big;
    }
    size[big] = sb + ss;
    members[small] = null;
    size[small] = 0;
    freeIds[freeCount++] = small;
  }

  /**
   * Bans every extremist cluster whose size is in [min, max]: its members become singletons (policy 1).
   *
   * @param min smallest size banned
   * @param max largest size banned
   * @return members affected
   */
  public int banSizeWindow(int min, int max) {
    int affected = 0;
    for (int c = 0; c < size.length; c++) {
      if (size[c] >= Math.max(min, 2) && size[c] <= max && isExtremist(c)) {
        affected += size[c];
        fragment(c);
      }
    }
    return affected;
  }

  /**
   * Bans a random share of the extremists: each leaves its cluster and starts again as a singleton
   * (policy 2).
   *
   * @param share probability per member, in [0, 1]
   * @return members banned
   */
  public int banRandomMembers(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in [0, 1]: " + share);
    }
    int banned = 0;
    for (int i = 0; i < extremists; i++) {
      if (clusterOf[i] >= 0 && rng.nextDouble() < share && size[clusterOf[i]] > 1) {
        detach(i);
        banned++;
      }
    }
    return banned;
  }

  private void detach(int i) {
    int c = clusterOf[i];
    int[] m = members[c];
    int s = size[c];
    for (int k = 0; k < s; k++) {
      if (m[k] == i) {
        m[k] = m[s - 1];
        break;
      }
    }
    size[c] = s - 1;
    int id = freeIds[--freeCount];
    clusterOf[i] = id;
    members[id] = new int[] {i};
    size[id] = 1;
  }

  /** @return counts[s] = number of extremist clusters of size s (index 0 unused) */
  public long[] sizeCounts() {
    int max = 0;
    for (int c = 0; c < size.length; c++) {
      if (size[c] > 0 && isExtremist(c)) {
        max = Math.max(max, size[c]);
      }
    }
    long[] counts = new long[max + 1];
    for (int c = 0; c < size.length; c++) {
      if (size[c] > 0 && isExtremist(c)) {
        counts[size[c]]++;
      }
    }
    return counts;
  }

  /**
   * @return the size of the largest extremist cluster over the initial number of extremists
   *     (gelation when it approaches 1)
   */
  public double largestClusterFraction() {
    long[] counts = sizeCounts();
    return (double) (counts.length - 1) / extremists;
  }

  /**
   * Places mediators in the largest extremist clusters, one each (policy 4): a mediated cluster no
   * longer coalesces with other extremist clusters.
   *
   * @param count mediators, &gt;= 0
   * @return clusters mediated (fewer than {@code count} when there are fewer extremist clusters of
   *     size 2 or more without one)
   */
  public int mediate(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("mediators must be >= 0: " + count);
    }
    Integer[] ids = new Integer[size.length];
    int k = 0;
    for (int c = 0; c < size.length; c++) {
      if (size[c] > 1 && isExtremist(c) && !mediated[c]) {
        ids[k++] = c;
      }
    }
    Integer[] candidates = Arrays.copyOf(ids, k);
    // largest first, ties by id, so that the choice does not depend on anything but the state
    Arrays.sort(candidates, (x, y) -> size[x] != size[y] ? Integer.compare(size[y], size[x]) : Integer.compare(x, y));
    int placed = Math.min(count, candidates.length);
    for (int q = 0; q < placed; q++) {
      mediated[candidates[q]] = true;
    }
    return placed;
  }

  /** @return extremist members still in the population */
  public int extremists() {
    return extremistsAlive;
  }

  /** @return opposing members still in the population */
  public int opposing() {
    return aliveCount - extremistsAlive;
  }

  /** @return steps run so far */
  public long steps() {
    return steps;
  }

  /**
   * The exact steady-state share of members in clusters of size s: f_1 = 1 / (2 - a) and
   * f_s = (2 - a) / (2 (1 - a)) Cat(s - 1) c^s / 2^(2s - 1), c = 4 (1 - a) / (2 - a)^2, Cat(k) the
   * Catalan numbers; computed in logs so that large s does not overflow.
   *
   * @param a fragmentation probability in (0, 1)
   * @param s cluster size, &gt;= 1
   * @return the share of members
   */
  public static double steadyStateFraction(double a, int s) {
    if (s == 1) {
      return 1 / (2 - a);
    }
    double c = 4 * (1 - a) / ((2 - a) * (2 - a));
    int k = s - 1;
    // log Cat(k) = log (2k)! - log k! - log (k+1)!
    double logCat = org.apache.commons.math3.special.Gamma.logGamma(2.0 * k + 1) - org.apache.commons.math3.special.Gamma.logGamma(k + 1.0)
        - org.apache.commons.math3.special.Gamma.logGamma(k + 2.0);
    return Math.exp(Math.log((2 - a) / (2 * (1 - a))) + logCat + s * Math.log(c) - (2.0 * s - 1) * Math.log(2));
  }

  @Override
  public String toString() {
    long clusters = Arrays.stream(sizeCounts()).sum();
    String opposition = extremists < clusterOf.length ? String.format(Locale.ROOT, ", %d of %d extremists and %d of %d opposing left",
        extremistsAlive, extremists, opposing(), clusterOf.length - extremists) : "";
    return String.format(Locale.ROOT, "AggregateModel[N %d, a %s, %d steps, %d extremist clusters, largest %.3f of N%s]",
        extremists, a, steps, clusters, largestClusterFraction(), opposition);
  }
}
