package org.channelrisk.survival;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link AalenJohansen}: the pooled cumulative incidence curves and one set per group,
 * in R's factor order. The pooled curves of grouped data are built when first asked for (R's
 * {@code survfit(~ group)} does not build them at all). Immutable and thread-safe.
 *
 * <pre>{@code
 * CumulativeIncidenceFit fit = AalenJohansen.estimate(data);
 * for (CumulativeIncidence c : fit.curves()) {          // the groups, or the pooled curves
 *   System.out.println(c);
 * }
 * }</pre>
 */
public final class CumulativeIncidenceFit {
  private final Supplier<CumulativeIncidence> pooled;
  private final Map<String, CumulativeIncidence> groups;
  private final List<String> causes;
  private final ConfidenceType confType;
  private final double confLevel;

  CumulativeIncidenceFit(java.util.function.Supplier<CumulativeIncidence> pooled, Map<String, CumulativeIncidence> groups,
      List<String> causes, ConfidenceType confType, double confLevel) {
    this.pooled = Suppliers.memoize(pooled::get);
    this.groups = groups;
    this.causes = causes;
    this.confType = confType;
    this.confLevel = confLevel;
  }

  /** @return the curves of all observations */
  public CumulativeIncidence pooled() {
    return pooled.get();
  }

  /** @return one set of curves per group, in factor order (empty without groups) */
  public Map<String, CumulativeIncidence> groups() {
    return groups;
  }

  /** @return the causes */
  public List<String> causes() {
    return causes;
  }

  /**
   * @param label a group label
   * @return its curves
   * @throws IllegalArgumentException if there is no such group
   */
  public CumulativeIncidence group(String label) {
    CumulativeIncidence c = groups.get(label);
    if (c == null) {
      throw new IllegalArgumentException("no group '" + label + "'; the groups are " + groups.keySet());
    }
    return c;
  }

  /**
   * The curves to report: the groups when there are any, else the pooled curves.
   *
   * @return the curves
   */
  public List<CumulativeIncidence> curves() {
    return groups.isEmpty() ? List.of(pooled()) : List.copyOf(groups.values());
  }

  /** @return the transform of the limits */
  public ConfidenceType confType() {
    return confType;
  }

  /** @return the level of the limits */
  public double confLevel() {
    return confLevel;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CumulativeIncidenceFit[causes " + causes + ", " + confType.rName() + ", " + confLevel
        + "]\n");
    curves().forEach(c -> sb.append("  ").append(c).append('\n'));
    return sb.toString();
  }
}
