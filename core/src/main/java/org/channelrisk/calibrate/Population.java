package org.channelrisk.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.channelrisk.internal.Checks;

/**
 * A weighted population of particles: the posterior approximation after a generation, with the history
 * of the generations that led to it. Immutable; arrays are copied in and out.
 *
 * <pre>{@code
 * Population p = result.population();
 * p.summary("compliance", 0.9);          // median, mean, sd, 90% equal-tailed interval
 * p.write(writer);                       // what a resumed run reads back with Population.read
 * }</pre>
 *
 * <p>The text form (a CSV with {@code #} header lines for the seed, a configuration fingerprint and the
 * history) stores every double with {@link Double#toString}, which reads back to the same bits: a run
 * resumed from it continues exactly as the uninterrupted run would. Generation 0's tolerance, infinite
 * (it accepts every particle), is an empty field. Reading refuses a particle value or weight that is not
 * a finite number (weights also &gt;= 0), naming the line and field.
 */
public final class Population {
  private final List<String> names;
  private final double[][] values;
  private final double[] weights;
  private final double[] distances;
  private final double[][] statistics;
  private final List<Generation> history;

  /**
   * @param names parameter names
   * @param values per particle, its values
   * @param weights per particle, its weight (normalized here to sum 1)
   * @param distances per particle, its distance
   * @param statistics per particle, its targets' statistics
   * @param history the generations so far, this one last
   */
  public Population(List<String> names, double[][] values, double[] weights, double[] distances, double[][] statistics,
      List<Generation> history) {
    this.names = List.copyOf(Checks.notNull("names", names));
    Checks.notNull("values", values);
    Checks.notNull("weights", weights);
    Checks.notNull("distances", distances);
    Checks.notNull("statistics", statistics);
    Checks.notNull("history", history);
    int n = values.length;
    checkArgument(n >= 1 && weights.length == n && distances.length == n && statistics.length == n,
        "particles, weights, distances and statistics must have the same length");
    checkArgument(!history.isEmpty(), "history must hold this generation");
    this.values = new double[n][];
    this.statistics = new double[n][];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      Checks.notNull("values of particle " + i, values[i]);
      Checks.notNull("statistics of particle " + i, statistics[i]);
      // the text form has one header for all particles' statistics
      checkArgument(statistics[i].length == statistics[0].length, "particle %s has %s statistics, particle 0 has %s", i,
          statistics[i].length, statistics[0].length);
      checkArgument(values[i].length == names.size(), "particle %s has %s values for %s parameters", i, values[i].length, names.size());
      checkArgument(weights[i] >= 0 && Double.isFinite(weights[i]), "weight %s must be finite and >= 0: %s", i, (Object) weights[i]);
      this.values[i] = values[i].clone();
      this.statistics[i] = statistics[i].clone();
      sum += weights[i];
    }
    checkArgument(sum > 0, "weights must not all be 0");
    this.weights = new double[n];
    for (int i = 0; i < n; i++) {
      this.weights[i] = weights[i] / sum;
    }
    this.distances = distances.clone();
    this.history = List.copyOf(history);
  }

  /** @return parameter names */
  public List<String> names() {
    return names;
  }

  /** @return number of particles */
  public int size() {
    return values.length;
  }

  /** @return this generation's record */
  public Generation generation() {
    return history.get(history.size() - 1);
  }

  /** @return every generation so far, this one last */
  public List<Generation> history() {
    return history;
  }

  /** @param i particle index @return its values (a copy) */
  public double[] values(int i) {
    return values[i].clone();
  }

  /** @return the normalized weights (a copy) */
  public double[] weights() {
    return weights.clone();
  }

  /** @return the distances (a copy) */
  public double[] distances() {
    return distances.clone();
  }

  /** @param i particle index @return its statistics (a copy) */
  public double[] statistics(int i) {
    return statistics[i].clone();
  }

  /** @param parameter a parameter index @return every particle's value of it (a copy) */
  public double[] column(int parameter) {
    double[] c = new double[values.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = values[i][parameter];
    }
    return c;
  }

  /** @return the effective sample size 1 / sum w^2 of the normalized weights */
  public double ess() {
    return ess(weights);
  }

  static double ess(double[] w) {
    double s = 0;
    double s2 = 0;
    for (double x : w) {
      s += x;
      s2 += x * x;
    }
    return s2 == 0 ? 0 : s * s / s2;
  }

  /**
   * A weighted quantile: the smallest value whose cumulative normalized weight reaches p.
   *
   * @param x values
   * @param w weights summing to 1
   * @param p a probability in [0, 1]
   * @return the quantile
   */
  static double weightedQuantile(double[] x, double[] w, double p) {
    Integer[] order = new Integer[x.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> x[i]).thenComparingInt(i -> i));
    double c = 0;
    for (Integer i : order) {
      c += w[i];
      if (c >= p * (1 - 1e-12)) {
        return x[i];
      }
    }
    return x[order[order.length - 1]];
  }

  /**
   * @param name a parameter
   * @param level the credible interval's level in (0, 1)
   * @return its weighted posterior summary
   */
  public ParameterSummary summary(String name, double level) {
    checkArgument(level > 0 && level < 1, "level must be in (0, 1): %s", level);
    int k = names.indexOf(name);
    checkArgument(k >= 0, "unknown parameter '%s'; the parameters are %s", name, names);
    double[] x = column(k);
    double mean = 0;
    for (int i = 0; i < x.length; i++) {
      mean += weights[i] * x[i];
    }
    double var = 0;
    for (int i = 0; i < x.length; i++) {
      var += weights[i] * (x[i] - mean) * (x[i] - mean);
    }
    return new ParameterSummary(name, weightedQuantile(x, weights, 0.5), mean, Math.sqrt(var), weightedQuantile(x, weights, (1 - level) / 2),
        weightedQuantile(x, weights, (1 + level) / 2), level);
  }

  /**
   * @param level the credible intervals' level
   * @return every parameter's summary, in parameter order
   */
  public Map<String, ParameterSummary> summaries(double level) {
    Map<String, ParameterSummary> out = new LinkedHashMap<>();
    for (String n : names) {
      out.put(n, summary(n, level));
    }
    return out;
  }

  /** @return every parameter's weighted median, in parameter order */
  public double[] medians() {
    double[] m = new double[names.size()];
    for (int k = 0; k < m.length; k++) {
      m[k] = weightedQuantile(column(k), weights, 0.5);
    }
    return m;
  }

  /**
   * Indices of n draws from the weighted particles (multinomial, by inversion of the cumulative
   * weights with the given generator).
   *
   * @param n number of draws
   * @param rng the generator
   * @return particle indices
   */
  public int[] draw(int n, RandomGenerator rng) {
    double[] cum = new double[weights.length];
    double c = 0;
    for (int i = 0; i < cum.length; i++) {
      c += weights[i];
      cum[i] = c;
    }
    int[] out = new int[n];
    for (int k = 0; k < n; k++) {
      out[k] = pick(cum, rng.nextDouble());
    }
    return out;
  }

  /** Index of the first cumulative weight above u * total. */
  static int pick(double[] cum, double u) {
    double target = u * cum[cum.length - 1];
    int lo = 0;
    int hi = cum.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cum[mid] > target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * Writes the population as text (see the class documentation).
   *
   * @param w the writer
   * @param seed the run's seed
   * @param fingerprint the configuration's fingerprint ({@link AbcSmc#fingerprint()})
   * @throws IOException if writing fails
   */
  public void write(Writer w, long seed, String fingerprint) throws IOException {
    w.write("# channelrisk ABC-SMC population\n");
    w.write("# seed " + seed + "\n");
    w.write("# fingerprint " + fingerprint + "\n");
    w.write("# history: generation,epsilon,simulations,total_simulations,acceptance,ess\n");
    for (Generation g : history) {
      // generation 0 accepts every particle: its tolerance is infinite, written as an empty field
      w.write("# " + g.index() + "," + (Double.isInfinite(g.epsilon()) ? "" : String.valueOf(g.epsilon())) + "," + g.simulations() + "," + g.totalSimulations() + "," + g.acceptance() + ","
          + g.ess() + "\n");
    }
    StringBuilder h = new StringBuilder();
    for (String n : names) {
      h.append(n).append(',');
    }
    h.append("weight,distance");
    int k = statistics[0].length;
    for (int j = 0; j < k; j++) {
      h.append(",statistic_").append(j);
    }
    w.write(h + "\n");
    for (int i = 0; i < values.length; i++) {
      StringBuilder r = new StringBuilder();
      for (double v : values[i]) {
        r.append(v).append(',');
      }
      r.append(weights[i]).append(',').append(distances[i]);
      for (double s : statistics[i]) {
        r.append(',').append(s);
      }
      w.write(r + "\n");
    }
    w.flush();
  }

  /**
   * Reads a population written by {@link #write}.
   *
   * @param r the reader
   * @param source the file name, for messages
   * @param seed the seed the run must have had
   * @param fingerprint the fingerprint its configuration must have had
   * @return the population
   * @throws IOException if reading fails
   * @throws IllegalArgumentException naming the source (and line) if the text is malformed or belongs to
   *     another seed or configuration
   */
  public static Population read(Reader r, String source, long seed, String fingerprint) throws IOException {
    BufferedReader in = new BufferedReader(r);
    List<Generation> history = new ArrayList<>();
    List<String> names = null;
    List<double[]> rows = new ArrayList<>();
    String line;
    int lineNo = 0;
    boolean inHistory = false;
    long seen = Long.MIN_VALUE;
    String fp = null;
    try {
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.startsWith("# seed ")) {
          seen = Long.parseLong(line.substring(7).strip());
        } else if (line.startsWith("# fingerprint ")) {
          fp = line.substring(14).strip();
        } else if (line.startsWith("# history:")) {
          inHistory = true;
        } else if (line.startsWith("# ") && inHistory) {
          String[] f = line.substring(2).split(",");
          double epsilon = f[1].isEmpty() ? Double.POSITIVE_INFINITY : Double.parseDouble(f[1]);
          history.add(new Generation(Integer.parseInt(f[0]), epsilon, Long.parseLong(f[2]), Long.parseLong(f[3]),
              Double.parseDouble(f[4]), Double.parseDouble(f[5])));
        } else if (line.startsWith("#") || line.isBlank()) {
          continue;
        } else if (names == null) {
          names = List.of(line.split(","));
        } else {
          String[] f = line.split(",", -1);
          if (f.length != names.size()) {
            throw new IllegalArgumentException(source + ": line " + lineNo + ": expected " + names.size() + " fields, found " + f.length);
          }
          double[] v = new double[f.length];
          for (int i = 0; i < f.length; i++) {
            try {
              v[i] = Double.parseDouble(f[i]);
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException(source + ": line " + lineNo + ", field '" + names.get(i) + "': expected a number, found '"
                  + f[i] + "'");
            }
            String field = names.get(i);
            boolean statistic = field.startsWith("statistic_");
            // a particle's value and weight are numbers the run drew and normalised: anything else was
            // edited (a statistic may be NaN: a series the particle did not reach; a distance infinite)
            if (!statistic && !field.equals("distance") && !Double.isFinite(v[i])
                || field.equals("weight") && v[i] < 0) {
              throw new IllegalArgumentException(source + ": line " + lineNo + ", field '" + field + "': expected a finite number"
                  + (field.equals("weight") ? " >= 0" : "") + ", found '" + f[i] + "'");
            }
            if (field.equals("distance") && !(v[i] >= 0)) {
              throw new IllegalArgumentException(source + ": line " + lineNo + ", field 'distance': expected a number >= 0, found '"
                  + f[i] + "'");
            }
          }
          rows.add(v);
        }
      }
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(source + ": line " + lineNo + ": not a population file written by calibrate: " + e.getMessage());
    }
    if (seen != seed) {
      throw new IllegalArgumentException(source + ": was written by a run with seed " + (seen == Long.MIN_VALUE ? "(none)" : seen) + ", not " + seed);
    }
    if (!fingerprint.equals(fp)) {
      throw new IllegalArgumentException(source + ": was written by a run with another configuration (parameters, targets or settings differ)");
    }
    if (names == null || rows.isEmpty() || history.isEmpty()) {
      throw new IllegalArgumentException(source + ": holds no particles or no history");
    }
    int w = names.indexOf("weight");
    int d = names.indexOf("distance");
    if (w < 0 || d != w + 1) {
      throw new IllegalArgumentException(source + ": header lacks weight and distance columns");
    }
    int n = rows.size();
    int k = names.size() - d - 1;
    double[][] values = new double[n][];
    double[] weights = new double[n];
    double[] distances = new double[n];
    double[][] stats = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] row = rows.get(i);
      values[i] = Arrays.copyOfRange(row, 0, w);
      weights[i] = row[w];
      distances[i] = row[d];
      stats[i] = Arrays.copyOfRange(row, d + 1, d + 1 + k);
    }
    Population p;
    try {
      p = new Population(names.subList(0, w), values, weights, distances, stats, history);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e); // e.g. weights that are all 0
    }
    // the weights were normalized when written; renormalizing may change their last bit, so keep them as read
    System.arraycopy(weights, 0, p.weights, 0, n);
    return p;
  }

  /**
   * Equal when the parameter names, the particles' values, weights, distances and statistics and the
   * history are equal, arrays by content: a population read back from its text form equals the one
   * written, and so do the {@link CalibrationResult}s that hold them.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Population p && names.equals(p.names) && Arrays.deepEquals(values, p.values)
        && Arrays.equals(weights, p.weights) && Arrays.equals(distances, p.distances)
        && Arrays.deepEquals(statistics, p.statistics) && history.equals(p.history);
  }

  @Override
  public int hashCode() {
    return ((names.hashCode() * 31 + Arrays.deepHashCode(values)) * 31 + Arrays.hashCode(weights)) * 31 + history.hashCode();
  }

  @Override
  public String toString() {
    Generation g = generation();
    return String.format(Locale.ROOT, "Population[%d particles of %s, generation %d, epsilon %.4g, ESS %.1f, %d simulations]", size(), names,
        g.index(), g.epsilon(), ess(), g.totalSimulations());
  }
}
