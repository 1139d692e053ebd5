package org.channelrisk.stats;

import com.google.common.base.Throwables;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.google.common.util.concurrent.UncheckedExecutionException;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Two-sided normal and Student t critical values, cached: Commons Math builds a seeded random generator for
 * every distribution object and inverts the t distribution by continued fractions, which showed up
 * as the largest cost of a small fit in profiles. The values are those of Commons Math.
 *
 * <pre>{@code
 * CriticalValues.normal(0.95);       // 1.959963984540054, as R qnorm(0.975)
 * CriticalValues.student(0.95, 10);  // 2.228138851986274, as R qt(0.975, 10)
 * }</pre>
 */
public final class CriticalValues {
  // Bounded: a long-lived process that asks for ever new levels or degrees of freedom (a fit per
  // series, say) must not grow without end; a few hundred entries hold every value a run reuses.
  private static final int CACHED = 512;
  private static final LoadingCache<Double, Double> NORMAL = CacheBuilder.newBuilder().maximumSize(CACHED)
      .build(CacheLoader.from(l -> new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - l) / 2)));
  private static final LoadingCache<StudentKey, Double> STUDENT = CacheBuilder.newBuilder().maximumSize(CACHED)
      .build(CacheLoader.from(k -> new TDistribution(null, k.df()).inverseCumulativeProbability(1 - (1 - k.level()) / 2)));

  /** Cache key: a record, so that two different (level, df) pairs can never share an entry. */
  private record StudentKey(double level, int df) {}

  private CriticalValues() {}

  /**
   * Checks a confidence level, for every estimator that takes one.
   *
   * @param level the level
   * @return the level
   * @throws IllegalArgumentException unless it is in (0, 1)
   */
  public static double checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
    }
    return level;
  }

  /**
   * @param level a confidence level in (0, 1)
   * @return z with P(|Z| &lt;= z) = level
   */
  public static double normal(double level) {
    checkLevel(level);
    return cached(NORMAL, level);
  }

  /**
   * @param level a confidence level in (0, 1)
   * @param df degrees of freedom, &gt; 0
   * @return t with P(|T| &lt;= t) = level on df degrees of freedom
   */
  public static double student(double level, int df) {
    checkLevel(level);
    if (df <= 0) {
      throw new IllegalArgumentException("degrees of freedom must be positive: " + df);
    }
    return cached(STUDENT, new StudentKey(level, df));
  }

  /** The cached value, an exception of the computation rethrown as it is (not wrapped by the cache). */
  private static <K> double cached(LoadingCache<K, Double> cache, K key) {
    try {
      return cache.getUnchecked(key);
    } catch (UncheckedExecutionException e) {
      Throwables.throwIfUnchecked(e.getCause());
      throw e;
    }
  }
}
