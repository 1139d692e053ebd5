package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.testing.PropertyCheck.forAll;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.channelrisk.model.ChannelRole;
import org.channelrisk.testing.Coverage;
import org.channelrisk.testing.Gen;
import org.junit.jupiter.api.Test;

/** Each strategy's order against a boxed stable sort of the same keys. */
class TargetingTest {
  /** A channel as targeting sees it; not eligible is not on the day's platforms, or not active. */
  record Target(long audience, ChannelRole role, int degree, boolean eligible) {
    @Override
    public String toString() {
      return "audience " + audience + " " + role + " degree " + degree + (eligible ? "" : " not eligible");
    }
  }

  /** Channels in index order, and the seed of the generator the random strategy shuffles with. */
  record Day(List<Target> channels, long shuffleSeed) {
    int[] eligible() {
      return IntStream.range(0, channels.size()).filter(i -> channels.get(i).eligible()).toArray();
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("Day[");
      for (int i = 0; i < channels.size(); i++) {
        sb.append('#').append(i).append(' ').append(channels.get(i)).append("; ");
      }
      return sb.append("shuffle seed ").append(shuffleSeed).append(']').toString();
    }
  }

  @Test
  void ordersAreStableSortsOfTheStrategysKeys() {
    Coverage cov = new Coverage();
    forAll("targeting = boxed stable sort", 200, rng -> new Day(Gen.list(rng, 80, r -> new Target(
        r.nextInt(5), // many ties
        ChannelRole.values()[r.nextInt(4)],
        r.nextInt(4),
        r.nextInt(4) != 3)), rng.nextLong()), day -> {
      int n = day.channels().size();
      long[] audience = day.channels().stream().mapToLong(Target::audience).toArray();
      byte[] role = new byte[n];
      for (int i = 0; i < n; i++) {
        role[i] = (byte) day.channels().get(i).role().ordinal();
      }
      int[] degree = day.channels().stream().mapToInt(Target::degree).toArray();
      int[] eligible = day.eligible();
      int m = eligible.length;
      cov.count("40 or more channels", n >= 40);
      cov.count("none eligible", m == 0);
      for (TargetingStrategy s : TargetingStrategy.values()) {
        int[] order = Arrays.copyOf(eligible, n);
        Targeting.order(s, order, m, audience, role, i -> degree[i], Simulation.generator(day.shuffleSeed(), 1));
        Integer[] boxed = Arrays.stream(eligible).boxed().toArray(Integer[]::new);
        Comparator<Integer> byAudience = Comparator.comparingLong(i -> -audience[i]);
        switch (s) {
          case RANDOM -> {
            int[] sorted = Arrays.copyOf(order, m);
            Arrays.sort(sorted);
            assertThat(sorted).containsExactly(eligible);
            continue;
          }
          case LARGEST_AUDIENCE -> Arrays.sort(boxed, byAudience);
          case HUBS -> Arrays.sort(boxed, Comparator.comparingInt(i -> -degree[i]));
          case OFFICIAL_FIRST -> Arrays.sort(boxed, Comparator.<Integer>comparingInt(
              i -> role[i] == ChannelRole.OFFICIAL_OUTLET.ordinal() ? 0 : 1).thenComparing(byAudience));
          case INCLUDING_BACKUPS -> Arrays.sort(boxed, Comparator.<Integer>comparingInt(
              i -> role[i] == ChannelRole.BACKUP.ordinal() ? 0 : 1).thenComparing(byAudience));
          default -> throw new AssertionError(s);
        }
        assertThat(Arrays.copyOf(order, m)).as(s.name()).containsExactly(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
      }
    });
    cov.requireAtLeast("40 or more channels", 10);
    cov.requireAtLeast("none eligible", 3);
  }
}
