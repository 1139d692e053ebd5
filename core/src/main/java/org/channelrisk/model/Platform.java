package org.channelrisk.model;

import org.channelrisk.internal.Checks;
import java.util.Locale;

/**
 * An online platform on which channels live (Telegram, a microblogging service, a file host).
 *
 * <pre>{@code
 * Platform telegram = Platform.of("telegram", "Telegram", 500_000_000L, SecurityRating.SAFE,
 *     Cooperation.of(0.9, LatencyDistribution.exponentialHours(12)));
 * telegram.cooperationAt(10.0).compliance();   // 0.9
 * }</pre>
 *
 * @param id unique identifier, used by channels, accounts and referrals
 * @param name display name
 * @param userBase number of users, &gt;= 0 (a migration utility term)
 * @param securityRating how safe supporters judge the platform
 * @param cooperation the cooperation profile over time
 */
public record Platform(
    String id, String name, long userBase, SecurityRating securityRating, CooperationSchedule cooperation) {

  /** Validates every field. */
  public Platform {
    Checks.id("platform id", id);
    Checks.notNull("name", name);
    Checks.nonNegative("userBase of platform " + id, userBase);
    Checks.notNull("securityRating", securityRating);
    Checks.notNull("cooperation", cooperation);
  }

  /**
   * A platform with a constant cooperation profile.
   *
   * @param id identifier
   * @param name display name
   * @param userBase users
   * @param rating security rating
   * @param cooperation the profile at all times
   * @return the platform
   */
  public static Platform of(
      String id, String name, long userBase, SecurityRating rating, Cooperation cooperation) {
    return new Platform(id, name, userBase, rating, CooperationSchedule.constant(cooperation));
  }

  /**
   * The cooperation profile in force on a day.
   *
   * @param day time in days
   * @return the profile
   */
  public Cooperation cooperationAt(double day) {
    return cooperation.at(day);
  }

  /**
   * A copy with another cooperation schedule.
   *
   * @param schedule the schedule
   * @return the copy
   */
  public Platform withCooperation(CooperationSchedule schedule) {
    return new Platform(id, name, userBase, securityRating, schedule);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "Platform[%s '%s', %,d users, %s, %s]", id, name, userBase, securityRating, cooperation);
  }
}
