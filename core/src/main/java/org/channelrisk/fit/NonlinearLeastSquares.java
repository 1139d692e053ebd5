package org.channelrisk.fit;

import com.google.common.collect.ImmutableList;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Copies;
import org.channelrisk.internal.Setting;
import org.channelrisk.stats.CriticalValues;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresAdapter;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DiagonalMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Incrementor;
import org.apache.commons.math3.util.Pair;

/**
 * Nonlinear least squares by Levenberg-Marquardt, with weights, box bounds and a result that states its
 * convergence, standard errors, confidence intervals and information criteria. Two solvers
 * ({@link Solver}): Commons Math's port of MINPACK, the default and the one that takes bounds, and a
 * compact Levenberg-Marquardt on primitive arrays for small unbounded problems (the recovery models use
 * it), several times faster on a few parameters; with bounds the MINPACK port runs whichever is chosen.
 * Each result names the solver that made it ({@link FitResult#solver()}).
 *
 * <pre>{@code
 * FitResult r = NonlinearLeastSquares.builder(model)
 *     .data(x, y)                 // x[i] is observation i's predictor row
 *     .start(500, 1e-4)
 *     .weights(w)                 // optional: w[i] = 1 / variance of y[i]
 *     .bounds(lo, hi)             // optional
 *     .build()
 *     .fit();
 * }</pre>
 *
 * <p>Defaults: a relative tolerance of 1e-12 ({@link Builder#tolerance}), at most 1,000 iterations and
 * 10,000 evaluations. MINPACK reads the tolerance as its ftol and xtol (relative change of the cost and
 * the parameters) and its gtol (orthogonality); the compact solver stops when a step lowers the cost by
 * at most the tolerance, relative, and moves each parameter by at most its square root, and calls that
 * converged only with MINPACK's scaled-gradient test passed as well (see
 * {@code CompactLevenbergMarquardt}). Standard errors are sqrt(diag(sigma^2 (J' W J)^-1)) at the
 * estimate, sigma^2 = RSS / (n - p), as R's {@code nls} and NIST's certified values (MINPACK: through
 * a QR decomposition of sqrt(W) J; compact: a Cholesky inverse of its J'WJ); intervals are Wald
 * intervals with the t quantile on n - p degrees of freedom. Bounds are enforced by projecting each
 * trial point onto the box (a parameter validator), which suits estimates inside the box; one that ends
 * on a bound is reported in the message.
 *
 * <p>The MINPACK solver reaches the NIST StRD certified values on all 27 nonlinear problems; the compact
 * one on the lower-difficulty ones, and on the others it converges to the certified values or says that
 * it did not converge (see the tests' table). A problem cannot be fitted when the model gives
 * non-finite values at the start; the result then says so. Cost: O(n p^2) per iteration. The object is
 * immutable; {@link #fit()} may run on many threads.
 *
 * <p>Exact fits and the range of double arithmetic: a fit whose residuals are all 0 is converged and
 * says so ({@link FitResult#exactFit()}, its message "converged: exact fit ..."): its standard errors
 * and interval widths are 0 by definition, and its log-likelihood is unbounded (+infinity; AIC, AICc
 * and BIC -infinity). Data so large that the squared residuals at the start overflow (near 1e155 and
 * beyond), or so small that they underflow below the smallest normal double (near 1e-154 and below,
 * where a nonzero residual can square to 0), cannot be fitted in double arithmetic: such a fit is not
 * converged, its message says which, and rescaling the data cures it.
 */
public final class NonlinearLeastSquares {
  /** Default relative tolerance on the cost and parameters. */
  public static final double DEFAULT_TOLERANCE = 1e-12;
  /** Default largest number of iterations. */
  public static final int DEFAULT_MAX_ITERATIONS = 1_000;
  /** Default largest number of model evaluations. */
  public static final int DEFAULT_MAX_EVALUATIONS = 10_000;
  /** Default confidence level of the intervals. */
  public static final double DEFAULT_CONF_LEVEL = 0.95;

  /** The message of an exact fit, after "converged: ". */
  private static final String EXACT_FIT = "exact fit (residual sum of squares 0): the standard errors are 0 by definition and the"
      + " log-likelihood is unbounded";

  private final Model model;
  private final double[][] x;
  private final double[] y;
  private final double[] weights;
  private final double[] start;
  private final double[] lowerBounds;
  private final double[] upperBounds;
  private final double tolerance;
  private final int maxIterations;
  private final int maxEvaluations;
  private final double confLevel;
  private final Solver solver;

  /** The optimizer. */
  public enum Solver {
    /** Commons Math's port of MINPACK's Levenberg-Marquardt (the default): robust on hard problems. */
    MINPACK,
    /**
     * A compact Levenberg-Marquardt on primitive arrays for small unbounded problems: several times
     * faster on a few parameters, as accurate on well-posed problems (the recovery models use it).
     */
    COMPACT
  }

  /** Reads the builder's settings (checked by {@link Builder#build()}); the defaults are applied here, once. */
  private NonlinearLeastSquares(Builder b) {
    this.model = b.model;
    Data d = b.data.required("no data: call data(x, y)");
    this.x = d.x();
    this.y = d.y();
    this.weights = b.weights.orElse(null);
    this.start = b.start.required("no starting values: call start(...)");
    Bounds box = b.bounds.orElse(null);
    this.lowerBounds = box == null ? null : box.lower();
    this.upperBounds = box == null ? null : box.upper();
    this.tolerance = b.tolerance.orElse(DEFAULT_TOLERANCE);
    this.maxIterations = b.maxIterations.orElse(DEFAULT_MAX_ITERATIONS);
    this.maxEvaluations = b.maxEvaluations.orElse(DEFAULT_MAX_EVALUATIONS);
    this.confLevel = b.confLevel.orElse(DEFAULT_CONF_LEVEL);
    this.solver = b.solver.orElse(Solver.MINPACK);
  }

  /**
   * @param model the model
   * @return a builder
   * @throws NullPointerException if the model or its names are null
   * @throws IllegalArgumentException if the model's {@link Model#names()} do not number its
   *     {@link Model#parameters()}
   */
  public static Builder builder(Model model) {
    return new Builder(model);
  }

  /** Records the best point evaluated, so that a fit that gives up can still report where it was. */
  private final class Tracker implements MultivariateJacobianFunction {
    double bestCost = Double.POSITIVE_INFINITY;
    double[] best;
    int evaluations;
    boolean nonFinite;

    @Override
    public Pair<RealVector, RealMatrix> value(RealVector point) {
      double[] b = point.toArray();
      int n = y.length;
      int p = b.length;
      double[] f = new double[n];
      double[][] jac = new double[n][p];
      double cost = 0;
      for (int i = 0; i < n; i++) {
        f[i] = model.valueAndGradient(x[i], b, jac[i]);
        double r = y[i] - f[i];
        cost += (weights == null ? 1 : weights[i]) * r * r;
      }
      evaluations++;
      if (Double.isFinite(cost)) {
        if (cost < bestCost) {
          bestCost = cost;
          best = b;
        }
      } else {
        nonFinite = true;
      }
      return new Pair<>(new ArrayRealVector(f, false), new Array2DRowRealMatrix(jac, false));
    }
  }

  /**
   * Runs the fit.
   *
   * @return the result; check {@link FitResult#converged()}
   */
  public FitResult fit() {
    if (solver == Solver.COMPACT && lowerBounds == null) {
      CompactLevenbergMarquardt.Outcome o =
          CompactLevenbergMarquardt.solve(model, x, y, weights, start, tolerance, maxIterations, maxEvaluations);
      if (!Double.isFinite(o.cost())) {
        // the solver accepts only finite costs: a non-finite one is the start's
        return startFailure(o.message(), o.evaluations(), Solver.COMPACT);
      }
      return result(o.point(), o.converged(), o.message(), o.iterations(), o.evaluations(), o.cost(), o.normal(), Solver.COMPACT);
    }
    Tracker tracker = new Tracker();
    LeastSquaresBuilder lsb = new LeastSquaresBuilder()
        .start(start)
        .model(tracker)
        .target(y)
        .maxIterations(maxIterations)
        .maxEvaluations(maxEvaluations)
        .lazyEvaluation(false);
    if (weights != null) {
      lsb.weight(new DiagonalMatrix(weights));
    }
    if (lowerBounds != null) {
      lsb.parameterValidator(v -> {
        double[] b = v.toArray();
        for (int j = 0; j < b.length; j++) {
          b[j] = Math.min(upperBounds[j], Math.max(lowerBounds[j], b[j]));
        }
        return new ArrayRealVector(b, false);
      });
    }
    // the optimizer takes its iteration counter from the problem once per run: kept here, so that a
    // run that gives up (an exception, not an Optimum) still reports the iterations it made
    @SuppressWarnings("deprecation") // Commons Math 3.6's own counter type
    Incrementor[] iterationCounter = new Incrementor[1];
    LeastSquaresProblem problem = new LeastSquaresAdapter(lsb.build()) {
      @Override
      @SuppressWarnings("deprecation") // the interface's type in Commons Math 3.6
      public Incrementor getIterationCounter() {
        iterationCounter[0] = super.getIterationCounter();
        return iterationCounter[0];
      }
    };
    LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer()
        .withCostRelativeTolerance(tolerance)
        .withParameterRelativeTolerance(tolerance)
        .withOrthoTolerance(tolerance);
    double[] point;
    boolean converged;
    String message;
    int iterations;
    try {
      LeastSquaresOptimizer.Optimum o = lm.optimize(problem);
      point = o.getPoint().toArray();
      iterations = o.getIterations();
      converged = true;
      message = "converged";
    } catch (TooManyEvaluationsException | TooManyIterationsException e) {
      point = tracker.best;
      // the counter counts the refused iteration too when the iteration limit is what stopped the run
      iterations = iterationCounter[0] == null ? 0 : Math.min(iterationCounter[0].getCount(), maxIterations);
      converged = false;
      message = "iteration or evaluation limit reached (" + e.getMessage() + ")";
    } catch (ConvergenceException e) {
      point = tracker.best;
      iterations = iterationCounter[0] == null ? 0 : iterationCounter[0].getCount();
      converged = false;
      message = "the optimizer failed: " + e.getMessage();
    }
    if (point != null && converged && !Double.isFinite(sumSquares(point))) {
      converged = false;
      message = "the fit ran into non-finite model values or a residual sum of squares that overflows;"
          + " the best finite point is reported";
      point = tracker.best;
    }
    if (point == null) {
      // no point evaluated had a finite cost, the start's first: say why, rather than fall back to nothing
      return startFailure(CompactLevenbergMarquardt.whyNotFinite(model, x, y, weights, start, "the start"), tracker.evaluations,
          Solver.MINPACK);
    }
    if (converged && lowerBounds != null) {
      for (int j = 0; j < point.length; j++) {
        if (point[j] == lowerBounds[j] || point[j] == upperBounds[j]) {
          message = "converged with " + model.names().get(j) + " on its bound " + point[j]
              + ": its standard error assumes an interior optimum";
        }
      }
    }
    return result(point, converged, message, iterations, tracker.evaluations);
  }

  /** The largest |y - f| among the points with positive weight. */
  private double largestResidual(double[] b) {
    double largest = 0;
    for (int i = 0; i < y.length; i++) {
      if (weights == null || weights[i] > 0) {
        largest = Math.max(largest, Math.abs(y[i] - model.value(x[i], b)));
      }
    }
    return largest;
  }

  /** A fit that could not start: not converged, NaN estimates, with the reason. */
  private FitResult startFailure(String message, int evaluations, Solver used) {
    double[] nan = new double[start.length];
    Arrays.fill(nan, Double.NaN);
    return result(nan, false, message, 0, evaluations, Double.NaN, null, used);
  }

  private double sumSquares(double[] b) {
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      double r = y[i] - model.value(x[i], b);
      s += (weights == null ? 1 : weights[i]) * r * r;
    }
    return s;
  }

  private FitResult result(double[] b, boolean convergedIn, String messageIn, int iterations, int evaluations) {
    return result(b, convergedIn, messageIn, iterations, evaluations, sumSquares(b), null, Solver.MINPACK);
  }

  /**
   * @param rss the weighted residual sum of squares at b
   * @param normal J'WJ at b when the solver has it, else null (computed here)
   */
  private FitResult result(double[] b, boolean convergedIn, String messageIn, int iterations, int evaluations, double rss,
      double[][] normal, Solver used) {
    boolean converged = convergedIn;
    String message = messageIn;
    int n = 0;
    double sumLogW = 0;
    for (int i = 0; i < y.length; i++) {
      double w = weights == null ? 1 : weights[i];
      if (w > 0) {
        n++;
        sumLogW += weights == null ? 0 : Math.log(w);
      }
    }
    if (converged && rss < Double.MIN_NORMAL) {
      // 0 or subnormal: an exact fit, or residuals whose squares underflow, which no solver can tell
      // apart from 0 (data near 1e-300): the residuals themselves decide
      double largest = largestResidual(b);
      if (largest > 0) {
        converged = false;
        message = String.format(Locale.ROOT, "the residual sum of squares underflows: residuals of up to %.3g square below the"
            + " smallest normal double, so the fit cannot measure them; rescale the data", largest);
      } else {
        message = (message.startsWith("converged with") ? message + "; " : "converged: ") + EXACT_FIT;
      }
    }
    int p = b.length;
    double[][] cov = normal != null ? scaledInverse(normal, rss / (n - p)) : covariance(b, rss / (n - p));
    double trace = 0;
    for (int j = 0; j < p; j++) {
      trace += cov[j][j];
    }
    if (converged && !Double.isFinite(trace)) {
      // a singular J'WJ: with rss = 0 (an exact fit) the covariance is 0 and finite, so this is identifiability
      converged = false;
      message = "the Jacobian is singular at the estimate: the parameters are not identifiable from these data";
    }
    double[] se = new double[p];
    double[] lo = new double[p];
    double[] hi = new double[p];
    double t = n - p > 0 ? CriticalValues.student(confLevel, n - p) : Double.NaN;
    for (int j = 0; j < p; j++) {
      se[j] = Math.sqrt(cov[j][j]);
      lo[j] = b[j] - t * se[j];
      hi[j] = b[j] + t * se[j];
    }
    return new FitResult(ImmutableList.copyOf(model.names()), b, se, cov, lo, hi, confLevel, rss, n, sumLogW, converged,
        iterations, evaluations, message, used.name());
  }

  /**
   * sigma^2 (J' W J)^-1 through a QR decomposition of sqrt(W) J (better conditioned than J'WJ), for the
   * MINPACK solver and its harder problems; the compact solver hands over its J'WJ, inverted by
   * {@link #scaledInverse}.
   */
  private double[][] covariance(double[] b, double sigma2) {
    int n = y.length;
    int p = b.length;
    double[][] j = new double[n][p];
    for (int i = 0; i < n; i++) {
      model.gradient(x[i], b, j[i]);
      double sw = weights == null ? 1 : Math.sqrt(weights[i]);
      for (int k = 0; k < p; k++) {
        j[i][k] *= sw;
      }
    }
    double[][] cov = new double[p][p];
    try {
      RealMatrix r = new QRDecomposition(new Array2DRowRealMatrix(j, false), 1e-14).getR().getSubMatrix(0, p - 1, 0, p - 1);
      RealMatrix rInv = new QRDecomposition(r, 1e-14).getSolver().getInverse();
      RealMatrix c = rInv.multiply(rInv.transpose());
      for (int a = 0; a < p; a++) {
        for (int k = 0; k < p; k++) {
          cov[a][k] = sigma2 * c.getEntry(a, k);
        }
      }
    } catch (RuntimeException singular) {
      for (double[] row : cov) {
        Arrays.fill(row, Double.NaN);
      }
    }
    return cov;
  }

  /** sigma^2 a^-1 by Cholesky (a's lower triangle is read); NaN when a is singular. */
  private static double[][] scaledInverse(double[][] a, double sigma2) {
    int p = a.length;
    double[][] inv = CompactLevenbergMarquardt.inverse(a);
    double[][] cov = new double[p][p];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < p; k++) {
        cov[j][k] = inv == null ? Double.NaN : sigma2 * inv[j][k];
      }
    }
    return cov;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "NonlinearLeastSquares[%d parameters, %d observations%s%s, tolerance %s]",
        start.length, y.length, weights == null ? "" : ", weighted", lowerBounds == null ? "" : ", bounded", tolerance);
  }

  /** The observations, taken together by {@link Builder#data}. */
  private record Data(double[][] x, double[] y) {
    @Override
    public String toString() {
      return y.length + " observations";
    }
  }

  /** The box, taken together by {@link Builder#bounds}. */
  private record Bounds(double[] lower, double[] upper) {
    @Override
    public String toString() {
      return Arrays.toString(lower) + " to " + Arrays.toString(upper);
    }
  }

  /**
   * Builder; checks say what was wrong. Each setting is taken once: a second call to the same setter
   * throws, since a silent overwrite would hide a mistake.
   */
  public static final class Builder {
    private final Model model;
    private final Setting<Data> data = new Setting<>("data");
    private final Setting<double[]> weights = new Setting<>("weights", w -> w.length + " weights");
    private final Setting<double[]> start = new Setting<>("start", Arrays::toString);
    private final Setting<Bounds> bounds = new Setting<>("bounds");
    private final Setting<Double> tolerance = new Setting<>("tolerance");
    private final Setting<Integer> maxIterations = Setting.checked("maxIterations", Checks::atLeastOne);
    private final Setting<Integer> maxEvaluations = Setting.checked("maxEvaluations", Checks::atLeastOne);
    private final Setting<Double> confLevel = new Setting<>("confidence level");
    private final Setting<Solver> solver = new Setting<>("solver");

    private Builder(Model model) {
      if (model == null) {
        throw new NullPointerException("model must not be null");
      }
      // checked here, where the model is given, rather than by an index error inside fit()
      int p = model.parameters();
      int names = Checks.notNull("model.names()", model.names()).size();
      if (names != p) {
        throw new IllegalArgumentException("the model's names() has " + names + " names but parameters() is " + p
            + ": one name per parameter is expected");
      }
      this.model = model;
    }

    /**
     * @param xs predictor rows, one per observation
     * @param ys responses, finite
     * @return this builder
     */
    public Builder data(double[][] xs, double[] ys) {
      if (xs.length != ys.length) {
        throw new IllegalArgumentException("x has " + xs.length + " rows for " + ys.length + " responses");
      }
      for (int i = 0; i < ys.length; i++) {
        if (!Double.isFinite(ys[i])) {
          throw new IllegalArgumentException("y[" + i + "] must be finite: " + ys[i]);
        }
      }
      // each row copied: the built object is shared by threads and must not see a caller's later change
      return data.set(this, new Data(Copies.deep(xs), ys.clone()));
    }

    /**
     * @param xs one predictor per observation
     * @param ys responses
     * @return this builder
     */
    public Builder data(double[] xs, double[] ys) {
      double[][] rows = new double[xs.length][];
      for (int i = 0; i < xs.length; i++) {
        rows[i] = new double[] {xs[i]};
      }
      return data(rows, ys);
    }

    /**
     * @param w weights, finite and &gt;= 0 (1 / variance of each response); zero drops a point
     * @return this builder
     */
    public Builder weights(double[] w) {
      for (int i = 0; i < w.length; i++) {
        if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
          throw new IllegalArgumentException("weight[" + i + "] must be finite and >= 0: " + w[i]);
        }
      }
      return weights.set(this, w.clone());
    }

    /**
     * @param b starting values, one per parameter, finite
     * @return this builder
     */
    public Builder start(double... b) {
      for (int j = 0; j < b.length; j++) {
        if (!Double.isFinite(b[j])) {
          throw new IllegalArgumentException("start value " + j + " must be finite: " + b[j]);
        }
      }
      return start.set(this, b.clone());
    }

    /**
     * @param lo lower bounds (may be -infinity)
     * @param hi upper bounds (may be +infinity), each &gt;= its lower bound
     * @return this builder
     */
    public Builder bounds(double[] lo, double[] hi) {
      if (lo.length != hi.length) {
        throw new IllegalArgumentException("lower and upper bounds differ in length: " + lo.length + " and " + hi.length);
      }
      for (int j = 0; j < lo.length; j++) {
        if (!(lo[j] <= hi[j])) {
          throw new IllegalArgumentException("bounds of parameter " + j + " are empty: [" + lo[j] + ", " + hi[j] + "]");
        }
      }
      return bounds.set(this, new Bounds(lo.clone(), hi.clone()));
    }

    /**
     * @param tol relative tolerance on the cost, the parameters and orthogonality, in (0, 1) (default
     *     {@value NonlinearLeastSquares#DEFAULT_TOLERANCE})
     * @return this builder
     */
    public Builder tolerance(double tol) {
      if (!(tol > 0 && tol < 1)) {
        throw new IllegalArgumentException("tolerance must be in (0, 1): " + tol);
      }
      return tolerance.set(this, tol);
    }

    /**
     * @param n largest number of iterations, &gt;= 1 (default {@value NonlinearLeastSquares#DEFAULT_MAX_ITERATIONS})
     * @return this builder
     */
    public Builder maxIterations(int n) {
      return maxIterations.set(this, n);
    }

    /**
     * @param n largest number of model evaluations, &gt;= 1 (default {@value NonlinearLeastSquares#DEFAULT_MAX_EVALUATIONS})
     * @return this builder
     */
    public Builder maxEvaluations(int n) {
      return maxEvaluations.set(this, n);
    }

    /**
     * The short form, kept for code written before the named setters.
     *
     * @param tol relative tolerance on cost, parameters and orthogonality, in (0, 1)
     * @param iterations largest number of iterations
     * @param evaluations largest number of model evaluations
     * @return this builder
     * @deprecated two ints in a row are easily swapped; use
     *     {@code .tolerance(tol).maxIterations(iterations).maxEvaluations(evaluations)}
     */
    @Deprecated(since = "0.2", forRemoval = true)
    public Builder convergence(double tol, int iterations, int evaluations) {
      // all three values checked, and all three settings found free, before any is taken, so that a
      // refused call leaves the builder as it was
      if (!(tol > 0 && tol < 1)) {
        throw new IllegalArgumentException("tolerance must be in (0, 1): " + tol);
      }
      Checks.atLeastOne("maxIterations", iterations);
      Checks.atLeastOne("maxEvaluations", evaluations);
      refuseIfSet("tolerance", tolerance);
      refuseIfSet("maxIterations", maxIterations);
      refuseIfSet("maxEvaluations", maxEvaluations);
      return tolerance(tol).maxIterations(iterations).maxEvaluations(evaluations);
    }

    /** The message {@link Setting#set} would give for a second call, before anything is set. */
    private static void refuseIfSet(String name, Setting<?> setting) {
      if (setting.isSet()) {
        throw new IllegalStateException(name + " was already set to " + setting);
      }
    }

    /**
     * @param s the optimizer (default {@link Solver#MINPACK}); {@link Solver#COMPACT} is used only without
     *     bounds
     * @return this builder
     */
    public Builder solver(Solver s) {
      return solver.set(this, s);
    }

    /** @param level confidence level in (0, 1) @return this builder */
    public Builder confidenceLevel(double level) {
      return confLevel.set(this, CriticalValues.checkLevel(level));
    }

    /**
     * @return the fitter
     * @throws IllegalStateException if data or start values are missing or do not fit together
     */
    public NonlinearLeastSquares build() {
      double[] y = data.required("no data: call data(x, y)").y();
      double[] start = this.start.required("no starting values: call start(...)");
      Bounds box = bounds.orElse(null);
      double[] lower = box == null ? null : box.lower();
      double[] weights = this.weights.orElse(null);
      int p = model.parameters();
      if (start.length != p) {
        throw new IllegalStateException("the model has " + p + " parameters but " + start.length + " start values were given");
      }
      if (lower != null && lower.length != p) {
        throw new IllegalStateException("the model has " + p + " parameters but the bounds have " + lower.length);
      }
      if (weights != null && weights.length != y.length) {
        throw new IllegalStateException(weights.length + " weights for " + y.length + " observations");
      }
      int positive = 0;
      for (int i = 0; i < y.length; i++) {
        positive += weights == null || weights[i] > 0 ? 1 : 0;
      }
      if (positive <= p) {
        throw new IllegalStateException(
            positive + " observations (with positive weight) cannot determine " + p + " parameters: need at least " + (p + 1));
      }
      return new NonlinearLeastSquares(this);
    }
  }
}
