package org.channelrisk.sim;

import java.util.random.RandomGenerator;
import org.channelrisk.model.ChannelRole;

/**
 * An action day's choice of targets: the eligible channels ordered by the day's {@link
 * TargetingStrategy}, so that the budget takes the first ones. Orders are stable sorts by primitive
 * keys ({@link StableSort}): ties stay in channel order, and a random order is a Fisher-Yates shuffle
 * drawn from the run's generator.
 */
final class Targeting {
  private Targeting() {}

  /**
   * Orders {@code order[0..m)} in place.
   *
   * @param strategy the strategy
   * @param order eligible channels, in index order
   * @param m how many
   * @param audience current audiences by channel
   * @param role roles by channel (ordinals)
   * @param degree links in and out by channel
   * @param rng the run's generator (used by {@link TargetingStrategy#RANDOM} only)
   */
  static void order(TargetingStrategy strategy, int[] order, int m, long[] audience, byte[] role, java.util.function.IntUnaryOperator degree, RandomGenerator rng) {
    long[] keys = new long[m];
    switch (strategy) {
      case RANDOM -> {
        for (int k = m - 1; k > 0; k--) {
          int j = rng.nextInt(k + 1);
          int tmp = order[k];
          order[k] = order[j];
          order[j] = tmp;
        }
      }
      case LARGEST_AUDIENCE -> sortBy(order, keys, m, audience, role, -1);
      case HUBS -> {
        for (int k = 0; k < m; k++) {
          keys[k] = -degree.applyAsInt(order[k]);
        }
        StableSort.byKey(order, keys, m);
      }
      case OFFICIAL_FIRST -> {
        sortBy(order, keys, m, audience, role, -1);
        sortBy(order, keys, m, audience, role, ChannelRole.OFFICIAL_OUTLET.ordinal());
      }
      case INCLUDING_BACKUPS -> {
        sortBy(order, keys, m, audience, role, -1);
        sortBy(order, keys, m, audience, role, ChannelRole.BACKUP.ordinal());
      }
      default -> throw new IllegalStateException("unknown strategy " + strategy);
    }
  }

  /**
   * Stable sort of {@code order[0..m)}: by decreasing audience when {@code firstRole} is negative,
   * otherwise channels of that role first.
   */
  private static void sortBy(int[] order, long[] keys, int m, long[] audience, byte[] role, int firstRole) {
    for (int k = 0; k < m; k++) {
      int i = order[k];
      keys[k] = firstRole < 0 ? -audience[i] : role[i] == firstRole ? 0 : 1;
    }
    StableSort.byKey(order, keys, m);
  }
}
