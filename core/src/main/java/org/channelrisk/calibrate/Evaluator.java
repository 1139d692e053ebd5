package org.channelrisk.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import org.channelrisk.internal.Parallel;

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
   * @return an evaluator on a fixed pool of daemon threads, created per batch ({@code Parallel.map}, as
   *     ensembles use): a particle's unchecked exception reaches the caller as it is
   */
  static Evaluator local(int threads) {
    checkArgument(threads >= 1, "threads must be >= 1: %s", threads);
    return (simulator, values, seeds) -> {
      int n = values.size();
      List<double[]> out = Parallel.map(n, Math.max(1, Math.min(threads, n)), "calibrate",
          i -> simulator.statistics(values.get(i), seeds[i]), done -> { });
      return out.toArray(double[][]::new);
    };
  }
}
