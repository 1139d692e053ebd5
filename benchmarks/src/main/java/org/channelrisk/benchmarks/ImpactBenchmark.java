package org.channelrisk.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.channelrisk.impact.ImpactAnalysis;
import org.channelrisk.impact.ImpactResult;
import org.channelrisk.sim.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Intervention analysis, the two hot paths of {@code org.channelrisk.impact}, on series drawn as the R
 * peer ({@code benchmarks/peers/r-impact.sh}) draws them:
 * <ul>
 *   <li>{@code segmentedNeweyWest}: segmented least squares + Newey-West standard errors (lag
 *       floor(4 (n/100)^(2/9)) = 18 at n = 10^5) on {@code points} points: y = 50 + 0.001 t - 5 D
 *       - 0.002 (t - T) D + AR(1) noise (phi 0.5, sd 1), T at the middle; peer: {@code lm} +
 *       {@code sandwich::NeweyWest(prewhite = FALSE, adjust = FALSE)}.</li>
 *   <li>{@code arma11}: the same regression with ARMA(1, 1) errors (phi 0.5, theta 0.3, sd 1) on 1,000
 *       points by exact maximum likelihood; peer: {@code arima(order = c(1, 0, 1), xreg, method = "ML")}.</li>
 * </ul>
 * Both include everything a user call does (design, fit, standard errors, counterfactual and effects).
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ImpactBenchmark extends FitBenchmark {
  /** Points of the segmented series. */
  @Param({"100000"})
  public int points;

  double[] t;
  double[] y;
  double[] ta;
  double[] ya;

  /** Draws the two series. */
  @Setup
  public void setUp() {
    RandomGenerator rng = Simulation.generator(20191121, 14);
    t = new double[points];
    y = new double[points];
    double t0 = points / 2.0;
    double u = 0;
    for (int i = 0; i < points; i++) {
      t[i] = i + 1;
      u = 0.5 * u + rng.nextGaussian();
      double d = t[i] >= t0 ? 1 : 0;
      y[i] = 50 + 0.001 * t[i] - 5 * d - 0.002 * (t[i] - t0) * d + u;
    }
    ta = new double[1000];
    ya = new double[1000];
    double e = 0;
    double prev = 0;
    for (int i = 0; i < 1000; i++) {
      ta[i] = i + 1;
      double eps = rng.nextGaussian();
      e = 0.5 * e + eps + 0.3 * prev;
      prev = eps;
      double d = ta[i] >= 500 ? 1 : 0;
      ya[i] = 50 + 0.01 * ta[i] - 5 * d - 0.02 * (ta[i] - 500) * d + e;
    }
  }

  /** @return the segmented analysis with Newey-West errors */
  @Benchmark
  public ImpactResult segmentedNeweyWest() {
    return ImpactAnalysis.builder().intervention(points / 2.0).neweyWestAuto().build().analyse(t, y);
  }

  /** @return the ARMA(1, 1)-error analysis */
  @Benchmark
  public ImpactResult arma11() {
    return ImpactAnalysis.builder().intervention(500).arima(1, 1).build().analyse(ta, ya);
  }
}
