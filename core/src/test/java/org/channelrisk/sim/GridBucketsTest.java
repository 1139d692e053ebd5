package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.testing.PropertyCheck.forAll;

import java.util.ArrayList;
import java.util.List;
import org.channelrisk.testing.Gen;
import org.junit.jupiter.api.Test;

/** The calendar against a plain array of times: each bucket holds exactly the times of its grid step. */
class GridBucketsTest {
  @Test
  void bucketsHoldTheTimesOfTheirGridStep() {
    forAll("grid buckets = times by step", 200, rng -> rng.nextLong(), seed -> {
      var rng = Simulation.generator(seed, 0);
      double step = Gen.doubleIn(rng, 0.1, 3);
      Scenario s = Scenario.builder(org.channelrisk.model.Ecosystem.empty()).horizon(Gen.intIn(rng, 0, 30)).gridStep(step).build();
      double[] grid = s.grid();
      int n = Gen.intIn(rng, 1, 40);
      GridBuckets b = new GridBuckets(n, grid);
      double[] ref = new double[n];
      java.util.Arrays.fill(ref, Double.POSITIVE_INFINITY);
      for (int op = 0; op < 300; op++) {
        int i = rng.nextInt(n);
        if (rng.nextInt(4) == 0) {
          b.remove(i);
          ref[i] = Double.POSITIVE_INFINITY;
        } else {
          // grid points themselves, to test the boundaries, and times past the horizon
          double t = rng.nextBoolean() ? grid[rng.nextInt(grid.length)] : Gen.doubleIn(rng, -1, grid[grid.length - 1] + 2);
          b.set(i, t);
          ref[i] = t;
        }
      }
      int count = 0;
      for (int i = 0; i < n; i++) {
        assertThat(b.timeOf(i)).isEqualTo(ref[i]);
        count += ref[i] < Double.POSITIVE_INFINITY ? 1 : 0;
      }
      assertThat(b.size()).isEqualTo(count);
      for (int k = 0; k < grid.length; k++) {
        List<Integer> in = new ArrayList<>();
        for (int i = b.first(k); i >= 0; i = b.after(i)) {
          in.add(i);
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (ref[i] <= grid[k] && (k == 0 || ref[i] > grid[k - 1])) {
            expected.add(i);
          }
        }
        assertThat(in).as("bucket %d", k).containsExactlyInAnyOrderElementsOf(expected);
      }
    });
  }
}
