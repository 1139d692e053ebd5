package org.channelrisk.sim;

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
 *     .audience(0.05, 0.02, 0.7)                     // r0, r1 per linking channel, retention
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
  /** Default reference audience of visibility. */
  public static final double DEFAULT_REFERENCE_AUDIENCE = 1_000;

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
  private final BanLevel routineBanLevel;
  private final double routineSpareBanShare;
  private final double recreationProbability;
  private final LatencyDistribution recreationDelay;
  private final double audienceBaseHazard;
  private final double audienceLinkHazard;
  private final double retention;
  private final double migrationSecurityWeight;
  private final double migrationUsersWeight;
  private final double migrationPressureWeight;
  private final double migrationStayWeight;
  private final double pressureMemoryDays;
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
    this.routineBanLevel = b.routineBanLevel;
    this.routineSpareBanShare = b.routineSpareBanShare;
    this.recreationProbability = b.recreationProbability;
    this.recreationDelay = b.recreationDelay;
    this.audienceBaseHazard = b.audienceBaseHazard;
    this.audienceLinkHazard = b.audienceLinkHazard;
    this.retention = b.retention;
    this.migrationSecurityWeight = b.migrationSecurityWeight;
    this.migrationUsersWeight = b.migrationUsersWeight;
    this.migrationPressureWeight = b.migrationPressureWeight;
    this.migrationStayWeight = b.migrationStayWeight;
    this.pressureMemoryDays = b.pressureMemoryDays;
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

  /** @return a builder holding this scenario's values, to derive a variant */
  public Builder toBuilder() {
    Builder b = new Builder(ecosystem);
    b.detectionRate = detectionRate;
    b.referenceAudience = referenceAudience;
    b.routineBanLevel = routineBanLevel;
    b.routineSpareBanShare = routineSpareBanShare;
    b.recreationProbability = recreationProbability;
    b.recreationDelay = recreationDelay;
    b.audienceBaseHazard = audienceBaseHazard;
    b.audienceLinkHazard = audienceLinkHazard;
    b.retention = retention;
    b.migrationSecurityWeight = migrationSecurityWeight;
    b.migrationUsersWeight = migrationUsersWeight;
    b.migrationPressureWeight = migrationPressureWeight;
    b.migrationStayWeight = migrationStayWeight;
    b.pressureMemoryDays = pressureMemoryDays;
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

  /** @return ban level of routine removals (referrals outside action days, proactive moderation) */
  public BanLevel routineBanLevel() {
    return routineBanLevel;
  }

  /** @return with routine account bans, the probability that each spare account is found too */
  public double routineSpareBanShare() {
    return routineSpareBanShare;
  }

  /** @return probability that an operator able to re-create a removed channel does so */
  public double recreationProbability() {
    return recreationProbability;
  }

  /** @return delay from removal to re-creation */
  public LatencyDistribution recreationDelay() {
    return recreationDelay;
  }

  /** @return r0: hazard per day with which a former member finds a new incarnation */
  public double audienceBaseHazard() {
    return audienceBaseHazard;
  }

  /** @return r1: extra hazard per active channel linking to the new incarnation */
  public double audienceLinkHazard() {
    return audienceLinkHazard;
  }

  /** @return share of the former audience still looking after a re-creation */
  public double retention() {
    return retention;
  }

  /** @return logit weight of the platform's security score (0..3) */
  public double migrationSecurityWeight() {
    return migrationSecurityWeight;
  }

  /** @return logit weight of log(user base + 1) */
  public double migrationUsersWeight() {
    return migrationUsersWeight;
  }

  /** @return logit weight (subtracted) of log(1 + recent removals on the platform) */
  public double migrationPressureWeight() {
    return migrationPressureWeight;
  }

  /** @return logit bonus of staying on the same platform */
  public double migrationStayWeight() {
    return migrationStayWeight;
  }

  /** @return time constant (days) of the decaying memory of removals that drives migration */
  public double pressureMemoryDays() {
    return pressureMemoryDays;
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
        "Scenario[%s; detection %.4g/day, re-creation p %.3g after %s, audience r0 %.3g r1 %.3g retention %.3g,"
            + " %d action day(s), horizon %s d, grid %s d]",
        ecosystem, detectionRate, recreationProbability, recreationDelay, audienceBaseHazard, audienceLinkHazard, retention,
        actionDays.size(), horizon, gridStep);
  }

  /** Builder; each setter checks its argument and names it. */
  public static final class Builder {
    private final Ecosystem ecosystem;
    private double detectionRate;
    private double referenceAudience = DEFAULT_REFERENCE_AUDIENCE;
    private BanLevel routineBanLevel = BanLevel.CHANNEL;
    private double routineSpareBanShare;
    private double recreationProbability = 1;
    private LatencyDistribution recreationDelay = LatencyDistribution.exponential(2);
    private double audienceBaseHazard = 0.05;
    private double audienceLinkHazard = 0.02;
    private double retention = 0.7;
    private double migrationSecurityWeight = 0.5;
    private double migrationUsersWeight = 0.1;
    private double migrationPressureWeight = 0.5;
    private double migrationStayWeight = 3;
    private double pressureMemoryDays = 30;
    private double abandonmentRate;
    private double moveRate;
    private double[] postingRates = DEFAULT_POSTING_RATES.clone();
    private List<ActionDay> actionDays = new ArrayList<>();
    private double horizon = 365;
    private double gridStep = 1;
    private boolean eventLog;

    private Builder(Ecosystem ecosystem) {
      if (ecosystem == null) {
        throw new NullPointerException("ecosystem must not be null");
      }
      this.ecosystem = ecosystem;
    }

    private static double nonNegative(String field, double v) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(field + " must be finite and >= 0: " + v);
      }
      return v;
    }

    private static double probability(String field, double v) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(field + " must be in [0, 1]: " + v);
      }
      return v;
    }

    /** @param perDay referral-unit detections per channel-day at reference visibility (default 0) @return this builder */
    public Builder detectionRate(double perDay) {
      this.detectionRate = nonNegative("detectionRate", perDay);
      return this;
    }

    /** @param audience the audience with visibility 1 (default 1,000) @return this builder */
    public Builder referenceAudience(double audience) {
      if (!(audience > 0) || Double.isInfinite(audience)) {
        throw new IllegalArgumentException("referenceAudience must be finite and > 0: " + audience);
      }
      this.referenceAudience = audience;
      return this;
    }

    /**
     * @param level ban level of routine removals (default CHANNEL)
     * @param spareShare with account bans, the probability that each spare account is found too (default 0)
     * @return this builder
     */
    public Builder routineBan(BanLevel level, double spareShare) {
      this.routineBanLevel = java.util.Objects.requireNonNull(level, "routineBanLevel");
      this.routineSpareBanShare = probability("routine spare ban share", spareShare);
      return this;
    }

    /**
     * @param probability chance that an operator able to re-create does so (default 1)
     * @param delay delay from removal to re-creation (default exponential, mean 2 days)
     * @return this builder
     */
    public Builder recreation(double probability, LatencyDistribution delay) {
      this.recreationProbability = probability("recreation probability", probability);
      this.recreationDelay = java.util.Objects.requireNonNull(delay, "recreation delay");
      return this;
    }

    /**
     * @param r0 base hazard per day of finding a new incarnation (default 0.05)
     * @param r1 extra hazard per active channel linking in (default 0.02)
     * @param retain share of the former audience still looking after a re-creation (default 0.7)
     * @return this builder
     */
    public Builder audience(double r0, double r1, double retain) {
      this.audienceBaseHazard = nonNegative("audience r0", r0);
      this.audienceLinkHazard = nonNegative("audience r1", r1);
      this.retention = probability("retention", retain);
      return this;
    }

    /**
     * Migration at re-creation: the platform is drawn with probability proportional to
     * exp(security * score + users * log(userBase + 1) - pressure * log(1 + recent removals) + stay * [same platform]).
     *
     * @param security weight of the security score (default 0.5)
     * @param users weight of log user base (default 0.1)
     * @param pressure weight of recent removals (default 0.5)
     * @param stay bonus for staying (default 3)
     * @param memoryDays time constant of the removal memory (default 30)
     * @return this builder
     */
    public Builder migration(double security, double users, double pressure, double stay, double memoryDays) {
      if (!Double.isFinite(security) || !Double.isFinite(users) || !Double.isFinite(pressure) || !Double.isFinite(stay)) {
        throw new IllegalArgumentException("migration weights must be finite");
      }
      if (!(memoryDays > 0) || Double.isInfinite(memoryDays)) {
        throw new IllegalArgumentException("migration memoryDays must be finite and > 0: " + memoryDays);
      }
      this.migrationSecurityWeight = security;
      this.migrationUsersWeight = users;
      this.migrationPressureWeight = pressure;
      this.migrationStayWeight = stay;
      this.pressureMemoryDays = memoryDays;
      return this;
    }

    /**
     * Operators abandon their channels: each active channel ends with this hazard, cause {@link
     * EndCause#ABANDONED}, and is not re-created.
     *
     * @param perDay hazard per channel-day, finite and &gt;= 0 (default 0: operators never give up)
     * @return this builder
     */
    public Builder abandonmentRate(double perDay) {
      this.abandonmentRate = nonNegative("abandonmentRate", perDay);
      return this;
    }

    /**
     * Operators move their channels: each active channel ends with this hazard, cause {@link
     * EndCause#MIGRATED}, and is re-created after the re-creation delay on another platform, chosen by
     * the migration logit among the other platforms (the stay bonus does not apply); its audience
     * follows as after a re-creation. Needs at least two platforms to act.
     *
     * @param perDay hazard per channel-day, finite and &gt;= 0 (default 0)
     * @return this builder
     */
    public Builder moveRate(double perDay) {
      this.moveRate = nonNegative("moveRate", perDay);
      return this;
    }

    /**
     * @param role a role
     * @param perDay posts per day of an active channel of that role, finite and &gt;= 0 (defaults:
     *     {@link Scenario#defaultPostingRate})
     * @return this builder
     */
    public Builder postingRate(ChannelRole role, double perDay) {
      postingRates[java.util.Objects.requireNonNull(role, "role").ordinal()] = nonNegative("postingRate of " + role, perDay);
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

    /** @param days end of the run, finite and &gt;= 0 (default 365) @return this builder */
    public Builder horizon(double days) {
      this.horizon = nonNegative("horizon", days);
      return this;
    }

    /** @param days spacing of the observation grid, &gt; 0 (default 1) @return this builder */
    public Builder gridStep(double days) {
      if (!(days > 0) || Double.isInfinite(days)) {
        throw new IllegalArgumentException("gridStep must be finite and > 0: " + days);
      }
      this.gridStep = days;
      return this;
    }

    /** @param record whether runs keep their event log (default false) @return this builder */
    public Builder eventLog(boolean record) {
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
      return new Scenario(this);
    }
  }
}
