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
import org.channelrisk.internal.Setting;
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
 * SparkSweep sweep = SparkSweep.over(grid, recipe).replicates(200).seed(2019).build();
 * SweepResult onSpark = sweep.run(spark);           // a SparkSession
 * SweepResult here = sweep.runLocally(4);           // equal to onSpark
 * onSpark.toDataset(spark).write().parquet("sweep.parquet");
 * }</pre>
 *
 * <p>The numbers that define a sweep are named and each is taken once ({@link Builder}); a built sweep
 * is immutable, and {@link #withPartitions}, {@link #withExactLimit} and {@link #withSketchK} give
 * copies that differ in one setting.
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
   * A sweep over the points of a grid, to be given its replicates and seed.
   *
   * <pre>{@code
   * SparkSweep sweep = SparkSweep.over(grid, recipe).replicates(200).seed(2019).build();
   * }</pre>
   *
   * @param grid the points
   * @param recipe builds the scenario of a point
   * @return a builder
   */
  public static Builder over(SweepGrid grid, ScenarioRecipe recipe) {
    return new Builder(Objects.requireNonNull(grid, "grid"), recipe);
  }

  /**
   * A sweep over numbered scenarios ({@link SweepGrid#indexed}), to be given their number, the
   * replicates and the seed.
   *
   * <pre>{@code
   * SparkSweep sweep = SparkSweep.of(p -> scenarios.get(p.index())).scenarios(4).replicates(200).seed(2019).build();
   * }</pre>
   *
   * @param recipe builds scenario {@code point.index()}
   * @return a builder
   */
  public static Builder of(ScenarioRecipe recipe) {
    return new Builder(null, recipe);
  }

  /**
   * The short form over a grid, kept for code written before the named form: prefer {@link #over(SweepGrid,
   * ScenarioRecipe)}.
   *
   * @param grid the points
   * @param recipe builds the scenario of a point
   * @param replicates replicates per scenario, &gt;= 1
   * @param seed the seed of every scenario's ensemble
   * @return the sweep
   * @deprecated an int and a long in a row are easily swapped (both accept {@code 200, 2019}); use
   *     {@code SparkSweep.over(grid, recipe).replicates(n).seed(seed).build()}
   */
  @Deprecated(since = "0.2", forRemoval = true)
  public static SparkSweep over(SweepGrid grid, ScenarioRecipe recipe, int replicates, long seed) {
    return over(grid, recipe).replicates(replicates).seed(seed).build();
  }

  /**
   * The short form over numbered scenarios, kept for code written before the named form: prefer
   * {@link #of(ScenarioRecipe)}.
   *
   * @param recipe builds scenario {@code point.index()}
   * @param scenarios number of scenarios
   * @param replicates replicates per scenario
   * @param seed the seed of every scenario's ensemble
   * @return the sweep
   * @deprecated three numbers in a row are easily swapped; use
   *     {@code SparkSweep.of(recipe).scenarios(n).replicates(r).seed(seed).build()}
   */
  @Deprecated(since = "0.2", forRemoval = true)
  public static SparkSweep of(ScenarioRecipe recipe, int scenarios, int replicates, long seed) {
    return of(recipe).scenarios(scenarios).replicates(replicates).seed(seed).build();
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

  /**
   * The named numbers of a sweep, each taken once: a second call to the same setter throws
   * {@link IllegalStateException} naming the value it already has, since a silent overwrite would hide a
   * mistake. {@code replicates} and {@code seed} (and {@code scenarios} after {@link SparkSweep#of(ScenarioRecipe)})
   * have no default, because a forgotten seed should not pass unnoticed. The built sweep has one
   * partition per 50 units of work (at most 10,000), the exact limit {@value SparkSweep#DEFAULT_EXACT_LIMIT}
   * and KLL k {@value SparkSweep#DEFAULT_K}; its {@code with...} methods change those.
   */
  public static final class Builder {
    private final ScenarioRecipe recipe;
    /** Given by {@link SparkSweep#over(SweepGrid, ScenarioRecipe)}, or by {@link #scenarios} after {@link SparkSweep#of(ScenarioRecipe)}. */
    private final Setting<SweepGrid> grid = new Setting<>("scenarios");
    private final boolean gridGiven;
    private final Setting<Integer> replicates = Setting.checked("replicates", Checks::atLeastOne);
    private final Setting<Long> seed = new Setting<>("seed");

    private Builder(SweepGrid grid, ScenarioRecipe recipe) {
      this.recipe = Objects.requireNonNull(recipe, "recipe");
      this.gridGiven = grid != null;
      if (gridGiven) {
        this.grid.set(grid);
      }
    }

    /**
     * @param n number of numbered scenarios, &gt;= 1 (only after {@link SparkSweep#of(ScenarioRecipe)}: a
     *     grid fixes its own)
     * @return this
     */
    public Builder scenarios(int n) {
      if (gridGiven) {
        throw new IllegalStateException("the scenarios are the points of " + grid + "; scenarios(n) is for SparkSweep.of(recipe)");
      }
      return grid.set(this, SweepGrid.indexed(n));
    }

    /** @param n replicates per scenario, &gt;= 1 @return this */
    public Builder replicates(int n) {
      return replicates.set(this, n);
    }

    /** @param s the seed of every scenario's ensemble; replicate i is seeded from (s, i) @return this */
    public Builder seed(long s) {
      return seed.set(this, s);
    }

    /**
     * @return the sweep
     * @throws IllegalStateException if the scenarios, the replicates or the seed were not set
     */
    public SparkSweep build() {
      String form = gridGiven ? "SparkSweep.over(grid, recipe).replicates(n).seed(s).build()"
          : "SparkSweep.of(recipe).scenarios(m).replicates(n).seed(s).build()";
      SweepGrid g = grid.required("set the number of scenarios: " + form);
      int n = replicates.required("set the number of replicates: " + form);
      long s = seed.required("set the seed: " + form);
      SparkSweep sweep = new SparkSweep(g, recipe, n, s, 1, DEFAULT_EXACT_LIMIT, DEFAULT_K);
      return sweep.withPartitions((int) Math.max(1, Math.min(10_000, sweep.plan().units() / 50)));
    }

    @Override
    public String toString() {
      return "SparkSweep.Builder[" + grid + " x " + replicates + " replicates, seed " + seed + "]";
    }
  }
}
