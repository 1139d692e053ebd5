package org.channelrisk.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Runs n independent tasks on a fixed number of daemon threads and returns their results in task
 * order, so that what a caller computes from them cannot depend on the thread count or on
 * scheduling. Used by ensembles, the recovery bootstrap and local sweeps. Internal: not a supported
 * API.
 *
 * <pre>{@code
 * List<Trajectory> runs = Parallel.map(200, 2, "ensemble", i -> Simulation.of(s).seed(seed).replicate(i).run().trajectory(), done -> {});
 * }</pre>
 *
 * <p>A task's unchecked exception is rethrown as it is (so an {@code IllegalArgumentException} stays
 * one); a checked one is wrapped in an {@code IllegalStateException}. Interruption stops the
 * remaining tasks and restores the thread's interrupt flag.
 */
public final class Parallel {
  private Parallel() {}

  /**
   * @param n number of tasks, &gt;= 0
   * @param threads worker threads, &gt;= 1
   * @param what what the tasks are, for thread names and messages (e.g. "ensemble")
   * @param task computes task i's result
   * @param progress receives the number of tasks finished so far, from worker threads
   * @param <T> the result type
   * @return the results, result i at index i
   * @throws IllegalArgumentException if n &lt; 0 or threads &lt; 1
   */
  public static <T> List<T> map(int n, int threads, String what, IntFunction<T> task, IntConsumer progress) {
    if (n < 0) {
      throw new IllegalArgumentException("task count must be >= 0: " + n);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    Object[] results = new Object[n];
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "channelrisk-" + what);
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int idx = i;
        futures.add(pool.submit(() -> {
          results[idx] = task.apply(idx);
          progress.accept(done.incrementAndGet());
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(what + " failed: " + cause, cause);
    } finally {
      pool.shutdownNow();
    }
    @SuppressWarnings("unchecked")
    List<T> out = (List<T>) Arrays.asList(results);
    return out;
  }
}
