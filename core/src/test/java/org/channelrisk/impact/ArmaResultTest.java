package org.channelrisk.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * What the ARMA model hands to the result, checked against its own documented definitions: the
 * coefficient order (intervention terms, ar, ma, then the other regressors), normal Wald limits, AIC
 * with p + q + k + 1 parameters, and a counterfactual that is the regression mean with D = 0.
 */
class ArmaResultTest {
  @Test
  void orderLimitsAicAndCounterfactual() {
    int n = 60;
    double[] t = ImpactAnalysisTest.range(0, n);
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(12);
    double[] x = new double[n];
    double[] y = new double[n];
    double u = 0;
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextGaussian();
      u = 0.5 * u + rng.nextGaussian();
      y[i] = 5 + 0.1 * t[i] + (t[i] >= 30 ? -4 : 0) + 1.5 * x[i] + u;
    }
    double[] gap = y.clone();
    gap[10] = Double.NaN;
    ImpactResult r = ImpactAnalysis.builder().intervention(30).arima(1, 1).control("x", x).skipMissing().level(0.9).build().analyse(t, gap);
    assertThat(r.coefficients()).extracting(Coefficient::name)
        .containsExactly("intercept", "time", "level_change", "slope_change", "ar1", "ma1", "x");
    double z = org.channelrisk.stats.CriticalValues.normal(0.9);
    for (Coefficient c : r.coefficients()) {
      assertThat(c.stdError()).isPositive();
      assertThat(c.lower()).isCloseTo(c.estimate() - z * c.stdError(), within(1e-12));
      assertThat(c.upper()).isCloseTo(c.estimate() + z * c.stdError(), within(1e-12));
    }
    assertThat(r.coefficient("x").orElseThrow().estimate()).isCloseTo(1.5, within(0.3));
    assertThat(r.coefficient("ar1").orElseThrow().estimate()).isBetween(-1.0, 1.0);
    assertThat(r.aic()).isCloseTo(-2 * r.loglik() + 2 * (1 + 1 + 5 + 1), within(1e-9));
    assertThat(r.sigma2()).isPositive();
    assertThat(r.converged()).isTrue();
    assertThat(r.variant()).isEqualTo("ARMA(1, 1) errors, exact maximum likelihood");
    assertThat(r.intervalMethod()).startsWith("inverse observed information (finite differences), normal, 90%");
    double b0 = r.coefficient("intercept").orElseThrow().estimate();
    double b1 = r.coefficient("time").orElseThrow().estimate();
    double bx = r.coefficient("x").orElseThrow().estimate();
    double[] cf = r.counterfactual();
    double sumY = 0;
    double sumCf = 0;
    for (int i = 0; i < n; i++) {
      assertThat(cf[i]).isCloseTo(b0 + b1 * t[i] + bx * x[i], within(1e-9));
      assertThat(r.counterfactualLower()[i]).isLessThan(cf[i]);
      assertThat(r.counterfactualUpper()[i] - cf[i]).isCloseTo(cf[i] - r.counterfactualLower()[i], within(1e-9));
      if (i >= 30) {
        sumY += y[i];
        sumCf += cf[i];
      }
    }
    // the gap is before T: the cumulative effect sums every post row
    assertThat(r.cumulativeEffect().value()).isCloseTo(sumY - sumCf, within(1e-8));
    assertThat(r.effect()[10]).isNaN();
    assertThat(r.nPre()).isEqualTo(29);

    // no ARMA terms: generalised least squares is ordinary least squares, with the same coefficients
    ImpactResult gls = ImpactAnalysis.builder().intervention(30).arima(0, 0).build().analyse(t, y);
    ImpactResult ols = ImpactAnalysis.builder().intervention(30).build().analyse(t, y);
    for (String name : new String[] {"intercept", "time", "level_change", "slope_change"}) {
      assertThat(gls.coefficient(name).orElseThrow().estimate()).isCloseTo(ols.coefficient(name).orElseThrow().estimate(), within(1e-9));
    }
    // sigma^2 = RSS / n (maximum likelihood), against RSS / (n - k)
    assertThat(gls.sigma2()).isCloseTo(ols.sigma2() * (n - 4) / n, within(1e-9));
    assertThat(gls.loglik()).isCloseTo(ols.loglik(), within(1e-8));
    assertThat(gls.message()).startsWith("no ARMA parameters: generalised least squares");
  }
}
