package org.channelrisk.survival;

import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.channelrisk.internal.Checks;

/**
 * The Kaplan-Meier estimator with Greenwood variance, as R survival's {@code survfit(Surv(time, status)
 * ~ group)}: one {@link SurvivalCurve} for all observations and one per group.
 *
 * <pre>{@code
 * KaplanMeierFit fit = KaplanMeier.estimate(data);                    // log transform, 95%
 * KaplanMeierFit ll = KaplanMeier.withConfidence(ConfidenceType.LOG_LOG, 0.90).fit(data);
 * ll.group("telegram").median();
 * }</pre>
 *
 * <p>Rows: every distinct observed time, with the number at risk just before it (events before
 * censorings at a tie, as R), the events and the censorings there. With entry times (left truncation)
 * an observation is at risk at t when entry &lt; t &lt;= time. Cost: one radix sort (linear) of the event
 * and of the censoring times of each group (shared with {@link LogRankTest} through the data), then
 * merging passes, O(n k) for k groups; memory O(n).
 *
 * <p>Reference: Kaplan and Meier (1958); Greenwood (1926); R package survival, {@code survfit.formula}.
 */
public final class KaplanMeier extends CurveEstimator {
  private static final KaplanMeier DEFAULT = new KaplanMeier(ConfidenceSettings.DEFAULT);

  private KaplanMeier(ConfidenceSettings confidence) {
    super(confidence);
  }

  /**
   * An estimator with the given confidence limits.
   *
   * @param type the transform
   * @param level the level, in (0, 1)
   * @return the estimator
   */
  public static KaplanMeier withConfidence(ConfidenceType type, double level) {
    return new KaplanMeier(new ConfidenceSettings(type, level));
  }

  /**
   * Estimates with the defaults (log transform, 95%).
   *
   * @param data the data
   * @return the fit
   */
  public static KaplanMeierFit estimate(SurvivalData data) {
    return DEFAULT.fit(data);
  }

  /**
   * Estimates the pooled curve and one per group.
   *
   * @param data the data
   * @return the fit
   */
  public KaplanMeierFit fit(SurvivalData data) {
    Checks.notNull("data", data);
    if (data.size() == 0) {
      // an empty curve (median not reached, nothing at risk): what the callers that summarise a
      // possibly empty subset need (a platform without removals); the command line refuses a file
      // without rows before it gets here, as R's survfit refuses no observations
      return new KaplanMeierFit(() -> curve("ALL", SurvivalData.Rows.of(new double[0], new double[0]), 0, null), ImmutableMap.of(),
          confidence);
    }
    SurvivalData.Sorted s = data.sorted();
    int k = s.levels().size();
    java.util.function.Supplier<SurvivalCurve> pooled = () -> {
      double[] allEvents = s.events()[0];
      double[] allCensors = s.censors()[0];
      double[] allEntries = s.entries() == null ? null : s.entries()[0];
      for (int g = 1; g < k; g++) {
        allEvents = merge(allEvents, s.events()[g]);
        allCensors = merge(allCensors, s.censors()[g]);
        if (allEntries != null) {
          allEntries = merge(allEntries, s.entries()[g]);
        }
      }
      return curve("ALL", SurvivalData.Rows.of(allEvents, allCensors), allEvents.length + allCensors.length, allEntries);
    };
    Map<String, SurvivalCurve> groups = new LinkedHashMap<>();
    if (data.grouped()) {
      for (int g = 0; g < k; g++) {
        groups.put(s.levels().get(g), curve(s.levels().get(g), s.rows()[g], s.events()[g].length + s.censors()[g].length,
            s.entries() == null ? null : s.entries()[g]));
      }
    }
    return new KaplanMeierFit(pooled, ImmutableMap.copyOf(groups), confidence);
  }

  /**
   * The curve of all observations of {@code data}, ignoring groups.
   *
   * @param label the curve's label
   * @param data the data
   * @return the curve
   */
  public SurvivalCurve curve(String label, SurvivalData data) {
    return fit(data).pooled().relabel(label);
  }

  /** Merges two ascending arrays. */
  static double[] merge(double[] a, double[] b) {
    double[] out = new double[a.length + b.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.length && j < b.length) {
      out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
    }
    while (i < a.length) {
      out[k++] = a[i++];
    }
    while (j < b.length) {
      out[k++] = b[j++];
    }
    return out;
  }

  /** One curve from the distinct times' counts and (optionally) the sorted entry times. */
  private SurvivalCurve curve(String label, SurvivalData.Rows rows, int n, double[] entries) {
    double[] times = rows.time();
    int[] events = rows.events();
    int[] censors = rows.censors();
    int[] risk = new int[times.length];
    int passed = 0; // observations with time < t
    int entered = 0; // entries < t
    for (int r = 0; r < times.length; r++) {
      if (entries == null) {
        risk[r] = n - passed;
      } else {
        double t = times[r];
        while (entered < n && entries[entered] < t) {
          entered++;
        }
        risk[r] = entered - passed;
      }
      passed += events[r] + censors[r];
    }
    return new SurvivalCurve(label, times, risk, events, censors, n, confidence.type(), confidence.level());
  }
}
