package org.channelrisk.sim;

import com.google.common.collect.ImmutableSet;
import java.util.Locale;
import java.util.Set;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Setting;

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

  /** Pressure after the action when none is set: none (0 days, multiplier 1). */
  public static final double DEFAULT_PRESSURE_DAYS = 0;
  /** The detection multiplier of no pressure. */
  public static final double DEFAULT_PRESSURE_MULTIPLIER = 1;

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
    Checks.atLeastOne("pressureMultiplier", pressureMultiplier);
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
    // each setting once: a second call would silently replace the first
    private final Setting<Double> window = Setting.checked("window", Checks::finiteNonNegative);
    private final Setting<Integer> budget = Setting.checked("budget", Checks::nonNegative);
    private final Setting<Set<String>> platforms = new Setting<>("platforms");
    private final Setting<TargetingStrategy> strategy = new Setting<>("strategy");
    private final Setting<BanLevel> banLevel = new Setting<>("banLevel");
    private final Setting<Double> spareBanShare = Setting.checked("spareBanShare", Checks::probability);
    private final Setting<double[]> pressure = new Setting<>("pressure",
        p -> String.format(Locale.ROOT, "x%s for %s d", p[1], p[0]));

    private Builder(double time) {
      this.time = time;
    }

    /** @param days window length (default 0) @return this builder */
    public Builder window(double days) {
      return window.set(this, days);
    }

    /** @param referrals number of referrals (default 0) @return this builder */
    public Builder budget(int referrals) {
      return budget.set(this, referrals);
    }

    /** @param ids platform ids, kept in the order given (repeats dropped; default all platforms) @return this builder */
    public Builder platforms(String... ids) {
      return platforms.set(this, ImmutableSet.copyOf(ids));
    }

    /** @param s targeting strategy (default {@link TargetingStrategy#RANDOM}) @return this builder */
    public Builder strategy(TargetingStrategy s) {
      return strategy.set(this, s);
    }

    /** @param level ban level (default {@link BanLevel#CHANNEL}) @return this builder */
    public Builder banLevel(BanLevel level) {
      return banLevel.set(this, level);
    }

    /**
     * @param share probability that each spare account is found with an account ban (default 0)
     * @return this builder
     */
    public Builder spareBanShare(double share) {
      return spareBanShare.set(this, share);
    }

    /**
     * @param days length of the sustained-pressure period after the window
     * @param multiplier detection multiplier during it (default: no pressure)
     * @return this builder
     */
    public Builder pressure(double days, double multiplier) {
      // checked here, as the other settings, so that a refused call leaves the builder as it was
      Checks.finiteNonNegative("pressureDays", days);
      Checks.atLeastOne("pressureMultiplier", multiplier);
      return pressure.set(this, new double[] {days, multiplier});
    }

    /**
     * @return the action day
     * @throws IllegalArgumentException if a value is out of range
     */
    public ActionDay build() {
      double[] p = pressure.orElse(new double[] {DEFAULT_PRESSURE_DAYS, DEFAULT_PRESSURE_MULTIPLIER});
      return new ActionDay(time, window.orElse(0.0), budget.orElse(0), platforms.orElse(Set.of()),
          strategy.orElse(TargetingStrategy.RANDOM), banLevel.orElse(BanLevel.CHANNEL), spareBanShare.orElse(0.0), p[0], p[1]);
    }
  }
}
