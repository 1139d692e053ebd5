package org.channelrisk.survival;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.special.Erf;
import org.channelrisk.internal.Copies;
import org.channelrisk.stats.CriticalValues;
import org.channelrisk.stats.Estimate;
import org.channelrisk.model.LatencyDistribution;
import org.channelrisk.internal.Checks;

/**
 * Parametric survival models fitted by maximum likelihood with right censoring and left truncation:
 * exponential, Weibull and log-normal. All three are location-scale models for log T, as in R's {@code survreg}:
 * {@code log T = mu + sigma W}, W standard extreme-value (exponential: sigma = 1; Weibull: shape =
 * 1/sigma, scale = exp(mu)) or standard normal (log-normal: meanlog mu, sdlog sigma).
 *
 * <pre>{@code
 * ParametricSurvival.Fit w = ParametricSurvival.fit(ParametricSurvival.Family.WEIBULL, data);
 * w.shape();                 // with w.shapeInterval()
 * w.toLatency();             // a LatencyDistribution for a simulation scenario
 * ParametricSurvival.best(data).family();   // smallest AIC of the three
 * }</pre>
 *
 * <p>The log-likelihood is that of the times themselves (densities of T, including the Jacobian
 * -log t of events), so AIC compares the three families. With entry times ({@link
 * SurvivalData#withEntry(double[])}) it is conditional on survival to entry: log f(t) or log S(t),
 * minus log S(entry), so that the exponential rate is events / sum(time - entry) (R's {@code survreg}
 * has no left truncation: these fits are checked against a direct maximisation of that likelihood). Newton-Raphson in (mu, log sigma) with
 * analytic derivatives and step halving; standard errors from the observed information; intervals
 * for shape and scale by the delta method on the log scale. Event times must be positive.
 */
public final class ParametricSurvival {
  /** The families. */
  public enum Family {
    /** Constant hazard. */
    EXPONENTIAL(1),
    /** Hazard rising (shape &gt; 1) or falling (shape &lt; 1) as a power of time. */
    WEIBULL(2),
    /** log T normal. */
    LOG_NORMAL(2);

    private final int parameters;

    Family(int parameters) {
      this.parameters = parameters;
    }

    /** @return number of free parameters */
    public int parameters() {
      return parameters;
    }
  }

  private static final int MAX_ITERATIONS = 200;
  private static final double Z95 = CriticalValues.normal(0.95);

  private ParametricSurvival() {}

  /**
   * A fitted model.
   *
   * @param family the family
   * @param mu location of log T
   * @param sigma scale of log T (1 for the exponential)
   * @param covariance covariance of (mu, log sigma); 1x1 for the exponential
   * @param logLik maximised log-likelihood
   * @param n observations
   * @param events events
   * @param converged whether Newton-Raphson converged
   * @param iterations iterations used
   */
  public record Fit(Family family, double mu, double sigma, double[][] covariance, double logLik, int n, int events,
      boolean converged, int iterations) {

    /** Copies the covariance, so that the fit cannot change once made. */
    public Fit {
      Checks.notNull("family", family);
      covariance = Copies.deep("covariance", covariance);
    }

    /** @return a copy of the covariance of (mu, log sigma) */
    @Override
    public double[][] covariance() {
      return Copies.deep(covariance);
    }

    /**
     * @param i 0 for mu, 1 for log sigma (not for the exponential, whose sigma is fixed at 1)
     * @param j 0 for mu, 1 for log sigma (likewise)
     * @return the covariance of estimates i and j
     * @throws IndexOutOfBoundsException for an index the fit has no estimate for
     */
    public double covariance(int i, int j) {
      return covariance[Objects.checkIndex(i, covariance.length)][Objects.checkIndex(j, covariance.length)];
    }

    /** Equal when every component is equal, the covariance by content. */
    @Override
    public boolean equals(Object o) {
      return o instanceof Fit f && family == f.family && Double.compare(mu, f.mu) == 0 && Double.compare(sigma, f.sigma) == 0
          && Arrays.deepEquals(covariance, f.covariance) && Double.compare(logLik, f.logLik) == 0 && n == f.n
          && events == f.events && converged == f.converged && iterations == f.iterations;
    }

    @Override
    public int hashCode() {
      return Objects.hash(family, mu, sigma, Arrays.deepHashCode(covariance), logLik, n, events, converged, iterations);
    }

    /** @return -2 logLik + 2 k */
    public double aic() {
      return -2 * logLik + 2 * family.parameters();
    }

    /** @return standard error of mu */
    public double muStdError() {
      return Math.sqrt(covariance[0][0]);
    }

    /** @return standard error of log sigma (0 for the exponential) */
    public double logSigmaStdError() {
      return covariance.length > 1 ? Math.sqrt(covariance[1][1]) : 0.0;
    }

    /** @return Weibull shape 1/sigma (1 for the exponential; NaN for the log-normal) */
    public double shape() {
      return family == Family.LOG_NORMAL ? Double.NaN : 1 / sigma;
    }

    /** @return the shape with a 95% interval (delta method on log shape = -log sigma) */
    public Estimate shapeInterval() {
      double s = logSigmaStdError();
      return new Estimate(shape(), shape() * Math.exp(-Z95 * s), shape() * Math.exp(Z95 * s), "delta method on log scale, 95%");
    }

    /** @return exp(mu): the Weibull or exponential scale, the log-normal median */
    public double scale() {
      return Math.exp(mu);
    }

    /** @return the scale with a 95% interval (Wald on mu) */
    public Estimate scaleInterval() {
      double s = muStdError();
      return new Estimate(scale(), Math.exp(mu - Z95 * s), Math.exp(mu + Z95 * s), "Wald on log scale, 95%");
    }

    /**
     * @param t a time
     * @return the fitted P(T &gt; t)
     */
    public double survival(double t) {
      return toLatency().survival(t);
    }

    /**
     * @param p a probability in [0, 1)
     * @return the fitted p-quantile of T
     */
    public double quantile(double p) {
      return toLatency().quantile(p);
    }

    /** @return the fitted distribution as a model value (time unit as the data's) */
    public LatencyDistribution toLatency() {
      switch (family) {
        case EXPONENTIAL:
          return LatencyDistribution.exponential(Math.exp(mu));
        case WEIBULL:
          return LatencyDistribution.weibull(1 / sigma, Math.exp(mu));
        default:
          return LatencyDistribution.logNormal(mu, sigma);
      }
    }

    @Override
    public String toString() {
      String params = switch (family) {
        case EXPONENTIAL -> String.format(Locale.ROOT, "mean %.5g (rate %.5g)", scale(), 1 / scale());
        case WEIBULL -> String.format(Locale.ROOT, "shape %s, scale %s", shapeInterval(), scaleInterval());
        case LOG_NORMAL -> String.format(Locale.ROOT, "meanlog %.5g (se %.3g), sdlog %.5g", mu, muStdError(), sigma);
      };
      return String.format(Locale.ROOT, "%s fit: %s; logLik %.6g, AIC %.6g, n %d, events %d%s", family, params,
          logLik, aic(), n, events, converged ? "" : " (NOT CONVERGED after " + iterations + " iterations)");
    }
  }

  /**
   * Fits each family and returns the one with the smallest AIC.
   *
   * @param data the data
   * @return the best fit
   */
  public static Fit best(SurvivalData data) {
    Checks.notNull("data", data);
    Fit best = null;
    for (Family f : Family.values()) {
      Fit fit = fit(f, data);
      if (fit.converged() && (best == null || fit.aic() < best.aic())) {
        best = fit;
      }
    }
    if (best == null) {
      throw new IllegalStateException("no parametric family converged on " + data);
    }
    return best;
  }

  /**
   * Fits one family.
   *
   * @param family the family
   * @param data times (events must be at positive times), event indicators and entry times if any
   *     (the likelihood is then conditional on survival to entry); groups are ignored
   * @return the fit
   * @throws IllegalArgumentException if there is no event, or an event at time 0
   */
  public static Fit fit(Family family, SurvivalData data) {
    Checks.notNull("family", family);
    Checks.notNull("data", data);
    int n = data.size();
    int d = data.events();
    if (d == 0) {
      throw new IllegalArgumentException("a parametric fit needs at least one event: all " + n + " times are censored");
    }
    double[] y = new double[n];
    double[] logEntry = data.truncated() ? new double[n] : null;
    double sumT = 0; // the time at risk: sum of time - entry
    double sumLogEvents = 0;
    for (int i = 0; i < n; i++) {
      double t = data.time(i);
      if (data.event(i) && t <= 0) {
        throw new IllegalArgumentException("a parametric fit needs positive event times: event " + i + " is at time " + t);
      }
      y[i] = Math.log(t);
      if (logEntry != null) {
        double e = data.entry(i);
        logEntry[i] = e > 0 ? Math.log(e) : Double.NaN;
        t -= e;
      }
      sumT += t;
      if (data.event(i)) {
        sumLogEvents += y[i];
      }
    }
    double logMean = Math.log(sumT / d);
    boolean overflow = Double.isInfinite(sumT);
    if (overflow) {
      // the sum of the times overflows, their mean need not: sum them scaled by 2^-64 (exactly)
      double scaled = 0;
      for (int i = 0; i < n; i++) {
        scaled += Math.scalb(data.time(i) - data.entry(i), -64);
      }
      logMean = Math.log(scaled / d) + 64 * Math.log(2);
    }
    if (family == Family.EXPONENTIAL) {
      double mu = logMean;
      // d log(lambda) - lambda sum(t - entry), lambda = exp(-mu) = d / sum(t - entry); lambda sum(t -
      // entry) = d at the maximum, which is what remains where the sum overflows
      double ll = -d * mu - (overflow ? d : sumT / Math.exp(mu));
      return new Fit(family, mu, 1.0, new double[][] {{1.0 / d}}, ll, n, d, true, 0);
    }
    boolean normal = family == Family.LOG_NORMAL;
    double mu = normal ? sumLogEvents / d : logMean;
    double tau = 0;
    double[] g = new double[2];
    double[][] h = new double[2][2];
    double ll = logLik(normal, data, y, logEntry, mu, tau, g, h);
    boolean converged = false;
    int iter = 0;
    while (iter < MAX_ITERATIONS) {
      iter++;
      double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
      double s0;
      double s1;
      if (h[0][0] < 0 && det > 0) {
        s0 = -(h[1][1] * g[0] - h[0][1] * g[1]) / det;
        s1 = -(-h[1][0] * g[0] + h[0][0] * g[1]) / det;
      } else { // not concave here: a short gradient step
        s0 = 0.1 * g[0];
        s1 = 0.1 * g[1];
      }
      double step = 1;
      double[] g2 = new double[2];
      double[][] h2 = new double[2][2];
      double ll2 = Double.NEGATIVE_INFINITY;
      for (int half = 0; half < 40; half++) {
        ll2 = logLik(normal, data, y, logEntry, mu + step * s0, tau + step * s1, g2, h2);
        if (ll2 >= ll - 1e-12 * Math.abs(ll)) {
          break;
        }
        step /= 2;
      }
      mu += step * s0;
      tau += step * s1;
      double change = Math.abs(ll2 - ll);
      ll = ll2;
      g = g2;
      h = h2;
      if (change <= 1e-12 * (Math.abs(ll) + 1e-12) && Math.abs(step * s0) + Math.abs(step * s1) < 1e-8) {
        converged = true;
        break;
      }
    }
    double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
    double[][] cov = {{-h[1][1] / det, h[0][1] / det}, {h[1][0] / det, -h[0][0] / det}};
    if (!(det > 0 && h[0][0] < 0) || !Double.isFinite(ll) || !Double.isFinite(mu) || !Double.isFinite(tau)) {
      converged = false; // never a converged fit that is not finite
    }
    return new Fit(family, mu, Math.exp(tau), cov, ll, n, d, converged, iter);
  }

  /**
   * Log-likelihood of T (conditional on T &gt; entry where there is one) with its gradient and Hessian
   * in (mu, tau = log sigma); {@code logEntry} holds log entry, NaN where the entry time is 0 (S = 1),
   * or is null without entry times.
   */
  private static double logLik(boolean normal, SurvivalData data, double[] y, double[] logEntry, double mu, double tau, double[] g,
      double[][] h) {
    double sigma = Math.exp(tau);
    double[] term = new double[3];
    double ll = 0;
    g[0] = g[1] = 0;
    h[0][0] = h[0][1] = h[1][0] = h[1][1] = 0;
    for (int i = 0; i < y.length; i++) {
      boolean event = data.event(i);
      if (!event && data.time(i) == 0) {
        continue; // censored at 0: S = 1, no information
      }
      double z = (y[i] - mu) / sigma;
      double k;
      double k1;
      double k2;
      if (event) {
        if (normal) {
          k = -0.5 * z * z - 0.5 * Math.log(2 * Math.PI);
          k1 = -z;
          k2 = -1;
        } else {
          double ez = Math.exp(z);
          k = z - ez;
          k1 = 1 - ez;
          k2 = -ez;
        }
      } else {
        logSurvival(normal, z, term);
        k = term[0];
        k1 = term[1];
        k2 = term[2];
      }
      ll += k;
      if (event) {
        ll -= tau + y[i];
      }
      g[0] += -k1 / sigma;
      g[1] += -z * k1 - (event ? 1 : 0);
      h[0][0] += k2 / (sigma * sigma);
      h[0][1] += (z * k2 + k1) / sigma;
      h[1][1] += z * k1 + z * z * k2;
      if (logEntry != null && !Double.isNaN(logEntry[i])) {
        // conditional on survival to entry: minus log S(entry), with its derivatives
        double ze = (logEntry[i] - mu) / sigma;
        logSurvival(normal, ze, term);
        ll -= term[0];
        g[0] -= -term[1] / sigma;
        g[1] -= -ze * term[1];
        h[0][0] -= term[2] / (sigma * sigma);
        h[0][1] -= (ze * term[2] + term[1]) / sigma;
        h[1][1] -= ze * term[1] + ze * ze * term[2];
      }
    }
    h[1][0] = h[0][1];
    return ll;
  }

  /**
   * log S of the standardised log time z (standard normal or extreme-value W), with its first and
   * second derivatives in z, into {@code out}.
   */
  private static void logSurvival(boolean normal, double z, double[] out) {
    if (normal) {
      double q = 0.5 * Erf.erfc(z / Math.sqrt(2));
      double lambda;
      if (q > 1e-300) {
        out[0] = Math.log(q);
        lambda = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) / q;
      } else { // far tail: Mills ratio asymptotics
        lambda = z + 1 / z;
        out[0] = -0.5 * z * z - Math.log(z * Math.sqrt(2 * Math.PI));
      }
      out[1] = -lambda;
      out[2] = -lambda * (lambda - z);
    } else {
      double ez = Math.exp(z);
      out[0] = -ez;
      out[1] = -ez;
      out[2] = -ez;
    }
  }
}
