package org.channelrisk.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Scenario;
import org.junit.jupiter.api.Test;

/**
 * One ABC-SMC generation worked out by hand on a few particles: the adaptive tolerance (Del Moral et
 * al.'s weighted quantile of the previous distances), the optimal local covariance of Filippi et al.
 * (2013) around each particle, and the importance weight prior / sum_j w_j K_j of every accepted
 * proposal. The simulator is replaced by an evaluator whose statistics are the parameter values
 * themselves, so the distances are known in closed form and nothing is simulated.
 */
class AbcSmcTest {
  /** Statistics = values: particle i's distance to observations (5, 5) is its Euclidean distance to (5, 5). */
  static final Evaluator IDENTITY = (sim, values, seeds) -> values.stream().map(double[]::clone).toArray(double[][]::new);

  static final ScenarioMapping NOT_SIMULATED = theta -> {
    throw new AssertionError("the identity evaluator simulates nothing");
  };

  static Target target(double observed, double scale) {
    return new Target(new Statistic.Value(Observed.ACTIVE_CHANNELS, 1), observed, scale);
  }

  static Population population(List<String> names, double[][] values, double[] weights, double[] distances) {
    double[][] stats = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      stats[i] = values[i].clone();
    }
    return new Population(names, values, weights, distances, stats,
        List.of(new Generation(0, Double.POSITIVE_INFINITY, values.length, values.length, 1, values.length)));
  }

  /** N(x; m, S) in two dimensions from the explicit inverse and determinant of S. */
  static double normal2(double[] x, double[] m, double[][] s) {
    double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
    double dx = x[0] - m[0];
    double dy = x[1] - m[1];
    double q = (s[1][1] * dx * dx - 2 * s[0][1] * dx * dy + s[0][0] * dy * dy) / det;
    return Math.exp(-0.5 * q) / (2 * Math.PI * Math.sqrt(det));
  }

  static double normal1(double x, double m, double var) {
    return Math.exp(-0.5 * (x - m) * (x - m) / var) / Math.sqrt(2 * Math.PI * var);
  }

  static double[] normalized(double[] w) {
    double s = Arrays.stream(w).sum();
    return Arrays.stream(w).map(x -> x / s).toArray();
  }

  @Test
  void oneGenerationWithTheOptimalLocalCovarianceByHand() {
    // four particles around the observation (5, 5), weights 0.4, 0.3, 0.2, 0.1
    double[][] x = {{5, 5.5}, {4, 5}, {6, 6.5}, {8, 9}};
    double[] w = {0.4, 0.3, 0.2, 0.1};
    double[] d = {0.5, 1, Math.sqrt(3.25), 5};
    // ESS = 1 / (0.16 + 0.09 + 0.04 + 0.01) = 10/3; alpha 0.8: target 8/3. Cumulating by distance:
    // s = 0.4 (ESS 1), 0.7 (0.49 / 0.25 = 1.96), 0.9 (0.81 / 0.29 = 2.79 >= 2.67): eps = sqrt(3.25)
    AbcSmc abc = AbcSmc.builder(NOT_SIMULATED).parameter("x", Prior.uniform(0, 10)).parameter("y", Prior.uniform(0, 10))
        .target(target(5, 1)).target(target(5, 1)).particles(4).essReduction(0.8).minAcceptance(0).maxGenerations(2).build();
    List<String> names = List.of("x", "y");
    CalibrationResult r = abc.resume(population(names, x, w, d), 11, IDENTITY, AbcSmc.Listener.NONE);
    assertThat(r.stopReason()).isEqualTo(StopReason.MAX_GENERATIONS);
    Population p = r.population();
    Generation g = p.generation();
    assertThat(g.index()).isEqualTo(1);
    assertThat(g.epsilon()).isEqualTo(Math.sqrt(3.25));
    // Filippi et al.: S_j = sum_k wk (x_k - x_j)(x_k - x_j)' over the particles within eps (0, 1, 2),
    // their weights renormalized to 4/9, 3/9, 2/9
    double[] kept = {4 / 9.0, 3 / 9.0, 2 / 9.0};
    double[][][] s = new double[4][2][2];
    for (int j = 0; j < 4; j++) {
      for (int k = 0; k < 3; k++) {
        for (int a = 0; a < 2; a++) {
          for (int b = 0; b < 2; b++) {
            s[j][a][b] += kept[k] * (x[k][a] - x[j][a]) * (x[k][b] - x[j][b]);
          }
        }
      }
    }
    // e.g. around particle 0: (1/3) (-1, -0.5)(-1, -0.5)' + (2/9) (1, 1)(1, 1)' = [[5/9, 7/18], [7/18, 11/36]]
    assertThat(s[0][0][0]).isCloseTo(5 / 9.0, within(1e-15));
    assertThat(s[0][0][1]).isCloseTo(1 / 6.0 + 2 / 9.0, within(1e-15));
    double[] expected = new double[4];
    for (int i = 0; i < 4; i++) {
      double[] v = p.values(i);
      assertThat(v[0]).isBetween(0.0, 10.0);
      assertThat(v[1]).isBetween(0.0, 10.0);
      double dist = Math.hypot(v[0] - 5, v[1] - 5);
      assertThat(p.distances()[i]).isCloseTo(dist, within(1e-12)).isLessThanOrEqualTo(Math.sqrt(3.25));
      assertThat(p.statistics(i)).containsExactly(v);
      double k = 0;
      for (int j = 0; j < 4; j++) {
        k += w[j] * normal2(v, x[j], s[j]);
      }
      expected[i] = 0.01 / k; // prior density 1/10 * 1/10
    }
    expected = normalized(expected);
    for (int i = 0; i < 4; i++) {
      assertThat(p.weights()[i]).isCloseTo(expected[i], within(1e-12));
    }
    double ess = 1 / Arrays.stream(expected).map(e -> e * e).sum();
    assertThat(g.ess()).isCloseTo(ess, within(1e-9));
    assertThat(p.ess()).isCloseTo(ess, within(1e-9));
    assertThat(g.acceptance() * g.simulations()).isCloseTo(4, within(1e-9));
    assertThat(g.totalSimulations()).isEqualTo(4 + g.simulations());
    assertThat(p.history()).hasSize(2);
    assertThat(p.history().get(0).index()).isZero();
  }

  @Test
  void twiceTheCovarianceIsOneKernelForAll() {
    // x = 4, 5.5, 8 with weights 0.5, 0.25, 0.25: mean 5.375, variance
    // 0.5 * 1.375^2 + 0.25 * 0.125^2 + 0.25 * 2.625^2 = 2.671875; the kernel variance is twice that.
    // A normal prior N(5, 2^2), so that the prior density enters each weight
    double[][] x = {{4}, {5.5}, {8}};
    double[] w = {0.5, 0.25, 0.25};
    double[] d = {1, 0.5, 3};
    AbcSmc abc = AbcSmc.builder(NOT_SIMULATED).parameter("x", Prior.normal(5, 2)).target(target(5, 1)).particles(3)
        .kernel(Kernel.TWICE_COVARIANCE).minAcceptance(0).maxGenerations(2).build();
    Population p = abc.resume(population(List.of("x"), x, w, d), 3, IDENTITY, AbcSmc.Listener.NONE).population();
    // ESS 1 / 0.375 = 8/3, target 4/3: s = 0.25 (ESS 1), 0.75 (0.5625 / 0.3125 = 1.8): eps = 1
    assertThat(p.generation().epsilon()).isEqualTo(1);
    double var = 2 * 2.671875;
    double[] expected = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = p.values(i)[0];
      assertThat(Math.abs(v - 5)).isLessThanOrEqualTo(1);
      double k = 0;
      for (int j = 0; j < 3; j++) {
        k += w[j] * normal1(v, x[j][0], var);
      }
      expected[i] = normal1(v, 5, 4) / k;
    }
    expected = normalized(expected);
    for (int i = 0; i < 3; i++) {
      assertThat(p.weights()[i]).isCloseTo(expected[i], within(1e-12));
    }
  }

  @Test
  void aPopulationOfOnePointGetsATinyRidge() {
    // three copies of x = 5: every covariance is 0; the global one gets the ridge
    // max(0, 1e-12) * 1e-6 = 1e-18 (standard deviation 1e-9), and every particle falls back to it
    double[][] x = {{5}, {5}, {5}};
    double[] w = {0.5, 0.25, 0.25};
    double[] d = {0, 0, 0};
    AbcSmc abc = AbcSmc.builder(NOT_SIMULATED).parameter("x", Prior.normal(5, 2)).target(target(5, 1)).particles(3).minAcceptance(0)
        .targetTolerance(0.5).build();
    // eps = max(0, 0.5): proposals 5 +- a few 1e-9 are all accepted
    Population p = abc.resume(population(List.of("x"), x, w, d), 3, IDENTITY, AbcSmc.Listener.NONE).population();
    double[] expected = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = p.values(i)[0];
      assertThat(v).isNotEqualTo(5.0).isCloseTo(5, within(1e-8));
      expected[i] = normal1(v, 5, 4) / normal1(v, 5, 1e-18);
    }
    expected = normalized(expected);
    for (int i = 0; i < 3; i++) {
      assertThat(p.weights()[i]).isCloseTo(expected[i], within(1e-9));
    }
  }

  @Test
  void logUniformPriorsMoveOnTheLogScale() {
    // x = 2, 20, 200 (z = log x), weights 0.4, 0.3, 0.3; target 10 with scale 10: distances 0.8, 1, 19.
    // ESS = 1 / 0.34, alpha 0.5: target 1.47; s = 0.4 (ESS 1), 0.7 (0.49 / 0.25 = 1.96): eps = 1, and
    // particles 0 and 1 (weights 4/7, 3/7) are within it. Kernels in z: S_j = sum_k w~_k (z_k - z_j)^2
    double[][] x = {{2}, {20}, {200}};
    double[] w = {0.4, 0.3, 0.3};
    double[] d = {0.8, 1, 19};
    AbcSmc abc = AbcSmc.builder(NOT_SIMULATED).parameter("rate", Prior.logUniform(1, 1000)).target(target(10, 10)).particles(3)
        .minAcceptance(0).maxGenerations(2).build();
    Population p = abc.resume(population(List.of("rate"), x, w, d), 5, IDENTITY, AbcSmc.Listener.NONE).population();
    assertThat(p.generation().epsilon()).isEqualTo(1);
    double[] z = {Math.log(2), Math.log(20), Math.log(200)};
    double[] kept = {4 / 7.0, 3 / 7.0};
    double[] var = new double[3];
    for (int j = 0; j < 3; j++) {
      for (int k = 0; k < 2; k++) {
        var[j] += kept[k] * (z[k] - z[j]) * (z[k] - z[j]);
      }
    }
    double[] expected = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = p.values(i)[0];
      assertThat(v).isBetween(1.0, 20.0);
      double k = 0;
      for (int j = 0; j < 3; j++) {
        k += w[j] * normal1(Math.log(v), z[j], var[j]);
      }
      expected[i] = (1 / Math.log(1000)) / k; // uniform in log x on [0, log 1000]
    }
    expected = normalized(expected);
    for (int i = 0; i < 3; i++) {
      assertThat(p.weights()[i]).isCloseTo(expected[i], within(1e-12));
    }
  }

  @Test
  void aLoneParticleWithinTheToleranceFallsBackToTwiceTheCovariance() {
    // x = 4, 6, 9, weights 0.8, 0.1, 0.1, observed 4: distances 0, 2, 5. ESS = 1 / 0.66, alpha 0.5:
    // target 0.76 <= 1, so eps is the smallest distance, 0... which is the target tolerance; take 0.5
    // instead: eps = max(0, 0.5). Only particle 0 is within it; its local covariance is 0 (exactly:
    // 0.8 * 4 / 0.8 = 4), so it uses twice the weighted covariance; the others (4 - x_j)^2
    double[][] x = {{4}, {6}, {9}};
    double[] w = {0.8, 0.1, 0.1};
    double[] d = {0, 2, 5};
    AbcSmc abc = AbcSmc.builder(NOT_SIMULATED).parameter("x", Prior.uniform(0, 10)).target(target(4, 1)).particles(3)
        .targetTolerance(0.5).minAcceptance(0).build();
    CalibrationResult r = abc.resume(population(List.of("x"), x, w, d), 5, IDENTITY, AbcSmc.Listener.NONE);
    assertThat(r.stopReason()).isEqualTo(StopReason.TOLERANCE_REACHED);
    Population p = r.population();
    assertThat(p.generation().epsilon()).isEqualTo(0.5);
    double mean = 0.8 * 4 + 0.1 * 6 + 0.1 * 9;
    double global = 2 * (0.8 * (4 - mean) * (4 - mean) + 0.1 * (6 - mean) * (6 - mean) + 0.1 * (9 - mean) * (9 - mean));
    double[] var = {global, 4, 25};
    double[] expected = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = p.values(i)[0];
      assertThat(v).isBetween(3.5, 4.5).isNotEqualTo(4.0);
      double k = 0;
      for (int j = 0; j < 3; j++) {
        k += w[j] * normal1(v, x[j][0], var[j]);
      }
      expected[i] = 0.1 / k;
    }
    expected = normalized(expected);
    for (int i = 0; i < 3; i++) {
      assertThat(p.weights()[i]).isCloseTo(expected[i], within(1e-12));
    }
  }

  /**
   * The same as above with a centre whose weighted mean is not exact in floating point (log 2): the
   * local covariance of the lone particle is then about 1e-32 instead of 0, the Cholesky test
   * (relative to the matrix's own diagonal) accepts it, and the particle's kernel has a width of about
   * 1e-16: its proposals are copies of it. {@link Kernel#OPTIMAL_LOCAL} documents the fallback to
   * twice the covariance for this case.
   */
  @Test
  void aLoneParticleFallsBackEvenWhenItsCovarianceIsRoundedAboveZero() {
    double[][] x = {{2}, {20}, {200}};
    double[] w = {0.8, 0.1, 0.1};
    double[] d = {0.8, 1, 19};
    AbcSmc abc = AbcSmc.builder(NOT_SIMULATED).parameter("rate", Prior.logUniform(1, 1000)).target(target(10, 10)).particles(3)
        .minAcceptance(0).maxGenerations(2).build();
    Population p = abc.resume(population(List.of("rate"), x, w, d), 5, IDENTITY, AbcSmc.Listener.NONE).population();
    // seed 5 draws all three proposals around particle 0; with the global kernel they are not all 2
    assertThat(p.values(0)[0] == 2 && p.values(1)[0] == 2 && p.values(2)[0] == 2).isFalse();
  }

  @Test
  void nextEpsilonIsTheWeightedQuantileOfTheDistances() {
    // equal weights 1, 1: ESS 2, alpha 0.5: target 1, met exactly by the first particle alone
    assertThat(AbcSmc.nextEpsilon(new double[] {1, 1}, new double[] {1, 2}, 0.5)).isEqualTo(1);
    assertThat(AbcSmc.nextEpsilon(new double[] {1, 1}, new double[] {2, 1}, 0.5)).isEqualTo(1);
    assertThat(AbcSmc.nextEpsilon(new double[] {1, 1}, new double[] {1, 2}, 0.6)).isEqualTo(2);
    // tied distances enter together: weights 1, 1, 10 at distance 1, 1 at distance 2. ESS of all
    // 169 / 103 = 1.64, alpha 0.95: target 1.56. The first two alone reach ESS 2, but with their tie
    // (weight 10) only 144 / 102 = 1.41: the tolerance must go on to 2 (ESS 1.64)
    assertThat(AbcSmc.nextEpsilon(new double[] {1, 1, 10, 1}, new double[] {1, 1, 1, 2}, 0.95)).isEqualTo(2);
    // infinite distances never count: the largest finite distance
    assertThat(AbcSmc.nextEpsilon(new double[] {1, 1, 1}, new double[] {3, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, 0.9))
        .isEqualTo(3);
    assertThat(AbcSmc.nextEpsilon(new double[] {1, 1}, new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, 0.5))
        .isEqualTo(Double.POSITIVE_INFINITY);
    // unnormalized weights give the same: 2, 6, 2 is 0.2, 0.6, 0.2 (ESS 1 / 0.44 = 2.27, alpha 0.5:
    // 1.14); by distance 0.6 (ESS 1), 0.8 (0.64 / 0.4 = 1.6): eps is the second smallest distance, 3
    assertThat(AbcSmc.nextEpsilon(new double[] {2, 2, 6}, new double[] {7, 3, 1}, 0.5)).isEqualTo(3);
  }

  @Test
  void choleskyOfSmallMatricesByHand() {
    // [[4, 2, 2], [2, 5, 3], [2, 3, 6]] = L L' with L = [[2, 0, 0], [1, 2, 0], [1, 1, 2]]
    double[][] l = AbcSmc.cholesky(new double[][] {{4, 2, 2}, {2, 5, 3}, {2, 3, 6}});
    assertThat(l[0]).containsExactly(2, 0, 0);
    assertThat(l[1]).containsExactly(1, 2, 0);
    assertThat(l[2]).containsExactly(1, 1, 2);
    assertThat(AbcSmc.cholesky(new double[][] {{9}})[0]).containsExactly(3);
    // indefinite, singular, NaN: null
    assertThat(AbcSmc.cholesky(new double[][] {{1, 2}, {2, 1}})).isNull();
    assertThat(AbcSmc.cholesky(new double[][] {{1, 1}, {1, 1}})).isNull();
    assertThat(AbcSmc.cholesky(new double[][] {{0}})).isNull();
    assertThat(AbcSmc.cholesky(new double[][] {{Double.NaN}})).isNull();
    assertThat(AbcSmc.cholesky(new double[][] {{Double.POSITIVE_INFINITY}})).isNull();
    // numerically singular: a pivot of 1e-15 of the largest diagonal
    assertThat(AbcSmc.cholesky(new double[][] {{1, 0}, {0, 1e-15}})).isNull();
    assertThat(AbcSmc.cholesky(new double[][] {{1, 0}, {0, 1e-13}})).isNotNull();
    // the threshold is relative to the largest diagonal: 1e-7 is negligible next to 1e8
    assertThat(AbcSmc.cholesky(new double[][] {{1e8, 0}, {0, 1e-7}})).isNull();
  }

  static AbcSmc.Builder oneDimensional() {
    return bareOneDimensional().particles(20).minAcceptance(0);
  }

  /** The one-dimensional problem without the particles and the minimum acceptance, which a builder takes once. */
  static AbcSmc.Builder bareOneDimensional() {
    // x ~ uniform(0, 10), statistic x, observed 5: distance |x - 5|
    return AbcSmc.builder(NOT_SIMULATED).parameter("x", Prior.uniform(0, 10)).target(target(5, 1));
  }

  /** Records what a run tells its listener. */
  static final class Recorder implements AbcSmc.Listener {
    final List<Population> generations = new ArrayList<>();
    final List<long[]> progress = new ArrayList<>();

    @Override
    public void generation(Population population) {
      generations.add(population);
    }

    @Override
    public void progress(int generation, int accepted, long totalSimulations) {
      progress.add(new long[] {generation, accepted, totalSimulations});
    }
  }

  @Test
  void generationZeroDrawsFromThePriorWithEqualWeights() {
    Recorder rec = new Recorder();
    AbcSmc abc = oneDimensional().maxGenerations(1).build();
    CalibrationResult r = abc.run(17, IDENTITY, rec);
    assertThat(r.stopReason()).isEqualTo(StopReason.MAX_GENERATIONS);
    assertThat(r.seed()).isEqualTo(17);
    Population p = r.population();
    assertThat(rec.generations).containsExactly(p);
    Generation g = p.generation();
    assertThat(g).isEqualTo(new Generation(0, Double.POSITIVE_INFINITY, 20, 20, 1, 20));
    for (int i = 0; i < 20; i++) {
      // particle i draws its value by inversion from the generator of (seed, 0, i)
      double expected = 10 * AbcSmc.particleRandom(17, 0, i).nextDouble();
      assertThat(p.values(i)[0]).isEqualTo(expected);
      assertThat(p.distances()[i]).isEqualTo(Math.abs(expected - 5));
      assertThat(p.weights()[i]).isEqualTo(0.05);
    }
    // progress after each batch of ceil(20 / 10) = 2 particles: 2, 4, ..., 20
    assertThat(rec.progress).hasSize(10);
    for (int b = 0; b < 10; b++) {
      assertThat(rec.progress.get(b)).containsExactly(0, 2 * b + 2, 2 * b + 2);
    }
  }

  @Test
  void argumentsAreCheckedBeforeAnyParticleIsSimulated() {
    AbcSmc abc = oneDimensional().maxGenerations(1).build();
    int[] evaluated = {0};
    Evaluator counting = (sim, values, seeds) -> {
      evaluated[0]++;
      return IDENTITY.evaluate(sim, values, seeds);
    };
    assertThatThrownBy(() -> abc.run(1, counting, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("listener must not be null");
    assertThatThrownBy(() -> abc.run(1, null, AbcSmc.Listener.NONE)).isInstanceOf(NullPointerException.class)
        .hasMessage("evaluator must not be null");
    assertThat(evaluated[0]).isZero();
    Population p = abc.run(1, counting, AbcSmc.Listener.NONE).population();
    assertThatThrownBy(() -> abc.resume(null, 1, counting, AbcSmc.Listener.NONE)).hasMessage("from must not be null");
    assertThatThrownBy(() -> abc.resume(p, 1, counting, null)).hasMessage("listener must not be null");
    assertThatThrownBy(() -> abc.resume(p, 1, null, AbcSmc.Listener.NONE)).hasMessage("evaluator must not be null");
  }

  @Test
  void runsStopForEachDocumentedReason() {
    // tolerance: the schedule decreases until it reaches the target tolerance 1, which it takes exactly
    Recorder rec = new Recorder();
    CalibrationResult tol = oneDimensional().targetTolerance(1).build().run(3, IDENTITY, rec);
    assertThat(tol.stopReason()).isEqualTo(StopReason.TOLERANCE_REACHED);
    Population p = tol.population();
    assertThat(p.generation().epsilon()).isEqualTo(1);
    assertThat(rec.generations).hasSize(p.history().size());
    List<Generation> h = p.history();
    for (int t = 1; t < h.size(); t++) {
      assertThat(h.get(t).epsilon()).isLessThan(h.get(t - 1).epsilon());
      assertThat(h.get(t).index()).isEqualTo(t);
      assertThat(h.get(t).totalSimulations()).isEqualTo(h.get(t - 1).totalSimulations() + h.get(t).simulations());
    }
    for (double dist : p.distances()) {
      assertThat(dist).isLessThanOrEqualTo(1);
    }
    // the last progress report of each generation: all particles accepted, the run's simulations so far
    for (Generation g : h) {
      long[] last = rec.progress.stream().filter(e -> e[0] == g.index()).reduce((a, b) -> b).orElseThrow();
      assertThat(last).containsExactly(g.index(), 20, g.totalSimulations());
    }

    // the budget: exactly generation 0, or running out within generation 1 (the result is generation 0)
    CalibrationResult b0 = oneDimensional().budget(20).build().run(3, IDENTITY, AbcSmc.Listener.NONE);
    assertThat(b0.stopReason()).isEqualTo(StopReason.BUDGET);
    assertThat(b0.population().history()).hasSize(1);
    CalibrationResult b1 = oneDimensional().budget(30).build().run(3, IDENTITY, AbcSmc.Listener.NONE);
    assertThat(b1.stopReason()).isEqualTo(StopReason.BUDGET);
    assertThat(b1.population().history()).hasSize(1);
    // enough for one generation but not two: that one, within the budget
    long g1 = tol.population().history().get(1).totalSimulations();
    CalibrationResult b2 = oneDimensional().budget(g1).build().run(3, IDENTITY, AbcSmc.Listener.NONE);
    assertThat(b2.stopReason()).isEqualTo(StopReason.BUDGET);
    assertThat(b2.population().history()).isEqualTo(tol.population().history().subList(0, 2));

    // generations: generation 0 and one more
    CalibrationResult gens = oneDimensional().maxGenerations(2).build().run(3, IDENTITY, AbcSmc.Listener.NONE);
    assertThat(gens.stopReason()).isEqualTo(StopReason.MAX_GENERATIONS);
    assertThat(gens.population().history()).isEqualTo(tol.population().history().subList(0, 2));

    // acceptance: generation 1 accepts 20 of more than 20 proposals, below the minimum 0.99
    CalibrationResult acc = bareOneDimensional().particles(20).minAcceptance(0.99).build().run(3, IDENTITY, AbcSmc.Listener.NONE);
    assertThat(acc.stopReason()).isEqualTo(StopReason.MIN_ACCEPTANCE);
    assertThat(acc.population().history()).isEqualTo(tol.population().history().subList(0, 2));
  }

  @Test
  void aConstantStatisticStopsForWantOfProgress() {
    // every particle at distance 2: generation 1 takes eps = 2 and accepts everything (acceptance 1,
    // not below a minimum of 1); then no smaller distance is left
    Evaluator constant = (sim, values, seeds) -> values.stream().map(v -> new double[] {7}).toArray(double[][]::new);
    CalibrationResult r = bareOneDimensional().particles(20).minAcceptance(1).build().run(3, constant, AbcSmc.Listener.NONE);
    assertThat(r.stopReason()).isEqualTo(StopReason.NO_PROGRESS);
    Generation g = r.population().generation();
    assertThat(g.index()).isEqualTo(1);
    assertThat(g.epsilon()).isEqualTo(2);
    assertThat(g.acceptance()).isEqualTo(1);
    assertThat(g.simulations()).isEqualTo(20);
  }

  @Test
  void discreteDistancesTakeTheNextSmallerDistanceWhenTheRuleStalls() {
    // statistic: x rounded down to 0 or 1 (x < 5 or not), observed 1: distances 1 or 0, about half each.
    // The rule's quantile of 0/1 distances can land on the previous tolerance 1; the schedule then
    // takes the next smaller distance, 0, which is the target tolerance
    Evaluator step = (sim, values, seeds) -> values.stream().map(v -> new double[] {v[0] < 5 ? 0 : 1}).toArray(double[][]::new);
    AbcSmc abc = oneDimensional().build();
    CalibrationResult r = AbcSmc.builder(NOT_SIMULATED).parameter("x", Prior.uniform(0, 10)).target(target(1, 1)).particles(20)
        .minAcceptance(0).build().run(3, step, AbcSmc.Listener.NONE);
    assertThat(r.stopReason()).isEqualTo(StopReason.TOLERANCE_REACHED);
    List<Generation> h = r.population().history();
    assertThat(h.get(h.size() - 1).epsilon()).isZero();
    for (Generation g : h.subList(1, h.size())) {
      assertThat(g.epsilon()).isIn(0.0, 1.0);
    }
    for (int i = 0; i < 20; i++) {
      assertThat(r.population().values(i)[0]).isBetween(5.0, 10.0);
    }
    assertThat(abc.toString()).isEqualTo("AbcSmc[[x ~ uniform(0.0, 10.0)]; 1 targets; 20 particles x 1 replicates, budget 50000, kernel OPTIMAL_LOCAL]");
  }

  @Test
  void theSameResultOnAnyEvaluatorAndWhenResumed() {
    AbcSmc abc = oneDimensional().targetTolerance(0.5).build();
    Recorder rec = new Recorder();
    CalibrationResult a = abc.run(9, IDENTITY, rec);
    // an evaluator that simulates in reverse order gives the same numbers in the same places
    Evaluator reversed = (sim, values, seeds) -> {
      double[][] out = new double[values.size()][];
      for (int i = values.size() - 1; i >= 0; i--) {
        out[i] = values.get(i).clone();
      }
      return out;
    };
    CalibrationResult b = abc.run(9, reversed, AbcSmc.Listener.NONE);
    ExactPosteriorTest.assertSamePopulation(a.population(), b.population());
    CalibrationResult resumed = abc.resume(rec.generations.get(1), 9, IDENTITY, AbcSmc.Listener.NONE);
    ExactPosteriorTest.assertSamePopulation(a.population(), resumed.population());
    assertThat(resumed.stopReason()).isEqualTo(a.stopReason());
    // another seed, other particles
    assertThat(abc.run(10, IDENTITY, AbcSmc.Listener.NONE).population().values(0)).isNotEqualTo(a.population().values(0));
    // resume refuses another calibration's population
    AbcSmc other = AbcSmc.builder(NOT_SIMULATED).parameter("y", Prior.uniform(0, 10)).target(target(5, 1)).particles(20).build();
    assertThatThrownBy(() -> other.resume(a.population(), 9, IDENTITY, AbcSmc.Listener.NONE)).hasMessageContaining("parameters");
    AbcSmc fewer = bareOneDimensional().particles(10).minAcceptance(0).build();
    assertThatThrownBy(() -> fewer.resume(a.population(), 9, IDENTITY, AbcSmc.Listener.NONE)).hasMessageContaining("20 particles");
  }

  @Test
  void particleGeneratorsArePureFunctionsOfTheirThreeNumbers() {
    assertThat(AbcSmc.particleRandom(1, 2, 3).nextLong()).isEqualTo(AbcSmc.particleRandom(1, 2, 3).nextLong());
    long base = AbcSmc.particleRandom(1, 2, 3).nextLong();
    assertThat(AbcSmc.particleRandom(2, 2, 3).nextLong()).isNotEqualTo(base);
    assertThat(AbcSmc.particleRandom(1, 3, 3).nextLong()).isNotEqualTo(base);
    assertThat(AbcSmc.particleRandom(1, 2, 4).nextLong()).isNotEqualTo(base);
  }

  static final Scenario SCENARIO = Scenarios.referrals(3, 0.5, 0, 10);

  @Test
  void checkTriesTheEndsOfEachPriorAndEveryTarget() {
    List<double[]> tried = new ArrayList<>();
    ScenarioMapping recording = theta -> {
      tried.add(theta.clone());
      return SCENARIO;
    };
    AbcSmc abc = AbcSmc.builder(recording).parameter("c", Prior.uniform(0, 1)).parameter("m", Prior.normal(2, 1))
        .target(target(1, 1)).build();
    abc.check();
    // the 1 - 1e-15 quantile of the standard normal, 7.941345326170998 (SciPy's norm.isf(1e-15)), to the
    // accuracy of Commons Math's inverse there
    double z = 7.941345326170998;
    assertThat(tried).hasSize(5);
    assertThat(tried.get(0)).containsExactly(0, 2);
    assertThat(tried.get(1)).containsExactly(1, 2);
    assertThat(tried.get(2)[0]).isEqualTo(0.5);
    assertThat(tried.get(2)[1]).isCloseTo(2 - z, within(1e-3));
    assertThat(tried.get(3)[1]).isCloseTo(2 + z, within(1e-3));
    assertThat(tried.get(4)).containsExactly(0.5, 2);

    // a mapping that rejects an end names the parameter and the value
    ScenarioMapping rejectsOne = theta -> {
      if (theta[0] == 1) {
        throw new IllegalArgumentException("compliance 1 is not allowed");
      }
      return SCENARIO;
    };
    AbcSmc bad = AbcSmc.builder(rejectsOne).parameter("c", Prior.uniform(0, 1)).target(target(1, 1)).build();
    assertThatThrownBy(bad::check).hasMessageContaining("parameter 'c': the scenario rejects 1.0 (an end of its prior uniform(0.0, 1.0))")
        .hasMessageContaining("compliance 1 is not allowed");
    // a target outside the horizon (10) names the target
    AbcSmc late = AbcSmc.builder(theta -> SCENARIO).parameter("c", Prior.uniform(0, 1)).target(target(1, 1))
        .target(new Target(new Statistic.Value(Observed.ACTIVE_CHANNELS, 11), 1, 1)).build();
    assertThatThrownBy(late::check).hasMessageStartingWith("target 1 (active_channels at 11.0)");
  }

  @Test
  void fingerprintCoversWhatDeterminesThePopulationsOnly() {
    AbcSmc base = oneDimensional().build();
    String f = base.fingerprint();
    assertThat(f).hasSize(16).matches("[0-9a-f]{16}");
    assertThat(oneDimensional().build().fingerprint()).isEqualTo(f);
    // stopping settings are not part of it
    assertThat(bareOneDimensional().particles(20).budget(1000).minAcceptance(0.5).maxGenerations(3).targetTolerance(1).build().fingerprint()).isEqualTo(f);
    assertThat(bareOneDimensional().particles(21).minAcceptance(0).build().fingerprint()).isNotEqualTo(f);
    assertThat(oneDimensional().replicatesPerParticle(2).build().fingerprint()).isNotEqualTo(f);
    assertThat(oneDimensional().kernel(Kernel.TWICE_COVARIANCE).build().fingerprint()).isNotEqualTo(f);
    assertThat(oneDimensional().essReduction(0.6).build().fingerprint()).isNotEqualTo(f);
    assertThat(oneDimensional().description("x").build().fingerprint()).isNotEqualTo(f);
    assertThat(oneDimensional().target(target(5, 1)).build().fingerprint()).isNotEqualTo(f);
    assertThat(oneDimensional().parameter("y", Prior.uniform(0, 1)).build().fingerprint()).isNotEqualTo(f);
  }

  @Test
  void accessorsAndDefaults() {
    AbcSmc abc = AbcSmc.builder(NOT_SIMULATED).parameter("a", Prior.uniform(0, 1)).parameter("b", Prior.beta(2, 2)).target(target(1, 1))
        .build();
    assertThat(abc.names()).containsExactly("a", "b");
    assertThat(abc.parameters()).containsExactly(new Parameter("a", Prior.uniform(0, 1)), new Parameter("b", Prior.beta(2, 2)));
    assertThat(abc.targets()).containsExactly(target(1, 1));
    assertThat(abc.particles()).isEqualTo(AbcSmc.DEFAULT_PARTICLES).isEqualTo(500);
    assertThat(abc.budget()).isEqualTo(AbcSmc.DEFAULT_BUDGET).isEqualTo(50_000);
    assertThat(abc.replicatesPerParticle()).isEqualTo(1);
    ParticleSimulator sim = abc.simulator();
    assertThat(sim.targets()).containsExactly(target(1, 1));
    assertThat(sim.replicates()).isEqualTo(1);
    assertThat(AbcSmc.builder(NOT_SIMULATED).parameter("a", Prior.uniform(0, 1)).target(target(1, 1)).replicatesPerParticle(3).build()
        .simulator().replicates()).isEqualTo(3);
  }

  @Test
  void builderRefusesBadSettings() {
    assertThatThrownBy(() -> oneDimensional().parameter("x", Prior.uniform(0, 1))).hasMessageContaining("twice");
    assertThatThrownBy(() -> oneDimensional().parameter("weight", Prior.uniform(0, 1))).hasMessageContaining("reserved");
    assertThatThrownBy(() -> oneDimensional().parameter("distance", Prior.uniform(0, 1))).hasMessageContaining("reserved");
    assertThatThrownBy(() -> bareOneDimensional().particles(1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(bareOneDimensional().particles(2).budget(2).build().particles()).isEqualTo(2);
    assertThatThrownBy(() -> oneDimensional().replicatesPerParticle(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> oneDimensional().budget(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bareOneDimensional().particles(2).budget(1).build()).hasMessageContaining("must cover");
    assertThat(oneDimensional().replicatesPerParticle(1).build().replicatesPerParticle()).isEqualTo(1);
    assertThatThrownBy(() -> bareOneDimensional().minAcceptance(-0.01)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bareOneDimensional().minAcceptance(1.01)).isInstanceOf(IllegalArgumentException.class);
    bareOneDimensional().minAcceptance(1);
    assertThatThrownBy(() -> oneDimensional().maxGenerations(0)).isInstanceOf(IllegalArgumentException.class);
    oneDimensional().maxGenerations(1);
    assertThatThrownBy(() -> oneDimensional().essReduction(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> oneDimensional().essReduction(1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> oneDimensional().targetTolerance(-1e-9)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> oneDimensional().targetTolerance(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    oneDimensional().targetTolerance(0);
    assertThatThrownBy(() -> oneDimensional().kernel(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> oneDimensional().description(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> oneDimensional().target(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> AbcSmc.builder(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> AbcSmc.builder(NOT_SIMULATED).target(target(1, 1)).build()).hasMessageContaining("parameter");
    assertThatThrownBy(() -> AbcSmc.builder(NOT_SIMULATED).parameter("x", Prior.uniform(0, 1)).build()).hasMessageContaining("target");
    assertThatThrownBy(() -> new Parameter("a,b", Prior.uniform(0, 1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Parameter(" ", Prior.uniform(0, 1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Parameter("a", Prior.uniform(0, 1)).toString()).isEqualTo("a ~ uniform(0.0, 1.0)");
  }

  @Test
  void theRuleLandingOnThePreviousToleranceTakesTheNextSmallerDistance() {
    // statistic 1 for x >= 7, else 0; observed 1: distance 0 for about 30% of the prior, 1 for the rest.
    // Generation 0: the zeros hold less than half the ESS, so eps_1 = 1 (every particle accepted);
    // generation 1 has the same mix, the rule gives 1 again, and the schedule takes the next smaller
    // distance, 0
    Evaluator step = (sim, values, seeds) -> values.stream().map(v -> new double[] {v[0] >= 7 ? 1 : 0}).toArray(double[][]::new);
    CalibrationResult r = AbcSmc.builder(NOT_SIMULATED).parameter("x", Prior.uniform(0, 10)).target(target(1, 1)).particles(20)
        .minAcceptance(0).build().run(3, step, AbcSmc.Listener.NONE);
    assertThat(r.stopReason()).isEqualTo(StopReason.TOLERANCE_REACHED);
    assertThat(r.population().history()).extracting(Generation::epsilon).containsExactly(Double.POSITIVE_INFINITY, 1.0, 0.0);
  }

  @Test
  void theBudgetEndsARunThatCouldNotProgressAnyway() {
    // constant statistic: generation 1 (eps 2) spends the budget of 40 exactly; the stop is the budget
    Evaluator constant = (sim, values, seeds) -> values.stream().map(v -> new double[] {7}).toArray(double[][]::new);
    CalibrationResult r = oneDimensional().budget(40).build().run(3, constant, AbcSmc.Listener.NONE);
    assertThat(r.stopReason()).isEqualTo(StopReason.BUDGET);
    assertThat(r.population().history()).hasSize(2);
  }

  @Test
  void proposalADrawsItsAncestorAndPerturbationFromGeneratorSeedTA() {
    // all the weight on x = 2: every ancestor is particle 0; the population's covariance is 0, so the
    // kernel is the ridge 1e-12 * 1e-6 (sd 1e-9); proposal a is 2 + 1e-9 g_a with g_a the Gaussian drawn
    // after the ancestor's uniform from the generator of (seed, 1, a)
    double[][] x = {{2}, {5}, {8}};
    AbcSmc abc = AbcSmc.builder(NOT_SIMULATED).parameter("x", Prior.uniform(0, 10)).target(target(2, 1)).particles(3).minAcceptance(0)
        .targetTolerance(0.5).build();
    Population p = abc.resume(population(List.of("x"), x, new double[] {1, 0, 0}, new double[] {0, 3, 6}), 21, IDENTITY,
        AbcSmc.Listener.NONE).population();
    double sd = Math.sqrt(1e-12 * 1e-6);
    for (int a = 0; a < 3; a++) {
      java.util.random.RandomGenerator rng = AbcSmc.particleRandom(21, 1, a);
      rng.nextDouble();
      assertThat(p.values(a)[0]).isCloseTo(2 + sd * rng.nextGaussian(), within(1e-15));
    }
  }

  @Test
  void moreParticlesThanABatchDivisor() {
    CalibrationResult r = bareOneDimensional().particles(30).minAcceptance(0).maxGenerations(2).build().run(3, IDENTITY, AbcSmc.Listener.NONE);
    assertThat(r.population().size()).isEqualTo(30);
    assertThat(r.population().history()).hasSize(2);
  }

  @Test
  void runsOnThreadsWithTheParticleSimulator() {
    // three channels all referred on day 1; compliance 1 complies with all three by day 2
    AbcSmc abc = AbcSmc.builder(ParticleSimulatorTest.THREE).parameter("compliance", Prior.uniform(0, 1))
        .target(ParticleSimulatorTest.COMPLIED).particles(3).maxGenerations(1).build();
    CalibrationResult one = abc.run(5, 1);
    CalibrationResult two = abc.run(5, 2);
    assertThat(one.population().generation().totalSimulations()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      assertThat(one.population().statistics(i)[0]).isBetween(0.0, 3.0);
      assertThat(two.population().values(i)).isEqualTo(one.population().values(i));
      assertThat(two.population().statistics(i)).isEqualTo(one.population().statistics(i));
    }
  }

  @Test
  void aSecondCallToASetterFailsNamingTheValueItHas() {
    ScenarioMapping m = theta -> {
      throw new AssertionError("not simulated");
    };
    assertThatThrownBy(() -> AbcSmc.builder(m).particles(100).particles(200)).isInstanceOf(IllegalStateException.class)
        .hasMessage("particles was already set to 100");
    assertThatThrownBy(() -> AbcSmc.builder(m).replicatesPerParticle(2).replicatesPerParticle(3))
        .hasMessage("replicates per particle was already set to 2");
    assertThatThrownBy(() -> AbcSmc.builder(m).budget(1_000).budget(2_000)).hasMessage("budget was already set to 1000");
    assertThatThrownBy(() -> AbcSmc.builder(m).minAcceptance(0.1).minAcceptance(0.2)).hasMessage("minimum acceptance was already set to 0.1");
    assertThatThrownBy(() -> AbcSmc.builder(m).maxGenerations(5).maxGenerations(6)).hasMessage("maximum generations was already set to 5");
    assertThatThrownBy(() -> AbcSmc.builder(m).essReduction(0.5).essReduction(0.7)).hasMessage("ESS reduction was already set to 0.5");
    assertThatThrownBy(() -> AbcSmc.builder(m).targetTolerance(0.1).targetTolerance(0)).hasMessage("target tolerance was already set to 0.1");
    assertThatThrownBy(() -> AbcSmc.builder(m).kernel(Kernel.OPTIMAL_LOCAL).kernel(Kernel.OPTIMAL_LOCAL))
        .hasMessage("kernel was already set to OPTIMAL_LOCAL");
    assertThatThrownBy(() -> AbcSmc.builder(m).description("a").description("b")).hasMessage("description was already set to 'a'");
  }
}
