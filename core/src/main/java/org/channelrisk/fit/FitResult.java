package org.channelrisk.fit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Copies;

/**
 * The result of a nonlinear least-squares fit, with its status stated: a fit that did not converge
 * says so ({@link #converged()} false, {@link #message()} why), and its numbers are those of the best
 * point reached, not an answer.
 *
 * <pre>{@code
 * FitResult r = NonlinearLeastSquares.builder(model).data(x, y).start(500, 1e-4).build().fit();
 * r.converged();        // true
 * r.estimate(0);        // b1
 * r.stdError(0);        // sqrt(sigma^2 (J' W J)^-1)_11
 * r.aic();              // as R's AIC() of an nls fit
 * }</pre>
 *
 * @param names parameter names
 * @param estimates parameter estimates
 * @param stdErrors standard errors, sqrt of the diagonal of {@code covariance}
 * @param covariance sigma^2 (J' W J)^-1 (NaN when singular)
 * @param lower lower confidence limits (Wald, t quantile with n - p degrees of freedom)
 * @param upper upper confidence limits
 * @param confLevel confidence level of the limits
 * @param rss (weighted) residual sum of squares
 * @param n observations (with positive weight)
 * @param sumLogWeights sum of log weights (0 when unweighted), for the log-likelihood
 * @param converged whether the optimizer met its tolerances
 * @param iterations optimizer iterations
 * @param evaluations model evaluations
 * @param message how the fit ended
 * @param solver the optimizer that produced it: {@code "MINPACK"} or {@code "COMPACT"} (the names of
 *     {@link NonlinearLeastSquares.Solver}), or {@code "none"} for a model that was not fitted
 */
public record FitResult(
    List<String> names, double[] estimates, double[] stdErrors, double[][] covariance, double[] lower, double[] upper,
    double confLevel, double rss, int n, double sumLogWeights, boolean converged, int iterations, int evaluations,
    String message, String solver) {

  /**
   * Copies the arrays and the list, so that the result cannot change once made.
   *
   * @throws NullPointerException naming a component that is null
   * @throws IllegalArgumentException unless names, estimates, standard errors and limits have one
   *     entry per parameter and the covariance is p x p
   */
  public FitResult {
    // copies first, then checks on the copies (Copies.of)
    names = List.copyOf(Checks.notNull("names", names));
    estimates = Copies.of("estimates", estimates);
    stdErrors = Copies.of("stdErrors", stdErrors);
    covariance = Copies.deep("covariance", covariance);
    lower = Copies.of("lower", lower);
    upper = Copies.of("upper", upper);
    Checks.notNull("message", message);
    Checks.notNull("solver", solver);
    int p = estimates.length;
    sameLength("names", names.size(), p);
    sameLength("stdErrors", stdErrors.length, p);
    sameLength("lower", lower.length, p);
    sameLength("upper", upper.length, p);
    sameLength("covariance", covariance.length, p);
    for (int i = 0; i < p; i++) {
      if (covariance[i].length != p) {
        throw new IllegalArgumentException("covariance row " + i + " has " + covariance[i].length + " entries for " + p
            + " estimates: the covariance must be " + p + " x " + p);
      }
    }
  }

  private static void sameLength(String component, int length, int p) {
    if (length != p) {
      throw new IllegalArgumentException(component + " has " + length + " entries for " + p + " estimates: one per parameter is expected");
    }
  }

  /**
   * A result made elsewhere than by {@link NonlinearLeastSquares} (a test, a custom optimizer): its
   * {@link #solver()} is {@code "unspecified"}.
   */
  public FitResult(List<String> names, double[] estimates, double[] stdErrors, double[][] covariance, double[] lower,
      double[] upper, double confLevel, double rss, int n, double sumLogWeights, boolean converged, int iterations,
      int evaluations, String message) {
    this(names, estimates, stdErrors, covariance, lower, upper, confLevel, rss, n, sumLogWeights, converged, iterations,
        evaluations, message, "unspecified");
  }

  /** @return a copy of the estimates, in the order of {@link #names()} */
  @Override
  public double[] estimates() {
    return estimates.clone();
  }

  /** @return a copy of the standard errors */
  @Override
  public double[] stdErrors() {
    return stdErrors.clone();
  }

  /** @return a copy of the covariance matrix of the estimates */
  @Override
  public double[][] covariance() {
    return Copies.deep(covariance);
  }

  /** @return a copy of the lower confidence limits */
  @Override
  public double[] lower() {
    return lower.clone();
  }

  /** @return a copy of the upper confidence limits */
  @Override
  public double[] upper() {
    return upper.clone();
  }

  /**
   * @param i a parameter index
   * @param j a parameter index
   * @return the covariance of estimates i and j
   */
  public double covariance(int i, int j) {
    return covariance[i][j];
  }

  /** @param i a parameter index @return its lower confidence limit */
  public double lower(int i) {
    return lower[i];
  }

  /** @param i a parameter index @return its upper confidence limit */
  public double upper(int i) {
    return upper[i];
  }

  /** Equal when every component is equal, arrays by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof FitResult f && names.equals(f.names) && Arrays.equals(estimates, f.estimates)
        && Arrays.equals(stdErrors, f.stdErrors) && Arrays.deepEquals(covariance, f.covariance) && Arrays.equals(lower, f.lower)
        && Arrays.equals(upper, f.upper) && Double.compare(confLevel, f.confLevel) == 0 && Double.compare(rss, f.rss) == 0
        && n == f.n && Double.compare(sumLogWeights, f.sumLogWeights) == 0 && converged == f.converged
        && iterations == f.iterations && evaluations == f.evaluations && message.equals(f.message) && solver.equals(f.solver);
  }

  @Override
  public int hashCode() {
    return Objects.hash(names, Arrays.hashCode(estimates), rss, n, converged, iterations, solver);
  }

  /** @return number of parameters */
  public int parameters() {
    return estimates.length;
  }

  /** @param i parameter @return its estimate */
  public double estimate(int i) {
    return estimates[i];
  }

  /** @param i parameter @return its standard error */
  public double stdError(int i) {
    return stdErrors[i];
  }

  /** @return residual degrees of freedom n - p */
  public int df() {
    return n - estimates.length;
  }

  /** @return residual standard error sqrt(RSS / (n - p)) */
  public double sigma() {
    return Math.sqrt(rss / df());
  }

  /**
   * Whether the fit is exact: converged with a residual sum of squares of 0, every residual 0 in
   * double arithmetic ({@link NonlinearLeastSquares} tells this apart from squares that underflow,
   * which it reports as not converged). The standard errors and the interval widths are then 0 by
   * definition, not as a measurement of precision, and the likelihood is unbounded: {@link #logLik()}
   * is +infinity and {@link #aic()}, {@link #aicc()} and {@link #bic()} are -infinity, the limits as
   * the residuals shrink to 0.
   *
   * @return whether the fit converged with RSS 0
   */
  public boolean exactFit() {
    return converged && rss == 0;
  }

  /**
   * The Gaussian log-likelihood at the estimate with sigma profiled out, as R's {@code logLik.nls}:
   * -n/2 (log(2 pi) + 1 - log n - sum(log w)/n + log RSS).
   *
   * @return the log-likelihood; +infinity for an {@link #exactFit() exact fit}
   */
  public double logLik() {
    return -n / 2.0 * (Math.log(2 * Math.PI) + 1 - Math.log(n) - sumLogWeights / n + Math.log(rss));
  }

  /** @return -2 logLik + 2 (p + 1): sigma counts as a parameter, as in R; -infinity for an exact fit */
  public double aic() {
    return -2 * logLik() + 2 * (parameters() + 1);
  }

  /**
   * @return AIC + 2k(k+1)/(n-k-1), k = p + 1; +infinity when n &lt;= k + 1 (not defined), else
   *     -infinity for an exact fit
   */
  public double aicc() {
    int k = parameters() + 1;
    return n - k - 1 > 0 ? aic() + 2.0 * k * (k + 1) / (n - k - 1) : Double.POSITIVE_INFINITY;
  }

  /** @return -2 logLik + log(n) (p + 1); -infinity for an exact fit */
  public double bic() {
    return -2 * logLik() + Math.log(n) * (parameters() + 1);
  }

  /**
   * The status, the solver's counts, each parameter with its interval and the residual sum of squares
   * with the information criteria. A converged fit whose message says more than "converged" (a
   * parameter on its bound, say) shows the message.
   */
  @Override
  public String toString() {
    String status = !converged ? "NOT CONVERGED: " + message
        : message.startsWith("converged") ? message : "converged: " + message;
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Nonlinear least squares: %s (%s solver, %d iterations, %d evaluations)%n",
        status, solver, iterations, evaluations));
    for (int i = 0; i < estimates.length; i++) {
      sb.append(String.format(Locale.ROOT, "  %-6s %14s  se %11s  %s%% CI (%s, %s)%n", names.get(i), num("%.8g", estimates[i]),
          num("%.5g", stdErrors[i]), Math.round(confLevel * 1000) / 10.0, num("%.6g", lower[i]), num("%.6g", upper[i])));
    }
    // the criteria that are not numbers are said in words: unbounded for an exact fit, AICc undefined
    // without a residual degree of freedom to spare
    boolean aiccDefined = n - parameters() - 2 > 0;
    if (exactFit()) {
      sb.append(String.format(Locale.ROOT, "  RSS 0, sigma 0 on %d df; exact fit: the log-likelihood is unbounded, AIC and BIC"
          + " -infinity, AICc %s", df(), aiccDefined ? "-infinity" : "undefined (n <= p + 2)"));
    } else {
      sb.append(String.format(Locale.ROOT, "  RSS %s, sigma %s on %d df; AIC %s, AICc %s, BIC %s", num("%.8g", rss), num("%.6g", sigma()),
          df(), num("%.6g", aic()), aiccDefined ? num("%.6g", aicc()) : "undefined (n <= p + 2)", num("%.6g", bic())));
    }
    return sb.toString();
  }

  /** A number as the pattern prints it; "NA" when it is NaN or infinite, never "NaN" or "Infinity" as if a value. */
  private static String num(String pattern, double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, pattern, v) : "NA";
  }
}
