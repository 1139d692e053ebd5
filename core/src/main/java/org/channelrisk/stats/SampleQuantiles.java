package org.channelrisk.stats;

import java.util.Arrays;

/**
 * Sample quantiles of R's default definition (type 7, Hyndman and Fan 1996): for sorted values
 * x[1..n] and probability p, index = 1 + (n - 1) p, lo = floor(index), h = index - lo and
 * Q(p) = (1 - h) x[lo] + h x[lo + 1]. Equal to R {@code quantile(x, p, type = 7)} to the last bit: the
 * same operations in the same order (checked against values R printed, in the test resources). As
 * in R, the blend rounds once per term, so between two neighbours one ulp apart a larger p can give
 * the smaller of them: quantiles are monotone in p only to within an ulp.
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
   * @param sorted values in ascending order, no NaN, at least one (the order is not checked: that
   *     would cost O(n))
   * @param p a probability in [0, 1]
   * @return the type-7 p-quantile
   * @throws IllegalArgumentException if {@code sorted} is empty or p is not in [0, 1]
   */
  public static double ofSorted(double[] sorted, double p) {
    checkProbability(p);
    if (sorted.length == 0) {
      throw new IllegalArgumentException("the sorted values must hold at least one value: a quantile of none is not defined");
    }
    // R's arithmetic, step by step, so that the result is R's to the last bit: the position counted
    // from 1, index = 1 + (n - 1) p, and the blend (1 - h) x[lo] + h x[hi] (not x[lo] + h (x[hi] - x[lo]),
    // which rounds differently; at h = 1/2 R's form is the exact midpoint, rounded once)
    double index = 1 + (sorted.length - 1) * p;
    double floor = Math.floor(index);
    int lo = (int) floor - 1;
    int hi = Math.min(lo + 1, sorted.length - 1);
    double h = index - floor;
    // Equal neighbours (infinities among them) and exact positions need no interpolation, which
    // would give NaN for inf - inf and 0 * inf.
    if (h == 0 || sorted[lo] == sorted[hi]) {
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
    return (1 - h) * sorted[lo] + h * sorted[hi];
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
