package org.channelrisk.benchmarks;

import java.util.concurrent.TimeUnit;
import org.channelrisk.survival.KaplanMeier;
import org.channelrisk.survival.KaplanMeierFit;
import org.channelrisk.survival.LogRankTest;
import org.channelrisk.survival.SurvivalData;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One operation = Kaplan-Meier of both groups (and the pooled curve) plus the log-rank test on all
 * rows, from raw arrays (so the sort is part of it, as in R's survfit + survdiff). Peer: R survival,
 * statsmodels (benchmarks/compare-peers.sh).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class KaplanMeierBenchmark {
  @Param({"10000", "100000", "1000000"})
  public int rows;

  SurvivalRows data;

  /** Draws the rows. */
  @Setup
  public void setUp() {
    data = new SurvivalRows(rows, 20191121);
  }

  /**
   * @param bh sink
   */
  @Benchmark
  public void kaplanMeierAndLogRank(Blackhole bh) {
    SurvivalData d = SurvivalData.of(data.time, data.event).withGroups(data.group);
    KaplanMeierFit fit = KaplanMeier.estimate(d);
    bh.consume(fit);
    bh.consume(LogRankTest.test(d));
  }
}
