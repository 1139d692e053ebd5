package org.channelrisk.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.channelrisk.sim.Observed;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari and Gelman 2018, "Validating
 * Bayesian inference algorithms with simulation-based calibration", arXiv:1804.06788): draw true
 * values from the prior, simulate an observation, calibrate, and rank each true value among L = 99
 * posterior draws. If the calibration's posterior is right, every rank in 0..99 is equally likely
 * (chi-square over 10 bins), and 90% intervals hold the truth 90% of the time.
 *
 * <p>The model has two parameters: compliance (Beta(2, 2)) seen through the referrals complied with
 * out of 20, and the re-creation probability (uniform) seen through the channels re-created; the run
 * goes down to tolerance 0, where ABC-SMC targets the exact posterior. CI profile: 100 data sets of
 * 100 particles (about a minute of CPU); {@code -Dchannelrisk.sbc.full=true}: 500 data sets of 500
 * particles.
 */
@Tag("slow")
class SimulationBasedCalibrationTest {
  static final boolean FULL = Boolean.getBoolean("channelrisk.sbc.full");
  static final int DATA_SETS = FULL ? 500 : 100;
  static final int PARTICLES = FULL ? 500 : 100;
  static final int DRAWS = 99;
  static final int N = 20;

  record Outcome(int[] ranks, boolean[] covered, long simulations) {}

  static AbcSmc calibration(double complied, double recreated) {
    return AbcSmc.builder(theta -> Scenarios.referrals(N, theta[0], theta[1], 2))
        .parameter("compliance", Prior.beta(2, 2))
        .parameter("recreation", Prior.uniform(0, 1))
        .target(new Target(new Statistic.Value(Observed.REFERRALS_COMPLIED, 2), complied, 1))
        .target(new Target(new Statistic.Value(Observed.RECREATIONS, 2), recreated, 1))
        .particles(PARTICLES).budget(200_000).minAcceptance(0).build();
  }

  static Outcome one(int dataSet) {
    RandomGenerator rng = AbcSmc.particleRandom(1804, -1, dataSet);
    double[] truth = {Prior.beta(2, 2).sample(rng), Prior.uniform(0, 1).sample(rng)};
    AbcSmc probe = calibration(0, 0);
    double[] observed = probe.simulator().statistics(truth, rng.nextLong());
    CalibrationResult r = calibration(observed[0], observed[1]).run(dataSet, Evaluator.local(1), AbcSmc.Listener.NONE);
    assertThat(r.stopReason()).as("data set %s: %s", dataSet, r).isEqualTo(StopReason.TOLERANCE_REACHED);
    Population p = r.population();
    int[] draws = p.draw(DRAWS, rng);
    int[] ranks = new int[2];
    boolean[] covered = new boolean[2];
    for (int k = 0; k < 2; k++) {
      int below = 0;
      int ties = 0;
      for (int d : draws) {
        double v = p.values(d)[k];
        below += v < truth[k] ? 1 : 0;
        ties += v == truth[k] ? 1 : 0;
      }
      ranks[k] = below + (ties > 0 ? rng.nextInt(ties + 1) : 0);
      ParameterSummary s = p.summary(p.names().get(k), 0.9);
      covered[k] = s.lower() <= truth[k] && truth[k] <= s.upper();
    }
    return new Outcome(ranks, covered, p.generation().totalSimulations());
  }

  @Test
  void ranksAreUniformAndIntervalsCover() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Outcome> outcomes = new ArrayList<>();
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int s = 0; s < DATA_SETS; s++) {
        int ds = s;
        futures.add(pool.submit(() -> one(ds)));
      }
      for (Future<Outcome> f : futures) {
        outcomes.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    String[] names = {"compliance", "recreation"};
    for (int k = 0; k < 2; k++) {
      long[] bins = new long[10];
      int covered = 0;
      for (Outcome o : outcomes) {
        bins[o.ranks()[k] * 10 / (DRAWS + 1)]++;
        covered += o.covered()[k] ? 1 : 0;
      }
      double expected = DATA_SETS / 10.0;
      double chi2 = Arrays.stream(bins).mapToDouble(b -> (b - expected) * (b - expected) / expected).sum();
      double p = 1 - new ChiSquaredDistribution(null, 9).cumulativeProbability(chi2);
      double coverage = covered / (double) DATA_SETS;
      System.out.printf("SBC %s: %d data sets, rank bins %s, chi-square %.2f (9 df), p = %.3f; 90%% intervals cover %.1f%%%n", names[k],
          DATA_SETS, Arrays.toString(bins), chi2, p, 100 * coverage);
      assertThat(p).as("%s ranks uniform", names[k]).isGreaterThan(0.01);
      assertThat(coverage).as("%s coverage", names[k]).isBetween(0.82, 0.97);
    }
    System.out.printf("SBC: %.0f simulations per data set on average%n", outcomes.stream().mapToLong(Outcome::simulations).average().orElse(0));
  }
}
