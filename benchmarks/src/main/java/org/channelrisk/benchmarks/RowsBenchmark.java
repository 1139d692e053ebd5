package org.channelrisk.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings of the benchmarks over survival rows (Kaplan-Meier, Aalen-Johansen and their sort
 * floor), which are compared with each other: average time in milliseconds, 3 warm-up and 5 measured
 * iterations of 2 s, one fork with a 2 GB heap, 10^4 to 10^6 rows. JMH reads these annotations and
 * the {@code rows} parameter from this superclass.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public abstract class RowsBenchmark {
  /** Rows of the data set. */
  @Param({"10000", "100000", "1000000"})
  public int rows;
}
