package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.channelrisk.testing.PropertyCheck.forAll;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.channelrisk.testing.Coverage;
import org.channelrisk.testing.Gen;
import org.channelrisk.testing.IndexedParts;
import org.junit.jupiter.api.Test;

/**
 * The algebra of {@link EnsembleSummary#merge}: over summaries built from generated replicate values
 * (no simulation), merging is associative and commutative, equals the summary of the union built in
 * one go (statistics included, bit for bit), leaves its operands unchanged, and refuses overlapping
 * replicate indices and different grids. There is no identity element: a summary has at least one
 * replicate, and a part without replicates is refused.
 */
class EnsembleSummaryLawProperties {
  private static final int OBSERVABLES = Observed.values().length;

  /**
   * A grid and replicate values split into parts (a part may be empty: that split must be refused).
   *
   * @param times the grid
   * @param parts per part, values[observable][time] by replicate index
   */
  record Split(double[] times, List<TreeMap<Long, double[][]>> parts) {
    TreeMap<Long, double[][]> union() {
      return IndexedParts.union(parts);
    }

    boolean hasEmptyPart() {
      return IndexedParts.hasEmptyPart(parts);
    }

    EnsembleSummary summary(int part) {
      return EnsembleSummary.fromReplicates(times, parts.get(part));
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("Split[times ").append(Arrays.toString(times));
      for (int i = 0; i < parts.size(); i++) {
        sb.append(", part ").append(i).append(" {");
        String sep = "";
        for (Map.Entry<Long, double[][]> e : parts.get(i).entrySet()) {
          sb.append(sep).append(e.getKey()).append('=').append(Arrays.deepToString(e.getValue()));
          sep = ", ";
        }
        sb.append('}');
      }
      return sb.append(']').toString();
    }
  }

  /** A value: often a small integer (ties across replicates, as counts have), sometimes an extreme one. */
  static double value(RandomGenerator rng) {
    return switch (rng.nextInt(4)) {
      case 0, 1 -> rng.nextInt(6);
      case 2 -> Gen.doubleIn(rng, 0, 1000);
      default -> Gen.finiteDouble(rng);
    };
  }

  /** Up to {@code maxParts} parts of up to 12 replicates with distinct indices on a grid of 1 to 4 times. */
  static Split split(RandomGenerator rng, int maxParts) {
    int nTimes = Gen.intIn(rng, 1, 4);
    double[] times = new double[nTimes];
    for (int t = 0; t < nTimes; t++) {
      times[t] = t * Gen.doubleIn(rng, 0.5, 2);
    }
    int nParts = Gen.intIn(rng, 2, maxParts);
    List<TreeMap<Long, double[][]>> parts = new ArrayList<>();
    for (int p = 0; p < nParts; p++) {
      parts.add(new TreeMap<>());
    }
    // Distinct indices: mostly small and dense (as an ensemble numbers them), sometimes anywhere in long's range.
    TreeSet<Long> used = new TreeSet<>();
    List<Long> indices = Gen.list(rng, 12, r -> r.nextInt(5) == 0 ? r.nextLong() : (long) r.nextInt(40));
    for (long index : indices) {
      if (!used.add(index)) {
        continue;
      }
      double[][] v = new double[OBSERVABLES][nTimes];
      for (double[] row : v) {
        for (int t = 0; t < nTimes; t++) {
          row[t] = value(rng);
        }
      }
      parts.get(rng.nextInt(nParts)).put(index, v);
    }
    return new Split(times, Collections.unmodifiableList(parts));
  }

  /** Equal as values, and equal in every statistic a user reads, bit for bit. */
  static void assertSame(EnsembleSummary actual, EnsembleSummary expected) {
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.replicateIndices()).isEqualTo(expected.replicateIndices());
    assertThat(actual.times()).containsExactly(expected.times());
    double[] ps = {0, 0.05, 0.5, 0.95, 1};
    for (Observed o : Observed.values()) {
      assertThat(bits(actual.mean(o))).as("mean %s", o).containsExactly(bits(expected.mean(o)));
      assertThat(bits(actual.sd(o))).as("sd %s", o).containsExactly(bits(expected.sd(o)));
      double[][] qa = actual.quantiles(o, ps);
      double[][] qe = expected.quantiles(o, ps);
      for (int k = 0; k < ps.length; k++) {
        assertThat(bits(qa[k])).as("q%s %s", ps[k], o).containsExactly(bits(qe[k]));
      }
    }
  }

  private static long[] bits(double[] v) {
    return Arrays.stream(v).mapToLong(Double::doubleToLongBits).toArray();
  }

  private static Map<Long, double[][]> deepCopy(Map<Long, double[][]> m) {
    Map<Long, double[][]> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, Arrays.stream(v).map(double[]::clone).toArray(double[][]::new)));
    return out;
  }

  @Test
  void mergeIsAssociativeAndCommutativeAndEqualsTheUnionBuiltAtOnce() {
    Coverage cov = new Coverage();
    forAll("ensemble summaries: merge laws", 400, rng -> split(rng, 3), s -> {
      cov.count("empty part refused", s.hasEmptyPart());
      cov.count("one-replicate part", s.parts().stream().anyMatch(p -> p.size() == 1));
      cov.count("three parts", s.parts().size() == 3 && !s.hasEmptyPart());
      cov.count("index outside int range", s.union().keySet().stream().anyMatch(k -> k != (int) (long) k));
      cov.count("one time", s.times().length == 1);
      if (s.hasEmptyPart()) {
        int empty = s.parts().indexOf(new TreeMap<Long, double[][]>());
        assertThatThrownBy(() -> s.summary(empty)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("at least one replicate");
        return;
      }
      List<EnsembleSummary> parts = new ArrayList<>();
      for (int i = 0; i < s.parts().size(); i++) {
        parts.add(s.summary(i));
      }
      EnsembleSummary whole = EnsembleSummary.fromReplicates(s.times(), s.union());
      EnsembleSummary a = parts.get(0);
      EnsembleSummary b = parts.get(1);
      assertSame(a.merge(b), b.merge(a));
      if (parts.size() == 2) {
        assertSame(a.merge(b), whole);
      } else {
        EnsembleSummary c = parts.get(2);
        assertSame(a.merge(b).merge(c), a.merge(b.merge(c)));
        assertSame(a.merge(b).merge(c), whole);
        assertSame(c.merge(a).merge(b), whole);
        assertSame(b.merge(c.merge(a)), whole);
      }
      assertThat(whole.replicates()).isEqualTo(s.parts().stream().mapToInt(Map::size).sum());
    });
    cov.requireAtLeast("empty part refused", 20);
    cov.requireAtLeast("one-replicate part", 50);
    cov.requireAtLeast("three parts", 50);
    cov.requireAtLeast("index outside int range", 30);
    cov.requireAtLeast("one time", 30);
  }

  @Test
  void mergingLeavesItsOperandsAndItsSourcesUnchanged() {
    forAll("ensemble summaries: merge changes nothing it was given", 200, rng -> split(rng, 2), s -> {
      if (s.hasEmptyPart()) {
        return;
      }
      // a is built from copies the test then changes; a0 from untouched ones
      double[] times = s.times().clone();
      Map<Long, double[][]> source = deepCopy(s.parts().get(0));
      EnsembleSummary a = EnsembleSummary.fromReplicates(times, source);
      EnsembleSummary b = s.summary(1);
      EnsembleSummary a0 = s.summary(0);
      EnsembleSummary merged = a.merge(b);
      assertThat(a).isEqualTo(a0);
      assertThat(b).isEqualTo(s.summary(1));
      // changing the caller's arrays afterwards changes no summary
      for (double[][] v : source.values()) {
        v[0][0] = Double.NaN;
      }
      times[0] = -1;
      assertThat(a).isEqualTo(a0);
      assertThat(merged).isEqualTo(a0.merge(b));
      // nor does changing what a summary hands out
      a.times()[0] = -1;
      assertThat(a).isEqualTo(a0);
    });
  }

  @Test
  void mergingOverlappingReplicatesOrDifferentGridsIsRefused() {
    Coverage cov = new Coverage();
    forAll("ensemble summaries: overlaps and other grids refused", 300, rng -> split(rng, 2), s -> {
      if (s.hasEmptyPart()) {
        return;
      }
      EnsembleSummary a = s.summary(0);
      EnsembleSummary b = s.summary(1);
      // b plus one replicate of a (with b's values or a's: an index is refused whatever its values)
      long shared = s.parts().get(0).lastKey();
      TreeMap<Long, double[][]> overlapping = new TreeMap<>(s.parts().get(1));
      overlapping.put(shared, s.parts().get(1).firstEntry().getValue());
      EnsembleSummary c = EnsembleSummary.fromReplicates(s.times(), overlapping);
      cov.count("overlap of one replicate in a one-replicate part", s.parts().get(0).size() == 1);
      assertThatThrownBy(() -> a.merge(c)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("replicate " + shared + " appears in both");
      assertThatThrownBy(() -> c.merge(a)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("replicate " + shared + " appears in both");
      assertThatThrownBy(() -> a.merge(a)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("appears in both");
      // the same replicates on a grid that differs in one time
      double[] other = s.times().clone();
      other[other.length - 1] = Math.nextUp(other[other.length - 1]);
      EnsembleSummary shifted = EnsembleSummary.fromReplicates(other, s.parts().get(1));
      assertThatThrownBy(() -> a.merge(shifted)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("different grids");
      assertThat(a.merge(b).replicates()).isEqualTo(a.replicates() + b.replicates());
    });
    cov.requireAtLeast("overlap of one replicate in a one-replicate part", 20);
  }
}
