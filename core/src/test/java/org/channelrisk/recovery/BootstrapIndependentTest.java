package org.channelrisk.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;
import org.channelrisk.fit.FitResult;
import org.channelrisk.fit.NonlinearLeastSquares;
import org.channelrisk.stats.Estimate;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap intervals recomputed independently in the test, from the documented algorithm: the
 * root generator L64X128MixRandom(seed) split once per replicate in replicate order; per point the
 * fitted value plus a resampled centred residual (residual bootstrap) or sigma times a Gaussian draw
 * (parametric); the baseline as the median of the points before t0 resampled with replacement; a
 * refit from the estimate; the metrics of each converged replicate; type-7 percentiles. Equal to the
 * last bit: a flipped residual sign, an uncentred residual, a skipped baseline resampling or another
 * quantile rule each change the intervals of this skewed series.
 */
class BootstrapIndependentTest {
  static final double T0 = 10;

  /** A recovery with skewed (exponential) noise, so that the residuals' sign matters. */
  static double[][] series() {
    RandomGenerator g = RandomGeneratorFactory.of("L64X128MixRandom").create(99);
    int n = 50;
    double[] t = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i;
      double clean = i < T0 ? 1000 : 800 - 450 * Math.exp(-0.12 * (i - T0));
      y[i] = clean + 40 * (g.nextExponential() - 1);
    }
    return new double[][] {t, y};
  }

  /** R's quantile.default, type 7, line by line (x indexed from 1 there). */
  static double type7(double[] v, double p) {
    double[] x = v.clone();
    Arrays.sort(x);
    double index = 1 + (x.length - 1) * p;
    double lo = Math.floor(index);
    double hi = Math.ceil(index);
    double qs = x[(int) lo - 1];
    double h = index - lo;
    return index > lo && x[(int) hi - 1] != qs ? (1 - h) * qs + h * x[(int) hi - 1] : qs;
  }

  static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    int m = c.length / 2;
    return c.length % 2 == 1 ? c[m] : (c[m - 1] + c[m]) / 2;
  }

  /**
   * Splits a series at the takedown as the analysis does: times since t0 and values from t0 on, and
   * the values before it (the baseline's).
   */
  static double[][] split(double[][] ty, double t0) {
    int from = 0;
    while (from < ty[0].length && ty[0][from] < t0) {
      from++;
    }
    double[] s = new double[ty[0].length - from];
    for (int i = 0; i < s.length; i++) {
      s[i] = ty[0][from + i] - t0;
    }
    return new double[][] {s, Arrays.copyOfRange(ty[1], from, ty[1].length), Arrays.copyOfRange(ty[1], 0, from)};
  }

  void check(RecoveryAnalysis.Bootstrap type) {
    double[][] ty = series();
    int reps = 120;
    long seed = 7;
    RecoveryResult r = RecoveryAnalysis.builder().takedown(T0).models(RecoveryModel.EXPONENTIAL).bootstrap(reps, type, seed).build()
        .analyse(ty[0], ty[1]);
    FitResult fit = r.fit();
    double[] p = fit.estimates();
    double[][] parts = split(ty, T0);
    double[] s = parts[0];
    double[] y = parts[1];
    double[] before = parts[2];
    int n = s.length;
    double[] fitted = new double[n];
    double[] res = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      fitted[i] = RecoveryModel.EXPONENTIAL.value(s[i], p);
      res[i] = y[i] - fitted[i];
      mean += res[i] / n;
    }
    for (int i = 0; i < n; i++) {
      res[i] -= mean;
    }
    double sigma = fit.sigma();
    SplittableGenerator root = (SplittableGenerator) RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    List<double[]> rows = new ArrayList<>();
    for (int b = 0; b < reps; b++) {
      RandomGenerator g = root.split();
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        ys[i] = fitted[i] + (type == RecoveryAnalysis.Bootstrap.RESIDUAL ? res[g.nextInt(n)] : sigma * g.nextGaussian());
      }
      double[] resampled = new double[before.length];
      for (int i = 0; i < before.length; i++) {
        resampled[i] = before[g.nextInt(before.length)];
      }
      double b0 = median(resampled);
      FitResult f = NonlinearLeastSquares.builder(RecoveryModel.EXPONENTIAL.asFitModel()).data(s, ys).start(p)
          .tolerance(1e-10).maxIterations(200).maxEvaluations(2_000).solver(NonlinearLeastSquares.Solver.COMPACT).build().fit();
      if (f.converged()) {
        rows.add(Metric.evaluate(RecoveryModel.EXPONENTIAL, f.estimates(), b0, r.horizon()));
      }
    }
    assertThat(rows.size()).isGreaterThan(reps * 9 / 10);
    assertThat(r.intervalMethod()).contains("(" + rows.size() + " converged)");
    for (Metric m : new Metric[] {Metric.BASELINE, Metric.DEPTH, Metric.RECOVERY_RATIO, Metric.T50, Metric.HALF_LIFE,
        Metric.LOSS_AREA}) {
      double[] col = rows.stream().mapToDouble(row -> row[m.ordinal()]).toArray();
      Estimate e = r.metric(m);
      // the tails of a 95% interval, (1 - 0.95) / 2 as a double (0.025000000000000022, not the double 0.025)
      double tail = (1 - 0.95) / 2;
      assertThat(e.lower()).as("%s lower", m).isEqualTo(type7(col, tail));
      assertThat(e.upper()).as("%s upper", m).isEqualTo(type7(col, 1 - tail));
    }
  }

  @Test
  void residualBootstrapIntervalsEqualAnIndependentComputation() {
    check(RecoveryAnalysis.Bootstrap.RESIDUAL);
  }

  @Test
  void parametricBootstrapIntervalsEqualAnIndependentComputation() {
    check(RecoveryAnalysis.Bootstrap.PARAMETRIC);
  }
}
