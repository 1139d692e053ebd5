package org.channelrisk.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.channelrisk.calibrate.AbcSmc;
import org.channelrisk.calibrate.CalibrationResult;
import org.channelrisk.calibrate.Evaluator;
import org.channelrisk.calibrate.ParticleSimulator;
import org.channelrisk.internal.Checks;
import scala.Tuple2;

/**
 * Runs a calibration's simulations on Spark: each batch of an ABC-SMC generation is one Spark job, its
 * particles spread over partitions as contiguous ranges; every executor computes
 * {@code simulator.statistics(values, seed)}, the core's pure particle function, and the statistics
 * come back in particle order. The calibration itself (tolerances, kernels, weights) stays on the
 * driver, so the result equals {@link AbcSmc#run(long, int)}'s, bit for bit, for any partitioning.
 *
 * <pre>{@code
 * AbcSmc abc = AbcSmc.builder(theta -> Presets.actionDay2019(1_911, Presets.telegram2019().withCompliance(theta[0])))
 *     .parameter("compliance", Prior.uniform(0, 1))
 *     .target(Target.of(new Statistic.Change(Observed.ACTIVE_CHANNELS, 21, 50, 52, 81), -0.6))
 *     .build();
 * CalibrationResult onSpark = SparkCalibration.of(spark).withPartitions(16).run(abc, 2019);
 * onSpark.equals(abc.run(2019, 4));     // same population
 * }</pre>
 *
 * <p>The scenario mapping and the targets are shipped to the executors with Spark's closure
 * serialization: write the mapping as a lambda over the parameter values (model objects are built on
 * the executor), as for a {@link ScenarioRecipe}.
 */
public final class SparkCalibration implements Evaluator {
  private final transient JavaSparkContext sc;
  private final int partitions;

  private SparkCalibration(JavaSparkContext sc, int partitions) {
    this.sc = Objects.requireNonNull(sc, "spark context");
    this.partitions = Checks.atLeastOne("partitions", partitions);
  }

  /**
   * @param spark a session
   * @return an evaluator with the context's default parallelism as the partition count
   */
  public static SparkCalibration of(SparkSession spark) {
    return of(JavaSparkContext.fromSparkContext(spark.sparkContext()));
  }

  /**
   * @param sc a Spark context
   * @return an evaluator with the context's default parallelism as the partition count
   */
  public static SparkCalibration of(JavaSparkContext sc) {
    return new SparkCalibration(sc, Math.max(1, sc.defaultParallelism()));
  }

  /**
   * @param n partitions per batch, &gt;= 1 (the result does not change)
   * @return a copy with that many partitions
   */
  public SparkCalibration withPartitions(int n) {
    return new SparkCalibration(sc, n);
  }

  /**
   * Runs a calibration with its simulations on Spark.
   *
   * @param abc the calibration
   * @param seed its seed
   * @return the result, equal to the local run's
   */
  public CalibrationResult run(AbcSmc abc, long seed) {
    return abc.run(seed, this, AbcSmc.Listener.NONE);
  }

  @Override
  public double[][] evaluate(ParticleSimulator simulator, List<double[]> values, long[] seeds) {
    int n = values.size();
    List<Tuple2<Integer, Tuple2<double[], Long>>> work = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      work.add(new Tuple2<>(i, new Tuple2<>(values.get(i).clone(), seeds[i])));
    }
    int slices = Math.max(1, Math.min(partitions, n));
    List<Tuple2<Integer, double[]>> got = sc.parallelize(work, slices)
        .map(w -> new Tuple2<>(w._1(), simulator.statistics(w._2()._1(), w._2()._2())))
        .collect();
    double[][] out = new double[n][];
    for (Tuple2<Integer, double[]> t : got) {
      out[t._1()] = t._2();
    }
    for (int i = 0; i < n; i++) {
      if (out[i] == null) {
        throw new IllegalStateException("no statistics for particle " + i + " of the batch");
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SparkCalibration[%d partitions per batch]", partitions);
  }
}
