package org.channelrisk.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.channelrisk.sim.Scenario;
import org.channelrisk.sim.Simulation;
import org.channelrisk.sim.Trajectory;

/**
 * What a sweep computes, shared by the Spark and the local paths so that both run the same code.
 *
 * <p>The work is cut into units. Exact sweeps: a unit is one (scenario, replicate) pair and its part is
 * the replicate's values. Sketched sweeps: a unit is a block of {@link #BLOCK} consecutive replicates of
 * one scenario and its part holds, per observable and grid time, the block's count, mean, sum of
 * squared deviations (Welford, in replicate order) and a KLL sketch built in replicate order. Parts of
 * a scenario are keyed by replicate or block index and combined in index order, so neither the
 * partitioning nor the scheduling changes a single bit of the result.
 */
record Plan(SweepGrid grid, ScenarioRecipe recipe, int replicates, long seed, boolean exact, int k) implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Replicates per block of a sketched sweep. */
  static final int BLOCK = 256;

  int unitsPerScenario() {
    return exact ? replicates : (replicates + BLOCK - 1) / BLOCK;
  }

  long units() {
    return (long) grid.size() * unitsPerScenario();
  }

  /**
   * Runs units [from, to) and groups their parts by scenario.
   *
   * @param from first unit
   * @param to one past the last unit
   * @return scenario index to its parts from these units
   */
  Map<Integer, Parts> run(long from, long to) {
    Map<Integer, Scenario> built = new HashMap<>();
    Map<Integer, Parts> out = new TreeMap<>();
    for (long u = from; u < to; u++) {
      int scenario = (int) (u / unitsPerScenario());
      long index = u % unitsPerScenario();
      Scenario sc = built.computeIfAbsent(scenario, i -> recipe.scenario(grid.point(i)));
      Parts p = exact ? replicate(sc, index) : block(sc, scenario, (int) index);
      out.merge(scenario, p, Parts::merge);
    }
    return out;
  }

  private Parts replicate(Scenario sc, long replicate) {
    Trajectory t = Simulation.of(sc).seed(seed).replicate(replicate).run().trajectory();
    return new Parts(t.times(), replicate, t.values());
  }

  private Parts block(Scenario sc, int scenario, int block) {
    int first = block * BLOCK;
    int n = Math.min(BLOCK, replicates - first);
    double[][][] values = new double[n][][];
    double[] times = null;
    for (int r = 0; r < n; r++) {
      Trajectory t = Simulation.of(sc).seed(seed).replicate(first + r).run().trajectory();
      values[r] = t.values();
      times = t.times();
    }
    return new Parts(times, block, Block.of(values, k, seed, scenario, block));
  }

  /**
   * Combines all parts of one scenario, in index order.
   *
   * @param scenario the scenario index
   * @param parts all its parts
   * @return its result data
   */
  ScenarioData finish(int scenario, Parts parts) {
    if (parts.byIndex.size() != unitsPerScenario()) {
      throw new IllegalStateException("scenario " + scenario + ": " + parts.byIndex.size() + " of " + unitsPerScenario()
          + " units arrived");
    }
    if (exact) {
      TreeMap<Long, double[][]> values = new TreeMap<>();
      parts.byIndex.forEach((i, v) -> values.put(i, (double[][]) v));
      return new ScenarioData(parts.times, values, null);
    }
    List<Block> blocks = new ArrayList<>();
    parts.byIndex.values().forEach(b -> blocks.add((Block) b));
    return new ScenarioData(parts.times, null, Kll.seeded(() -> Block.combine(blocks), seed, scenario, -1));
  }

  /** The parts of one scenario: replicate index to values, or block index to {@link Block}. */
  static final class Parts implements Serializable {
    private static final long serialVersionUID = 1L;
    final double[] times;
    final TreeMap<Long, Serializable> byIndex;

    Parts(double[] times, long index, Serializable part) {
      this.times = times;
      this.byIndex = new TreeMap<>();
      this.byIndex.put(index, part);
    }

    private Parts(double[] times, TreeMap<Long, Serializable> byIndex) {
      this.times = times;
      this.byIndex = byIndex;
    }

    /**
     * The union of two parts of one scenario; associative and commutative, exactly, since it only
     * moves values.
     *
     * @throws IllegalStateException if a unit is in both, or the parts are on different time grids
     *     (then they are not of one scenario, and keeping either grid would mislabel the other's values)
     */
    static Parts merge(Parts a, Parts b) {
      if (!Arrays.equals(a.times, b.times)) {
        throw new IllegalStateException("parts on different time grids (" + a.times.length + " and " + b.times.length
            + " times): not of one scenario");
      }
      TreeMap<Long, Serializable> m = new TreeMap<>(a.byIndex);
      for (Map.Entry<Long, Serializable> e : b.byIndex.entrySet()) {
        if (m.putIfAbsent(e.getKey(), e.getValue()) != null) {
          throw new IllegalStateException("unit " + e.getKey() + " computed twice");
        }
      }
      return new Parts(a.times, m);
    }
  }

  /**
   * A block's (or a whole scenario's) moments and sketches per observable and grid time.
   *
   * @param n replicates
   * @param mean means
   * @param m2 sums of squared deviations from the mean
   * @param sketches compact KLL images
   */
  record Block(int n, double[][] mean, double[][] m2, byte[][][] sketches) implements Serializable {
    /**
     * One block from its replicates' values: Welford's moments and a KLL sketch per observable and
     * time, both in replicate order.
     *
     * @param values values[replicate][observable][time], at least one replicate, all of the same shape
     * @param k KLL's accuracy parameter
     * @param keys the sketches' seed ({@link Kll#seeded}): the sweep seed and the block's place
     * @return the block
     */
    static Block of(double[][][] values, int k, long... keys) {
      int n = values.length;
      int obs = values[0].length;
      int nt = values[0][0].length;
      double[][] mean = new double[obs][nt];
      double[][] m2 = new double[obs][nt];
      for (int r = 0; r < n; r++) {
        for (int o = 0; o < obs; o++) {
          for (int t = 0; t < nt; t++) {
            double x = values[r][o][t];
            double d = x - mean[o][t];
            mean[o][t] += d / (r + 1);
            m2[o][t] += d * (x - mean[o][t]);
          }
        }
      }
      // Only the sketches need KLL's shared generator: the moments are computed outside its lock.
      byte[][][] sketches = Kll.seeded(() -> {
        byte[][][] s = new byte[obs][nt][];
        for (int o = 0; o < obs; o++) {
          for (int t = 0; t < nt; t++) {
            KllDoublesSketch k1 = KllDoublesSketch.newHeapInstance(k);
            for (double[][] v : values) {
              k1.update(v[o][t]);
            }
            s[o][t] = k1.toByteArray();
          }
        }
        return s;
      }, keys);
      return new Block(n, mean, m2, sketches);
    }

    /**
     * Blocks in index order to one (Chan et al.'s pairwise update, then KLL merges, in that order).
     * Associative and commutative only up to rounding and KLL's coin flips, so the order is fixed.
     */
    static Block combine(List<Block> blocks) {
      Block first = blocks.get(0);
      int obs = first.mean.length;
      int nt = first.mean[0].length;
      double[][] mean = new double[obs][];
      double[][] m2 = new double[obs][];
      for (int o = 0; o < obs; o++) {
        mean[o] = first.mean[o].clone();
        m2[o] = first.m2[o].clone();
      }
      long n = first.n;
      for (Block b : blocks.subList(1, blocks.size())) {
        long total = n + b.n;
        for (int o = 0; o < obs; o++) {
          for (int t = 0; t < nt; t++) {
            double d = b.mean[o][t] - mean[o][t];
            mean[o][t] += d * b.n / total;
            m2[o][t] += b.m2[o][t] + d * d * n * b.n / total;
          }
        }
        n = total;
      }
      byte[][][] sketches = new byte[obs][nt][];
      for (int o = 0; o < obs; o++) {
        for (int t = 0; t < nt; t++) {
          if (blocks.size() == 1) {
            sketches[o][t] = first.sketches[o][t];
            continue;
          }
          KllDoublesSketch acc = Kll.read(first.sketches[o][t]);
          for (Block b : blocks.subList(1, blocks.size())) {
            acc.merge(Kll.read(b.sketches[o][t]));
          }
          sketches[o][t] = acc.toByteArray();
        }
      }
      return new Block((int) n, mean, m2, sketches);
    }
  }

  /**
   * One scenario's combined data: per-replicate values (exact) or moments and sketches.
   *
   * @param times the grid
   * @param values replicate index to values[observable][time], or null when sketched
   * @param sketched the combined block, or null when exact
   */
  record ScenarioData(double[] times, TreeMap<Long, double[][]> values, Block sketched) implements Serializable {}
}
