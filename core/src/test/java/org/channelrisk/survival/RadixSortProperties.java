package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.testing.PropertyCheck.forAll;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.channelrisk.testing.Coverage;
import org.channelrisk.testing.Gen;
import org.junit.jupiter.api.Test;

/** The radix sort behind Kaplan-Meier gives exactly what Arrays.sort gives (bit for bit). */
class RadixSortProperties {
  static double value(RandomGenerator rng, int kind) {
    return switch (kind) {
      case 0 -> rng.nextInt(0, 50);                                   // heavy ties
      case 1 -> rng.nextExponential() * 10;                           // survival times
      case 2 -> (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-300, 300));   // any sign and magnitude
      default -> new double[] {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY, 1.0, -1.0}[rng.nextInt(9)];       // edge values
    };
  }

  /** The values to sort. */
  record Values(double[] a) {
    @Override
    public String toString() {
      return "Values" + Arrays.toString(a);
    }
  }

  @Test
  void sortsLikeArraysSort() {
    Coverage cov = new Coverage();
    forAll("radix sort = Arrays.sort", 120, rng -> {
      int n = rng.nextBoolean() ? Gen.intIn(rng, 0, 200) : Gen.intIn(rng, RadixSort.THRESHOLD - 10, 3 * RadixSort.THRESHOLD);
      int kinds = rng.nextInt(1, 5);
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = value(rng, rng.nextInt(kinds));
      }
      return new Values(a);
    }, v -> {
      double[] a = v.a();
      cov.count("radix path", a.length >= RadixSort.THRESHOLD);
      cov.count("signed zeros", Arrays.stream(a).anyMatch(x -> Double.doubleToRawLongBits(x) == Long.MIN_VALUE));
      double[] expected = a.clone();
      Arrays.sort(expected);
      double[] actual = a.clone();
      RadixSort.sort(actual);
      assertThat(Arrays.equals(actual, expected)).as("same doubles, -0.0 before 0.0").isTrue();
    });
    cov.requireAtLeast("radix path", 20);
    cov.requireAtLeast("signed zeros", 5);
  }
}
