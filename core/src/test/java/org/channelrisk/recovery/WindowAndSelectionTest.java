package org.channelrisk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.channelrisk.fit.FitResult;
import org.junit.jupiter.api.Test;

/**
 * The fitted window (baseline points, origin, times since the origin) and the Akaike weights on tiny
 * hand-made inputs, each expected value worked out in a comment.
 */
class WindowAndSelectionTest {
  private static final double[] T = {0, 1, 2, 3, 4, 5, 6};
  private static final double[] Y = {10, 12, 11, 5, 3, 4, 8};

  @Test
  void theBaselineIsTheMedianOfThePointsBeforeTheTakedown() {
    // points before t = 3: 10, 12, 11, median 11; fitted: t = 3..6 as s = 0..3
    RecoveryWindow w = RecoveryWindow.of(T, Y, 3, Double.NaN, false);
    assertThat(w.pre()).containsExactly(10, 12, 11);
    assertThat(w.baseline()).isEqualTo(11);
    assertThat(w.first()).isEqualTo(3);
    assertThat(w.origin()).isEqualTo(3);
    assertThat(w.s()).containsExactly(0, 1, 2, 3);
    assertThat(w.y()).containsExactly(5, 3, 4, 8);
    assertThat(w.baselineRule(Double.NaN)).isEqualTo("median of 3 points before t0");
    // a takedown between two points: s starts at 3 - 2.5 = 0.5
    RecoveryWindow between = RecoveryWindow.of(T, Y, 2.5, Double.NaN, false);
    assertThat(between.s()).containsExactly(0.5, 1.5, 2.5, 3.5);
    assertThat(between.pre()).containsExactly(10, 12, 11);
  }

  @Test
  void aBaselineWindowKeepsThePointsAtItsStart() {
    // window 2 before t = 3: t in [1, 3), the points 12 and 11, median 11.5
    RecoveryWindow w = RecoveryWindow.of(T, Y, 3, 2, false);
    assertThat(w.pre()).containsExactly(12, 11);
    assertThat(w.baseline()).isEqualTo(11.5);
    assertThat(w.baselineRule(2)).isEqualTo("median of 2 points before t0 within 2.0");
    // no point before the first time
    RecoveryWindow none = RecoveryWindow.of(T, Y, 0, Double.NaN, false);
    assertThat(none.baseline()).isNaN();
    assertThat(none.baselineRule(Double.NaN)).isEqualTo("no point before t0: not available");
    assertThat(none.s()).hasSize(7);
    // the takedown at the last point leaves that point alone
    assertThat(RecoveryWindow.of(T, Y, 6, Double.NaN, false).s()).containsExactly(0);
    assertThatThrownBy(() -> RecoveryWindow.of(T, Y, 6.5, Double.NaN, false))
        .hasMessage("the takedown time 6.5 is after the last point of the series, t = 6.0");
  }

  @Test
  void fromTheTroughTheOriginIsTheFirstLowestPointAfterTheTakedown() {
    // after t = 3: 5, 3, 3, 8 -> the first 3, at t = 4; the lower 1 before the takedown does not count
    double[] y = {10, 12, 1, 5, 3, 3, 8};
    RecoveryWindow w = RecoveryWindow.of(T, y, 3, Double.NaN, true);
    assertThat(w.origin()).isEqualTo(4);
    assertThat(w.first()).isEqualTo(4);
    assertThat(w.s()).containsExactly(0, 1, 2);
    assertThat(w.y()).containsExactly(3, 3, 8);
    assertThat(w.baseline()).isEqualTo(10);
    assertThat(w.baselineRule(Double.NaN))
        .isEqualTo("median of 3 points before the takedown at 3; t0 is the trough, the lowest point after the takedown");
    // a takedown time that is not a whole number prints as a decimal; a whole one beyond 1e15 too
    assertThat(RecoveryWindow.of(T, y, 2.5, Double.NaN, true).baselineRule(Double.NaN)).contains("before the takedown at 2.5;");
    double[] big = {1e15 - 2, 1e15 - 1, 1e15, 1e15 + 1};
    assertThat(RecoveryWindow.of(big, new double[] {5, 5, 1, 2}, 1e15, Double.NaN, true).baselineRule(Double.NaN))
        .contains("before the takedown at 1.0E15;");
    assertThat(RecoveryWindow.of(big, new double[] {5, 5, 1, 2}, 1e15 - 1, Double.NaN, true).baselineRule(Double.NaN))
        .contains("before the takedown at 999999999999999;");
    assertThat(RecoveryWindow.of(T, y, 0, Double.NaN, true).baselineRule(Double.NaN))
        .isEqualTo("no point before the takedown at 0: not available; t0 is the trough, the lowest point after the takedown");
  }

  static RecoveryResult.Candidate candidate(RecoveryModel m, double aicc) {
    return candidate(m, aicc, true);
  }

  static RecoveryResult.Candidate candidate(RecoveryModel m, double aicc, boolean converged) {
    FitResult f = new FitResult(m.names(), new double[m.parameters()], new double[m.parameters()],
        new double[m.parameters()][m.parameters()], new double[m.parameters()], new double[m.parameters()], 0.95,
        aicc == Double.NEGATIVE_INFINITY ? 0 : 1, 10, 0, converged, 1, 1, converged ? "converged" : "iteration limit 1 reached");
    return new RecoveryResult.Candidate(m, f, aicc, -1);
  }

  @Test
  void akaikeWeightsByHand() {
    // AICc 12, +inf, 10: Delta = 2, -, 0; weights e^{-1} / (1 + e^{-1}), 0, 1 / (1 + e^{-1}); by AICc
    List<RecoveryResult.Candidate> w = ModelSelection.byAicc(List.of(candidate(RecoveryModel.LOGISTIC, 12),
        candidate(RecoveryModel.CONSTANT, Double.POSITIVE_INFINITY), candidate(RecoveryModel.EXPONENTIAL, 10)));
    assertThat(w).extracting(RecoveryResult.Candidate::model).containsExactly(RecoveryModel.EXPONENTIAL, RecoveryModel.LOGISTIC,
        RecoveryModel.CONSTANT);
    double e = Math.exp(-1);
    assertThat(w.get(0).weight()).isCloseTo(1 / (1 + e), within(1e-15));
    assertThat(w.get(1).weight()).isCloseTo(e / (1 + e), within(1e-15));
    assertThat(w.get(2).weight()).isEqualTo(0);
    assertThat(w.get(0).aicc()).isEqualTo(10);
    // three models with Delta 0, 4, 6: weights 1, e^{-2}, e^{-3} over their sum
    List<RecoveryResult.Candidate> three = ModelSelection.byAicc(List.of(candidate(RecoveryModel.GOMPERTZ, -1),
        candidate(RecoveryModel.LINEAR, -5), candidate(RecoveryModel.LOGISTIC, 1)));
    double sum = 1 + Math.exp(-2) + Math.exp(-3);
    assertThat(three).extracting(RecoveryResult.Candidate::weight)
        .containsExactly(1 / sum, Math.exp(-2) / sum, Math.exp(-3) / sum);
    // nothing converged: every weight 0
    assertThat(ModelSelection.byAicc(List.of(candidate(RecoveryModel.LINEAR, Double.POSITIVE_INFINITY, false))).get(0).weight())
        .isEqualTo(0);
    // one converged candidate without an AICc (n <= k + 1): nothing to compare, its weight is 1
    List<RecoveryResult.Candidate> alone = ModelSelection.byAicc(List.of(candidate(RecoveryModel.EXPONENTIAL, Double.POSITIVE_INFINITY,
        false), candidate(RecoveryModel.CONSTANT, Double.POSITIVE_INFINITY)));
    assertThat(alone).extracting(RecoveryResult.Candidate::model).containsExactly(RecoveryModel.CONSTANT, RecoveryModel.EXPONENTIAL);
    assertThat(alone).extracting(RecoveryResult.Candidate::weight).containsExactly(1.0, 0.0);
    // several converged candidates without an AICc: the simplest takes the weight
    assertThat(ModelSelection.byAicc(List.of(candidate(RecoveryModel.LINEAR, Double.POSITIVE_INFINITY),
        candidate(RecoveryModel.CONSTANT, Double.POSITIVE_INFINITY)))).extracting(RecoveryResult.Candidate::model, RecoveryResult.Candidate::weight)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(RecoveryModel.CONSTANT, 1.0), org.assertj.core.groups.Tuple.tuple(RecoveryModel.LINEAR, 0.0));
  }

  @Test
  void exactFitsShareTheWeightByTheirPenalties() {
    // n = 10; constant k = 2: penalty 4 + 12/7; linear k = 3: 6 + 24/6 = 10; Delta = 10 - 4 - 12/7
    List<RecoveryResult.Candidate> w = ModelSelection.byAicc(List.of(candidate(RecoveryModel.LINEAR, Double.NEGATIVE_INFINITY),
        candidate(RecoveryModel.EXPONENTIAL, 12), candidate(RecoveryModel.CONSTANT, Double.NEGATIVE_INFINITY)));
    assertThat(w).extracting(RecoveryResult.Candidate::model).containsExactly(RecoveryModel.CONSTANT, RecoveryModel.LINEAR,
        RecoveryModel.EXPONENTIAL);
    double e = Math.exp(-(10 - 4 - 12.0 / 7) / 2);
    assertThat(w.get(0).weight()).isCloseTo(1 / (1 + e), within(1e-15));
    assertThat(w.get(1).weight()).isCloseTo(e / (1 + e), within(1e-15));
    // a finite AICc beside exact fits: weight 0
    assertThat(w.get(2).weight()).isEqualTo(0);
    assertThat(w.stream().mapToDouble(RecoveryResult.Candidate::weight).sum()).isCloseTo(1, within(1e-15));
    assertThat(w.get(0).aicc()).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void theLargestDropIsTheFirstOfEqualDrops() {
    // drops of 5 at t = 2 and t = 4: the first
    assertThat(RecoveryAnalysis.largestDrop(new double[] {0, 1, 2, 3, 4}, new double[] {10, 10, 5, 5, 0})).isEqualTo(2);
    // the drop at the second point counts
    assertThat(RecoveryAnalysis.largestDrop(new double[] {7, 8, 9}, new double[] {10, 2, 3})).isEqualTo(8);
    assertThatThrownBy(() -> RecoveryAnalysis.largestDrop(new double[] {0, 1}, new double[] {1, 1}))
        .hasMessageContaining("never drops");
  }

  /** The baseline of the points before the takedown, a window of t = 0, 1, 2, ... with the takedown at t = pre.length. */
  static double baseline(double... pre) {
    double[] t = new double[pre.length + 1];
    double[] y = new double[pre.length + 1];
    for (int i = 0; i < t.length; i++) {
      t[i] = i;
      y[i] = i < pre.length ? pre[i] : 0;
    }
    return RecoveryWindow.of(t, y, pre.length, Double.NaN, false).baseline();
  }

  @Test
  void theBaselineIsTheMedianOfOddAndEvenCounts() {
    assertThat(baseline(3, 1, 2)).isEqualTo(2);
    assertThat(baseline(4, 1, 3, 2)).isEqualTo(2.5);
    assertThat(baseline(7)).isEqualTo(7);
    assertThat(baseline()).isNaN();
    // the type-7 median is the mean of the middle pair, to the last bit, for counts and for these means
    assertThat(baseline(1_000_001, 999_998, 1_000_000, 3)).isEqualTo(999_999);
    assertThat(baseline(0.1, 0.7, 0.2, 0.9)).isEqualTo((0.2 + 0.7) / 2);
  }
}
