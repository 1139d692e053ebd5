package org.channelrisk.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.channelrisk.sim.BanLevel;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Presets;
import org.channelrisk.sim.TargetingStrategy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark results equal the local engine's for 1, 3 and 7 partitions, in local[2] mode. */
class SparkSweepTest {
  static SparkSession spark;
  static JavaSparkContext sc;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("channelrisk-test").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4").getOrCreate();
    sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** 2 cooperation levels x 2 targeting strategies on a small network. */
  static final SweepGrid GRID = SweepGrid.builder()
      .axis("strategy", TargetingStrategy.LARGEST_AUDIENCE, TargetingStrategy.INCLUDING_BACKUPS)
      .axis("praised", true, false)
      .build();
  static final ScenarioRecipe RECIPE = p -> Presets.actionDay2019(300, p.get("praised", Boolean.class),
      p.get("strategy", TargetingStrategy.class), BanLevel.ACCOUNT);

  @Test
  void exactResultsEqualTheCoreEnsembleForAnyPartitioning() {
    SparkSweep sweep = SparkSweep.over(GRID, RECIPE).replicates(12).seed(2019).build();
    assertThat(sweep.isExact()).isTrue();
    SweepResult local = sweep.runLocally(2);
    for (int partitions : new int[] {1, 3, 7}) {
      SweepResult onSpark = sweep.withPartitions(partitions).run(sc);
      assertThat(onSpark).as("%d partitions", partitions).isEqualTo(local);
      List<EnsembleSummary> a = onSpark.ensembles();
      List<EnsembleSummary> b = local.ensembles();
      assertThat(a).isEqualTo(b);
      for (int i = 0; i < GRID.size(); i++) {
        for (Observed o : Observed.values()) {
          assertThat(a.get(i).mean(o)).containsExactly(b.get(i).mean(o));
          assertThat(a.get(i).sd(o)).containsExactly(b.get(i).sd(o));
          for (double p : EnsembleSummary.BAND_PROBABILITIES) {
            assertThat(a.get(i).quantile(o, p)).containsExactly(b.get(i).quantile(o, p));
          }
        }
      }
    }
    // the sweep really varies: a cooperating platform leaves fewer active channels than a refusing one
    double[] praised = local.scenario(0).mean(Observed.ACTIVE_CHANNELS);
    double[] refused = local.scenario(1).mean(Observed.ACTIVE_CHANNELS);
    assertThat(praised[praised.length - 1]).isLessThan(refused[refused.length - 1]);
  }

  @Test
  void sketchedResultsAreReproducibleForAnyPartitioningAndWithinTheRankError() {
    ScenarioRecipe small = p -> Presets.actionDay2019(100, p.index() == 0);
    SparkSweep exact = SparkSweep.of(small).scenarios(2).replicates(300).seed(7).build();
    SparkSweep sketched = exact.withExactLimit(100).withSketchK(64);
    assertThat(sketched.isExact()).isFalse();
    SweepResult local = sketched.runLocally(2);
    assertThat(local.isExact()).isFalse();
    assertThat(local.quantileMethod()).startsWith("KLL k=64");
    for (int partitions : new int[] {1, 3, 7}) {
      assertThat(sketched.withPartitions(partitions).run(sc)).as("%d partitions", partitions).isEqualTo(local);
    }
    assertThat(sketched.runLocally(1)).isEqualTo(local);
    assertThatThrownBy(local::ensembles).isInstanceOf(IllegalStateException.class).hasMessageContaining("sketched");

    SweepResult truth = exact.runLocally(2);
    double eps = org.apache.datasketches.kll.KllSketch.getNormalizedRankError(64, false);
    for (int i = 0; i < 2; i++) {
      EnsembleSummary all = truth.ensembles().get(i);
      double[][][] values = new double[300][][];
      for (int r = 0; r < 300; r++) {
        values[r] = org.channelrisk.sim.Simulation.of(small.scenario(exact.grid().point(i))).seed(7).replicate(r).run().trajectory().values();
      }
      ScenarioResult s = local.scenario(i);
      assertThat(s.replicates()).isEqualTo(300);
      for (Observed o : Observed.values()) {
        double[] m1 = all.mean(o);
        double[] m2 = s.mean(o);
        double[] sd1 = all.sd(o);
        double[] sd2 = s.sd(o);
        for (int t = 0; t < m1.length; t++) {
          assertThat(m2[t]).isCloseTo(m1[t], org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(m1[t]))));
          assertThat(sd2[t]).isCloseTo(sd1[t], org.assertj.core.data.Offset.offset(1e-6 * (1 + sd1[t])));
        }
        for (double p : EnsembleSummary.BAND_PROBABILITIES) {
          double[] q = s.quantile(o, p);
          for (int t = 0; t < q.length; t += 5) {
            int ti = t;
            double[] column = Arrays.stream(values).mapToDouble(v -> v[o.ordinal()][ti]).toArray();
            double v0 = q[t];
            double below = Arrays.stream(column).filter(v -> v < v0).count() / 300.0;
            double atOrBelow = Arrays.stream(column).filter(v -> v <= v0).count() / 300.0;
            // the sketch's answer has a rank within the stated error of p
            assertThat(below).as("%s t=%d p=%s", o, t, p).isLessThanOrEqualTo(p + eps);
            assertThat(atOrBelow).as("%s t=%d p=%s", o, t, p).isGreaterThanOrEqualTo(p - eps);
          }
        }
      }
      assertThat(s.sketch(Observed.AUDIENCE, 100)).get().extracting(k -> k.getN()).isEqualTo(300L);
    }
  }

  @Test
  void tidyTableHasTheGridAxesAsTypedColumns(@TempDir Path dir) throws Exception {
    SweepResult r = SparkSweep.over(GRID, RECIPE).replicates(3).seed(1).build().withPartitions(2).run(sc);
    Dataset<Row> d = r.toDataset(spark);
    assertThat(d.columns()).containsExactly("scenario", "strategy", "praised", "observable", "time", "mean", "sd", "q05", "q25",
        "q50", "q75", "q95");
    assertThat(d.schema().apply("praised").dataType()).isEqualTo(DataTypes.BooleanType);
    assertThat(d.schema().apply("strategy").dataType()).isEqualTo(DataTypes.StringType);
    assertThat(d.count()).isEqualTo(4L * Observed.values().length * 366);
    Row first = d.filter("strategy = 'INCLUDING_BACKUPS' AND praised = false AND observable = 'active_channels' AND time = 0.0")
        .first();
    assertThat(first.getInt(0)).isEqualTo(3);
    assertThat(first.getDouble(5)).isEqualTo(300.0);

    Path csv = dir.resolve("sweep.csv");
    r.writeCsv(csv);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(1 + 4 * Observed.values().length * 366);
    assertThat(lines.get(0)).isEqualTo("scenario,strategy,praised,observable,time,mean,sd,q05,q25,q50,q75,q95");
    assertThat(lines.get(1)).startsWith("0,LARGEST_AUDIENCE,true,active_channels,0.0,300.0,0.0,300.0");
  }

  @Test
  void oneReplicateHasNoStandardDeviation() {
    SweepResult r = SparkSweep.over(GRID, RECIPE).replicates(1).seed(1).build().run(sc);
    assertThat(r.scenario(0).sd(Observed.AUDIENCE)[0]).isNaN();
    assertThat(r.toDataset(spark).filter("sd IS NULL").count()).isEqualTo(4L * Observed.values().length * 366);
  }
}
