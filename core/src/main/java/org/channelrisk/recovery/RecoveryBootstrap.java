package org.channelrisk.recovery;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;
import org.channelrisk.fit.FitResult;
import org.channelrisk.internal.Parallel;
import org.channelrisk.stats.Estimate;
import org.channelrisk.stats.SampleQuantiles;

/**
 * The bootstrap of a recovery fit (Davison and Hinkley 1997, ch. 6): new series are the fitted curve
 * plus resampled, centred, weight-scaled residuals ({@code RESIDUAL}, their Algorithm 6.3) or plus
 * Gaussian noise with the fit's residual standard error ({@code PARAMETRIC}); the pre-takedown points
 * are resampled for the baseline; each series is refitted from the original estimates. Replicate r
 * draws from the r-th split of one root generator seeded by the user, split before any thread
 * starts, so the replicates, and the percentile intervals made from them, do not depend on the thread
 * count. Replicates whose fit does not converge are left out, and counted in the method text.
 */
final class RecoveryBootstrap {
  /** Refits a series from a start. */
  @FunctionalInterface
  interface Refit {
    FitResult fit(RecoveryModel m, double[] s, double[] y, double[] w, double[] start);
  }

  private RecoveryBootstrap() {}

  /**
   * @return replicates: rows 0..M-1 the metrics, then one row per band time; columns the converged replicates
   */
  static double[][] run(RecoveryModel model, FitResult fit, double[] s, double[] y, double[] w, double[] pre, double h,
      RecoveryAnalysis.Bootstrap bootstrapType, int bootstrapSize, long seed, int threads, Refit refit) {
    int n = s.length;
    double[] p = fit.estimates();
    double[] fitted = new double[n];
    for (int i = 0; i < n; i++) {
      fitted[i] = model.value(s[i], p);
    }
    double[] std = centredResiduals(y, fitted, w);
    double sigma = fit.sigma();
    RandomGenerator[] gens = generators(seed, bootstrapSize);
    List<double[]> out = Parallel.map(bootstrapSize, threads, "bootstrap", r -> {
      RandomGenerator g = gens[r];
      // the series first, then the baseline: the order of the draws is part of the result
      double[] ys = series(g, bootstrapType, fitted, std, sigma, w);
      double b0 = baseline(g, pre);
      FitResult f = refit.fit(model, s, ys, w, p);
      // a replicate whose fit did not converge is left out of the percentiles
      return f.converged() ? row(model, f.estimates(), s, b0, h) : null;
    }, done -> { });
    return columns(out, Metric.values().length + n);
  }

  /** The residuals scaled by the square root of their weights, centred, so that resampled noise has mean zero. */
  private static double[] centredResiduals(double[] y, double[] fitted, double[] w) {
    int n = y.length;
    double[] std = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      std[i] = (y[i] - fitted[i]) * Math.sqrt(w == null ? 1 : w[i]);
      mean += std[i] / n;
    }
    for (int i = 0; i < n; i++) {
      std[i] -= mean;
    }
    return std;
  }

  /** One generator per replicate, split from the root in replicate order, before any thread starts. */
  private static RandomGenerator[] generators(long seed, int bootstrapSize) {
    SplittableGenerator root = (SplittableGenerator) RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    RandomGenerator[] gens = new RandomGenerator[bootstrapSize];
    for (int r = 0; r < bootstrapSize; r++) {
      gens[r] = root.split();
    }
    return gens;
  }

  /** A replicate's series: the fitted curve plus a resampled residual or Gaussian noise, scaled back by the weight. */
  private static double[] series(RandomGenerator g, RecoveryAnalysis.Bootstrap bootstrapType, double[] fitted, double[] std, double sigma,
      double[] w) {
    int n = fitted.length;
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      double scale = w == null ? 1 : 1 / Math.sqrt(w[i]);
      double e = bootstrapType == RecoveryAnalysis.Bootstrap.RESIDUAL ? std[g.nextInt(n)] : sigma * g.nextGaussian();
      ys[i] = fitted[i] + e * scale;
    }
    return ys;
  }

  /** A replicate's baseline: the median of the pre-takedown points resampled; NaN when there are none. */
  private static double baseline(RandomGenerator g, double[] pre) {
    if (pre.length == 0) {
      return Double.NaN;
    }
    double[] resampled = new double[pre.length];
    for (int i = 0; i < pre.length; i++) {
      resampled[i] = pre[g.nextInt(pre.length)];
    }
    return SampleQuantiles.of(resampled, 0.5);
  }

  /** A converged replicate: its metrics, then its curve at the times s. */
  private static double[] row(RecoveryModel model, double[] est, double[] s, double b0, double h) {
    double[] m = Metric.evaluate(model, est, b0, h);
    double[] row = new double[m.length + s.length];
    System.arraycopy(m, 0, row, 0, m.length);
    for (int i = 0; i < s.length; i++) {
      row[m.length + i] = model.value(s[i], est);
    }
    return row;
  }

  /** The converged replicates' rows (null for the others) as columns: [row][replicate]. */
  private static double[][] columns(List<double[]> out, int rows) {
    int ok = 0;
    for (double[] row : out) {
      ok += row == null ? 0 : 1;
    }
    double[][] cols = new double[rows][ok];
    int c = 0;
    for (double[] row : out) {
      if (row != null) {
        for (int k = 0; k < rows; k++) {
          cols[k][c] = row[k];
        }
        c++;
      }
    }
    return cols;
  }

  /**
   * The fewest replicates a percentile interval at the level needs: 2 / (1 - level), so that each
   * tail of probability (1 - level) / 2 holds at least one replicate (40 at 95%, 20 at 90%, 200 at
   * 99%). With fewer, a limit is the smallest or largest replicate, or a blend of replicates inside the
   * tail, and no longer estimates the tail quantile: a single replicate gave an "interval" of zero
   * width that missed the estimate.
   *
   * @param confLevel the level, in (0, 1)
   * @return the minimum number of replicates
   */
  static int minimumReplicates(double confLevel) {
    // less a little, so that 2 / (1 - 0.9) = 20.000000000000004 in doubles counts as 20
    return (int) Math.ceil(2 / (1 - confLevel) - 1e-6);
  }

  /**
   * Fills the metrics and band with percentile intervals from the replicates of {@link #run}; with
   * fewer converged replicates than {@link #minimumReplicates} the limits are not available (NaN)
   * and the method says so.
   */
  static void percentiles(double[][] reps, RecoveryModel model, FitResult fit, double[] s, double baseline, double h,
      double confLevel, String method, Map<Metric, Estimate> metrics, double[][] band) {
    double[] p = fit.estimates();
    double[] point = Metric.evaluate(model, p, baseline, h);
    double lo = (1 - confLevel) / 2;
    boolean enough = reps[0].length >= minimumReplicates(confLevel);
    for (Metric m : Metric.values()) {
      double[] col = reps[m.ordinal()];
      metrics.put(m, new Estimate(point[m.ordinal()], enough ? SampleQuantiles.of(col, lo) : Double.NaN,
          enough ? SampleQuantiles.of(col, 1 - lo) : Double.NaN, method));
    }
    for (int i = 0; i < s.length; i++) {
      double[] col = reps[Metric.values().length + i];
      band[0][i] = model.value(s[i], p);
      band[1][i] = enough ? SampleQuantiles.of(col, lo) : Double.NaN;
      band[2][i] = enough ? SampleQuantiles.of(col, 1 - lo) : Double.NaN;
    }
  }
}
