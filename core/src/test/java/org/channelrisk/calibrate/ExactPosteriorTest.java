package org.channelrisk.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.channelrisk.sim.Observed;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Compliance with a Beta(2, 2) prior, observed through x = 14 of n = 20 referrals complied with: the
 * posterior is exactly Beta(2 + 14, 2 + 6). The ABC-SMC run goes down to tolerance 0 (exact matches of
 * the count), where its weighted population targets that posterior exactly.
 */
@Tag("slow")
class ExactPosteriorTest {
  static final int N = 20;
  static final int X = 14;

  static AbcSmc.Builder calibration() {
    return calibration(1000);
  }

  static AbcSmc.Builder calibration(int particles) {
    return AbcSmc.builder(theta -> Scenarios.referrals(N, theta[0], 0, 2))
        .parameter("compliance", Prior.beta(2, 2))
        .target(new Target(new Statistic.Value(Observed.REFERRALS_COMPLIED, 2), X, 1))
        .particles(particles).budget(200_000);
  }

  /** Weighted Kolmogorov-Smirnov distance between the population and a distribution function. */
  static double ksDistance(double[] x, double[] w, BetaDistribution exact) {
    Integer[] order = new Integer[x.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
    double c = 0;
    double d = 0;
    for (Integer i : order) {
      double f = exact.cumulativeProbability(x[i]);
      d = Math.max(d, Math.abs(c - f));
      c += w[i];
      d = Math.max(d, Math.abs(c - f));
    }
    return d;
  }

  @Test
  void betaBinomialPosteriorIsExact() {
    CalibrationResult r = calibration().build().run(2019, 2);
    Population p = r.population();
    assertThat(r.stopReason()).isEqualTo(StopReason.TOLERANCE_REACHED);
    assertThat(p.generation().epsilon()).isZero();
    BetaDistribution exact = new BetaDistribution(null, 2 + X, 2 + N - X);
    double[] x = p.column(0);
    double[] w = p.weights();
    double d = ksDistance(x, w, exact);
    int ess = (int) Math.floor(p.ess());
    double pValue = 1 - new KolmogorovSmirnovTest().cdf(d, ess);
    double mean = p.summary("compliance", 0.9).mean();
    System.out.printf("exact posterior: KS D = %.4f with ESS %d (p = %.3f), mean %.4f vs %.4f, %s%n", d, ess, pValue, mean,
        exact.getNumericalMean(), r);
    assertThat(ess).isGreaterThan(300);
    assertThat(pValue).isGreaterThan(0.01);
    assertThat(Math.abs(mean - exact.getNumericalMean())).isLessThan(0.01);
    // every particle of the last generation matches the observation exactly
    for (int i = 0; i < p.size(); i++) {
      assertThat(p.statistics(i)[0]).isEqualTo((double) X);
    }
  }

  @Test
  void sameResultOnOneAndTwoThreadsAndWhenResumed() throws Exception {
    AbcSmc abc = calibration(200).build();
    CalibrationResult one = abc.run(7, 1);
    CalibrationResult two = abc.run(7, 2);
    assertSamePopulation(one.population(), two.population());
    assertThat(one.stopReason()).isEqualTo(two.stopReason());

    // stop after generation 2, write, read back, resume: the same as the uninterrupted run
    List<String> written = new ArrayList<>();
    abc.run(7, Evaluator.local(2), new AbcSmc.Listener() {
      @Override
      public void generation(Population population) {
        if (population.generation().index() == 2) {
          StringWriter w = new StringWriter();
          try {
            population.write(w, 7, abc.fingerprint());
          } catch (java.io.IOException e) {
            throw new AssertionError(e);
          }
          written.add(w.toString());
        }
      }
    });
    assertThat(written).hasSize(1);
    Population at2 = Population.read(new StringReader(written.get(0)), "population.csv", 7, abc.fingerprint());
    CalibrationResult resumed = abc.resume(at2, 7, Evaluator.local(1), AbcSmc.Listener.NONE);
    assertSamePopulation(resumed.population(), one.population());
  }

  static void assertSamePopulation(Population a, Population b) {
    assertThat(a.size()).isEqualTo(b.size());
    assertThat(a.history()).isEqualTo(b.history());
    assertThat(a.weights()).isEqualTo(b.weights());
    assertThat(a.distances()).isEqualTo(b.distances());
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.values(i)).isEqualTo(b.values(i));
    }
  }
}
