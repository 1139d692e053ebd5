package org.channelrisk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The documented start rule on hand-made series, every number worked out in the comments: a the mean
 * of the last max(3, n / 5) points (at most n - 1, at least 1), b the first value, k = ln 2 / (time of
 * the first point after the first that is half-way from b to a), or 3 / span when no point gets
 * half-way; then k x 3 and k / 3. For the logistic and Gompertz curves b is at least tiny and a at
 * least b (1 + 1e-3) + tiny, tiny = max(1e-6 max(|a|, |b|), 1e-9), since both need 0 &lt; b &lt; a.
 */
class StartValuesTest {
  private static final double LN2 = Math.log(2);

  private static double[] range(int n) {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = i;
    }
    return s;
  }

  private static void assertStarts(List<double[]> starts, double a, double b, double k) {
    assertThat(starts).hasSize(3);
    assertThat(starts.get(0)).containsExactly(new double[] {a, b, k}, within(1e-12));
    assertThat(starts.get(1)).containsExactly(new double[] {a, b, 3 * k}, within(1e-12));
    assertThat(starts.get(2)).containsExactly(new double[] {a, b, k / 3}, within(1e-12));
  }

  @Test
  void exponentialRecoveryOfTenPoints() {
    // n = 10: tail = max(3, 10 / 5 = 2) = 3; a = (90 + 95 + 100) / 3 = 95; b = 20;
    // half-way 20 + 0.5 * 75 = 57.5, first reached by 60 at s = 3: k = ln 2 / 3
    double[] y = {20, 40, 50, 60, 70, 80, 85, 90, 95, 100};
    assertStarts(RecoveryModel.EXPONENTIAL.startValues(range(10), y), 95, 20, LN2 / 3);
    // the logistic and Gompertz starts are the same here: 0 < b < a already
    assertStarts(RecoveryModel.LOGISTIC.startValues(range(10), y), 95, 20, LN2 / 3);
    assertStarts(RecoveryModel.GOMPERTZ.startValues(range(10), y), 95, 20, LN2 / 3);
  }

  @Test
  void theTailIsAFifthOfALongSeries() {
    // n = 20: tail = 20 / 5 = 4; a = (10 + 20 + 30 + 40) / 4 = 25 (3 points would give 30, 5 give 20)
    double[] y = new double[20];
    y[16] = 10;
    y[17] = 20;
    y[18] = 30;
    y[19] = 40;
    // b = y[0] = 0; half-way 12.5 first reached at s = 17: k = ln 2 / 17
    assertStarts(RecoveryModel.EXPONENTIAL.startValues(range(20), y), 25, 0, LN2 / 17);
  }

  @Test
  void theTailOfAShortSeriesLeavesOutTheFirstPoint() {
    // n = 3: tail = min(n - 1 = 2, 3) = 2; a = (40 + 60) / 2 = 50 (a tail of 3 would count b = 10 in);
    // b = 10; half-way 30, first reached by 40 at s = 1: k = ln 2 / 1
    double[] s = {0, 1, 2};
    assertStarts(RecoveryModel.EXPONENTIAL.startValues(s, new double[] {10, 40, 60}), 50, 10, LN2);
    // n = 2: tail = 1; a = 30, b = 10, half-way 20 reached at s = 4: k = ln 2 / 4
    assertStarts(RecoveryModel.EXPONENTIAL.startValues(new double[] {0, 4}, new double[] {10, 30}), 30, 10, LN2 / 4);
  }

  @Test
  void aFallingSeriesLooksForTheFirstPointHalfWayDown() {
    // exponential only (it allows a < b): tail 3 of n = 8: a = (30 + 20 + 10) / 3 = 20; b = 100;
    // half-way 60; the first point at or below it is 60 at s = 2.5 (times in steps of 0.5, from 1.5)
    double[] s = {1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5};
    double[] y = {100, 90, 60, 50, 40, 30, 20, 10};
    assertStarts(RecoveryModel.EXPONENTIAL.startValues(s, y), 20, 100, LN2 / 2.5);
  }

  @Test
  void withoutAHalfWayPointTheRateIsThreeOverTheSpan() {
    // a flat series: a = b = 50, so a becomes b + tiny, tiny = 1e-6 * 50; no point reaches the
    // half-way 50 + tiny / 2; the span is 9 - 1 = 8: k = 3 / 8
    double[] s = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] flat = {50, 50, 50, 50, 50, 50, 50, 50, 50};
    List<double[]> starts = RecoveryModel.EXPONENTIAL.startValues(s, flat);
    assertThat(starts.get(0)[0]).isCloseTo(50 + 5e-5, within(1e-12)).isNotEqualTo(50);
    assertThat(starts.get(0)[1]).isEqualTo(50);
    assertThat(starts.get(0)[2]).isCloseTo(3.0 / 8, within(1e-15));
    // all zero: scale 0, tiny = 1e-9
    double[] zero = new double[9];
    List<double[]> z = RecoveryModel.EXPONENTIAL.startValues(s, zero);
    assertThat(z.get(0)).containsExactly(new double[] {1e-9, 0, 3.0 / 8}, within(1e-20));
  }

  @Test
  void aHalfWayPointAtTimeZeroAlsoFallsBackToTheSpan() {
    // times from -1: the first point after the first is at s = 0, where ln 2 / s is not a rate.
    // tail of n = 4 is 3: a = (100 + 100 + 100) / 3 = 100, b = 0, half-way 50 reached at s = 0;
    // span 3 - (-1) = 4: k = 3 / 4
    double[] s = {-1, 0, 1, 3};
    double[] y = {0, 100, 100, 100};
    assertStarts(RecoveryModel.EXPONENTIAL.startValues(s, y), 100, 0, 0.75);
  }

  @Test
  void logisticAndGompertzStartsAreKeptAboveZeroAndBelowThePlateau() {
    // b = 0 becomes tiny = 1e-6 * 100 = 1e-4 (scale = max(|a|, |b|) = 100); a = 100 stays
    // (above 1e-4 * 1.001 + 1e-4); half-way 1e-4 + 0.5 * (100 - 1e-4) = 50.00005, which 50 at s = 1
    // does not reach (an unclamped b would give half-way 50 and s = 1): 80 at s = 2, k = ln 2 / 2
    double[] s = range(6);
    double[] y = {0, 50, 80, 100, 100, 100};
    for (RecoveryModel m : new RecoveryModel[] {RecoveryModel.LOGISTIC, RecoveryModel.GOMPERTZ}) {
      assertStarts(m.startValues(s, y), 100, 1e-4, LN2 / 2);
    }
    // the exponential keeps b = 0 and finds the half-way 50 at s = 1
    assertStarts(RecoveryModel.EXPONENTIAL.startValues(s, y), 100, 0, LN2);
  }

  @Test
  void aFallingSeriesGivesTheLogisticAPlateauJustAboveTheStart() {
    // tail 3: mean (70 + 60 + 50) / 3 = 60 < b = 100, so a = 100 * 1.001 + tiny with
    // tiny = 1e-6 * max(60, 100) = 1e-4: a = 100.1001; half-way 100.05005 is never reached:
    // k = 3 / span = 3 / 5
    double[] s = range(6);
    double[] y = {100, 90, 80, 70, 60, 50};
    assertStarts(RecoveryModel.LOGISTIC.startValues(s, y), 100.1001, 100, 0.6);
    // a negative start: b = tiny = 1e-6 * max(|60|, |-100|), a = 60 stays above it
    double[] neg = {-100, 90, 80, 70, 60, 50};
    // half-way 1e-4 + 0.5 * (60 - 1e-4) = 30.00005: 90 at s = 1
    assertStarts(RecoveryModel.GOMPERTZ.startValues(s, neg), 60, 1e-4, LN2);
  }

  @Test
  void constantAndLinearStartsAreTheMeanAndTheLeastSquaresLine() {
    double[] s = {0, 1, 2, 3};
    double[] y = {1, 3, 2, 6};
    List<double[]> c = RecoveryModel.CONSTANT.startValues(s, y);
    assertThat(c).hasSize(1);
    assertThat(c.get(0)).containsExactly(3.0); // (1 + 3 + 2 + 6) / 4
    // mean s 1.5, mean y 3; sxy = (-1.5)(-2) + (-0.5)(0) + (0.5)(-1) + (1.5)(3) = 7;
    // sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5; slope 1.4, intercept 3 - 1.4 * 1.5 = 0.9
    List<double[]> l = RecoveryModel.LINEAR.startValues(s, y);
    assertThat(l).hasSize(1);
    assertThat(l.get(0)).containsExactly(new double[] {0.9, 1.4}, within(1e-14));
    // shifted times: the same slope, intercept 3 - 1.4 * 11.5 = -13.1
    assertThat(RecoveryModel.LINEAR.startValues(new double[] {10, 11, 12, 13}, y).get(0))
        .containsExactly(new double[] {-13.1, 1.4}, within(1e-12));
  }

  @Test
  void equalTimesGiveALevelLine() {
    // sxx = 0: slope 0, intercept the mean (4 + 8) / 2 = 6
    assertThat(StartValues.of(RecoveryModel.LINEAR, new double[] {2, 2}, new double[] {4, 8}).get(0)).containsExactly(6.0, 0.0);
    // no point at all: both means default to 0
    assertThat(StartValues.of(RecoveryModel.LINEAR, new double[0], new double[0]).get(0)).containsExactly(0.0, 0.0);
    assertThat(StartValues.of(RecoveryModel.CONSTANT, new double[0], new double[0]).get(0)).containsExactly(0.0);
  }

  @Test
  void eachStartIsAFreshArrayAndBadInputIsRefused() {
    double[] s = range(10);
    double[] y = {20, 40, 50, 60, 70, 80, 85, 90, 95, 100};
    List<double[]> first = RecoveryModel.EXPONENTIAL.startValues(s, y);
    first.get(0)[0] = -1;
    assertThat(RecoveryModel.EXPONENTIAL.startValues(s, y).get(0)[0]).isEqualTo(95);
    assertThat(first.get(1)[0]).isEqualTo(95);
    assertThatThrownBy(() -> RecoveryModel.EXPONENTIAL.startValues(new double[] {0}, new double[] {1}))
        .hasMessage("need at least 2 points with as many values as times: 1 times, 1 values");
    assertThatThrownBy(() -> RecoveryModel.EXPONENTIAL.startValues(new double[] {0, 1}, new double[] {1, 2, 3}))
        .hasMessage("need at least 2 points with as many values as times: 2 times, 3 values");
  }
}
