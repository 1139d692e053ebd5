package org.channelrisk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.channelrisk.fit.FitResult;
import org.channelrisk.io.CsvTable;
import org.junit.jupiter.api.Test;

class RecoveryAnalysisTest {
  static final double[] NLS_Y = {21.3, 28.9, 33.6, 41.2, 45.0, 50.7, 53.1, 58.4, 60.2, 63.9, 65.1, 68.8, 69.0, 71.7, 72.9,
      74.6, 74.1, 76.9, 77.3, 78.8, 78.0, 80.1, 79.6, 81.2, 80.9, 81.7, 82.4, 81.9, 83.0, 82.6};

  /** A series: `pre` points at `baseline`, then the model's curve from t0 = pre. */
  static double[][] series(RecoveryModel m, double[] p, int pre, double baseline, int post) {
    double[] t = new double[pre + post];
    double[] y = new double[pre + post];
    for (int i = 0; i < t.length; i++) {
      t[i] = i;
      y[i] = i < pre ? baseline : m.value(i - pre, p);
    }
    return new double[][] {t, y};
  }

  @Test
  void aConvergedModelWithInfiniteAiccIsChosenOverOneThatDidNotConverge() {
    // three points from the takedown: the exponential (3 parameters) cannot be fitted; the constant
    // converges, but with n - k - 1 = 0 its AICc is infinite. It must still be the selected model.
    RecoveryResult r = RecoveryAnalysis.builder().takedown(2).models(RecoveryModel.EXPONENTIAL, RecoveryModel.CONSTANT).build()
        .analyse(new double[] {0, 1, 2, 3, 4}, new double[] {10, 10, 4, 6, 7});
    assertThat(r.model()).isEqualTo(RecoveryModel.CONSTANT);
    assertThat(r.fit().converged()).isTrue();
    assertThat(r.intervalMethod()).startsWith("delta method");
    // the constant's level is the mean of 4, 6 and 7
    assertThat(r.parameter(r.model().names().get(0))).isCloseTo(17.0 / 3, Offset.offset(1e-9));
  }

  @Test
  void informationCriteriaAndErrorsMatchRNls() throws IOException {
    CsvTable ref;
    try (Reader r = new InputStreamReader(getClass().getResourceAsStream("/reference/nls/nls-aic.csv"), StandardCharsets.UTF_8)) {
      ref = CsvTable.read(r, "nls-aic.csv");
    }
    double[] s = new double[NLS_Y.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = i;
    }
    for (int row = 0; row < ref.size(); row++) {
      boolean weighted = ref.cell(row, "weighted").equals("1");
      RecoveryResult r = RecoveryAnalysis.builder().takedown(0).models(RecoveryModel.EXPONENTIAL)
          .weighting(weighted ? Weighting.POISSON : Weighting.NONE).build().analyse(s, NLS_Y);
      FitResult f = r.fit();
      assertThat(f.converged()).isTrue();
      // R's nls stops at a relative offset of 1e-7: its estimates agree to about 1e-7 relative
      assertThat(f.estimate(0)).isCloseTo(ref.number(row, "a"), Percentage.withPercentage(1e-5));
      assertThat(f.estimate(2)).isCloseTo(ref.number(row, "k"), Percentage.withPercentage(1e-5));
      assertThat(f.stdError(2)).isCloseTo(ref.number(row, "se_k"), Percentage.withPercentage(1e-4));
      assertThat(f.rss()).isCloseTo(ref.number(row, "rss"), Percentage.withPercentage(1e-8));
      assertThat(f.logLik()).isCloseTo(ref.number(row, "loglik"), Percentage.withPercentage(1e-8));
      assertThat(f.aic()).isCloseTo(ref.number(row, "aic"), Percentage.withPercentage(1e-8));
      assertThat(f.bic()).isCloseTo(ref.number(row, "bic"), Percentage.withPercentage(1e-8));
    }
  }

  @Test
  void noiselessDataRecoversTheParameters() {
    double[][] cases = {{800, 150, 0.08}, {1200, 90, 0.2}, {500, 400, 0.03}};
    for (RecoveryModel m : new RecoveryModel[] {RecoveryModel.EXPONENTIAL, RecoveryModel.LOGISTIC, RecoveryModel.GOMPERTZ}) {
      for (double[] p : cases) {
        double[][] ty = series(m, p, 20, 1000, 120);
        RecoveryResult r = RecoveryAnalysis.builder().takedown(20).models(m).build().analyse(ty[0], ty[1]);
        assertThat(r.fit().converged()).as("%s %s", m, java.util.Arrays.toString(p)).isTrue();
        for (int j = 0; j < 3; j++) {
          assertThat(r.fit().estimate(j)).as("%s %s param %d", m, java.util.Arrays.toString(p), j)
              .isCloseTo(p[j], Percentage.withPercentage(1e-6));
        }
        assertThat(r.baseline()).isEqualTo(1000);
      }
    }
  }

  @Test
  void theTakedownIsFoundAsTheLargestDrop() {
    double[][] ty = series(RecoveryModel.EXPONENTIAL, new double[] {900, 200, 0.1}, 15, 1000, 60);
    RecoveryResult r = RecoveryAnalysis.builder().models(RecoveryModel.EXPONENTIAL).build().analyse(ty[0], ty[1]);
    assertThat(r.t0()).isEqualTo(15.0);
    assertThat(r.t0Estimated()).isTrue();
    assertThat(r.toString()).contains("estimated: largest drop");
  }

  @Test
  void fromTroughFitsFromTheLowestPointWithTheBaselineBeforeTheTakedown() {
    // baseline 1000 until t = 20; then a decline over 6 days to the trough at t = 26 (level 300),
    // then exponential recovery to 800 at rate 0.1
    int n = 120;
    double[] t = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i;
      y[i] = i < 20 ? 1000 : i <= 26 ? 1000 - 700.0 * (i - 19) / 7 : 800 - 500 * Math.exp(-0.1 * (i - 26));
    }
    RecoveryResult r = RecoveryAnalysis.builder().takedown(20).baselineWindow(15).fromTrough().models(RecoveryModel.EXPONENTIAL)
        .build().analyse(t, y);
    assertThat(r.t0()).isEqualTo(26);
    assertThat(r.baseline()).isEqualTo(1000);
    assertThat(r.baselineRule()).contains("before the takedown at 20").contains("trough");
    assertThat(r.fit().estimates()).containsExactly(new double[] {800, 300, 0.1}, Offset.offset(1e-6));
    assertThat(r.metric(Metric.RELATIVE_DEPTH).value()).isCloseTo(0.7, Offset.offset(1e-9));
    assertThat(r.metric(Metric.RECOVERY_RATIO).value()).isCloseTo(0.8, Offset.offset(1e-9));
    // from the takedown itself, the decline is inside the fitted window and the fit cannot describe it
    RecoveryResult plain = RecoveryAnalysis.builder().takedown(20).baselineWindow(15).models(RecoveryModel.EXPONENTIAL).build()
        .analyse(t, y);
    assertThat(plain.t0()).isEqualTo(20);
    assertThat(plain.fit().rss()).isGreaterThan(1e3);
  }

  @Test
  void exactIdentitiesOfTheMetrics() {
    double k = 0.07;
    double[] p = {1000, 300, k};
    double[][] ty = series(RecoveryModel.EXPONENTIAL, p, 10, 1000, 200);
    RecoveryResult r = RecoveryAnalysis.builder().takedown(10).models(RecoveryModel.EXPONENTIAL).build().analyse(ty[0], ty[1]);
    assertThat(r.metric(Metric.T50).value()).isCloseTo(Math.log(2) / k, Offset.offset(1e-7));
    assertThat(r.metric(Metric.T90).value()).isCloseTo(Math.log(10) / k, Offset.offset(1e-7));
    assertThat(r.metric(Metric.HALF_LIFE).value()).isCloseTo(Math.log(2) / k, Offset.offset(1e-7));
    assertThat(r.metric(Metric.DEPTH).value()).isCloseTo(700, Offset.offset(1e-6));
    assertThat(r.metric(Metric.RELATIVE_DEPTH).value()).isCloseTo(0.7, Offset.offset(1e-9));
    assertThat(r.metric(Metric.RECOVERY_RATIO).value()).isCloseTo(1.0, Offset.offset(1e-9));
    // loss area over an infinite horizon is depth / k
    assertThat(RecoveryModel.EXPONENTIAL.lossArea(1000, p, Double.POSITIVE_INFINITY)).isCloseTo(700 / k, Offset.offset(1e-9));
    // logistic, in fraction of the plateau: T90 - T50 = ln 9 / k
    double[] lp = {1000, 50, 0.15};
    double t50 = RecoveryModel.LOGISTIC.timeToLevel(500, lp);
    double t90 = RecoveryModel.LOGISTIC.timeToLevel(900, lp);
    assertThat(t90 - t50).isCloseTo(Math.log(9) / 0.15, Offset.offset(1e-9));
    // numerical loss areas agree with the closed form where both apply: the logistic and Gompertz
    // curves at a = b are flat, so their loss is (level - a) * horizon
    assertThat(RecoveryModel.GOMPERTZ.lossArea(10, new double[] {4, 4, 0.3}, 50)).isCloseTo(300, Offset.offset(1e-9));
    assertThat(RecoveryModel.LOGISTIC.lossArea(10, new double[] {4, 4, 0.3}, 50)).isCloseTo(300, Offset.offset(1e-9));
  }

  @Test
  void aPlateauBelowTheTargetNeverRecovers() {
    double[][] ty = series(RecoveryModel.EXPONENTIAL, new double[] {400, 100, 0.2}, 10, 1000, 80);
    RecoveryResult r = RecoveryAnalysis.builder().takedown(10).models(RecoveryModel.EXPONENTIAL).build().analyse(ty[0], ty[1]);
    assertThat(r.metric(Metric.T50).value()).isInfinite();
    assertThat(r.metric(Metric.T90).value()).isInfinite();
    assertThat(r.toString()).contains("never");
    assertThat(r.metric(Metric.RECOVERY_RATIO).value()).isCloseTo(0.4, Offset.offset(1e-8));
  }

  @Test
  void modelSelectionPicksTheGeneratingModelOnClearCases() {
    var rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(3);
    for (RecoveryModel m : new RecoveryModel[] {RecoveryModel.EXPONENTIAL, RecoveryModel.LOGISTIC, RecoveryModel.GOMPERTZ}) {
      double[] p = m == RecoveryModel.EXPONENTIAL ? new double[] {1000, 100, 0.05} : new double[] {1000, 20, 0.12};
      double[][] ty = series(m, p, 20, 1000, 150);
      for (int i = 20; i < ty[1].length; i++) {
        ty[1][i] += 3 * rng.nextGaussian();
      }
      RecoveryResult r = RecoveryAnalysis.builder().takedown(20).build().analyse(ty[0], ty[1]);
      assertThat(r.model()).as("generated by %s; candidates %s", m, r.candidates()).isEqualTo(m);
      assertThat(r.candidates().get(0).weight()).isGreaterThan(0.9);
      double total = r.candidates().stream().mapToDouble(RecoveryResult.Candidate::weight).sum();
      assertThat(total).isCloseTo(1.0, Offset.offset(1e-12));
    }
  }

  @Test
  void intervalsCoverTheTruthAtAboutTheNominalRate() {
    var rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(11);
    double[] p = {1000, 200, 0.06};
    int sets = 300;
    int kHits = 0;
    int t50Hits = 0;
    double trueT50 = RecoveryModel.EXPONENTIAL.timeToLevel(200 + 0.5 * 800, p);
    for (int s = 0; s < sets; s++) {
      double[][] ty = series(RecoveryModel.EXPONENTIAL, p, 10, 1000, 90);
      for (int i = 10; i < ty[1].length; i++) {
        ty[1][i] += 25 * rng.nextGaussian();
      }
      RecoveryResult r = RecoveryAnalysis.builder().takedown(10).models(RecoveryModel.EXPONENTIAL).build().analyse(ty[0], ty[1]);
      FitResult f = r.fit();
      kHits += f.lower()[2] <= 0.06 && 0.06 <= f.upper()[2] ? 1 : 0;
      // the baseline is exact here (no noise before t0), so the delta interval of T50 is complete
      t50Hits += r.metric(Metric.T50).lower() <= trueT50 && trueT50 <= r.metric(Metric.T50).upper() ? 1 : 0;
    }
    // binomial(300, 0.95): sd 3.8
    assertThat(kHits).isBetween(272, 298);
    assertThat(t50Hits).isBetween(268, 298);
  }

  @Test
  void bootstrapIsReproducibleAndIndependentOfThreads() {
    var rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(5);
    double[][] ty = series(RecoveryModel.EXPONENTIAL, new double[] {950, 300, 0.1}, 12, 1000, 60);
    for (int i = 0; i < ty[1].length; i++) {
      ty[1][i] += 20 * rng.nextGaussian();
    }
    RecoveryResult one = null;
    for (int threads : new int[] {1, 2, 8}) {
      for (RecoveryAnalysis.Bootstrap type : RecoveryAnalysis.Bootstrap.values()) {
        RecoveryResult r = RecoveryAnalysis.builder().takedown(12).models(RecoveryModel.EXPONENTIAL)
            .bootstrap(200, type, 99).threads(threads).build().analyse(ty[0], ty[1]);
        if (type == RecoveryAnalysis.Bootstrap.RESIDUAL) {
          if (one == null) {
            one = r;
          } else {
            assertThat(r.metrics()).isEqualTo(one.metrics());
            assertThat(r.band()).isDeepEqualTo(one.band());
          }
        }
        assertThat(r.intervalMethod()).contains("bootstrap", "200 replicates", "seed 99");
        assertThat(r.metric(Metric.BASELINE).lower()).isLessThanOrEqualTo(r.metric(Metric.BASELINE).upper());
        assertThat(r.metric(Metric.T50).lower()).isLessThan(r.metric(Metric.T50).upper());
      }
    }
    RecoveryResult otherSeed = RecoveryAnalysis.builder().takedown(12).models(RecoveryModel.EXPONENTIAL)
        .bootstrap(200, RecoveryAnalysis.Bootstrap.RESIDUAL, 100).build().analyse(ty[0], ty[1]);
    assertThat(otherSeed.metric(Metric.T50).lower()).isNotEqualTo(one.metric(Metric.T50).lower());
  }

  @Test
  void theBandBracketsTheFittedCurve() {
    var rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(8);
    double[][] ty = series(RecoveryModel.LOGISTIC, new double[] {900, 50, 0.15}, 5, 1000, 80);
    for (int i = 0; i < ty[1].length; i++) {
      ty[1][i] += 10 * rng.nextGaussian();
    }
    RecoveryResult r = RecoveryAnalysis.builder().takedown(5).models(RecoveryModel.LOGISTIC).build().analyse(ty[0], ty[1]);
    assertThat(r.bandTimes()).hasSize(80);
    for (int i = 0; i < 80; i++) {
      assertThat(r.band()[1][i]).isLessThan(r.band()[0][i]);
      assertThat(r.band()[2][i]).isGreaterThan(r.band()[0][i]);
    }
  }

  @Test
  void ensembleStandardDeviationsAreWeights() {
    double[][] ty = series(RecoveryModel.EXPONENTIAL, new double[] {900, 100, 0.1}, 5, 1000, 60);
    double[] sd = new double[ty[0].length];
    var rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(4);
    for (int i = 0; i < sd.length; i++) {
      sd[i] = 1 + i % 7;
      ty[1][i] += sd[i] * rng.nextGaussian() * (i < 5 ? 0 : 1);
    }
    sd[7] = 0; // a zero standard deviation is replaced by the smallest positive one
    RecoveryResult r = RecoveryAnalysis.builder().takedown(5).weighting(Weighting.STANDARD_DEVIATION)
        .models(RecoveryModel.EXPONENTIAL).build().analyse(ty[0], ty[1], sd);
    assertThat(r.fit().converged()).isTrue();
    assertThat(r.fit().estimate(2)).isCloseTo(0.1, Offset.offset(0.01));
    assertThat(r.fit().sumLogWeights()).isNotZero();
    assertThatThrownBy(() -> RecoveryAnalysis.builder().weighting(Weighting.STANDARD_DEVIATION).build().analyse(ty[0], ty[1]))
        .hasMessageContaining("needs the standard deviations");
  }

  @Test
  void failureModesAreStated() {
    double[] t = new double[40];
    double[] flat = new double[40];
    for (int i = 0; i < 40; i++) {
      t[i] = i;
      flat[i] = i < 10 ? 100 : 60;
    }
    // a flat series after the takedown: the exponential's rate is not identifiable; the constant model wins
    RecoveryResult r = RecoveryAnalysis.builder().takedown(10).build().analyse(t, flat);
    RecoveryResult.Candidate exp = r.candidates().stream().filter(c -> c.model() == RecoveryModel.EXPONENTIAL).findFirst().orElseThrow();
    assertThat(exp.fit().converged()).isFalse();
    assertThat(exp.fit().message()).contains("not identifiable");
    assertThat(r.model()).isIn(RecoveryModel.CONSTANT, RecoveryModel.LINEAR);
    RecoveryResult onlyExp = RecoveryAnalysis.builder().takedown(10).models(RecoveryModel.EXPONENTIAL).build().analyse(t, flat);
    assertThat(onlyExp.fit().converged()).isFalse();
    assertThat(onlyExp.metric(Metric.T50).value()).isNaN();
    assertThat(onlyExp.toString()).contains("NOT CONVERGED");

    assertThatThrownBy(() -> RecoveryAnalysis.builder().takedown(39).build().analyse(t, flat))
        .hasMessageContaining("1 point at or after the takedown (t0 = 39.0)");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().takedown(50).build().analyse(t, flat))
        .hasMessage("the takedown time 50.0 is after the last point of the series, t = 39.0");
    double[] withNaN = flat.clone();
    withNaN[3] = Double.NaN;
    assertThatThrownBy(() -> RecoveryAnalysis.builder().takedown(10).build().analyse(t, withNaN))
        .hasMessageContaining("t = 3.0 is missing (NaN)");
    double[] negative = flat.clone();
    negative[20] = -2;
    assertThatThrownBy(() -> RecoveryAnalysis.builder().takedown(10).weighting(Weighting.POISSON).build().analyse(t, negative))
        .hasMessage("Poisson weights need counts >= 0: -2.0 at t = 20.0");
    double[] rising = t.clone();
    assertThatThrownBy(() -> RecoveryAnalysis.builder().build().analyse(t, rising)).hasMessageContaining("never drops");
  }

  @Test
  void withoutPointsBeforeTheTakedownBaselineMetricsAreNotAvailable() {
    double[][] ty = series(RecoveryModel.EXPONENTIAL, new double[] {900, 100, 0.1}, 0, 0, 50);
    RecoveryResult r = RecoveryAnalysis.builder().takedown(0).models(RecoveryModel.EXPONENTIAL).build().analyse(ty[0], ty[1]);
    assertThat(r.fit().converged()).isTrue();
    assertThat(r.baseline()).isNaN();
    assertThat(r.baselineRule()).contains("not available");
    for (Metric m : new Metric[] {Metric.BASELINE, Metric.DEPTH, Metric.RELATIVE_DEPTH, Metric.RECOVERY_RATIO, Metric.T50, Metric.T90,
        Metric.LOSS_AREA}) {
      assertThat(r.metric(m).value()).as(m.key()).isNaN();
    }
    assertThat(r.metric(Metric.HALF_LIFE).value()).isCloseTo(Math.log(2) / 0.1, Offset.offset(1e-6));
    assertThat(r.metric(Metric.TROUGH).value()).isCloseTo(100, Offset.offset(1e-6));
  }
}
