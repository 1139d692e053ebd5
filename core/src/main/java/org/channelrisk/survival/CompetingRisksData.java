package org.channelrisk.survival;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.channelrisk.internal.Checks;

/**
 * Durations that end by one of several causes, or are censored: the input of {@link AalenJohansen},
 * {@link GrayTest}, {@link FineGray} and the cause-specific Cox model ({@link #forCause(String)}).
 *
 * <pre>{@code
 * CompetingRisksData d = CompetingRisksData.of(
 *         new double[] {5, 8, 8, 12, 20},
 *         new String[] {"referral", "abandoned", "0", "referral", "migrated"},
 *         Set.of("0", "censored"))                       // labels meaning "still alive"
 *     .withGroups(new String[] {"a", "a", "b", "b", "b"});
 * d.causes();                                            // [abandoned, migrated, referral]
 * }</pre>
 *
 * <p>Causes are numbered 1..k in R's factor order of their labels (numeric order when every label is
 * a number, else lexical), 0 meaning censored; group labels sort the same way. With entry times
 * (left truncation) an observation is at risk at t when entry &lt; t &lt;= time, as for
 * {@link SurvivalData#withEntry(double[])}. Times are exact doubles. Immutable; arrays are copied in.
 */
public final class CompetingRisksData {
  private final double[] time;
  private final int[] cause; // 0 censored, 1..k
  private final List<String> causes;
  private final double[] entry; // null: no truncation
  private final String[] group; // null: one group

  private CompetingRisksData(double[] time, int[] cause, List<String> causes, double[] entry, String[] group) {
    this.time = time;
    this.cause = cause;
    this.causes = causes;
    this.entry = entry;
    this.group = group;
  }

  /**
   * From status labels: a label in {@code censoringLabels} means censored, any other label is a cause.
   *
   * @param time times to the end or to censoring, finite and &gt;= 0
   * @param status one label per observation
   * @param censoringLabels the labels that mean censored
   * @return the data
   * @throws IllegalArgumentException naming the first bad index
   */
  public static CompetingRisksData of(double[] time, String[] status, Set<String> censoringLabels) {
    Checks.notNull("time", time);
    Checks.notNull("status", status);
    Checks.notNull("censoringLabels", censoringLabels);
    checkArgument(time.length == status.length, "time has %s values but status has %s", time.length, status.length);
    List<String> found = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < status.length; i++) {
      if (status[i] == null) {
        throw new NullPointerException("status[" + i + "] must not be null");
      }
      if (!censoringLabels.contains(status[i]) && seen.add(status[i])) {
        found.add(status[i]);
      }
    }
    List<String> levels = SurvivalData.levels(found.toArray(new String[0]));
    Map<String, Integer> code = new HashMap<>();
    for (int k = 0; k < levels.size(); k++) {
      code.put(levels.get(k), k + 1);
    }
    int[] c = new int[status.length];
    for (int i = 0; i < status.length; i++) {
      c[i] = code.getOrDefault(status[i], 0);
    }
    return of(time, c, levels);
  }

  /**
   * From cause codes.
   *
   * @param time times to the end or to censoring, finite and &gt;= 0
   * @param cause per observation 0 (censored) or 1..k, an index into {@code causeNames} plus one
   * @param causeNames the k causes' names, distinct
   * @return the data
   * @throws IllegalArgumentException naming the first bad index
   */
  public static CompetingRisksData of(double[] time, int[] cause, List<String> causeNames) {
    Checks.notNull("time", time);
    Checks.notNull("cause", cause);
    Names.check("causeNames", causeNames);
    checkArgument(time.length == cause.length, "time has %s values but cause has %s", time.length, cause.length);
    checkArgument(Set.copyOf(causeNames).size() == causeNames.size(), "cause names must be distinct: %s", causeNames);
    for (int i = 0; i < time.length; i++) {
      checkArgument(time[i] >= 0 && Double.isFinite(time[i]), "time[%s] must be finite and >= 0: %s", (Integer) i, (Double) time[i]);
      checkArgument(cause[i] >= 0 && cause[i] <= causeNames.size(), "cause[%s] must be in [0, %s]: %s", i,
          causeNames.size(), cause[i]);
    }
    return new CompetingRisksData(time.clone(), cause.clone(), ImmutableList.copyOf(causeNames), null, null);
  }

  /**
   * @param groups one label per observation
   * @return a copy with groups (curves per group; the groups Gray's test compares)
   */
  public CompetingRisksData withGroups(String[] groups) {
    Checks.notNull("groups", groups);
    checkArgument(groups.length == time.length, "groups has %s labels for %s times", groups.length, time.length);
    for (int i = 0; i < groups.length; i++) {
      if (groups[i] == null) {
        throw new NullPointerException("groups[" + i + "] must not be null");
      }
    }
    return new CompetingRisksData(time, cause, causes, entry, groups.clone());
  }

  /**
   * Left truncation: observation {@code i} is at risk only after {@code entry[i]}.
   *
   * An observation that enters at its own end time would never be at risk, so entry must come
   * strictly before the time (R's {@code Surv(entry, time, ...)} rejects it too).
   *
   * @param entries entry times, finite, &gt;= 0 and &lt; the observation's time
   * @return a copy with entry times
   */
  public CompetingRisksData withEntry(double[] entries) {
    Checks.notNull("entries", entries);
    checkArgument(entries.length == time.length, "entry has %s values for %s times", entries.length, time.length);
    for (int i = 0; i < entries.length; i++) {
      checkArgument(entries[i] >= 0 && entries[i] < time[i], "entry[%s] must be in [0, time[%s] = %s): %s", i, i, time[i],
          entries[i]);
    }
    return new CompetingRisksData(time, cause, causes, entries.clone(), group);
  }

  /** @return number of observations */
  public int size() {
    return time.length;
  }

  /** @return the causes' names; cause code k is {@code causes().get(k - 1)} */
  public List<String> causes() {
    return causes;
  }

  /**
   * @param name a cause's name
   * @return its code, 1..k
   * @throws IllegalArgumentException if no observation ends by that cause
   */
  public int causeCode(String name) {
    int k = causes.indexOf(name);
    checkArgument(k >= 0, "no observation ends by cause '%s'; the causes are %s", name, causes);
    return k + 1;
  }

  /** @return number of ends by any cause */
  public int events() {
    int d = 0;
    for (int c : cause) {
      d += c > 0 ? 1 : 0;
    }
    return d;
  }

  /**
   * @param code a cause code, 1..k
   * @return number of ends by that cause
   */
  public int events(int code) {
    int d = 0;
    for (int c : cause) {
      d += c == code ? 1 : 0;
    }
    return d;
  }

  /** @return whether entry times were given */
  public boolean truncated() {
    return entry != null;
  }

  /** @return whether groups were given */
  public boolean grouped() {
    return group != null;
  }

  /** @return the group labels in factor order, empty without groups */
  public List<String> groupLevels() {
    return group == null ? ImmutableList.of() : SurvivalData.levels(group);
  }

  /** @return copies of the times */
  public double[] times() {
    return time.clone();
  }

  /** @return copies of the cause codes (0 censored) */
  public int[] causeCodes() {
    return cause.clone();
  }

  /** @return entry times, empty without truncation */
  public Optional<double[]> entries() {
    return Optional.ofNullable(entry).map(double[]::clone);
  }

  /** @return group label per observation, empty when ungrouped */
  public Optional<String[]> groups() {
    return Optional.ofNullable(group).map(String[]::clone);
  }

  /**
   * The cause-specific view: an end by {@code name} is the event, every other end is censored there.
   * Fit a {@link CoxRegression} to it for the cause-specific hazards model, or {@link KaplanMeier}
   * for the (biased) "1 - KM with other ends censored" that the cumulative incidence corrects.
   *
   * @param name a cause
   * @return survival data with groups and entry times carried over
   */
  public SurvivalData forCause(String name) {
    int k = causeCode(name);
    boolean[] e = new boolean[time.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = cause[i] == k;
    }
    return survival(e);
  }

  /**
   * The all-causes view: any end is the event; its Kaplan-Meier curve S is the probability of no end
   * yet, and S + the sum of the cumulative incidences is 1 at every time.
   *
   * @return survival data with groups and entry times carried over
   */
  public SurvivalData anyCause() {
    boolean[] e = new boolean[time.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = cause[i] > 0;
    }
    return survival(e);
  }

  private SurvivalData survival(boolean[] e) {
    SurvivalData d = SurvivalData.of(time, e);
    if (group != null) {
      d = d.withGroups(group);
    }
    return entry == null ? d : d.withEntry(entry);
  }

  /**
   * The observations of one group.
   *
   * @param label a group label
   * @return those observations, without groups
   * @throws IllegalArgumentException if no observation has that label (the message lists the labels)
   * @throws IllegalStateException if the data has no groups
   */
  public CompetingRisksData group(String label) {
    int[] rows = RowSelection.ofGroup(group, label, groupLevels());
    return new CompetingRisksData(RowSelection.pick(time, rows), RowSelection.pick(cause, rows), causes, RowSelection.pick(entry, rows), null);
  }

  /** Group code (0-based, factor order) per observation; all 0 without groups. */
  int[] groupCodes(List<String> levels) {
    int[] code = new int[time.length];
    if (group != null) {
      Map<String, Integer> idx = new HashMap<>();
      for (int g = 0; g < levels.size(); g++) {
        idx.put(levels.get(g), g);
      }
      String last = null;
      int lastCode = 0;
      for (int i = 0; i < time.length; i++) {
        if (group[i] != last) {
          lastCode = idx.get(group[i]);
          last = group[i];
        }
        code[i] = lastCode;
      }
    }
    return code;
  }

  double time(int i) {
    return time[i];
  }

  int cause(int i) {
    return cause[i];
  }

  double entry(int i) {
    return entry == null ? 0.0 : entry[i];
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CompetingRisksData[" + time.length + " observations");
    for (int k = 1; k <= causes.size(); k++) {
      sb.append(", ").append(causes.get(k - 1)).append(' ').append(events(k));
    }
    sb.append(", censored ").append(time.length - events());
    return sb.append(group == null ? "" : ", groups " + groupLevels()).append(entry == null ? "" : ", left-truncated")
        .append(']').toString();
  }
}
