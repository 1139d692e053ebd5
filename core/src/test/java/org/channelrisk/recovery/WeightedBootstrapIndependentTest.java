package org.channelrisk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;
import org.channelrisk.fit.FitResult;
import org.channelrisk.fit.NonlinearLeastSquares;
import org.channelrisk.stats.Estimate;
import org.junit.jupiter.api.Test;

/**
 * The weighted bootstrap recomputed in the test from the documented algorithm (Davison and Hinkley
 * 1997, Algorithm 6.3 with weights): with Poisson weights w = 1 / max(y, 1), the standardised
 * residuals (y - fit) sqrt(w), centred, are resampled and put back on each point's scale,
 * fit + e / sqrt(w); the parametric scheme draws sigma z / sqrt(w). Each replicate is refitted with the
 * same weights; the metric intervals and the band are type-7 percentiles of the replicates. This
 * checks the weight scaling (a missing sqrt(w) or 1 / sqrt(w) changes every interval of this
 * series, whose weights run from 1/1000 to 1/350) and the band, which {@link BootstrapIndependentTest}
 * leaves out.
 */
class WeightedBootstrapIndependentTest {
  void check(RecoveryAnalysis.Bootstrap type) {
    double[][] ty = BootstrapIndependentTest.series();
    double t0 = BootstrapIndependentTest.T0;
    int reps = 60;
    long seed = 21;
    RecoveryResult r = RecoveryAnalysis.builder().takedown(t0).models(RecoveryModel.EXPONENTIAL).weighting(Weighting.POISSON)
        .bootstrap(reps, type, seed).confidenceLevel(0.8).build().analyse(ty[0], ty[1]);
    FitResult fit = r.fit();
    double[] p = fit.estimates();
    double[][] parts = BootstrapIndependentTest.split(ty, t0);
    double[] s = parts[0];
    double[] y = parts[1];
    double[] before = parts[2];
    int n = s.length;
    double[] w = new double[n];
    double[] fitted = new double[n];
    double[] res = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      w[i] = 1 / Math.max(y[i], 1);
      fitted[i] = RecoveryModel.EXPONENTIAL.value(s[i], p);
      res[i] = (y[i] - fitted[i]) * Math.sqrt(w[i]);
      mean += res[i] / n;
    }
    for (int i = 0; i < n; i++) {
      res[i] -= mean;
    }
    double sigma = fit.sigma();
    SplittableGenerator root = (SplittableGenerator) RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    List<double[]> metricRows = new ArrayList<>();
    List<double[]> curveRows = new ArrayList<>();
    for (int b = 0; b < reps; b++) {
      RandomGenerator g = root.split();
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        double e = type == RecoveryAnalysis.Bootstrap.RESIDUAL ? res[g.nextInt(n)] : sigma * g.nextGaussian();
        ys[i] = fitted[i] + e * (1 / Math.sqrt(w[i]));
      }
      double[] resampled = new double[before.length];
      for (int i = 0; i < before.length; i++) {
        resampled[i] = before[g.nextInt(before.length)];
      }
      double b0 = BootstrapIndependentTest.median(resampled);
      FitResult f = NonlinearLeastSquares.builder(RecoveryModel.EXPONENTIAL.asFitModel()).data(s, ys).weights(w).start(p)
          .tolerance(1e-10).maxIterations(200).maxEvaluations(2_000).solver(NonlinearLeastSquares.Solver.COMPACT).build().fit();
      if (f.converged()) {
        metricRows.add(Metric.evaluate(RecoveryModel.EXPONENTIAL, f.estimates(), b0, r.horizon()));
        double[] curve = new double[n];
        for (int i = 0; i < n; i++) {
          curve[i] = RecoveryModel.EXPONENTIAL.value(s[i], f.estimates());
        }
        curveRows.add(curve);
      }
    }
    assertThat(metricRows.size()).isGreaterThan(reps * 9 / 10);
    assertThat(r.intervalMethod()).isEqualTo(String.format(java.util.Locale.ROOT,
        "%s bootstrap, %d replicates, percentile, 80%%, seed 21 (%d converged)", type.name().toLowerCase(java.util.Locale.ROOT), reps,
        metricRows.size()));
    for (Metric m : new Metric[] {Metric.BASELINE, Metric.TROUGH, Metric.RECOVERY_RATIO, Metric.T50, Metric.HALF_LIFE,
        Metric.LOSS_AREA}) {
      double[] col = metricRows.stream().mapToDouble(row -> row[m.ordinal()]).toArray();
      Estimate e = r.metric(m);
      double lo = BootstrapIndependentTest.type7(col, 0.1);
      double hi = BootstrapIndependentTest.type7(col, 0.9);
      assertThat(e.lower()).as("%s lower", m).isCloseTo(lo, within(1e-8 * Math.abs(lo)));
      assertThat(e.upper()).as("%s upper", m).isCloseTo(hi, within(1e-8 * Math.abs(hi)));
    }
    double[][] band = r.band();
    for (int i = 0; i < n; i++) {
      final int k = i;
      double[] col = curveRows.stream().mapToDouble(row -> row[k]).toArray();
      double lo = BootstrapIndependentTest.type7(col, 0.1);
      double hi = BootstrapIndependentTest.type7(col, 0.9);
      assertThat(band[0][i]).isEqualTo(fitted[i]);
      assertThat(band[1][i]).as("band lower at s = %s", s[i]).isCloseTo(lo, within(1e-8 * Math.abs(lo)));
      assertThat(band[2][i]).as("band upper at s = %s", s[i]).isCloseTo(hi, within(1e-8 * Math.abs(hi)));
    }
  }

  @Test
  void weightedResidualBootstrapEqualsAnIndependentComputation() {
    check(RecoveryAnalysis.Bootstrap.RESIDUAL);
  }

  @Test
  void weightedParametricBootstrapEqualsAnIndependentComputation() {
    check(RecoveryAnalysis.Bootstrap.PARAMETRIC);
  }
}
