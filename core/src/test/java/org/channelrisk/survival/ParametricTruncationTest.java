package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.api.Test;

/**
 * Parametric fits of left-truncated data: the likelihood conditional on survival to entry. R's survreg
 * has no left truncation, so the fits are checked against the exponential closed form and against a
 * derivative-free maximisation of the conditional likelihood written out here from the densities.
 */
class ParametricTruncationTest {
  static final double[] TIME = {2, 3, 5, 7, 11, 13, 17, 19};
  static final boolean[] EVENT = {true, true, false, true, true, false, true, true};

  static SurvivalData data(double... entry) {
    return SurvivalData.of(TIME, EVENT).withEntry(entry);
  }

  /** log f(t) or log S(t), minus log S(entry), for T with log T = mu + sigma W. */
  static double conditionalLogLik(ParametricSurvival.Family family, SurvivalData d, double mu, double sigma) {
    double[] t = d.times();
    boolean[] e = d.eventIndicators();
    NormalDistribution normal = new NormalDistribution();
    double ll = 0;
    for (int i = 0; i < t.length; i++) {
      double z = (Math.log(t[i]) - mu) / sigma;
      double logS = family == ParametricSurvival.Family.LOG_NORMAL ? Math.log(normal.cumulativeProbability(-z)) : -Math.exp(z);
      if (e[i]) {
        // density of T: density of W at z over sigma t
        double logDensityW = family == ParametricSurvival.Family.LOG_NORMAL ? normal.logDensity(z) : z - Math.exp(z);
        ll += logDensityW - Math.log(sigma) - Math.log(t[i]);
      } else {
        ll += logS;
      }
      double entry = d.entry(i);
      if (entry > 0) {
        double ze = (Math.log(entry) - mu) / sigma;
        ll -= family == ParametricSurvival.Family.LOG_NORMAL ? Math.log(normal.cumulativeProbability(-ze)) : -Math.exp(ze);
      }
    }
    return ll;
  }

  static PointValuePair maximise(ParametricSurvival.Family family, SurvivalData d, double mu0, double logSigma0) {
    boolean fixedSigma = family == ParametricSurvival.Family.EXPONENTIAL;
    MultivariateFunction f = p -> conditionalLogLik(family, d, p[0], fixedSigma ? 1 : Math.exp(p[1]));
    return new SimplexOptimizer(1e-15, 1e-15).optimize(new MaxEval(100_000), new ObjectiveFunction(f), GoalType.MAXIMIZE,
        new InitialGuess(new double[] {mu0, logSigma0}), new NelderMeadSimplex(2, 0.2));
  }

  @Test
  void exponentialRateIsEventsOverTimeAtRisk() {
    // entries 1, 2, 4, ... one before each time: 8 units at risk, 6 events; the entries were ignored
    // and the fit was that of the untruncated data (rate 6 / 77)
    SurvivalData d = data(1, 2, 4, 6, 10, 12, 16, 18);
    ParametricSurvival.Fit f = ParametricSurvival.fit(ParametricSurvival.Family.EXPONENTIAL, d);
    assertThat(1 / f.scale()).isCloseTo(6.0 / 8, within(1e-14));
    assertThat(f.logLik()).isCloseTo(6 * Math.log(6.0 / 8) - 6, within(1e-13));
    assertThat(f.muStdError()).isCloseTo(Math.sqrt(1.0 / 6), within(1e-15));
    assertThat(f.converged()).isTrue();
    assertThat(f.logLik()).isCloseTo(conditionalLogLik(ParametricSurvival.Family.EXPONENTIAL, d, f.mu(), 1), within(1e-12));
    // some rows not truncated: 2 + 3 + 5 + 7 + (11 - 10) + (13 - 12) + 17 + (19 - 18) = 37 at risk
    SurvivalData mixed = data(0, 0, 0, 0, 10, 12, 0, 18);
    assertThat(1 / ParametricSurvival.fit(ParametricSurvival.Family.EXPONENTIAL, mixed).scale()).isCloseTo(6.0 / 37, within(1e-14));
  }

  @Test
  void weibullAndLogNormalMaximiseTheConditionalLikelihood() {
    for (SurvivalData d : new SurvivalData[] {data(1, 2, 4, 6, 10, 12, 16, 18), data(0, 0, 0, 0, 10, 12, 0, 18),
        data(1.5, 0, 0.5, 6.5, 0, 3, 10, 0)}) {
      for (ParametricSurvival.Family family : ParametricSurvival.Family.values()) {
        ParametricSurvival.Fit f = ParametricSurvival.fit(family, d);
        String at = family + " " + java.util.Arrays.toString(new double[] {d.entry(0), d.entry(4), d.entry(7)});
        assertThat(f.converged()).as(at).isTrue();
        // the reported log-likelihood is the conditional one at the estimates ...
        assertThat(f.logLik()).as(at).isCloseTo(conditionalLogLik(family, d, f.mu(), f.sigma()), within(1e-10));
        // ... and no point found by a search without derivatives does better
        PointValuePair best = maximise(family, d, f.mu() + 0.3, Math.log(f.sigma()) - 0.2);
        assertThat(f.logLik()).as(at).isGreaterThanOrEqualTo(best.getValue() - 1e-10);
        assertThat(f.mu()).as(at).isCloseTo(best.getPoint()[0], within(1e-5));
        if (family != ParametricSurvival.Family.EXPONENTIAL) {
          assertThat(Math.log(f.sigma())).as(at).isCloseTo(best.getPoint()[1], within(1e-5));
        }
      }
    }
  }

  @Test
  void truncationMattersAndEntriesAtZeroChangeNothing() {
    SurvivalData plain = SurvivalData.of(TIME, EVENT);
    SurvivalData zero = data(0, 0, 0, 0, 0, 0, 0, 0);
    SurvivalData late = data(1, 2, 4, 6, 10, 12, 16, 18);
    for (ParametricSurvival.Family family : ParametricSurvival.Family.values()) {
      ParametricSurvival.Fit p = ParametricSurvival.fit(family, plain);
      assertThat(ParametricSurvival.fit(family, zero)).as("%s", family).isEqualTo(p);
      ParametricSurvival.Fit t = ParametricSurvival.fit(family, late);
      assertThat(t.mu()).as("%s", family).isNotCloseTo(p.mu(), within(0.1));
    }
    // the Weibull family holds the exponential: its conditional log-likelihood is at least as high
    assertThat(ParametricSurvival.fit(ParametricSurvival.Family.WEIBULL, late).logLik())
        .isGreaterThanOrEqualTo(ParametricSurvival.fit(ParametricSurvival.Family.EXPONENTIAL, late).logLik());
  }
}
