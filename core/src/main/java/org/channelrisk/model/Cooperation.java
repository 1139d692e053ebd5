package org.channelrisk.model;

import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Setting;
import java.util.Locale;

/**
 * How a platform responds to content referrals and polices itself: one cooperation profile.
 *
 * <ul>
 *   <li>{@code compliance}: the probability that a referral leads to removal;
 *   <li>{@code latency}: the delay from referral to removal when the platform complies;
 *   <li>{@code proactiveHazard}: removals per channel per day by the platform's own moderation, for a
 *       channel of reference visibility;
 *   <li>{@code visibilityExponent}: alpha in visibility = (audience / reference audience)^alpha, which
 *       scales both detection by a referral unit and proactive moderation (0: audience does not matter).
 * </ul>
 *
 * <pre>{@code
 * // Europol IRU 2015-2018: 83.64% of referrals led to removal; TCO: within one hour.
 * Cooperation eu = Cooperation.builder()
 *     .compliance(0.8364)
 *     .latency(LatencyDistribution.exponentialHours(1))
 *     .proactiveHazard(0.01)
 *     .build();
 * }</pre>
 *
 * <p>A profile is a point in time; {@link CooperationSchedule} changes it at given days.
 *
 * @param compliance probability in [0, 1] that a referral leads to removal
 * @param latency removal delay when the platform complies
 * @param proactiveHazard proactive removals per channel-day at reference visibility, &gt;= 0
 * @param visibilityExponent alpha, finite and &gt;= 0
 */
public record Cooperation(
    double compliance, LatencyDistribution latency, double proactiveHazard, double visibilityExponent) {

  /** Default removal latency of the builder: exponential with a mean of one day. */
  public static final LatencyDistribution DEFAULT_LATENCY = LatencyDistribution.exponential(1.0);

  /** Default visibility exponent of the builder: 0.5, larger channels are found more often. */
  public static final double DEFAULT_VISIBILITY_EXPONENT = 0.5;

  /** Validates every field; messages name the field and the value. */
  public Cooperation {
    Checks.probability("compliance", compliance);
    Checks.notNull("latency", latency);
    Checks.finiteNonNegative("proactiveHazard", proactiveHazard);
    Checks.finiteNonNegative("visibilityExponent", visibilityExponent);
  }

  /**
   * A platform that ignores referrals and does not moderate (Telegram in 2017 as described in the
   * seed reports: "does not cooperate").
   *
   * @return compliance 0, no proactive moderation
   */
  public static Cooperation none() {
    return new Cooperation(0.0, DEFAULT_LATENCY, 0.0, DEFAULT_VISIBILITY_EXPONENT);
  }

  /**
   * A profile with the given compliance and latency, no proactive moderation.
   *
   * @param compliance probability in [0, 1]
   * @param latency removal delay
   * @return the profile
   */
  public static Cooperation of(double compliance, LatencyDistribution latency) {
    return new Cooperation(compliance, latency, 0.0, DEFAULT_VISIBILITY_EXPONENT);
  }

  /**
   * A builder starting from compliance 0, {@link #DEFAULT_LATENCY}, no proactive moderation and
   * {@link #DEFAULT_VISIBILITY_EXPONENT}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy with another compliance.
   *
   * @param newCompliance probability in [0, 1]
   * @return the copy
   */
  public Cooperation withCompliance(double newCompliance) {
    return new Cooperation(newCompliance, latency, proactiveHazard, visibilityExponent);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Cooperation[compliance %.1f%%, latency %s, proactive %.4g/day, alpha %.3g]",
        100 * compliance,
        latency,
        proactiveHazard,
        visibilityExponent);
  }

  /**
   * Builder for {@link Cooperation}, starting from {@link #none()}; each setter checks its argument at
   * once, as the profile's constructor does, and takes its setting once: a second call to the same
   * setter throws, since a silent overwrite would hide a mistake.
   */
  public static final class Builder {
    private final Setting<Double> compliance = Setting.checked("compliance", Checks::probability);
    private final Setting<LatencyDistribution> latency = Setting.checked("latency", Checks::notNull);
    private final Setting<Double> proactiveHazard = Setting.checked("proactiveHazard", Checks::finiteNonNegative);
    private final Setting<Double> visibilityExponent = Setting.checked("visibilityExponent", Checks::finiteNonNegative);

    private Builder() {}

    /**
     * @param value probability in [0, 1] that a referral leads to removal
     * @return this builder
     */
    public Builder compliance(double value) {
      return compliance.set(this, value);
    }

    /**
     * @param value removal delay when the platform complies
     * @return this builder
     */
    public Builder latency(LatencyDistribution value) {
      return latency.set(this, value);
    }

    /**
     * @param value proactive removals per channel per day at reference visibility
     * @return this builder
     */
    public Builder proactiveHazard(double value) {
      return proactiveHazard.set(this, value);
    }

    /**
     * @param value alpha in (audience / reference)^alpha
     * @return this builder
     */
    public Builder visibilityExponent(double value) {
      return visibilityExponent.set(this, value);
    }

    /**
     * @return the profile; settings not given are those of {@link #none()}
     */
    public Cooperation build() {
      Cooperation defaults = none();
      return new Cooperation(compliance.orElse(defaults.compliance), latency.orElse(defaults.latency),
          proactiveHazard.orElse(defaults.proactiveHazard), visibilityExponent.orElse(defaults.visibilityExponent));
    }
  }
}
