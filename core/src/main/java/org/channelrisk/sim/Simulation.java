package org.channelrisk.sim;

import com.google.common.collect.ImmutableList;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.channelrisk.model.Account;
import org.channelrisk.model.Channel;
import org.channelrisk.model.ChannelRole;
import org.channelrisk.model.Cooperation;
import org.channelrisk.model.Ecosystem;
import org.channelrisk.model.Link;
import org.channelrisk.model.Platform;

/**
 * The event-driven engine: one run is a pure function of (scenario, seed, replicate index).
 *
 * <pre>{@code
 * Simulation.Run run = Simulation.run(scenario, 42, 0);
 * run.trajectory().values(Observed.ACTIVE_CHANNELS);
 * run.events();   // empty unless the scenario asks for the event log
 * }</pre>
 *
 * <p>Next-event simulation: each active channel has one exponential clock for removal-related hazards
 * (referral-unit detection and proactive moderation, rate (d * pressure + m) * visibility), kept in an
 * indexed heap and redrawn in place whenever its rate changes (memorylessness makes that exact; when
 * only the audience, and with it the visibility, changed, the time left is rescaled by old rate / new
 * rate instead, which is as exact and needs no new draw);
 * referral decisions, delayed removals, re-creations and action-day referrals are scheduled events in
 * a second heap, whose stale entries are skipped by stamp. Audience re-acquisition is a pure-death process of the
 * former members still looking: between grid times and link changes its hazard is constant, so the
 * number who find a new incarnation is drawn exactly as Binomial(remaining, 1 - exp(-h dt)) (see
 * {@link Binomial} for the large-count approximation); visibility follows the audience at grid times.
 *
 * <p>State is kept in primitive arrays indexed by channel slot (a re-created channel reuses its slot
 * with generation + 1): about 85 bytes per channel, plus 8 per link in the structure all runs of a
 * scenario share. An action day's referrals are sorted once (a radix sort, no boxing) and read in
 * order beside the event heap. Measured at 10^5 channels (November 2019 preset), a run allocates about
 * 180 bytes per channel in all. Cost: O(log E) per event for a queue of E events, O(log C) per clock
 * change for C channels, O(recovering channels) per grid time.
 */
public final class Simulation {
  static final int REMOVE = 1;
  static final int RECREATE = 2;
  static final int ACTION_REFERRAL = 3;
  static final int ACTION_START = 4;
  static final int PRESSURE_START = 5;
  static final int PRESSURE_END = 6;
  static final int COOPERATION_CHANGE = 7;
  private static final BanLevel[] BAN_LEVELS = BanLevel.values();

  private Simulation() {}

  /**
   * The result of one run.
   *
   * @param trajectory observables on the grid
   * @param events the event log (empty unless the scenario records it)
   * @param lifetimes every channel incarnation, by channel (in the ecosystem's order) and generation,
   *     with its end and cause or censored at the horizon (empty unless the scenario records its event log)
   */
  public record Run(Trajectory trajectory, List<SimEvent> events, List<ChannelLifetime> lifetimes) {
    /** Copies the lists. */
    public Run {
      events = List.copyOf(events);
      lifetimes = List.copyOf(lifetimes);
    }

    /**
     * A run without lifetimes.
     *
     * @param trajectory observables on the grid
     * @param events the event log
     */
    public Run(Trajectory trajectory, List<SimEvent> events) {
      this(trajectory, events, List.of());
    }
  }

  /**
   * The generator of replicate {@code replicate} of a run seeded with {@code seed}: a pure function of
   * the two numbers, so any worker (a thread, a Spark task) can make it.
   *
   * @param seed the ensemble's seed
   * @param replicate the replicate index
   * @return a fresh L64X128MixRandom generator
   */
  public static RandomGenerator generator(long seed, long replicate) {
    byte[] bytes = ByteBuffer.allocate(16).putLong(seed).putLong(replicate).array();
    return RandomGeneratorFactory.of("L64X128MixRandom").create(bytes);
  }

  /**
   * Runs a scenario once.
   *
   * @param scenario the scenario
   * @param seed the seed
   * @param replicate the replicate index (0 for a single run)
   * @return the run's trajectory and event log
   */
  public static Run run(Scenario scenario, long seed, long replicate) {
    return new Engine(scenario, generator(seed, replicate), postsGenerator(seed, replicate)).run();
  }

  /**
   * The channel incarnations of one run, for competing-risks analysis: each with its start, end and
   * cause of end ({@link EndCause}), or censored at the horizon. The run is the one {@link #run} gives
   * for the same arguments (recording does not change it).
   *
   * <pre>{@code
   * List<ChannelLifetime> lives = Simulation.lifetimes(Presets.actionDay2019(2_000, true), 2019, 0);
   * }</pre>
   *
   * @param scenario the scenario
   * @param seed the seed
   * @param replicate the replicate index
   * @return the incarnations by channel (in the ecosystem's order) and generation
   */
  public static List<ChannelLifetime> lifetimes(Scenario scenario, long seed, long replicate) {
    return run(scenario.eventLog() ? scenario : scenario.toBuilder().eventLog(true).build(), seed, replicate).lifetimes();
  }

  /**
   * The generator of a replicate's posts: a stream of its own, so that drawing posts changes no other
   * number of the run.
   */
  static RandomGenerator postsGenerator(long seed, long replicate) {
    byte[] bytes = ByteBuffer.allocate(24).putLong(seed).putLong(replicate).putLong(0x706f737473L).array();
    return RandomGeneratorFactory.of("L64X128MixRandom").create(bytes);
  }

  /**
   * What every run of a scenario shares, built once from the ecosystem: indices instead of ids, the
   * link graph in compressed sparse rows. Never modified after construction.
   */
  static final class Structure {
    final Platform[] platforms;
    final List<String> platformIds;
    final String[] channelIds;
    final int[] platform;
    final byte[] role;
    final int[] generation;
    final int[] operator;
    final long[] audience;
    final int[] spare;
    final int[] outStart;
    final int[] outList;
    final int[] inStart;
    final int[] inList;
    final int[] linksIn;
    final int[] degree;

    Structure(Ecosystem eco) {
      platforms = eco.platforms().values().toArray(new Platform[0]);
      platformIds = ImmutableList.copyOf(eco.platforms().keySet());
      Map<String, Integer> pIndex = new HashMap<>();
      for (int p = 0; p < platforms.length; p++) {
        pIndex.put(platforms[p].id(), p);
      }
      Map<String, Integer> opIndex = new HashMap<>();
      List<Account> accounts = new ArrayList<>(eco.accounts().values());
      spare = new int[accounts.size()];
      for (int a = 0; a < accounts.size(); a++) {
        opIndex.put(accounts.get(a).id(), a);
        spare[a] = accounts.get(a).spareAccounts();
      }
      List<Channel> chans = new ArrayList<>(eco.channels().values());
      int n = chans.size();
      channelIds = new String[n];
      platform = new int[n];
      role = new byte[n];
      generation = new int[n];
      operator = new int[n];
      audience = new long[n];
      Map<String, Integer> cIndex = new HashMap<>(2 * n);
      for (int i = 0; i < n; i++) {
        Channel c = chans.get(i);
        cIndex.put(c.id(), i);
        channelIds[i] = c.id();
        platform[i] = pIndex.get(c.platformId());
        role[i] = (byte) c.role().ordinal();
        generation[i] = c.generation();
        operator[i] = opIndex.get(c.operatorId());
        audience[i] = c.audience();
      }
      List<Link> links = eco.links();
      outStart = new int[n + 1];
      inStart = new int[n + 1];
      int[] from = new int[links.size()];
      int[] to = new int[links.size()];
      for (int l = 0; l < links.size(); l++) {
        from[l] = cIndex.get(links.get(l).from());
        to[l] = cIndex.get(links.get(l).to());
        outStart[from[l] + 1]++;
        inStart[to[l] + 1]++;
      }
      for (int i = 0; i < n; i++) {
        outStart[i + 1] += outStart[i];
        inStart[i + 1] += inStart[i];
      }
      outList = new int[links.size()];
      inList = new int[links.size()];
      int[] oFill = Arrays.copyOf(outStart, n);
      int[] iFill = Arrays.copyOf(inStart, n);
      for (int l = 0; l < links.size(); l++) {
        outList[oFill[from[l]]++] = to[l];
        inList[iFill[to[l]]++] = from[l];
      }
      linksIn = new int[n];
      degree = new int[n];
      for (int i = 0; i < n; i++) {
        linksIn[i] = inStart[i + 1] - inStart[i];
        degree[i] = linksIn[i] + outStart[i + 1] - outStart[i];
      }
    }
  }

  /** One run's mutable state; confined to one thread. */
  private static final class Engine {
    final Scenario sc;
    final RandomGenerator rng;
    final RandomGenerator postsRng;
    final EventQueue queue = new EventQueue();
    ClockHeap clocks;
    final int n;
    final int nPlatforms;
    final Platform[] platforms;
    final List<String> platformIds;
    final String[] channelIds;
    // channel state
    final boolean[] active;
    final int[] platform;
    final byte[] role;
    final int[] generation;
    final int[] operator;
    final boolean[] pending;
    final byte[] pendingBan;
    final double[] pendingShare;
    final long[] audience;
    final long[] pool;
    final long[] former;
    final double[] lastAudienceUpdate;
    final int[] linksIn;
    final int[] degree;
    // links (CSR): successors and predecessors
    final int[] outStart;
    final int[] outList;
    final int[] inStart;
    final int[] inList;
    // recovering channels (pool > 0)
    final int[] recovering;
    final int[] recoveringPos;
    final int[] recoveringSnapshot;
    int recoveringSize;
    // operators
    final int[] spare;
    final boolean[] banned;
    // platforms
    final Cooperation[] coop;
    final double[] pressure;
    final double[] removalMemory;
    final double[] removalMemoryTime;
    final int[] activeByPlatform;
    final long[] createdByPlatform;
    final long[] removedByPlatform;
    final int[] activeByRole = new int[ChannelRole.values().length];
    // migration: the utility terms that do not change during a run, and a scratch row
    final double[] fixedUtility;
    final double[] utility;
    long totalAudience;
    int activeTotal;
    final long[] counters = new long[Observed.values().length];
    final List<SimEvent> log;
    long events;
    long audienceUpdates;
    // operators ending channels: abandonment + moves (moves only with somewhere to go)
    final double leaveRate;
    final double moveRate;
    final boolean[] moving;
    // posting: channel-days of activity per role since the last grid time
    final double[] postingRate;
    final double[] roleExposure;
    double exposureTime;
    // lifetimes, when the event log is kept
    final double[] startTime;
    final List<ChannelLifetime> lifetimes;
    final List<int[]> lifetimeOrder;

    Engine(Scenario sc, RandomGenerator rng, RandomGenerator postsRng) {
      this.sc = sc;
      this.rng = rng;
      this.postsRng = postsRng;
      Structure st = sc.structure();
      platforms = st.platforms;
      nPlatforms = platforms.length;
      platformIds = st.platformIds;
      channelIds = st.channelIds;
      n = channelIds.length;
      spare = st.spare.clone();
      banned = new boolean[spare.length];
      active = new boolean[n];
      Arrays.fill(active, true);
      platform = st.platform.clone();
      role = st.role;
      generation = st.generation.clone();
      operator = st.operator;
      pending = new boolean[n];
      pendingBan = new byte[n];
      pendingShare = new double[n];
      audience = st.audience.clone();
      pool = new long[n];
      former = new long[n];
      lastAudienceUpdate = new double[n];
      linksIn = st.linksIn.clone();
      degree = st.degree;
      recovering = new int[n];
      recoveringPos = new int[n];
      recoveringSnapshot = new int[n];
      Arrays.fill(recoveringPos, -1);
      activeByPlatform = new int[nPlatforms];
      createdByPlatform = new long[nPlatforms];
      removedByPlatform = new long[nPlatforms];
      for (int i = 0; i < n; i++) {
        totalAudience += audience[i];
        activeByPlatform[platform[i]]++;
        createdByPlatform[platform[i]]++;
        activeByRole[role[i]]++;
      }
      activeTotal = n;
      outStart = st.outStart;
      outList = st.outList;
      inStart = st.inStart;
      inList = st.inList;
      coop = new Cooperation[nPlatforms];
      pressure = new double[nPlatforms];
      Arrays.fill(pressure, 1);
      removalMemory = new double[nPlatforms];
      removalMemoryTime = new double[nPlatforms];
      for (int p = 0; p < nPlatforms; p++) {
        coop[p] = platforms[p].cooperationAt(0);
      }
      fixedUtility = new double[nPlatforms];
      for (int p = 0; p < nPlatforms; p++) {
        fixedUtility[p] = sc.migrationSecurityWeight() * platforms[p].securityRating().score()
            + sc.migrationUsersWeight() * Math.log(platforms[p].userBase() + 1.0);
      }
      utility = new double[nPlatforms];
      log = sc.eventLog() ? new ArrayList<>() : null;
      clocks = new ClockHeap(n);
      moveRate = nPlatforms > 1 ? sc.moveRate() : 0;
      leaveRate = sc.abandonmentRate() + moveRate;
      moving = new boolean[moveRate > 0 ? n : 0];
      ChannelRole[] roles = ChannelRole.values();
      postingRate = new double[roles.length];
      for (ChannelRole r : roles) {
        postingRate[r.ordinal()] = sc.postingRate(r);
      }
      roleExposure = new double[roles.length];
      startTime = log != null ? new double[n] : null;
      lifetimes = log != null ? new ArrayList<>() : null;
      lifetimeOrder = log != null ? new ArrayList<>() : null;
    }

    Run run() {
      double horizon = sc.horizon();
      for (int p = 0; p < nPlatforms; p++) {
        for (double day : platforms[p].cooperation().changeDays()) {
          if (day > 0 && day <= horizon) {
            queue.push(day, COOPERATION_CHANGE, p, 0);
          }
        }
      }
      List<ActionDay> days = sc.actionDays();
      for (int a = 0; a < days.size(); a++) {
        ActionDay ad = days.get(a);
        if (ad.time() >= 0 && ad.time() <= horizon) {
          queue.push(ad.time(), ACTION_START, a, 0);
          if (ad.pressureDays() > 0 && ad.pressureMultiplier() != 1) {
            queue.push(ad.time() + ad.window(), PRESSURE_START, a, 0);
            queue.push(ad.time() + ad.window() + ad.pressureDays(), PRESSURE_END, a, 0);
          }
        }
      }
      redrawAll(0, -1);
      double[] grid = sc.grid();
      double step = sc.gridStep();
      double initialPostRate = 0;
      for (int r = 0; r < postingRate.length; r++) {
        initialPostRate += postingRate[r] * activeByRole[r];
      }
      long recreationsBefore = 0;
      double[][] values = new double[Observed.values().length][grid.length];
      double[][] byPlatform = new double[nPlatforms][grid.length];
      double[][] byRole = new double[ChannelRole.values().length][grid.length];
      double[][] created = new double[nPlatforms][grid.length];
      double[][] removed = new double[nPlatforms][grid.length];
      for (int g = 0; g < grid.length; g++) {
        double t = grid[g];
        while (true) {
          double tq = queue.peekTime();
          double tc = clocks.peekTime();
          if (tq <= tc && tq <= t) {
            queue.pop();
            handle();
          } else if (tc < tq && tc <= t) {
            int i = clocks.peekChannel();
            clocks.remove(i);
            hazard(i, tc);
          } else {
            break;
          }
        }
        refreshAudiences(t);
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
        for (int p = 0; p < nPlatforms; p++) {
          byPlatform[p][g] = activeByPlatform[p];
          created[p][g] = createdByPlatform[p];
          removed[p][g] = removedByPlatform[p];
        }
        for (int r = 0; r < byRole.length; r++) {
          byRole[r][g] = activeByRole[r];
        }
      }
      Trajectory tr = new Trajectory(grid, values, platformIds, byPlatform, byRole, created, removed, events, audienceUpdates);
      if (log == null) {
        return new Run(tr, List.of());
      }
      for (int i = 0; i < n; i++) {
        if (active[i]) {
          addLifetime(i, horizon, java.util.Optional.empty());
        }
      }
      return new Run(tr, log, sortedLifetimes());
    }

    /** Adds channel-days of activity per role from the last accrual to t. */
    void accrueExposure(double t) {
      double dt = t - exposureTime;
      if (dt > 0) {
        for (int r = 0; r < roleExposure.length; r++) {
          roleExposure[r] += activeByRole[r] * dt;
        }
      }
      exposureTime = t;
    }

    void addLifetime(int i, double end, java.util.Optional<EndCause> cause) {
      lifetimeOrder.add(new int[] {i, generation[i]});
      lifetimes.add(new ChannelLifetime(channelIds[i], generation[i], platformIds.get(platform[i]),
          ChannelRole.values()[role[i]], startTime[i], end, cause));
    }

    /** The lifetimes by channel slot (the ecosystem's order) and generation. */
    List<ChannelLifetime> sortedLifetimes() {
      Integer[] idx = new Integer[lifetimes.size()];
      for (int k = 0; k < idx.length; k++) {
        idx[k] = k;
      }
      Arrays.sort(idx, (a, b) -> {
        int[] x = lifetimeOrder.get(a);
        int[] y = lifetimeOrder.get(b);
        return x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]);
      });
      List<ChannelLifetime> out = new ArrayList<>(idx.length);
      for (Integer k : idx) {
        out.add(lifetimes.get(k));
      }
      return out;
    }

    void handle() {
      double t = queue.topTime;
      int i = queue.topTarget;
      int stamp = queue.topStamp;
      switch (queue.topType) {
        case REMOVE -> {
          if (active[i] && generation[i] == stamp && pending[i]) {
            events++;
            remove(i, t, BAN_LEVELS[pendingBan[i]], pendingShare[i], EndCause.REFERRAL);
          }
        }
        case RECREATE -> {
          if (!active[i] && generation[i] == stamp) {
            events++;
            recreate(i, t);
          }
        }
        case ACTION_REFERRAL -> {
          int a = stamp >>> 20;
          int gen = stamp & 0xFFFFF;
          if (active[i] && (generation[i] & 0xFFFFF) == gen) {
            events++;
            ActionDay ad = sc.actionDays().get(a);
            refer(i, t, ad.banLevel(), ad.spareBanShare());
            redraw(i, t);
          }
        }
        case ACTION_START -> startAction(i, t);
        case PRESSURE_START, PRESSURE_END -> {
          ActionDay ad = sc.actionDays().get(i);
          for (int p = 0; p < nPlatforms; p++) {
            if (ad.targets(platformIds.get(p))) {
              pressure[p] = queue.topType == PRESSURE_START ? ad.pressureMultiplier() : 1;
            }
          }
          redrawAll(t, -1);
        }
        case COOPERATION_CHANGE -> {
          coop[i] = platforms[i].cooperationAt(t);
          redrawAll(t, i);
        }
        default -> throw new IllegalStateException("unknown event type " + queue.topType);
      }
    }

    /** A channel's removal-related clock fired: a referral-unit detection or proactive moderation. */
    void hazard(int i, double t) {
      if (!active[i]) {
        return;
      }
      events++;
      Cooperation c = coop[platform[i]];
      double vis = visibility(i);
      double det = detection(i, vis);
      double mod = c.proactiveHazard() * vis;
      // without operator departures (leaveRate 0) the sum and the draw are those of a two-way choice
      double u = rng.nextDouble() * (det + mod + leaveRate);
      if (u < det) {
        refer(i, t, sc.routineBanLevel(), sc.routineSpareBanShare());
        redraw(i, t);
      } else if (leaveRate == 0 || u < det + mod) {
        remove(i, t, sc.routineBanLevel(), sc.routineSpareBanShare(), EndCause.PROACTIVE);
      } else if (u < det + mod + sc.abandonmentRate() || moveRate == 0) {
        leave(i, t, EndCause.ABANDONED);
      } else {
        leave(i, t, EndCause.MIGRATED);
      }
    }

    double visibility(int i) {
      double alpha = coop[platform[i]].visibilityExponent();
      return alpha == 0 ? 1 : Math.pow((audience[i] + 1) / sc.referenceAudience(), alpha);
    }

    void redraw(int i, double t) {
      double next = nextClock(i, t);
      if (next < Double.POSITIVE_INFINITY) {
        clocks.set(i, next);
      } else {
        clocks.remove(i);
      }
    }

    /** The referral unit's detection hazard of channel i (none while a referral is pending). */
    double detection(int i, double vis) {
      return pending[i] ? 0 : sc.detectionRate() * pressure[platform[i]] * vis;
    }

    /** Draws channel i's next removal-related time, infinite when it has none. */
    double nextClock(int i, double t) {
      if (!active[i]) {
        return Double.POSITIVE_INFINITY;
      }
      double vis = visibility(i);
      double rate = detection(i, vis) + coop[platform[i]].proactiveHazard() * vis + leaveRate;
      return rate > 0 ? t + rng.nextExponential() / rate : Double.POSITIVE_INFINITY;
    }

    /**
     * Redraws the clocks of all active channels (of one platform, or of all when {@code onlyPlatform}
     * is negative) in one bulk update of the heap: the same draws, in the same order, as one {@link
     * #redraw} per channel.
     */
    void redrawAll(double t, int onlyPlatform) {
      for (int i = 0; i < n; i++) {
        if (active[i] && (onlyPlatform < 0 || platform[i] == onlyPlatform)) {
          double next = nextClock(i, t);
          if (next < Double.POSITIVE_INFINITY) {
            clocks.bulkSet(i, next);
          } else {
            clocks.bulkRemove(i);
          }
        }
      }
      clocks.heapify();
    }

    void refer(int i, double t, BanLevel ban, double share) {
      counters[Observed.REFERRALS_SENT.ordinal()]++;
      Cooperation c = coop[platform[i]];
      boolean complied = rng.nextDouble() < c.compliance();
      if (complied) {
        counters[Observed.REFERRALS_COMPLIED.ordinal()]++;
        if (!pending[i]) {
          pending[i] = true;
          pendingBan[i] = (byte) ban.ordinal();
          pendingShare[i] = share;
          queue.push(t + c.latency().sample(rng), REMOVE, i, generation[i]);
        } else if (ban == BanLevel.ACCOUNT) {
          // a harsher referral while one is pending: the removal becomes an account ban
          pendingBan[i] = (byte) BanLevel.ACCOUNT.ordinal();
          pendingShare[i] = Math.max(pendingShare[i], share);
        }
      } else {
        counters[Observed.REFERRALS_DECLINED.ordinal()]++;
      }
      record(t, SimEvent.Kind.REFERRAL, i, complied ? "complied" : "declined");
    }

    /**
     * Ends channel i's incarnation at t, whatever the cause: the state, the counts by platform and role,
     * the links of the channels it pointed to, and the lifetime record.
     */
    void end(int i, double t, EndCause cause) {
      advanceAudience(i, t);
      accrueExposure(t);
      active[i] = false;
      pending[i] = false;
      clocks.remove(i);
      int p = platform[i];
      activeTotal--;
      activeByPlatform[p]--;
      removedByPlatform[p]++;
      activeByRole[role[i]]--;
      totalAudience -= audience[i];
      former[i] = audience[i];
      audience[i] = 0;
      pool[i] = 0;
      dropRecovering(i);
      for (int k = outStart[i]; k < outStart[i + 1]; k++) {
        int j = outList[k];
        if (active[j]) {
          advanceAudience(j, t);
          linksIn[j]--;
        }
      }
      if (lifetimes != null) {
        addLifetime(i, t, java.util.Optional.of(cause));
      }
    }

    /** The operator ends channel i: abandoned for good, or moved (re-created on another platform). */
    void leave(int i, double t, EndCause cause) {
      end(i, t, cause);
      counters[Observed.DEPARTURES.ordinal()]++;
      boolean move = cause == EndCause.MIGRATED;
      if (log != null) {
        log.add(new SimEvent(t, move ? SimEvent.Kind.DEPARTURE : SimEvent.Kind.ABANDONMENT, channelIds[i], generation[i],
            platformIds.get(platform[i]), "", java.util.Optional.of(cause)));
      }
      if (move) {
        moving[i] = true;
        queue.push(t + sc.recreationDelay().sample(rng), RECREATE, i, generation[i]);
      }
    }

    void remove(int i, double t, BanLevel ban, double spareShare, EndCause cause) {
      int p = platform[i];
      end(i, t, cause);
      counters[Observed.REMOVALS.ordinal()]++;
      double decay = Math.exp(-(t - removalMemoryTime[p]) / sc.pressureMemoryDays());
      removalMemory[p] = removalMemory[p] * decay + 1;
      removalMemoryTime[p] = t;
      int op = operator[i];
      if (ban == BanLevel.ACCOUNT) {
        banned[op] = true;
        spare[op] -= (int) Binomial.sample(rng, spare[op], spareShare);
      }
      if (log != null) {
        String what = cause == EndCause.REFERRAL ? "referral" : "proactive moderation";
        log.add(new SimEvent(t, SimEvent.Kind.REMOVAL, channelIds[i], generation[i], platformIds.get(platform[i]),
            what + (ban == BanLevel.ACCOUNT ? ", account ban" : ""), java.util.Optional.of(cause)));
      }
      boolean able;
      if (!banned[op]) {
        able = true;
      } else if (spare[op] > 0) {
        able = true;
        spare[op]--;
        banned[op] = false; // a spare account becomes the operator's main account
      } else {
        able = false;
      }
      if (able && rng.nextDouble() < sc.recreationProbability()) {
        queue.push(t + sc.recreationDelay().sample(rng), RECREATE, i, generation[i]);
      }
    }

    void recreate(int i, double t) {
      int from = platform[i];
      int to;
      if (moveRate > 0 && moving[i]) {
        moving[i] = false;
        to = chooseOtherPlatform(from, t);
      } else {
        to = choosePlatform(from, t);
      }
      accrueExposure(t);
      generation[i]++;
      if (startTime != null) {
        startTime[i] = t;
      }
      active[i] = true;
      platform[i] = to;
      activeTotal++;
      activeByPlatform[to]++;
      createdByPlatform[to]++;
      activeByRole[role[i]]++;
      audience[i] = 0;
      pool[i] = Binomial.sample(rng, former[i], sc.retention());
      lastAudienceUpdate[i] = t;
      int in = 0;
      for (int k = inStart[i]; k < inStart[i + 1]; k++) {
        in += active[inList[k]] ? 1 : 0;
      }
      linksIn[i] = in;
      if (pool[i] > 0) {
        addRecovering(i);
      }
      for (int k = outStart[i]; k < outStart[i + 1]; k++) {
        int j = outList[k];
        if (active[j]) {
          advanceAudience(j, t);
          linksIn[j]++;
        }
      }
      counters[Observed.RECREATIONS.ordinal()]++;
      record(t, SimEvent.Kind.RECREATION, i, "");
      if (to != from) {
        counters[Observed.MIGRATIONS.ordinal()]++;
        if (log != null) {
          record(t, SimEvent.Kind.MIGRATION, i, "from " + platformIds.get(from));
        }
      }
      redraw(i, t);
    }

    int choosePlatform(int current, double t) {
      if (nPlatforms == 1) {
        return current;
      }
      return logit(current, t, false);
    }

    /** A move: the migration logit over the platforms other than the current one, without the stay bonus. */
    int chooseOtherPlatform(int current, double t) {
      return logit(current, t, true);
    }

    private int logit(int current, double t, boolean elsewhere) {
      double[] u = utility;
      double max = Double.NEGATIVE_INFINITY;
      for (int p = 0; p < nPlatforms; p++) {
        if (elsewhere && p == current) {
          u[p] = Double.NEGATIVE_INFINITY;
          continue;
        }
        double memory = removalMemory[p] * Math.exp(-(t - removalMemoryTime[p]) / sc.pressureMemoryDays());
        u[p] = fixedUtility[p]
            - sc.migrationPressureWeight() * Math.log1p(memory)
            + (p == current ? sc.migrationStayWeight() : 0);
        max = Math.max(max, u[p]);
      }
      double sum = 0;
      for (int p = 0; p < nPlatforms; p++) {
        u[p] = Math.exp(u[p] - max);
        sum += u[p];
      }
      double r = rng.nextDouble() * sum;
      int last = -1;
      for (int p = 0; p < nPlatforms; p++) {
        if (u[p] > 0) {
          last = p;
        }
        r -= u[p];
        if (r < 0 && u[p] > 0) {
          return p;
        }
      }
      return elsewhere ? last : nPlatforms - 1;
    }

    void startAction(int a, double t) {
      ActionDay ad = sc.actionDays().get(a);
      boolean backups = ad.strategy() == TargetingStrategy.INCLUDING_BACKUPS;
      boolean[] targeted = new boolean[nPlatforms];
      for (int p = 0; p < nPlatforms; p++) {
        targeted[p] = ad.targets(platformIds.get(p));
      }
      int[] order = new int[activeTotal];
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (active[i] && targeted[platform[i]] && (backups || role[i] != ChannelRole.BACKUP.ordinal())) {
          order[m++] = i;
        }
      }
      // stable sorts of the eligible channels (in index order) by primitive keys: ties stay in index order
      long[] keys = new long[m];
      switch (ad.strategy()) {
        case RANDOM -> {
          for (int k = m - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int tmp = order[k];
            order[k] = order[j];
            order[j] = tmp;
          }
        }
        case LARGEST_AUDIENCE -> sortBy(order, keys, m, -1);
        case HUBS -> {
          for (int k = 0; k < m; k++) {
            keys[k] = -degree[order[k]];
          }
          StableSort.byKey(order, keys, m);
        }
        case OFFICIAL_FIRST -> {
          sortBy(order, keys, m, -1);
          sortBy(order, keys, m, ChannelRole.OFFICIAL_OUTLET.ordinal());
        }
        case INCLUDING_BACKUPS -> {
          sortBy(order, keys, m, -1);
          sortBy(order, keys, m, ChannelRole.BACKUP.ordinal());
        }
        default -> throw new IllegalStateException("unknown strategy " + ad.strategy());
      }
      int budget = Math.min(ad.budget(), m);
      double[] when = new double[budget];
      int[] stamps = new int[budget];
      for (int k = 0; k < budget; k++) {
        int i = order[k];
        when[k] = t + (ad.window() > 0 ? rng.nextDouble() * ad.window() : 0);
        stamps[k] = (a << 20) | (generation[i] & 0xFFFFF);
      }
      queue.pushBatch(when, ACTION_REFERRAL, order, stamps, budget);
    }

    /**
     * Stable sort of {@code order[0..m)}: by decreasing audience when {@code firstRole} is negative,
     * otherwise channels of that role first.
     */
    private void sortBy(int[] order, long[] keys, int m, int firstRole) {
      for (int k = 0; k < m; k++) {
        int i = order[k];
        keys[k] = firstRole < 0 ? -audience[i] : role[i] == firstRole ? 0 : 1;
      }
      StableSort.byKey(order, keys, m);
    }

    void advanceAudience(int i, double t) {
      if (pool[i] <= 0 || !active[i]) {
        lastAudienceUpdate[i] = t;
        return;
      }
      double dt = t - lastAudienceUpdate[i];
      if (dt <= 0) {
        return;
      }
      double h = sc.audienceBaseHazard() + sc.audienceLinkHazard() * linksIn[i];
      audienceUpdates++;
      long found = Binomial.sampleExposure(rng, pool[i], h * dt);
      pool[i] -= found;
      audience[i] += found;
      totalAudience += found;
      lastAudienceUpdate[i] = t;
      if (pool[i] == 0) {
        dropRecovering(i);
      }
    }

    void refreshAudiences(double t) {
      // iterate over a snapshot, since advanceAudience may remove entries; the buffer is reused, as a
      // copy per grid time was the largest allocation of a run
      int m = recoveringSize;
      int[] snapshot = recoveringSnapshot;
      System.arraycopy(recovering, 0, snapshot, 0, m);
      for (int k = 0; k < m; k++) {
        int i = snapshot[k];
        long before = audience[i];
        advanceAudience(i, t);
        double alpha = coop[platform[i]].visibilityExponent();
        if (audience[i] != before && alpha != 0) {
          // The audience changed the clock's rate by the ratio of visibilities. The time left on an
          // exponential clock that has not fired, times old rate / new rate, is exponential with the
          // new rate (Gibson and Bruck's next-reaction method): exact, with one pow and no fresh
          // draw, and the clock moves a short way in the heap instead of to a random place.
          double next = clocks.timeOf(i);
          if (next < Double.POSITIVE_INFINITY) {
            double ratio = Math.pow((before + 1.0) / (audience[i] + 1.0), alpha);
            if (leaveRate > 0) {
              // the operators' hazard does not scale with visibility: old rate / new rate in full
              double scaled = (detection(i, 1) + coop[platform[i]].proactiveHazard()) * visibility(i);
              ratio = (scaled * ratio + leaveRate) / (scaled + leaveRate);
            }
            clocks.set(i, t + (next - t) * ratio);
          }
        }
      }
    }

    void addRecovering(int i) {
      recoveringPos[i] = recoveringSize;
      recovering[recoveringSize++] = i;
    }

    void dropRecovering(int i) {
      int pos = recoveringPos[i];
      if (pos < 0) {
        return;
      }
      int last = recovering[--recoveringSize];
      recovering[pos] = last;
      recoveringPos[last] = pos;
      recoveringPos[i] = -1;
    }

    void record(double t, SimEvent.Kind kind, int i, String detail) {
      if (log != null) {
        log.add(new SimEvent(t, kind, channelIds[i], generation[i], platformIds.get(platform[i]), detail));
      }
    }
  }
}
