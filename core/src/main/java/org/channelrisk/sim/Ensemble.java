package org.channelrisk.sim;

import java.util.List;
import java.util.function.IntConsumer;
import org.channelrisk.internal.Parallel;

/**
 * Monte Carlo ensembles: N replicates of a scenario, replicate i seeded from (seed, i) only, run on a
 * chosen number of threads; the summary is bit-identical for any thread count.
 *
 * <pre>{@code
 * EnsembleSummary s = Ensemble.run(scenario, 500, 2019, 2);
 * }</pre>
 */
public final class Ensemble {
  private Ensemble() {}

  /**
   * @param scenario the scenario
   * @param replicates number of replicates, &gt;= 1
   * @param seed the ensemble seed
   * @param threads worker threads, &gt;= 1
   * @return the summary
   */
  public static EnsembleSummary run(Scenario scenario, int replicates, long seed, int threads) {
    return run(scenario, replicates, seed, threads, i -> { });
  }

  /**
   * Runs with a progress callback (called with the number of replicates finished so far, from worker
   * threads).
   *
   * @param scenario the scenario
   * @param replicates number of replicates, &gt;= 1
   * @param seed the ensemble seed
   * @param threads worker threads, &gt;= 1
   * @param progress receives the count of finished replicates
   * @return the summary
   */
  public static EnsembleSummary run(Scenario scenario, int replicates, long seed, int threads, IntConsumer progress) {
    if (replicates < 1) {
      throw new IllegalArgumentException("replicates must be >= 1: " + replicates);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    List<Trajectory> results = Parallel.map(replicates, threads, "ensemble",
        i -> Simulation.run(scenario, seed, i).trajectory(), progress);
    return EnsembleSummary.ofAll(results.toArray(Trajectory[]::new));
  }
}
