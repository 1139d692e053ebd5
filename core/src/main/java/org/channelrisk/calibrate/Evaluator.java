package org.channelrisk.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a batch of particles' simulations somewhere: on this machine's threads ({@link #local}) or on a
 * cluster (the spark module's {@code SparkCalibration}). Whatever the engine, particle i's statistics
 * are {@code simulator.statistics(values_i, seed_i)}, so the calibration's result does not depend on
 * it.
 *
 * <pre>{@code
 * Evaluator threads = Evaluator.local(2);
 * }</pre>
 */
@FunctionalInterface
public interface Evaluator {
  /**
   * @param simulator the particle function
   * @param values per particle, its values (natural units)
   * @param seeds per particle, its simulation seed
   * @return per particle, its statistics, in the order given
   */
  double[][] evaluate(ParticleSimulator simulator, List<double[]> values, long[] seeds);

  /**
   * @param threads worker threads, &gt;= 1
   * @return an evaluator on a fixed pool of daemon threads, created per batch
   */
  static Evaluator local(int threads) {
    checkArgument(threads >= 1, "threads must be >= 1: %s", threads);
    return (simulator, values, seeds) -> {
      double[][] out = new double[values.size()][];
      if (threads == 1 || values.size() == 1) {
        for (int i = 0; i < out.length; i++) {
          out[i] = simulator.statistics(values.get(i), seeds[i]);
        }
        return out;
      }
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, values.size()), r -> {
        Thread t = new Thread(r, "channelrisk-calibrate");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
          int idx = i;
          futures.add(pool.submit(() -> {
            out[idx] = simulator.statistics(values.get(idx), seeds[idx]);
          }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("calibration interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException("a particle's simulation failed: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
      }
      return out;
    };
  }
}
