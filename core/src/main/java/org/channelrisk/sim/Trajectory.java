package org.channelrisk.sim;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Copies;
import org.channelrisk.model.ChannelRole;

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
   * Checks the shapes, so that every accessor and {@link #toString} can read what it promises, and
   * copies the arrays and the list, so that a trajectory cannot change once made.
   *
   * @throws IllegalArgumentException if the grid is empty or not strictly increasing, a matrix has
   *     not one row per observable, platform or role, a row is not as long as the grid, or a count is
   *     negative
   */
  public Trajectory {
    Checks.notNull("times", times);
    Checks.notNull("platforms", platforms);
    if (times.length == 0) {
      throw new IllegalArgumentException("a trajectory needs at least one grid time");
    }
    for (int i = 0; i < times.length; i++) {
      Checks.finite("grid time " + i, times[i]);
      if (i > 0 && !(times[i] > times[i - 1])) {
        throw new IllegalArgumentException("grid times must strictly increase: " + times[i] + " at index " + i + " follows " + times[i - 1]);
      }
    }
    checkShape("values", values, Observed.values().length, "observable", times.length);
    checkShape("activeByPlatform", activeByPlatform, platforms.size(), "platform", times.length);
    checkShape("activeByRole", activeByRole, ChannelRole.values().length, "role", times.length);
    checkShape("createdByPlatform", createdByPlatform, platforms.size(), "platform", times.length);
    checkShape("removedByPlatform", removedByPlatform, platforms.size(), "platform", times.length);
    Checks.nonNegative("events", events);
    Checks.nonNegative("audienceUpdates", audienceUpdates);
    times = times.clone();
    values = Copies.deep(values);
    platforms = List.copyOf(platforms);
    activeByPlatform = Copies.deep(activeByPlatform);
    activeByRole = Copies.deep(activeByRole);
    createdByPlatform = Copies.deep(createdByPlatform);
    removedByPlatform = Copies.deep(removedByPlatform);
  }

  /** A matrix with one row per observable, platform or role, each row as long as the grid. */
  private static void checkShape(String name, double[][] m, int rows, String per, int columns) {
    Checks.notNull(name, m);
    if (m.length != rows) {
      throw new IllegalArgumentException(name + " must have one row per " + per + " (" + rows + "), found " + m.length);
    }
    for (int r = 0; r < rows; r++) {
      Checks.notNull(name + " row " + r, m[r]);
      if (m[r].length != columns) {
        throw new IllegalArgumentException(name + " row " + r + " has " + m[r].length + " values for " + columns + " grid times");
      }
    }
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
