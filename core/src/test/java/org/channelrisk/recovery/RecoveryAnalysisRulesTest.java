package org.channelrisk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.channelrisk.fit.FitResult;
import org.junit.jupiter.api.Test;

/** The stated rules of an analysis at their edges, on short series whose results follow by hand. */
class RecoveryAnalysisRulesTest {
  @Test
  void equalTimesAreRefused() {
    assertThatThrownBy(() -> RecoveryAnalysis.builder().takedown(1).build()
        .analyse(new double[] {0, 1, 1, 2}, new double[] {5, 3, 4, 5}))
        .hasMessage("times must be finite and strictly increasing: t[2] = 1.0");
  }

  @Test
  void exactlyEnoughPointsAreEnough() {
    // the constant model needs 2 points: after the takedown at 2 there are 4 and 6, a = their mean 5
    RecoveryResult r = RecoveryAnalysis.builder().takedown(2).models(RecoveryModel.CONSTANT).build()
        .analyse(new double[] {0, 1, 2, 3}, new double[] {10, 10, 4, 6});
    assertThat(r.fit().converged()).isTrue();
    assertThat(r.parameter("a")).isCloseTo(5, within(1e-12));
    assertThat(r.bandTimes()).containsExactly(2, 3);
    assertThat(r.metric(Metric.RECOVERY_RATIO).value()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void aModelWithAsManyParametersAsPointsIsNotFitted() {
    // three points after the takedown: the exponential's three parameters are not fitted; the constant
    // model is (its AICc is infinite too, with n - k - 1 = 3 - 2 - 1 = 0)
    RecoveryResult r = RecoveryAnalysis.builder().takedown(2).models(RecoveryModel.EXPONENTIAL, RecoveryModel.CONSTANT).build()
        .analyse(new double[] {0, 1, 2, 3, 4}, new double[] {10, 10, 4, 6, 7});
    RecoveryResult.Candidate exp = r.candidates().stream().filter(c -> c.model() == RecoveryModel.EXPONENTIAL).findFirst().orElseThrow();
    FitResult f = exp.fit();
    assertThat(f.converged()).isFalse();
    assertThat(f.message()).isEqualTo("not fitted: 3 points cannot determine 3 parameters");
    assertThat(f.estimates()).containsOnly(Double.NaN);
    assertThat(f.n()).isEqualTo(3);
    assertThat(exp.aicc()).isInfinite();
    assertThat(exp.weight()).isEqualTo(0);
    // the constant model, the only one fitted, needs no comparison: weight 1, and AICc said in words
    assertThat(r.model()).isEqualTo(RecoveryModel.CONSTANT);
    assertThat(r.candidates().get(0).weight()).isEqualTo(1);
    assertThat(r.toString()).contains("Candidates (AICc, Akaike weight): constant undefined (n <= k + 1) 1.000; exponential not"
        + " converged 0.000;");
  }

  @Test
  void withoutAnyAiccTheSimplestConvergedModelIsTaken() {
    // after the takedown at 1: 2, 5, 7; the constant (k = 2) and the line (k = 3) both fit, neither has
    // n > k + 1; the three-parameter models are not fitted. Two and four points give a result, so three
    // must too: the simplest converged model, weight 1, said in the table
    RecoveryResult three = RecoveryAnalysis.builder().build().analyse(new double[] {0, 1, 2, 3}, new double[] {10, 2, 5, 7});
    assertThat(three.model()).isEqualTo(RecoveryModel.CONSTANT);
    assertThat(three.candidates().get(0).weight()).isEqualTo(1);
    assertThat(three.candidates().stream().mapToDouble(RecoveryResult.Candidate::weight).sum()).isEqualTo(1);
    assertThat(three.toString()).contains("too few points for AICc (n > k + 1): the simplest converged model is taken");
    // one model asked for is fitted as before, with weight 1
    RecoveryResult one = RecoveryAnalysis.builder().models(RecoveryModel.LINEAR).build()
        .analyse(new double[] {0, 1, 2, 3}, new double[] {10, 2, 5, 7});
    assertThat(one.fit().converged()).isTrue();
    assertThat(one.candidates()).singleElement().extracting(RecoveryResult.Candidate::weight).isEqualTo(1.0);
    // a fourth point gives the constant an AICc: the line has none and weight 0
    RecoveryResult four = RecoveryAnalysis.builder().build().analyse(new double[] {0, 1, 2, 3, 4}, new double[] {10, 2, 5, 7, 6});
    assertThat(four.model()).isEqualTo(RecoveryModel.CONSTANT);
    assertThat(four.candidates().get(0).weight()).isEqualTo(1);
    assertThat(four.candidates().stream().mapToDouble(RecoveryResult.Candidate::weight).sum()).isEqualTo(1);
  }

  @Test
  void exactFitsAreStatedAndShareTheWeight() {
    // 40 after the takedown, exactly: the constant and the line fit with residual sum of squares 0
    double[] t = new double[30];
    double[] y = new double[30];
    for (int i = 0; i < 30; i++) {
      t[i] = i;
      y[i] = i < 10 ? 100 : 40;
    }
    RecoveryResult r = RecoveryAnalysis.builder().build().analyse(t, y);
    assertThat(r.model()).isEqualTo(RecoveryModel.CONSTANT);
    assertThat(r.fit().exactFit()).isTrue();
    assertThat(r.parameter("a")).isEqualTo(40);
    // n = 20: penalties 2k + 2k(k+1)/(n-k-1), constant (k = 2) 4 + 12/17, line (k = 3) 6 + 24/16
    double e = Math.exp(-((6 + 24.0 / 16) - (4 + 12.0 / 17)) / 2);
    assertThat(r.candidates().get(0).weight()).isCloseTo(1 / (1 + e), within(1e-12));
    assertThat(r.candidates().get(1).model()).isEqualTo(RecoveryModel.LINEAR);
    assertThat(r.candidates().get(1).weight()).isCloseTo(e / (1 + e), within(1e-12));
    assertThat(r.candidates().stream().mapToDouble(RecoveryResult.Candidate::weight).sum()).isCloseTo(1, within(1e-12));
    assertThat(r.intervalMethod()).isEqualTo("delta method, normal, 95%; baseline treated as known; exact fit (residual sum of squares 0):"
        + " the intervals have zero width");
    String text = r.toString();
    assertThat(text).contains("Model: constant (converged: exact fit, residual sum of squares 0, standard errors 0 by definition)",
        "constant exact fit 0.802; linear exact fit 0.198;", "they share the weight by their AICc penalties")
        .doesNotContain("-inf", "Infinity", "NaN");
  }

  @Test
  void dataBeyondTheRangeOfDoublesAreNotFitted() {
    double[] t = new double[40];
    double[] big = new double[40];
    double[] tiny = new double[40];
    for (int i = 0; i < 40; i++) {
      t[i] = i;
      double v = i < 10 ? 1000 : RecoveryModel.EXPONENTIAL.value(i - 10, new double[] {900, 300, 0.15}) + (i % 3 - 1);
      big[i] = v * 1e300;
      tiny[i] = v * 1e-300;
    }
    RecoveryResult over = RecoveryAnalysis.builder().build().analyse(t, big);
    assertThat(over.fit().converged()).isFalse();
    assertThat(over.fit().message()).startsWith("the residual sum of squares overflows at the start").endsWith("; rescale the data");
    assertThat(over.intervalMethod()).isEqualTo("not available: no model converged");
    RecoveryResult under = RecoveryAnalysis.builder().build().analyse(t, tiny);
    assertThat(under.fit().converged()).isFalse();
    assertThat(under.fit().message()).startsWith("the residual sum of squares underflows").endsWith("; rescale the data");
    assertThat(under.candidates()).allSatisfy(c -> assertThat(c.fit().converged()).isFalse());
  }

  @Test
  void whenNoModelConvergesTheBandIsNotAvailable() {
    double[] t = new double[30];
    double[] flat = new double[30];
    for (int i = 0; i < 30; i++) {
      t[i] = i;
      flat[i] = i < 10 ? 100 : 60;
    }
    RecoveryResult r = RecoveryAnalysis.builder().takedown(10).models(RecoveryModel.EXPONENTIAL).build().analyse(t, flat);
    assertThat(r.fit().converged()).isFalse();
    assertThat(r.intervalMethod()).isEqualTo("not available: no model converged");
    for (double[] row : r.band()) {
      assertThat(row).hasSize(20).containsOnly(Double.NaN);
    }
    assertThat(r.metric(Metric.BASELINE).value()).isEqualTo(100);
    assertThat(r.metric(Metric.DEPTH).value()).isNaN();
  }

  @Test
  void poissonWeightsAreOneOverTheCountWithZeroCountedAsOne() {
    // after the takedown at 3: counts 0, 4, 8, 10, 10, 10; weights 1, 1/4, 1/8, 1/10, 1/10, 1/10
    double[] t = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    double[] y = {10, 10, 10, 0, 4, 8, 10, 10, 10};
    RecoveryResult r = RecoveryAnalysis.builder().takedown(3).weighting(Weighting.POISSON).models(RecoveryModel.CONSTANT).build()
        .analyse(t, y);
    double sumLog = Math.log(1) + Math.log(0.25) + Math.log(0.125) + 3 * Math.log(0.1);
    assertThat(r.fit().sumLogWeights()).isCloseTo(sumLog, within(1e-12));
    // the weighted mean: (0 + 4/4 + 8/8 + 3 * 10/10) / (1 + 1/4 + 1/8 + 3/10)
    assertThat(r.parameter("a")).isCloseTo(5 / 1.675, within(1e-10));
  }

  @Test
  void standardDeviationsWeighByOneOverTheirSquare() {
    // after the takedown at 2: sd 1, 2, 0 (replaced by the smallest positive, 1), 4; weights 1, 1/4, 1, 1/16
    double[] t = {0, 1, 2, 3, 4, 5};
    double[] y = {10, 10, 2, 4, 6, 8};
    double[] sd = {9, 9, 1, 2, 0, 4};
    RecoveryResult r = RecoveryAnalysis.builder().takedown(2).weighting(Weighting.STANDARD_DEVIATION)
        .models(RecoveryModel.CONSTANT).build().analyse(t, y, sd);
    assertThat(r.fit().sumLogWeights()).isCloseTo(Math.log(0.25) + Math.log(1.0 / 16), within(1e-12));
    // weighted mean (2 + 4/4 + 6 + 8/16) / (1 + 1/4 + 1 + 1/16) = 9.5 / 2.3125
    assertThat(r.parameter("a")).isCloseTo(9.5 / 2.3125, within(1e-10));
    // all zero: equal weights, the plain mean 5
    RecoveryResult equal = RecoveryAnalysis.builder().takedown(2).weighting(Weighting.STANDARD_DEVIATION)
        .models(RecoveryModel.CONSTANT).build().analyse(t, y, new double[6]);
    assertThat(equal.parameter("a")).isCloseTo(5, within(1e-12));
    assertThatThrownBy(() -> RecoveryAnalysis.builder().takedown(2).weighting(Weighting.STANDARD_DEVIATION).build()
        .analyse(t, y, new double[] {1, 1, 1, -1, 1, 1})).hasMessage("standard deviations must be finite and >= 0: -1.0");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().takedown(2).build().analyse(t, y, new double[5]))
        .hasMessage("sd has 5 values for 6 times");
  }

  @Test
  void standardDeviationsWeighByDefaultAndAContradictingWeightingIsRefused() {
    double[] t = {0, 1, 2, 3, 4, 5};
    double[] y = {10, 10, 2, 4, 6, 8};
    double[] sd = {9, 9, 1, 2, 0, 4};
    // the weighting left unset: the standard deviations weigh, as with STANDARD_DEVIATION chosen
    RecoveryResult byDefault = RecoveryAnalysis.builder().takedown(2).models(RecoveryModel.CONSTANT).build().analyse(t, y, sd);
    RecoveryResult chosen = RecoveryAnalysis.builder().takedown(2).weighting(Weighting.STANDARD_DEVIATION)
        .models(RecoveryModel.CONSTANT).build().analyse(t, y, sd);
    assertThat(byDefault.fit()).isEqualTo(chosen.fit());
    assertThat(byDefault.parameter("a")).isCloseTo(9.5 / 2.3125, within(1e-10));
    // without them the same analysis is unweighted: the plain mean 5
    assertThat(RecoveryAnalysis.builder().takedown(2).models(RecoveryModel.CONSTANT).build().analyse(t, y).parameter("a"))
        .isCloseTo(5, within(1e-12));
    // a weighting chosen explicitly that is not STANDARD_DEVIATION contradicts them
    assertThatThrownBy(() -> RecoveryAnalysis.builder().takedown(2).weighting(Weighting.NONE).build().analyse(t, y, sd))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("standard deviations were given but the weighting is NONE: leave the weighting unset (or set"
            + " STANDARD_DEVIATION) to weight by 1/sd^2, or call analyse(t, y)");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().takedown(2).weighting(Weighting.POISSON).build().analyse(t, y, sd))
        .hasMessageContaining("the weighting is POISSON");
    // the unset default reads as what it does
    assertThat(RecoveryAnalysis.builder().build().toString()).contains("weights 1/sd^2 given sd, else none");
    assertThat(RecoveryAnalysis.builder().weighting(Weighting.NONE).build().toString()).contains("none weights");
  }

  @Test
  void theMethodTextTheHorizonAndTheLevel() {
    double[] t = new double[40];
    double[] y = new double[40];
    for (int i = 0; i < 40; i++) {
      t[i] = i;
      y[i] = i < 10 ? 1000 : RecoveryModel.EXPONENTIAL.value(i - 10, new double[] {900, 300, 0.15}) + (i % 3 - 1);
    }
    RecoveryResult r = RecoveryAnalysis.builder().takedown(10).models(RecoveryModel.EXPONENTIAL).horizon(5).confidenceLevel(0.9)
        .build().analyse(t, y);
    assertThat(r.intervalMethod()).isEqualTo("delta method, normal, 90%; baseline treated as known");
    assertThat(r.horizon()).isEqualTo(5);
    // loss area at horizon 5 from the fitted parameters: (B0 - a) 5 + (a - b)(1 - e^{-5k}) / k
    double[] p = r.fit().estimates();
    assertThat(r.metric(Metric.LOSS_AREA).value())
        .isCloseTo((1000 - p[0]) * 5 + (p[0] - p[1]) * (1 - Math.exp(-5 * p[2])) / p[2], within(1e-9));
    // the fit's own intervals are at the level asked for: the k interval is estimate -+ qt(0.95, 27) se
    // (qt(0.95, 27) = 1.7032884457221265, SciPy t.ppf)
    assertThat(r.fit().upper(2)).isCloseTo(p[2] + 1.7032884457221265 * r.fit().stdError(2), within(1e-12));
    // without a horizon, the last point's time since the takedown, 29
    assertThat(RecoveryAnalysis.builder().takedown(10).models(RecoveryModel.EXPONENTIAL).build().analyse(t, y).horizon())
        .isEqualTo(29);
  }

  @Test
  void theBuilderChecksItsArgumentsAndTheAnalysisPrintsItsSettings() {
    assertThatThrownBy(() -> RecoveryAnalysis.builder().horizon(0)).hasMessage("horizon must be > 0: 0.0");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().baselineWindow(0)).hasMessage("baseline window must be finite and > 0: 0.0");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().baselineWindow(Double.POSITIVE_INFINITY))
        .hasMessageContaining("finite and > 0");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().bootstrap(-1, RecoveryAnalysis.Bootstrap.RESIDUAL, 1))
        .hasMessage("bootstrap replicates must be >= 0: -1");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().threads(0)).hasMessage("threads must be >= 1: 0");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().takedown(Double.NaN)).hasMessage("takedown time must be finite: NaN");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().models()).hasMessage("at least one model is needed");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().confidenceLevel(1)).hasMessageContaining("(0, 1)");
    assertThat(RecoveryAnalysis.builder().build().toString()).isEqualTo(
        "RecoveryAnalysis[t0 largest drop, models [exponential, logistic, gompertz, constant, linear], weights 1/sd^2 given sd,"
            + " else none, delta-method intervals]");
    // zero replicates is the delta method
    assertThat(RecoveryAnalysis.builder().takedown(10).models(RecoveryModel.EXPONENTIAL).weighting(Weighting.POISSON)
        .bootstrap(0, RecoveryAnalysis.Bootstrap.PARAMETRIC, 3).build().toString())
        .isEqualTo("RecoveryAnalysis[t0 10.0, models [exponential], poisson weights, delta-method intervals]");
    assertThat(RecoveryAnalysis.builder().bootstrap(99, RecoveryAnalysis.Bootstrap.RESIDUAL, 3).build().toString())
        .endsWith("weights 1/sd^2 given sd, else none, 99 RESIDUAL bootstrap replicates]");
  }

  @Test
  void aSecondCallToASetterFailsNamingTheValueItHas() {
    assertThatThrownBy(() -> RecoveryAnalysis.builder().takedown(10).takedown(12))
        .isInstanceOf(IllegalStateException.class).hasMessage("takedown time was already set to 10.0");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().models(RecoveryModel.EXPONENTIAL).models(RecoveryModel.LOGISTIC))
        .hasMessageStartingWith("models was already set to [");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().weighting(Weighting.POISSON).weighting(Weighting.NONE))
        .hasMessage("weighting was already set to POISSON");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().horizon(5).horizon(6)).hasMessage("horizon was already set to 5.0");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().baselineWindow(5).baselineWindow(6))
        .hasMessage("baseline window was already set to 5.0");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().bootstrap(99, RecoveryAnalysis.Bootstrap.RESIDUAL, 3)
        .bootstrap(199, RecoveryAnalysis.Bootstrap.RESIDUAL, 3))
        .hasMessage("bootstrap was already set to 99 RESIDUAL replicates, seed 3");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().threads(2).threads(4)).hasMessage("threads was already set to 2");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().confidenceLevel(0.9).confidenceLevel(0.95))
        .hasMessage("confidence level was already set to 0.9");
    // a flag asked for twice asks for the same thing
    assertThat(RecoveryAnalysis.builder().fromTrough().fromTrough().build()).isNotNull();
  }

  @Test
  void aModelGivenTwiceOrNullIsRefused() {
    assertThatThrownBy(() -> RecoveryAnalysis.builder().models(RecoveryModel.LINEAR, RecoveryModel.EXPONENTIAL, RecoveryModel.LINEAR))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the model linear is given twice: each model is compared once");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().models(RecoveryModel.LINEAR, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("models[1] must not be null");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().models((RecoveryModel[]) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("models must not be null");
  }

  @Test
  void nullArgumentsAreNamed() {
    double[] t = {0, 1, 2, 3, 4, 5};
    double[] y = {10, 10, 2, 4, 6, 8};
    RecoveryAnalysis a = RecoveryAnalysis.builder().takedown(2).models(RecoveryModel.CONSTANT).build();
    assertThatThrownBy(() -> a.analyse(null, y)).isInstanceOf(NullPointerException.class).hasMessage("t must not be null");
    assertThatThrownBy(() -> a.analyse(t, null)).isInstanceOf(NullPointerException.class).hasMessage("y must not be null");
    assertThatThrownBy(() -> a.analyse(null, y, y)).hasMessage("t must not be null");
    assertThatThrownBy(() -> a.analyse(t, null, y)).hasMessage("y must not be null");
    assertThatThrownBy(() -> a.analyse(t, y, null)).isInstanceOf(NullPointerException.class).hasMessage("sd must not be null");
    RecoveryResult r = a.analyse(t, y);
    assertThatThrownBy(() -> r.metric(null)).isInstanceOf(NullPointerException.class).hasMessage("metric must not be null");
    assertThatThrownBy(() -> r.parameter(null)).isInstanceOf(NullPointerException.class).hasMessage("name must not be null");
  }

  @Test
  void aBootstrapNeedsAReplicateInEachTail() {
    assertThat(RecoveryBootstrap.minimumReplicates(0.95)).isEqualTo(40);
    assertThat(RecoveryBootstrap.minimumReplicates(0.9)).isEqualTo(20);
    assertThat(RecoveryBootstrap.minimumReplicates(0.8)).isEqualTo(10);
    assertThat(RecoveryBootstrap.minimumReplicates(0.99)).isEqualTo(200);
    assertThatThrownBy(() -> RecoveryAnalysis.builder().bootstrap(1, RecoveryAnalysis.Bootstrap.RESIDUAL, 1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a 95% percentile interval needs at least 40 bootstrap replicates, so that each 2.5% tail holds one: 1 asked for"
            + " (0 gives delta-method intervals)");
    assertThatThrownBy(() -> RecoveryAnalysis.builder().bootstrap(39, RecoveryAnalysis.Bootstrap.PARAMETRIC, 1).build())
        .hasMessageContaining("at least 40");
    // the level may come before or after the size
    assertThatThrownBy(() -> RecoveryAnalysis.builder().bootstrap(40, RecoveryAnalysis.Bootstrap.RESIDUAL, 1).confidenceLevel(0.99)
        .build()).hasMessageStartingWith("a 99% percentile interval needs at least 200 bootstrap replicates, so that each 0.5% tail");
    assertThat(RecoveryAnalysis.builder().bootstrap(40, RecoveryAnalysis.Bootstrap.RESIDUAL, 1).build()).isNotNull();
    assertThat(RecoveryAnalysis.builder().confidenceLevel(0.9).bootstrap(20, RecoveryAnalysis.Bootstrap.RESIDUAL, 1).build()).isNotNull();
    assertThat(RecoveryAnalysis.builder().bootstrap(0, RecoveryAnalysis.Bootstrap.RESIDUAL, 1).build()).isNotNull();
  }

  @Test
  void tooFewConvergedReplicatesGiveNoInterval() {
    // 39 converged replicates of a constant fit at 95%: one short of a replicate in each tail
    double[] s = {0, 1, 2};
    double[][] reps = new double[Metric.values().length + s.length][39];
    for (double[] row : reps) {
      java.util.Arrays.setAll(row, i -> i);
    }
    FitResult fit = new FitResult(java.util.List.of("a"), new double[] {5}, new double[] {1}, new double[][] {{1}}, new double[] {3},
        new double[] {7}, 0.95, 2, 3, 0, true, 1, 1, "converged");
    java.util.Map<Metric, org.channelrisk.stats.Estimate> metrics = new java.util.EnumMap<>(Metric.class);
    double[][] band = new double[3][s.length];
    RecoveryBootstrap.percentiles(reps, RecoveryModel.CONSTANT, fit, s, 10, 2, 0.95, "m", metrics, band);
    assertThat(metrics.get(Metric.TROUGH).value()).isEqualTo(5);
    assertThat(metrics.get(Metric.TROUGH).lower()).isNaN();
    assertThat(metrics.get(Metric.TROUGH).upper()).isNaN();
    assertThat(band[0]).containsOnly(5.0);
    assertThat(band[1]).containsOnly(Double.NaN);
    // with 40 the limits are the type-7 quantiles
    double[][] forty = new double[reps.length][40];
    for (double[] row : forty) {
      java.util.Arrays.setAll(row, i -> i);
    }
    RecoveryBootstrap.percentiles(forty, RecoveryModel.CONSTANT, fit, s, 10, 2, 0.95, "m", metrics, band);
    assertThat(metrics.get(Metric.TROUGH).lower()).isCloseTo(1 + 39 * 0.025 - 1, within(1e-12));
    assertThat(band[2][0]).isCloseTo(39 * 0.975, within(1e-12));
  }
}
