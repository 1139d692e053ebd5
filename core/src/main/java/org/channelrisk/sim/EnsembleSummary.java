package org.channelrisk.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Copies;
import org.channelrisk.stats.SampleQuantiles;

/**
 * The replicates of an ensemble, kept per replicate index so that summaries merge associatively and a
 * merged result is identical however the replicates were split between threads or machines: mean,
 * standard deviation and quantiles are computed over the replicates in index order.
 *
 * <pre>{@code
 * EnsembleSummary s = Ensemble.of(scenario).replicates(200).seed(42).threads(2).run();
 * s.mean(Observed.ACTIVE_CHANNELS);          // per grid time
 * s.quantile(Observed.ACTIVE_CHANNELS, 0.95);
 * EnsembleSummary all = part1.merge(part2);    // e.g. from two workers
 * EnsembleCsv.write(Path.of("nov2019.csv"), s); // org.channelrisk.io: time, <observable>_mean, _sd, _q05 ... _q95
 * }</pre>
 *
 * <p>Quantiles are exact (R's type 7 on all replicate values). Memory: 8 bytes per replicate, observable
 * and grid time (200 replicates x 8 observables x 366 days: 4.7 MB). Immutable.
 */
public final class EnsembleSummary {
  /** The probabilities of the standard bands (5, 25, 50, 75, 95%), in ascending order. */
  public static final List<Double> BAND_PROBABILITIES = List.of(0.05, 0.25, 0.5, 0.75, 0.95);

  /**
   * @return the band probabilities as a fresh array, for {@link #quantiles(Observed, double...)}
   */
  public static double[] bandProbabilities() {
    return BAND_PROBABILITIES.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private final double[] times;
  private final TreeMap<Long, double[][]> replicates;

  private EnsembleSummary(double[] times, TreeMap<Long, double[][]> replicates) {
    this.times = times;
    this.replicates = replicates;
  }

  /**
   * A summary of one replicate.
   *
   * @param replicate its index
   * @param trajectory its trajectory
   * @return the summary
   */
  public static EnsembleSummary of(long replicate, Trajectory trajectory) {
    TreeMap<Long, double[][]> m = new TreeMap<>();
    m.put(replicate, trajectory.values());
    return new EnsembleSummary(trajectory.times(), m);
  }

  /**
   * A summary from replicates' values, as a distributed engine collects them.
   *
   * @param times the grid
   * @param replicates per replicate index, values[observable ordinal][time]
   * @return the summary
   * @throws IllegalArgumentException if a replicate's values do not fit the grid
   */
  public static EnsembleSummary fromReplicates(double[] times, Map<Long, double[][]> replicates) {
    if (replicates.isEmpty()) {
      throw new IllegalArgumentException("an ensemble summary needs at least one replicate");
    }
    for (Map.Entry<Long, double[][]> e : replicates.entrySet()) {
      double[][] v = e.getValue();
      if (v.length != Observed.values().length || Arrays.stream(v).anyMatch(row -> row.length != times.length)) {
        throw new IllegalArgumentException("replicate " + e.getKey() + " does not have " + Observed.values().length
            + " observables on " + times.length + " times");
      }
    }
    TreeMap<Long, double[][]> copy = new TreeMap<>();
    replicates.forEach((k, v) -> copy.put(k, Copies.deep(v)));
    return new EnsembleSummary(times.clone(), copy);
  }

  /**
   * A summary of consecutive replicates 0..n-1, built in one pass.
   *
   * @param trajectories trajectory of replicate i at index i, all on one grid
   * @return the summary
   */
  static EnsembleSummary ofAll(Trajectory[] trajectories) {
    TreeMap<Long, double[][]> m = new TreeMap<>();
    for (int i = 0; i < trajectories.length; i++) {
      m.put((long) i, trajectories[i].values());
    }
    return new EnsembleSummary(trajectories[0].times(), m);
  }

  /**
   * Combines two summaries of the same scenario. Associative and commutative.
   *
   * @param other another summary on the same grid with other replicate indices
   * @return the union
   * @throws IllegalArgumentException if the grids differ or a replicate index appears in both
   */
  public EnsembleSummary merge(EnsembleSummary other) {
    Checks.notNull("other", other);
    if (!Arrays.equals(times, other.times)) {
      throw new IllegalArgumentException("cannot merge summaries on different grids");
    }
    TreeMap<Long, double[][]> m = new TreeMap<>(replicates);
    for (Map.Entry<Long, double[][]> e : other.replicates.entrySet()) {
      if (m.putIfAbsent(e.getKey(), e.getValue()) != null) {
        throw new IllegalArgumentException("replicate " + e.getKey() + " appears in both summaries");
      }
    }
    return new EnsembleSummary(times, m);
  }

  /** @return the grid */
  public double[] times() {
    return times.clone();
  }

  /** @return the number of replicates */
  public int replicates() {
    return replicates.size();
  }

  /** @return the replicate indices, ascending */
  public List<Long> replicateIndices() {
    return List.copyOf(replicates.keySet());
  }

  /**
   * One replicate's series, for measures taken per replicate and then summarised across replicates
   * (see {@code org.channelrisk.recovery.ReplicateMetrics}).
   *
   * @param o an observable
   * @param replicate a replicate index, one of {@link #replicateIndices()}
   * @return a copy of its values on the grid
   * @throws IllegalArgumentException if there is no such replicate
   */
  public double[] replicate(Observed o, long replicate) {
    double[][] r = replicates.get(replicate);
    if (r == null) {
      throw new IllegalArgumentException("no replicate " + replicate + "; the indices are " + replicates.firstKey() + " to "
          + replicates.lastKey());
    }
    return r[o.ordinal()].clone();
  }

  private double[] column(Observed o, int t) {
    double[] v = new double[replicates.size()];
    int k = 0;
    for (double[][] r : replicates.values()) {
      v[k++] = r[o.ordinal()][t];
    }
    return v;
  }

  /**
   * @param o an observable
   * @return its mean over replicates at each grid time
   */
  public double[] mean(Observed o) {
    double[] out = new double[times.length];
    for (int t = 0; t < times.length; t++) {
      double s = 0;
      for (double v : column(o, t)) {
        s += v;
      }
      out[t] = s / replicates.size();
    }
    return out;
  }

  /**
   * @param o an observable
   * @return its sample standard deviation (n - 1) at each grid time; NaN with one replicate
   */
  public double[] sd(Observed o) {
    double[] mean = mean(o);
    double[] out = new double[times.length];
    for (int t = 0; t < times.length; t++) {
      double s = 0;
      for (double v : column(o, t)) {
        s += (v - mean[t]) * (v - mean[t]);
      }
      out[t] = Math.sqrt(s / (replicates.size() - 1));
    }
    return out;
  }

  /**
   * @param o an observable
   * @param p a probability
   * @return the p-quantile (type 7) at each grid time
   */
  public double[] quantile(Observed o, double p) {
    return quantiles(o, p)[0];
  }

  /**
   * Several quantiles at once, sorting each time point's values once.
   *
   * @param o an observable
   * @param ps probabilities in [0, 1]
   * @return [k][time]: the ps[k]-quantile (type 7) at each grid time
   */
  public double[][] quantiles(Observed o, double... ps) {
    for (double p : ps) {
      SampleQuantiles.checkProbability(p);
    }
    double[][] out = new double[ps.length][times.length];
    for (int t = 0; t < times.length; t++) {
      double[] c = column(o, t);
      Arrays.sort(c);
      for (int k = 0; k < ps.length; k++) {
        out[k][t] = SampleQuantiles.ofSorted(c, ps[k]);
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EnsembleSummary other) || !Arrays.equals(times, other.times)
        || !replicates.keySet().equals(other.replicates.keySet())) {
      return false;
    }
    for (Map.Entry<Long, double[][]> e : replicates.entrySet()) {
      if (!Arrays.deepEquals(e.getValue(), other.replicates.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(times) * 31 + replicates.keySet().hashCode();
  }

  @Override
  public String toString() {
    int last = times.length - 1;
    double[] m = mean(Observed.ACTIVE_CHANNELS);
    return String.format(java.util.Locale.ROOT, "EnsembleSummary[%d replicates, %d times; active channels at %s: mean %.1f, 90%% band %.1f to %.1f]",
        replicates.size(), times.length, times[last], m[last], quantile(Observed.ACTIVE_CHANNELS, 0.05)[last],
        quantile(Observed.ACTIVE_CHANNELS, 0.95)[last]);
  }
}
