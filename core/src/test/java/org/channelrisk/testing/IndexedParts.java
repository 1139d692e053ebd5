package org.channelrisk.testing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values by index split into parts: the input of a merge law (merging the parts must give what the
 * union gives). Shared by the merge-law properties of ensemble summaries and of Spark sweeps.
 */
public final class IndexedParts {
  private IndexedParts() {}

  /**
   * @param parts the parts, with distinct indices
   * @param <V> the value type
   * @return every index with its value, in index order
   */
  public static <V> TreeMap<Long, V> union(List<TreeMap<Long, V>> parts) {
    TreeMap<Long, V> all = new TreeMap<>();
    parts.forEach(all::putAll);
    return all;
  }

  /**
   * @param parts the parts
   * @return whether one of them is empty (a split that a merge must refuse or skip)
   */
  public static boolean hasEmptyPart(List<? extends Map<Long, ?>> parts) {
    return parts.stream().anyMatch(Map::isEmpty);
  }
}
