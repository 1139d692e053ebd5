package org.channelrisk.benchmarks;

import java.util.concurrent.TimeUnit;
import org.channelrisk.sim.Ensemble;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Scenario;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One operation = an ensemble of 16 replicates of the November 2019 preset with 5,000 channels on {@code threads} threads. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class EnsembleBenchmark {
  @Param({"1", "2"})
  public int threads;

  /** Replicates per operation. */
  public static final int REPLICATES = 16;

  Scenario scenario;

  /** Builds the scenario. */
  @Setup
  public void setUp() {
    scenario = org.channelrisk.sim.Presets.actionDay2019(5_000, true);
  }

  /** @return the summary */
  @Benchmark
  public EnsembleSummary ensemble() {
    return Ensemble.of(scenario).replicates(REPLICATES).seed(1).threads(threads).run();
  }
}
