package org.channelrisk.benchmarks;

import org.channelrisk.survival.KaplanMeier;
import org.channelrisk.survival.KaplanMeierFit;
import org.channelrisk.survival.LogRankTest;
import org.channelrisk.survival.SurvivalData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One operation = Kaplan-Meier of both groups (and the pooled curve) plus the log-rank test on all
 * rows, from raw arrays (so the sort is part of it, as in R's survfit + survdiff). Peer: R survival,
 * statsmodels (benchmarks/compare-peers.sh).
 */
public class KaplanMeierBenchmark extends RowsBenchmark {
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
