package org.channelrisk.model;

import org.channelrisk.internal.Checks;
import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A platform's cooperation over time: an initial profile and changes at given days. Platforms change
 * policy (Telegram in 2017 "does not cooperate"; in 2019 Europol "praised" it), and a scenario must be
 * able to say so.
 *
 * <pre>{@code
 * CooperationSchedule telegram = CooperationSchedule.startingWith(Cooperation.none())
 *     .from(730.0, Cooperation.of(0.9, LatencyDistribution.exponentialHours(6)))
 *     .build();
 * telegram.at(800.0).compliance();   // 0.9
 * }</pre>
 *
 * <p>Lookup is a binary search over the change days: O(log m) for m changes.
 */
public final class CooperationSchedule {
  private final double[] fromDays;
  private final ImmutableList<Cooperation> profiles;

  private CooperationSchedule(double[] fromDays, ImmutableList<Cooperation> profiles) {
    this.fromDays = fromDays;
    this.profiles = profiles;
  }

  /**
   * The same profile at all times.
   *
   * @param profile the profile
   * @return the schedule
   */
  public static CooperationSchedule constant(Cooperation profile) {
    return new CooperationSchedule(
        new double[] {Double.NEGATIVE_INFINITY}, ImmutableList.of(Checks.notNull("profile", profile)));
  }

  /**
   * Starts a schedule with the profile in force before the first change.
   *
   * @param initial the profile before any change
   * @return a builder
   */
  public static Builder startingWith(Cooperation initial) {
    return new Builder(Checks.notNull("initial", initial));
  }

  /**
   * The profile in force at a time.
   *
   * @param day a time in days
   * @return the profile whose change day is the largest one &lt;= {@code day}
   */
  public Cooperation at(double day) {
    int i = Arrays.binarySearch(fromDays, day);
    if (i < 0) {
      i = -i - 2; // insertion point - 1: the last change before day
    }
    return profiles.get(Math.max(i, 0));
  }

  /**
   * The profile in force before any change.
   *
   * @return the initial profile
   */
  public Cooperation initial() {
    return profiles.get(0);
  }

  /**
   * The days at which the profile changes (excluding the initial one), ascending.
   *
   * @return change days
   */
  public List<Double> changeDays() {
    ImmutableList.Builder<Double> b = ImmutableList.builder();
    for (int i = 1; i < fromDays.length; i++) {
      b.add(fromDays[i]);
    }
    return b.build();
  }

  /**
   * All profiles in time order, the initial first.
   *
   * @return profiles
   */
  public List<Cooperation> profiles() {
    return profiles;
  }

  /**
   * Whether the profile never changes.
   *
   * @return true for a constant schedule
   */
  public boolean isConstant() {
    return profiles.size() == 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CooperationSchedule other
        && Arrays.equals(fromDays, other.fromDays)
        && profiles.equals(other.profiles);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(fromDays) + profiles.hashCode();
  }

  @Override
  public String toString() {
    if (isConstant()) {
      return profiles.get(0).toString();
    }
    StringBuilder sb = new StringBuilder("CooperationSchedule[").append(profiles.get(0));
    for (int i = 1; i < fromDays.length; i++) {
      sb.append(String.format(Locale.ROOT, "; from day %s: ", fromDays[i])).append(profiles.get(i));
    }
    return sb.append(']').toString();
  }

  /** Builder of a schedule; change days must strictly increase. */
  public static final class Builder {
    private final ImmutableList.Builder<Cooperation> profiles = ImmutableList.builder();
    private double[] days = {Double.NEGATIVE_INFINITY};

    private Builder(Cooperation initial) {
      profiles.add(initial);
    }

    /**
     * Adds a change.
     *
     * @param day the day from which {@code profile} holds; finite and after the previous change
     * @param profile the new profile
     * @return this builder
     * @throws IllegalArgumentException if {@code day} is not finite or not after the previous change
     */
    public Builder from(double day, Cooperation profile) {
      Checks.finite("day", day);
      Checks.notNull("profile", profile);
      double last = days[days.length - 1];
      if (!(day > last)) {
        throw new IllegalArgumentException(
            "change days must strictly increase: day " + day + " is not after " + last);
      }
      days = Arrays.copyOf(days, days.length + 1);
      days[days.length - 1] = day;
      profiles.add(profile);
      return this;
    }

    /**
     * @return the schedule
     */
    public CooperationSchedule build() {
      return new CooperationSchedule(days.clone(), profiles.build());
    }
  }
}
