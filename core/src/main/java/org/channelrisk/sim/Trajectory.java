package org.channelrisk.sim;

import java.util.Arrays;
import java.util.List;
import org.channelrisk.internal.Copies;
import java.util.Locale;

/**
 * The observables of one run on the scenario's grid, plus active channels per platform and per role.
 *
 * <pre>{@code
 * Trajectory tr = Simulation.of(scenario).seed(42).run().trajectory();
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
  /** Copies the arrays and the list, so that a trajectory cannot change once made. */
  public Trajectory {
    times = times.clone();
    values = Copies.deep(values);
    platforms = List.copyOf(platforms);
    activeByPlatform = Copies.deep(activeByPlatform);
    activeByRole = Copies.deep(activeByRole);
    createdByPlatform = Copies.deep(createdByPlatform);
    removedByPlatform = Copies.deep(removedByPlatform);
  }

  /** @return a copy of the observation times */
  @Override
  public double[] times() {
    return times.clone();
  }

  /** @return a copy of the values, [observable ordinal][time] */
  @Override
  public double[][] values() {
    return Copies.deep(values);
  }

  /** @return a copy of the active channels, [platform index][time] */
  @Override
  public double[][] activeByPlatform() {
    return Copies.deep(activeByPlatform);
  }

  /** @return a copy of the active channels, [role ordinal][time] */
  @Override
  public double[][] activeByRole() {
    return Copies.deep(activeByRole);
  }

  /** @return a copy of the channels created, cumulative, [platform index][time] */
  @Override
  public double[][] createdByPlatform() {
    return Copies.deep(createdByPlatform);
  }

  /** @return a copy of the removals, cumulative, [platform index][time] */
  @Override
  public double[][] removedByPlatform() {
    return Copies.deep(removedByPlatform);
  }

  /** Equal when every component is equal, arrays by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Trajectory t && Arrays.equals(times, t.times) && Arrays.deepEquals(values, t.values)
        && platforms.equals(t.platforms) && Arrays.deepEquals(activeByPlatform, t.activeByPlatform)
        && Arrays.deepEquals(activeByRole, t.activeByRole) && Arrays.deepEquals(createdByPlatform, t.createdByPlatform)
        && Arrays.deepEquals(removedByPlatform, t.removedByPlatform) && events == t.events && audienceUpdates == t.audienceUpdates;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(times) * 31 + Arrays.deepHashCode(values);
  }

  /**
   * @param o an observable
   * @return a copy of its values at the grid times
   */
  public double[] values(Observed o) {
    return values[o.ordinal()].clone();
  }

  /**
   * @param o an observable
   * @param t a grid index
   * @return its value at grid time t
   */
  public double value(Observed o, int t) {
    return values[o.ordinal()][t];
  }

  @Override
  public String toString() {
    int last = times.length - 1;
    return String.format(Locale.ROOT, "Trajectory[%d times to %s; at the end: %.0f active, audience %.0f, %.0f removals, %.0f re-creations, %d events]",
        times.length, times[last], values[0][last], values[1][last], values[2][last], values[3][last], events);
  }
}
