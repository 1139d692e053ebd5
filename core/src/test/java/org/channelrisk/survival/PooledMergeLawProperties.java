package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.testing.PropertyCheck.forAll;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.channelrisk.testing.Coverage;
import org.channelrisk.testing.Gen;
import org.junit.jupiter.api.Test;

/**
 * The laws of the merge behind the pooled Kaplan–Meier curve ({@code KaplanMeier.merge} of the groups'
 * sorted times): it is the sorted multiset union, so it is commutative and associative with the empty
 * array as identity; and, what it is for, the pooled curve of grouped data is the curve of the same
 * data without groups, with or without left truncation.
 *
 * <p>Times are non-negative, as survival times are: {@code -0.0} and {@code 0.0} compare equal in the
 * merge, so their order in the result (not its values) would depend on the argument order.
 */
class PooledMergeLawProperties {
  /** Three ascending arrays. */
  record Sorted(double[] a, double[] b, double[] c) {
    @Override
    public String toString() {
      return "Sorted[a " + Arrays.toString(a) + ", b " + Arrays.toString(b) + ", c " + Arrays.toString(c) + "]";
    }
  }

  /** Lifetimes with groups, and entry times (left truncation) or none. */
  record Grouped(double[] time, boolean[] event, String[] group, double[] entry) {
    SurvivalData data(boolean withGroups) {
      SurvivalData d = SurvivalData.of(time, event);
      d = withGroups ? d.withGroups(group) : d;
      return entry == null ? d : d.withEntry(entry);
    }

    @Override
    public String toString() {
      return "Grouped[time " + Arrays.toString(time) + ", event " + Arrays.toString(event) + ", group "
          + Arrays.toString(group) + (entry == null ? "" : ", entry " + Arrays.toString(entry)) + "]";
    }
  }

  /** A survival time: often a small whole number (ties within and across arrays), or zero. */
  static double time(RandomGenerator rng) {
    return rng.nextBoolean() ? rng.nextInt(8) : Gen.doubleIn(rng, 0, 20);
  }

  static double[] ascending(RandomGenerator rng) {
    return Gen.list(rng, 12, PooledMergeLawProperties::time).stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  @Test
  void sortedMergeIsTheMultisetUnionCommutativeAssociativeWithEmptyIdentity() {
    Coverage cov = new Coverage();
    forAll("sorted merge: union, commutative, associative, identity", 500,
        rng -> new Sorted(ascending(rng), ascending(rng), ascending(rng)), x -> {
          double[] a = x.a();
          double[] b = x.b();
          double[] c = x.c();
          double[] a0 = a.clone();
          double[] b0 = b.clone();
          cov.count("an empty operand", a.length == 0 || b.length == 0);
          cov.count("a value in both", Arrays.stream(a).anyMatch(v -> Arrays.stream(b).anyMatch(w -> w == v)));
          cov.count("one element", a.length == 1 || b.length == 1);
          double[] ab = KaplanMeier.merge(a, b);
          double[] union = new double[a.length + b.length];
          System.arraycopy(a, 0, union, 0, a.length);
          System.arraycopy(b, 0, union, a.length, b.length);
          Arrays.sort(union);
          assertThat(ab).containsExactly(union);
          assertThat(KaplanMeier.merge(b, a)).containsExactly(ab);
          assertThat(KaplanMeier.merge(KaplanMeier.merge(a, b), c)).containsExactly(KaplanMeier.merge(a, KaplanMeier.merge(b, c)));
          assertThat(KaplanMeier.merge(a, new double[0])).containsExactly(a);
          assertThat(KaplanMeier.merge(new double[0], a)).containsExactly(a);
          // operands unchanged
          assertThat(a).containsExactly(a0);
          assertThat(b).containsExactly(b0);
        });
    cov.requireAtLeast("an empty operand", 30);
    cov.requireAtLeast("a value in both", 100);
    cov.requireAtLeast("one element", 30);
  }

  @Test
  void thePooledCurveOfGroupedDataIsTheCurveWithoutGroups() {
    Coverage cov = new Coverage();
    forAll("pooled KM of groups = KM without groups", 300, rng -> {
      int n = Gen.intIn(rng, 1, 40);
      double[] t = new double[n];
      boolean[] e = new boolean[n];
      String[] g = new String[n];
      for (int i = 0; i < n; i++) {
        t[i] = time(rng);
        e[i] = rng.nextInt(4) != 0;
        g[i] = "g" + rng.nextInt(4);
      }
      double[] entry = null;
      if (rng.nextBoolean()) {
        entry = new double[n];
        for (int i = 0; i < n; i++) {
          entry[i] = rng.nextBoolean() ? 0 : Math.floor(t[i] * rng.nextDouble());
        }
      }
      return new Grouped(t, e, g, entry);
    }, x -> {
      SurvivalData grouped = x.data(true);
      cov.count("three or more groups", grouped.groupLevels().size() >= 3);
      cov.count("left-truncated", x.entry() != null);
      cov.count("tie across groups", tieAcrossGroups(x));
      SurvivalCurve pooled = KaplanMeier.estimate(grouped).pooled();
      SurvivalCurve plain = KaplanMeier.estimate(x.data(false)).pooled();
      assertThat(pooled.size()).isEqualTo(plain.size());
      for (int i = 0; i < plain.size(); i++) {
        assertThat(pooled.time(i)).isEqualTo(plain.time(i));
        assertThat(pooled.nRisk(i)).as("n.risk at %s", plain.time(i)).isEqualTo(plain.nRisk(i));
        assertThat(pooled.nEvent(i)).isEqualTo(plain.nEvent(i));
        assertThat(pooled.nCensor(i)).isEqualTo(plain.nCensor(i));
        assertThat(Double.doubleToLongBits(pooled.survival(i))).isEqualTo(Double.doubleToLongBits(plain.survival(i)));
        assertThat(Double.doubleToLongBits(pooled.stdErr(i))).isEqualTo(Double.doubleToLongBits(plain.stdErr(i)));
        assertThat(Double.doubleToLongBits(pooled.lower(i))).isEqualTo(Double.doubleToLongBits(plain.lower(i)));
        assertThat(Double.doubleToLongBits(pooled.upper(i))).isEqualTo(Double.doubleToLongBits(plain.upper(i)));
      }
    });
    cov.requireAtLeast("three or more groups", 100);
    cov.requireAtLeast("left-truncated", 100);
    cov.requireAtLeast("tie across groups", 100);
  }

  private static boolean tieAcrossGroups(Grouped x) {
    for (int i = 0; i < x.time().length; i++) {
      for (int j = i + 1; j < x.time().length; j++) {
        if (x.time()[i] == x.time()[j] && !x.group()[i].equals(x.group()[j])) {
          return true;
        }
      }
    }
    return false;
  }
}
