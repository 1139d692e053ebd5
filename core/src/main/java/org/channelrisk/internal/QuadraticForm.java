package org.channelrisk.internal;

/**
 * The quadratic form g' V g: the variance of a linear combination (or, by the delta method, of a smooth
 * function with gradient g) of estimates whose covariance matrix is V. The impact models and the
 * recovery fits both form their standard errors this way; one loop, in one summation order, gives them
 * the same rounding. Internal: not a supported API.
 */
public final class QuadraticForm {
  private QuadraticForm() {}

  /**
   * @param g the gradient (or the coefficients of the combination), length k
   * @param v a k x k covariance matrix
   * @return g' V g
   */
  public static double of(double[] g, double[][] v) {
    double s = 0;
    for (int a = 0; a < g.length; a++) {
      for (int b = 0; b < g.length; b++) {
        s += g[a] * v[a][b] * g[b];
      }
    }
    return s;
  }
}
