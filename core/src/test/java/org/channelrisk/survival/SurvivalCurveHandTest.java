package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.channelrisk.stats.Estimate;
import org.junit.jupiter.api.Test;

/**
 * Every column of a Kaplan-Meier curve on six observations, computed by hand (fractions in the
 * comments; R survival 3.5-3's survfit prints the same numbers), for each confidence transform at two
 * levels: where the limits are capped at 1, clipped at 0, or undefined.
 */
class SurvivalCurveHandTest {
  static final double EPS = 1e-13;
  /** qnorm(0.975) and qnorm(0.995). */
  static final double Z95 = 1.959963984540054;
  static final double Z99 = 2.5758293035489004;

  /**
   * Times 1, 2, 2+, 3, 4+, 5 (+ censored). Rows (n at risk, events, censored; S; Greenwood sum
   * d/(n(n-d)); Nelson-Aalen sum d/n; sum d/n^2):
   *
   * <pre>
   * t=1  6 1 0  S = 5/6              1/30                 1/6    1/36
   * t=2  5 1 1  S = 5/6 4/5 = 2/3    1/30 + 1/20 = 1/12   11/30  1/36 + 1/25 = 61/900
   * t=3  3 1 0  S = 2/3 2/3 = 4/9    1/12 + 1/6 = 1/4     7/10   61/900 + 1/9 = 161/900
   * t=4  2 0 1  S = 4/9              1/4                  7/10   161/900
   * t=5  1 1 0  S = 0                infinite (n = d)     17/10  161/900 + 1 = 1061/900
   * </pre>
   */
  static SurvivalData six() {
    return SurvivalData.of(new double[] {1, 2, 2, 3, 4, 5}, new boolean[] {true, true, false, true, false, true});
  }

  static final double[] S = {5.0 / 6, 2.0 / 3, 4.0 / 9, 4.0 / 9, 0};
  static final double[] SE = {Math.sqrt(1.0 / 30), Math.sqrt(1.0 / 12), 0.5, 0.5, Double.POSITIVE_INFINITY};

  @Test
  void countsSurvivalGreenwoodAndNelsonAalen() {
    SurvivalCurve c = KaplanMeier.estimate(six()).pooled();
    assertThat(c.size()).isEqualTo(5);
    assertThat(c.records()).isEqualTo(6);
    assertThat(c.events()).isEqualTo(4);
    assertThat(c.label()).isEqualTo("ALL");
    assertThat(c.times()).containsExactly(1, 2, 3, 4, 5);
    int[][] counts = {{6, 1, 0}, {5, 1, 1}, {3, 1, 0}, {2, 0, 1}, {1, 1, 0}};
    double[] h = {1.0 / 6, 11.0 / 30, 0.7, 0.7, 1.7};
    double[] vh = {1.0 / 36, 61.0 / 900, 161.0 / 900, 161.0 / 900, 1061.0 / 900};
    for (int i = 0; i < 5; i++) {
      assertThat(new int[] {c.nRisk(i), c.nEvent(i), c.nCensor(i)}).as("row %d", i).containsExactly(counts[i]);
      assertThat(c.survival(i)).as("S row %d", i).isCloseTo(S[i], within(EPS));
      assertThat(c.cumHaz(i)).as("H row %d", i).isCloseTo(h[i], within(EPS));
      assertThat(c.stdCumHaz(i)).as("se H row %d", i).isCloseTo(Math.sqrt(vh[i]), within(EPS));
      if (i < 4) {
        assertThat(c.stdErr(i)).as("se row %d", i).isCloseTo(SE[i], within(EPS));
        assertThat(c.survivalStdError(i)).as("se S row %d", i).isCloseTo(S[i] * SE[i], within(EPS));
      }
    }
    assertThat(c.stdErr(4)).isInfinite();
    assertThat(c.survivalStdError(4)).isNaN(); // 0 * infinity
    assertThat(c.survivals()).containsExactly(S, within(EPS));
  }

  @Test
  void copiesDoNotWriteThrough() {
    SurvivalCurve c = KaplanMeier.estimate(six()).pooled();
    c.times()[0] = 99;
    c.survivals()[0] = 99;
    assertThat(c.time(0)).isEqualTo(1.0);
    assertThat(c.survival(0)).isCloseTo(5.0 / 6, within(EPS));
  }

  @Test
  void survivalAtIsRightContinuous() {
    SurvivalCurve c = KaplanMeier.estimate(six()).pooled();
    assertThat(c.survivalAt(0.5)).isEqualTo(1.0);
    assertThat(c.survivalAt(1)).isCloseTo(5.0 / 6, within(EPS));
    assertThat(c.survivalAt(1.999)).isCloseTo(5.0 / 6, within(EPS));
    assertThat(c.survivalAt(2)).isCloseTo(2.0 / 3, within(EPS));
    assertThat(c.survivalAt(4.5)).isCloseTo(4.0 / 9, within(EPS));
    assertThat(c.survivalAt(100)).isZero();
  }

  /** Limits as {lower, upper} per row for the rows with S &gt; 0. */
  static double[][] expectedLimits(ConfidenceType type, double z) {
    double[][] out = new double[4][];
    for (int i = 0; i < 4; i++) {
      double s = S[i];
      double se = SE[i];
      out[i] = switch (type) {
        // exp(log S -+ z se), upper capped at 1
        case LOG -> new double[] {s * Math.exp(-z * se), Math.min(1, s * Math.exp(z * se))};
        // exp(-exp(log(-log S) +- z se / |log S|))
        case LOG_LOG -> new double[] {Math.exp(-Math.exp(Math.log(-Math.log(s)) + z * se / -Math.log(s))),
            Math.exp(-Math.exp(Math.log(-Math.log(s)) - z * se / -Math.log(s)))};
        // S -+ z S se, clipped to [0, 1]
        case PLAIN -> new double[] {Math.max(0, s - z * s * se), Math.min(1, s + z * s * se)};
      };
    }
    return out;
  }

  @Test
  void limitsOfEachTransformAtTwoLevels() {
    for (ConfidenceType type : ConfidenceType.values()) {
      for (double level : new double[] {0.95, 0.99}) {
        SurvivalCurve c = KaplanMeier.withConfidence(type, level).fit(six()).pooled();
        assertThat(c.confType()).isEqualTo(type);
        assertThat(c.confLevel()).isEqualTo(level);
        double[][] e = expectedLimits(type, level == 0.95 ? Z95 : Z99);
        for (int i = 0; i < 4; i++) {
          assertThat(c.lower(i)).as("%s %s lower row %d", type, level, i).isCloseTo(e[i][0], within(1e-12));
          assertThat(c.upper(i)).as("%s %s upper row %d", type, level, i).isCloseTo(e[i][1], within(1e-12));
        }
        assertThat(c.lower(4)).as("undefined where S = 0").isNaN();
        assertThat(c.upper(4)).isNaN();
      }
    }
    // the cases the formulas above reach: log's upper limit capped at 1 from the first row (5/6
    // e^(1.96 sqrt(1/30)) = 1.19); plain's lower limit clipped at 0 at 99% (4/9 (1 - 2.576/2) < 0)
    SurvivalCurve log = KaplanMeier.estimate(six()).pooled();
    assertThat(log.upper(0)).isEqualTo(1.0);
    assertThat(log.lower(0)).isCloseTo(0.582654795477140, within(1e-14));
    SurvivalCurve plain = KaplanMeier.withConfidence(ConfidenceType.PLAIN, 0.99).fit(six()).pooled();
    assertThat(plain.lower(2)).isZero();
    assertThat(plain.upper(0)).isEqualTo(1.0);
  }

  @Test
  void limitsWhereSurvivalIsOne() {
    // 1+, 2, 3: at t = 1 nothing has happened, S = 1 and se = 0. log and plain give [1, 1]; log-log
    // is undefined (log(-log 1)); at t = 2, S = 1/2, se = sqrt(1/(2 1)) = sqrt(1/2)
    SurvivalData d = SurvivalData.of(new double[] {1, 2, 3}, new boolean[] {false, true, true});
    for (ConfidenceType type : ConfidenceType.values()) {
      SurvivalCurve c = KaplanMeier.withConfidence(type, 0.95).fit(d).pooled();
      if (type == ConfidenceType.LOG_LOG) {
        assertThat(c.lower(0)).isNaN();
        assertThat(c.upper(0)).isNaN();
        // R: 0.005983088, 0.9104101
        double w = Z95 * Math.sqrt(0.5) / Math.log(2);
        assertThat(c.lower(1)).isCloseTo(Math.exp(-Math.exp(Math.log(Math.log(2)) + w)), within(1e-14));
        assertThat(c.upper(1)).isCloseTo(Math.exp(-Math.exp(Math.log(Math.log(2)) - w)), within(1e-14));
        assertThat(c.lower(1)).isCloseTo(0.005983088, within(1e-9));
      } else {
        assertThat(c.lower(0)).as("%s", type).isEqualTo(1.0);
        assertThat(c.upper(0)).as("%s", type).isEqualTo(1.0);
      }
    }
  }

  @Test
  void medianAndQuantilesWithTheirLimits() {
    // F = 1 - S: 1/6, 1/3, 5/9, 5/9, 1. The p-quantile is the first time where F >= p; at p = 1, F
    // reaches 1 at the last time, the midpoint of that time with the last time (5). The 95% log
    // lower curve: 5/6 e^-0.358 = 0.583, 2/3 e^-0.566 = 0.379, 4/9 e^-0.980 = 0.167, the same, NaN,
    // so F_lower = 0.417, 0.621, 0.833, 0.833: quantiles 1 (p 0.25), 2 (0.5), 3 (0.75). The upper curve
    // is capped at 1 until S = 0 (NaN): never reached. R's quantile(fit, c(0, .25, .5, .75, 1)) gives
    // the same, 0 at p = 0.
    SurvivalCurve c = KaplanMeier.estimate(six()).pooled();
    Estimate m = c.median();
    assertThat(new double[] {m.value(), m.lower()}).containsExactly(3, 2);
    assertThat(m.upper()).isNaN();
    assertThat(m.method()).isEqualTo("log transform, 95%");
    double[][] q = {{0, 0, 0}, {0.25, 2, 1}, {0.5, 3, 2}, {0.75, 5, 3}, {1, 5, Double.NaN}};
    for (double[] row : q) {
      Estimate e = c.quantile(row[0]);
      assertThat(e.value()).as("p %s", row[0]).isEqualTo(row[1]);
      if (Double.isNaN(row[2])) {
        assertThat(e.lower()).as("p %s lower", row[0]).isNaN();
      } else {
        assertThat(e.lower()).as("p %s lower", row[0]).isEqualTo(row[2]);
      }
      if (row[0] > 0) {
        assertThat(e.upper()).as("p %s upper", row[0]).isNaN();
      }
    }
    // log-log at 99%: lower curve 0.090, 0.079, 0.019, 0.019: every quantile's lower limit is 1
    SurvivalCurve ll = KaplanMeier.withConfidence(ConfidenceType.LOG_LOG, 0.99).fit(six()).pooled();
    assertThat(ll.quantile(0.75).lower()).isEqualTo(1.0);
    assertThat(ll.median().method()).isEqualTo("log-log transform, 99%");
    assertThat(KaplanMeier.withConfidence(ConfidenceType.PLAIN, 0.975).fit(six()).pooled().median().method())
        .isEqualTo("plain transform, 97.5%");
  }

  @Test
  void quantileOnFlatStretchesAtTheProbability() {
    // 1, 2, 3+, 4+: S = 3/4, 1/2, 1/2, 1/2. F = 1/4 exactly from 1 to 2: the 0.25 quantile is 1.5;
    // F = 1/2 from 2 to the end: the 0.5 quantile is (2 + 4) / 2 = 3, while the median (summary's
    // rule, which needs a later drop) stays at 2. R: quantile 1.5 and 3, summary median 2.
    SurvivalCurve c = KaplanMeier.estimate(SurvivalData.of(new double[] {1, 2, 3, 4}, new boolean[] {true, true, false, false}))
        .pooled();
    assertThat(c.quantile(0.25).value()).isEqualTo(1.5);
    assertThat(c.quantile(0.5).value()).isEqualTo(3.0);
    assertThat(c.median().value()).isEqualTo(2.0);
    assertThat(c.quantile(0.6).isReached()).isFalse();
    assertThatThrownBy(() -> c.quantile(1.5)).isInstanceOf(IllegalArgumentException.class).hasMessage("p must be in [0, 1]: 1.5");
    assertThatThrownBy(() -> c.quantile(-0.1)).hasMessageContaining("p must be in [0, 1]");
    assertThatThrownBy(() -> c.quantile(Double.NaN)).hasMessageContaining("NaN");
  }

  @Test
  void restrictedMeansWithTheirStandardErrors() {
    // area under S up to tau: 1 (0..1) + 5/6 (1..2) + 2/3 (2..3) + 4/9 (3..4) + 4/9 (4..5) = 61/18.
    // Variance: sum over event times of d/(n(n-d)) times the squared area from the time to tau:
    // (43/18)^2/30 + (28/18)^2/20 + (16/18)^2/6 (the event at 5 has n = d and adds 0). R: 3.388889,
    // se 0.665508252817275.
    SurvivalCurve c = KaplanMeier.estimate(six()).pooled();
    RestrictedMean r5 = c.restrictedMean(5);
    double var5 = Math.pow(43.0 / 18, 2) / 30 + Math.pow(28.0 / 18, 2) / 20 + Math.pow(16.0 / 18, 2) / 6;
    assertThat(r5.tau()).isEqualTo(5.0);
    assertThat(r5.value()).isCloseTo(61.0 / 18, within(EPS));
    assertThat(r5.stdError()).isCloseTo(Math.sqrt(var5), within(EPS));
    assertThat(r5.stdError()).isCloseTo(0.665508252817275, within(1e-14));
    assertThat(c.restrictedMean().tau()).isEqualTo(5.0);
    assertThat(c.restrictedMean().value()).isCloseTo(61.0 / 18, within(EPS));
    // past the last time the curve is extended at S = 0: nothing is added (R: the same at tau 7)
    assertThat(c.restrictedMean(7).value()).isCloseTo(61.0 / 18, within(EPS));
    assertThat(c.restrictedMean(7).stdError()).isCloseTo(Math.sqrt(var5), within(EPS));
    // tau = 2.5: 1 + 5/6 + 1/2 2/3 = 13/6; (5/6 + 1/3)^2/30 + (1/3)^2/20. R: 2.16666666666667, se 0.22566773346211
    RestrictedMean r = c.restrictedMean(2.5);
    assertThat(r.value()).isCloseTo(13.0 / 6, within(EPS));
    assertThat(r.stdError()).isCloseTo(Math.sqrt(Math.pow(7.0 / 6, 2) / 30 + 1.0 / 9 / 20), within(EPS));
    // tau = 2 exactly: the row at 2 counts (times <= tau), its rectangle has width 0
    assertThat(c.restrictedMean(2).value()).isCloseTo(1 + 5.0 / 6, within(EPS));
    assertThat(c.restrictedMean(2).stdError()).isCloseTo(Math.sqrt(Math.pow(5.0 / 6, 2) / 30), within(EPS));
    // before the first time: the rectangle 0..tau under S = 1, no variance
    assertThat(c.restrictedMean(0.5).value()).isEqualTo(0.5);
    assertThat(c.restrictedMean(0.5).stdError()).isZero();
    assertThat(c.restrictedMean(0).value()).isZero();
    assertThat(r5.toString()).isEqualTo("RMST(tau 5.0) = 3.38889 (se 0.6655)");
    assertThatThrownBy(() -> c.restrictedMean(-1)).hasMessage("tau must be finite and >= 0: -1.0");
    assertThatThrownBy(() -> c.restrictedMean(Double.POSITIVE_INFINITY)).hasMessageContaining("Infinity");
    assertThatThrownBy(() -> c.restrictedMean(Double.NaN)).hasMessageContaining("NaN");
  }

  @Test
  void labelsAndText() {
    SurvivalCurve c = KaplanMeier.estimate(six()).pooled();
    SurvivalCurve r = c.relabel("web");
    assertThat(r.label()).isEqualTo("web");
    assertThat(r.survival(2)).isEqualTo(c.survival(2));
    assertThat(r.lower(2)).isEqualTo(c.lower(2));
    assertThat(c.toString()).isEqualTo("SurvivalCurve[ALL: n 6, events 4, 5 times, median 3.00000 (2.00000, NA; log transform, 95%)]");
    assertThat(KaplanMeier.withConfidence(ConfidenceType.LOG_LOG, 0.9).curve("x", six()).label()).isEqualTo("x");
    assertThat(KaplanMeier.withConfidence(ConfidenceType.LOG_LOG, 0.9).toString())
        .isEqualTo("KaplanMeier[log-log transform, 0.9]");
  }

  @Test
  void confidenceTypeNames() {
    assertThat(ConfidenceType.parse(" LOG ")).isEqualTo(ConfidenceType.LOG);
    assertThat(ConfidenceType.parse("log-log")).isEqualTo(ConfidenceType.LOG_LOG);
    assertThat(ConfidenceType.parse("LogLog")).isEqualTo(ConfidenceType.LOG_LOG);
    assertThat(ConfidenceType.parse("log_log")).isEqualTo(ConfidenceType.LOG_LOG);
    assertThat(ConfidenceType.parse("Plain")).isEqualTo(ConfidenceType.PLAIN);
    assertThatThrownBy(() -> ConfidenceType.parse("logit")).hasMessage("confidence type must be log, log-log or plain: 'logit'");
    assertThat(ConfidenceType.LOG.rName()).isEqualTo("log");
    assertThat(ConfidenceType.LOG_LOG.rName()).isEqualTo("log-log");
    assertThat(ConfidenceType.PLAIN.rName()).isEqualTo("plain");
  }

  @Test
  void medianWhereTheFirstRowIsOneHalf() {
    // 1, 2: S = 1/2 from the first row, 0 at 2: the midpoint (1 + 2) / 2. R's summary median: 1.5
    SurvivalCurve c = KaplanMeier.estimate(SurvivalData.of(new double[] {1, 2}, new boolean[] {true, true})).pooled();
    assertThat(c.median().value()).isEqualTo(1.5);
  }

  @Test
  void quantilesOfALogLogCurveThatStartsUndefined() {
    // 1+, 2, 3, 4+: S = 1, 2/3, 1/3, 1/3; log-log limits undefined at S = 1 (first row), then lower
    // 0.0541, 0.00896, 0.00896. R's quantile(fit, c(.25, .5, .6)): 2, 3, 3 with lower limits 2, 2, 2
    // and no upper limits; a quantile below sqrt(eps) is not reached (R: NA at 1e-9)
    SurvivalCurve c = KaplanMeier.withConfidence(ConfidenceType.LOG_LOG, 0.95)
        .fit(SurvivalData.of(new double[] {1, 2, 3, 4}, new boolean[] {false, true, true, false})).pooled();
    double[][] q = {{0.25, 2, 2}, {0.5, 3, 2}, {0.6, 3, 2}};
    for (double[] row : q) {
      Estimate e = c.quantile(row[0]);
      assertThat(new double[] {e.value(), e.lower()}).as("p %s", row[0]).containsExactly(row[1], row[2]);
      assertThat(e.upper()).isNaN();
    }
    assertThat(KaplanMeier.estimate(six()).pooled().quantile(1e-9).isReached()).isFalse();
  }
}
