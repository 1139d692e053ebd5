package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.testing.PropertyCheck.forAll;

import java.util.ArrayList;
import java.util.List;
import org.channelrisk.testing.Gen;
import org.junit.jupiter.api.Test;

/** The calendar against a plain array of times: each bucket holds exactly the times of its grid step. */
class GridBucketsTest {
  /** One change to the calendar: channel i's time set to t, or removed. */
  record Op(int channel, boolean remove, double time) {}

  /** A grid (horizon and step) and the changes made to a calendar of n channels on it. */
  record Script(int horizon, double step, int n, List<Op> ops) {
    double[] grid() {
      return Scenario.builder(org.channelrisk.model.Ecosystem.empty()).horizon(horizon).gridStep(step).build().grid();
    }
  }

  @Test
  void bucketsHoldTheTimesOfTheirGridStep() {
    forAll("grid buckets = times by step", 200, rng -> {
      Script empty = new Script(Gen.intIn(rng, 0, 30), Gen.doubleIn(rng, 0.1, 3), Gen.intIn(rng, 1, 40), List.of());
      double[] grid = empty.grid();
      // about 300 changes (Gen.list ends a list at a coin flip, so a failing list shrinks by deletion);
      // grid points themselves, to test the boundaries, and times past the horizon
      List<Op> ops = Gen.list(rng, 1_200, r -> {
        int i = r.nextInt(empty.n());
        return r.nextInt(4) == 0 ? new Op(i, true, Double.NaN)
            : new Op(i, false, r.nextBoolean() ? grid[r.nextInt(grid.length)] : Gen.doubleIn(r, -1, grid[grid.length - 1] + 2));
      });
      return new Script(empty.horizon(), empty.step(), empty.n(), ops);
    }, script -> {
      double[] grid = script.grid();
      int n = script.n();
      GridBuckets b = new GridBuckets(n, grid);
      double[] ref = new double[n];
      java.util.Arrays.fill(ref, Double.POSITIVE_INFINITY);
      for (Op op : script.ops()) {
        if (op.remove()) {
          b.remove(op.channel());
          ref[op.channel()] = Double.POSITIVE_INFINITY;
        } else {
          b.set(op.channel(), op.time());
          ref[op.channel()] = op.time();
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
