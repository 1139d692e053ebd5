package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.testing.PropertyCheck.forAll;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.channelrisk.model.ChannelRole;
import org.channelrisk.testing.Gen;
import org.junit.jupiter.api.Test;

/** Each strategy's order against a boxed stable sort of the same keys. */
class TargetingTest {
  @Test
  void ordersAreStableSortsOfTheStrategysKeys() {
    forAll("targeting = boxed stable sort", 200, rng -> rng.nextLong(), seed -> {
      var rng = Simulation.generator(seed, 0);
      int n = Gen.intIn(rng, 0, 80);
      long[] audience = new long[n];
      byte[] role = new byte[n];
      int[] degree = new int[n];
      for (int i = 0; i < n; i++) {
        audience[i] = rng.nextInt(5); // many ties
        role[i] = (byte) rng.nextInt(4);
        degree[i] = rng.nextInt(4);
      }
      int[] eligible = IntStream.range(0, n).filter(i -> rng.nextInt(4) > 0).toArray();
      int m = eligible.length;
      for (TargetingStrategy s : TargetingStrategy.values()) {
        int[] order = Arrays.copyOf(eligible, n);
        Targeting.order(s, order, m, audience, role, i -> degree[i], Simulation.generator(seed, 1));
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
  }
}
