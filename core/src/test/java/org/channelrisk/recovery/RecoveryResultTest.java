package org.channelrisk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.channelrisk.fit.FitResult;
import org.channelrisk.stats.Estimate;
import org.junit.jupiter.api.Test;

/**
 * A result made by hand, so that every printed figure, accessor and copy can be checked against
 * values written in the test: the exponential curve 100 - 80 exp(-0.1 s), whose T50 is ln 2 / 0.1.
 */
class RecoveryResultTest {
  private static final String NL = System.lineSeparator();

  static FitResult fit(double a, boolean converged, String message) {
    return new FitResult(List.of("a", "b", "k"), new double[] {a, 20, 0.1}, new double[] {1, 2, 0.01},
        new double[][] {{1, 0, 0}, {0, 4, 0}, {0, 0, 1e-4}}, new double[] {98, 16, 0.08}, new double[] {102, 24, 0.12}, 0.95, 8, 10,
        0, converged, 5, 7, message);
  }

  static FitResult constantFit() {
    return new FitResult(List.of("a"), new double[] {60}, new double[] {3}, new double[][] {{9}}, new double[] {54},
        new double[] {66}, 0.95, 90, 10, 0, true, 1, 2, "converged");
  }

  /** The components of a result, each replaceable, for the equality tests. */
  static final class Spec {
    double t0 = 10;
    boolean estimated = false;
    double baseline = 120;
    String rule = "median of 3 points before t0";
    RecoveryModel model = RecoveryModel.EXPONENTIAL;
    FitResult fit = fit(100, true, "converged");
    List<RecoveryResult.Candidate> candidates = new ArrayList<>(List.of(
        new RecoveryResult.Candidate(RecoveryModel.EXPONENTIAL, fit(100, true, "converged"), 50, 0.75),
        new RecoveryResult.Candidate(RecoveryModel.CONSTANT, constantFit(), Double.POSITIVE_INFINITY, 0)));
    Map<Metric, Estimate> metrics = new EnumMap<>(Map.of(
        Metric.BASELINE, new Estimate(120, Double.NaN, Double.NaN, "delta method"),
        Metric.T50, new Estimate(Math.log(2) / 0.1, 5, 9, "delta method")));
    String method = "delta method";
    double horizon = 30;
    double[] bandTimes = {10, 11};
    double[][] band = {{20, 27.61}, {19, 26}, {21, 29}};

    RecoveryResult make() {
      return new RecoveryResult(t0, estimated, baseline, rule, model, fit, candidates, metrics, method, horizon, bandTimes, band);
    }
  }

  @Test
  void toStringPrintsEveryFigureWithFiveSignificantDigits() {
    String expected = "Recovery after the takedown at t0 = 10.000; baseline 120.00 (median of 3 points before t0)" + NL
        + "Model: exponential (converged)" + NL
        + "  a  = 100.00 (se 1.0000)" + NL
        + "  b  = 20.000 (se 2.0000)" + NL
        + "  k  = 0.10000 (se 0.010000)" + NL
        + "Candidates (AICc, Akaike weight): exponential 50.000 0.750; constant undefined (n <= k + 1) 0.000;" + NL
        + "Metrics (delta method):" + NL
        // key left-aligned in 15 columns, a space, the value right-aligned in 10
        + "  baseline" + " ".repeat(7) + " " + " ".repeat(4) + "120.00  (NA, NA)" + NL
        + "  t50" + " ".repeat(12) + " " + " ".repeat(4) + "6.9315  (5.0000, 9.0000)" + NL;
    assertThat(new Spec().make().toString()).isEqualTo(expected);
  }

  @Test
  void toStringSaysWhenTheTakedownWasEstimatedAndWhenTheFitFailed() {
    Spec s = new Spec();
    s.estimated = true;
    s.t0 = 1234567;
    s.fit = fit(100, false, "not identifiable");
    String text = s.make().toString();
    assertThat(text).startsWith("Recovery after the takedown at t0 = 1.2346e+06 (estimated: largest drop); baseline 120.00");
    assertThat(text).contains("Model: exponential (NOT CONVERGED: not identifiable)" + NL);
  }

  @Test
  void numbersPrintAsNaNeverOrFiveDigits() {
    assertThat(RecoveryResult.fmt(Double.NaN)).isEqualTo("NA");
    assertThat(RecoveryResult.fmt(Double.POSITIVE_INFINITY)).isEqualTo("never");
    assertThat(RecoveryResult.fmt(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    assertThat(RecoveryResult.fmt(-2.5)).isEqualTo("-2.5000");
    assertThat(RecoveryResult.fmt(0.000123456)).isEqualTo("0.00012346");
  }

  @Test
  void accessorsGiveTheComponentsAndTheParametersByName() {
    RecoveryResult r = new Spec().make();
    assertThat(r.t0()).isEqualTo(10);
    assertThat(r.t0Estimated()).isFalse();
    assertThat(r.baseline()).isEqualTo(120);
    assertThat(r.baselineRule()).isEqualTo("median of 3 points before t0");
    assertThat(r.model()).isEqualTo(RecoveryModel.EXPONENTIAL);
    assertThat(r.fit()).isEqualTo(fit(100, true, "converged"));
    assertThat(r.candidates()).extracting(RecoveryResult.Candidate::model).containsExactly(RecoveryModel.EXPONENTIAL,
        RecoveryModel.CONSTANT);
    assertThat(r.intervalMethod()).isEqualTo("delta method");
    assertThat(r.horizon()).isEqualTo(30);
    assertThat(r.bandTimes()).containsExactly(10, 11);
    assertThat(r.band()).isDeepEqualTo(new double[][] {{20, 27.61}, {19, 26}, {21, 29}});
    assertThat(r.metric(Metric.T50)).isEqualTo(new Estimate(Math.log(2) / 0.1, 5, 9, "delta method"));
    assertThat(r.metric(Metric.T90)).isNull();
    assertThat(r.parameter("a")).isEqualTo(100);
    assertThat(r.parameter("b")).isEqualTo(20);
    assertThat(r.parameter("k")).isEqualTo(0.1);
    assertThatThrownBy(() -> r.parameter("z")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model exponential has no parameter 'z'; it has [a, b, k]");
  }

  @Test
  void aResultCannotBeChangedThroughItsInputsOrItsAccessors() {
    Spec s = new Spec();
    RecoveryResult r = s.make();
    s.bandTimes[0] = -1;
    s.band[1][0] = -1;
    s.candidates.clear();
    s.metrics.clear();
    assertThat(r.bandTimes()).containsExactly(10, 11);
    assertThat(r.band()[1]).containsExactly(19, 26);
    assertThat(r.candidates()).hasSize(2);
    assertThat(r.metrics()).hasSize(2);
    r.bandTimes()[1] = -1;
    r.band()[2][1] = -1;
    r.band()[0] = new double[0];
    assertThat(r.bandTimes()).containsExactly(10, 11);
    assertThat(r.band()).isDeepEqualTo(new double[][] {{20, 27.61}, {19, 26}, {21, 29}});
    assertThatThrownBy(() -> r.metrics().put(Metric.T90, new Estimate(1, 0, 2, "x")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.candidates().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalityComparesEveryComponentAndArraysByContent() {
    RecoveryResult base = new Spec().make();
    RecoveryResult same = new Spec().make();
    assertThat(same).isEqualTo(base);
    assertThat(same.hashCode()).isEqualTo(base.hashCode());
    assertThat(base).isNotEqualTo("a result");
    List<java.util.function.Consumer<Spec>> changes = List.of(
        s -> s.t0 = 11,
        s -> s.estimated = true,
        s -> s.baseline = 121,
        s -> s.rule = "median of 2 points before t0",
        s -> s.model = RecoveryModel.LOGISTIC,
        s -> s.fit = fit(101, true, "converged"),
        s -> s.candidates = List.of(s.candidates.get(0)),
        s -> s.metrics.remove(Metric.T50),
        s -> s.method = "residual bootstrap",
        s -> s.horizon = 31,
        s -> s.bandTimes = new double[] {10, 12},
        s -> s.band = new double[][] {{20, 27.61}, {19, 26}, {21, 29.5}});
    for (int i = 0; i < changes.size(); i++) {
      Spec s = new Spec();
      changes.get(i).accept(s);
      assertThat(s.make()).as("change %d", i).isNotEqualTo(base);
      assertThat(base).as("change %d", i).isNotEqualTo(s.make());
    }
    // the hash mixes the takedown, baseline, model, fit and metrics: results that differ there hash apart
    Spec other = new Spec();
    other.t0 = 11;
    assertThat(other.make().hashCode()).isNotEqualTo(base.hashCode());
  }

  @Test
  void ratiosToABaselineOfZeroAreNotAvailable() {
    // a series at 0 before the takedown: relative depth and recovery ratio divided by zero ("-inf", "never")
    double[] t = new double[8];
    double[] y = {0, 0, 0, -10, -10, -10, -10, -10};
    for (int i = 0; i < t.length; i++) {
      t[i] = i;
    }
    RecoveryResult r = RecoveryAnalysis.builder().takedown(3).models(RecoveryModel.CONSTANT).build().analyse(t, y);
    assertThat(r.metric(Metric.BASELINE).value()).isZero();
    assertThat(r.metric(Metric.RELATIVE_DEPTH).value()).isNaN();
    assertThat(r.metric(Metric.RECOVERY_RATIO).value()).isNaN();
    assertThat(r.toString()).doesNotContain("inf").doesNotContain("Infinity");
  }
}
