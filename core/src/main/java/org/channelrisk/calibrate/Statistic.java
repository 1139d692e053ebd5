package org.channelrisk.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Scenario;
import org.channelrisk.sim.SimEvent;
import org.channelrisk.sim.Simulation;
import org.channelrisk.sim.Trajectory;
import org.channelrisk.survival.KaplanMeier;
import org.channelrisk.survival.SurvivalCurve;
import org.channelrisk.survival.SurvivalData;

/**
 * A summary statistic of a particle's runs ({@link Replicates}): what a calibration compares with an
 * observed value. Five kinds a user combines:
 *
 * <ul>
 *   <li>{@link Change}: relative change of an observable's mean between two time windows, e.g. organic
 *       posts in the 30 days after an action day against the 30 days before;
 *   <li>{@link Value}: an observable at a time (linear interpolation between grid times);
 *   <li>{@link Series}: root mean square distance between the simulated mean path and an observed
 *       series, on a log(1 + y) or linear scale (its observed value is 0);
 *   <li>{@link Lifetimes}: median or mean lifetime of channels (re-)created in a window, Kaplan-Meier
 *       from the event log, with channels still alive at the horizon censored;
 *   <li>{@link Count}: channels created in a window.
 * </ul>
 *
 * <pre>{@code
 * Statistic drop = new Statistic.Change(Observed.ACTIVE_CHANNELS, 20, 50, 51, 81);
 * Statistic after100 = new Statistic.Value(Observed.ACTIVE_CHANNELS, 100);
 * Statistic life = Statistic.Lifetimes.mean(51, 365, "telegram");
 * }</pre>
 *
 * <p>Statistics of the trajectory read the mean path over the particle's replicates; lifetimes pool
 * the replicates' channels in one Kaplan-Meier curve. A statistic that cannot be computed (no channel
 * created, a zero baseline) is NaN, which the calibration treats as an infinite distance. Values are
 * serializable so that a distributed engine can compute them where the runs are.
 */
public sealed interface Statistic extends Serializable
    permits Statistic.Change, Statistic.Value, Statistic.Series, Statistic.Lifetimes, Statistic.Count {

  /**
   * @param runs a particle's runs
   * @return the statistic (NaN if it cannot be computed)
   */
  double compute(Replicates runs);

  /** @return whether the runs must record their event log */
  default boolean needsEvents() {
    return false;
  }

  /**
   * Checks the statistic against a scenario before any simulation (times within the horizon, windows
   * holding grid times, platforms known).
   *
   * @param scenario the scenario (one of the calibration's)
   * @throws IllegalArgumentException saying what does not fit
   */
  void check(Scenario scenario);

  /**
   * The relative change (mean after - mean before) / mean before of an observable's mean path, each
   * mean taken over the grid times in a closed window.
   *
   * @param observable the observable
   * @param beforeFrom first time of the window before
   * @param beforeTo last time of the window before
   * @param afterFrom first time of the window after
   * @param afterTo last time of the window after
   */
  record Change(Observed observable, double beforeFrom, double beforeTo, double afterFrom, double afterTo) implements Statistic {
    /** Validates the windows. */
    public Change {
      Objects.requireNonNull(observable, "observable");
      checkArgument(beforeFrom <= beforeTo && afterFrom <= afterTo, "windows must be [from, to] with from <= to: before [%s, %s], after [%s, %s]",
          beforeFrom, beforeTo, afterFrom, afterTo);
    }

    @Override
    public double compute(Replicates runs) {
      double before = windowMean(runs.times(), runs.mean(observable), beforeFrom, beforeTo);
      double after = windowMean(runs.times(), runs.mean(observable), afterFrom, afterTo);
      return before == 0 ? Double.NaN : (after - before) / before;
    }

    @Override
    public void check(Scenario scenario) {
      checkWindow(scenario, "before", beforeFrom, beforeTo);
      checkWindow(scenario, "after", afterFrom, afterTo);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "change of %s, [%s, %s] to [%s, %s]", observable.key(), beforeFrom, beforeTo, afterFrom, afterTo);
    }
  }

  /**
   * An observable's mean path at a time, interpolated linearly between grid times.
   *
   * @param observable the observable
   * @param at the time, within the horizon
   */
  record Value(Observed observable, double at) implements Statistic {
    /** Validates the fields. */
    public Value {
      Objects.requireNonNull(observable, "observable");
      checkArgument(Double.isFinite(at), "time must be finite: %s", at);
    }

    @Override
    public double compute(Replicates runs) {
      return interpolate(runs.times(), runs.mean(observable), at);
    }

    @Override
    public void check(Scenario scenario) {
      checkTime(scenario, "at", at);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s at %s", observable.key(), at);
    }
  }

  /**
   * The root mean square difference between the simulated mean path (interpolated at the observed
   * times) and an observed series; on the log scale, of log(1 + y). Missing observed values (NaN) are
   * skipped. Its observed value is 0: a target on it reads "as close as possible".
   *
   * @param observable the observable
   * @param times observed times, within the horizon
   * @param values observed values, finite or NaN (missing)
   * @param logScale whether to compare log(1 + y)
   */
  record Series(Observed observable, double[] times, double[] values, boolean logScale) implements Statistic {
    /** Validates and copies the series. */
    public Series {
      Objects.requireNonNull(observable, "observable");
      Objects.requireNonNull(times, "times");
      Objects.requireNonNull(values, "values");
      checkArgument(times.length == values.length, "series has %s times but %s values", times.length, values.length);
      checkArgument(Arrays.stream(values).anyMatch(Double::isFinite), "series has no observed value");
      for (int i = 0; i < times.length; i++) {
        checkArgument(Double.isFinite(times[i]), "series time %s must be finite: %s", i, (Object) times[i]);
        // NaN marks a missing value; an infinity is no observation and would make the distance infinite
        checkArgument(!Double.isInfinite(values[i]), "series value %s must be finite or NaN (missing): %s", i, (Object) values[i]);
        checkArgument(Double.isNaN(values[i]) || !logScale || values[i] > -1, "series value %s must be > -1 on the log scale: %s", i,
            (Object) values[i]);
      }
      times = times.clone();
      values = values.clone();
    }

    @Override
    public double[] times() {
      return times.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    @Override
    public double compute(Replicates runs) {
      double sum = 0;
      int n = 0;
      double[] mean = runs.mean(observable);
      for (int i = 0; i < times.length; i++) {
        if (Double.isNaN(values[i])) {
          continue;
        }
        double sim = interpolate(runs.times(), mean, times[i]);
        double d = logScale ? Math.log1p(sim) - Math.log1p(values[i]) : sim - values[i];
        sum += d * d;
        n++;
      }
      return Math.sqrt(sum / n);
    }

    @Override
    public void check(Scenario scenario) {
      for (double t : times) {
        checkTime(scenario, "series time", t);
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Series s && s.observable == observable && s.logScale == logScale && Arrays.equals(s.times, times)
          && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
      return Objects.hash(observable, logScale, Arrays.hashCode(times), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "series of %s, %d points, %s scale", observable.key(), times.length, logScale ? "log" : "linear");
    }
  }

  /**
   * Median or mean lifetime of the channels (re-)created in a window, optionally on one platform:
   * Kaplan-Meier over the replicates' event logs, a channel still alive at the horizon censored there;
   * an incarnation ends when its platform removes it or its operator abandons or moves it.
   * The mean is the restricted mean, the area under the curve up to horizon - from (the longest
   * follow-up possible), so it is finite with censoring; a median that is not reached is NaN.
   *
   * @param from channels created at or after this time
   * @param to and at or before this time
   * @param platform a platform id, or empty for all
   * @param mean the (restricted) mean if true, the median if false
   */
  record Lifetimes(double from, double to, String platform, boolean mean) implements Statistic {
    /** Validates the window. */
    public Lifetimes {
      Objects.requireNonNull(platform, "platform");
      checkArgument(from <= to, "lifetimes window needs from <= to: [%s, %s]", from, to);
    }

    /**
     * @param from start of the creation window
     * @param to end of the creation window
     * @param platform a platform id, or empty for all
     * @return the restricted mean lifetime statistic
     */
    public static Lifetimes mean(double from, double to, String platform) {
      return new Lifetimes(from, to, platform, true);
    }

    /**
     * @param from start of the creation window
     * @param to end of the creation window
     * @param platform a platform id, or empty for all
     * @return the median lifetime statistic
     */
    public static Lifetimes median(double from, double to, String platform) {
      return new Lifetimes(from, to, platform, false);
    }

    @Override
    public boolean needsEvents() {
      return true;
    }

    @Override
    public double compute(Replicates runs) {
      List<Double> time = new ArrayList<>();
      List<Boolean> event = new ArrayList<>();
      double horizon = 0;
      for (Simulation.Run run : runs.runs()) {
        double[] grid = run.trajectory().times();
        horizon = grid[grid.length - 1];
        Map<String, Double> born = new HashMap<>();
        for (SimEvent e : run.events()) {
          String key = e.channelId() + "#" + e.generation();
          if (e.kind() == SimEvent.Kind.RECREATION) {
            if (e.time() >= from && e.time() <= to && (platform.isEmpty() || platform.equals(e.platformId()))) {
              born.put(key, e.time());
            }
          } else if (e.kind() == SimEvent.Kind.REMOVAL || e.kind() == SimEvent.Kind.ABANDONMENT || e.kind() == SimEvent.Kind.DEPARTURE) {
            Double b = born.remove(key);
            if (b != null) {
              time.add(e.time() - b);
              event.add(true);
            }
          }
        }
        // still alive: censored at the horizon, in a fixed order (the event order of creation)
        List<Map.Entry<String, Double>> alive = new ArrayList<>(born.entrySet());
        alive.sort(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Double> e : alive) {
          time.add(horizon - e.getValue());
          event.add(false);
        }
      }
      if (time.isEmpty()) {
        return Double.NaN;
      }
      double[] t = new double[time.size()];
      boolean[] ev = new boolean[time.size()];
      for (int i = 0; i < t.length; i++) {
        t[i] = time.get(i);
        ev[i] = event.get(i);
      }
      SurvivalCurve km = KaplanMeier.estimate(SurvivalData.of(t, ev)).pooled();
      return mean ? area(km, horizon - from) : km.median().value();
    }

    /** The area under a Kaplan-Meier step function from 0 to tau. */
    private static double area(SurvivalCurve km, double tau) {
      double area = 0;
      double last = 0;
      double s = 1;
      for (int i = 0; i < km.size() && km.time(i) < tau; i++) {
        area += s * (km.time(i) - last);
        last = km.time(i);
        s = km.survival(i);
      }
      return area + s * (tau - last);
    }

    @Override
    public void check(Scenario scenario) {
      checkTime(scenario, "lifetimes from", from);
      checkPlatform(scenario, platform);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s lifetime of channels created in [%s, %s]%s", mean ? "mean" : "median", from, to,
          platform.isEmpty() ? "" : " on " + platform);
    }
  }

  /**
   * Channels created in the window (from, to]: re-creations, on one platform (the trajectory's
   * channels created there) or on all; the mean over replicates, interpolated between grid times.
   *
   * @param from start of the window
   * @param to end of the window
   * @param platform a platform id, or empty for all
   */
  record Count(double from, double to, String platform) implements Statistic {
    /** Validates the window. */
    public Count {
      Objects.requireNonNull(platform, "platform");
      checkArgument(from <= to, "count window needs from <= to: [%s, %s]", from, to);
    }

    @Override
    public double compute(Replicates runs) {
      double sum = 0;
      for (Trajectory tr : runs.trajectories()) {
        double[] created;
        if (platform.isEmpty()) {
          created = tr.values(Observed.RECREATIONS);
        } else {
          int p = tr.platforms().indexOf(platform);
          created = tr.createdByPlatform()[p];
        }
        sum += interpolate(tr.times(), created, to) - interpolate(tr.times(), created, from);
      }
      return sum / runs.runs().size();
    }

    @Override
    public void check(Scenario scenario) {
      checkTime(scenario, "count from", from);
      checkTime(scenario, "count to", to);
      checkPlatform(scenario, platform);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "channels created in (%s, %s]%s", from, to, platform.isEmpty() ? "" : " on " + platform);
    }
  }

  private static void checkTime(Scenario s, String what, double t) {
    checkArgument(t >= 0 && t <= s.horizon(), "%s %s is outside the scenario's horizon [0, %s]", what, t, s.horizon());
  }

  private static void checkWindow(Scenario s, String what, double from, double to) {
    checkTime(s, what + " window start", from);
    checkTime(s, what + " window end", to);
    boolean any = Arrays.stream(s.grid()).anyMatch(t -> t >= from && t <= to);
    checkArgument(any, "%s window [%s, %s] holds no grid time (grid step %s)", what, from, to, s.gridStep());
  }

  private static void checkPlatform(Scenario s, String platform) {
    checkArgument(platform.isEmpty() || s.ecosystem().platforms().containsKey(platform), "unknown platform '%s'; the platforms are %s",
        platform, s.ecosystem().platforms().keySet());
  }

  private static double windowMean(double[] times, double[] values, double from, double to) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < times.length; i++) {
      if (times[i] >= from && times[i] <= to) {
        sum += values[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Linear interpolation on an increasing grid; t within the grid. */
  private static double interpolate(double[] times, double[] values, double t) {
    int hi = Arrays.binarySearch(times, t);
    if (hi >= 0) {
      return values[hi];
    }
    hi = -hi - 1;
    if (hi <= 0) {
      return values[0];
    }
    if (hi >= times.length) {
      return values[times.length - 1];
    }
    double w = (t - times[hi - 1]) / (times[hi] - times[hi - 1]);
    return values[hi - 1] + w * (values[hi] - values[hi - 1]);
  }
}
