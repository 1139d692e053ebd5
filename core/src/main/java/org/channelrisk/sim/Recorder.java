package org.channelrisk.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.channelrisk.model.ChannelRole;

/**
 * What a run counts and writes down: the running counts (active channels by platform and role,
 * created and removed by platform, the cumulative counters), the observables on the grid, the posts
 * (a Poisson count per grid step from the channel-days of each role, drawn from the run's posts
 * stream), and, when the scenario keeps its event log, the log and every incarnation's lifetime. It
 * draws nothing from the run's main generator.
 */
final class Recorder {
  private static final ChannelRole[] ROLES = ChannelRole.values();

  private final double[] grid;
  private final double step;
  final double[][] values;
  private final double[][] byPlatform;
  private final double[][] byRole;
  private final double[][] created;
  private final double[][] removed;

  // running counts
  int activeTotal;
  final int[] activeByPlatform;
  final long[] createdByPlatform;
  final long[] removedByPlatform;
  final int[] activeByRole = new int[ROLES.length];
  final long[] counters = new long[Observed.values().length];

  // posting: channel-days of activity per role since the last grid time
  private final RandomGenerator postsRng;
  private final double[] postingRate = new double[ROLES.length];
  private final double[] roleExposure = new double[ROLES.length];
  private double exposureTime;
  private double initialPostRate;
  private long recreationsBefore;

  // the event log and the lifetimes, when kept
  final List<SimEvent> log;
  private final double[] startTime;
  private final List<ChannelLifetime> lifetimes;
  private final List<long[]> lifetimeOrder;

  Recorder(Scenario sc, CompiledEcosystem st, RandomGenerator postsRng) {
    grid = sc.grid();
    step = sc.gridStep();
    int nPlatforms = st.platforms.length;
    values = new double[Observed.values().length][grid.length];
    byPlatform = new double[nPlatforms][grid.length];
    byRole = new double[ROLES.length][grid.length];
    created = new double[nPlatforms][grid.length];
    removed = new double[nPlatforms][grid.length];
    activeByPlatform = new int[nPlatforms];
    createdByPlatform = new long[nPlatforms];
    removedByPlatform = new long[nPlatforms];
    int n = st.size();
    for (int i = 0; i < n; i++) {
      activeByPlatform[st.platform[i]]++;
      createdByPlatform[st.platform[i]]++;
      activeByRole[st.role[i]]++;
    }
    activeTotal = n;
    this.postsRng = postsRng;
    for (ChannelRole r : ROLES) {
      postingRate[r.ordinal()] = sc.postingRate(r);
      initialPostRate += postingRate[r.ordinal()] * activeByRole[r.ordinal()];
    }
    boolean keep = sc.eventLog();
    log = keep ? new ArrayList<>() : null;
    startTime = keep ? new double[n] : null;
    lifetimes = keep ? new ArrayList<>() : null;
    lifetimeOrder = keep ? new ArrayList<>() : null;
  }

  double[] grid() {
    return grid;
  }

  boolean keepsLog() {
    return log != null;
  }

  /** A channel of platform p and role r ended at t. */
  void ended(int p, int r, double t) {
    accrueExposure(t);
    activeTotal--;
    activeByPlatform[p]--;
    removedByPlatform[p]++;
    activeByRole[r]--;
  }

  /** Channel i (role r) was created on platform p at t. */
  void created(int i, int p, int r, double t) {
    accrueExposure(t);
    activeTotal++;
    activeByPlatform[p]++;
    createdByPlatform[p]++;
    activeByRole[r]++;
    if (startTime != null) {
      startTime[i] = t;
    }
  }

  /** Records grid time g (time t) with the network's total audience. */
  void observe(int g, double t, long totalAudience) {
    counters[Observed.ACTIVE_CHANNELS.ordinal()] = activeTotal;
    counters[Observed.AUDIENCE.ordinal()] = totalAudience;
    for (int o = 0; o < values.length; o++) {
      values[o][g] = counters[o];
    }
    // the rates: posts and re-creations over the step that ends at t, per day
    double length = g == 0 ? step : t - grid[g - 1];
    double postMean;
    if (g == 0) {
      postMean = initialPostRate * step;
    } else {
      accrueExposure(t);
      postMean = 0;
      for (int r = 0; r < roleExposure.length; r++) {
        postMean += postingRate[r] * roleExposure[r];
        roleExposure[r] = 0;
      }
    }
    values[Observed.POSTS.ordinal()][g] = Poisson.sample(postsRng, postMean) / length;
    long recreations = counters[Observed.RECREATIONS.ordinal()];
    values[Observed.NEW_CHANNELS.ordinal()][g] = g == 0 ? 0 : (recreations - recreationsBefore) / length;
    recreationsBefore = recreations;
    for (int p = 0; p < activeByPlatform.length; p++) {
      byPlatform[p][g] = activeByPlatform[p];
      created[p][g] = createdByPlatform[p];
      removed[p][g] = removedByPlatform[p];
    }
    for (int r = 0; r < byRole.length; r++) {
      byRole[r][g] = activeByRole[r];
    }
  }

  /** Adds channel-days of activity per role from the last accrual to t. */
  private void accrueExposure(double t) {
    double dt = t - exposureTime;
    if (dt > 0) {
      for (int r = 0; r < roleExposure.length; r++) {
        roleExposure[r] += activeByRole[r] * dt;
      }
    }
    exposureTime = t;
  }

  void event(SimEvent e) {
    if (log != null) {
      log.add(e);
    }
  }

  /** Channel slot i's incarnation {@code generation} ended at {@code end} (empty cause: censored). */
  void lifetime(int i, String channelId, int generation, String platformId, int role, double end, Optional<EndCause> cause) {
    if (lifetimes != null) {
      lifetimeOrder.add(new long[] {i, generation, lifetimes.size()});
      lifetimes.add(new ChannelLifetime(channelId, generation, platformId, ROLES[role], startTime[i], end, cause));
    }
  }

  Trajectory trajectory(List<String> platformIds, long events, long audienceUpdates) {
    return new Trajectory(grid, values, platformIds, byPlatform, byRole, created, removed, events, audienceUpdates);
  }

  List<SimEvent> events() {
    return log == null ? List.of() : log;
  }

  /** The lifetimes by channel slot (the ecosystem's order) and generation. */
  List<ChannelLifetime> lifetimes() {
    if (lifetimes == null) {
      return List.of();
    }
    long[][] keys = lifetimeOrder.toArray(new long[0][]);
    Arrays.sort(keys, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
    List<ChannelLifetime> out = new ArrayList<>(keys.length);
    for (long[] k : keys) {
      out.add(lifetimes.get((int) k[2]));
    }
    return out;
  }
}
