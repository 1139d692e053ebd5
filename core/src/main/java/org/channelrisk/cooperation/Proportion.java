package org.channelrisk.cooperation;

import java.util.Locale;

/**
 * A binomial proportion with its Wilson score interval (Wilson 1927), which keeps its coverage near
 * the nominal level for small counts and proportions near 0 or 1, where the Wald interval fails.
 *
 * <pre>{@code
 * Proportion p = Proportion.wilson(40_926, 48_931, 0.95);   // EU IRU 2015-2018: 83.64% removed
 * p.lower(); p.upper();
 * }</pre>
 *
 * @param successes count of successes, 0 &lt;= successes &lt;= trials
 * @param trials count of trials, &gt;= 0
 * @param estimate successes / trials (NaN when there are no trials)
 * @param lower lower limit, in [0, estimate] (NaN when there are no trials)
 * @param upper upper limit, in [estimate, 1] (NaN when there are no trials)
 * @param level the confidence level, in (0, 1)
 */
public record Proportion(long successes, long trials, double estimate, double lower, double upper, double level) {

  /**
   * Checks that the components describe a proportion with an interval around it, so that none prints
   * as "200.00% (NaN%, 700.00%)".
   *
   * @throws IllegalArgumentException naming the component that does not fit
   */
  public Proportion {
    checkCounts(successes, trials);
    org.channelrisk.stats.CriticalValues.checkLevel(level);
    if (trials == 0) {
      if (!Double.isNaN(estimate) || !Double.isNaN(lower) || !Double.isNaN(upper)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "with 0 trials the estimate and its limits are not available and must be NaN: %s (%s, %s)", estimate, lower, upper));
      }
    } else {
      if (estimate != successes / (double) trials) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "estimate must be successes / trials = %s of %s: %s", successes, trials, estimate));
      }
      if (!(lower >= 0 && lower <= estimate && upper >= estimate && upper <= 1)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "need 0 <= lower <= estimate <= upper <= 1: %s <= %s <= %s", lower, estimate, upper));
      }
    }
  }

  private static void checkCounts(long successes, long trials) {
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException("need 0 <= successes <= trials: " + successes + " of " + trials);
    }
  }

  /**
   * @param successes successes, 0 &lt;= successes &lt;= trials
   * @param trials trials, &gt;= 0
   * @param level confidence level in (0, 1)
   * @return the proportion with its Wilson interval
   */
  public static Proportion wilson(long successes, long trials, double level) {
    checkCounts(successes, trials);
    org.channelrisk.stats.CriticalValues.checkLevel(level);
    if (trials == 0) {
      return new Proportion(0, 0, Double.NaN, Double.NaN, Double.NaN, level);
    }
    double z = org.channelrisk.stats.CriticalValues.normal(level);
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    double lo = successes == 0 ? 0 : Math.max(0, centre - half);
    double hi = successes == trials ? 1 : Math.min(1, centre + half);
    return new Proportion(successes, trials, p, lo, hi, level);
  }

  @Override
  public String toString() {
    if (trials == 0) {
      return "NA (0 trials)";
    }
    return String.format(Locale.ROOT, "%.2f%% (%.2f%%, %.2f%%; Wilson %s%%), %d of %d", 100 * estimate, 100 * lower,
        100 * upper, Math.round(level * 1000) / 10.0, successes, trials);
  }
}
