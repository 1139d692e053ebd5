package org.channelrisk.benchmarks;

import java.util.concurrent.TimeUnit;
import org.channelrisk.model.Ecosystem;
import org.channelrisk.model.EcosystemGenerator;
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

/**
 * One operation = generating a synthetic ecosystem of {@code channels} channels with mean out-degree 3
 * (validation and the Guava link graph included). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar EcosystemGeneratorBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class EcosystemGeneratorBenchmark {
  @Param({"1000", "100000"})
  public int channels;

  private EcosystemGenerator generator;

  /** Prepares the generator outside the measured code. */
  @Setup
  public void setUp() {
    generator = EcosystemGenerator.builder().channels(channels).seed(42).build();
  }

  /**
   * @return the ecosystem (returned so the JIT cannot drop the work)
   */
  @Benchmark
  public Ecosystem generate() {
    return generator.generate();
  }
}
