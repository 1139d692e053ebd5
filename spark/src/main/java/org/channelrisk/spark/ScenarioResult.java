package org.channelrisk.spark;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Observed;

/**
 * One scenario of a sweep: its grid point and, per observable and grid time, the mean, standard
 * deviation and quantiles over its replicates.
 *
 * <pre>{@code
 * ScenarioResult r = result.scenario(3);
 * r.point();                                     // #3 {strategy=HUBS, compliance=0.9, ...}
 * r.quantile(Observed.ACTIVE_CHANNELS, 0.95);    // per grid time
 * r.ensemble();                                  // the core's EnsembleSummary, when exact
 * }</pre>
 *
 * <p>Exact results wrap the core's {@link EnsembleSummary} (quantiles of type 7 over all replicates).
 * Sketched results hold an Apache DataSketches KLL sketch per observable and time: quantiles are
 * values retained by the sketch (inclusive search), within the sketch's rank error of the exact ones;
 * means and standard deviations stay exact up to rounding (pairwise moment updates). Immutable.
 */
public final class ScenarioResult {
  private final GridPoint point;
  private final EnsembleSummary exact;
  private final double[] times;
  private final Plan.Block sketched;
  private final int k;

  private ScenarioResult(GridPoint point, EnsembleSummary exact, double[] times, Plan.Block sketched, int k) {
    this.point = point;
    this.exact = exact;
    this.times = times;
    this.sketched = sketched;
    this.k = k;
  }

  static ScenarioResult exact(GridPoint point, EnsembleSummary summary) {
    return new ScenarioResult(point, summary, summary.times(), null, 0);
  }

  static ScenarioResult of(GridPoint point, Plan.ScenarioData data, int k) {
    if (data.sketched() == null) {
      return exact(point, EnsembleSummary.fromReplicates(data.times(), data.values()));
    }
    return new ScenarioResult(point, null, data.times(), data.sketched(), k);
  }

  /** @return the grid point */
  public GridPoint point() {
    return point;
  }

  /** @return the grid times */
  public double[] times() {
    return times.clone();
  }

  /** @return the number of replicates */
  public int replicates() {
    return exact != null ? exact.replicates() : sketched.n();
  }

  /** @return true if quantiles are exact, false if they come from KLL sketches */
  public boolean isExact() {
    return exact != null;
  }

  /** @return the core's summary with every replicate's values, or empty when sketched */
  public Optional<EnsembleSummary> ensemble() {
    return Optional.ofNullable(exact);
  }

  /**
   * @param o an observable
   * @return its mean over replicates at each grid time
   */
  public double[] mean(Observed o) {
    return exact != null ? exact.mean(o) : sketched.mean()[o.ordinal()].clone();
  }

  /**
   * @param o an observable
   * @return its sample standard deviation (n - 1) at each grid time; NaN with one replicate
   */
  public double[] sd(Observed o) {
    if (exact != null) {
      return exact.sd(o);
    }
    double[] m2 = sketched.m2()[o.ordinal()];
    double[] out = new double[m2.length];
    for (int t = 0; t < m2.length; t++) {
      out[t] = Math.sqrt(m2[t] / (sketched.n() - 1));
    }
    return out;
  }

  /**
   * @param o an observable
   * @param p a probability in [0, 1]
   * @return the p-quantile at each grid time (exact: type 7; sketched: KLL, inclusive)
   */
  public double[] quantile(Observed o, double p) {
    return quantiles(o, p)[0];
  }

  /**
   * Several quantiles at once (each time point's values sorted, or its sketch read, once).
   *
   * @param o an observable
   * @param ps probabilities in [0, 1]
   * @return [k][time]: the ps[k]-quantile at each grid time
   */
  public double[][] quantiles(Observed o, double... ps) {
    if (exact != null) {
      return exact.quantiles(o, ps);
    }
    for (double p : ps) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("p must be in [0, 1]: " + p);
      }
    }
    double[][] out = new double[ps.length][times.length];
    for (int t = 0; t < times.length; t++) {
      double[] q = Kll.read(sketched.sketches()[o.ordinal()][t]).getQuantiles(ps, QuantileSearchCriteria.INCLUSIVE);
      for (int k = 0; k < ps.length; k++) {
        out[k][t] = q[k];
      }
    }
    return out;
  }

  /**
   * @param o an observable
   * @param timeIndex an index into {@link #times()}
   * @return a copy of the KLL sketch of that observable and time (mergeable with other sketches), or
   *     empty when the result is exact
   */
  public Optional<KllDoublesSketch> sketch(Observed o, int timeIndex) {
    return exact != null ? Optional.empty() : Optional.of(Kll.read(sketched.sketches()[o.ordinal()][timeIndex]));
  }

  /** @return the quantile method, e.g. "exact (type 7)" or "KLL k=200, rank error 1.33% (99% confidence)" */
  public String quantileMethod() {
    return exact != null ? "exact (type 7)"
        : String.format(Locale.ROOT, "KLL k=%d, rank error %.2f%% (99%% confidence)", k, 100 * Kll.rankError(k));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ScenarioResult r) || !point.equals(r.point) || isExact() != r.isExact()) {
      return false;
    }
    if (exact != null) {
      return exact.equals(r.exact);
    }
    return Arrays.equals(times, r.times) && sketched.n() == r.sketched.n() && Arrays.deepEquals(sketched.mean(), r.sketched.mean())
        && Arrays.deepEquals(sketched.m2(), r.sketched.m2()) && Arrays.deepEquals(sketched.sketches(), r.sketched.sketches());
  }

  @Override
  public int hashCode() {
    return point.hashCode() * 31 + replicates();
  }

  @Override
  public String toString() {
    int last = times.length - 1;
    return String.format(Locale.ROOT, "ScenarioResult[%s, %d replicates, %s; active channels at %s: mean %.1f, 90%% band %.1f to %.1f]",
        point, replicates(), quantileMethod(), times[last], mean(Observed.ACTIVE_CHANNELS)[last],
        quantile(Observed.ACTIVE_CHANNELS, 0.05)[last], quantile(Observed.ACTIVE_CHANNELS, 0.95)[last]);
  }
}
