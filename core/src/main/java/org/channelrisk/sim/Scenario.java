package org.channelrisk.sim;

import org.channelrisk.internal.Checks;
import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.channelrisk.model.ChannelRole;
import org.channelrisk.model.Ecosystem;
import org.channelrisk.model.LatencyDistribution;

/**
 * Everything a simulation run needs besides its seed: the ecosystem (with the platforms' cooperation
 * schedules), the processes' parameters, the interventions, the horizon and the observation grid.
 *
 * <pre>{@code
 * Scenario s = Scenario.builder(ecosystem)
 *     .detectionRate(0.002)                          // referrals per channel-day at reference visibility
 *     .recreation(0.8, LatencyDistribution.exponential(3))
 *     .audience(AudienceRecovery.DEFAULT.withRetention(0.6))   // r0, r1 as default, 60% retained
 *     .migration(Migration.DEFAULT.withStayBonus(2))
 *     .actionDay(ActionDay.at(30).budget(500).build())
 *     .horizon(365).gridStep(1)
 *     .build();
 * }</pre>
 *
 * <p>The processes (see the package documentation for the full model): detection by the referral unit
 * with hazard {@code d * visibility}; each platform's decision per its cooperation profile; proactive
 * moderation with hazard {@code m * visibility}; visibility = ((audience + 1) / referenceAudience)^alpha
 * with alpha the platform's visibility exponent; re-creation with probability b after a delay; audience
 * re-acquisition with hazard r0 + r1 * (active channels linking in), a fraction 1 - retention lost at each
 * re-creation; migration to another platform at re-creation by a multinomial logit. Operators may also
 * end channels themselves: abandon one (hazard {@code abandonmentRate}, default 0) or move it to another
 * platform (hazard {@code moveRate}, default 0). Every active channel posts as a Poisson process at its
 * role's {@linkplain #postingRate rate}.
 */
public final class Scenario {
  /**
   * The largest audience of one channel the simulator holds (2^31 - 1, far above the largest public
   * channels): the engine keeps audiences in 32 bits, so that a channel's audience state fits in 32
   * bytes with its calendar entry.
   */
  public static final long MAX_AUDIENCE = Integer.MAX_VALUE;

  /**
   * The largest rate per channel-day a scenario takes for detection, abandonment, moves and posting
   * (10,000 a day: one every nine seconds). A run's work grows with the rates, and far above this a
   * run would only spend its time on events finer than any observation, or overflow its counts (a
   * posting rate of 1e300 gave 9.2e18 posts).
   */
  public static final double MAX_RATE = 1e4;

  /** Default reference audience of visibility. */
  public static final double DEFAULT_REFERENCE_AUDIENCE = 1_000;

  /** Default end of a run: a year, in days. */
  public static final double DEFAULT_HORIZON = 365;

  /** Default spacing of the observation grid: a day. */
  public static final double DEFAULT_GRID_STEP = 1;

  private static final double[] DEFAULT_POSTING_RATES = {20, 5, 1, 0.2};

  /**
   * Default posts per day of an active channel, by role: official outlets 20, distributors 5,
   * archives 1, backups 0.2. Why: channels created after the October 2018 action day posted 4.6 times
   * a day on average (Amarasingam, Maher and Winter 2021), and most channels are distributors;
   * official outlets are the source of content and post several times as often; archives re-post
   * occasionally; backups are kept quiet until needed. With the November 2019 preset's role shares
   * (2%, 80%, 8%, 10%) the mean is 4.5 posts per channel-day. Under sustained pressure the same report
   * measured 56.8 posts a day for new channels: a calibration can raise the rates (the model keeps
   * them constant in time).
   *
   * @param role a role
   * @return its default posts per day
   */
  public static double defaultPostingRate(ChannelRole role) {
    return DEFAULT_POSTING_RATES[role.ordinal()];
  }

  private final Ecosystem ecosystem;
  private final double detectionRate;
  private final double referenceAudience;
  private final RoutineBans routineBans;
  private final Recreation recreation;
  private final AudienceRecovery audience;
  private final Migration migration;
  private final double abandonmentRate;
  private final double moveRate;
  private final double[] postingRates;
  private final ImmutableList<ActionDay> actionDays;
  private final double horizon;
  private final double gridStep;
  private final boolean eventLog;
  /** The engine's index structure, built on first use and shared by all runs (and threads). */
  private final Supplier<CompiledEcosystem> structure = Suppliers.memoize(() -> new CompiledEcosystem(ecosystem()));

  private Scenario(Builder b) {
    this.ecosystem = b.ecosystem;
    this.detectionRate = b.detectionRate;
    this.referenceAudience = b.referenceAudience;
    this.routineBans = b.routineBans;
    this.recreation = b.recreation;
    this.audience = b.audience;
    this.migration = b.migration;
    this.abandonmentRate = b.abandonmentRate;
    this.moveRate = b.moveRate;
    this.postingRates = b.postingRates.clone();
    this.actionDays = ImmutableList.copyOf(b.actionDays);
    this.horizon = b.horizon;
    this.gridStep = b.gridStep;
    this.eventLog = b.eventLog;
  }

  /**
   * @param ecosystem the starting ecosystem
   * @return a builder with the documented defaults
   */
  public static Builder builder(Ecosystem ecosystem) {
    return new Builder(ecosystem);
  }

  /**
   * @return a builder holding this scenario's values, to derive a variant: each setting may be
   *     changed once, as on a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(ecosystem);
    b.detectionRate = detectionRate;
    b.referenceAudience = referenceAudience;
    b.routineBans = routineBans;
    b.recreation = recreation;
    b.audience = audience;
    b.migration = migration;
    b.abandonmentRate = abandonmentRate;
    b.moveRate = moveRate;
    b.postingRates = postingRates.clone();
    b.actionDays = new ArrayList<>(actionDays);
    b.horizon = horizon;
    b.gridStep = gridStep;
    b.eventLog = eventLog;
    return b;
  }

  /** @return the starting ecosystem */
  public Ecosystem ecosystem() {
    return ecosystem;
  }

  /** @return referral-unit detections per channel-day at reference visibility */
  public double detectionRate() {
    return detectionRate;
  }

  /** @return the audience at which visibility is 1 */
  public double referenceAudience() {
    return referenceAudience;
  }

  /** @return what routine removals ban */
  public RoutineBans routineBans() {
    return routineBans;
  }

  /** @return how operators re-create removed channels */
  public Recreation recreation() {
    return recreation;
  }

  /** @return how former audiences find re-created channels */
  public AudienceRecovery audience() {
    return audience;
  }

  /** @return where operators re-create */
  public Migration migration() {
    return migration;
  }

  /** @return ban level of routine removals (referrals outside action days, proactive moderation) */
  public BanLevel routineBanLevel() {
    return routineBans.level();
  }

  /** @return with routine account bans, the probability that each spare account is found too */
  public double routineSpareBanShare() {
    return routineBans.spareShare();
  }

  /** @return probability that an operator able to re-create a removed channel does so */
  public double recreationProbability() {
    return recreation.probability();
  }

  /** @return delay from removal to re-creation */
  public LatencyDistribution recreationDelay() {
    return recreation.delay();
  }

  /** @return r0: hazard per day with which a former member finds a new incarnation */
  public double audienceBaseHazard() {
    return audience.baseHazard();
  }

  /** @return r1: extra hazard per active channel linking to the new incarnation */
  public double audienceLinkHazard() {
    return audience.linkHazard();
  }

  /** @return share of the former audience still looking after a re-creation */
  public double retention() {
    return audience.retention();
  }

  /** @return logit weight of the platform's security score (0..3) */
  public double migrationSecurityWeight() {
    return migration.securityWeight();
  }

  /** @return logit weight of log(user base + 1) */
  public double migrationUsersWeight() {
    return migration.usersWeight();
  }

  /** @return logit weight (subtracted) of log(1 + recent removals on the platform) */
  public double migrationPressureWeight() {
    return migration.pressureWeight();
  }

  /** @return logit bonus of staying on the same platform */
  public double migrationStayWeight() {
    return migration.stayBonus();
  }

  /** @return time constant (days) of the decaying memory of removals that drives migration */
  public double pressureMemoryDays() {
    return migration.memoryDays();
  }

  /** @return hazard per channel-day with which an operator abandons an active channel (default 0) */
  public double abandonmentRate() {
    return abandonmentRate;
  }

  /**
   * @return hazard per channel-day with which an operator moves an active channel to another platform
   *     (default 0; without a second platform there is nowhere to move and the hazard does not act)
   */
  public double moveRate() {
    return moveRate;
  }

  /**
   * @param role a role
   * @return posts per day of an active channel of that role
   */
  public double postingRate(ChannelRole role) {
    return postingRates[role.ordinal()];
  }

  /** @return the action days, by time */
  public List<ActionDay> actionDays() {
    return actionDays;
  }

  /** @return the end of the run, in days */
  public double horizon() {
    return horizon;
  }

  /** @return the spacing of the observation grid */
  public double gridStep() {
    return gridStep;
  }

  /** @return whether runs record their events */
  public boolean eventLog() {
    return eventLog;
  }

  CompiledEcosystem structure() {
    return structure.get();
  }

  /** @return the observation times 0, step, 2 step, ..., horizon */
  public double[] grid() {
    int n = (int) Math.floor(horizon / gridStep + 1e-9) + 1;
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = i * gridStep;
    }
    return g;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "Scenario[%s; detection %.4g/day, %s, %s, %d action day(s), horizon %s d, grid %s d]",
        ecosystem, detectionRate, recreation, audience, actionDays.size(), horizon, gridStep);
  }

  /**
   * Builder; each setter checks its argument and names it, and takes its setting once: a second call
   * to the same setter is a mistake that a silent overwrite would hide, so it throws (as Caffeine's
   * builders do). Action days are added, one call each.
   */
  public static final class Builder {
    private final Ecosystem ecosystem;
    private final java.util.Set<String> set = new java.util.HashSet<>();
    private double detectionRate;
    private double referenceAudience = DEFAULT_REFERENCE_AUDIENCE;
    private RoutineBans routineBans = RoutineBans.DEFAULT;
    private Recreation recreation = Recreation.DEFAULT;
    private AudienceRecovery audience = AudienceRecovery.DEFAULT;
    private Migration migration = Migration.DEFAULT;
    private double abandonmentRate;
    private double moveRate;
    private double[] postingRates = DEFAULT_POSTING_RATES.clone();
    private List<ActionDay> actionDays = new ArrayList<>();
    private double horizon = DEFAULT_HORIZON;
    private double gridStep = DEFAULT_GRID_STEP;
    private boolean eventLog;

    private Builder(Ecosystem ecosystem) {
      if (ecosystem == null) {
        throw new NullPointerException("ecosystem must not be null");
      }
      this.ecosystem = ecosystem;
    }

    private void once(String setting) {
      if (!set.add(setting)) {
        throw new IllegalStateException(setting + " was already set on this builder; each setting is taken once");
      }
    }

    // Each helper checks before it takes the setting, so that a refused value leaves the builder as it was.

    /** Takes a setting once, checked finite and &gt;= 0. */
    private double onceFiniteNonNegative(String setting, double value) {
      Checks.finiteNonNegative(setting, value);
      once(setting);
      return value;
    }

    /** Takes a rate per channel-day once, checked in [0, {@link Scenario#MAX_RATE}]. */
    private double onceRate(String setting, double perDay) {
      Checks.finiteNonNegative(setting, perDay);
      if (perDay > MAX_RATE) {
        throw new IllegalArgumentException(setting + " must be at most " + (long) MAX_RATE + " per day: " + perDay);
      }
      once(setting);
      return perDay;
    }

    /** Takes a setting once, checked &gt; 0. */
    private double oncePositive(String setting, double value) {
      Checks.positive(setting, value);
      once(setting);
      return value;
    }

    /** Takes a setting once, checked not null. */
    private <T> T onceNotNull(String setting, T value) {
      Checks.notNull(setting, value);
      once(setting);
      return value;
    }

    /** @param perDay referral-unit detections per channel-day at reference visibility, in [0, {@link Scenario#MAX_RATE}] (default 0) @return this builder */
    public Builder detectionRate(double perDay) {
      this.detectionRate = onceRate("detectionRate", perDay);
      return this;
    }

    /** @param audience the audience with visibility 1 (default 1,000) @return this builder */
    public Builder referenceAudience(double audience) {
      this.referenceAudience = oncePositive("referenceAudience", audience);
      return this;
    }

    /** @param bans what routine removals ban (default {@link RoutineBans#DEFAULT}) @return this builder */
    public Builder routineBan(RoutineBans bans) {
      this.routineBans = onceNotNull("routineBan", bans);
      return this;
    }

    /**
     * @param level ban level of routine removals (default CHANNEL)
     * @param spareShare with account bans, the probability that each spare account is found too (default 0)
     * @return this builder
     */
    public Builder routineBan(BanLevel level, double spareShare) {
      return routineBan(new RoutineBans(level, spareShare));
    }

    /** @param r how operators re-create (default {@link Recreation#DEFAULT}) @return this builder */
    public Builder recreation(Recreation r) {
      this.recreation = onceNotNull("recreation", r);
      return this;
    }

    /**
     * @param probability chance that an operator able to re-create does so (default 1)
     * @param delay delay from removal to re-creation (default exponential, mean 2 days)
     * @return this builder
     */
    public Builder recreation(double probability, LatencyDistribution delay) {
      return recreation(new Recreation(probability, delay));
    }

    /**
     * @param a how former audiences find re-created channels (default {@link AudienceRecovery#DEFAULT}),
     *     e.g. {@code AudienceRecovery.DEFAULT.withRetention(0.6)}
     * @return this builder
     */
    public Builder audience(AudienceRecovery a) {
      this.audience = onceNotNull("audience", a);
      return this;
    }

    /**
     * @param m where operators re-create (default {@link Migration#DEFAULT}), e.g.
     *     {@code Migration.DEFAULT.withStayBonus(2)}
     * @return this builder
     */
    public Builder migration(Migration m) {
      this.migration = onceNotNull("migration", m);
      return this;
    }

    /**
     * Operators abandon their channels: each active channel ends with this hazard, cause {@link
     * EndCause#ABANDONED}, and is not re-created.
     *
     * @param perDay hazard per channel-day, in [0, {@link Scenario#MAX_RATE}] (default 0: operators never give up)
     * @return this builder
     */
    public Builder abandonmentRate(double perDay) {
      this.abandonmentRate = onceRate("abandonmentRate", perDay);
      return this;
    }

    /**
     * Operators move their channels: each active channel ends with this hazard, cause {@link
     * EndCause#MIGRATED}, and is re-created after the re-creation delay on another platform, chosen by
     * the migration logit among the other platforms (the stay bonus does not apply); its audience
     * follows as after a re-creation. Needs at least two platforms to act.
     *
     * @param perDay hazard per channel-day, in [0, {@link Scenario#MAX_RATE}] (default 0)
     * @return this builder
     */
    public Builder moveRate(double perDay) {
      this.moveRate = onceRate("moveRate", perDay);
      return this;
    }

    /**
     * @param role a role
     * @param perDay posts per day of an active channel of that role, in [0, {@link Scenario#MAX_RATE}] (defaults:
     *     {@link Scenario#defaultPostingRate})
     * @return this builder
     */
    public Builder postingRate(ChannelRole role, double perDay) {
      String setting = "postingRate of " + Checks.notNull("role", role);
      postingRates[role.ordinal()] = onceRate(setting, perDay);
      return this;
    }

    /** Removes the action days added so far (to derive a variant). @return this builder */
    public Builder clearActionDays() {
      actionDays.clear();
      return this;
    }

    /** @param day an action day (several may be added) @return this builder */
    public Builder actionDay(ActionDay day) {
      actionDays.add(java.util.Objects.requireNonNull(day, "actionDay"));
      actionDays.sort(java.util.Comparator.comparingDouble(ActionDay::time));
      return this;
    }

    /** @param days end of the run, finite and &gt;= 0 (default {@value #DEFAULT_HORIZON}) @return this builder */
    public Builder horizon(double days) {
      this.horizon = onceFiniteNonNegative("horizon", days);
      return this;
    }

    /** @param days spacing of the observation grid, &gt; 0 (default {@value #DEFAULT_GRID_STEP}) @return this builder */
    public Builder gridStep(double days) {
      this.gridStep = oncePositive("gridStep", days);
      return this;
    }

    /** @param record whether runs keep their event log (default false) @return this builder */
    public Builder eventLog(boolean record) {
      once("eventLog");
      this.eventLog = record;
      return this;
    }

    /** @return the scenario */
    public Scenario build() {
      for (ActionDay a : actionDays) {
        for (String p : a.platforms()) {
          if (!ecosystem.platforms().containsKey(p)) {
            throw new IllegalArgumentException("action day at " + a.time() + " targets unknown platform '" + p + "'; the platforms are "
                + ecosystem.platforms().keySet());
          }
        }
      }
      if (horizon / gridStep > 10_000_000) {
        throw new IllegalArgumentException("the grid would have more than 10 million points: horizon " + horizon + ", step " + gridStep);
      }
      for (org.channelrisk.model.Channel c : ecosystem.channels().values()) {
        if (c.audience() > MAX_AUDIENCE) {
          throw new IllegalArgumentException("channel " + c.id() + " has an audience of " + c.audience()
              + "; the simulator holds at most " + MAX_AUDIENCE + " per channel");
        }
      }
      return new Scenario(this);
    }
  }
}
