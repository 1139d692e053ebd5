package org.channelrisk.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.channelrisk.testing.PropertyCheck.forAll;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.DoublesSortedView;
import org.channelrisk.testing.Coverage;
import org.channelrisk.testing.Gen;
import org.channelrisk.testing.IndexedParts;
import org.junit.jupiter.api.Test;

/**
 * The algebra of a sweep's merges, over generated parts (no simulation, no Spark).
 *
 * <p>{@link Plan.Parts#merge} is the union of units keyed by index: associative and commutative,
 * exactly (it moves values, it computes nothing), refusing a unit that arrives twice. There is no
 * identity element: a part holds at least one unit.
 *
 * <p>{@link Plan.Block#combine} folds blocks in the order given (Chan et al.'s pairwise update of
 * means and sums of squared deviations, then KLL merges). It is associative and commutative up to
 * rounding, not bit for bit, which is why a sweep always combines in block order: any order or
 * grouping gives the moments of all values at once within rounding, and keeps the count, minimum and
 * maximum of every sketch exactly and, while a sketch has not compacted, every value. Grouping from the
 * left gives the very same moments (the same updates in the same order). A single block is its own
 * combination. There is no identity element either: a block holds at least one replicate.
 *
 * <p>A broken merge fails these properties with a small counterexample: a unit silently overwritten,
 * units of one side dropped, the cross term or a weight of Chan's update wrong, a block's sketch left
 * out.
 */
class PlanMergeLawProperties {
  /** The grid of every generated part: the parts of one scenario share its grid. */
  private static final double[] TIMES = {0, 1, 2};

  /**
   * The units of one scenario split into parts (a part may be empty: it is then not built).
   *
   * @param parts per part, unit index to values[observable][time]
   */
  record UnitSplit(List<TreeMap<Long, double[][]>> parts) {
    TreeMap<Long, double[][]> union() {
      return IndexedParts.union(parts);
    }

    boolean hasEmptyPart() {
      return IndexedParts.hasEmptyPart(parts);
    }

    /** Part {@code i} built as the sweep builds it: one {@code Parts} per unit, merged. */
    Plan.Parts part(int i) {
      Plan.Parts out = null;
      for (Map.Entry<Long, double[][]> e : parts.get(i).entrySet()) {
        Plan.Parts unit = new Plan.Parts(TIMES, e.getKey(), e.getValue());
        out = out == null ? unit : Plan.Parts.merge(out, unit);
      }
      return out;
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("UnitSplit[");
      for (int i = 0; i < parts.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append("part ").append(i).append(' ');
        sb.append(parts.get(i).entrySet().stream().map(e -> e.getKey() + "=" + Arrays.deepToString(e.getValue())).toList());
      }
      return sb.append(']').toString();
    }
  }

  /**
   * Blocks of replicate values, all of one shape.
   *
   * @param k KLL's accuracy parameter of every sketch
   * @param blocks per block, values[replicate][observable][time]
   */
  record BlockSplit(int k, List<double[][][]> blocks) {
    Plan.Block block(int i) {
      return Plan.Block.of(blocks.get(i), k, 1, i);
    }

    int replicates() {
      return blocks.stream().mapToInt(b -> b.length).sum();
    }

    /** The values of one observable and time, over every block. */
    double[] column(int o, int t) {
      return blocks.stream().flatMap(Arrays::stream).mapToDouble(v -> v[o][t]).toArray();
    }

    boolean meansDiffer() {
      Plan.Block a = block(0);
      return blocks.size() > 1 && a.mean()[0][0] != block(1).mean()[0][0];
    }

    @Override
    public String toString() {
      return "BlockSplit[k " + k + ", blocks " + blocks.stream().map(Arrays::deepToString).toList() + "]";
    }
  }

  /**
   * A value as a sweep's observables take them: often a small count (ties across replicates),
   * otherwise a share or a count up to a million. Extreme doubles are left out on purpose: squared
   * deviations of values near 1e300 overflow in any summation order, and no observable comes near.
   */
  static double value(RandomGenerator rng) {
    return switch (rng.nextInt(4)) {
      case 0, 1 -> rng.nextInt(6);
      case 2 -> Gen.doubleIn(rng, 0, 1);
      default -> Gen.doubleIn(rng, 0, 1e6);
    };
  }

  static double[][] values(RandomGenerator rng, int observables, int times) {
    double[][] v = new double[observables][times];
    for (double[] row : v) {
      for (int t = 0; t < times; t++) {
        row[t] = value(rng);
      }
    }
    return v;
  }

  /** Two or three parts of up to 16 distinct units, mostly small dense indices, sometimes anywhere in long's range. */
  static UnitSplit unitSplit(RandomGenerator rng) {
    int nParts = Gen.intIn(rng, 2, 3);
    List<TreeMap<Long, double[][]>> parts = new ArrayList<>();
    for (int p = 0; p < nParts; p++) {
      parts.add(new TreeMap<>());
    }
    TreeSet<Long> used = new TreeSet<>();
    for (long index : Gen.list(rng, 16, r -> r.nextInt(5) == 0 ? r.nextLong() : (long) r.nextInt(40))) {
      if (used.add(index)) {
        parts.get(rng.nextInt(nParts)).put(index, values(rng, 2, TIMES.length));
      }
    }
    return new UnitSplit(Collections.unmodifiableList(parts));
  }

  /** One to four blocks of 1 to 12 replicates, on 1 to 3 observables x 1 to 3 times; k 8 (compacts early) or 200. */
  static BlockSplit blockSplit(RandomGenerator rng) {
    int k = rng.nextBoolean() ? 8 : 200;
    int observables = Gen.intIn(rng, 1, 3);
    int times = Gen.intIn(rng, 1, 3);
    int nBlocks = Gen.intIn(rng, 1, 4);
    List<double[][][]> blocks = new ArrayList<>();
    for (int b = 0; b < nBlocks; b++) {
      double[][][] v = new double[Gen.intIn(rng, 1, 12)][][];
      for (int r = 0; r < v.length; r++) {
        v[r] = values(rng, observables, times);
      }
      blocks.add(v);
    }
    return new BlockSplit(k, Collections.unmodifiableList(blocks));
  }

  /** A part's content: its grid and its units, values compared by content. */
  static void assertSameParts(Plan.Parts actual, Plan.Parts expected) {
    assertThat(actual.times).containsExactly(expected.times);
    assertThat(actual.byIndex.keySet()).containsExactlyElementsOf(expected.byIndex.keySet());
    for (Map.Entry<Long, Serializable> e : expected.byIndex.entrySet()) {
      assertThat((double[][]) actual.byIndex.get(e.getKey())).as("unit %d", e.getKey()).isDeepEqualTo((double[][]) e.getValue());
    }
  }

  static void assertPartHolds(Plan.Parts actual, TreeMap<Long, double[][]> units) {
    assertThat(actual.times).containsExactly(TIMES);
    assertThat(actual.byIndex.keySet()).containsExactlyElementsOf(units.keySet());
    units.forEach((i, v) -> assertThat(actual.byIndex.get(i)).as("unit %d", i).isSameAs(v));
  }

  @Test
  void partsMergeIsAnExactAssociativeCommutativeUnion() {
    Coverage cov = new Coverage();
    forAll("spark parts: merge laws", 400, PlanMergeLawProperties::unitSplit, s -> {
      cov.count("empty part", s.hasEmptyPart());
      cov.count("three parts", s.parts().size() == 3 && !s.hasEmptyPart());
      cov.count("one-unit part", s.parts().stream().anyMatch(p -> p.size() == 1));
      cov.count("index outside int range", s.union().keySet().stream().anyMatch(i -> i != (int) (long) i));
      if (s.hasEmptyPart()) {
        return; // a part of no units cannot be built: Parts holds at least one
      }
      Plan.Parts a = s.part(0);
      Plan.Parts b = s.part(1);
      assertPartHolds(Plan.Parts.merge(a, b), union(s.parts().get(0), s.parts().get(1)));
      assertSameParts(Plan.Parts.merge(a, b), Plan.Parts.merge(b, a));
      if (s.parts().size() == 3) {
        Plan.Parts c = s.part(2);
        Plan.Parts left = Plan.Parts.merge(Plan.Parts.merge(a, b), c);
        assertPartHolds(left, s.union());
        assertSameParts(Plan.Parts.merge(a, Plan.Parts.merge(b, c)), left);
        assertSameParts(Plan.Parts.merge(Plan.Parts.merge(c, a), b), left);
        assertSameParts(Plan.Parts.merge(b, Plan.Parts.merge(c, a)), left);
      }
      // the operands are unchanged
      assertPartHolds(a, s.parts().get(0));
      assertPartHolds(b, s.parts().get(1));
    });
    cov.requireAtLeast("empty part", 20);
    cov.requireAtLeast("three parts", 50);
    cov.requireAtLeast("one-unit part", 50);
    cov.requireAtLeast("index outside int range", 30);
  }

  @Test
  void aUnitThatArrivesTwiceIsRefused() {
    forAll("spark parts: a unit computed twice is refused", 200, PlanMergeLawProperties::unitSplit, s -> {
      if (s.hasEmptyPart()) {
        return;
      }
      Plan.Parts a = s.part(0);
      long shared = s.parts().get(0).lastKey();
      // b plus one unit of a, with b's values: an index is refused whatever its values
      Plan.Parts withShared = Plan.Parts.merge(s.part(1), new Plan.Parts(TIMES, shared, s.parts().get(1).firstEntry().getValue()));
      assertThatThrownBy(() -> Plan.Parts.merge(a, withShared)).isInstanceOf(IllegalStateException.class)
          .hasMessage("unit " + shared + " computed twice");
      assertThatThrownBy(() -> Plan.Parts.merge(withShared, a)).isInstanceOf(IllegalStateException.class)
          .hasMessage("unit " + shared + " computed twice");
      assertThatThrownBy(() -> Plan.Parts.merge(a, a)).isInstanceOf(IllegalStateException.class)
          .hasMessageEndingWith(" computed twice");
      assertPartHolds(a, s.parts().get(0));
    });
  }

  @Test
  void partsOnDifferentGridsAreRefused() {
    double[][] value = {TIMES.clone()};
    Plan.Parts a = new Plan.Parts(TIMES, 0, value);
    Plan.Parts shorter = new Plan.Parts(java.util.Arrays.copyOf(TIMES, TIMES.length - 1), 1, value);
    assertThatThrownBy(() -> Plan.Parts.merge(a, shorter)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("different time grids");
    assertThatThrownBy(() -> Plan.Parts.merge(shorter, a)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("different time grids");
  }

  private static TreeMap<Long, double[][]> union(TreeMap<Long, double[][]> a, TreeMap<Long, double[][]> b) {
    TreeMap<Long, double[][]> out = new TreeMap<>(a);
    out.putAll(b);
    return out;
  }

  private static Plan.Block combine(long key, Plan.Block... blocks) {
    // as Plan.finish does: KLL's coin flips seeded for the whole combination
    return Kll.seeded(() -> Plan.Block.combine(List.of(blocks)), 1, key);
  }

  /** Bit for bit: count and moments. */
  static void assertSameMoments(Plan.Block actual, Plan.Block expected) {
    assertThat(actual.n()).isEqualTo(expected.n());
    for (int o = 0; o < expected.mean().length; o++) {
      assertThat(bits(actual.mean()[o])).as("mean %d", o).containsExactly(bits(expected.mean()[o]));
      assertThat(bits(actual.m2()[o])).as("m2 %d", o).containsExactly(bits(expected.m2()[o]));
    }
  }

  private static long[] bits(double[] v) {
    return Arrays.stream(v).mapToLong(Double::doubleToLongBits).toArray();
  }

  /**
   * The block summarises exactly the split's values: the count exactly; the moments within rounding of
   * the exact ones; each sketch's count, minimum and maximum exactly, and every value while it has not
   * compacted.
   *
   * <p>Why a tolerance for the moments: Chan's update is associative and commutative in exact
   * arithmetic, but each update rounds, so another order or grouping changes the last bits (which is
   * why the sweep always combines in block order). Each of at most n updates adds a few ulps of the
   * largest value to a mean, and of the sum of squares to a sum of squared deviations; 16 n ulps is a
   * safe bound, and far below what a wrong weight or a missing cross term costs (of the order of the
   * squared difference of the blocks' means).
   */
  static void assertSummarises(Plan.Block actual, BlockSplit s, String what) {
    int n = s.replicates();
    assertThat(actual.n()).as("%s: n", what).isEqualTo(n);
    for (int o = 0; o < actual.mean().length; o++) {
      for (int t = 0; t < actual.mean()[o].length; t++) {
        double[] x = s.column(o, t);
        BigDecimal sum = BigDecimal.ZERO;
        double max = 0;
        double squares = 0;
        for (double v : x) {
          sum = sum.add(new BigDecimal(v));
          max = Math.max(max, Math.abs(v));
          squares += v * v;
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
        BigDecimal m2 = BigDecimal.ZERO;
        for (double v : x) {
          BigDecimal d = new BigDecimal(v).subtract(mean);
          m2 = m2.add(d.multiply(d));
        }
        double ulps = 16.0 * n * Math.ulp(1.0);
        assertThat(actual.mean()[o][t]).as("%s: mean %d %d", what, o, t)
            .isCloseTo(mean.doubleValue(), org.assertj.core.data.Offset.offset(ulps * max));
        assertThat(actual.m2()[o][t]).as("%s: m2 %d %d", what, o, t)
            .isCloseTo(m2.doubleValue(), org.assertj.core.data.Offset.offset(ulps * squares));

        KllDoublesSketch sketch = Kll.read(actual.sketches()[o][t]);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        assertThat(sketch.getN()).as("%s: sketch n %d %d", what, o, t).isEqualTo(n);
        assertThat(sketch.getMinItem()).as("%s: sketch min %d %d", what, o, t).isEqualTo(sorted[0]);
        assertThat(sketch.getMaxItem()).as("%s: sketch max %d %d", what, o, t).isEqualTo(sorted[n - 1]);
        if (!sketch.isEstimationMode()) {
          assertThat(retained(sketch)).as("%s: sketch values %d %d", what, o, t).containsExactly(sorted);
        }
      }
    }
  }

  /** A sketch's retained values in order, each repeated by its weight. */
  private static double[] retained(KllDoublesSketch sketch) {
    DoublesSortedView view = sketch.getSortedView();
    double[] items = view.getQuantiles();
    long[] cumulative = view.getCumulativeWeights();
    double[] out = new double[Math.toIntExact(cumulative[cumulative.length - 1])];
    int at = 0;
    for (int i = 0; i < items.length; i++) {
      for (long w = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]); w > 0; w--) {
        out[at++] = items[i];
      }
    }
    return out;
  }

  @Test
  void blockCombineSummarisesTheUnionInAnyOrderAndExactlyFromTheLeft() {
    Coverage cov = new Coverage();
    forAll("spark blocks: combine laws", 300, PlanMergeLawProperties::blockSplit, s -> {
      List<Plan.Block> blocks = new ArrayList<>();
      for (int i = 0; i < s.blocks().size(); i++) {
        blocks.add(s.block(i));
      }
      Plan.Block inOrder = combine(-1, blocks.toArray(Plan.Block[]::new));
      cov.count("one block", blocks.size() == 1);
      cov.count("four blocks", blocks.size() == 4);
      cov.count("means differ", s.meansDiffer());
      cov.count("compacted", Kll.read(inOrder.sketches()[0][0]).isEstimationMode());
      cov.count("all values kept", blocks.size() > 1 && !Kll.read(inOrder.sketches()[0][0]).isEstimationMode());
      // a single block is its own combination
      Plan.Block first = blocks.get(0);
      assertSameMoments(combine(-1, first), first);
      assertThat(combine(-1, first).sketches()[0][0]).isEqualTo(first.sketches()[0][0]);
      // ((b0 b1) b2) b3: the same updates in the same order, so the same moments bit for bit (not the same
      // sketch bytes: the KLL merges then draw their coin flips in another order)
      Plan.Block nested = first;
      for (Plan.Block b : blocks.subList(1, blocks.size())) {
        nested = combine(-1, nested, b);
      }
      assertSameMoments(nested, inOrder);
      assertSummarises(nested, s, "from the left");
      // any order and any grouping: the same summary up to rounding
      assertSummarises(inOrder, s, "in order");
      List<Plan.Block> reversed = new ArrayList<>(blocks);
      Collections.reverse(reversed);
      assertSummarises(combine(-2, reversed.toArray(Plan.Block[]::new)), s, "reversed");
      Plan.Block fromTheRight = blocks.get(blocks.size() - 1);
      for (int i = blocks.size() - 2; i >= 0; i--) {
        fromTheRight = combine(-3, blocks.get(i), fromTheRight);
      }
      assertSummarises(fromTheRight, s, "from the right");
      // the operands are unchanged
      for (int i = 0; i < blocks.size(); i++) {
        assertSameMoments(blocks.get(i), s.block(i));
      }
    });
    cov.requireAtLeast("one block", 30);
    cov.requireAtLeast("four blocks", 30);
    cov.requireAtLeast("means differ", 150);
    cov.requireAtLeast("compacted", 50);
    cov.requireAtLeast("all values kept", 30);
  }
}
