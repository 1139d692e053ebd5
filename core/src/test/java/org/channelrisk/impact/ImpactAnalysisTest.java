package org.channelrisk.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.channelrisk.testing.Coverage;
import org.channelrisk.testing.Gen;
import org.channelrisk.testing.PropertyCheck;
import org.junit.jupiter.api.Test;

class ImpactAnalysisTest {
  static double[] range(int from, int n) {
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = from + i;
    }
    return t;
  }

  static double[] series(double[] t, double t0, double b0, double b1, double b2, double b3, double noise, long seed) {
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    double[] y = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      double d = t[i] >= t0 ? 1 : 0;
      y[i] = b0 + b1 * t[i] + b2 * d + b3 * (t[i] - t0) * d + noise * rng.nextGaussian();
    }
    return y;
  }

  @Test
  void noiseFreeSeriesGivesItsCoefficientsAndEffectsExactly() {
    double[] t = range(0, 40);
    double[] y = series(t, 20, 10, 2, -5, -0.5, 0, 1);
    ImpactResult r = ImpactAnalysis.builder().intervention(20).build().analyse(t, y);
    assertThat(r.coefficient("intercept").orElseThrow().estimate()).isCloseTo(10, within(1e-10));
    assertThat(r.coefficient("time").orElseThrow().estimate()).isCloseTo(2, within(1e-12));
    assertThat(r.coefficient("level_change").orElseThrow().estimate()).isCloseTo(-5, within(1e-10));
    assertThat(r.coefficient("slope_change").orElseThrow().estimate()).isCloseTo(-0.5, within(1e-12));
    double[] e = r.effect();
    for (int i = 20; i < 40; i++) {
      assertThat(e[i]).isCloseTo(-5 - 0.5 * (i - 20), within(1e-9));
    }
    // sum over the post-period of -5 - 0.5 s, s = 0..19
    assertThat(r.cumulativeEffect().value()).isCloseTo(-100 - 0.5 * 190, within(1e-8));
    assertThat(r.averageEffect().value()).isCloseTo((-100 - 95) / 20.0, within(1e-9));
    assertThat(r.nPre()).isEqualTo(20);
    assertThat(r.nPost()).isEqualTo(20);
    assertThat(r.cumulative()[19]).isNaN();
  }

  @Test
  void theSlopeChangeCountsFromTheInterventionSoShiftingTheClockMovesOnlyTheIntercept() {
    double[] t = range(0, 60);
    double[] y = series(t, 30, 100, 0.5, -20, -1, 3, 7);
    double[] shifted = t.clone();
    for (int i = 0; i < t.length; i++) {
      shifted[i] += 1000;
    }
    ImpactResult a = ImpactAnalysis.builder().intervention(30).build().analyse(t, y);
    ImpactResult b = ImpactAnalysis.builder().intervention(1030).build().analyse(shifted, y);
    for (String name : new String[] {"time", "level_change", "slope_change"}) {
      assertThat(b.coefficient(name).orElseThrow().estimate()).as(name)
          .isCloseTo(a.coefficient(name).orElseThrow().estimate(), within(1e-8));
      assertThat(b.coefficient(name).orElseThrow().stdError()).as(name)
          .isCloseTo(a.coefficient(name).orElseThrow().stdError(), within(1e-8));
    }
    // the level change is the jump at T itself, close to the true -20 (not an extrapolation to t = 0)
    assertThat(a.coefficient("level_change").orElseThrow().estimate()).isBetween(-25.0, -15.0);
    assertThat(b.coefficient("intercept").orElseThrow().estimate())
        .isCloseTo(a.coefficient("intercept").orElseThrow().estimate() - 1000 * a.coefficient("time").orElseThrow().estimate(),
            within(1e-6));
  }

  @Test
  void segmentedCumulativeEffectIsTheSumOfTheInterventionTerms() {
    double[] t = range(1, 80);
    double[] y = series(t, 41, 50, 0.1, -8, -0.2, 2, 3);
    ImpactResult r = ImpactAnalysis.builder().intervention(41).neweyWest(3).build().analyse(t, y);
    double b2 = r.coefficient("level_change").orElseThrow().estimate();
    double b3 = r.coefficient("slope_change").orElseThrow().estimate();
    double sum = 0;
    for (double ti : t) {
      if (ti >= 41) {
        sum += b2 + b3 * (ti - 41);
      }
    }
    // least squares with the D column: the post-period residuals sum to zero
    assertThat(r.cumulativeEffect().value()).isCloseTo(sum, within(1e-9 * Math.abs(sum)));
    assertThat(r.cumulativeEffect().lower()).isLessThan(r.cumulativeEffect().value());
    assertThat(r.cumulativeEffect().upper()).isGreaterThan(r.cumulativeEffect().value());
    assertThat(r.relativeEffect().lower()).isLessThan(r.relativeEffect().value()).isGreaterThan(-1);
  }

  @Test
  void poissonRecoversARateDropWithAnExposure() {
    double[] t = range(0, 200);
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(11);
    double[] exposure = new double[t.length];
    double[] y = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      exposure[i] = 50 + rng.nextInt(100);
      double mu = exposure[i] * Math.exp(-1 + (t[i] >= 100 ? -0.7 : 0));
      y[i] = poisson(rng, mu);
    }
    ImpactResult r = ImpactAnalysis.builder().intervention(100).exposure(exposure).build().analyse(t, y);
    assertThat(r.converged()).isTrue();
    Coefficient lc = r.coefficient("level_change").orElseThrow();
    assertThat(lc.lower()).isLessThan(-0.7);
    assertThat(lc.upper()).isGreaterThan(-0.7);
    assertThat(r.dispersion()).isBetween(0.7, 1.4);
    assertThat(r.loglik()).isNaN();
    // the counterfactual extrapolates the fitted pre-period trend (time and slope_change are estimated), so
    // the relative effect is a noisier measure than the rate drop itself
    assertThat(r.relativeEffect().value()).isCloseTo(Math.exp(-0.7) - 1, within(0.1));
    assertThat(r.relativeEffect().lower()).isLessThan(r.relativeEffect().value());
  }

  @Test
  void countsThatStopEntirelyAreSaidToHaveNoFiniteLevelChange() {
    double[] t = range(0, 40);
    double[] y = new double[40];
    for (int i = 0; i < 20; i++) {
      y[i] = 5 + i % 3;
    }
    ImpactResult r = ImpactAnalysis.builder().intervention(20).poisson().build().analyse(t, y);
    assertThat(r.message()).contains("numerically 0")
        .containsPattern("IRLS iterations \\(relative deviance change < 1e-12\\); deviance -?[0-9.e+-]{1,12};");
    assertThat(r.relativeEffect().value()).isEqualTo(-1.0);
    assertThat(r.cumulativeEffect().value()).isNegative();
  }

  static double poisson(RandomGenerator rng, double mu) {
    double l = Math.exp(-mu);
    int k = 0;
    double p = 1;
    if (mu > 30) {
      return Math.max(0, Math.round(mu + Math.sqrt(mu) * rng.nextGaussian()));
    }
    do {
      k++;
      p *= rng.nextDouble();
    } while (p > l);
    return k - 1;
  }

  @Test
  void skippedMissingValuesEqualTheFitWithoutTheirRows() {
    double[] t = range(0, 50);
    double[] y = series(t, 25, 10, 1, 5, 0.3, 1, 5);
    double[] gap = y.clone();
    gap[10] = Double.NaN;
    gap[30] = Double.NaN;
    ImpactResult withGap = ImpactAnalysis.builder().intervention(25).neweyWest(2).skipMissing().build().analyse(t, gap);
    double[] t2 = java.util.stream.IntStream.range(0, 50).filter(i -> i != 10 && i != 30).mapToDouble(i -> t[i]).toArray();
    double[] y2 = java.util.stream.IntStream.range(0, 50).filter(i -> i != 10 && i != 30).mapToDouble(i -> y[i]).toArray();
    ImpactResult without = ImpactAnalysis.builder().intervention(25).neweyWest(2).build().analyse(t2, y2);
    assertThat(withGap.coefficients()).isEqualTo(without.coefficients());
    assertThat(withGap.effect()[30]).isNaN();
    assertThat(withGap.counterfactual()[30]).isFinite();
    assertThat(withGap.cumulativeEffect().value()).isCloseTo(without.cumulativeEffect().value(), within(1e-9));
    assertThat(withGap.nPost()).isEqualTo(24);
    // the Kalman models take the gap as a gap
    ImpactResult arma = ImpactAnalysis.builder().intervention(25).arima(1, 0).skipMissing().build().analyse(t, gap);
    assertThat(arma.loglik()).isFinite();
    ImpactResult level = ImpactAnalysis.builder().intervention(25).structural(Trend.LEVEL).skipMissing().build().analyse(t, gap);
    assertThat(level.counterfactual()[30]).isFinite();
    assertThat(level.effect()[30]).isNaN();
  }

  @Test
  void badDataIsRefusedWithAMessageThatSaysWhat() {
    double[] t = range(0, 10);
    double[] y = series(t, 5, 1, 1, 1, 1, 1, 1);
    ImpactAnalysis a = ImpactAnalysis.builder().intervention(8).build();
    assertThatThrownBy(() -> a.analyse(t, y)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 3").hasMessageContaining("found 8 before and 2 from it");
    double[] dup = t.clone();
    dup[4] = dup[3];
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(5).build().analyse(dup, y))
        .hasMessageContaining("strictly increase");
    double[] missing = y.clone();
    missing[2] = Double.NaN;
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(5).build().analyse(t, missing))
        .hasMessageContaining("value 2 is missing");
    double[] negative = y.clone();
    negative[0] = -1;
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(5).poisson().build().analyse(t, negative))
        .hasMessageContaining("counts >= 0");
    double[] constant = new double[10];
    Arrays.fill(constant, 3);
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(5).control("flat", constant).build().analyse(t, y))
        .hasMessageContaining("singular").hasMessageContaining("'flat'");
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(5).poisson().arima(1, 0))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(5).control("time", constant))
        .hasMessageContaining("taken");
    assertThatThrownBy(() -> ImpactAnalysis.builder().build()).hasMessageContaining("intervention time is required");
  }

  @Test
  void resultsAreImmutableAndPrintable() {
    double[] t = range(0, 30);
    double[] y = series(t, 15, 1, 1, 1, 1, 1, 1);
    ImpactResult r = ImpactAnalysis.builder().intervention(15).build().analyse(t, y);
    double[] cf = r.counterfactual();
    cf[0] = 1e9;
    assertThat(r.counterfactual()[0]).isNotEqualTo(1e9);
    double before = r.coefficients().get(0).estimate();
    y[0] = 1e9;
    assertThat(r.coefficients().get(0).estimate()).isEqualTo(before);
    assertThat(r.toString()).contains("segmented", "level_change", "cumulative", "relative");
  }

  /** Unconstrained partial autocorrelations, one to five, as the ARMA fit searches over them. */
  record Pacf(List<Double> u) {
    double[] values() {
      return u.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }

  @Test
  void pacfTransformRoundTripsAndGivesStationaryPolynomials() {
    Coverage cov = new Coverage();
    PropertyCheck.forAll("pacf round trip", 300,
        rng -> {
          // one, then up to four more while Gen.list goes on, so that a failure shrinks by deleting them
          List<Double> u = new ArrayList<>(List.of(Gen.doubleIn(rng, -2, 2)));
          u.addAll(Gen.list(rng, 4, r -> Gen.doubleIn(r, -2, 2)));
          return new Pacf(List.copyOf(u));
        },
        x -> {
          double[] u = x.values();
          cov.count("five", u.length == 5);
          double[] phi = ArmaRegression.pacfToAr(u, 0, u.length);
          assertThat(ArmaRegression.stationary(phi)).isTrue();
          double[] back = ArmaRegression.arToPacf(phi);
          for (int i = 0; i < u.length; i++) {
            assertThat(back[i]).isCloseTo(u[i], within(1e-8));
          }
        });
    cov.requireAtLeast("five", 20);
  }

  @Test
  void aSecondCallToASetterFailsNamingTheValueItHas() {
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(5).intervention(6)).isInstanceOf(IllegalStateException.class)
        .hasMessage("intervention time was already set to 5.0");
    assertThatThrownBy(() -> ImpactAnalysis.builder().neweyWest(2).neweyWest(3)).hasMessage("Newey-West lag was already set to 2");
    assertThatThrownBy(() -> ImpactAnalysis.builder().neweyWestAuto().neweyWest(3)).hasMessage("Newey-West lag was already set to auto");
    assertThatThrownBy(() -> ImpactAnalysis.builder().arima(1, 0).arima(1, 1)).hasMessage("ARMA order was already set to (1, 0)");
    assertThatThrownBy(() -> ImpactAnalysis.builder().structural(Trend.LEVEL).structural(Trend.LINEAR))
        .hasMessage("trend was already set to LEVEL");
    assertThatThrownBy(() -> ImpactAnalysis.builder().exposure(new double[] {1, 2}).exposure(new double[] {1, 3}))
        .hasMessage("exposure was already set to 2 values");
    assertThatThrownBy(() -> ImpactAnalysis.builder().harmonics(7, 2).harmonics(7, 3))
        .hasMessage("harmonics was already set to 2 harmonic(s) of period 7.0");
    assertThatThrownBy(() -> ImpactAnalysis.builder().level(0.9).level(0.95)).hasMessage("level was already set to 0.9");
    assertThatThrownBy(() -> ImpactAnalysis.builder().epsilon(1e-8).epsilon(1e-10)).hasMessage("epsilon was already set to 1.0E-8");
    // naming the same model again, and a flag asked for twice, are not mistakes
    assertThat(ImpactAnalysis.builder().intervention(5).poisson().exposure(new double[] {1}).skipMissing().skipMissing().build())
        .isNotNull();
  }

  @Test
  void aRefusedCallLeavesTheBuilderAsItWas() {
    double[] t = range(0, 40);
    double[] y = series(t, 20, 10, 0.5, -3, -0.1, 1, 5);
    ImpactAnalysis.Builder b = ImpactAnalysis.builder().intervention(20);
    assertThatThrownBy(() -> b.structural(null)).isInstanceOf(NullPointerException.class).hasMessage("trend must not be null");
    assertThatThrownBy(() -> b.exposure(null)).isInstanceOf(NullPointerException.class).hasMessage("exposure must not be null");
    assertThatThrownBy(() -> b.control("x", null)).isInstanceOf(NullPointerException.class)
        .hasMessage("control 'x' values must not be null");
    assertThatThrownBy(() -> b.neweyWest(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.arima(11, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(b.build().analyse(t, y).model()).isEqualTo(ImpactModel.SEGMENTED);
    // a second setting refused after the model was named: the model and the first setting stay
    ImpactAnalysis.Builder s = ImpactAnalysis.builder().intervention(20).structural(Trend.LEVEL);
    assertThatThrownBy(() -> s.arima(1, 0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> s.structural(Trend.LINEAR)).isInstanceOf(IllegalStateException.class);
    assertThat(s.build().analyse(t, y).variant()).startsWith("local level");
    // and the builder still takes what it was not refused
    assertThat(b.exposure(new double[40]).build().toString()).contains("poisson");
  }

  @Test
  void nullArgumentsAreRefusedNamingTheArgument() {
    double[] t = range(0, 10);
    double[] y = series(t, 5, 1, 1, 1, 1, 1, 1);
    ImpactAnalysis a = ImpactAnalysis.builder().intervention(5).build();
    assertThatThrownBy(() -> a.analyse(null, y)).isInstanceOf(NullPointerException.class).hasMessage("t must not be null");
    assertThatThrownBy(() -> a.analyse(t, null)).isInstanceOf(NullPointerException.class).hasMessage("y must not be null");
    assertThatThrownBy(() -> ImpactAnalysis.builder().control(null, y)).isInstanceOf(NullPointerException.class)
        .hasMessage("control name must not be null");
    assertThatThrownBy(() -> a.analyse(t, y).coefficient(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("name must not be null");
  }

  @Test
  void harmonicsAreBoundedWithoutOverflowAndByTheObservations() {
    // 2 k overflowed to a negative number and passed 2 k <= P; the design then exhausted the memory
    assertThatThrownBy(() -> ImpactAnalysis.builder().harmonics(10, 1_500_000_000)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("harmonics must be in [1, P / 2]: 1500000000 for period 10.0");
    double[] t = range(0, 40);
    double[] y = series(t, 20, 10, 0.5, -3, -0.1, 1, 5);
    // a period long enough to allow the harmonics, but more coefficients than observations: refused
    // before a design of 3 * 10^9 columns is built
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(20).harmonics(4e9, 1_500_000_000).build().analyse(t, y))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the model has 3000000004 coefficients but only 40 observations");
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(20).structural(Trend.LINEAR).harmonics(4e9, 1_500_000_000).build()
        .analyse(t, y)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the structural model has 3000000002 states (level, slope and 3000000000 regressors) but the pre-period only 20 observations");
    // the same message as the fit's own refusal, which a modest number of harmonics reaches
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(20).harmonics(100, 18).build().analyse(t, y))
        .hasMessage("the model has 40 coefficients but only 40 observations");
  }

  @Test
  void anExactFitSaysSoAndShowsNoInfiniteLikelihood() {
    double[] t = range(0, 40);
    double[] three = new double[40];
    Arrays.fill(three, 3);
    double[] line = series(t, 20, 10, 2, -5, -0.5, 0, 1);
    for (double[] y : new double[][] {new double[40], three, line}) {
      for (ImpactAnalysis a : new ImpactAnalysis[] {ImpactAnalysis.builder().intervention(20).build(),
          ImpactAnalysis.builder().intervention(20).neweyWest(2).build()}) {
        ImpactResult r = a.analyse(t, y);
        assertThat(r.converged()).isTrue();
        assertThat(r.message()).startsWith("closed form (QR); exact fit").contains("not available");
        assertThat(r.loglik()).isNaN();
        assertThat(r.aic()).isNaN();
        assertThat(r.sigma2()).isFinite();
        assertThat(r.coefficient("level_change").orElseThrow().estimate()).isCloseTo(y == line ? -5 : 0, within(1e-9));
        assertThat(r.toString()).contains("exact fit").doesNotContain("Infinity");
      }
    }
    // a noisy series keeps its likelihood (R's value; see ImpactAgainstRTest)
    ImpactResult noisy = ImpactAnalysis.builder().intervention(20).build().analyse(t, series(t, 20, 10, 2, -5, -0.5, 1, 1));
    assertThat(noisy.loglik()).isFinite();
    assertThat(noisy.message()).isEqualTo("closed form (QR)");
  }

  @Test
  void segmentedRefusesASeriesTooLargeToSquare() {
    double[] t = range(0, 40);
    double[] huge = series(t, 20, 10, 0.5, -3, -0.1, 1, 5);
    for (int i = 0; i < huge.length; i++) {
      huge[i] *= 1e300;
    }
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(20).build().analyse(t, huge)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too large for least squares").hasMessageContaining("rescale");
  }

  @Test
  void arimaRefusesASeriesWithoutErrorsOrTooLargeToSquare() {
    // before, the search met a likelihood of +infinity everywhere and Commons Math's
    // TooManyEvaluationsException reached the caller
    double[] t = range(0, 40);
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(20).arima(1, 0).build().analyse(t, new double[40]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fits the series exactly");
    double[] line = series(t, 20, 10, 2, -5, -0.5, 0, 1);
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(20).arima(0, 1).build().analyse(t, line))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fits the series exactly");
    double[] huge = series(t, 20, 10, 0.5, -3, -0.1, 1, 5);
    for (int i = 0; i < huge.length; i++) {
      huge[i] *= 1e300;
    }
    assertThatThrownBy(() -> ImpactAnalysis.builder().intervention(20).arima(1, 0).build().analyse(t, huge))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large for least squares").hasMessageContaining("rescale");
  }

  @Test
  void resultsAreValuesEqualByContent() {
    double[] t = range(0, 40);
    double[] y = series(t, 20, 10, 0.5, -3, -0.1, 1, 5);
    y[3] = Double.NaN; // NaN in the arrays and the effects: equal to itself, as in a record
    for (ImpactAnalysis a : new ImpactAnalysis[] {ImpactAnalysis.builder().intervention(20).skipMissing().build(),
        ImpactAnalysis.builder().intervention(20).skipMissing().structural(Trend.LEVEL).build()}) {
      ImpactResult r1 = a.analyse(t, y);
      ImpactResult r2 = a.analyse(t.clone(), y.clone());
      assertThat(r1).isEqualTo(r2).isNotSameAs(r2);
      assertThat(r1.hashCode()).isEqualTo(r2.hashCode());
    }
    ImpactResult r = ImpactAnalysis.builder().intervention(20).skipMissing().build().analyse(t, y);
    double[] other = y.clone();
    other[39] += 1e-9;
    assertThat(r).isNotEqualTo(ImpactAnalysis.builder().intervention(20).skipMissing().build().analyse(t, other));
    assertThat(r).isNotEqualTo(ImpactAnalysis.builder().intervention(20).skipMissing().level(0.9).build().analyse(t, y));
    assertThat(r).isNotEqualTo(null).isNotEqualTo("r");
  }
}
