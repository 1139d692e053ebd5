package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.testing.PropertyCheck.forAll;

import java.util.List;
import org.channelrisk.testing.Coverage;
import org.channelrisk.testing.Gen;
import org.junit.jupiter.api.Test;

/**
 * The laws of the aggregate model's merges (coalescence), fragmentations and bans, over generated
 * sequences of them: no member is ever gained or lost; a size-window ban breaks up exactly the
 * clusters in the window and reports their members; each member banned at random adds exactly one
 * cluster; the same seed gives the same clusters.
 */
class AggregateModelProperties {
  /** One operation on the model. */
  sealed interface Op {}

  /** Runs {@code count} steps (each a merge of two clusters or a fragmentation). */
  record Steps(long count) implements Op {}

  /** Bans the clusters with sizes in [min, max]. */
  record BanWindow(int min, int max) implements Op {}

  /** Bans each member with probability {@code share}. */
  record BanRandom(double share) implements Op {}

  /** A model of {@code n} members with fragmentation probability {@code a}, its seed and what is done to it. */
  record Case(int n, double a, long seed, List<Op> ops) {
    AggregateModel model() {
      return AggregateModel.of(n, a, Simulation.generator(seed, 0));
    }
  }

  static long members(long[] counts) {
    long m = 0;
    for (int s = 1; s < counts.length; s++) {
      m += s * counts[s];
    }
    return m;
  }

  static long clusters(long[] counts) {
    long c = 0;
    for (long k : counts) {
      c += k;
    }
    return c;
  }

  @Test
  void mergesFragmentationsAndBansConserveMembersAndCountExactly() {
    Coverage cov = new Coverage();
    forAll("aggregate model: conservation and exact ban counts", 200, rng -> {
      int n = Gen.intIn(rng, 2, 400);
      double a = rng.nextInt(8) == 0 ? 1.0 : Gen.doubleIn(rng, 0.01, 0.5);
      long seed = rng.nextLong();
      List<Op> ops = Gen.list(rng, 12, r -> switch (r.nextInt(3)) {
        case 0 -> new Steps(Gen.intIn(r, 0, 5_000));
        case 1 -> {
          int min = Gen.intIn(r, 0, 12);
          yield new BanWindow(min, min + Gen.intIn(r, 0, 400));
        }
        default -> new BanRandom(Gen.doubleIn(r, 0, 1));
      });
      return new Case(n, a, seed, ops);
    }, c -> {
      AggregateModel m = c.model();
      long steps = 0;
      for (Op op : c.ops()) {
        long[] before = m.sizeCounts();
        if (op instanceof Steps s) {
          m.step(s.count());
          steps += s.count();
          assertThat(m.steps()).isEqualTo(steps);
        } else if (op instanceof BanWindow w) {
          long expected = 0;
          for (int s = Math.max(w.min(), 2); s < before.length && s <= w.max(); s++) {
            expected += s * before[s];
          }
          int affected = m.banSizeWindow(w.min(), w.max());
          cov.count("window ban hit a cluster", affected > 0);
          assertThat((long) affected).as("members in clusters of size %d..%d", w.min(), w.max()).isEqualTo(expected);
          long[] after = m.sizeCounts();
          for (int s = 2; s < Math.max(before.length, after.length); s++) {
            long was = s < before.length ? before[s] : 0;
            long now = s < after.length ? after[s] : 0;
            assertThat(now).as("clusters of size %d", s).isEqualTo(s >= w.min() && s <= w.max() ? 0 : was);
          }
        } else if (op instanceof BanRandom r) {
          int banned = m.banRandomMembers(r.share());
          cov.count("random ban hit a member", banned > 0);
          assertThat(clusters(m.sizeCounts())).as("one new cluster per banned member").isEqualTo(clusters(before) + banned);
        }
        long[] counts = m.sizeCounts();
        cov.count("a cluster of 10 or more", counts.length > 10);
        assertThat(members(counts)).as("members after %s", op).isEqualTo(c.n());
        assertThat(m.largestClusterFraction()).isEqualTo((double) (counts.length - 1) / c.n());
        if (c.a() == 1.0) {
          assertThat(counts.length).as("always fragmenting: singletons only").isEqualTo(2);
        }
      }
      // the same seed and operations give the same clusters
      AggregateModel again = c.model();
      for (Op op : c.ops()) {
        if (op instanceof Steps s) {
          again.step(s.count());
        } else if (op instanceof BanWindow w) {
          again.banSizeWindow(w.min(), w.max());
        } else if (op instanceof BanRandom r) {
          again.banRandomMembers(r.share());
        }
      }
      assertThat(again.sizeCounts()).containsExactly(m.sizeCounts());
    });
    cov.requireAtLeast("window ban hit a cluster", 30);
    cov.requireAtLeast("random ban hit a member", 30);
    cov.requireAtLeast("a cluster of 10 or more", 30);
  }
}
