package org.channelrisk.benchmarks;

import java.util.concurrent.TimeUnit;
import org.channelrisk.sim.Scenario;
import org.channelrisk.sim.Simulation;
import org.channelrisk.sim.Trajectory;
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
 * One operation = one 365-day run of the November 2019 preset (2019 cooperation) with {@code channels}
 * channels (10^6 takes several seconds per operation and 2 GB of heap); the ecosystem is generated in
 * the setup. {@link #eventsPerRun} is printed in the setup so that the time per event follows from the
 * time per operation; {@code compare-peers.sh} divides it by {@link SortBaseline}'s time per element of
 * the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class SimulationBenchmark {
  @Param({"1000", "10000", "100000", "1000000"})
  public int channels;

  Scenario scenario;
  long eventsPerRun;
  long seed;

  /** Builds the scenario and counts the events of one run. */
  @Setup
  public void setUp() {
    scenario = org.channelrisk.sim.Presets.actionDay2019(channels, true);
    Trajectory t = Simulation.of(scenario).seed(1).run().trajectory();
    eventsPerRun = t.events();
    System.out.printf("%n# channels %d: %d events per run, %d audience updates per run%n", channels, eventsPerRun, t.audienceUpdates());
  }

  /** @return the trajectory */
  @Benchmark
  public Trajectory run() {
    return Simulation.of(scenario).seed(1).replicate(seed++ & 7).run().trajectory();
  }
}
