package org.channelrisk.survival;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link KaplanMeier}: the pooled curve and one per group, in R's factor order. The
 * pooled curve of grouped data is built when first asked for (R's {@code survfit(~ group)} does not
 * build it at all); everything else is computed when the fit is made. Immutable and thread-safe.
 *
 * <pre>{@code
 * KaplanMeierFit fit = KaplanMeier.estimate(data);
 * fit.pooled().median();
 * fit.group("2").restrictedMean(365);
 * fit.restrictedMeanCommon();   // per curve, up to the largest time of any group (R's rmean = "common")
 * }</pre>
 */
public final class KaplanMeierFit {
  private final Supplier<SurvivalCurve> pooled;
  private final Map<String, SurvivalCurve> groups;
  private final ConfidenceType confType;
  private final double confLevel;

  KaplanMeierFit(java.util.function.Supplier<SurvivalCurve> pooled, Map<String, SurvivalCurve> groups, ConfidenceType confType,
      double confLevel) {
    this.pooled = Suppliers.memoize(pooled::get);
    this.groups = groups;
    this.confType = confType;
    this.confLevel = confLevel;
  }

  /** @return the curve of all observations */
  public SurvivalCurve pooled() {
    return pooled.get();
  }

  /** @return one curve per group, in factor order (empty without groups) */
  public Map<String, SurvivalCurve> groups() {
    return groups;
  }

  /** @return the transform of the limits */
  public ConfidenceType confType() {
    return confType;
  }

  /** @return the level of the limits */
  public double confLevel() {
    return confLevel;
  }

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
    return groups.isEmpty() ? List.of(pooled()) : List.copyOf(groups.values());
  }

  /**
   * The upper limit R uses for {@code rmean = "common"}: the largest time of any curve.
   *
   * @return the largest observed time, 0 when there is none
   */
  public double commonEndTime() {
    double end = 0;
    for (SurvivalCurve c : groups.isEmpty() ? List.of(pooled()) : groups.values()) {
      if (c.size() > 0) {
        end = Math.max(end, c.time(c.size() - 1));
      }
    }
    return end;
  }

  /**
   * Restricted means of the pooled curve and each group up to {@link #commonEndTime()}.
   *
   * @return restricted means, pooled first
   */
  public List<RestrictedMean> restrictedMeanCommon() {
    List<RestrictedMean> out = new ArrayList<>();
    out.add(pooled().restrictedMean(commonEndTime()));
    groups.values().forEach(c -> out.add(c.restrictedMean(commonEndTime())));
    return out;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("KaplanMeierFit[" + confType.rName() + ", " + confLevel + "]\n");
    sb.append("  ").append(pooled()).append('\n');
    groups.values().forEach(c -> sb.append("  ").append(c).append('\n'));
    return sb.toString();
  }
}
