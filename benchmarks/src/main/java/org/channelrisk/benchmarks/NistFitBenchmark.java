package org.channelrisk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.channelrisk.fit.FitResult;
import org.channelrisk.fit.NistProblem;
import org.channelrisk.fit.NonlinearLeastSquares;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One operation = one fit of a NIST StRD problem from its first starting point, default tolerances as
 * SciPy's peer run them (benchmarks/compare-peers.sh). The .dat files are read from
 * ../shared/reference/nist-strd (or -Dnist.dir=...).
 */
public class NistFitBenchmark extends FitBenchmark {
  @Param({"Misra1a", "Thurber"})
  public String dataset;

  NistProblem problem;

  /**
   * Reads the problem.
   *
   * @throws IOException if the file cannot be read
   */
  @Setup
  public void setUp() throws IOException {
    Path dir = System.getProperty("nist.dir") != null ? Path.of(System.getProperty("nist.dir")) : NistProblem.folder();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IllegalStateException("NIST StRD files not found: run from the repository root or set -Dnist.dir");
    }
    problem = NistProblem.read(dir.resolve(dataset + ".dat"));
  }

  /** @return the fit */
  @Benchmark
  public FitResult fit() {
    return NonlinearLeastSquares.builder(problem.model()).data(problem.x(), problem.y()).start(problem.start1()).build().fit();
  }
}
