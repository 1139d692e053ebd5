package org.channelrisk.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.channelrisk.io.CsvOutput;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Observed;

/**
 * The result of a sweep: one {@link ScenarioResult} per grid point, in point order, and a tidy table
 * of them.
 *
 * <pre>{@code
 * SweepResult r = sweep.run(spark);
 * r.toDataset(spark).write().parquet("sweep.parquet");   // or .csv(...)
 * r.writeCsv(Path.of("sweep.csv"));                      // without Spark
 * List<EnsembleSummary> e = r.ensembles();               // exact sweeps: the core's result type
 * }</pre>
 *
 * <p>Tidy columns: {@code scenario}, one column per grid axis (typed: integer, long, double, boolean,
 * or string for strings and enum constants), {@code observable, time, mean, sd, q05, q25, q50, q75,
 * q95}; one row per scenario, observable and grid time. Immutable.
 */
public final class SweepResult {
  private static final String[] STATS = {"mean", "sd", "q05", "q25", "q50", "q75", "q95"};

  private final SweepGrid grid;
  private final List<ScenarioResult> scenarios;
  private final long seed;

  SweepResult(SweepGrid grid, List<ScenarioResult> scenarios, long seed) {
    this.grid = grid;
    this.scenarios = List.copyOf(scenarios);
    this.seed = seed;
  }

  /** @return the grid */
  public SweepGrid grid() {
    return grid;
  }

  /** @return the seed */
  public long seed() {
    return seed;
  }

  /** @return the results in point order */
  public List<ScenarioResult> scenarios() {
    return scenarios;
  }

  /**
   * @param index a point index
   * @return its result
   */
  public ScenarioResult scenario(int index) {
    return scenarios.get(index);
  }

  /** @return true if every quantile is exact */
  public boolean isExact() {
    return scenarios.get(0).isExact();
  }

  /** @return how quantiles were computed */
  public String quantileMethod() {
    return scenarios.get(0).quantileMethod();
  }

  /**
   * @return the core's summaries, in point order
   * @throws IllegalStateException if the quantiles were sketched (replicate values are not kept)
   */
  public List<EnsembleSummary> ensembles() {
    List<EnsembleSummary> out = new ArrayList<>();
    for (ScenarioResult r : scenarios) {
      out.add(r.ensemble().orElseThrow(() -> new IllegalStateException("this sweep's quantiles were sketched ("
          + r.quantileMethod() + "): per-replicate values are not kept; raise the sweep's exact limit to keep them")));
    }
    return out;
  }

  /** @return the tidy column names */
  public List<String> columns() {
    List<String> c = new ArrayList<>();
    c.add("scenario");
    c.addAll(grid.axes());
    c.add("observable");
    c.add("time");
    c.addAll(List.of(STATS));
    return c;
  }

  private interface RowSink {
    void row(Object[] cells) throws IOException;
  }

  private void rows(RowSink sink) throws IOException {
    double[] bands = EnsembleSummary.bandProbabilities();
    int axes = grid.axes().size();
    for (ScenarioResult r : scenarios) {
      double[] t = r.times();
      Object[] prefix = new Object[1 + axes];
      prefix[0] = r.point().index();
      for (int a = 0; a < axes; a++) {
        Object v = r.point().values().get(grid.axes().get(a));
        prefix[1 + a] = v instanceof Enum<?> e ? e.name() : v;
      }
      for (Observed o : Observed.values()) {
        double[][] stats = new double[2 + bands.length][];
        stats[0] = r.mean(o);
        stats[1] = r.sd(o);
        System.arraycopy(r.quantiles(o, bands), 0, stats, 2, bands.length);
        for (int j = 0; j < t.length; j++) {
          Object[] cells = new Object[prefix.length + 2 + stats.length];
          System.arraycopy(prefix, 0, cells, 0, prefix.length);
          cells[prefix.length] = o.key();
          cells[prefix.length + 1] = t[j];
          for (int s = 0; s < stats.length; s++) {
            cells[prefix.length + 2 + s] = Double.isNaN(stats[s][j]) ? null : stats[s][j];
          }
          sink.row(cells);
        }
      }
    }
  }

  /**
   * The tidy table as a Spark dataset, ready for {@code write().parquet(...)} or {@code .csv(...)}.
   *
   * @param spark the session
   * @return the dataset (sd is null with one replicate)
   */
  public Dataset<Row> toDataset(SparkSession spark) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("scenario", DataTypes.IntegerType, false));
    for (String a : grid.axes()) {
      fields.add(DataTypes.createStructField(a, sparkType(grid.values(a).get(0)), false));
    }
    fields.add(DataTypes.createStructField("observable", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("time", DataTypes.DoubleType, false));
    for (String s : STATS) {
      fields.add(DataTypes.createStructField(s, DataTypes.DoubleType, true));
    }
    List<Row> rows = new ArrayList<>();
    try {
      rows(cells -> rows.add(RowFactory.create(cells)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    // the rows start at the driver; slices of about 2,000 rows (some 300 KB) keep each task small
    int slices = Math.max(1, Math.min(10_000, rows.size() / 2_000));
    return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, slices),
        DataTypes.createStructType(fields));
  }

  private static DataType sparkType(Object v) {
    if (v instanceof Integer) {
      return DataTypes.IntegerType;
    } else if (v instanceof Long) {
      return DataTypes.LongType;
    } else if (v instanceof Double) {
      return DataTypes.DoubleType;
    } else if (v instanceof Boolean) {
      return DataTypes.BooleanType;
    }
    return DataTypes.StringType;
  }

  /**
   * Writes the tidy table as CSV, atomically (temporary file, then a move); empty cells for an sd with
   * one replicate.
   *
   * @param file the target
   * @throws IOException if writing fails
   */
  public void writeCsv(Path file) throws IOException {
    CsvOutput.write(file, columns(), out -> rows(cells -> {
      out.row();
      for (Object c : cells) {
        if (c == null) {
          out.text("");
        } else if (c instanceof Double d) {
          out.number(d);
        } else if (c instanceof Integer || c instanceof Long) {
          out.number(((Number) c).longValue());
        } else {
          out.text(c.toString());
        }
      }
      out.end();
    }));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SweepResult r && r.grid.equals(grid) && r.seed == seed && r.scenarios.equals(scenarios);
  }

  @Override
  public int hashCode() {
    return grid.hashCode() * 31 + scenarios.hashCode();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SweepResult[%s, %d replicates each, seed %d, quantiles %s]", grid,
        scenarios.get(0).replicates(), seed, quantileMethod());
  }
}
