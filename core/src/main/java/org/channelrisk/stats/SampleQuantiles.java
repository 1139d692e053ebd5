package org.channelrisk.stats;

import java.util.Arrays;

/**
 * Sample quantiles of R's default definition (type 7, Hyndman and Fan 1996): for sorted values
 * x[0..n-1] and probability p, h = (n - 1) p and Q(p) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 * Equal to R {@code quantile(x, p, type = 7)}.
 *
 * <pre>{@code
 * SampleQuantiles.of(new double[] {3, 1, 2, 4}, 0.25);     // 1.75, as R quantile(c(3,1,2,4), 0.25)
 * double[] sorted = ...;                                   // sorted once, several quantiles read
 * SampleQuantiles.ofSorted(sorted, 0.05);
 * }</pre>
 *
 * <p>NaN values are left out (as R with {@code na.rm = TRUE}); infinities sort to the ends and are
 * returned as they are when a quantile falls on or next to them (NaN between -inf and +inf), never
 * blended into an invented finite number.
 * Cost: O(n log n) for {@link #of}, O(1) for {@link #ofSorted}.
 */
public final class SampleQuantiles {
  private SampleQuantiles() {}

  /**
   * @param values any values; NaN is left out; the array is not changed
   * @param p a probability in [0, 1]
   * @return the type-7 p-quantile, NaN when no value is a number
   * @throws IllegalArgumentException unless p is in [0, 1]
   */
  public static double of(double[] values, double p) {
    checkProbability(p);
    double[] c = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    return c.length == 0 ? Double.NaN : ofSorted(c, p);
  }

  /**
   * @param sorted values in ascending order, no NaN, at least one
   * @param p a probability in [0, 1]
   * @return the type-7 p-quantile
   */
  public static double ofSorted(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    double frac = h - lo;
    // Equal neighbours (infinities among them) and exact positions need no interpolation, which
    // would give NaN for inf - inf and 0 * inf.
    if (frac == 0 || sorted[lo] == sorted[hi]) {
      return sorted[lo];
    }
    boolean infLo = Double.isInfinite(sorted[lo]);
    boolean infHi = Double.isInfinite(sorted[hi]);
    if (infLo && infHi) {
      return Double.NaN; // between -inf and +inf: no value
    }
    if (infLo || infHi) {
      return infLo ? sorted[lo] : sorted[hi];
    }
    return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
  }

  /**
   * @param p a probability
   * @return p
   * @throws IllegalArgumentException unless p is in [0, 1]
   */
  public static double checkProbability(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0, 1]: " + p);
    }
    return p;
  }
}
