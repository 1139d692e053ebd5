package org.channelrisk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark once at its smallest size, in this JVM, so that a broken benchmark fails the
 * build. Not a timing assertion: the numbers of this run mean nothing.
 */
class BenchmarkSmokeTest {
  @Test
  void everyBenchmarkRunsAtItsSmallestSize() throws RunnerException {
    boolean nist = org.channelrisk.fit.NistProblem.folder() != null;
    if (!nist) {
      System.out.println("NIST StRD files not found at ../shared/reference/nist-strd: NistFitBenchmark is not run");
    }
    OptionsBuilder builder = new OptionsBuilder();
    if (!nist) {
      builder.exclude("NistFitBenchmark");
    }
    Options opt = builder
        .include("org.channelrisk.benchmarks.*")
        .param("rows", "10000").param("channels", "1000").param("threads", "1").param("model", "exponential")
        .param("dataset", "Misra1a").param("points", "1000")
        .forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(200))
        .shouldFailOnError(true).verbosity(VerboseMode.SILENT).build(); // the results are checked below, not printed
    Collection<RunResult> results = new Runner(opt).run();
    java.util.List<String> expected = new java.util.ArrayList<>(java.util.List.of("AalenJohansenBenchmark.aalenJohansen", "EnsembleBenchmark.ensemble",
        "KaplanMeierBenchmark.kaplanMeierAndLogRank", "RecoveryFitBenchmark.fit", "SimulationBenchmark.run", "SortBaseline.sortCopy",
        "ImpactBenchmark.segmentedNeweyWest", "ImpactBenchmark.arma11"));
    if (nist) {
      expected.add("NistFitBenchmark.fit");
    }
    assertThat(results).extracting(r -> r.getParams().getBenchmark().replaceAll(".*\\.(\\w+\\.\\w+)$", "$1"))
        .containsExactlyInAnyOrderElementsOf(expected);
    for (RunResult r : results) {
      assertThat(r.getPrimaryResult().getScore()).as(r.getParams().getBenchmark()).isPositive();
    }
  }
}
