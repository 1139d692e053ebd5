package org.channelrisk.calibrate;

import java.util.List;
import java.util.Map;
import org.channelrisk.model.ChannelRole;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.SimEvent;
import org.channelrisk.sim.Simulation;
import org.channelrisk.sim.Trajectory;

/** Runs written by hand, so that a statistic's value can be worked out on paper. */
final class Runs {
  private Runs() {}

  /**
   * @param times the grid
   * @param series observables given (the others 0)
   * @param created channels created so far on platforms "a" and "b", one row each
   * @param events the event log
   * @return the run
   */
  static Simulation.Run of(double[] times, Map<Observed, double[]> series, double[][] created, List<SimEvent> events) {
    int n = times.length;
    double[][] values = new double[Observed.values().length][n];
    series.forEach((o, v) -> values[o.ordinal()] = v.clone());
    double[][] zero = new double[2][n];
    Trajectory tr = new Trajectory(times, values, List.of("a", "b"), zero, new double[ChannelRole.values().length][n], created, zero, 0, 0);
    return new Simulation.Run(tr, events);
  }

  static Simulation.Run of(double[] times, Map<Observed, double[]> series) {
    return of(times, series, new double[2][times.length], List.of());
  }

  static double[] grid(int last) {
    double[] t = new double[last + 1];
    for (int i = 0; i <= last; i++) {
      t[i] = i;
    }
    return t;
  }
}
