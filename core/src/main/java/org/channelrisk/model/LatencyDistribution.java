package org.channelrisk.model;

import org.channelrisk.internal.Checks;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * The distribution of a delay in days: how long a platform takes to act on a referral, or an operator
 * to re-create a removed channel. Three families cover what referral logs show: exponential (a
 * constant hazard), Weibull (a hazard that falls or rises with time; shape &lt; 1 when most removals are
 * fast and a few referrals linger) and log-normal.
 *
 * <pre>{@code
 * LatencyDistribution tco = LatencyDistribution.exponentialHours(1);   // TCO: within one hour
 * LatencyDistribution slow = LatencyDistribution.weibull(0.7, 3.0);    // shape 0.7, scale 3 days
 * double d = slow.sample(RandomGenerator.of("L64X128MixRandom"));
 * }</pre>
 *
 * <p>Values are immutable and thread-safe; sampling uses only the generator passed in.
 */
public sealed interface LatencyDistribution
    permits LatencyDistribution.Exponential, LatencyDistribution.Weibull, LatencyDistribution.LogNormal,
        LatencyDistribution.Fixed {

  /** Hours in a day, for the factories that take hours. */
  double HOURS_PER_DAY = 24.0;

  /**
   * An exponential delay.
   *
   * @param meanDays the mean delay in days, finite and &gt; 0
   * @return the distribution
   * @throws IllegalArgumentException if {@code meanDays} is not finite and positive
   */
  static LatencyDistribution exponential(double meanDays) {
    return new Exponential(meanDays);
  }

  /**
   * An exponential delay given in hours.
   *
   * @param meanHours the mean delay in hours, finite and &gt; 0
   * @return the distribution (in days)
   */
  static LatencyDistribution exponentialHours(double meanHours) {
    return new Exponential(Checks.positive("meanHours", meanHours) / HOURS_PER_DAY);
  }

  /**
   * A Weibull delay with survival function {@code exp(-(t / scale)^shape)}.
   *
   * @param shape the shape, finite and &gt; 0 (&lt; 1: a falling hazard)
   * @param scaleDays the scale in days, finite and &gt; 0
   * @return the distribution
   */
  static LatencyDistribution weibull(double shape, double scaleDays) {
    return new Weibull(shape, scaleDays);
  }

  /**
   * A log-normal delay: {@code log(T)} is normal with mean {@code mu} and standard deviation
   * {@code sigma}, T in days.
   *
   * @param mu mean of the log delay (log days), finite
   * @param sigma standard deviation of the log delay, finite and &gt; 0
   * @return the distribution
   */
  static LatencyDistribution logNormal(double mu, double sigma) {
    return new LogNormal(mu, sigma);
  }

  /**
   * A delay that is always the same (0 for an immediate action, as when an action day's removals are
   * counted at the day itself).
   *
   * @param days the delay, finite and &gt;= 0
   * @return the distribution
   */
  static LatencyDistribution fixed(double days) {
    return new Fixed(days);
  }

  /**
   * The mean delay.
   *
   * @return the mean in days
   */
  double mean();

  /**
   * The probability that the delay exceeds {@code days}.
   *
   * @param days a time in days
   * @return P(T &gt; days), 1 for negative times
   */
  double survival(double days);

  /**
   * The {@code p}-quantile.
   *
   * @param p a probability in [0, 1)
   * @return the smallest t with P(T &lt;= t) &gt;= p, in days
   */
  double quantile(double p);

  /**
   * Draws one delay.
   *
   * @param rng the source of randomness
   * @return a delay in days, &gt;= 0
   */
  double sample(RandomGenerator rng);

  /**
   * Exponential delay with the given mean.
   *
   * @param meanDays mean delay in days
   */
  record Exponential(double meanDays) implements LatencyDistribution {
    /** Validates the mean. */
    public Exponential {
      Checks.positive("meanDays", meanDays);
    }

    /**
     * The rate (events per day).
     *
     * @return 1 / mean
     */
    public double rate() {
      return 1.0 / meanDays;
    }

    @Override
    public double mean() {
      return meanDays;
    }

    @Override
    public double survival(double days) {
      return days <= 0 ? 1.0 : Math.exp(-days / meanDays);
    }

    @Override
    public double quantile(double p) {
      Checks.probability("p", p);
      return -meanDays * Math.log1p(-p);
    }

    @Override
    public double sample(RandomGenerator rng) {
      return meanDays * rng.nextExponential();
    }

    @Override
    public String toString() {
      return "Exponential(mean " + Days.format(meanDays) + ")";
    }
  }

  /**
   * Weibull delay.
   *
   * @param shape shape k
   * @param scaleDays scale lambda in days
   */
  record Weibull(double shape, double scaleDays) implements LatencyDistribution {
    /** Validates the parameters. */
    public Weibull {
      Checks.positive("shape", shape);
      Checks.positive("scaleDays", scaleDays);
    }

    @Override
    public double mean() {
      return scaleDays * Math.exp(Gamma.logGamma(1.0 + 1.0 / shape));
    }

    @Override
    public double survival(double days) {
      return days <= 0 ? 1.0 : Math.exp(-Math.pow(days / scaleDays, shape));
    }

    @Override
    public double quantile(double p) {
      Checks.probability("p", p);
      return scaleDays * Math.pow(-Math.log1p(-p), 1.0 / shape);
    }

    @Override
    public double sample(RandomGenerator rng) {
      return scaleDays * Math.pow(rng.nextExponential(), 1.0 / shape);
    }

    @Override
    public String toString() {
      return "Weibull(shape " + shape + ", scale " + Days.format(scaleDays) + ")";
    }
  }

  /**
   * Log-normal delay.
   *
   * @param mu mean of log T (log days)
   * @param sigma standard deviation of log T
   */
  record LogNormal(double mu, double sigma) implements LatencyDistribution {
    /** Validates the parameters. */
    public LogNormal {
      Checks.finite("mu", mu);
      Checks.positive("sigma", sigma);
    }

    /**
     * The median delay, exp(mu): the scale a reader of a fit compares across platforms, since the
     * mean of a log-normal moves with sigma as much as with mu.
     *
     * @return the median in days
     */
    public double median() {
      return Math.exp(mu);
    }

    @Override
    public double mean() {
      return Math.exp(mu + 0.5 * sigma * sigma);
    }

    @Override
    public double survival(double days) {
      if (days <= 0) {
        return 1.0;
      }
      return 0.5 * Erf.erfc((Math.log(days) - mu) / (sigma * Math.sqrt(2.0)));
    }

    @Override
    public double quantile(double p) {
      Checks.probability("p", p);
      if (p == 0) {
        return 0.0;
      }
      return Math.exp(mu + sigma * Math.sqrt(2.0) * Erf.erfInv(2.0 * p - 1.0));
    }

    @Override
    public double sample(RandomGenerator rng) {
      return Math.exp(mu + sigma * rng.nextGaussian());
    }

    @Override
    public String toString() {
      return "LogNormal(mu " + mu + ", sigma " + sigma + "; median " + Days.format(median()) + ")";
    }
  }

  /**
   * A fixed delay.
   *
   * @param days the delay in days
   */
  record Fixed(double days) implements LatencyDistribution {
    /** Validates the delay. */
    public Fixed {
      Checks.finiteNonNegative("days", days);
    }

    @Override
    public double mean() {
      return days;
    }

    @Override
    public double survival(double t) {
      return t < days ? 1.0 : 0.0;
    }

    @Override
    public double quantile(double p) {
      Checks.probability("p", p);
      return days;
    }

    @Override
    public double sample(RandomGenerator rng) {
      return days;
    }

    @Override
    public String toString() {
      return days == 0 ? "Immediate" : "Fixed(" + Days.format(days) + ")";
    }
  }
}
