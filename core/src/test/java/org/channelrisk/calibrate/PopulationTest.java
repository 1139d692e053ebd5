package org.channelrisk.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Weighted summaries, draws and the text form of a population, on four particles worked by hand. */
class PopulationTest {
  static final List<Generation> HISTORY = List.of(new Generation(0, Double.POSITIVE_INFINITY, 4, 4, 1, 4),
      new Generation(1, 2.5, 8, 12, 0.5, 3.2));

  /** x = 3, 1, 4, 2 and y = 10 x, weights 1, 2, 3, 4 (normalized 0.1, 0.2, 0.3, 0.4). */
  static Population four() {
    return new Population(List.of("x", "y"), new double[][] {{3, 30}, {1, 10}, {4, 40}, {2, 20}}, new double[] {1, 2, 3, 4},
        new double[] {0.5, 1.5, 2.5, 0.25}, new double[][] {{7}, {8}, {9}, {6}}, HISTORY);
  }

  @Test
  void weightedSummaryByHand() {
    Population p = four();
    assertThat(p.weights()).containsExactly(0.1, 0.2, 0.3, 0.4);
    // sorted: 1 (0.2), 2 (0.4), 3 (0.1), 4 (0.3); cumulative 0.2, 0.6, 0.7, 1.0
    ParameterSummary s = p.summary("x", 0.8);
    assertThat(s.median()).isEqualTo(2);
    assertThat(s.lower()).isEqualTo(1); // p = 0.1
    assertThat(s.upper()).isEqualTo(4); // p = 0.9
    // mean 0.3 + 0.2 + 1.2 + 0.8 = 2.5; variance 0.1 * 0.25 + 0.2 * 2.25 + 0.3 * 2.25 + 0.4 * 0.25 = 1.25
    assertThat(s.mean()).isCloseTo(2.5, within(1e-15));
    assertThat(s.sd()).isCloseTo(Math.sqrt(1.25), within(1e-15));
    assertThat(s.level()).isEqualTo(0.8);
    assertThat(s.name()).isEqualTo("x");
    // level 0.6: the 0.2 quantile is reached exactly by the cumulative weight 0.2 of the value 1
    assertThat(p.summary("x", 0.6).lower()).isEqualTo(1);
    assertThat(p.summary("x", 0.6).upper()).isEqualTo(4); // p = 0.8 lies between 0.7 and 1.0
    // level 0.2: the 0.6 quantile is 2 (cumulative 0.2, 0.6), not the largest value
    assertThat(p.summary("x", 0.2).upper()).isEqualTo(2);
    Map<String, ParameterSummary> all = p.summaries(0.8);
    assertThat(all.keySet()).containsExactly("x", "y");
    assertThat(all.get("y").mean()).isCloseTo(25, within(1e-13));
    assertThat(p.medians()).containsExactly(2, 20);
    assertThat(s.toString()).isEqualTo("x: median 2.000, mean 2.500 (sd 1.12), 80% interval 1.000 to 4.000");
    assertThatThrownBy(() -> p.summary("z", 0.9)).hasMessageContaining("unknown parameter 'z'");
    assertThatThrownBy(() -> p.summary("x", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.summary("x", 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPopulationNamesWhatIsMissingOrInconsistent() {
    assertThatThrownBy(() -> new Population(null, new double[][] {{1}}, new double[] {1}, new double[] {0}, new double[][] {{1}}, HISTORY))
        .isInstanceOf(NullPointerException.class).hasMessage("names must not be null");
    assertThatThrownBy(() -> new Population(List.of("x"), new double[][] {{1}, {2}}, new double[] {1, 1}, new double[] {0, 0},
        new double[][] {{1}, {1, 2}}, HISTORY)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("particle 1 has 2 statistics, particle 0 has 1");
  }

  @Test
  void populationsAndResultsAreEqualByContent() throws IOException {
    Population p = four();
    assertThat(four()).isEqualTo(p).hasSameHashCodeAs(p);
    assertThat(new CalibrationResult(four(), StopReason.BUDGET, 7)).isEqualTo(new CalibrationResult(p, StopReason.BUDGET, 7));
    assertThatThrownBy(() -> new CalibrationResult(null, StopReason.BUDGET, 7)).isInstanceOf(NullPointerException.class)
        .hasMessage("population must not be null");
    assertThatThrownBy(() -> new CalibrationResult(p, null, 7)).hasMessage("stopReason must not be null");
    StringWriter w = new StringWriter();
    p.write(w, 7, "f");
    assertThat(Population.read(new StringReader(w.toString()), "p.csv", 7, "f")).isEqualTo(p);
    Population otherStatistic = new Population(List.of("x", "y"), new double[][] {{3, 30}, {1, 10}, {4, 40}, {2, 20}},
        new double[] {1, 2, 3, 4}, new double[] {0.5, 1.5, 2.5, 0.25}, new double[][] {{7}, {8}, {9}, {5}}, HISTORY);
    assertThat(otherStatistic).isNotEqualTo(p);
    Population otherHistory = new Population(List.of("x", "y"), new double[][] {{3, 30}, {1, 10}, {4, 40}, {2, 20}},
        new double[] {1, 2, 3, 4}, new double[] {0.5, 1.5, 2.5, 0.25}, new double[][] {{7}, {8}, {9}, {6}}, HISTORY.subList(0, 1));
    assertThat(otherHistory).isNotEqualTo(p);
  }

  @Test
  void weightedQuantileAndEss() {
    double[] x = {5, 1, 3};
    double[] w = {0.5, 0.25, 0.25};
    assertThat(Population.weightedQuantile(x, w, 0)).isEqualTo(1);
    assertThat(Population.weightedQuantile(x, w, 0.25)).isEqualTo(1);
    assertThat(Population.weightedQuantile(x, w, 0.26)).isEqualTo(3);
    assertThat(Population.weightedQuantile(x, w, 0.5)).isEqualTo(3);
    assertThat(Population.weightedQuantile(x, w, 0.51)).isEqualTo(5);
    assertThat(Population.weightedQuantile(x, w, 1)).isEqualTo(5);
    // weights short of p (rounding): the largest value
    assertThat(Population.weightedQuantile(x, new double[] {0.1, 0.1, 0.1}, 0.9)).isEqualTo(5);
    // ties in value: either index gives the same value
    assertThat(Population.weightedQuantile(new double[] {2, 2, 1}, new double[] {0.25, 0.25, 0.5}, 0.75)).isEqualTo(2);
    // ESS (sum w)^2 / sum w^2: (1 + 1 + 2)^2 / 6
    assertThat(Population.ess(new double[] {1, 1, 2})).isCloseTo(16 / 6.0, within(1e-15));
    assertThat(Population.ess(new double[] {0, 0})).isZero();
    assertThat(four().ess()).isCloseTo(1 / 0.3, within(1e-12));
  }

  @Test
  void drawsInvertTheCumulativeWeights() {
    double[] cum = {2, 6, 7, 10};
    // u * 10 against 2, 6, 7, 10: the first cumulative weight above it
    assertThat(Population.pick(cum, 0)).isZero();
    assertThat(Population.pick(cum, 0.19)).isZero();
    assertThat(Population.pick(cum, 0.2)).isEqualTo(1);
    assertThat(Population.pick(cum, 0.59)).isEqualTo(1);
    assertThat(Population.pick(cum, 0.65)).isEqualTo(2);
    assertThat(Population.pick(cum, 0.75)).isEqualTo(3);
    assertThat(Population.pick(cum, 0.999)).isEqualTo(3);
    assertThat(Population.pick(new double[] {1}, 0.5)).isZero();
    // the population's weights 0.1, 0.2, 0.3, 0.4: cumulative 0.1, 0.3, 0.6, 1.0
    assertThat(four().draw(5, PriorTest.doubles(0.05, 0.15, 0.45, 0.65, 0.95))).containsExactly(0, 1, 2, 3, 3);
    assertThat(four().draw(0, PriorTest.doubles())).isEmpty();
  }

  @Test
  void accessorsCopy() {
    Population p = four();
    assertThat(p.size()).isEqualTo(4);
    assertThat(p.names()).containsExactly("x", "y");
    assertThat(p.values(2)).containsExactly(4, 40);
    p.values(2)[0] = 99;
    assertThat(p.values(2)).containsExactly(4, 40);
    p.weights()[0] = 99;
    assertThat(p.weights()[0]).isEqualTo(0.1);
    p.distances()[0] = 99;
    assertThat(p.distances()).containsExactly(0.5, 1.5, 2.5, 0.25);
    p.statistics(0)[0] = 99;
    assertThat(p.statistics(0)).containsExactly(7);
    assertThat(p.column(1)).containsExactly(30, 10, 40, 20);
    assertThat(p.generation()).isEqualTo(HISTORY.get(1));
    assertThat(p.history()).isEqualTo(HISTORY);
    assertThat(p.toString()).isEqualTo("Population[4 particles of [x, y], generation 1, epsilon 2.500, ESS 3.3, 12 simulations]");
    assertThat(HISTORY.get(1).toString()).isEqualTo("generation 1: epsilon 2.500, 8 simulations (12 in all), acceptance 0.500, ESS 3.2");
    CalibrationResult r = new CalibrationResult(p, StopReason.BUDGET, 5);
    assertThat(r.summaries(0.8).get("x")).isEqualTo(p.summary("x", 0.8));
    assertThat(r.toString()).startsWith("CalibrationResult[BUDGET after 2 generations, 12 simulations, epsilon 2.500, ESS 3.3; [x: median 2.000");
  }

  @Test
  void constructorRefusesInconsistentArrays() {
    double[][] v = {{1}, {2}};
    double[][] s = {{1}, {2}};
    List<String> n = List.of("x");
    assertThatThrownBy(() -> new Population(n, v, new double[] {1}, new double[] {1, 1}, s, HISTORY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Population(n, v, new double[] {1, 1}, new double[] {1}, s, HISTORY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Population(n, v, new double[] {1, 1}, new double[] {1, 1}, new double[][] {{1}}, HISTORY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Population(n, new double[0][], new double[0], new double[0], new double[0][], HISTORY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Population(n, v, new double[] {1, 1}, new double[] {1, 1}, s, List.of())).hasMessageContaining("history");
    assertThatThrownBy(() -> new Population(List.of("x", "y"), v, new double[] {1, 1}, new double[] {1, 1}, s, HISTORY))
        .hasMessageContaining("2 parameters");
    assertThatThrownBy(() -> new Population(n, v, new double[] {1, -1e-300}, new double[] {1, 1}, s, HISTORY)).hasMessageContaining("weight 1");
    assertThatThrownBy(() -> new Population(n, v, new double[] {1, Double.POSITIVE_INFINITY}, new double[] {1, 1}, s, HISTORY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Population(n, v, new double[] {0, 0}, new double[] {1, 1}, s, HISTORY)).hasMessageContaining("all be 0");
    // a zero weight among others is fine; one particle is enough
    assertThat(new Population(n, v, new double[] {0, 2}, new double[] {1, 1}, s, HISTORY).weights()).containsExactly(0, 1);
    assertThat(new Population(n, new double[][] {{1}}, new double[] {3}, new double[] {1}, new double[][] {{1}}, HISTORY).size()).isEqualTo(1);
  }

  static final String TEXT = """
      # channelrisk ABC-SMC population
      # seed 42
      # fingerprint abc123
      # history: generation,epsilon,simulations,total_simulations,acceptance,ess
      # 0,,4,4,1.0,4.0
      # 1,2.5,8,12,0.5,3.2
      x,y,weight,distance,statistic_0
      3.0,30.0,0.1,0.5,7.0
      1.0,10.0,0.2,1.5,8.0
      4.0,40.0,0.3,2.5,9.0
      2.0,20.0,0.4,0.25,6.0
      """;

  @Test
  void writesTheDocumentedText() throws IOException {
    StringWriter w = new StringWriter();
    four().write(w, 42, "abc123");
    assertThat(w.toString()).isEqualTo(TEXT);
  }

  @Test
  void writeFlushesItsWriter() throws IOException {
    StringWriter sink = new StringWriter();
    four().write(new java.io.BufferedWriter(sink), 42, "abc123");
    assertThat(sink.toString()).isEqualTo(TEXT);
  }

  @Test
  void readsBackWhatItWroteAndKeepsTheWeightsAsRead() throws IOException {
    Population p = Population.read(new StringReader(TEXT), "p.csv", 42, "abc123");
    Population q = four();
    assertThat(p.names()).isEqualTo(q.names());
    assertThat(p.history()).isEqualTo(q.history());
    assertThat(p.weights()).isEqualTo(q.weights());
    assertThat(p.distances()).isEqualTo(q.distances());
    for (int i = 0; i < 4; i++) {
      assertThat(p.values(i)).isEqualTo(q.values(i));
      assertThat(p.statistics(i)).isEqualTo(q.statistics(i));
    }
    // weights that do not sum to 1 are kept as written, not renormalized; blank lines are skipped
    String unnormalized = TEXT.replace("0.1,0.5", "0.05,0.5").replace("# seed 42\n", "# seed 42\n\n");
    assertThat(Population.read(new StringReader(unnormalized), "p.csv", 42, "abc123").weights()).containsExactly(0.05, 0.2, 0.3, 0.4);
    // no statistics at all
    String bare = "# seed 1\n# fingerprint f\n# history:\n# 0,Infinity,1,1,1.0,1.0\nx,weight,distance\n0.5,1.0,0.0\n";
    Population b = Population.read(new StringReader(bare), "b.csv", 1, "f");
    assertThat(b.statistics(0)).isEmpty();
    assertThat(b.values(0)).containsExactly(0.5);
    // no parameters at all: weight and distance only
    String none = "# seed 1\n# fingerprint f\n# history:\n# 0,Infinity,1,1,1.0,1.0\nweight,distance\n1.0,0.0\n";
    assertThat(Population.read(new StringReader(none), "n.csv", 1, "f").names()).isEmpty();
  }

  @Test
  void readRefusesOtherRunsAndMalformedText() throws IOException {
    assertThatThrownBy(() -> Population.read(new StringReader(TEXT), "p.csv", 43, "abc123"))
        .hasMessage("p.csv: was written by a run with seed 42, not 43");
    assertThatThrownBy(() -> Population.read(new StringReader(TEXT.replace("# seed 42\n", "")), "p.csv", 42, "abc123"))
        .hasMessage("p.csv: was written by a run with seed (none), not 42");
    assertThatThrownBy(() -> Population.read(new StringReader(TEXT), "p.csv", 42, "abc124")).hasMessageContaining("another configuration");
    assertThatThrownBy(() -> Population.read(new StringReader(TEXT.replace("9.0\n", "9.0,1\n")), "p.csv", 42, "abc123"))
        .hasMessage("p.csv: line 10: expected 5 fields, found 6");
    assertThatThrownBy(() -> Population.read(new StringReader(TEXT.replace("4.0,40.0", "4.0,forty")), "p.csv", 42, "abc123"))
        .hasMessage("p.csv: line 10, field 'y': expected a number, found 'forty'");
    assertThatThrownBy(() -> Population.read(new StringReader(TEXT.replace("4.0,40.0", "4.0,NaN")), "p.csv", 42, "abc123"))
        .hasMessage("p.csv: line 10, field 'y': expected a finite number, found 'NaN'");
    assertThatThrownBy(() -> Population.read(new StringReader(TEXT.replace("40.0,0.3", "40.0,-0.3")), "p.csv", 42, "abc123"))
        .hasMessage("p.csv: line 10, field 'weight': expected a finite number >= 0, found '-0.3'");
    assertThatThrownBy(() -> Population.read(new StringReader(TEXT.replace("0.3,2.5", "0.3,NaN")), "p.csv", 42, "abc123"))
        .hasMessage("p.csv: line 10, field 'distance': expected a number >= 0, found 'NaN'");
    String zeroWeights = TEXT.replace("0.1,0.5", "0,0.5").replace("0.2,1.5", "0,1.5").replace("0.3,2.5", "0,2.5").replace("0.4,0.25", "0,0.25");
    assertThatThrownBy(() -> Population.read(new StringReader(zeroWeights), "p.csv", 42, "abc123")).hasMessageStartingWith("p.csv: ");
    // a checkpoint of the earlier format, with generation 0's tolerance spelled out, still reads
    assertThat(Population.read(new StringReader(TEXT.replace("# 0,,", "# 0,Infinity,")), "p.csv", 42, "abc123").history().get(0)
        .epsilon()).isInfinite();
    assertThatThrownBy(() -> Population.read(new StringReader(TEXT.replace("# 1,2.5,8,12,0.5,3.2", "# 1,2.5")), "p.csv", 42, "abc123"))
        .hasMessageStartingWith("p.csv: line 6:");
    String header = TEXT.substring(0, TEXT.indexOf("x,y"));
    assertThatThrownBy(() -> Population.read(new StringReader(header), "p.csv", 42, "abc123")).hasMessage("p.csv: holds no particles or no history");
    assertThatThrownBy(() -> Population.read(new StringReader(header + "x,y,weight,distance\n"), "p.csv", 42, "abc123"))
        .hasMessage("p.csv: holds no particles or no history");
    String noHistory = "# seed 42\n# fingerprint abc123\nx,weight,distance\n1,1,1\n";
    assertThatThrownBy(() -> Population.read(new StringReader(noHistory), "p.csv", 42, "abc123")).hasMessage("p.csv: holds no particles or no history");
    assertThatThrownBy(() -> Population.read(new StringReader(TEXT.replace("weight,distance", "distance,weight")), "p.csv", 42, "abc123"))
        .hasMessage("p.csv: header lacks weight and distance columns");
    assertThatThrownBy(() -> Population.read(new StringReader(TEXT.replace("weight,distance", "w,distance")), "p.csv", 42, "abc123"))
        .hasMessage("p.csv: header lacks weight and distance columns");
  }
}
