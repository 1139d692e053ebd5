package org.channelrisk.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;

/**
 * The prior distribution of one calibrated parameter: uniform, log-uniform, normal, truncated normal
 * or beta, with Commons Math 3 supplying densities and quantiles.
 *
 * <pre>{@code
 * Prior p = Prior.uniform(0, 1);
 * Prior rate = Prior.logUniform(1e-4, 1e-1);       // perturbed on the log scale
 * Prior c = Prior.beta(2, 2);
 * c.quantile(0.5);                                  // 0.5
 * }</pre>
 *
 * <p>Sampling is by inversion of the distribution function with the caller's generator, so a draw is a
 * pure function of that generator's state. ABC-SMC moves particles in an <em>internal</em>
 * coordinate: the logarithm for a log-uniform prior (so that a kernel step is a relative change across
 * orders of magnitude), the value itself for the others; the prior density in that coordinate includes
 * the Jacobian (a log-uniform prior is uniform in log x). Immutable.
 */
public final class Prior {
  /** The families of priors. */
  public enum Family {
    /** Uniform on [lower, upper]. */
    UNIFORM,
    /** log x uniform on [log lower, log upper]. */
    LOG_UNIFORM,
    /** Normal with a mean and standard deviation. */
    NORMAL,
    /** Normal restricted to [lower, upper]. */
    TRUNCATED_NORMAL,
    /** Beta(a, b) on [0, 1]. */
    BETA
  }

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private final Family family;
  private final double a;
  private final double b;
  private final double lower;
  private final double upper;
  private final RealDistribution dist;
  /** For the truncated normal: Phi((lower - mu) / sd) and the mass inside the bounds. */
  private final double cdfLower;
  private final double mass;

  private Prior(Family family, double a, double b, double lower, double upper, RealDistribution dist) {
    this.family = family;
    this.a = a;
    this.b = b;
    this.lower = lower;
    this.upper = upper;
    this.dist = dist;
    if (family == Family.TRUNCATED_NORMAL) {
      cdfLower = STANDARD_NORMAL.cumulativeProbability((lower - a) / b);
      mass = STANDARD_NORMAL.cumulativeProbability((upper - a) / b) - cdfLower;
      checkArgument(mass > 1e-12, "truncated normal: almost no mass in [%s, %s] for mean %s, sd %s", lower, upper, a, b);
    } else {
      cdfLower = 0;
      mass = 1;
    }
  }

  /**
   * @param lower lower bound, finite
   * @param upper upper bound, finite and &gt; lower
   * @return the uniform prior on [lower, upper]
   */
  public static Prior uniform(double lower, double upper) {
    checkArgument(Double.isFinite(lower) && Double.isFinite(upper) && lower < upper,
        "uniform prior needs finite lower < upper: [%s, %s]", lower, upper);
    return new Prior(Family.UNIFORM, lower, upper, lower, upper, null);
  }

  /**
   * @param lower lower bound, finite and &gt; 0
   * @param upper upper bound, finite and &gt; lower
   * @return the log-uniform prior: log x uniform on [log lower, log upper]
   */
  public static Prior logUniform(double lower, double upper) {
    checkArgument(lower > 0 && Double.isFinite(upper) && lower < upper, "log-uniform prior needs 0 < lower < upper: [%s, %s]", lower,
        upper);
    return new Prior(Family.LOG_UNIFORM, lower, upper, lower, upper, null);
  }

  /**
   * @param mean the mean, finite
   * @param sd the standard deviation, finite and &gt; 0
   * @return the normal prior
   */
  public static Prior normal(double mean, double sd) {
    checkArgument(Double.isFinite(mean) && sd > 0 && Double.isFinite(sd), "normal prior needs a finite mean and sd > 0: %s, %s", mean,
        sd);
    return new Prior(Family.NORMAL, mean, sd, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, new NormalDistribution(null, mean, sd));
  }

  /**
   * @param mean the mean of the untruncated normal, finite
   * @param sd its standard deviation, finite and &gt; 0
   * @param lower lower bound (may be -infinity)
   * @param upper upper bound (may be +infinity), &gt; lower
   * @return the normal prior restricted to [lower, upper]
   */
  public static Prior truncatedNormal(double mean, double sd, double lower, double upper) {
    checkArgument(Double.isFinite(mean) && sd > 0 && Double.isFinite(sd), "truncated normal prior needs a finite mean and sd > 0: %s, %s",
        mean, sd);
    checkArgument(!Double.isNaN(lower) && !Double.isNaN(upper) && lower < upper, "truncated normal prior needs lower < upper: [%s, %s]",
        lower, upper);
    return new Prior(Family.TRUNCATED_NORMAL, mean, sd, lower, upper, null);
  }

  /**
   * @param alpha first shape, finite and &gt; 0
   * @param beta second shape, finite and &gt; 0
   * @return the Beta(alpha, beta) prior on [0, 1]
   */
  public static Prior beta(double alpha, double beta) {
    checkArgument(alpha > 0 && beta > 0 && Double.isFinite(alpha) && Double.isFinite(beta), "beta prior needs shapes > 0: %s, %s", alpha,
        beta);
    return new Prior(Family.BETA, alpha, beta, 0, 1, new BetaDistribution(null, alpha, beta));
  }

  /** @return the family */
  public Family family() {
    return family;
  }

  /** @return the smallest value of the support (may be -infinity) */
  public double lower() {
    return lower;
  }

  /** @return the largest value of the support (may be +infinity) */
  public double upper() {
    return upper;
  }

  /**
   * @param x a value
   * @return the prior density at x (0 outside the support)
   */
  public double density(double x) {
    if (!(x >= lower && x <= upper)) {
      return 0;
    }
    return switch (family) {
      case UNIFORM -> 1 / (upper - lower);
      case LOG_UNIFORM -> 1 / (x * (Math.log(upper) - Math.log(lower)));
      case NORMAL, BETA -> dist.density(x);
      case TRUNCATED_NORMAL -> STANDARD_NORMAL.density((x - a) / b) / (b * mass);
    };
  }

  /**
   * @param x a value
   * @return the distribution function at x
   */
  public double cdf(double x) {
    if (x <= lower) {
      return 0;
    }
    if (x >= upper) {
      return 1;
    }
    return switch (family) {
      case UNIFORM -> (x - lower) / (upper - lower);
      case LOG_UNIFORM -> Math.log(x / lower) / Math.log(upper / lower);
      case NORMAL, BETA -> dist.cumulativeProbability(x);
      case TRUNCATED_NORMAL -> (STANDARD_NORMAL.cumulativeProbability((x - a) / b) - cdfLower) / mass;
    };
  }

  /**
   * @param p a probability in [0, 1]
   * @return the p-quantile
   */
  public double quantile(double p) {
    checkArgument(p >= 0 && p <= 1, "probability must be in [0, 1]: %s", p);
    double q = switch (family) {
      case UNIFORM -> lower + p * (upper - lower);
      case LOG_UNIFORM -> lower * Math.exp(p * Math.log(upper / lower));
      case NORMAL, BETA -> dist.inverseCumulativeProbability(p);
      case TRUNCATED_NORMAL -> a + b * STANDARD_NORMAL.inverseCumulativeProbability(cdfLower + p * mass);
    };
    return Math.min(upper, Math.max(lower, q));
  }

  /** @return the prior median */
  public double median() {
    return quantile(0.5);
  }

  /**
   * One draw by inversion.
   *
   * @param rng the generator
   * @return a value from the prior
   */
  public double sample(RandomGenerator rng) {
    // nextDouble is in [0, 1); a draw of exactly 0 would give -infinity for an unbounded prior
    double u = rng.nextDouble();
    while (u == 0) {
      u = rng.nextDouble();
    }
    return quantile(u);
  }

  double toInternal(double x) {
    return family == Family.LOG_UNIFORM ? Math.log(x) : x;
  }

  double fromInternal(double z) {
    return family == Family.LOG_UNIFORM ? Math.exp(z) : z;
  }

  /** Density in the internal coordinate (for the log-uniform prior: uniform in log x). */
  double internalDensity(double z) {
    if (family == Family.LOG_UNIFORM) {
      double lo = Math.log(lower);
      double hi = Math.log(upper);
      return z >= lo && z <= hi ? 1 / (hi - lo) : 0;
    }
    return density(z);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Prior p && p.family == family && Double.compare(p.a, a) == 0 && Double.compare(p.b, b) == 0
        && Double.compare(p.lower, lower) == 0 && Double.compare(p.upper, upper) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(family, a, b, lower, upper);
  }

  @Override
  public String toString() {
    return switch (family) {
      case UNIFORM -> String.format(Locale.ROOT, "uniform(%s, %s)", a, b);
      case LOG_UNIFORM -> String.format(Locale.ROOT, "log-uniform(%s, %s)", a, b);
      case NORMAL -> String.format(Locale.ROOT, "normal(mean %s, sd %s)", a, b);
      case TRUNCATED_NORMAL -> String.format(Locale.ROOT, "truncated normal(mean %s, sd %s, [%s, %s])", a, b, lower, upper);
      case BETA -> String.format(Locale.ROOT, "beta(%s, %s)", a, b);
    };
  }
}
