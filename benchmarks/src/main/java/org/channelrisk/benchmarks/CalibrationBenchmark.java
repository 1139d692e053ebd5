package org.channelrisk.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.channelrisk.calibrate.AbcSmc;
import org.channelrisk.calibrate.Evaluator;
import org.channelrisk.calibrate.ParticleSimulator;
import org.channelrisk.calibrate.PresetCalibrations;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Particle simulations per second of the November 2019 calibration on the published network size
 * (1,911 channels): one operation = one particle (scenario derived from the values, one run with its
 * event log, the three targets' statistics, Kaplan-Meier included), measured over batches of 32
 * particles at 32 points of the prior, on {@code threads} threads as ABC-SMC runs them.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class CalibrationBenchmark {
  /** Particles per operation batch. */
  public static final int BATCH = 32;

  @Param({"1", "2"})
  public int threads;

  @Param({"1911"})
  public int channels;

  ParticleSimulator simulator;
  Evaluator evaluator;
  List<double[]> values;
  long[] seeds;
  long round;

  /** Builds the calibration, its network and the prior points. */
  @Setup
  public void setUp() {
    AbcSmc abc = PresetCalibrations.actionDay2019(channels).build();
    simulator = abc.simulator();
    evaluator = Evaluator.local(threads);
    values = new ArrayList<>();
    var rng = AbcSmc.particleRandom(1, 0, 0);
    for (int i = 0; i < BATCH; i++) {
      double[] v = new double[abc.parameters().size()];
      for (int k = 0; k < v.length; k++) {
        v[k] = abc.parameters().get(k).prior().sample(rng);
      }
      values.add(v);
    }
    seeds = new long[BATCH];
  }

  /** @return the batch's statistics */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double[][] particles() {
    round++;
    for (int i = 0; i < BATCH; i++) {
      seeds[i] = round * BATCH + i;
    }
    return evaluator.evaluate(simulator, values, seeds);
  }
}
