package org.channelrisk.impact;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.channelrisk.internal.Checks;
import org.channelrisk.stats.Estimate;

/**
 * What an {@link ImpactAnalysis} found: the model's coefficients and fit statistics, the counterfactual
 * and the effect at every time, and the average, cumulative and relative effect over the post-period,
 * each with its interval. NaN is "not available" (a log-likelihood of a quasi-likelihood model, an
 * effect at a missing observation, the cumulative effect before the intervention).
 *
 * <pre>{@code
 * ImpactResult r = ImpactAnalysis.builder().intervention(51).build().analyse(t, y);
 * r.coefficient("level_change").orElseThrow();   // the jump at T with its interval
 * r.relativeEffect();                            // e.g. -0.62 (-0.66, -0.58; ...)
 * r.effect();                                    // observed minus counterfactual, per time
 * }</pre>
 *
 * <p>Immutable: arrays are copied out. A value: two results are equal when everything they report is
 * equal (arrays by content, numbers as {@link Double#equals} compares them, so NaN equals NaN), as
 * two analyses of the same data are.
 */
public final class ImpactResult {
  private final ImpactModel model;
  private final String variant;
  private final double intervention;
  private final int nPre;
  private final int nPost;
  private final List<Coefficient> coefficients;
  private final double sigma2;
  private final double dispersion;
  private final double loglik;
  private final double aic;
  private final Estimate average;
  private final Estimate cumulative;
  private final Estimate relative;
  private final boolean converged;
  private final String message;
  private final String intervalMethod;
  private final double level;
  private final double[] times;
  private final double[] observed;
  private final double[][] columns; // cf, cfLo, cfHi, effect, effLo, effHi, cum, cumLo, cumHi

  ImpactResult(ImpactModel model, String variant, double intervention, int nPre, int nPost, ModelFit f, Estimate average,
      Estimate cumulative, Estimate relative, double level, double[] times, double[] observed, double[][] columns) {
    this.model = model;
    this.variant = variant;
    this.intervention = intervention;
    this.nPre = nPre;
    this.nPost = nPost;
    this.coefficients = List.copyOf(f.coefficients);
    this.sigma2 = f.sigma2;
    this.dispersion = f.dispersion;
    this.loglik = f.loglik;
    this.aic = f.aic;
    this.average = average;
    this.cumulative = cumulative;
    this.relative = relative;
    this.converged = f.converged;
    this.message = f.message;
    this.intervalMethod = f.intervalMethod;
    this.level = level;
    this.times = times;
    this.observed = observed;
    this.columns = columns;
  }

  /** @return the model */
  public ImpactModel model() {
    return model;
  }

  /** @return the variant: standard errors of a segmented model, ARMA orders, the structural trend */
  public String variant() {
    return variant;
  }

  /** @return the intervention time T */
  public double intervention() {
    return intervention;
  }

  /** @return the number of observations before T used */
  public int nPre() {
    return nPre;
  }

  /** @return the number of observations at or after T used */
  public int nPost() {
    return nPost;
  }

  /** @return the coefficients in the documented order */
  public List<Coefficient> coefficients() {
    return coefficients;
  }

  /**
   * @param name a coefficient name
   * @return the coefficient, if the model has it
   * @throws NullPointerException if name is null
   */
  public Optional<Coefficient> coefficient(String name) {
    Checks.notNull("name", name);
    return coefficients.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** @return the residual variance (segmented: RSS / (n - k); arima: innovations; structural: irregular), NaN for poisson */
  public double sigma2() {
    return sigma2;
  }

  /** @return the quasi-Poisson dispersion, NaN for the other models */
  public double dispersion() {
    return dispersion;
  }

  /**
   * @return the log-likelihood (R's definition for segmented and arima, Durbin and Koopman's diffuse one for structural), NaN for
   *     poisson and for a segmented exact fit (its likelihood is +infinity or set by rounding; {@link #message()} says so)
   */
  public double loglik() {
    return loglik;
  }

  /** @return AIC, NaN where {@link #loglik()} is */
  public double aic() {
    return aic;
  }

  /** @return the mean effect per post-period observation, with its interval */
  public Estimate averageEffect() {
    return average;
  }

  /** @return the sum of the effects over the post-period, with its interval */
  public Estimate cumulativeEffect() {
    return cumulative;
  }

  /** @return the cumulative effect over the summed counterfactual, with its interval */
  public Estimate relativeEffect() {
    return relative;
  }

  /** @return whether the estimation converged */
  public boolean converged() {
    return converged;
  }

  /** @return how the estimation ended, and whether a segmented fit is exact (it then starts "closed form (QR); exact fit") */
  public String message() {
    return message;
  }

  /** @return how standard errors and intervals were computed */
  public String intervalMethod() {
    return intervalMethod;
  }

  /** @return the confidence level */
  public double level() {
    return level;
  }

  /** @return the times, all rows of the input */
  public double[] times() {
    return times.clone();
  }

  /** @return the observations (NaN where missing) */
  public double[] observed() {
    return observed.clone();
  }

  /** @return the counterfactual per time (pre-period: the model's fit or one-step prediction) */
  public double[] counterfactual() {
    return columns[0].clone();
  }

  /** @return the counterfactual's lower limit per time */
  public double[] counterfactualLower() {
    return columns[1].clone();
  }

  /** @return the counterfactual's upper limit per time */
  public double[] counterfactualUpper() {
    return columns[2].clone();
  }

  /** @return observed minus counterfactual per time */
  public double[] effect() {
    return columns[3].clone();
  }

  /** @return the effect's lower limit per time */
  public double[] effectLower() {
    return columns[4].clone();
  }

  /** @return the effect's upper limit per time */
  public double[] effectUpper() {
    return columns[5].clone();
  }

  /** @return the running sum of the effect from T (NaN before T) */
  public double[] cumulative() {
    return columns[6].clone();
  }

  /** @return the running sum's lower limit */
  public double[] cumulativeLower() {
    return columns[7].clone();
  }

  /** @return the running sum's upper limit */
  public double[] cumulativeUpper() {
    return columns[8].clone();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ImpactResult r)) {
      return false;
    }
    return model == r.model && variant.equals(r.variant) && same(intervention, r.intervention) && nPre == r.nPre
        && nPost == r.nPost && coefficients.equals(r.coefficients) && same(sigma2, r.sigma2) && same(dispersion, r.dispersion)
        && same(loglik, r.loglik) && same(aic, r.aic) && average.equals(r.average) && cumulative.equals(r.cumulative)
        && relative.equals(r.relative) && converged == r.converged && message.equals(r.message)
        && intervalMethod.equals(r.intervalMethod) && same(level, r.level) && Arrays.equals(times, r.times)
        && Arrays.equals(observed, r.observed) && Arrays.deepEquals(columns, r.columns);
  }

  /** Doubles compared as {@link Double#equals} does (and as a record's components are). */
  private static boolean same(double a, double b) {
    return Double.compare(a, b) == 0;
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(model, variant, intervention, nPre, nPost, coefficients, sigma2, dispersion, loglik, aic, average,
        cumulative, relative, converged, message, intervalMethod, level);
    h = 31 * h + Arrays.hashCode(times);
    h = 31 * h + Arrays.hashCode(observed);
    return 31 * h + Arrays.deepHashCode(columns);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Intervention analysis: %s model (%s), T = %s, %d observations before, %d from T%n",
        model.id(), variant, Coefficient.fmt(intervention), nPre, nPost));
    sb.append(converged ? "converged: " : "NOT converged: ").append(message).append('\n');
    sb.append(String.format(Locale.ROOT, "%-20s %14s %14s %14s %14s%n", "coefficient", "estimate", "std. error", "lower", "upper"));
    for (Coefficient c : coefficients) {
      sb.append(String.format(Locale.ROOT, "%-20s %14s %14s %14s %14s%n", c.name(), Coefficient.fmt(c.estimate()),
          Coefficient.fmt(c.stdError()), Coefficient.fmt(c.lower()), Coefficient.fmt(c.upper())));
    }
    if (model == ImpactModel.POISSON) {
      sb.append("dispersion ").append(Coefficient.fmt(dispersion)).append('\n');
    } else {
      sb.append("sigma2 ").append(Coefficient.fmt(sigma2)).append(", log-likelihood ").append(Coefficient.fmt(loglik))
          .append(", AIC ").append(Coefficient.fmt(aic)).append('\n');
    }
    sb.append(String.format(Locale.ROOT, "%-20s %14s %14s %14s%n", "effect", "estimate", "lower", "upper"));
    row(sb, "average", average);
    row(sb, "cumulative", cumulative);
    row(sb, "relative", relative);
    sb.append("intervals: ").append(intervalMethod).append('\n');
    return sb.toString();
  }

  private static void row(StringBuilder sb, String name, Estimate e) {
    sb.append(String.format(Locale.ROOT, "%-20s %14s %14s %14s%n", name, Coefficient.fmt(e.value()), Coefficient.fmt(e.lower()),
        Coefficient.fmt(e.upper())));
  }
}
