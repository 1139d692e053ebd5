package org.channelrisk.sim;

import java.util.Locale;
import java.util.Objects;
import org.channelrisk.model.LatencyDistribution;

/**
 * How operators re-create removed channels: an operator able to re-create (a channel ban, or an
 * account ban with a spare account left) does so with {@code probability}, after a delay drawn from
 * {@code delay}. The new incarnation starts with no audience, at generation + 1.
 *
 * <pre>{@code
 * Scenario.builder(eco).recreation(Recreation.DEFAULT.withProbability(0.85).withDelay(LatencyDistribution.exponential(3)));
 * }</pre>
 *
 * @param probability chance that an operator able to re-create does so, in [0, 1]
 * @param delay delay from removal to re-creation
 */
public record Recreation(double probability, LatencyDistribution delay) {
  /** Every able operator re-creates, after an exponential delay of mean 2 days. */
  public static final Recreation DEFAULT = new Recreation(1, LatencyDistribution.exponential(2));

  /** Checks the values. */
  public Recreation {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("recreation probability must be in [0, 1]: " + probability);
    }
    Objects.requireNonNull(delay, "recreation delay");
  }

  /** @param p chance that an able operator re-creates @return a copy with it */
  public Recreation withProbability(double p) {
    return new Recreation(p, delay);
  }

  /** @param d delay from removal to re-creation @return a copy with it */
  public Recreation withDelay(LatencyDistribution d) {
    return new Recreation(probability, d);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "re-creation p %.3g after %s", probability, delay);
  }
}
