package org.channelrisk.sim;

import java.util.Map;
import org.channelrisk.model.ChannelRole;
import org.channelrisk.model.Cooperation;
import org.channelrisk.model.CooperationSchedule;
import org.channelrisk.model.Ecosystem;
import org.channelrisk.model.EcosystemGenerator;
import org.channelrisk.model.LatencyDistribution;
import org.channelrisk.model.Platform;
import org.channelrisk.model.SecurityRating;

/**
 * Scenarios calibrated to the seed stories where figures exist. Each assumption is stated next to its
 * number: these are starting points for what-if studies, not estimates of the real networks.
 *
 * <pre>{@code
 * Scenario nov = Presets.actionDay2019(20_000, true);    // Telegram "praised": 2019 cooperation
 * Scenario old = Presets.actionDay2019(20_000, false);   // Telegram "does not cooperate": 2017
 * EnsembleSummary s = Ensemble.of(nov).replicates(100).seed(2019).threads(2).run();
 * }</pre>
 *
 * <p>Time is in days; in {@link #actionDay2019} day 0 is 1 October 2019 and the action day starts on
 * day 51 (21 November 2019).
 */
public final class Presets {
  /** Day of the November 2019 action in {@link #actionDay2019}: 21 November 2019, counted from 1 October. */
  public static final double NOVEMBER_2019_DAY = 51;

  private Presets() {}

  /**
   * Telegram, 2017: "does not cooperate" (seed reports). Assumption: no referral is acted on and
   * there is no proactive moderation.
   *
   * @return the profile
   */
  public static Cooperation telegram2017() {
    return Cooperation.none();
  }

  /**
   * Telegram, 2019: "praised" by Europol for its cooperation. Assumptions: compliance 0.9 (the EU IRU
   * reported 83.64% of 48,931 referral decisions removed over 2015 - February 2018, 91.4% in its first
   * year; we take the upper value for a cooperating platform), removal within hours (exponential, mean
   * 6 hours; the 2021 TCO regulation later required one hour), light proactive moderation (0.002 per
   * channel-day at reference visibility), and a visibility that depends only weakly on audience (exponent
   * 0.2): content, not only size, gets a channel found, so a new incarnation with no audience yet is still
   * found at 0.4 times the rate of a channel of reference size (100).
   *
   * @return the profile
   */
  public static Cooperation telegram2019() {
    return Cooperation.builder().compliance(0.9).latency(LatencyDistribution.exponentialHours(6)).proactiveHazard(0.002)
        .visibilityExponent(0.2).build();
  }

  /**
   * The November 2019 Europol action day on a synthetic Telegram-centred network.
   *
   * <ul>
   *   <li>Network: {@code channels} channels on Telegram (93%) and a self-hosted Rocket.Chat-like
   *       platform rated "safest" in the 33-app ranking (7%); heavy-tailed audiences (Pareto 1.5, 50 to
   *       1,000,000), 3 channels per operator, 2 spare accounts per operator on average (supporters were
   *       told to keep backup accounts), 10% backup channels;
   *   <li>Action: 21-24 November 2019 (window 3 days), "more than 26,000 items" referred to 9 platforms,
   *       Telegram the main one. Assumption: one referral per channel, budget 26,000 scaled by
   *       {@code channels} / 30,000 (a network of 30,000 channels stands for the whole), backups found
   *       too ({@link TargetingStrategy#INCLUDING_BACKUPS}); users and administrators banned
   *       ({@link BanLevel#ACCOUNT}), each spare account found with probability 0.5 (ban-evasion detection);
   *   <li>Before: routine detection 0.002 per channel-day at reference visibility (audience 100);
   *   <li>After: sustained pressure for 180 days with detection x 100. Calibration: new channels after
   *       November 2019 lived 14 days on average (Amarasingam, Maher and Winter 2021), i.e. a removal hazard
   *       near 1/14 = 0.071 per day; a new incarnation (audience 0, visibility (1/100)^0.2 = 0.40) is
   *       detected at 0.002 x 100 x 0.40 = 0.080 per day and removed with probability 0.9: 0.072 per day;
   *   <li>Re-creation: probability 0.9, after an exponential delay of mean 2 days; audiences re-acquired
   *       with r0 = 0.05 per day plus 0.02 per linking channel, 60% of the audience still looking.
   * </ul>
   *
   * @param channels network size, &gt;= 1 (small values for tests and quick looks)
   * @param praised Telegram's 2019 cooperation ({@link #telegram2019()}) if true, its 2017 stance
   *     ({@link #telegram2017()}) if false
   * @return the scenario, horizon 365 days, daily grid
   */
  public static Scenario actionDay2019(int channels, boolean praised) {
    return actionDay2019(channels, praised ? telegram2019() : telegram2017());
  }

  /**
   * {@link #actionDay2019(int, boolean)} with any cooperation profile for Telegram, for sweeps over
   * compliance, removal latency and proactive moderation on the same network (the network does not
   * depend on the profile).
   *
   * <pre>{@code
   * Scenario halfCompliant = Presets.actionDay2019(1_000, Presets.telegram2019().withCompliance(0.5));
   * }</pre>
   *
   * @param channels network size, &gt;= 1
   * @param tg Telegram's cooperation from day 0
   * @return the scenario, horizon 365 days, daily grid
   */
  public static Scenario actionDay2019(int channels, Cooperation tg) {
    Platform telegram = new Platform("telegram", "Telegram", 400_000_000L, SecurityRating.SAFE, CooperationSchedule.constant(tg));
    Platform rocket = Platform.of("rocketchat", "Rocket.Chat (self-hosted)", 10_000_000L, SecurityRating.SAFEST, Cooperation.none());
    Ecosystem eco = EcosystemGenerator.builder()
        .platform(telegram, 0.93).platform(rocket, 0.07)
        .channels(channels).channelsPerOperator(3).meanSpareAccounts(2).meanOutDegree(3)
        .roleShares(Map.of(ChannelRole.OFFICIAL_OUTLET, 0.02, ChannelRole.DISTRIBUTOR, 0.80, ChannelRole.ARCHIVE, 0.08,
            ChannelRole.BACKUP, 0.10))
        .seed(20191121).build().generate();
    int budget = (int) Math.round(26_000.0 * channels / 30_000.0);
    return Scenario.builder(eco)
        .detectionRate(0.002)
        .referenceAudience(100)
        .recreation(0.9, LatencyDistribution.exponential(2))
        .audience(AudienceRecovery.DEFAULT.withRetention(0.6))
        .migration(Migration.DEFAULT)
        .actionDay(ActionDay.at(NOVEMBER_2019_DAY).window(3).budget(budget).platforms("telegram")
            .strategy(TargetingStrategy.INCLUDING_BACKUPS).banLevel(BanLevel.ACCOUNT).spareBanShare(0.5)
            .pressure(180, 100).build())
        .horizon(365).gridStep(1).build();
  }

  /**
   * A variant of {@link #actionDay2019} with another targeting strategy and ban level, for comparing
   * takedown plans on the same network.
   *
   * @param channels network size
   * @param praised Telegram's 2019 cooperation if true
   * @param strategy targeting strategy of the action day
   * @param ban ban level of the action day
   * @return the scenario
   */
  public static Scenario actionDay2019(int channels, boolean praised, TargetingStrategy strategy, BanLevel ban) {
    return actionDay2019(channels, praised ? telegram2019() : telegram2017(), strategy, ban);
  }

  /**
   * A variant of {@link #actionDay2019(int, Cooperation)} with another targeting strategy and ban level.
   *
   * @param channels network size
   * @param tg Telegram's cooperation
   * @param strategy targeting strategy of the action day
   * @param ban ban level of the action day
   * @return the scenario
   */
  public static Scenario actionDay2019(int channels, Cooperation tg, TargetingStrategy strategy, BanLevel ban) {
    Scenario base = actionDay2019(channels, tg);
    ActionDay a = base.actionDays().get(0);
    Scenario.Builder b = base.toBuilder();
    b.clearActionDays();
    return b.actionDay(new ActionDay(a.time(), a.window(), a.budget(), a.platforms(), strategy, ban, a.spareBanShare(),
        a.pressureDays(), a.pressureMultiplier())).build();
  }

  /**
   * Telegram in November 2015: 78 ISIS channels in 12 languages blocked in one week, after the Paris
   * attacks. Assumptions: a network of {@code channels} channels (1,000 by default in the examples) in
   * 12 languages; Telegram did not act on referrals, but moderated proactively that week at a hazard
   * that removes 78 of 1,000 channels in 7 days (-ln(1 - 0.078) / 7 = 0.0116 per channel-day), and
   * at a tenth of that afterwards; visibility does not matter (exponent 0); re-creation with probability
   * 0.5 after a mean of 5 days; no action day.
   *
   * @param channels network size
   * @return the scenario, days 0 to 90, the blocking week days 0-7
   */
  public static Scenario telegram2015(int channels) {
    double weekHazard = -Math.log1p(-0.078) / 7;
    Cooperation week = Cooperation.builder().compliance(0).proactiveHazard(weekHazard).visibilityExponent(0).build();
    Cooperation after = Cooperation.builder().compliance(0).proactiveHazard(weekHazard / 10).visibilityExponent(0).build();
    CooperationSchedule schedule = CooperationSchedule.startingWith(week).from(7, after).build();
    Platform telegram = new Platform("telegram", "Telegram", 100_000_000L, SecurityRating.SAFE, schedule);
    Map<String, Double> languages = new java.util.LinkedHashMap<>();
    for (String l : new String[] {"ar", "en", "fr", "ru", "tr", "de", "id", "fa", "ur", "es", "bs", "ku"}) {
      languages.put(l, 1.0);
    }
    Ecosystem eco = EcosystemGenerator.builder().platform(telegram, 1).channels(channels).languageShares(languages)
        .seed(20151118).build().generate();
    return Scenario.builder(eco).recreation(0.5, LatencyDistribution.exponential(5)).horizon(90).gridStep(1).eventLog(true).build();
  }
}
