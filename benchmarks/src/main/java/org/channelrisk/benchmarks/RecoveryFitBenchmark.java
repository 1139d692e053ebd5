package org.channelrisk.benchmarks;

import java.util.random.RandomGenerator;
import org.channelrisk.fit.FitResult;
import org.channelrisk.fit.NonlinearLeastSquares;
import org.channelrisk.recovery.RecoveryModel;
import org.channelrisk.sim.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One operation = one 100-point recovery fit (Levenberg-Marquardt, analytic Jacobian, start from the
 * data), cycling through 256 series drawn as the SciPy peer draws them: a ~ U(500, 2000),
 * b ~ a U(0.05, 0.5), k ~ U(0.02, 0.2), Gaussian noise with sd 3% of a.
 */
public class RecoveryFitBenchmark extends FitBenchmark {
  @Param({"exponential", "logistic", "gompertz"})
  public String model;

  RecoveryModel m;
  double[] s = new double[100];
  double[][] series = new double[256][100];
  int next;

  /** Draws the series. */
  @Setup
  public void setUp() {
    m = RecoveryModel.parse(model);
    RandomGenerator rng = Simulation.generator(20191121, 1);
    for (int i = 0; i < 100; i++) {
      s[i] = i;
    }
    for (double[] y : series) {
      double a = 500 + 1500 * rng.nextDouble();
      double b = a * (0.05 + 0.45 * rng.nextDouble());
      double k = 0.02 + 0.18 * rng.nextDouble();
      for (int i = 0; i < 100; i++) {
        y[i] = m.value(i, new double[] {a, b, k}) + 0.03 * a * rng.nextGaussian();
      }
    }
  }

  /** @return the fit */
  @Benchmark
  public FitResult fit() {
    next = (next + 1) & 255;
    double[] y = series[next];
    // one fit from the data-driven start, as RecoveryAnalysis makes it (no multi-start, no metrics)
    return NonlinearLeastSquares.builder(m.asFitModel()).data(s, y).start(m.startValues(s, y).get(0))
        .tolerance(1e-10).maxIterations(200).maxEvaluations(2_000).solver(NonlinearLeastSquares.Solver.COMPACT).build().fit();
  }
}
