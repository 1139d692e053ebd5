package org.channelrisk.sim;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.channelrisk.model.ChannelRole;
import org.channelrisk.model.Cooperation;
import org.channelrisk.model.Platform;

/**
 * One run's mutable state and its event loop; confined to one thread. The parts it drives, each in a
 * class of its own: the {@link CompiledEcosystem} all runs share, the removal clocks ({@link
 * ClockCalendar}), the scheduled events ({@link EventQueue}), the {@link AudienceProcess}, the {@link
 * MigrationChoice}, the action days' {@link Targeting}, and the {@link Recorder}. What stays here is
 * the channels' and operators' state and the rules that tie the parts together.
 */
final class Engine {
  static final int REMOVE = 1;
  static final int RECREATE = 2;
  static final int ACTION_REFERRAL = 3;
  static final int ACTION_START = 4;
  static final int PRESSURE_START = 5;
  static final int PRESSURE_END = 6;
  static final int COOPERATION_CHANGE = 7;
  private static final BanLevel[] BAN_LEVELS = BanLevel.values();

  private final Scenario sc;
  private final RandomGenerator rng;
  private final EventQueue queue;
  private final ClockCalendar clocks;
  private final AudienceProcess audience;
  private final MigrationChoice migration;
  private final Recorder rec;
  private final int n;
  private final int nPlatforms;
  private final Platform[] platforms;
  private final List<String> platformIds;
  private final String[] channelIds;
  // channel state, one word per channel: generation (bits 0-31), platform (32-47), role (48-51), active
  // (52), a referral pending (53), moving (54), the pending referral's ban level (55-56)
  private static final long GENERATION_MASK = 0xFFFF_FFFFL;
  private static final int PLATFORM_SHIFT = 32;
  private static final long PLATFORM_MASK = 0xFFFFL << PLATFORM_SHIFT;
  private static final int ROLE_SHIFT = 48;
  private static final long ACTIVE = 1L << 52;
  private static final long PENDING = 1L << 53;
  private static final long MOVING = 1L << 54;
  private static final int BAN_SHIFT = 55;
  private static final long BAN_MASK = 3L << BAN_SHIFT;
  /**
   * Per channel, side by side so that an event reads one cache line ({@link Records}): from word r =
   * {@link Records#at}(i), [r] the state word above, [r + 1] a pending referral's spare-account ban
   * share (raw bits), [r + 2] and [r + 3] the removal clock's time and links ({@link ClockCalendar}
   * keeps them here), then the audience process's words.
   */
  private final long[] state;
  private final byte[] role;
  private final int[] operator;
  private final CompiledEcosystem compiled;
  private final int[] outStart;
  private final int[] outList;
  private final int[] inStart;
  private final int[] inList;
  // operators
  private final int[] spare;
  private final boolean[] banned;
  // platforms
  private final Cooperation[] coop;
  private final double[] pressure;
  // operators ending channels: abandonment + moves (moves only with somewhere to go)
  private final double leaveRate;
  private final double moveRate;
  private long events;

  Engine(Scenario sc, RandomGenerator rng, RandomGenerator postsRng) {
    this.sc = sc;
    this.rng = rng;
    CompiledEcosystem st = sc.structure();
    platforms = st.platforms;
    nPlatforms = platforms.length;
    platformIds = st.platformIds;
    channelIds = st.channelIds;
    n = channelIds.length;
    spare = st.spare.clone();
    banned = new boolean[spare.length];
    role = st.role;
    if (nPlatforms > 1 << 16 || ChannelRole.values().length > 16 || BAN_LEVELS.length > 4) {
      throw new IllegalStateException("the engine's channel state holds at most 65,536 platforms");
    }
    state = Records.allocate(n);
    for (int i = 0; i < n; i++) {
      state[Records.at(i)] = (st.generation[i] & GENERATION_MASK) | ((long) st.platform[i] << PLATFORM_SHIFT)
          | ((long) st.role[i] << ROLE_SHIFT) | ACTIVE;
    }
    operator = st.operator;
    compiled = st;
    outStart = st.outStart;
    outList = st.outList;
    inStart = st.inStart;
    inList = st.inList;
    audience = new AudienceProcess(sc, st, state);
    coop = new Cooperation[nPlatforms];
    pressure = new double[nPlatforms];
    java.util.Arrays.fill(pressure, 1);
    for (int p = 0; p < nPlatforms; p++) {
      coop[p] = platforms[p].cooperationAt(0);
    }
    migration = new MigrationChoice(sc, platforms);
    rec = new Recorder(sc, st, postsRng);
    double[] grid = rec.grid();
    double last = grid[grid.length - 1];
    int buckets = calendarBuckets(n);
    clocks = new ClockCalendar(state, Records.WORDS, Records.at(0) + 2, n, last, buckets);
    queue = new EventQueue(last, buckets);
    moveRate = nPlatforms > 1 ? sc.moveRate() : 0;
    leaveRate = sc.abandonmentRate() + moveRate;
  }

  /**
   * The number of buckets of the clock calendar and of the event queue: one per eight channels (at
   * least 64, at most 2^20), so that the heaps of reached buckets stay small (in the November 2019
   * preset at 10^5 channels at most 41 clocks and 809 events) and the bucket heads cost half a byte
   * per channel.
   */
  static int calendarBuckets(int channels) {
    return Math.max(64, Math.min(1 << 20, channels / 8));
  }

  private boolean active(int i) {
    return (state[Records.at(i)] & ACTIVE) != 0;
  }

  private boolean pending(int i) {
    return (state[Records.at(i)] & PENDING) != 0;
  }

  private int generation(int i) {
    return (int) state[Records.at(i)];
  }

  private int platform(int i) {
    return (int) ((state[Records.at(i)] & PLATFORM_MASK) >>> PLATFORM_SHIFT);
  }

  private byte role(int i) {
    return (byte) ((state[Records.at(i)] >>> ROLE_SHIFT) & 0xF);
  }

  private double pendingShare(int i) {
    return Double.longBitsToDouble(state[Records.at(i) + 1]);
  }

  private void pendingShare(int i, double share) {
    state[Records.at(i) + 1] = Double.doubleToRawLongBits(share);
  }

  private int pendingBan(int i) {
    return (int) ((state[Records.at(i)] & BAN_MASK) >>> BAN_SHIFT);
  }

  Simulation.Run run() {
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
    double[] grid = rec.grid();
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
      audience.catchUp(t, rng);
      rec.observe(g, t, audience.total);
    }
    Trajectory tr = rec.trajectory(platformIds, events, audience.updates);
    if (!rec.keepsLog()) {
      return new Simulation.Run(tr, List.of());
    }
    for (int i = 0; i < n; i++) {
      if (active(i)) {
        rec.lifetime(i, channelIds[i], generation(i), platformIds.get(platform(i)), role(i), horizon, Optional.empty());
      }
    }
    return new Simulation.Run(tr, rec.events(), rec.lifetimes());
  }

  private void handle() {
    double t = queue.topTime;
    int i = queue.topTarget;
    int stamp = queue.topStamp;
    switch (queue.topType) {
      case REMOVE -> {
        if (active(i) && generation(i) == stamp && pending(i)) {
          events++;
          remove(i, t, BAN_LEVELS[pendingBan(i)], pendingShare(i), EndCause.REFERRAL);
        }
      }
      case RECREATE -> {
        if (!active(i) && generation(i) == stamp) {
          events++;
          recreate(i, t);
        }
      }
      case ACTION_REFERRAL -> {
        int a = stamp >>> 20;
        int gen = stamp & 0xFFFFF;
        if (active(i) && (generation(i) & 0xFFFFF) == gen) {
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

  /**
   * A channel's removal-related clock fired: a candidate at the rate bound of {@link #nextClock}. The
   * audience is brought up to now, and one uniform picks detection, proactive moderation, abandonment
   * or a move with their exact current hazards, or rejects the candidate (thinning: Lewis and Shedler
   * 1979) with the rest of the bound; a rejected candidate is not an event, and the clock restarts.
   */
  private void hazard(int i, double t) {
    if (!active(i)) {
      return;
    }
    Cooperation c = coop[platform(i)];
    double visBound = visibility(i, audience.cap(i));
    double bound = detection(i, visBound) + c.proactiveHazard() * visBound + leaveRate;
    audience.advance(i, t, rng);
    double vis = visibility(i, audience.audience(i));
    double det = detection(i, vis);
    double mod = c.proactiveHazard() * vis;
    double u = rng.nextDouble() * bound;
    if (u < det) {
      events++;
      refer(i, t, sc.routineBanLevel(), sc.routineSpareBanShare());
      redraw(i, t);
    } else if (u < det + mod) {
      events++;
      remove(i, t, sc.routineBanLevel(), sc.routineSpareBanShare(), EndCause.PROACTIVE);
    } else if (u < det + mod + sc.abandonmentRate()) {
      events++;
      leave(i, t, EndCause.ABANDONED);
    } else if (u < det + mod + leaveRate) {
      events++;
      leave(i, t, EndCause.MIGRATED);
    } else {
      redraw(i, t);
    }
  }

  /** Visibility ((a + 1) / reference)^alpha of channel i at audience a. */
  private double visibility(int i, long a) {
    double alpha = coop[platform(i)].visibilityExponent();
    return alpha == 0 ? 1 : Math.pow((a + 1) / sc.referenceAudience(), alpha);
  }

  private void redraw(int i, double t) {
    double next = nextClock(i, t);
    if (next < Double.POSITIVE_INFINITY) {
      clocks.set(i, next);
    } else {
      clocks.remove(i);
    }
  }

  /** The referral unit's detection hazard of channel i (none while a referral is pending). */
  private double detection(int i, double vis) {
    return pending(i) ? 0 : sc.detectionRate() * pressure[platform(i)] * vis;
  }

  /**
   * Draws channel i's next removal-related candidate time, infinite when it has none: at the rate its
   * hazards would have if its whole former audience had found it already ({@link
   * AudienceProcess#cap}), an upper bound until the channel's state changes (which redraws it); exact
   * when nobody is still looking.
   */
  private double nextClock(int i, double t) {
    if (!active(i)) {
      return Double.POSITIVE_INFINITY;
    }
    double vis = visibility(i, audience.cap(i));
    double rate = detection(i, vis) + coop[platform(i)].proactiveHazard() * vis + leaveRate;
    return rate > 0 ? t + rng.nextExponential() / rate : Double.POSITIVE_INFINITY;
  }

  /**
   * Redraws the clocks of all active channels (of one platform, or of all when {@code onlyPlatform}
   * is negative), in channel order.
   */
  private void redrawAll(double t, int onlyPlatform) {
    for (int i = 0; i < n; i++) {
      if (active(i) && (onlyPlatform < 0 || platform(i) == onlyPlatform)) {
        redraw(i, t);
      }
    }
  }

  private void refer(int i, double t, BanLevel ban, double share) {
    rec.counters[Observed.REFERRALS_SENT.ordinal()]++;
    Cooperation c = coop[platform(i)];
    boolean complied = rng.nextDouble() < c.compliance();
    if (complied) {
      rec.counters[Observed.REFERRALS_COMPLIED.ordinal()]++;
      if (!pending(i)) {
        state[Records.at(i)] = (state[Records.at(i)] & ~BAN_MASK) | PENDING | ((long) ban.ordinal() << BAN_SHIFT);
        pendingShare(i, share);
        queue.push(t + c.latency().sample(rng), REMOVE, i, generation(i));
      } else if (ban == BanLevel.ACCOUNT) {
        // a harsher referral while one is pending: the removal becomes an account ban
        state[Records.at(i)] = (state[Records.at(i)] & ~BAN_MASK) | ((long) BanLevel.ACCOUNT.ordinal() << BAN_SHIFT);
        pendingShare(i, Math.max(pendingShare(i), share));
      }
    } else {
      rec.counters[Observed.REFERRALS_DECLINED.ordinal()]++;
    }
    record(t, SimEvent.Kind.REFERRAL, i, complied ? "complied" : "declined", Optional.empty());
  }

  /**
   * Ends channel i's incarnation at t, whatever the cause: the state, the counts by platform and role,
   * the audiences of the channels it pointed to, and the lifetime record.
   */
  private void end(int i, double t, EndCause cause) {
    audience.advance(i, t, rng);
    state[Records.at(i)] &= ~(ACTIVE | PENDING);
    clocks.remove(i);
    rec.ended(platform(i), role(i), t);
    audience.end(i);
    for (int k = outStart[i]; k < outStart[i + 1]; k++) {
      int j = outList[k];
      if (audience.active(j)) {
        audience.linkChanged(j, t, -1, rng);
      }
    }
    if (rec.keepsLog()) { // the record's arguments cost a look-up and an allocation per end
      rec.lifetime(i, channelIds[i], generation(i), platformIds.get(platform(i)), role(i), t, Optional.of(cause));
    }
  }

  /** The operator ends channel i: abandoned for good, or moved (re-created on another platform). */
  private void leave(int i, double t, EndCause cause) {
    end(i, t, cause);
    rec.counters[Observed.DEPARTURES.ordinal()]++;
    boolean move = cause == EndCause.MIGRATED;
    record(t, move ? SimEvent.Kind.DEPARTURE : SimEvent.Kind.ABANDONMENT, i, "", Optional.of(cause));
    if (move) {
      state[Records.at(i)] |= MOVING;
      queue.push(t + sc.recreationDelay().sample(rng), RECREATE, i, generation(i));
    }
  }

  private void remove(int i, double t, BanLevel ban, double spareShare, EndCause cause) {
    int p = platform(i);
    end(i, t, cause);
    rec.counters[Observed.REMOVALS.ordinal()]++;
    migration.recordRemoval(p, t);
    int op = operator[i];
    if (ban == BanLevel.ACCOUNT) {
      banned[op] = true;
      spare[op] -= (int) Binomial.sample(rng, spare[op], spareShare);
    }
    if (rec.keepsLog()) {
      String what = cause == EndCause.REFERRAL ? "referral" : "proactive moderation";
      record(t, SimEvent.Kind.REMOVAL, i, what + (ban == BanLevel.ACCOUNT ? ", account ban" : ""), Optional.of(cause));
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
      queue.push(t + sc.recreationDelay().sample(rng), RECREATE, i, generation(i));
    }
  }

  private void recreate(int i, double t) {
    int from = platform(i);
    int to;
    if (moveRate > 0 && (state[Records.at(i)] & MOVING) != 0) {
      state[Records.at(i)] &= ~MOVING;
      to = migration.chooseOther(from, t, rng);
    } else {
      to = migration.choose(from, t, rng);
    }
    // the next generation (its own 32 bits), active again, on platform to
    long g = (state[Records.at(i)] + 1) & GENERATION_MASK;
    state[Records.at(i)] = (state[Records.at(i)] & ~(GENERATION_MASK | PLATFORM_MASK)) | g | ACTIVE | ((long) to << PLATFORM_SHIFT);
    rec.created(i, to, role(i), t);
    int in = 0;
    for (int k = inStart[i]; k < inStart[i + 1]; k++) {
      in += audience.active(inList[k]) ? 1 : 0;
    }
    audience.recreate(i, t, in, rng);
    for (int k = outStart[i]; k < outStart[i + 1]; k++) {
      int j = outList[k];
      if (audience.active(j)) {
        audience.linkChanged(j, t, +1, rng);
      }
    }
    rec.counters[Observed.RECREATIONS.ordinal()]++;
    record(t, SimEvent.Kind.RECREATION, i, "", Optional.empty());
    if (to != from) {
      rec.counters[Observed.MIGRATIONS.ordinal()]++;
      if (rec.keepsLog()) {
        record(t, SimEvent.Kind.MIGRATION, i, "from " + platformIds.get(from), Optional.empty());
      }
    }
    redraw(i, t);
  }

  private void startAction(int a, double t) {
    ActionDay ad = sc.actionDays().get(a);
    boolean backups = ad.strategy() == TargetingStrategy.INCLUDING_BACKUPS;
    boolean[] targeted = new boolean[nPlatforms];
    for (int p = 0; p < nPlatforms; p++) {
      targeted[p] = ad.targets(platformIds.get(p));
    }
    int[] order = new int[rec.activeTotal];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (active(i) && targeted[platform(i)] && (backups || role(i) != ChannelRole.BACKUP.ordinal())) {
        order[m++] = i;
      }
    }
    audience.catchUp(t, rng); // the audiences as they are now, for the strategies that rank by them
    Targeting.order(ad.strategy(), order, m, audience.audiences(), role, compiled::degree, rng);
    int budget = Math.min(ad.budget(), m);
    double[] when = new double[budget];
    int[] stamps = new int[budget];
    for (int k = 0; k < budget; k++) {
      int i = order[k];
      when[k] = t + (ad.window() > 0 ? rng.nextDouble() * ad.window() : 0);
      stamps[k] = (a << 20) | (generation(i) & 0xFFFFF);
    }
    queue.pushBatch(when, ACTION_REFERRAL, order, stamps, budget);
  }

  private void record(double t, SimEvent.Kind kind, int i, String detail, Optional<EndCause> cause) {
    if (rec.keepsLog()) {
      rec.event(new SimEvent(t, kind, channelIds[i], generation(i), platformIds.get(platform(i)), detail, cause));
    }
  }
}
