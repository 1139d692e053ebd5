package org.channelrisk.recovery;

import com.google.common.collect.Maps;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Copies;
import java.util.Map;
import org.channelrisk.stats.Estimate;
import org.channelrisk.fit.FitResult;

/**
 * The result of a {@link RecoveryAnalysis}: the takedown time, the baseline, every candidate model's
 * fit with its AICc and Akaike weight, the selected model, the metrics with intervals and a band for
 * the fitted curve.
 *
 * <pre>{@code
 * RecoveryResult r = RecoveryAnalysis.builder().build().analyse(t, y);
 * r.model();                        // EXPONENTIAL
 * r.metric(Metric.T50);             // 12.3 (9.8, 15.1; delta method, 95%)
 * r.fit().converged();
 * }</pre>
 *
 * @param t0 the takedown time used
 * @param t0Estimated whether t0 was estimated as the largest drop
 * @param baseline B0 (NaN when no point precedes t0)
 * @param baselineRule how B0 was computed
 * @param model the selected model (smallest AICc among converged fits)
 * @param fit the selected model's fit
 * @param candidates every model tried, in order of AICc (non-converged last)
 * @param metrics each metric with its interval
 * @param intervalMethod how the metric intervals were computed
 * @param horizon the loss-area horizon (time after t0)
 * @param bandTimes times of the band (the fitted points' times)
 * @param band fitted value, lower and upper limit at each band time
 */
public record RecoveryResult(
    double t0, boolean t0Estimated, double baseline, String baselineRule, RecoveryModel model, FitResult fit,
    List<Candidate> candidates, Map<Metric, Estimate> metrics, String intervalMethod, double horizon, double[] bandTimes,
    double[][] band) {

  /**
   * One candidate model.
   *
   * @param model the model
   * @param fit its fit (possibly not converged; see its message)
   * @param aicc its AICc: +infinity if not converged or not defined (n &lt;= k + 1), -infinity for an
   *     exact fit (residual sum of squares 0)
   * @param weight its Akaike weight among the converged candidates; the weights sum to 1 when one
   *     converged (exact fits share them by their AICc penalties, a single converged candidate without
   *     an AICc has 1), else all are 0
   */
  public record Candidate(RecoveryModel model, FitResult fit, double aicc, double weight) {}

  /** Copies the collections and arrays, so that a result cannot change once made. */
  public RecoveryResult {
    candidates = List.copyOf(candidates);
    metrics = Maps.immutableEnumMap(metrics);
    bandTimes = bandTimes.clone();
    band = Copies.deep(band);
  }

  /** @return a copy of the times at which the band is given */
  @Override
  public double[] bandTimes() {
    return bandTimes.clone();
  }

  /** @return a copy of the band: [0] the fitted curve, [1] lower and [2] upper limits, at {@link #bandTimes()} */
  @Override
  public double[][] band() {
    return Copies.deep(band);
  }

  /** Equal when every component is equal, arrays by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof RecoveryResult r && Double.compare(t0, r.t0) == 0 && t0Estimated == r.t0Estimated
        && Double.compare(baseline, r.baseline) == 0 && baselineRule.equals(r.baselineRule) && model == r.model
        && fit.equals(r.fit) && candidates.equals(r.candidates) && metrics.equals(r.metrics)
        && intervalMethod.equals(r.intervalMethod) && Double.compare(horizon, r.horizon) == 0
        && Arrays.equals(bandTimes, r.bandTimes) && Arrays.deepEquals(band, r.band);
  }

  @Override
  public int hashCode() {
    return Objects.hash(t0, baseline, model, fit, metrics);
  }

  /**
   * @param m a metric
   * @return its estimate and interval (null only for a metric a hand-made result left out: an
   *     analysis gives every metric)
   * @throws NullPointerException if m is null
   */
  public Estimate metric(Metric m) {
    return metrics.get(Checks.notNull("metric", m));
  }

  /**
   * The selected model's parameter by name.
   *
   * @param name a, b or k (or the names of the null models)
   * @return the estimate
   */
  public double parameter(String name) {
    int i = fit.names().indexOf(Checks.notNull("name", name));
    if (i < 0) {
      throw new IllegalArgumentException("model " + model.id() + " has no parameter '" + name + "'; it has " + fit.names());
    }
    return fit.estimate(i);
  }

  /** A candidate's AICc in words where it is not a number ("never" is for times, not criteria). */
  static String aicc(Candidate c) {
    if (!c.fit().converged()) {
      return "not converged";
    }
    if (c.aicc() == Double.NEGATIVE_INFINITY) {
      return "exact fit";
    }
    if (c.aicc() == Double.POSITIVE_INFINITY) {
      return "undefined (n <= k + 1)";
    }
    return fmt(c.aicc());
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "NA";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "never" : "-inf";
    }
    return String.format(Locale.ROOT, "%.5g", v);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Recovery after the takedown at t0 = %s%s; baseline %s (%s)%n", fmt(t0),
        t0Estimated ? " (estimated: largest drop)" : "", fmt(baseline), baselineRule));
    sb.append(String.format(Locale.ROOT, "Model: %s (%s)%n", model.id(), !fit.converged() ? "NOT CONVERGED: " + fit.message()
        : fit.exactFit() ? "converged: exact fit, residual sum of squares 0, standard errors 0 by definition" : "converged"));
    for (int i = 0; i < fit.parameters(); i++) {
      sb.append(String.format(Locale.ROOT, "  %-2s = %s (se %s)%n", fit.names().get(i), fmt(fit.estimate(i)), fmt(fit.stdError(i))));
    }
    sb.append("Candidates (AICc, Akaike weight):");
    for (Candidate c : candidates) {
      sb.append(String.format(Locale.ROOT, " %s %s %.3f;", c.model().id(), aicc(c), c.weight()));
    }
    if (candidates.stream().anyMatch(c -> c.aicc() == Double.NEGATIVE_INFINITY)) {
      sb.append(" exact fits have an unbounded likelihood: they share the weight by their AICc penalties");
    } else if (candidates.size() > 1 && candidates.stream().noneMatch(c -> Double.isFinite(c.aicc()))) {
      sb.append(" too few points for AICc (n > k + 1): the simplest converged model is taken");
    }
    sb.append(String.format(Locale.ROOT, "%nMetrics (%s):%n", intervalMethod));
    metrics.forEach((m, e) -> sb.append(String.format(Locale.ROOT, "  %-15s %10s  (%s, %s)%n", m.key(), fmt(e.value()),
        fmt(e.lower()), fmt(e.upper()))));
    return sb.toString();
  }
}
