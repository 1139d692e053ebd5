package org.channelrisk.calibrate;

import java.util.List;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Simulation;
import org.channelrisk.sim.Trajectory;

/**
 * The runs of one particle (its replicates) that summary statistics read: the mean path of each
 * observable over the replicates, and each run's event log.
 *
 * <pre>{@code
 * Replicates r = Replicates.of(List.of(Simulation.of(scenario).seed(7).run()));
 * r.mean(Observed.ACTIVE_CHANNELS)[30];
 * }</pre>
 */
public final class Replicates {
  private final List<Simulation.Run> runs;
  private final double[][] means;

  private Replicates(List<Simulation.Run> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("at least one run is needed");
    }
    this.runs = List.copyOf(runs);
    int k = Observed.values().length;
    double[] times = runs.get(0).trajectory().times();
    means = new double[k][times.length];
    for (Simulation.Run r : runs) {
      double[][] v = r.trajectory().values();
      for (int o = 0; o < k; o++) {
        for (int t = 0; t < times.length; t++) {
          means[o][t] += v[o][t];
        }
      }
    }
    for (double[] row : means) {
      for (int t = 0; t < row.length; t++) {
        row[t] /= runs.size();
      }
    }
  }

  /**
   * @param runs the replicates of one parameter vector, on one grid
   * @return the view statistics read
   */
  public static Replicates of(List<Simulation.Run> runs) {
    return new Replicates(runs);
  }

  /** @return a copy of the grid */
  double[] times() {
    return runs.get(0).trajectory().times();
  }

  /**
   * @param o an observable
   * @return a copy of its mean over the replicates at each grid time
   */
  public double[] mean(Observed o) {
    // A copy: the statistics read the same means, so a caller's change must not reach them.
    return means[o.ordinal()].clone();
  }

  /** @return the runs */
  public List<Simulation.Run> runs() {
    return runs;
  }

  /** @return the trajectory of each run */
  List<Trajectory> trajectories() {
    return runs.stream().map(Simulation.Run::trajectory).toList();
  }
}
