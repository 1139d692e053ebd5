package org.channelrisk.sim;

import com.google.common.collect.ImmutableSet;
import java.util.Locale;
import java.util.Set;
import org.channelrisk.internal.Checks;

/**
 * A referral action day: at {@code time}, over {@code window} days, {@code budget} referrals are sent
 * to the platforms, targets chosen by a {@link TargetingStrategy}; each platform complies per its
 * cooperation profile at the time a referral arrives. Afterwards the platforms may stay under
 * sustained pressure: detection multiplied by {@code pressureMultiplier} for {@code pressureDays}.
 *
 * <pre>{@code
 * ActionDay nov2019 = ActionDay.at(700).window(3).budget(26_000).platforms("telegram")
 *     .strategy(TargetingStrategy.INCLUDING_BACKUPS).banLevel(BanLevel.ACCOUNT).spareBanShare(0.5)
 *     .pressure(60, 3.0).build();
 * }</pre>
 *
 * @param time start of the action, in days
 * @param window duration over which referrals are sent (uniformly), &gt;= 0
 * @param budget number of referrals, &gt;= 0 (more than the eligible channels means all of them)
 * @param platforms platform ids targeted (empty: all)
 * @param strategy how targets are chosen
 * @param banLevel what a removal takes down
 * @param spareBanShare with account bans, the probability that each spare account is found too
 * @param pressureDays length of the sustained-pressure period after the window
 * @param pressureMultiplier detection multiplier during that period, &gt;= 1
 */
public record ActionDay(double time, double window, int budget, Set<String> platforms, TargetingStrategy strategy,
    BanLevel banLevel, double spareBanShare, double pressureDays, double pressureMultiplier) {

  /** Validates every field. */
  public ActionDay {
    Checks.finite("action day time", time);
    Checks.finiteNonNegative("action day window", window);
    Checks.nonNegative("action day budget", budget);
    platforms = ImmutableSet.copyOf(platforms);
    if (strategy == null || banLevel == null) {
      throw new NullPointerException("strategy and banLevel must not be null");
    }
    Checks.probability("spareBanShare", spareBanShare);
    Checks.finiteNonNegative("pressureDays", pressureDays);
    if (!(pressureMultiplier >= 1) || Double.isInfinite(pressureMultiplier)) {
      throw new IllegalArgumentException("pressureMultiplier must be finite and >= 1: " + pressureMultiplier);
    }
  }

  /**
   * Starts a builder: window 0, budget 0, all platforms, random targets, channel bans, no pressure.
   *
   * @param time the day of the action
   * @return a builder
   */
  public static Builder at(double time) {
    return new Builder(time);
  }

  /**
   * @param platformId a platform id
   * @return whether the action targets it
   */
  public boolean targets(String platformId) {
    return platforms.isEmpty() || platforms.contains(platformId);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ActionDay[day %s + %s d, %,d referrals to %s, %s, %s bans%s]", time, window, budget,
        platforms.isEmpty() ? "all platforms" : platforms, strategy, banLevel,
        pressureDays > 0 ? String.format(Locale.ROOT, ", pressure x%.3g for %s d", pressureMultiplier, pressureDays) : "");
  }

  /** Builder of an action day. */
  public static final class Builder {
    private final double time;
    private double window;
    private int budget;
    private Set<String> platforms = Set.of();
    private TargetingStrategy strategy = TargetingStrategy.RANDOM;
    private BanLevel banLevel = BanLevel.CHANNEL;
    private double spareBanShare;
    private double pressureDays;
    private double pressureMultiplier = 1;

    private Builder(double time) {
      this.time = time;
    }

    /** @param days window length @return this builder */
    public Builder window(double days) {
      this.window = days;
      return this;
    }

    /** @param referrals number of referrals @return this builder */
    public Builder budget(int referrals) {
      this.budget = referrals;
      return this;
    }

    /** @param ids platform ids, kept in the order given (repeats dropped) @return this builder */
    public Builder platforms(String... ids) {
      this.platforms = ImmutableSet.copyOf(ids);
      return this;
    }

    /** @param s targeting strategy @return this builder */
    public Builder strategy(TargetingStrategy s) {
      this.strategy = s;
      return this;
    }

    /** @param level ban level @return this builder */
    public Builder banLevel(BanLevel level) {
      this.banLevel = level;
      return this;
    }

    /** @param share probability that each spare account is found with an account ban @return this builder */
    public Builder spareBanShare(double share) {
      this.spareBanShare = share;
      return this;
    }

    /**
     * @param days length of the sustained-pressure period after the window
     * @param multiplier detection multiplier during it
     * @return this builder
     */
    public Builder pressure(double days, double multiplier) {
      this.pressureDays = days;
      this.pressureMultiplier = multiplier;
      return this;
    }

    /** @return the action day */
    public ActionDay build() {
      return new ActionDay(time, window, budget, platforms, strategy, banLevel, spareBanShare, pressureDays, pressureMultiplier);
    }
  }
}
