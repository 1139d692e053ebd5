package org.channelrisk.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * A summary statistic with its observed value and a scale: the target contributes
 * ((simulated - observed) / scale)^2 to the squared distance of a particle, so that targets in
 * different units weigh alike. {@link #of(Statistic, double)} takes the scale |observed| (a relative
 * error), which needs a non-zero observation.
 *
 * <pre>{@code
 * Target drop = Target.of(new Statistic.Change(Observed.ACTIVE_CHANNELS, 20, 50, 51, 81), -0.6);   // scale 0.6
 * Target level = new Target(new Statistic.Value(Observed.ACTIVE_CHANNELS, 100), 740, 50);
 * }</pre>
 *
 * @param statistic the statistic
 * @param observed its observed value, finite (0 for a {@link Statistic.Series})
 * @param scale the scale, finite and &gt; 0
 */
public record Target(Statistic statistic, double observed, double scale) implements Serializable {
  /** Validates the fields. */
  public Target {
    Objects.requireNonNull(statistic, "statistic");
    checkArgument(Double.isFinite(observed), "observed value must be finite: %s", observed);
    checkArgument(scale > 0 && Double.isFinite(scale), "scale must be finite and > 0: %s", scale);
    checkArgument(!(statistic instanceof Statistic.Series) || observed == 0,
        "a series target's observed value is 0 (the statistic is already a distance): %s", observed);
  }

  /**
   * @param statistic the statistic
   * @param observed its observed value, non-zero
   * @return the target with scale |observed|
   */
  public static Target of(Statistic statistic, double observed) {
    checkArgument(observed != 0 || statistic instanceof Statistic.Series,
        "observed value 0 needs an explicit scale (the default scale is |observed|)");
    return new Target(statistic, observed, statistic instanceof Statistic.Series ? 1 : Math.abs(observed));
  }

  /**
   * @param simulated the statistic's simulated value
   * @return (simulated - observed) / scale; NaN if the statistic is NaN
   */
  public double standardized(double simulated) {
    return (simulated - observed) / scale;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s = %s (scale %s)", statistic, observed, scale);
  }
}
