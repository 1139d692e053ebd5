package org.channelrisk.stats;

import java.util.concurrent.ConcurrentHashMap;
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
  private static final ConcurrentHashMap<Double, Double> NORMAL = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<StudentKey, Double> STUDENT = new ConcurrentHashMap<>();

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
    return NORMAL.computeIfAbsent(level, l -> new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - l) / 2));
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
    return STUDENT.computeIfAbsent(new StudentKey(level, df),
        k -> new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - level) / 2));
  }
}
