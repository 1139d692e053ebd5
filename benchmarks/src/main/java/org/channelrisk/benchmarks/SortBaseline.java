package org.channelrisk.benchmarks;

import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** One operation = Arrays.sort of a copy of the survival rows' times: the floor for Kaplan-Meier. */
public class SortBaseline extends RowsBenchmark {
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
