package org.channelrisk.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link KaplanMeier}: the pooled curve and one per group, in R's factor order.
 *
 * <pre>{@code
 * KaplanMeierFit fit = KaplanMeier.estimate(data);
 * fit.pooled().median();
 * fit.group("2").restrictedMean(365);
 * fit.restrictedMeanCommon();   // per curve, up to the largest time of any group (R's rmean = "common")
 * }</pre>
 *
 * @param pooled the curve of all observations
 * @param groups one curve per group (empty without groups)
 * @param confType the transform of the limits
 * @param confLevel the level of the limits
 */
public record KaplanMeierFit(
    SurvivalCurve pooled, Map<String, SurvivalCurve> groups, ConfidenceType confType, double confLevel) {

  /**
   * @param label a group label
   * @return its curve
   * @throws IllegalArgumentException if there is no such group
   */
  public SurvivalCurve group(String label) {
    SurvivalCurve c = groups.get(label);
    if (c == null) {
      throw new IllegalArgumentException("no group '" + label + "'; the groups are " + groups.keySet());
    }
    return c;
  }

  /**
   * The curves to report: the groups when there are any, else the pooled curve.
   *
   * @return the curves
   */
  public List<SurvivalCurve> curves() {
    return groups.isEmpty() ? List.of(pooled) : List.copyOf(groups.values());
  }

  /**
   * The upper limit R uses for {@code rmean = "common"}: the largest time of any curve.
   *
   * @return the largest observed time, 0 when there is none
   */
  public double commonEndTime() {
    return pooled.size() == 0 ? 0 : pooled.time(pooled.size() - 1);
  }

  /**
   * Restricted means of the pooled curve and each group up to {@link #commonEndTime()}.
   *
   * @return restricted means, pooled first
   */
  public List<RestrictedMean> restrictedMeanCommon() {
    List<RestrictedMean> out = new ArrayList<>();
    out.add(pooled.restrictedMean(commonEndTime()));
    groups.values().forEach(c -> out.add(c.restrictedMean(commonEndTime())));
    return out;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("KaplanMeierFit[" + confType.rName() + ", " + confLevel + "]\n");
    sb.append("  ").append(pooled).append('\n');
    groups.values().forEach(c -> sb.append("  ").append(c).append('\n'));
    return sb.toString();
  }
}
