package org.channelrisk.survival;

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
  private final Grouped<CumulativeIncidence> grouped;
  private final List<String> causes;
  private final ConfidenceSettings confidence;

  CumulativeIncidenceFit(java.util.function.Supplier<CumulativeIncidence> pooled, Map<String, CumulativeIncidence> groups,
      List<String> causes, ConfidenceSettings confidence) {
    this.grouped = new Grouped<>(pooled, groups);
    this.causes = causes;
    this.confidence = confidence;
  }

  /** @return the curves of all observations */
  public CumulativeIncidence pooled() {
    return grouped.pooled();
  }

  /** @return one set of curves per group, in factor order (empty without groups) */
  public Map<String, CumulativeIncidence> groups() {
    return grouped.groups();
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
    return grouped.group(label);
  }

  /**
   * The curves to report: the groups when there are any, else the pooled curves.
   *
   * @return the curves
   */
  public List<CumulativeIncidence> curves() {
    return grouped.curves();
  }

  /** @return the transform of the limits */
  public ConfidenceType confType() {
    return confidence.type();
  }

  /** @return the level of the limits */
  public double confLevel() {
    return confidence.level();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CumulativeIncidenceFit[causes " + causes + ", " + confType().rName() + ", " + confLevel()
        + "]\n");
    curves().forEach(c -> sb.append("  ").append(c).append('\n'));
    return sb.toString();
  }
}
