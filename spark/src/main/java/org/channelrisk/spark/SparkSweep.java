package org.channelrisk.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Parallel;
import org.channelrisk.sim.Ensemble;
import scala.Tuple2;

/**
 * A parameter sweep, run on Apache Spark or locally with the same result: a grid of scenarios x
 * {@code replicates} replicates x one seed. Replicate {@code i} of every scenario runs with the core's
 * pure function {@code Simulation.of(scenario).seed(seed).replicate(i).run()}, wherever it runs.
 *
 * <pre>{@code
 * SweepGrid grid = SweepGrid.builder()
 *     .axis("strategy", TargetingStrategy.values())
 *     .axis("compliance", 0.5, 0.9)
 *     .build();
 * ScenarioRecipe recipe = p -> Presets.actionDay2019(1_000,
 *     Presets.telegram2019().withCompliance(p.number("compliance")),
 *     p.get("strategy", TargetingStrategy.class), BanLevel.ACCOUNT);
 * SparkSweep sweep = SparkSweep.over(grid, recipe, 200, 2019);
 * SweepResult onSpark = sweep.run(spark);           // a SparkSession
 * SweepResult here = sweep.runLocally(4);           // equal to onSpark
 * onSpark.toDataset(spark).write().parquet("sweep.parquet");
 * }</pre>
 *
 * <p><b>How it runs.</b> The work is cut into units, spread over {@link #withPartitions partitions} as
 * contiguous ranges; each partition builds the scenarios it needs from the recipe, runs its units and
 * emits one part per scenario; parts are combined per scenario with {@code reduceByKey} (a union keyed
 * by replicate or block index) and finished in index order. So the result is identical, bit for bit,
 * for any number of partitions or executors, and equal to {@link #runLocally}.
 *
 * <p><b>Quantiles.</b> Up to {@link #withExactLimit the exact limit} (default
 * {@value #DEFAULT_EXACT_LIMIT}) replicates per scenario every replicate value is kept and quantiles
 * are exact (type 7), with results equal to the core's {@code Ensemble.run}; memory at the driver is 8
 * bytes x replicates x 8 observables x grid times per scenario (200 replicates on a 366-day grid: 4.7
 * MB). Above it, replicates are summarised in blocks of 256 by Apache DataSketches KLL sketches
 * ({@link #withSketchK k}, default {@value #DEFAULT_K}: normalised rank error 1.33% at 99% confidence
 * per quantile), about 5 KB per observable and time whatever the replicate count; the local path
 * uses the same blocks and sketches, so it still equals the Spark result.
 *
 * <p>Spark is a provided dependency: the cluster's own version is used (built against 4.2).
 */
public final class SparkSweep {
  /** Replicates per scenario up to which quantiles are exact. */
  public static final int DEFAULT_EXACT_LIMIT = 1_000;
  /** KLL accuracy parameter above the exact limit. */
  public static final int DEFAULT_K = 200;

  private final SweepGrid grid;
  private final ScenarioRecipe recipe;
  private final int replicates;
  private final long seed;
  private final int partitions;
  private final int exactLimit;
  private final int k;

  private SparkSweep(SweepGrid grid, ScenarioRecipe recipe, int replicates, long seed, int partitions, int exactLimit, int k) {
    this.grid = Objects.requireNonNull(grid, "grid");
    this.recipe = Objects.requireNonNull(recipe, "recipe");
    this.replicates = Checks.atLeastOne("replicates", replicates);
    this.seed = seed;
    this.partitions = Checks.atLeastOne("partitions", partitions);
    this.exactLimit = Checks.nonNegative("exact limit", exactLimit);
    if (k < 8 || k > 65_535) {
      throw new IllegalArgumentException("KLL k must be in [8, 65535]: " + k);
    }
    this.k = k;
  }

  /**
   * A sweep over the points of a grid.
   *
   * @param grid the points
   * @param recipe builds the scenario of a point
   * @param replicates replicates per scenario, &gt;= 1
   * @param seed the seed of every scenario's ensemble
   * @return the sweep, with one partition per 50 units of work (at most 10,000)
   */
  public static SparkSweep over(SweepGrid grid, ScenarioRecipe recipe, int replicates, long seed) {
    SparkSweep s = new SparkSweep(grid, recipe, replicates, seed, 1, DEFAULT_EXACT_LIMIT, DEFAULT_K);
    return s.withPartitions((int) Math.max(1, Math.min(10_000, s.plan().units() / 50)));
  }

  /**
   * A sweep over {@code scenarios} numbered scenarios ({@link SweepGrid#indexed}).
   *
   * @param recipe builds scenario {@code point.index()}
   * @param scenarios number of scenarios
   * @param replicates replicates per scenario
   * @param seed the seed of every scenario's ensemble
   * @return the sweep
   */
  public static SparkSweep of(ScenarioRecipe recipe, int scenarios, int replicates, long seed) {
    return over(SweepGrid.indexed(scenarios), recipe, replicates, seed);
  }

  /**
   * @param n number of Spark partitions of the work, &gt;= 1
   * @return a copy with that many partitions (the result does not change)
   */
  public SparkSweep withPartitions(int n) {
    return new SparkSweep(grid, recipe, replicates, seed, n, exactLimit, k);
  }

  /**
   * @param maxReplicates the largest replicate count with exact quantiles; 0 sketches always
   * @return a copy with that limit
   */
  public SparkSweep withExactLimit(int maxReplicates) {
    return new SparkSweep(grid, recipe, replicates, seed, partitions, maxReplicates, k);
  }

  /**
   * @param sketchK KLL's accuracy parameter (larger: more accurate and larger sketches)
   * @return a copy with that k
   */
  public SparkSweep withSketchK(int sketchK) {
    return new SparkSweep(grid, recipe, replicates, seed, partitions, exactLimit, sketchK);
  }

  /** @return the grid */
  public SweepGrid grid() {
    return grid;
  }

  /** @return true if this sweep's quantiles will be exact */
  public boolean isExact() {
    return replicates <= exactLimit;
  }

  Plan plan() {
    return new Plan(grid, recipe, replicates, seed, isExact(), k);
  }

  /**
   * Runs the sweep on Spark.
   *
   * @param spark the session
   * @return the result
   */
  public SweepResult run(SparkSession spark) {
    return run(JavaSparkContext.fromSparkContext(spark.sparkContext()));
  }

  /**
   * Runs the sweep on Spark.
   *
   * @param sc the Spark context
   * @return the result
   */
  public SweepResult run(JavaSparkContext sc) {
    Plan plan = plan();
    long units = plan.units();
    int slices = partitions;
    List<Integer> ids = new ArrayList<>();
    for (int p = 0; p < slices; p++) {
      ids.add(p);
    }
    Map<Integer, Plan.ScenarioData> data = sc.parallelize(ids, slices)
        .flatMapToPair(p -> {
          Map<Integer, Plan.Parts> parts = plan.run(units * p / slices, units * (p + 1) / slices);
          List<Tuple2<Integer, Plan.Parts>> out = new ArrayList<>();
          parts.forEach((scenario, part) -> out.add(new Tuple2<>(scenario, part)));
          return out.iterator();
        })
        .reduceByKey(Plan.Parts::merge, Math.max(1, Math.min(slices, grid.size())))
        .mapToPair(e -> new Tuple2<>(e._1(), plan.finish(e._1(), e._2())))
        .collectAsMap();
    return assemble(plan, data);
  }

  /**
   * The same sweep on this machine's threads. Exact sweeps use the core's {@code Ensemble.run};
   * sketched sweeps the same blocks and sketches as the Spark path.
   *
   * @param threads worker threads, &gt;= 1
   * @return the result, equal to {@link #run}'s
   */
  public SweepResult runLocally(int threads) {
    Checks.atLeastOne("threads", threads);
    Plan plan = plan();
    List<ScenarioResult> out = new ArrayList<>();
    if (plan.exact()) {
      for (GridPoint p : grid.points()) {
        out.add(ScenarioResult.exact(p, Ensemble.of(recipe.scenario(p)).replicates(replicates).seed(seed).threads(threads).run()));
      }
      return new SweepResult(grid, out, seed);
    }
    List<Map<Integer, Plan.Parts>> unitParts = Parallel.map(Math.toIntExact(plan.units()), threads, "sweep",
        unit -> plan.run(unit, unit + 1), done -> { });
    Map<Integer, Plan.Parts> parts = new TreeMap<>();
    for (Map<Integer, Plan.Parts> u : unitParts) {
      u.forEach((scenario, part) -> parts.merge(scenario, part, Plan.Parts::merge));
    }
    Map<Integer, Plan.ScenarioData> data = new TreeMap<>();
    parts.forEach((scenario, part) -> data.put(scenario, plan.finish(scenario, part)));
    return assemble(plan, data);
  }

  private SweepResult assemble(Plan plan, Map<Integer, Plan.ScenarioData> data) {
    List<ScenarioResult> out = new ArrayList<>();
    for (int i = 0; i < grid.size(); i++) {
      Plan.ScenarioData d = data.get(i);
      if (d == null) {
        throw new IllegalStateException("no result for scenario " + i);
      }
      out.add(ScenarioResult.of(grid.point(i), d, plan.k()));
    }
    return new SweepResult(grid, out, seed);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SparkSweep[%s x %d replicates, seed %d, %d partitions, quantiles %s]", grid, replicates, seed,
        partitions, isExact() ? "exact" : "KLL k=" + k);
  }
}
