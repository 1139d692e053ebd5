package org.channelrisk.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

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
    Trajectory[] results = new Trajectory[replicates];
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "channelrisk-ensemble");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < replicates; i++) {
        int idx = i;
        futures.add(pool.submit(() -> {
          results[idx] = Simulation.run(scenario, seed, idx).trajectory();
          progress.accept(done.incrementAndGet());
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ensemble interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a replicate failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return EnsembleSummary.ofAll(results);
  }
}
