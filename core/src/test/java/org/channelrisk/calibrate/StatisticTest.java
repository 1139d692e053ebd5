package org.channelrisk.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Scenario;
import org.channelrisk.sim.SimEvent;
import org.channelrisk.sim.SimEvent.Kind;
import org.channelrisk.sim.Simulation;
import org.junit.jupiter.api.Test;

/** Every statistic on runs written by hand, its value worked out in the comments. */
class StatisticTest {
  static final double[] GRID = Runs.grid(10);
  // active channels 10, 12, ..., 30 on days 0..10
  static final double[] ACTIVE = {10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30};
  // a second replicate: 0, 2, ..., 20
  static final double[] ACTIVE2 = {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20};

  static Replicates one() {
    return Replicates.of(List.of(Runs.of(GRID, Map.of(Observed.ACTIVE_CHANNELS, ACTIVE))));
  }

  static Replicates two() {
    return Replicates.of(List.of(Runs.of(GRID, Map.of(Observed.ACTIVE_CHANNELS, ACTIVE)), Runs.of(GRID, Map.of(Observed.ACTIVE_CHANNELS, ACTIVE2))));
  }

  @Test
  void replicatesAverageEveryObservable() {
    Replicates r = two();
    // mean path (10 + 0) / 2, (12 + 2) / 2, ... = 5, 7, ..., 25
    for (int t = 0; t <= 10; t++) {
      assertThat(r.mean(Observed.ACTIVE_CHANNELS)[t]).isEqualTo(5 + 2 * t);
      assertThat(r.mean(Observed.REMOVALS)[t]).isZero();
    }
    assertThat(r.runs()).hasSize(2);
    assertThat(r.trajectories()).hasSize(2);
    assertThat(r.times()).containsExactly(GRID);
    assertThatThrownBy(() -> Replicates.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void changeIsTheRelativeChangeOfWindowMeansWithClosedWindows() {
    // before [2, 4]: (14 + 16 + 18) / 3 = 16; after [6, 8]: (22 + 24 + 26) / 3 = 24; change 8 / 16 = 0.5
    assertThat(new Statistic.Change(Observed.ACTIVE_CHANNELS, 2, 4, 6, 8).compute(one())).isCloseTo(0.5, within(1e-15));
    // windows between grid times: [1.5, 4.5] holds 2, 3, 4; [5.5, 8.5] holds 6, 7, 8
    assertThat(new Statistic.Change(Observed.ACTIVE_CHANNELS, 1.5, 4.5, 5.5, 8.5).compute(one())).isCloseTo(0.5, within(1e-15));
    // single-time windows: 10 at day 0, 30 at day 10: change 2
    assertThat(new Statistic.Change(Observed.ACTIVE_CHANNELS, 0, 0, 10, 10).compute(one())).isCloseTo(2, within(1e-15));
    // the mean path of two replicates: before [0, 0] = 5, after [10, 10] = 25: change 4
    assertThat(new Statistic.Change(Observed.ACTIVE_CHANNELS, 0, 0, 10, 10).compute(two())).isCloseTo(4, within(1e-15));
    // windows of different sizes: before [2, 4] = 16 (3 times), after [6, 7] = (22 + 24) / 2 = 23: 7 / 16
    assertThat(new Statistic.Change(Observed.ACTIVE_CHANNELS, 2, 4, 6, 7).compute(one())).isCloseTo(7 / 16.0, within(1e-15));
    // a zero baseline: NaN
    Replicates zero = Replicates.of(List.of(Runs.of(GRID, Map.of(Observed.ACTIVE_CHANNELS, ACTIVE2))));
    assertThat(new Statistic.Change(Observed.ACTIVE_CHANNELS, 0, 0, 5, 6).compute(zero)).isNaN();
    // a window without grid times: NaN
    assertThat(new Statistic.Change(Observed.ACTIVE_CHANNELS, 2.2, 2.8, 5, 6).compute(one())).isNaN();
    assertThat(new Statistic.Change(Observed.ACTIVE_CHANNELS, 2, 3, 5.2, 5.8).compute(one())).isNaN();
    assertThat(new Statistic.Change(Observed.ACTIVE_CHANNELS, 2, 4, 6, 8).needsEvents()).isFalse();
    assertThat(new Statistic.Change(Observed.ACTIVE_CHANNELS, 2, 4, 6, 8).toString()).isEqualTo("change of active_channels, [2.0, 4.0] to [6.0, 8.0]");
    assertThatThrownBy(() -> new Statistic.Change(Observed.ACTIVE_CHANNELS, 4, 3, 6, 8)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Statistic.Change(Observed.ACTIVE_CHANNELS, 2, 4, 8, 6)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Statistic.Change(Observed.ACTIVE_CHANNELS, 4, 4, 6, 6).beforeTo()).isEqualTo(4);
  }

  @Test
  void valueInterpolatesLinearly() {
    assertThat(new Statistic.Value(Observed.ACTIVE_CHANNELS, 3).compute(one())).isEqualTo(16);
    // 2.25 of the way from day 2 (14) to day 3 (16): 14 + 0.25 * 2
    assertThat(new Statistic.Value(Observed.ACTIVE_CHANNELS, 2.25).compute(one())).isCloseTo(14.5, within(1e-14));
    assertThat(new Statistic.Value(Observed.ACTIVE_CHANNELS, 9.5).compute(one())).isCloseTo(29, within(1e-14));
    // outside the grid: the end values
    assertThat(new Statistic.Value(Observed.ACTIVE_CHANNELS, -1).compute(one())).isEqualTo(10);
    assertThat(new Statistic.Value(Observed.ACTIVE_CHANNELS, 11).compute(one())).isEqualTo(30);
    assertThat(new Statistic.Value(Observed.ACTIVE_CHANNELS, 0).compute(one())).isEqualTo(10);
    assertThat(new Statistic.Value(Observed.ACTIVE_CHANNELS, 10).compute(one())).isEqualTo(30);
    // an uneven grid: 0, 1, 4; value 0, 3, 9 at t = 2.5 is 3 + (1.5 / 3) * 6 = 6
    Replicates uneven = Replicates.of(List.of(Runs.of(new double[] {0, 1, 4}, Map.of(Observed.AUDIENCE, new double[] {0, 3, 9}))));
    assertThat(new Statistic.Value(Observed.AUDIENCE, 2.5).compute(uneven)).isCloseTo(6, within(1e-14));
    assertThat(new Statistic.Value(Observed.AUDIENCE, 2.5).toString()).isEqualTo("audience at 2.5");
    assertThatThrownBy(() -> new Statistic.Value(Observed.AUDIENCE, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Statistic.Value(Observed.AUDIENCE, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void seriesIsTheRootMeanSquareDifferenceSkippingMissingValues() {
    // simulated 12 (t=1), 15 (t=2.5), 30 (t=10); observed 10, NaN, 14, 33: differences 2, 1, -3
    double[] times = {1, 2, 2.5, 10};
    double[] values = {10, Double.NaN, 14, 33};
    Statistic.Series lin = new Statistic.Series(Observed.ACTIVE_CHANNELS, times, values, false);
    assertThat(lin.compute(one())).isCloseTo(Math.sqrt((4 + 1 + 9) / 3.0), within(1e-14));
    Statistic.Series log = new Statistic.Series(Observed.ACTIVE_CHANNELS, times, values, true);
    double d1 = Math.log(13) - Math.log(11);
    double d2 = Math.log(16) - Math.log(15);
    double d3 = Math.log(31) - Math.log(34);
    assertThat(log.compute(one())).isCloseTo(Math.sqrt((d1 * d1 + d2 * d2 + d3 * d3) / 3), within(1e-14));
    // copies in and out, equality by content
    times[0] = 99;
    assertThat(lin.times()[0]).isEqualTo(1);
    lin.times()[0] = 99;
    lin.values()[0] = 99;
    assertThat(lin.times()).containsExactly(1, 2, 2.5, 10);
    assertThat(lin.values()[0]).isEqualTo(10);
    Statistic.Series same = new Statistic.Series(Observed.ACTIVE_CHANNELS, new double[] {1, 2, 2.5, 10}, new double[] {10, Double.NaN, 14, 33}, false);
    assertThat(lin).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(log).isNotEqualTo("series");
    assertThat(lin).isNotEqualTo(new Statistic.Series(Observed.AUDIENCE, new double[] {1, 2, 2.5, 10}, new double[] {10, Double.NaN, 14, 33}, false));
    assertThat(lin).isNotEqualTo(new Statistic.Series(Observed.ACTIVE_CHANNELS, new double[] {1, 2, 3, 10}, new double[] {10, Double.NaN, 14, 33}, false));
    assertThat(lin).isNotEqualTo(new Statistic.Series(Observed.ACTIVE_CHANNELS, new double[] {1, 2, 2.5, 10}, new double[] {10, Double.NaN, 14, 34}, false));
    assertThat(lin.hashCode()).isNotEqualTo(log.hashCode());
    assertThat(lin.toString()).isEqualTo("series of active_channels, 4 points, linear scale");
    assertThat(log.toString()).isEqualTo("series of active_channels, 4 points, log scale");
    // log scale needs y > -1; the linear scale does not
    assertThatThrownBy(() -> new Statistic.Series(Observed.ACTIVE_CHANNELS, new double[] {1}, new double[] {-1}, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Statistic.Series(Observed.ACTIVE_CHANNELS, new double[] {1}, new double[] {-1}, false).compute(one())).isEqualTo(13);
    assertThat(new Statistic.Series(Observed.ACTIVE_CHANNELS, new double[] {1, 2}, new double[] {-0.5, Double.NaN}, true).compute(one()))
        .isCloseTo(Math.log(13) - Math.log(0.5), within(1e-14));
    assertThatThrownBy(() -> new Statistic.Series(Observed.ACTIVE_CHANNELS, new double[] {1, 2}, new double[] {1}, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Statistic.Series(Observed.ACTIVE_CHANNELS, new double[] {1}, new double[] {Double.NaN}, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Statistic.Series(Observed.ACTIVE_CHANNELS, new double[] {Double.NaN}, new double[] {1}, false))
        .isInstanceOf(IllegalArgumentException.class);
    // only NaN marks a missing value: an infinity is refused on either scale
    assertThatThrownBy(() -> new Statistic.Series(Observed.ACTIVE_CHANNELS, new double[] {1, 2}, new double[] {1, Double.POSITIVE_INFINITY}, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("series value 1 must be finite or NaN (missing): Infinity");
    assertThatThrownBy(() -> new Statistic.Series(Observed.ACTIVE_CHANNELS, new double[] {1, 2}, new double[] {1, Double.NEGATIVE_INFINITY}, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-Infinity");
    assertThatThrownBy(() -> new Statistic.Series(Observed.ACTIVE_CHANNELS, null, new double[] {1}, false))
        .isInstanceOf(NullPointerException.class).hasMessage("times");
  }

  static SimEvent ev(double t, Kind kind, String channel, String platform) {
    return new SimEvent(t, kind, channel, 1, platform, "");
  }

  /**
   * Channels re-created on platform a in [1, 5]: c1 at 1 removed at 3 (lifetime 2), c2 at 2 abandoned
   * at 6 (4), c3 at 4 alive at the horizon 10 (censored 6), c4 at 5 departed at 8 (3), c9 at 3 removed
   * at 4 (1). Excluded: c5 (created at 0.5), c6 (5.5), and on platform b c7 at 2 (censored 8) and c10
   * at 3 removed at 3.5 (0.5). Noise: a removal of an original channel, a migration and a referral.
   */
  static List<SimEvent> events() {
    List<SimEvent> e = new ArrayList<>();
    e.add(new SimEvent(0.2, Kind.REMOVAL, "c8", 0, "a", ""));
    e.add(ev(0.5, Kind.RECREATION, "c5", "a"));
    e.add(ev(1, Kind.RECREATION, "c1", "a"));
    e.add(ev(1.5, Kind.REMOVAL, "c5", "a"));
    e.add(ev(2, Kind.RECREATION, "c2", "a"));
    e.add(ev(2, Kind.RECREATION, "c7", "b"));
    e.add(ev(2.5, Kind.REFERRAL, "c2", "a"));
    e.add(ev(3, Kind.REMOVAL, "c1", "a"));
    e.add(ev(3, Kind.RECREATION, "c9", "a"));
    e.add(ev(3, Kind.RECREATION, "c10", "b"));
    e.add(ev(3.5, Kind.REMOVAL, "c10", "b"));
    e.add(ev(4, Kind.RECREATION, "c3", "a"));
    e.add(ev(4, Kind.REMOVAL, "c9", "a"));
    e.add(ev(4.5, Kind.MIGRATION, "c3", "a"));
    e.add(ev(5, Kind.RECREATION, "c4", "a"));
    e.add(ev(5.5, Kind.RECREATION, "c6", "a"));
    e.add(ev(6, Kind.ABANDONMENT, "c2", "a"));
    e.add(ev(8, Kind.DEPARTURE, "c4", "a"));
    return e;
  }

  static Replicates withEvents(List<SimEvent> events) {
    return Replicates.of(List.of(Runs.of(GRID, Map.of(), new double[2][GRID.length], events)));
  }

  @Test
  void lifetimesAreKaplanMeierOfTheChannelsCreatedInTheWindow() {
    Replicates r = withEvents(events());
    // platform a: 1, 2, 3, 4 and 6+ ; S = 4/5, 3/5, 2/5, 1/5: the median is 3 (first S <= 0.5)
    assertThat(Statistic.Lifetimes.median(1, 5, "a").compute(r)).isEqualTo(3);
    // restricted mean to tau = 10 - 1 = 9: 1 * 1 + 0.8 * 1 + 0.6 * 1 + 0.4 * 1 + 0.2 * (9 - 4) = 3.8
    assertThat(Statistic.Lifetimes.mean(1, 5, "a").compute(r)).isCloseTo(3.8, within(1e-12));
    // all platforms adds 0.5 and 8+: n = 7, S = 6/7, 5/7, 4/7, 3/7 (at 3: the median), 2/7;
    // mean 0.5 + 0.5 * 6/7 + 5/7 + 4/7 + 3/7 + 5 * 2/7 = 0.5 + 25 / 7
    assertThat(Statistic.Lifetimes.median(1, 5, "").compute(r)).isEqualTo(3);
    assertThat(Statistic.Lifetimes.mean(1, 5, "").compute(r)).isCloseTo(0.5 + 25 / 7.0, within(1e-12));
    // a window [2, 3] on a: c2 (4), c9 (1): S = 1/2 at 1, 0 at 4; restricted mean to 8: 1 + 0.5 * 3 = 2.5
    assertThat(Statistic.Lifetimes.mean(2, 3, "a").compute(r)).isCloseTo(2.5, within(1e-12));
    // a restriction time inside the data: window [4, 5] on a: c3 censored at 6, c4 3: tau 6,
    // S = 1/2 after 3: 3 + 0.5 * 3 = 4.5 (the censored time 6 is at tau)
    assertThat(Statistic.Lifetimes.mean(4, 5, "a").compute(r)).isCloseTo(3 + 0.5 * 3, within(1e-12));
    // only a censored channel: the median is not reached
    assertThat(Statistic.Lifetimes.median(4, 4, "a").compute(r)).isNaN();
    // tau = 6 for the window from 4, so the censored lifetime 6 alone gives the area 6
    assertThat(Statistic.Lifetimes.mean(4, 4, "a").compute(r)).isCloseTo(6, within(1e-12));
    // no channel created: NaN
    assertThat(Statistic.Lifetimes.mean(6, 9, "").compute(r)).isNaN();
    assertThat(Statistic.Lifetimes.median(1, 5, "c").compute(r)).isNaN();
  }

  @Test
  void aChannelCensoredBeforeAnotherEndsLeavesTheRiskSet() {
    // window [1, 5] on a: c12 at 1.2 removed at 9.8 (8.6), c2 at 2 abandoned at 6 (4), c9 at 3 removed at
    // 4 (1), c3 at 4 alive at 10 (censored 6). S = 3/4 after 1, 1/2 after 4; at 8.6 only c12 is at risk
    // (c3 left at 6): S = 0. Restricted mean to 9: 1 + 0.75 * 3 + 0.5 * 4.6 = 5.55
    List<SimEvent> e = List.of(ev(1.2, Kind.RECREATION, "c12", "a"), ev(2, Kind.RECREATION, "c2", "a"), ev(3, Kind.RECREATION, "c9", "a"),
        ev(4, Kind.RECREATION, "c3", "a"), ev(4, Kind.REMOVAL, "c9", "a"), ev(6, Kind.ABANDONMENT, "c2", "a"),
        ev(9.8, Kind.REMOVAL, "c12", "a"));
    assertThat(Statistic.Lifetimes.mean(1, 5, "a").compute(withEvents(e))).isCloseTo(5.55, within(1e-12));
  }

  @Test
  void lifetimesPoolTheReplicates() {
    Simulation.Run run = Runs.of(GRID, Map.of(), new double[2][GRID.length], events());
    Replicates twice = Replicates.of(List.of(run, run));
    // the same data twice: the same Kaplan-Meier curve
    assertThat(Statistic.Lifetimes.mean(1, 5, "a").compute(twice)).isCloseTo(3.8, within(1e-12));
    Statistic.Lifetimes l = Statistic.Lifetimes.mean(1, 5, "a");
    assertThat(l.needsEvents()).isTrue();
    assertThat(l.mean()).isTrue();
    assertThat(Statistic.Lifetimes.median(1, 5, "a").mean()).isFalse();
    assertThat(l.toString()).isEqualTo("mean lifetime of channels created in [1.0, 5.0] on a");
    assertThat(Statistic.Lifetimes.median(1, 5, "").toString()).isEqualTo("median lifetime of channels created in [1.0, 5.0]");
    assertThat(Statistic.Lifetimes.median(5, 5, "").from()).isEqualTo(5);
    assertThatThrownBy(() -> Statistic.Lifetimes.mean(5, 4, "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countIsTheIncreaseOfChannelsCreatedOverTheWindowAveragedOverReplicates() {
    double[] recreations = {0, 0, 1, 3, 3, 4, 6, 6, 6, 7, 7};
    double[][] created = {{10, 10, 11, 12, 12, 12, 13, 13, 13, 13, 13}, {5, 5, 5, 6, 6, 7, 8, 8, 8, 9, 9}};
    Simulation.Run a = Runs.of(GRID, Map.of(Observed.RECREATIONS, recreations), created, List.of());
    // (2, 6]: 6 - 1 = 5 re-creations; on a 13 - 11 = 2; on b 8 - 5 = 3
    assertThat(new Statistic.Count(2, 6, "").compute(Replicates.of(List.of(a)))).isEqualTo(5);
    assertThat(new Statistic.Count(2, 6, "a").compute(Replicates.of(List.of(a)))).isEqualTo(2);
    assertThat(new Statistic.Count(2, 6, "b").compute(Replicates.of(List.of(a)))).isEqualTo(3);
    // between grid times: (2.5, 5.5]: 5 - 2 = 3 (interpolated 2 at 2.5, 5 at 5.5)
    assertThat(new Statistic.Count(2.5, 5.5, "").compute(Replicates.of(List.of(a)))).isCloseTo(3, within(1e-14));
    // a second replicate with no re-creation: the mean (5 + 0) / 2
    Simulation.Run none = Runs.of(GRID, Map.of(), new double[2][GRID.length], List.of());
    assertThat(new Statistic.Count(2, 6, "").compute(Replicates.of(List.of(a, none)))).isEqualTo(2.5);
    assertThat(new Statistic.Count(2, 6, "b").needsEvents()).isFalse();
    assertThat(new Statistic.Count(2, 6, "b").toString()).isEqualTo("channels created in (2.0, 6.0] on b");
    assertThat(new Statistic.Count(2, 6, "").toString()).isEqualTo("channels created in (2.0, 6.0]");
    assertThat(new Statistic.Count(2, 2, "").to()).isEqualTo(2);
    assertThatThrownBy(() -> new Statistic.Count(3, 2, "")).isInstanceOf(IllegalArgumentException.class);
  }

  /** Three channels on platform "p", horizon 10, grid step 1. */
  static Scenario scenario() {
    return Scenarios.referrals(3, 0.5, 0, 10);
  }

  @Test
  void checksNameWhatDoesNotFitTheScenario() {
    Scenario s = scenario();
    // the ends of the horizon are inside it
    new Statistic.Value(Observed.ACTIVE_CHANNELS, 0).check(s);
    new Statistic.Value(Observed.ACTIVE_CHANNELS, 10).check(s);
    assertThatThrownBy(() -> new Statistic.Value(Observed.ACTIVE_CHANNELS, -0.5).check(s)).hasMessageContaining("at -0.5 is outside");
    assertThatThrownBy(() -> new Statistic.Value(Observed.ACTIVE_CHANNELS, 10.5).check(s)).hasMessageContaining("horizon");
    new Statistic.Change(Observed.ACTIVE_CHANNELS, 0, 0, 10, 10).check(s);
    assertThatThrownBy(() -> new Statistic.Change(Observed.ACTIVE_CHANNELS, 2.2, 2.8, 5, 6).check(s)).hasMessageContaining("before window");
    assertThatThrownBy(() -> new Statistic.Change(Observed.ACTIVE_CHANNELS, 2, 3, 5.2, 5.8).check(s)).hasMessageContaining("after window");
    assertThatThrownBy(() -> new Statistic.Change(Observed.ACTIVE_CHANNELS, 2, 11, 5, 6).check(s)).hasMessageContaining("before window end");
    assertThatThrownBy(() -> new Statistic.Change(Observed.ACTIVE_CHANNELS, 2, 3, -1, 6).check(s)).hasMessageContaining("after window start");
    new Statistic.Series(Observed.ACTIVE_CHANNELS, new double[] {0, 10}, new double[] {1, 1}, false).check(s);
    assertThatThrownBy(() -> new Statistic.Series(Observed.ACTIVE_CHANNELS, new double[] {0, 11}, new double[] {1, 1}, false).check(s))
        .hasMessageContaining("series time 11");
    Statistic.Lifetimes.mean(0, 20, "p").check(s);
    Statistic.Lifetimes.mean(10, 20, "").check(s);
    assertThatThrownBy(() -> Statistic.Lifetimes.mean(11, 20, "").check(s)).hasMessageContaining("lifetimes from");
    assertThatThrownBy(() -> Statistic.Lifetimes.mean(0, 20, "q").check(s)).hasMessageContaining("unknown platform 'q'");
    new Statistic.Count(0, 10, "p").check(s);
    assertThatThrownBy(() -> new Statistic.Count(-1, 10, "").check(s)).hasMessageContaining("count from");
    assertThatThrownBy(() -> new Statistic.Count(0, 11, "").check(s)).hasMessageContaining("count to");
    assertThatThrownBy(() -> new Statistic.Count(0, 10, "q").check(s)).hasMessageContaining("unknown platform");
  }

  @Test
  void targetsStandardizeByTheirScale() {
    Statistic v = new Statistic.Value(Observed.ACTIVE_CHANNELS, 3);
    Target t = new Target(v, 100, 20);
    assertThat(t.standardized(130)).isEqualTo(1.5);
    assertThat(t.standardized(Double.NaN)).isNaN();
    // the default scale is |observed|
    Target rel = Target.of(v, -0.5);
    assertThat(rel.scale()).isEqualTo(0.5);
    assertThat(rel.standardized(-0.25)).isEqualTo(0.5);
    Statistic.Series series = new Statistic.Series(Observed.ACTIVE_CHANNELS, new double[] {1}, new double[] {1}, false);
    assertThat(Target.of(series, 0).scale()).isEqualTo(1);
    assertThat(Target.of(series, 0).observed()).isZero();
    assertThatThrownBy(() -> Target.of(v, 0)).hasMessageContaining("explicit scale");
    assertThatThrownBy(() -> Target.of(series, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Target(v, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Target(v, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Target(v, 1, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Target(v, 0, Double.MIN_VALUE).scale()).isEqualTo(Double.MIN_VALUE);
    assertThat(t.toString()).isEqualTo("active_channels at 3.0 = 100.0 (scale 20.0)");
  }
}
