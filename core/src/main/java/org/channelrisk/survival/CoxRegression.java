package org.channelrisk.survival;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.channelrisk.stats.Estimate;
import org.channelrisk.internal.Checks;

/**
 * Cox proportional hazards regression by maximum partial likelihood, as R survival's {@code coxph}:
 * Efron (default) or Breslow handling of tied event times, Newton-Raphson from beta = 0 with step
 * halving, stopping when the log partial likelihood changes by at most {@code tolerance} relative
 * (R's {@code eps = 1e-9}, at most 20 iterations).
 *
 * <pre>{@code
 * CoxRegression.Fit fit = CoxRegression.defaults().fit(data, x, List.of("audience", "official"));
 * fit.hazardRatio(0);      // exp(beta_audience)
 * fit.converged();         // never silently false: toString says so
 * }</pre>
 *
 * <p>As R, the covariates are centred and scaled internally (by their mean absolute deviation), and
 * the information matrix is taken as singular where a pivot of its Cholesky factor falls below
 * eps^0.75 of its largest diagonal element (R's {@code toler.chol}): a covariate's unit changes
 * neither the fit nor whether it is refused; coefficients and standard errors scale inversely with
 * it, z statistics and tests stay.
 *
 * <p>Use it to compare platforms' removal hazards while controlling for audience size and role.
 * Cost per iteration: O(n p^2) after an O(n log n) sort.
 *
 * <p>References: Cox (1972); Efron (1977); Therneau and Grambsch (2000), <i>Modeling Survival Data</i>.
 */
public final class CoxRegression {
  /** Handling of tied event times. */
  public enum Ties {
    /** Efron's approximation, R's default. */
    EFRON,
    /** Breslow's approximation. */
    BRESLOW
  }

  /** Default relative tolerance on the log partial likelihood (R's coxph.control eps). */
  public static final double DEFAULT_TOLERANCE = 1e-9;
  /** Default largest number of iterations (R's coxph.control iter.max). */
  public static final int DEFAULT_MAX_ITERATIONS = 20;

  private final Ties ties;
  private final double tolerance;
  private final int maxIterations;
  private final double confLevel;

  private CoxRegression(Ties ties, double tolerance, int maxIterations, double confLevel) {
    this.ties = ties;
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
    this.confLevel = confLevel;
  }

  /** @return Efron ties, tolerance 1e-9, 20 iterations, 95% intervals */
  public static CoxRegression defaults() {
    return new CoxRegression(Ties.EFRON, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS, 0.95);
  }

  /**
   * @param value how tied event times are handled
   * @return a copy with that setting
   */
  public CoxRegression withTies(Ties value) {
    if (value == null) {
      throw new NullPointerException("ties must not be null");
    }
    return new CoxRegression(value, tolerance, maxIterations, confLevel);
  }

  /**
   * @param tol relative tolerance on the log partial likelihood, &gt; 0
   * @param iterations largest number of iterations, &gt;= 1
   * @return a copy with those settings
   */
  public CoxRegression withConvergence(double tol, int iterations) {
    if (!(tol > 0)) {
      throw new IllegalArgumentException("tolerance must be > 0: " + tol);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1: " + iterations);
    }
    return new CoxRegression(ties, tol, iterations, confLevel);
  }

  /**
   * The fitted model.
   *
   * @param table covariate names, coefficients beta and standard errors from the inverse information
   *     at beta
   * @param confLevel level of the hazard-ratio intervals
   * @param logLikNull log partial likelihood at beta = 0
   * @param logLik log partial likelihood at beta
   * @param waldTest beta' I beta
   * @param scoreTest U(0)' I(0)^-1 U(0)
   * @param n observations
   * @param events events
   * @param iterations Newton-Raphson iterations (counted as R counts them)
   * @param converged whether the tolerance was met within the iteration limit
   * @param ties the tie handling used
   * @param possiblyInfinite the covariates whose coefficient may be infinite (monotone likelihood),
   *     by R's rule in {@code coxph.fit}: after convergence, the next Newton step |U(beta)' I(beta)^-1|
   *     is still above the tolerance and above sqrt(tolerance) * |beta| (R warns "Loglik converged
   *     before variable ...; coefficient may be infinite"), the step and beta taken on the internally
   *     scaled covariates, so that the flag does not depend on a covariate's unit; empty for an
   *     ordinary fit
   */
  public record Fit(
      Coefficients table, double confLevel, double logLikNull, double logLik, double waldTest, double scoreTest, int n,
      int events, int iterations, boolean converged, Ties ties, List<String> possiblyInfinite) implements RegressionFit {
    /** Copies the list in. */
    public Fit {
      Checks.notNull("table", table);
      Checks.notNull("ties", ties);
      possiblyInfinite = List.copyOf(Names.check("possiblyInfinite", possiblyInfinite));
    }

    /**
     * Whether the likelihood is monotone in some coefficient (a covariate separates the events, say):
     * the fit "converged" only because the log-likelihood stopped changing while the coefficient
     * kept growing, so that coefficient, its standard error and its interval mean nothing.
     *
     * @return whether {@link #possiblyInfinite()} is not empty
     */
    public boolean monotoneLikelihood() {
      return !possiblyInfinite.isEmpty();
    }

    /** @return the status in words, as the CLI prints it */
    public String status() {
      if (!converged) {
        return "NOT CONVERGED";
      }
      return monotoneLikelihood()
          ? "converged, but the log-likelihood converged before variable " + String.join(",", possiblyInfinite)
              + ": coefficient may be infinite (monotone likelihood)"
          : "converged";
    }

    /** @return 2 (logLik - logLikNull) */
    public double likelihoodRatioTest() {
      return 2 * (logLik - logLikNull);
    }

    /** @param i covariate @return exp(beta) */
    public double hazardRatio(int i) {
      return Math.exp(table.coefficient(i));
    }

    /** @param i covariate @return the hazard ratio with its Wald interval */
    public Estimate hazardRatioInterval(int i) {
      return Wald.ratio(table.coefficient(i), table.stdError(i), confLevel, "Wald");
    }

    /**
     * @param statistic a chi-square statistic with {@code names().size()} degrees of freedom
     * @return its upper-tail p-value
     */
    public double testPValue(double statistic) {
      return 1 - new ChiSquaredDistribution(table.size()).cumulativeProbability(statistic);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
          "Cox regression (%s ties): n %d, events %d, %s after %d iterations%n", ties.name().toLowerCase(Locale.ROOT),
          n, events, status(), iterations));
      sb.append(table);
      sb.append(String.format(Locale.ROOT, "  log-likelihood %.6g (null %.6g); LR %.4g, Wald %.4g, score %.4g on %d df",
          logLik, logLikNull, likelihoodRatioTest(), waldTest, scoreTest, table.size()));
      return sb.toString();
    }
  }

  /**
   * Fits the model.
   *
   * @param data times and events (groups and strata are ignored)
   * @param x covariates, one row per observation
   * @param names one name per covariate column
   * @return the fit; check {@link Fit#converged()}
   * @throws IllegalArgumentException if dimensions disagree, a covariate is not finite or too large or
   *     too little varying for double arithmetic once centred, there are no events, or the information
   *     matrix is singular (e.g. a constant covariate)
   */
  public Fit fit(SurvivalData data, double[][] x, List<String> names) {
    int n = Checks.notNull("data", data).size();
    int p = Names.check("names", names).size();
    Checks.notNull("x", x);
    if (x.length != n) {
      throw new IllegalArgumentException("x has " + x.length + " rows for " + n + " observations");
    }
    if (p == 0) {
      throw new IllegalArgumentException("at least one covariate is needed");
    }
    if (n == 0) {
      throw new IllegalArgumentException("no observations");
    }
    if (data.events() == 0) {
      throw new IllegalArgumentException("the data has no events: the partial likelihood is flat");
    }
    if (data.truncated()) {
      throw new IllegalArgumentException("entry times (left truncation) are not supported by this Cox fit");
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      if (Checks.notNull("x[" + i + "]", x[i]).length != p) {
        throw new IllegalArgumentException("row " + i + " of x has " + x[i].length + " values for " + p + " names");
      }
    }
    // Sorted by time descending, events before censorings at a tie (irrelevant to the sums).
    Arrays.sort(order, (a, b) -> Double.compare(data.time(b), data.time(a)));
    double[] time = new double[n];
    boolean[] event = new boolean[n];
    double[][] z = new double[n][p];
    double[] mean = new double[p];
    for (int k = 0; k < n; k++) {
      int i = order[k];
      time[k] = data.time(i);
      event[k] = data.event(i);
      for (int j = 0; j < p; j++) {
        if (!Double.isFinite(x[i][j])) {
          throw new IllegalArgumentException("covariate " + names.get(j) + " of observation " + i + " is not finite: " + x[i][j]);
        }
        mean[j] += x[i][j] / n;
      }
    }
    for (int k = 0; k < n; k++) {
      for (int j = 0; j < p; j++) {
        z[k][j] = x[order[k]][j] - mean[j]; // centring keeps exp(x beta) in range
      }
    }
    // scaling, as R's coxfit6: the iterations and the singularity test see unit-size columns, so that a
    // covariate's unit changes neither (coefficients scale inversely, z statistics stay); beta, the
    // score and the information below are those of the scaled columns until the end
    double[] scale = Covariates.scale(z, names);
    Partial at0 = partial(time, event, z, new double[p]);
    DecompositionSolver s0 = solver(at0.information, names);
    double[] step0 = s0.solve(new org.apache.commons.math3.linear.ArrayRealVector(at0.score)).toArray();
    double score = dot(at0.score, step0);

    double[] beta = new double[p];
    double[] newBeta = add(beta, step0);
    double logLik = at0.logLik;
    Partial current = at0;
    boolean converged = false;
    boolean halving = false;
    int iter;
    for (iter = 1; iter <= maxIterations; iter++) {
      Partial next = partial(time, event, z, newBeta);
      // a step whose likelihood, score or information overflowed (exp(x beta) beyond a double) is no
      // step: halved, as R's coxfit6 does with its notfinite flag, rather than taken as NaN
      boolean finite = next.isFinite();
      if (finite && Math.abs(1 - logLik / next.logLik) <= tolerance && !halving) {
        logLik = next.logLik;
        beta = newBeta;
        current = next;
        converged = true;
        break;
      }
      if (iter == maxIterations) {
        if (finite && next.logLik >= logLik) {
          beta = newBeta;
          current = next;
          logLik = next.logLik;
        }
        break;
      }
      if (!finite || next.logLik < logLik) {
        halving = true;
        for (int j = 0; j < p; j++) {
          newBeta[j] = (newBeta[j] + beta[j]) / 2;
        }
      } else {
        halving = false;
        logLik = next.logLik;
        current = next;
        double[] step = solver(next.information, names)
            .solve(new org.apache.commons.math3.linear.ArrayRealVector(next.score)).toArray();
        beta = newBeta;
        newBeta = add(newBeta, step);
      }
    }
    RealMatrix inv = solver(current.information, names).getInverse();
    double[] se = new double[p];
    double[] coef = new double[p];
    for (int j = 0; j < p; j++) {
      // back to the covariates' units; the variance is left scaled, so that its square cannot underflow
      se[j] = Math.sqrt(inv.getEntry(j, j)) * scale[j];
      coef[j] = beta[j] * scale[j];
    }
    double wald = dot(beta, new Array2DRowRealMatrix(current.information).operate(beta)); // the same in any units
    List<String> infinite = new java.util.ArrayList<>();
    if (converged) {
      // R's coxph.fit: infs <- abs(u %*% var); flagged where infs > eps and infs > toler.inf * |coef|,
      // toler.inf = sqrt(eps), or where the score is not finite. R compares after undoing its scaling,
      // so that its absolute test (infs > eps) depends on the covariate's unit; here both tests are made
      // on the scaled columns, so that a covariate's unit does not change the flag either
      double tolerInf = Math.sqrt(tolerance);
      for (int j = 0; j < p; j++) {
        double step = 0;
        for (int k = 0; k < p; k++) {
          step += current.score[k] * inv.getEntry(k, j);
        }
        double infs = Math.abs(step);
        if (!Double.isFinite(current.score[j]) || !Double.isFinite(infs) || (infs > tolerance && infs > tolerInf * Math.abs(beta[j]))) {
          infinite.add(names.get(j));
        }
      }
    }
    return new Fit(new Coefficients(names, coef, se), confLevel, at0.logLik, logLik, wald, score, n,
        data.events(), Math.min(iter, maxIterations), converged, ties, infinite);
  }

  private record Partial(double logLik, double[] score, double[][] information) {
    boolean isFinite() {
      if (!Double.isFinite(logLik)) {
        return false;
      }
      for (int k = 0; k < score.length; k++) {
        if (!Double.isFinite(score[k])) {
          return false;
        }
        for (double v : information[k]) {
          if (!Double.isFinite(v)) {
            return false;
          }
        }
      }
      return true;
    }
  }

  /** Log partial likelihood, score and information at beta; subjects sorted by time descending. */
  private Partial partial(double[] time, boolean[] event, double[][] z, double[] beta) {
    int n = time.length;
    int p = beta.length;
    double ll = 0;
    double[] u = new double[p];
    double[][] info = new double[p][p];
    double s0 = 0;
    double[] s1 = new double[p];
    double[][] s2 = new double[p][p];
    double[] d1 = new double[p];
    double[][] d2 = new double[p][p];
    double[] a = new double[p];
    for (int i = 0; i < n; ) {
      double t = time[i];
      int deaths = 0;
      double dd0 = 0;
      for (double[] row : d2) {
        Arrays.fill(row, 0);
      }
      Arrays.fill(d1, 0);
      int j = i;
      for (; j < n && time[j] == t; j++) {
        double xb = dot(z[j], beta);
        double r = Math.exp(xb);
        s0 += r;
        for (int k = 0; k < p; k++) {
          s1[k] += r * z[j][k];
          for (int l = 0; l <= k; l++) {
            s2[k][l] += r * z[j][k] * z[j][l];
          }
        }
        if (event[j]) {
          deaths++;
          ll += xb;
          dd0 += r;
          for (int k = 0; k < p; k++) {
            u[k] += z[j][k];
            d1[k] += r * z[j][k];
            for (int l = 0; l <= k; l++) {
              d2[k][l] += r * z[j][k] * z[j][l];
            }
          }
        }
      }
      i = j;
      if (deaths == 0) {
        continue;
      }
      if (ties == Ties.BRESLOW || deaths == 1) {
        ll -= deaths * Math.log(s0);
        for (int k = 0; k < p; k++) {
          a[k] = s1[k] / s0;
          u[k] -= deaths * a[k];
        }
        for (int k = 0; k < p; k++) {
          for (int l = 0; l <= k; l++) {
            info[k][l] += deaths * (s2[k][l] / s0 - a[k] * a[l]);
          }
        }
      } else {
        for (int m = 0; m < deaths; m++) {
          double f = (double) m / deaths;
          double e0 = s0 - f * dd0;
          ll -= Math.log(e0);
          for (int k = 0; k < p; k++) {
            a[k] = (s1[k] - f * d1[k]) / e0;
            u[k] -= a[k];
          }
          for (int k = 0; k < p; k++) {
            for (int l = 0; l <= k; l++) {
              info[k][l] += (s2[k][l] - f * d2[k][l]) / e0 - a[k] * a[l];
            }
          }
        }
      }
    }
    for (int k = 0; k < p; k++) {
      for (int l = 0; l < k; l++) {
        info[l][k] = info[k][l];
      }
    }
    return new Partial(ll, u, info);
  }

  private static DecompositionSolver solver(double[][] information, List<String> names) {
    try {
      // singular where a pivot is below toler.chol of the largest diagonal element, as R's cholesky2
      return new CholeskyDecomposition(new Array2DRowRealMatrix(information), 1e-12, Covariates.pivotThreshold(information))
          .getSolver();
    } catch (NonPositiveDefiniteMatrixException e) {
      throw new IllegalArgumentException(
          "the information matrix is singular: a covariate among " + names + " is constant or collinear with others", e);
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double[] add(double[] a, double[] b) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] + b[i];
    }
    return c;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "CoxRegression[%s ties, tolerance %s, max %d iterations]",
        ties.name().toLowerCase(Locale.ROOT), tolerance, maxIterations);
  }
}
