package org.channelrisk.survival;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import java.util.List;
import java.util.Map;

/**
 * The curves of a fit of grouped data: the pooled curve, built when first asked for (R's
 * {@code survfit(~ group)} does not build it at all), and one per group in R's factor order. Shared by
 * {@link KaplanMeierFit} and {@link CumulativeIncidenceFit}, which differ only in what a curve is.
 *
 * @param <C> the curve type
 */
final class Grouped<C> {
  private final Supplier<C> pooled;
  private final Map<String, C> groups;

  Grouped(java.util.function.Supplier<C> pooled, Map<String, C> groups) {
    this.pooled = Suppliers.memoize(pooled::get);
    this.groups = groups;
  }

  C pooled() {
    return pooled.get();
  }

  Map<String, C> groups() {
    return groups;
  }

  /** @throws IllegalArgumentException naming the groups there are, if there is no such group */
  C group(String label) {
    C c = groups.get(label);
    if (c == null) {
      throw new IllegalArgumentException("no group '" + label + "'; the groups are " + groups.keySet());
    }
    return c;
  }

  /** The curves to report: the groups when there are any, else the pooled curve. */
  List<C> curves() {
    return groups.isEmpty() ? List.of(pooled()) : List.copyOf(groups.values());
  }
}
