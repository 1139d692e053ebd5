package org.channelrisk.recovery;

import com.google.common.base.Preconditions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.channelrisk.stats.SampleQuantiles;

/**
 * Recovery metrics measured directly on one series, without a model: what a single replicate of a
 * simulation did. Summarised across replicates ({@link #summarise}) they give the spread of outcomes
 * (median and 90% interval), which a fit of the ensemble-mean curve cannot: that fit's intervals
 * describe the mean curve and shrink as replicates are added.
 *
 * <pre>{@code
 * List<ReplicateMetrics> per = new ArrayList<>();
 * for (long i : ensemble.replicateIndices()) {
 *   per.add(ReplicateMetrics.of(t, ensemble.replicate(Observed.AUDIENCE, i), 51, 30, 30));
 * }
 * ReplicateMetrics.Summary s = ReplicateMetrics.summarise(per);
 * s.relativeDepth();   // 0.77 (0.74-0.80) over 30 replicates
 * }</pre>
 *
 * <p>Definitions, with t0 the takedown and the trough the lowest point at or after t0 (the first, if
 * tied), as {@link RecoveryAnalysis.Builder#fromTrough()} measures:
 * <ul>
 *   <li>baseline B0: the median of the points in [t0 − baselineWindow, t0);
 *   <li>reach lost (relative depth): (B0 − b) / B0, b the trough's level;
 *   <li>recovery ratio: the mean of the points in the last {@code endWindow} time units, over B0
 *       (the level reached by the end, where a fit reports its plateau);
 *   <li>T50, T90: time from the trough to the first point at or above b + 0.5 (B0 − b), resp.
 *       b + 0.9 (B0 − b); infinite ("never") when the series does not get there before its end;
 *   <li>loss area: ∫ (B0 − y) dt from the trough to the end (trapezoids);
 *   <li>trough time: when the trough is.
 * </ul>
 * Cost: O(n) per series.
 *
 * @param baseline B0 (NaN when no point lies in the baseline window)
 * @param troughTime the trough's time
 * @param troughLevel the trough's level b
 * @param relativeDepth (B0 − b) / B0
 * @param recoveryRatio the mean level at the end over B0
 * @param t50 time from the trough to regain half the loss (infinite: never)
 * @param t90 time from the trough to regain 90% of the loss (infinite: never)
 * @param lossArea ∫ (B0 − y) dt from the trough to the end
 */
public record ReplicateMetrics(double baseline, double troughTime, double troughLevel, double relativeDepth, double recoveryRatio,
    double t50, double t90, double lossArea) {

  /**
   * Measures one series.
   *
   * @param t times, strictly increasing
   * @param y values (finite)
   * @param takedown t0
   * @param baselineWindow the baseline is taken over [t0 − baselineWindow, t0), &gt; 0
   * @param endWindow the end level is the mean over the last endWindow time units, &gt; 0
   * @return the metrics
   * @throws IllegalArgumentException if no point lies at or after t0, a value is not finite, or the arrays
   *     differ in length
   */
  public static ReplicateMetrics of(double[] t, double[] y, double takedown, double baselineWindow, double endWindow) {
    Preconditions.checkArgument(t.length == y.length, "%s times but %s values", t.length, y.length);
    Preconditions.checkArgument(baselineWindow > 0, "baselineWindow must be > 0: %s", baselineWindow);
    Preconditions.checkArgument(endWindow > 0, "endWindow must be > 0: %s", endWindow);
    for (int i = 0; i < y.length; i++) {
      // a NaN would be left out of the baseline's median but not of the end level's mean
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException("y[" + i + "] must be finite: " + y[i]);
      }
    }
    int n = t.length;
    double[] before = Arrays.stream(indices(t, takedown - baselineWindow, takedown)).mapToDouble(i -> y[i]).toArray();
    double b0 = SampleQuantiles.of(before, 0.5);
    int trough = -1;
    for (int i = 0; i < n; i++) {
      if (t[i] >= takedown && (trough < 0 || y[i] < y[trough])) {
        trough = i;
      }
    }
    Preconditions.checkArgument(trough >= 0, "no point at or after the takedown at %s", takedown);
    double b = y[trough];
    double end = t[n - 1];
    double sum = 0;
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (t[i] > end - endWindow) {
        sum += y[i];
        k++;
      }
    }
    double area = 0;
    for (int i = trough + 1; i < n; i++) {
      area += (t[i] - t[i - 1]) * ((b0 - y[i]) + (b0 - y[i - 1])) / 2;
    }
    return new ReplicateMetrics(b0, t[trough], b, (b0 - b) / b0, sum / k / b0, timeTo(t, y, trough, b + 0.5 * (b0 - b)),
        timeTo(t, y, trough, b + 0.9 * (b0 - b)), area);
  }

  private static int[] indices(double[] t, double from, double to) {
    return java.util.stream.IntStream.range(0, t.length).filter(i -> t[i] >= from && t[i] < to).toArray();
  }

  private static double timeTo(double[] t, double[] y, int trough, double level) {
    if (Double.isNaN(level)) {
      return Double.NaN;
    }
    for (int i = trough; i < t.length; i++) {
      if (y[i] >= level) {
        return t[i] - t[trough];
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /**
   * A metric across replicates: the median and the 5th and 95th percentiles (R's type 7; an infinite
   * value, "never", sorts last), over the replicates where it is defined.
   *
   * @param median the median
   * @param lower the 5th percentile
   * @param upper the 95th percentile
   * @param replicates how many replicates it is defined for (not NaN)
   */
  public record Spread(double median, double lower, double upper, int replicates) {
    /**
     * @param values one value per replicate (NaN: not defined there)
     * @return their spread (all NaN when none is defined)
     */
    public static Spread of(double[] values) {
      int n = (int) Arrays.stream(values).filter(d -> !Double.isNaN(d)).count();
      return new Spread(SampleQuantiles.of(values, 0.5), SampleQuantiles.of(values, 0.05), SampleQuantiles.of(values, 0.95), n);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s (%s-%s) over %d replicates", RecoveryResult.fmt(median), RecoveryResult.fmt(lower),
          RecoveryResult.fmt(upper), replicates);
    }
  }

  /**
   * Every metric's spread across replicates.
   *
   * @param replicates how many replicates were measured
   * @param relativeDepth reach lost
   * @param recoveryRatio level at the end over the baseline
   * @param t50 time to regain half the loss
   * @param t90 time to regain 90% of the loss
   * @param lossArea loss area
   * @param troughTime when the trough is
   */
  public record Summary(int replicates, Spread relativeDepth, Spread recoveryRatio, Spread t50, Spread t90, Spread lossArea,
      Spread troughTime) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "across %d replicates (median, 90%% interval): reach lost %s; recovery ratio %s; T50 %s; T90 %s;"
          + " loss area %s; trough at %s", replicates, relativeDepth, recoveryRatio, t50, t90, lossArea, troughTime);
    }
  }

  /**
   * @param perReplicate one entry per replicate
   * @return each metric's median and 90% interval
   * @throws IllegalArgumentException if the list is empty
   */
  public static Summary summarise(List<ReplicateMetrics> perReplicate) {
    Preconditions.checkArgument(!perReplicate.isEmpty(), "no replicate to summarise");
    return new Summary(perReplicate.size(), spread(perReplicate, ReplicateMetrics::relativeDepth),
        spread(perReplicate, ReplicateMetrics::recoveryRatio), spread(perReplicate, ReplicateMetrics::t50),
        spread(perReplicate, ReplicateMetrics::t90), spread(perReplicate, ReplicateMetrics::lossArea),
        spread(perReplicate, ReplicateMetrics::troughTime));
  }

  private static Spread spread(List<ReplicateMetrics> m, ToDoubleFunction<ReplicateMetrics> f) {
    return Spread.of(m.stream().mapToDouble(f).toArray());
  }
}
