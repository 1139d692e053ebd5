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
 * singletons, which is how the model represents an account being banned and its owner returning. Of
 * the four policies of Johnson et al. (2019) this class has the first two (ban clusters in a size
 * window, ban a random share of members); seeding opposing or mediating clusters is not modelled.
 * Cost: O(1) per merge amortised (smaller cluster relabelled), O(s) per fragmentation.
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

  private AggregateModel(int n, double a, RandomGenerator rng) {
    this.a = a;
    this.rng = rng;
    clusterOf = new int[n];
    members = new int[n][];
    size = new int[n];
    freeIds = new int[n];
    for (int i = 0; i < n; i++) {
      clusterOf[i] = i;
      members[i] = new int[] {i};
      size[i] = 1;
    }
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
    return new AggregateModel(n, fragmentation, rng);
  }

  /**
   * Runs steps.
   *
   * @param count number of steps
   */
  public void step(long count) {
    int n = clusterOf.length;
    for (long k = 0; k < count; k++) {
      int c = clusterOf[rng.nextInt(n)];
      if (rng.nextDouble() < a) {
        fragment(c);
      } else {
        int d = clusterOf[rng.nextInt(n)];
        if (d != c) {
          merge(c, d);
        }
      }
    }
    steps += count;
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
   * Bans every cluster whose size is in [min, max]: its members become singletons.
   *
   * @param min smallest size banned
   * @param max largest size banned
   * @return members affected
   */
  public int banSizeWindow(int min, int max) {
    int affected = 0;
    for (int c = 0; c < size.length; c++) {
      if (size[c] >= Math.max(min, 2) && size[c] <= max) {
        affected += size[c];
        fragment(c);
      }
    }
    return affected;
  }

  /**
   * Bans a random share of members: each leaves its cluster and starts again as a singleton.
   *
   * @param share probability per member, in [0, 1]
   * @return members banned
   */
  public int banRandomMembers(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in [0, 1]: " + share);
    }
    int banned = 0;
    for (int i = 0; i < clusterOf.length; i++) {
      if (rng.nextDouble() < share && size[clusterOf[i]] > 1) {
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

  /** @return counts[s] = number of clusters of size s (index 0 unused) */
  public long[] sizeCounts() {
    int max = 0;
    for (int s : size) {
      max = Math.max(max, s);
    }
    long[] counts = new long[max + 1];
    for (int s : size) {
      if (s > 0) {
        counts[s]++;
      }
    }
    return counts;
  }

  /** @return the size of the largest cluster over N (gelation when it approaches 1) */
  public double largestClusterFraction() {
    int max = 0;
    for (int s : size) {
      max = Math.max(max, s);
    }
    return (double) max / clusterOf.length;
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
    long clusters = Arrays.stream(size).filter(s -> s > 0).count();
    return String.format(Locale.ROOT, "AggregateModel[N %d, a %s, %d steps, %d clusters, largest %.3f of N]", clusterOf.length, a, steps,
        clusters, largestClusterFraction());
  }
}
