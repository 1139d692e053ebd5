package org.channelrisk.sim;

import java.util.List;
import java.util.Locale;

/**
 * The observables of one run on the scenario's grid, plus active channels per platform and per role.
 *
 * <pre>{@code
 * Trajectory tr = Simulation.run(scenario, 42, 0).trajectory();
 * tr.values(Observed.ACTIVE_CHANNELS)[30];    // active channels on day 30
 * }</pre>
 *
 * @param times the grid
 * @param values one row per {@link Observed} (ordinal), one column per grid time
 * @param platforms platform ids, in the ecosystem's order
 * @param activeByPlatform active channels per platform (row) and time
 * @param activeByRole active channels per {@link org.channelrisk.model.ChannelRole} (ordinal) and time
 * @param createdByPlatform channels created on each platform so far: the initial ones and re-creations
 * @param removedByPlatform channels removed from each platform so far
 * @param events processed events (a cost measure)
 * @param audienceUpdates binomial draws of audience re-acquisition (the other cost measure: one per
 *     channel each time its audience is brought up to date after someone found it)
 */
public record Trajectory(double[] times, double[][] values, List<String> platforms, double[][] activeByPlatform,
    double[][] activeByRole, double[][] createdByPlatform, double[][] removedByPlatform, long events, long audienceUpdates) {

  /**
   * @param o an observable
   * @return its values on the grid (the array itself, not a copy: do not modify)
   */
  public double[] values(Observed o) {
    return values[o.ordinal()];
  }

  @Override
  public String toString() {
    int last = times.length - 1;
    return String.format(Locale.ROOT, "Trajectory[%d times to %s; at the end: %.0f active, audience %.0f, %.0f removals, %.0f re-creations, %d events]",
        times.length, times[last], values[0][last], values[1][last], values[2][last], values[3][last], events);
  }
}
