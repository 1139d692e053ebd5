package org.channelrisk.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
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

/** One operation = Arrays.sort of a copy of the survival rows' times: the floor for Kaplan-Meier. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class SortBaseline {
  @Param({"10000", "100000", "1000000"})
  public int rows;

  double[] times;

  /** Draws the rows. */
  @Setup
  public void setUp() {
    times = new SurvivalRows(rows, 20191121).time;
  }

  /** @return the sorted copy */
  @Benchmark
  public double[] sortCopy() {
    double[] c = times.clone();
    Arrays.sort(c);
    return c;
  }
}
