package org.channelrisk.sim;

import java.util.Locale;

/**
 * Where an operator re-creates a removed channel: a platform is drawn with probability proportional to
 * {@code exp(securityWeight * score + usersWeight * log(userBase + 1) - pressureWeight * log(1 + recent
 * removals) + stayBonus * [same platform])} (a multinomial logit), where the security score is the
 * platform's rating (0 to 3) and recent removals decay with time constant {@code memoryDays}.
 *
 * <pre>{@code
 * Migration m = Migration.DEFAULT.withSecurityWeight(0.8).withStayBonus(2);
 * Scenario.builder(eco).migration(m);
 * }</pre>
 *
 * @param securityWeight weight of the security score, finite
 * @param usersWeight weight of log user base, finite
 * @param pressureWeight weight (subtracted) of log(1 + recent removals), finite
 * @param stayBonus bonus for staying on the same platform, finite
 * @param memoryDays time constant of the removal memory, finite and &gt; 0
 */
public record Migration(double securityWeight, double usersWeight, double pressureWeight, double stayBonus, double memoryDays) {
  /** Security 0.5, users 0.1, pressure 0.5, stay 3, memory 30 days. */
  public static final Migration DEFAULT = new Migration(0.5, 0.1, 0.5, 3, 30);

  /** Checks the values. */
  public Migration {
    if (!Double.isFinite(securityWeight) || !Double.isFinite(usersWeight) || !Double.isFinite(pressureWeight)
        || !Double.isFinite(stayBonus)) {
      throw new IllegalArgumentException("migration weights must be finite: security " + securityWeight + ", users "
          + usersWeight + ", pressure " + pressureWeight + ", stay " + stayBonus);
    }
    if (!(memoryDays > 0) || Double.isInfinite(memoryDays)) {
      throw new IllegalArgumentException("migration memoryDays must be finite and > 0: " + memoryDays);
    }
  }

  /** @param w weight of the security score @return a copy with it */
  public Migration withSecurityWeight(double w) {
    return new Migration(w, usersWeight, pressureWeight, stayBonus, memoryDays);
  }

  /** @param w weight of log user base @return a copy with it */
  public Migration withUsersWeight(double w) {
    return new Migration(securityWeight, w, pressureWeight, stayBonus, memoryDays);
  }

  /** @param w weight of recent removals @return a copy with it */
  public Migration withPressureWeight(double w) {
    return new Migration(securityWeight, usersWeight, w, stayBonus, memoryDays);
  }

  /** @param bonus bonus for staying @return a copy with it */
  public Migration withStayBonus(double bonus) {
    return new Migration(securityWeight, usersWeight, pressureWeight, bonus, memoryDays);
  }

  /** @param days time constant of the removal memory @return a copy with it */
  public Migration withMemoryDays(double days) {
    return new Migration(securityWeight, usersWeight, pressureWeight, stayBonus, days);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "migration security %.3g users %.3g pressure %.3g stay %.3g memory %.3g d",
        securityWeight, usersWeight, pressureWeight, stayBonus, memoryDays);
  }
}
