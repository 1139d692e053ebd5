package org.channelrisk.survival;

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
  private final Grouped<SurvivalCurve> grouped;
  private final ConfidenceSettings confidence;

  KaplanMeierFit(java.util.function.Supplier<SurvivalCurve> pooled, Map<String, SurvivalCurve> groups, ConfidenceSettings confidence) {
    this.grouped = new Grouped<>(pooled, groups);
    this.confidence = confidence;
  }

  /** @return the curve of all observations */
  public SurvivalCurve pooled() {
    return grouped.pooled();
  }

  /** @return one curve per group, in factor order (empty without groups) */
  public Map<String, SurvivalCurve> groups() {
    return grouped.groups();
  }

  /** @return the transform of the limits */
  public ConfidenceType confType() {
    return confidence.type();
  }

  /** @return the level of the limits */
  public double confLevel() {
    return confidence.level();
  }

  /**
   * @param label a group label
   * @return its curve
   * @throws IllegalArgumentException if there is no such group
   */
  public SurvivalCurve group(String label) {
    return grouped.group(label);
  }

  /**
   * The curves to report: the groups when there are any, else the pooled curve.
   *
   * @return the curves
   */
  public List<SurvivalCurve> curves() {
    return grouped.curves();
  }

  /**
   * The upper limit R uses for {@code rmean = "common"}: the largest time of any curve.
   *
   * @return the largest observed time, 0 when there is none
   */
  public double commonEndTime() {
    double end = 0;
    for (SurvivalCurve c : curves()) {
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
    groups().values().forEach(c -> out.add(c.restrictedMean(commonEndTime())));
    return out;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("KaplanMeierFit[" + confType().rName() + ", " + confLevel() + "]\n");
    sb.append("  ").append(pooled()).append('\n');
    groups().values().forEach(c -> sb.append("  ").append(c).append('\n'));
    return sb.toString();
  }
}
