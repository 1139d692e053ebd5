package org.channelrisk.benchmarks;

import java.util.random.RandomGenerator;
import org.channelrisk.sim.Simulation;

/**
 * The rows of the survival peers' design (shared/peers/lib/survival_rows.py), drawn in Java: group 1
 * or 2 with probability 1/2, event time Exponential(rate 1.0 or 1.3), censoring time Exponential(3/7 of
 * that rate), so 30% censored. The same distribution and sizes, not the same numbers (NumPy's generator
 * is not reproduced).
 */
final class SurvivalRows {
  final double[] time;
  final boolean[] event;
  final String[] group;

  SurvivalRows(int n, long seed) {
    RandomGenerator rng = Simulation.generator(seed, 0);
    time = new double[n];
    event = new boolean[n];
    group = new String[n];
    for (int i = 0; i < n; i++) {
      boolean two = rng.nextBoolean();
      double rate = two ? 1.3 : 1.0;
      double e = rng.nextExponential() / rate;
      double c = rng.nextExponential() / (rate * 3.0 / 7.0);
      time[i] = Math.min(e, c);
      event[i] = e <= c;
      group[i] = two ? "2" : "1";
    }
  }
}
