package org.channelrisk.calibrate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Presets;
import org.channelrisk.sim.Scenario;

/**
 * The calibrations behind {@link Presets#actionDay2019} and {@link Presets#actionDay2018}: their
 * parameters, priors and the published targets (Amarasingam, Maher and Winter 2021, on 1,911 Telegram
 * channels and groups), so that anyone can re-run them, e.g. after a change of the engine.
 *
 * <pre>{@code
 * AbcSmc abc = PresetCalibrations.actionDay2019(1_911).build();
 * CalibrationResult r = abc.run(2019, 2);
 * }</pre>
 *
 * <p>The network is built once per size and JVM (its generation costs far more than a run), then each
 * particle derives its scenario with {@link Presets#recalibrate2019(Scenario)}.
 */
public final class PresetCalibrations {
  /** Channels and groups in the published sample. */
  public static final int PUBLISHED_CHANNELS = 1_911;

  private static final Map<Integer, Scenario> NETWORK_2019 = new ConcurrentHashMap<>();
  private static final Map<Integer, Scenario> NETWORK_2018 = new ConcurrentHashMap<>();

  private PresetCalibrations() {}

  /**
   * November 2019. Parameters: the re-creation probability (uniform 0-1), the share of spare accounts
   * banned with the operators (uniform 0-1) and the detection multiplier of the sustained pressure
   * after the action (log-uniform 1-1,000). Targets, from day 51 (21 November 2019): organic posts
   * -95.5% in the 30 days after against the 30 before (the model's counterpart: {@code change} of the
   * activity observable, days 21-50 to 52-81); 105 new channels on Telegram in the year after; their
   * mean lifetime 14 days (Kaplan-Meier restricted mean, channels alive at day 365 censored).
   *
   * @param channels network size
   * @return the calibration's builder (particles, budget and settings left at their defaults)
   */
  public static AbcSmc.Builder actionDay2019(int channels) {
    return AbcSmc.builder(theta -> Presets.recalibrate2019(network2019(channels)).recreation(theta[0]).spareBanShare(theta[1])
            .pressureMultiplier(theta[2]).build())
        .parameter("recreation", Prior.uniform(0, 1))
        .parameter("spareBanShare", Prior.uniform(0, 1))
        .parameter("pressure", Prior.logUniform(1, 1_000))
        .target(Target.of(new Statistic.Change(activity(), 21, 50, 52, 81), -0.955))
        .target(Target.of(new Statistic.Count(51, 365, "telegram"), 105))
        .target(Target.of(Statistic.Lifetimes.mean(51, 365, "telegram"), 14))
        .description("actionDay2019/" + channels);
  }

  /**
   * October 2018. Parameters: the share of Telegram channels referred (uniform 0.01-0.5), the
   * re-creation probability (uniform 0-1) and the routine detection rate (log-uniform 10^-5 to 10^-2
   * per channel-day). Targets, from day 32 (3 October 2018): organic posts -15% (days 2-31 to 33-62);
   * 12 new channels on Telegram in the year after; their mean lifetime 302 days (restricted mean over
   * the two-year horizon).
   *
   * @param channels network size
   * @return the calibration's builder
   */
  public static AbcSmc.Builder actionDay2018(int channels) {
    return AbcSmc.builder(theta -> Presets.recalibrate2018(network2018(channels)).referredShare(theta[0]).recreation(theta[1])
            .detection(theta[2]).build())
        .parameter("referredShare", Prior.uniform(0.01, 0.5))
        .parameter("recreation", Prior.uniform(0, 1))
        .parameter("detection", Prior.logUniform(1e-5, 1e-2))
        .target(Target.of(new Statistic.Change(activity(), 2, 31, 33, 62), -0.15))
        .target(Target.of(new Statistic.Count(32, 397, "telegram"), 12))
        .target(Target.of(Statistic.Lifetimes.mean(32, 397, "telegram"), 302))
        .description("actionDay2018/" + channels);
  }

  /**
   * The model's counterpart of "organic posts": the posts observable where the engine has one,
   * otherwise active channels.
   *
   * @return the observable
   */
  public static Observed activity() {
    for (Observed o : Observed.values()) {
      if (o.name().equals("POSTS")) {
        return o;
      }
    }
    return Observed.ACTIVE_CHANNELS;
  }

  private static Scenario network2019(int channels) {
    return NETWORK_2019.computeIfAbsent(channels, n -> Presets.actionDay2019(n, Presets.telegram2019()));
  }

  private static Scenario network2018(int channels) {
    return NETWORK_2018.computeIfAbsent(channels, n -> Presets.actionDay2019(n, Presets.telegram2018()));
  }
}
