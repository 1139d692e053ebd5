package org.channelrisk.benchmarks;

import java.util.List;
import java.util.random.RandomGenerator;
import org.channelrisk.sim.Simulation;
import org.channelrisk.survival.AalenJohansen;
import org.channelrisk.survival.CompetingRisksData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * One operation = the Aalen-Johansen cumulative incidence of three causes with infinitesimal-jackknife
 * standard errors and log-transform limits at every distinct time, from raw arrays (the data object and
 * the sort are part of it, as in R's {@code survfit(Surv(time, factor(status)) ~ 1)}). Rows: causes
 * with hazards 0.5, 0.3 and 0.2, censoring with hazard 3/7 (30% censored), continuous times, so
 * every time is distinct. Peer: R survival (benchmarks/peers/r-aalen-johansen.sh, the same design
 * drawn by R), run by benchmarks/compare-peers.sh.
 */
public class AalenJohansenBenchmark extends RowsBenchmark {
  static final List<String> CAUSES = List.of("referral", "proactive", "abandoned");

  double[] time;
  int[] cause;

  /** Draws the rows. */
  @Setup
  public void setUp() {
    RandomGenerator rng = Simulation.generator(20191121, 0);
    time = new double[rows];
    cause = new int[rows];
    double[] rate = {0.5, 0.3, 0.2};
    for (int i = 0; i < rows; i++) {
      double t = rng.nextExponential() / (3.0 / 7.0);
      int c = 0;
      for (int k = 0; k < 3; k++) {
        double e = rng.nextExponential() / rate[k];
        if (e < t) {
          t = e;
          c = k + 1;
        }
      }
      time[i] = t;
      cause[i] = c;
    }
  }

  /** @return the pooled curves (consumed by JMH) */
  @Benchmark
  public Object aalenJohansen() {
    return AalenJohansen.estimate(CompetingRisksData.of(time, cause, CAUSES)).pooled();
  }
}
