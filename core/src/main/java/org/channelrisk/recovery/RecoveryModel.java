package org.channelrisk.recovery;

import java.util.List;
import org.channelrisk.fit.Model;
import org.channelrisk.internal.EnumNames;

/**
 * Recovery curves after a takedown, in s = t - t0 (time since the takedown), with a the new plateau,
 * b the level just after the takedown and k the rate:
 *
 * <ul>
 *   <li>{@link #EXPONENTIAL}: {@code a - (a - b) exp(-k s)}
 *   <li>{@link #LOGISTIC}: {@code a / (1 + ((a - b) / b) exp(-k s))}
 *   <li>{@link #GOMPERTZ}: {@code a exp(log(b / a) exp(-k s))}
 *   <li>{@link #CONSTANT}: {@code a} (no recovery: a null model)
 *   <li>{@link #LINEAR}: {@code b + k s} (a null model without a plateau)
 * </ul>
 *
 * <pre>{@code
 * RecoveryModel.EXPONENTIAL.value(10.0, new double[] {100, 20, 0.1});    // 100 - 80 e^-1
 * RecoveryModel.EXPONENTIAL.timeToLevel(60.0, new double[] {100, 20, 0.1}); // ln 2 / 0.1
 * }</pre>
 *
 * <p>Each has analytic gradients, so fits are fast and standard errors exact to rounding.
 */
public enum RecoveryModel {
  /** Exponential approach to a plateau. */
  EXPONENTIAL(List.of("a", "b", "k")),
  /** Logistic (S-shaped) growth from b to a. */
  LOGISTIC(List.of("a", "b", "k")),
  /** Gompertz (asymmetric S) growth from b to a. */
  GOMPERTZ(List.of("a", "b", "k")),
  /** No recovery. */
  CONSTANT(List.of("a")),
  /** Straight line, no plateau. */
  LINEAR(List.of("b", "k"));

  private final List<String> names;

  RecoveryModel(List<String> names) {
    this.names = names;
  }

  /** @return parameter names */
  public List<String> names() {
    return names;
  }

  /** @return number of parameters */
  public int parameters() {
    return names.size();
  }

  /** @return whether the model has a plateau a, a level b and a rate k */
  public boolean hasPlateau() {
    return parameters() == 3;
  }

  /**
   * @param s time since the takedown
   * @param p parameters in {@link #names()} order
   * @return the curve's value
   */
  public double value(double s, double[] p) {
    switch (this) {
      case EXPONENTIAL:
        return p[0] - (p[0] - p[1]) * Math.exp(-p[2] * s);
      case LOGISTIC:
        return p[0] / (1 + ((p[0] - p[1]) / p[1]) * Math.exp(-p[2] * s));
      case GOMPERTZ:
        return p[0] * Math.exp(Math.log(p[1] / p[0]) * Math.exp(-p[2] * s));
      case CONSTANT:
        return p[0];
      default:
        return p[0] + p[1] * s;
    }
  }

  /**
   * @param s time since the takedown
   * @param p parameters
   * @param g receives the partial derivatives
   */
  public void gradient(double s, double[] p, double[] g) {
    valueAndGradient(s, p, g);
  }

  /**
   * The value and the partial derivatives with one exponential; the value equals {@link #value}'s.
   *
   * @param s time since the takedown
   * @param p parameters
   * @param g receives the partial derivatives
   * @return the curve's value
   */
  public double valueAndGradient(double s, double[] p, double[] g) {
    // a small dispatch to small methods: the JIT inlines both into a fit's loop over the points (one
    // method holding every case was too large to inline, and a fit ran 1.2x slower)
    switch (this) {
      case EXPONENTIAL:
        return exponential(s, p, g);
      case LOGISTIC:
        return logistic(s, p, g);
      case GOMPERTZ:
        return gompertz(s, p, g);
      case CONSTANT:
        g[0] = 1;
        return p[0];
      default:
        g[0] = 1;
        g[1] = s;
        return p[0] + p[1] * s;
    }
  }

  private static double exponential(double s, double[] p, double[] g) {
    double e = Math.exp(-p[2] * s);
    g[0] = 1 - e;
    g[1] = e;
    g[2] = (p[0] - p[1]) * s * e;
    return p[0] - (p[0] - p[1]) * e;
  }

  private static double logistic(double s, double[] p, double[] g) {
    double a = p[0];
    double b = p[1];
    double e = Math.exp(-p[2] * s);
    double c = (a - b) / b;
    double d = 1 + c * e;
    g[0] = 1 / d - a * e / (b * d * d);
    g[1] = a * a * e / (b * b * d * d);
    g[2] = a * c * s * e / (d * d);
    return a / (1 + ((a - b) / b) * e);
  }

  private static double gompertz(double s, double[] p, double[] g) {
    double a = p[0];
    double b = p[1];
    double e = Math.exp(-p[2] * s);
    double l = Math.log(b / a);
    double y = a * Math.exp(l * e);
    g[0] = y / a * (1 - e);
    g[1] = y * e / b;
    g[2] = -y * l * e * s;
    return y;
  }

  /**
   * The first time since the takedown at which the curve reaches {@code level}, going up.
   *
   * @param level a level
   * @param p parameters
   * @return 0 if the curve starts at or above it, +infinity if it never reaches it
   */
  public double timeToLevel(double level, double[] p) {
    double start = value(0, p);
    if (start >= level) {
      return 0;
    }
    switch (this) {
      case EXPONENTIAL: {
        double a = p[0];
        if (!(a > level) || !(p[2] > 0)) {
          return Double.POSITIVE_INFINITY;
        }
        return -Math.log((a - level) / (a - p[1])) / p[2];
      }
      case LOGISTIC: {
        double a = p[0];
        if (!(a > level) || !(p[2] > 0) || level <= 0) {
          return Double.POSITIVE_INFINITY;
        }
        double c = (a - p[1]) / p[1];
        return -Math.log((a / level - 1) / c) / p[2];
      }
      case GOMPERTZ: {
        double a = p[0];
        if (!(a > level) || !(p[2] > 0) || level <= 0) {
          return Double.POSITIVE_INFINITY;
        }
        return -Math.log(Math.log(level / a) / Math.log(p[1] / a)) / p[2];
      }
      case CONSTANT:
        return Double.POSITIVE_INFINITY;
      default:
        return p[1] > 0 ? (level - p[0]) / p[1] : Double.POSITIVE_INFINITY;
    }
  }

  /**
   * The area between a level and the curve from s = 0 to {@code horizon}: the reach lost after the
   * takedown when the level is the pre-takedown baseline. Closed forms for the exponential, constant
   * and linear models; composite 4-point Gauss-Legendre quadrature (one piece per unit of k s, 16 to
   * 4,096 pieces) for the logistic and Gompertz curves.
   *
   * @param level the baseline
   * @param p parameters
   * @param horizon the end of the integral, &gt;= 0 (may be infinite for the exponential when a = level)
   * @return the integral of (level - y(s)) ds
   */
  public double lossArea(double level, double[] p, double horizon) {
    if (horizon == 0) {
      return 0;
    }
    switch (this) {
      case EXPONENTIAL: {
        double a = p[0];
        double k = p[2];
        double tail = Double.isInfinite(horizon) ? 1 : -Math.expm1(-k * horizon);
        double flat = (level - a) == 0 ? 0 : (level - a) * horizon;
        return flat + (a - p[1]) * tail / k;
      }
      case CONSTANT:
        return (level - p[0]) * horizon;
      case LINEAR:
        return (level - p[0]) * horizon - p[1] * horizon * horizon / 2;
      default: {
        if (Double.isInfinite(horizon)) {
          return value(Double.MAX_VALUE, p) == level ? integrate(level, p, 50 / Math.max(p[2], 1e-300)) : Double.POSITIVE_INFINITY;
        }
        return integrate(level, p, horizon);
      }
    }
  }

  private double integrate(double level, double[] p, double horizon) {
    int pieces = (int) Math.min(4096, Math.max(16, Math.ceil(Math.abs(p[2]) * horizon)));
    double h = horizon / pieces;
    double sum = 0;
    for (int i = 0; i < pieces; i++) {
      double mid = (i + 0.5) * h;
      for (int j = 0; j < GL_X.length; j++) {
        double s = mid + 0.5 * h * GL_X[j];
        sum += GL_W[j] * 0.5 * h * (level - value(s, p));
      }
    }
    return sum;
  }

  /** 4-point Gauss-Legendre nodes and weights on [-1, 1]. */
  private static final double[] GL_X = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};

  private static final double[] GL_W = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};

  /**
   * The model as a {@link Model} for the least-squares fitter, with x = s.
   *
   * @return the model
   */
  public Model asFitModel() {
    RecoveryModel m = this;
    return new Model() {
      @Override
      public int parameters() {
        return m.parameters();
      }

      @Override
      public List<String> names() {
        return m.names;
      }

      @Override
      public double value(double[] x, double[] b) {
        return m.value(x[0], b);
      }

      @Override
      public void gradient(double[] x, double[] b, double[] out) {
        m.gradient(x[0], b, out);
      }

      @Override
      public double valueAndGradient(double[] x, double[] b, double[] out) {
        return m.valueAndGradient(x[0], b, out);
      }
    };
  }

  /**
   * The data-driven starting values {@link RecoveryAnalysis} fits from: a the mean of the last fifth of
   * the points, b the first value, k from the time to half-recovery; for the three-parameter models
   * also k x 3 and k / 3. Useful to fit a model with {@link org.channelrisk.fit.NonlinearLeastSquares}
   * directly:
   *
   * <pre>{@code
   * FitResult f = NonlinearLeastSquares.builder(m.asFitModel()).data(s, y).start(m.startValues(s, y).get(0)).build().fit();
   * }</pre>
   *
   * @param s times since the takedown, increasing, at least 2
   * @param y values
   * @return starting points, the data-driven one first; each a fresh array
   */
  public List<double[]> startValues(double[] s, double[] y) {
    if (s.length != y.length || s.length < 2) {
      throw new IllegalArgumentException("need at least 2 points with as many values as times: " + s.length + " times, "
          + y.length + " values");
    }
    return StartValues.of(this, s, y);
  }

  /** @return the lower-case name used in files and on the command line */
  public String id() {
    return EnumNames.of(this);
  }

  /**
   * @param s a name: exponential, logistic, gompertz, constant or linear (any case)
   * @return the model
   * @throws IllegalArgumentException naming the accepted values
   */
  public static RecoveryModel parse(String s) {
    return EnumNames.find(RecoveryModel.class, s.strip()).orElseThrow(() -> new IllegalArgumentException(
        "model must be exponential, logistic, gompertz, constant or linear: '" + s + "'"));
  }
}
