package org.channelrisk.sim;

import java.util.Map;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Setting;
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
 *
 * <p>Every method checks its arguments before it builds anything, and a refused argument is named with
 * its range ("referredShare must be in [0, 1]: NaN"), since a value out of range would otherwise
 * surface as a message about something the caller did not pass (the action day's budget).
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
   *       ({@link BanLevel#ACCOUNT}), each spare account found with probability 0.50 (ban-evasion
   *       detection; calibrated, see below);
   *   <li>Before: routine detection 0.002 per channel-day at reference visibility (audience 100);
   *   <li>After: sustained pressure for 180 days with detection x 60 (calibrated);
   *   <li>Re-creation: probability 0.55 (calibrated), after an exponential delay of mean 2 days;
   *       audiences re-acquired with r0 = 0.05 per day plus 0.02 per linking channel, 60% of the audience
   *       still looking.
   * </ul>
   *
   * <p><b>Calibration.</b> The re-creation probability, the spare-account ban share and the pressure
   * multiplier are posterior medians of an ABC-SMC calibration
   * ({@code org.channelrisk.calibrate.PresetCalibrations#actionDay2019}: 500 particles, 9,357
   * simulations, seed 2019, final tolerance 0.31, ESS 316) on 1,911 channels, the size of the published
   * sample, against the figures of Amarasingam, Maher and Winter (2021):
   *
   * <table>
   *   <caption>Targets: observed, posterior predictive median and 90% interval (200 runs)</caption>
   *   <tr><th>target</th><th>observed</th><th>model median</th><th>90% predictive interval</th></tr>
   *   <tr><td>organic posts, 30 days after vs 30 before</td><td>-95.5%</td><td>-70.1%</td><td>-73.3% to -67.3%
   *       (not reached: see below)</td></tr>
   *   <tr><td>new channels on Telegram in the year after</td><td>105</td><td>100</td><td>71 to 128</td></tr>
   *   <tr><td>their mean lifetime (days)</td><td>14</td><td>13.5</td><td>10.9 to 18.1</td></tr>
   * </table>
   *
   * <table>
   *   <caption>Posterior (priors uniform, uniform, log-uniform 1-1,000)</caption>
   *   <tr><th>parameter</th><th>median</th><th>90% credible interval</th></tr>
   *   <tr><td>re-creation probability</td><td>0.55</td><td>0.30 to 0.95</td></tr>
   *   <tr><td>spare accounts banned with the operator</td><td>0.50</td><td>0.05 to 0.78</td></tr>
   *   <tr><td>pressure multiplier of detection</td><td>60</td><td>47 to 78</td></tr>
   * </table>
   *
   * <p>The drop of posts is not reached: with a budget that covers nearly all Telegram channels and
   * 90% compliance, the model's posts fall about 70% over the month after, whatever the three
   * calibrated values (the self-hosted platform, 7% of the channels, keeps posting and absorbs
   * migrants); the published -95.5% needs something the model does not have (operators going quiet, or
   * a larger share of content on Telegram). The count and lifetimes of new channels are reproduced.
   * Figures from the engine with the exact event-driven audience and independent replicate streams
   * (December 2026); re-run {@code org.channelrisk.examples.CalibratePresets} after a change of the dynamics.
   *
   * @param channels network size, &gt;= 1 (small values for tests and quick looks)
   * @param praised Telegram's 2019 cooperation ({@link #telegram2019()}) if true, its 2017 stance
   *     ({@link #telegram2017()}) if false
   * @return the scenario, horizon 365 days, daily grid
   * @throws IllegalArgumentException if {@code channels} is below 1
   */
  public static Scenario actionDay2019(int channels, boolean praised) {
    Checks.atLeastOne("channels", channels);
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
   * @throws IllegalArgumentException if {@code channels} is below 1
   */
  public static Scenario actionDay2019(int channels, Cooperation tg) {
    Checks.atLeastOne("channels", channels);
    Checks.notNull("tg", tg);
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
        .recreation(CALIBRATED_2019_RECREATION, LatencyDistribution.exponential(2))
        .audience(AudienceRecovery.DEFAULT.withRetention(0.6))
        .migration(Migration.DEFAULT)
        .actionDay(ActionDay.at(NOVEMBER_2019_DAY).window(3).budget(budget).platforms("telegram")
            .strategy(TargetingStrategy.INCLUDING_BACKUPS).banLevel(BanLevel.ACCOUNT).spareBanShare(CALIBRATED_2019_SPARE_BAN_SHARE)
            .pressure(180, CALIBRATED_2019_PRESSURE).build())
        .horizon(365).gridStep(1).build();
  }

  /** Posterior median of the re-creation probability in the November 2019 calibration. */
  public static final double CALIBRATED_2019_RECREATION = 0.55;
  /** Posterior median of the spare-account ban share in the November 2019 calibration. */
  public static final double CALIBRATED_2019_SPARE_BAN_SHARE = 0.50;
  /** Posterior median of the sustained-pressure detection multiplier in the November 2019 calibration. */
  public static final double CALIBRATED_2019_PRESSURE = 60;

  /**
   * A variant of {@link #actionDay2019} with another targeting strategy and ban level, for comparing
   * takedown plans on the same network.
   *
   * @param channels network size, &gt;= 1
   * @param praised Telegram's 2019 cooperation if true
   * @param strategy targeting strategy of the action day
   * @param ban ban level of the action day
   * @return the scenario
   * @throws IllegalArgumentException if {@code channels} is below 1
   */
  public static Scenario actionDay2019(int channels, boolean praised, TargetingStrategy strategy, BanLevel ban) {
    checkPlan(channels, strategy, ban);
    return actionDay2019(channels, praised ? telegram2019() : telegram2017(), strategy, ban);
  }

  /**
   * A variant of {@link #actionDay2019(int, Cooperation)} with another targeting strategy and ban level.
   *
   * @param channels network size, &gt;= 1
   * @param tg Telegram's cooperation
   * @param strategy targeting strategy of the action day
   * @param ban ban level of the action day
   * @return the scenario
   * @throws IllegalArgumentException if {@code channels} is below 1
   */
  public static Scenario actionDay2019(int channels, Cooperation tg, TargetingStrategy strategy, BanLevel ban) {
    Checks.notNull("tg", tg);
    checkPlan(channels, strategy, ban);
    Scenario base = actionDay2019(channels, tg);
    ActionDay a = base.actionDays().get(0);
    Scenario.Builder b = base.toBuilder();
    b.clearActionDays();
    return b.actionDay(new ActionDay(a.time(), a.window(), a.budget(), a.platforms(), strategy, ban, a.spareBanShare(),
        a.pressureDays(), a.pressureMultiplier())).build();
  }

  /** The arguments of a takedown plan on a new network, checked before the network is generated. */
  private static void checkPlan(int channels, TargetingStrategy strategy, BanLevel ban) {
    Checks.atLeastOne("channels", channels);
    Checks.notNull("strategy", strategy);
    Checks.notNull("ban", ban);
  }

  /** Day of the October 2018 action in {@link #actionDay2018}: 3 October 2018, counted from 1 September. */
  public static final double OCTOBER_2018_DAY = 32;

  /**
   * Telegram, 2018: removal on referral was voluntary (Europol, October 2018). Assumptions: compliance
   * 0.5, removal after an exponential latency of mean 1 day, no proactive moderation, visibility
   * exponent 0.2 as in {@link #telegram2019()}.
   *
   * @return the profile
   */
  public static Cooperation telegram2018() {
    return Cooperation.builder().compliance(0.5).latency(LatencyDistribution.exponential(1)).proactiveHazard(0)
        .visibilityExponent(0.2).build();
  }

  /**
   * The October 2018 Europol referral action day (3 October 2018, Telegram, "several hundreds" of
   * items, channels removed, no account bans) on the network of {@link #actionDay2019} with Telegram's
   * 2018 cooperation ({@link #telegram2018()}); day 0 is 1 September 2018, horizon two years (so that
   * lifetimes near the reported 302 days are observable). The referred share, the re-creation
   * probability and the routine detection rate are posterior medians of an ABC-SMC calibration
   * ({@code org.channelrisk.calibrate.PresetCalibrations#actionDay2018}: 500 particles, 8,838
   * simulations, seed 2018, final tolerance 0.78, ESS 378) on 1,911 channels against the figures of
   * Amarasingam, Maher and Winter (2021):
   *
   * <table>
   *   <caption>Targets: observed, posterior predictive median and 90% interval (200 runs)</caption>
   *   <tr><th>target</th><th>observed</th><th>model median</th><th>90% predictive interval</th></tr>
   *   <tr><td>organic posts, 30 days after vs 30 before</td><td>-15%</td><td>-15.3%</td><td>-22.8% to -8.5%</td></tr>
   *   <tr><td>new channels on Telegram in the year after</td><td>12</td><td>12</td><td>5 to 23</td></tr>
   *   <tr><td>their mean lifetime (days, restricted to the horizon)</td><td>302</td><td>400</td><td>218 to 619</td></tr>
   * </table>
   *
   * <table>
   *   <caption>Posterior (priors uniform 0.01-0.5, uniform, log-uniform 10^-5 to 10^-2)</caption>
   *   <tr><th>parameter</th><th>median</th><th>90% credible interval</th></tr>
   *   <tr><td>share of Telegram channels referred</td><td>0.20</td><td>0.03 to 0.39</td></tr>
   *   <tr><td>re-creation probability</td><td>0.022</td><td>0.009 to 0.045</td></tr>
   *   <tr><td>routine detection per channel-day</td><td>0.0037</td><td>0.0012 to 0.0088</td></tr>
   * </table>
   *
   * <p>All three targets are within the predictive intervals; with about a dozen new channels the
   * lifetime is poorly determined (the interval spans 218 to 619 days). A dozen new channels asks for a
   * low re-creation probability: in this model most removed channels are not re-created.
   * Figures from the engine with the exact event-driven audience and independent replicate streams
   * (December 2026); re-run {@code org.channelrisk.examples.CalibratePresets} after a change of the dynamics.
   *
   * @param channels network size, &gt;= 1
   * @return the scenario
   * @throws IllegalArgumentException if {@code channels} is below 1
   */
  public static Scenario actionDay2018(int channels) {
    Checks.atLeastOne("channels", channels);
    return recalibrate2018(actionDay2019(channels, telegram2018())).build();
  }

  /** The checks of the positional 2018 forms, in their order, before any other. */
  private static void check2018(double referredShare, double recreation, double detection) {
    Checks.probability("referredShare", referredShare);
    Checks.probability("recreation", recreation);
    Checks.finiteNonNegative("detection", detection);
  }

  /** Posterior median of the share of Telegram channels referred in the October 2018 calibration. */
  public static final double CALIBRATED_2018_REFERRED_SHARE = 0.20;
  /** Posterior median of the re-creation probability in the October 2018 calibration. */
  public static final double CALIBRATED_2018_RECREATION = 0.022;
  /** Posterior median of the routine detection rate per channel-day in the October 2018 calibration. */
  public static final double CALIBRATED_2018_DETECTION = 0.0037;

  /**
   * The October 2018 action day on an already built network (a calibration builds it once), with its
   * calibrated values changed by name; those left unset keep their posterior medians. The network,
   * normally {@code actionDay2019(channels, telegram2018())}, keeps its other settings; its action
   * day, detection, re-creation and horizon are replaced.
   *
   * <pre>{@code
   * Scenario network = Presets.actionDay2019(2_000, Presets.telegram2018());
   * Scenario wider = Presets.recalibrate2018(network).referredShare(0.4).build();
   * }</pre>
   *
   * @param network the network and its other settings, with a platform "telegram"
   * @return a builder
   * @throws IllegalArgumentException if the network has no platform "telegram"
   */
  public static October2018 recalibrate2018(Scenario network) {
    Checks.notNull("network", network);
    if (!network.ecosystem().platforms().containsKey("telegram")) {
      throw new IllegalArgumentException("network must have a platform 'telegram' (the action day's target); its platforms are "
          + network.ecosystem().platforms().keySet());
    }
    return new October2018(network);
  }

  /** The calibrated values of the October 2018 preset, each set once by name ({@link #recalibrate2018}). */
  public static final class October2018 {
    private final Scenario network;
    private final Setting<Double> referredShare = Setting.checked("referredShare", Checks::probability);
    private final Setting<Double> recreation = Setting.checked("recreation", Checks::probability);
    private final Setting<Double> detection = Setting.checked("detection", Checks::finiteNonNegative);

    private October2018(Scenario network) {
      this.network = network;
    }

    /** @param share of the Telegram channels referred on the action day, in [0, 1] @return this builder */
    public October2018 referredShare(double share) {
      return referredShare.set(this, share);
    }

    /** @param p probability that an operator re-creates a removed channel, in [0, 1] @return this builder */
    public October2018 recreation(double p) {
      return recreation.set(this, p);
    }

    /** @param perDay routine detections per channel-day at reference visibility, finite and &gt;= 0 @return this builder */
    public October2018 detection(double perDay) {
      return detection.set(this, perDay);
    }

    /** @return the scenario */
    public Scenario build() {
      double share = referredShare.orElse(CALIBRATED_2018_REFERRED_SHARE);
      int budget = (int) Math.round(share * network.ecosystem().channels().size() * 0.93);
      Scenario.Builder b = network.toBuilder();
      b.clearActionDays();
      return b.detectionRate(detection.orElse(CALIBRATED_2018_DETECTION))
          .recreation(recreation.orElse(CALIBRATED_2018_RECREATION), LatencyDistribution.exponential(2))
          .actionDay(ActionDay.at(OCTOBER_2018_DAY).window(1).budget(budget).platforms("telegram")
              .strategy(TargetingStrategy.LARGEST_AUDIENCE).banLevel(BanLevel.CHANNEL).build())
          .horizon(730).build();
    }
  }

  /**
   * {@link #actionDay2018(int)} with the calibrated values given in a row.
   *
   * @param channels network size, &gt;= 1
   * @param referredShare share of the Telegram channels referred on the action day, in [0, 1]
   * @param recreation probability that an operator re-creates a removed channel, in [0, 1]
   * @param detection routine detections per channel-day, finite and &gt;= 0
   * @return the scenario
   * @throws IllegalArgumentException naming the first argument out of its range
   * @deprecated two probabilities side by side are easy to swap: use
   *     {@code recalibrate2018(actionDay2019(channels, telegram2018())).referredShare(…).recreation(…).detection(…).build()}
   */
  @Deprecated(since = "0.2", forRemoval = true)
  public static Scenario actionDay2018(int channels, double referredShare, double recreation, double detection) {
    Checks.atLeastOne("channels", channels);
    check2018(referredShare, recreation, detection); // before the network is built, as before
    return recalibrate2018(actionDay2019(channels, telegram2018())).referredShare(referredShare).recreation(recreation)
        .detection(detection).build();
  }

  /**
   * {@link #actionDay2018(int)} on an already built network, with the calibrated values given in a row.
   *
   * @param network the network and its other settings, with a platform "telegram"
   * @param referredShare share of the Telegram channels referred on the action day, in [0, 1]
   * @param recreation probability that an operator re-creates a removed channel, in [0, 1]
   * @param detection routine detections per channel-day, finite and &gt;= 0
   * @return the scenario
   * @throws IllegalArgumentException naming the first argument out of its range, or if the network has
   *     no platform "telegram"
   * @deprecated two probabilities side by side are easy to swap: use
   *     {@code recalibrate2018(network).referredShare(…).recreation(…).detection(…).build()}
   */
  @Deprecated(since = "0.2", forRemoval = true)
  public static Scenario actionDay2018(Scenario network, double referredShare, double recreation, double detection) {
    Checks.notNull("network", network);
    check2018(referredShare, recreation, detection);
    return recalibrate2018(network).referredShare(referredShare).recreation(recreation).detection(detection).build();
  }

  /**
   * {@link #actionDay2019(int, Cooperation)} on an already built network with the calibrated values
   * given in a row.
   *
   * @param network normally {@code actionDay2019(channels, tg)}: its first action day is the one changed
   * @param recreation probability that an operator able to re-create does so, in [0, 1]
   * @param spareBanShare on the action day, the probability that each spare account is banned too, in
   *     [0, 1]
   * @param pressureMultiplier detection multiplier of the sustained pressure after the action, finite
   *     and &gt;= 1
   * @return the scenario
   * @throws IllegalArgumentException naming the first argument out of its range, or if the network has
   *     no action day
   * @deprecated two probabilities side by side are easy to swap: use
   *     {@code recalibrate2019(network).recreation(…).spareBanShare(…).pressureMultiplier(…).build()}
   */
  @Deprecated(since = "0.2", forRemoval = true)
  public static Scenario actionDay2019(Scenario network, double recreation, double spareBanShare, double pressureMultiplier) {
    Checks.notNull("network", network);
    // the values before the network's action day, in the order these forms always checked
    Checks.probability("recreation", recreation);
    Checks.probability("spareBanShare", spareBanShare);
    Checks.atLeastOne("pressureMultiplier", pressureMultiplier);
    return recalibrate2019(network).recreation(recreation).spareBanShare(spareBanShare).pressureMultiplier(pressureMultiplier)
        .build();
  }

  /**
   * The November 2019 action day on an already built network (a calibration builds it once), with its
   * calibrated values changed by name; those left unset keep their posterior medians.
   *
   * <pre>{@code
   * Scenario network = Presets.actionDay2019(2_000, true);
   * Scenario fewer = Presets.recalibrate2019(network).recreation(0.3).build();
   * }</pre>
   *
   * @param network normally {@code actionDay2019(channels, tg)}: its first action day is the one changed
   * @return a builder
   * @throws IllegalArgumentException if the network has no action day
   */
  public static November2019 recalibrate2019(Scenario network) {
    Checks.notNull("network", network);
    if (network.actionDays().isEmpty()) {
      throw new IllegalArgumentException(
          "network must have an action day to recalibrate (normally actionDay2019(channels, tg)): it has none");
    }
    return new November2019(network);
  }

  /** The calibrated values of the November 2019 preset, each set once by name ({@link #recalibrate2019}). */
  public static final class November2019 {
    private final Scenario network;
    private final Setting<Double> recreation = Setting.checked("recreation", Checks::probability);
    private final Setting<Double> spareBanShare = Setting.checked("spareBanShare", Checks::probability);
    private final Setting<Double> pressureMultiplier = Setting.checked("pressureMultiplier", Checks::atLeastOne);

    private November2019(Scenario network) {
      this.network = network;
    }

    /** @param p probability that an operator able to re-create does so, in [0, 1] @return this builder */
    public November2019 recreation(double p) {
      return recreation.set(this, p);
    }

    /** @param share on the action day, the probability that each spare account is banned too, in [0, 1] @return this builder */
    public November2019 spareBanShare(double share) {
      return spareBanShare.set(this, share);
    }

    /** @param multiplier detection multiplier of the sustained pressure after the action, finite and &gt;= 1 @return this builder */
    public November2019 pressureMultiplier(double multiplier) {
      return pressureMultiplier.set(this, multiplier);
    }

    /** @return the scenario */
    public Scenario build() {
      ActionDay a = network.actionDays().get(0);
      Scenario.Builder b = network.toBuilder();
      b.clearActionDays();
      return b.recreation(recreation.orElse(CALIBRATED_2019_RECREATION), network.recreationDelay())
          .actionDay(new ActionDay(a.time(), a.window(), a.budget(), a.platforms(), a.strategy(), a.banLevel(),
              spareBanShare.orElse(CALIBRATED_2019_SPARE_BAN_SHARE), a.pressureDays(), pressureMultiplier.orElse(CALIBRATED_2019_PRESSURE)))
          .build();
    }
  }



  /**
   * Telegram in November 2015: 78 ISIS channels in 12 languages blocked in one week, after the Paris
   * attacks. Assumptions: a network of {@code channels} channels (1,000 by default in the examples) in
   * 12 languages; Telegram did not act on referrals, but moderated proactively that week at a hazard
   * that removes 78 of 1,000 channels in 7 days (-ln(1 - 0.078) / 7 = 0.0116 per channel-day), and
   * at a tenth of that afterwards; visibility does not matter (exponent 0); re-creation with probability
   * 0.5 after a mean of 5 days; no action day.
   *
   * @param channels network size, &gt;= 1
   * @return the scenario, days 0 to 90, the blocking week days 0-7
   * @throws IllegalArgumentException if {@code channels} is below 1
   */
  public static Scenario telegram2015(int channels) {
    Checks.atLeastOne("channels", channels);
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
