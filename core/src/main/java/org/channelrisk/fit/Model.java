package org.channelrisk.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * A model y = f(x; b) for nonlinear least squares: its value and, preferably, its gradient with
 * respect to the parameters. Without {@link #gradient} the fitter uses central differences.
 *
 * <pre>{@code
 * Model misra1a = new Model() {
 *   public int parameters() { return 2; }
 *   public double value(double[] x, double[] b) { return b[0] * (1 - Math.exp(-b[1] * x[0])); }
 *   public void gradient(double[] x, double[] b, double[] g) {
 *     double e = Math.exp(-b[1] * x[0]);
 *     g[0] = 1 - e;
 *     g[1] = b[0] * x[0] * e;
 *   }
 * };
 * }</pre>
 *
 * <p>{@code x} is one observation's predictor row (one element for a time series). Implementations
 * must be thread-safe (stateless), since bootstrap fits run in parallel.
 */
public interface Model {
  /** @return the number of parameters */
  int parameters();

  /**
   * @return parameter names, "b1".."bp" by default
   */
  default List<String> names() {
    List<String> n = new ArrayList<>();
    for (int i = 1; i <= parameters(); i++) {
      n.add("b" + i);
    }
    return n;
  }

  /**
   * @param x the predictors of one observation
   * @param b parameters
   * @return f(x; b)
   */
  double value(double[] x, double[] b);

  /**
   * The partial derivatives of f with respect to each parameter; the default is central differences
   * with steps of cbrt(machine epsilon) relative to each parameter (about 6 digits of accuracy).
   *
   * @param x the predictors of one observation
   * @param b parameters (not modified)
   * @param out receives df/db_j
   */
  default void gradient(double[] x, double[] b, double[] out) {
    double[] p = b.clone();
    for (int j = 0; j < p.length; j++) {
      double h = 6.055454452393343e-6 * Math.max(Math.abs(b[j]), 1e-8);
      p[j] = b[j] + h;
      double up = value(x, p);
      p[j] = b[j] - h;
      double down = value(x, p);
      p[j] = b[j];
      out[j] = (up - down) / (2 * h);
    }
  }

  /**
   * The value and the gradient together. Override it when the two share expensive work (an
   * exponential, say): the compact solver evaluates residuals and Jacobian in one pass through it.
   * The value must equal {@link #value}'s, bit for bit.
   *
   * @param x the predictors of one observation
   * @param b parameters (not modified)
   * @param out receives df/db_j
   * @return f(x; b)
   */
  default double valueAndGradient(double[] x, double[] b, double[] out) {
    gradient(x, b, out);
    return value(x, b);
  }
}
