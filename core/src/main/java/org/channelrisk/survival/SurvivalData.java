package org.channelrisk.survival;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.channelrisk.internal.Checks;

/**
 * Right-censored (and optionally left-truncated) durations with optional group and stratum labels:
 * the input of every estimator in this package.
 *
 * <pre>{@code
 * SurvivalData d = SurvivalData.of(new double[] {5, 8, 8, 12}, new boolean[] {true, true, false, true})
 *     .withGroups(new String[] {"a", "a", "b", "b"});
 * }</pre>
 *
 * <p>Times are exact doubles: two times are tied only when they are equal. (R's {@code Surv} merges
 * times closer than about 1.5e-8 relative; {@link #withTimeFix()} does the same, for agreement with R
 * on continuous data.) Group labels sort as R's factor levels: numerically when every label is a
 * number, otherwise in lexical order. Immutable; arrays are copied in.
 */
public final class SurvivalData {
  private final double[] time;
  private final boolean[] event;
  private final double[] entry; // null: no truncation
  private final String[] group; // null: one group
  private final String[] stratum; // null: one stratum
  private final boolean timeFixed;
  /** Derived once on first use (like String's hash): group codes and times sorted per group. */
  private volatile Sorted sorted;

  private SurvivalData(double[] time, boolean[] event, double[] entry, String[] group, String[] stratum, boolean timeFixed) {
    this.time = time;
    this.event = event;
    this.entry = entry;
    this.group = group;
    this.stratum = stratum;
    this.timeFixed = timeFixed;
  }

  /**
   * Durations and event indicators.
   *
   * @param time times to event or censoring, finite and &gt;= 0
   * @param event true for an observed event, false for a censored time
   * @return the data
   * @throws IllegalArgumentException naming the first bad index
   */
  public static SurvivalData of(double[] time, boolean[] event) {
    Checks.notNull("time", time);
    Checks.notNull("event", event);
    if (time.length != event.length) {
      throw new IllegalArgumentException("time has " + time.length + " values but event has " + event.length);
    }
    for (int i = 0; i < time.length; i++) {
      if (!(time[i] >= 0) || Double.isInfinite(time[i])) {
        throw new IllegalArgumentException("time[" + i + "] must be finite and >= 0: " + time[i]);
      }
    }
    return new SurvivalData(time.clone(), event.clone(), null, null, null, false);
  }

  /**
   * From lifetime rows: groups are used when any row has a non-empty group, entry times when any is
   * positive.
   *
   * @param rows lifetime rows
   * @return the data
   * @throws IllegalArgumentException naming the row and its id, if entry times are used and a row does
   *     not enter before its end
   */
  public static SurvivalData of(List<Lifetime> rows) {
    int n = Checks.notNull("rows", rows).size();
    double[] t = new double[n];
    boolean[] e = new boolean[n];
    double[] en = new double[n];
    String[] g = new String[n];
    boolean grouped = false;
    boolean truncated = false;
    for (int i = 0; i < n; i++) {
      Lifetime l = Checks.notNull("rows[" + i + "]", rows.get(i));
      t[i] = l.time();
      e[i] = l.event();
      en[i] = l.entry();
      g[i] = l.group();
      grouped |= !l.group().isEmpty();
      truncated |= l.entry() > 0;
    }
    if (truncated) {
      for (int i = 0; i < n; i++) {
        // a row that is not truncated itself may still end at 0, where no entry comes before its end
        if (!(en[i] < t[i])) {
          throw new IllegalArgumentException("rows[" + i + "] (id '" + rows.get(i).id() + "') ends at " + t[i]
              + " but has entry " + en[i] + ": with entry times, every row must enter before its end (a row with entry >= time"
              + " is never at risk)");
        }
      }
    }
    SurvivalData d = of(t, e);
    if (grouped) {
      d = d.withGroups(g);
    }
    return truncated ? d.withEntry(en) : d;
  }

  /**
   * @param groups one label per observation (groups compared by log-rank, curves per group)
   * @return a copy with groups
   */
  public SurvivalData withGroups(String[] groups) {
    checkLabels("groups", groups);
    return new SurvivalData(time, event, entry, groups.clone(), stratum, timeFixed);
  }

  /**
   * @param strata one label per observation (a stratified log-rank test compares groups within strata)
   * @return a copy with strata
   */
  public SurvivalData withStrata(String[] strata) {
    checkLabels("strata", strata);
    return new SurvivalData(time, event, entry, group, strata.clone(), timeFixed);
  }

  /**
   * Left truncation: observation {@code i} is at risk only after {@code entry[i]} (counting-process
   * style, at risk at t when entry &lt; t &lt;= time).
   *
   * @param entries entry times, finite, &gt;= 0 and &lt; the observation's time (a row with entry
   *     &gt;= time is never at risk: R's {@code Surv(start, stop)} makes it NA, here it is refused)
   * @return a copy with entry times
   */
  public SurvivalData withEntry(double[] entries) {
    if (Checks.notNull("entries", entries).length != time.length) {
      throw new IllegalArgumentException("entry has " + entries.length + " values for " + time.length + " times");
    }
    for (int i = 0; i < entries.length; i++) {
      if (!(entries[i] >= 0) || !(entries[i] < time[i])) {
        throw new IllegalArgumentException(
            "entry[" + i + "] must be in [0, time[" + i + "] = " + time[i] + "): " + entries[i]
                + " (a row with entry >= time is never at risk)");
      }
    }
    return new SurvivalData(time, event, entries.clone(), group, stratum, timeFixed);
  }

  /**
   * Merges nearly equal times as R's {@code Surv(..., timefix = TRUE)} (its default) does through
   * {@code aeqSurv}: over the sorted distinct times (entry times included), a time whose gap to the
   * previous one is at most sqrt(machine epsilon), absolutely or relative to the mean absolute time,
   * joins the previous time's cluster, and every time takes the smallest value of its cluster. Use it
   * to reproduce R on continuous data; on whole numbers it changes nothing.
   *
   * @return a copy with merged times
   */
  public SurvivalData withTimeFix() {
    double tol = Math.sqrt(Math.ulp(1.0));
    double[] all = new double[time.length + (entry == null ? 0 : entry.length)];
    System.arraycopy(time, 0, all, 0, time.length);
    if (entry != null) {
      System.arraycopy(entry, 0, all, time.length, entry.length);
    }
    double[] y = Arrays.stream(all).sorted().distinct().toArray();
    double meanAbs = 0;
    for (double v : y) {
      meanAbs += Math.abs(v) / y.length;
    }
    Map<Double, Double> merged = new HashMap<>();
    double anchor = Double.NaN;
    for (int i = 0; i < y.length; i++) {
      double dy = i == 0 ? Double.NaN : y[i] - y[i - 1];
      boolean tied = i > 0 && (dy <= tol || dy / meanAbs <= tol);
      if (!tied) {
        anchor = y[i];
      }
      merged.put(y[i], anchor);
    }
    double[] t = time.clone();
    for (int i = 0; i < t.length; i++) {
      t[i] = merged.get(t[i]);
    }
    double[] en = null;
    if (entry != null) {
      en = entry.clone();
      for (int i = 0; i < en.length; i++) {
        en[i] = merged.get(en[i]);
        if (!(en[i] < t[i])) {
          // R's aeqSurv: "an interval has effective length 0"
          throw new IllegalArgumentException("after merging nearly equal times, entry[" + i + "] = time[" + i + "] = " + t[i]
              + ": the interval has effective length 0 (R's aeqSurv refuses it too)");
        }
      }
    }
    return new SurvivalData(t, event, en, group, stratum, true);
  }

  private void checkLabels(String field, String[] labels) {
    if (Checks.notNull(field, labels).length != time.length) {
      throw new IllegalArgumentException(field + " has " + labels.length + " labels for " + time.length + " times");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == null) {
        throw new NullPointerException(field + "[" + i + "] must not be null");
      }
    }
  }

  /** @return number of observations */
  public int size() {
    return time.length;
  }

  /** @return number of events */
  public int events() {
    int d = 0;
    for (boolean e : event) {
      d += e ? 1 : 0;
    }
    return d;
  }

  /** @return whether times were merged as R's timefix does */
  public boolean timeFixed() {
    return timeFixed;
  }

  /** @return whether entry times were given */
  public boolean truncated() {
    return entry != null;
  }

  /** @return whether groups were given */
  public boolean grouped() {
    return group != null;
  }

  double time(int i) {
    return time[i];
  }

  /**
   * The observations' times sorted per group, events and censorings apart, in primitive arrays: what
   * Kaplan-Meier and the log-rank test are computed from, so that both cost one sort between them.
   *
   * @param levels group labels in factor order (one "ALL" level without groups)
   * @param code group code per observation
   * @param events per group, the event times ascending
   * @param censors per group, the censoring times ascending
   * @param entries per group, the entry times ascending (null without truncation)
   */
  /**
   * The sorted times per group, and their distinct times with the events and censorings at each: the
   * common input of Kaplan-Meier (rows of its curves) and the log-rank test (merged across groups).
   */
  record Sorted(List<String> levels, int[] code, double[][] events, double[][] censors, double[][] entries, Rows[] rows) {}

  /**
   * Distinct times, ascending, with the number of events and of censorings at each.
   *
   * @param time the times
   * @param events events at each
   * @param censors censorings at each
   */
  record Rows(double[] time, int[] events, int[] censors) {
    /** The rows of sorted event and censoring times, in one merging pass. */
    static Rows of(double[] ev, double[] ce) {
      int n = ev.length + ce.length;
      double[] times = new double[n];
      int[] events = new int[n];
      int[] censors = new int[n];
      int rows = 0;
      int i = 0;
      int j = 0;
      while (i < ev.length || j < ce.length) {
        double t = j >= ce.length || (i < ev.length && ev[i] <= ce[j]) ? ev[i] : ce[j];
        int d = 0;
        while (i < ev.length && ev[i] == t) {
          d++;
          i++;
        }
        int c = 0;
        while (j < ce.length && ce[j] == t) {
          c++;
          j++;
        }
        times[rows] = t;
        events[rows] = d;
        censors[rows] = c;
        rows++;
      }
      return rows == n ? new Rows(times, events, censors)
          : new Rows(Arrays.copyOf(times, rows), Arrays.copyOf(events, rows), Arrays.copyOf(censors, rows));
    }
  }

  Sorted sorted() {
    Sorted s = sorted;
    if (s == null) {
      s = computeSorted();
      sorted = s;
    }
    return s;
  }

  private Sorted computeSorted() {
    int n = time.length;
    List<String> lv = group == null ? List.of("ALL") : groupLevels();
    int k = lv.size();
    int[] code = new int[n];
    if (group != null) {
      Map<String, Integer> idx = new HashMap<>();
      for (int g = 0; g < k; g++) {
        idx.put(lv.get(g), g);
      }
      String last = null;
      int lastCode = 0;
      for (int i = 0; i < n; i++) {
        String g = group[i];
        if (g != last) { // labels repeat, often as the same few objects: skip the hash lookup then
          lastCode = idx.get(g);
          last = g;
        }
        code[i] = lastCode;
      }
    }
    int[] ne = new int[k];
    int[] nc = new int[k];
    for (int i = 0; i < n; i++) {
      if (event[i]) {
        ne[code[i]]++;
      } else {
        nc[code[i]]++;
      }
    }
    double[][] ev = new double[k][];
    double[][] ce = new double[k][];
    double[][] en = entry == null ? null : new double[k][];
    for (int g = 0; g < k; g++) {
      ev[g] = new double[ne[g]];
      ce[g] = new double[nc[g]];
      if (en != null) {
        en[g] = new double[ne[g] + nc[g]];
      }
    }
    int[] fe = new int[k];
    int[] fc = new int[k];
    for (int i = 0; i < n; i++) {
      int g = code[i];
      if (en != null) {
        en[g][fe[g] + fc[g]] = entry[i];
      }
      if (event[i]) {
        ev[g][fe[g]++] = time[i];
      } else {
        ce[g][fc[g]++] = time[i];
      }
    }
    for (int g = 0; g < k; g++) {
      RadixSort.sort(ev[g]);
      RadixSort.sort(ce[g]);
      if (en != null) {
        RadixSort.sort(en[g]);
      }
    }
    Rows[] rows = new Rows[k];
    for (int g = 0; g < k; g++) {
      rows[g] = Rows.of(ev[g], ce[g]);
    }
    return new Sorted(lv, code, ev, ce, en, rows);
  }

  boolean event(int i) {
    return event[i];
  }

  double entry(int i) {
    return entry == null ? 0.0 : entry[i];
  }

  /** @return copies of the times */
  public double[] times() {
    return time.clone();
  }

  /** @return copies of the event indicators */
  public boolean[] eventIndicators() {
    return event.clone();
  }

  /**
   * The group labels in R's factor order.
   *
   * @return distinct labels, empty when the data has no groups
   */
  public List<String> groupLevels() {
    return group == null ? ImmutableList.of() : levels(group);
  }

  /**
   * @return group label per observation, empty when ungrouped
   */
  public Optional<String[]> groups() {
    return Optional.ofNullable(group).map(String[]::clone);
  }

  /**
   * @return stratum label per observation, empty when unstratified
   */
  public Optional<String[]> strata() {
    return Optional.ofNullable(stratum).map(String[]::clone);
  }

  /**
   * The subset with the given group label.
   *
   * @param label a group label
   * @return the observations of that group, without groups
   * @throws IllegalArgumentException if no observation has that label (the message lists the labels)
   * @throws IllegalStateException if the data has no groups
   */
  public SurvivalData group(String label) {
    int[] rows = RowSelection.ofGroup(group, label, groupLevels());
    return new SurvivalData(RowSelection.pick(time, rows), RowSelection.pick(event, rows), RowSelection.pick(entry, rows), null,
        RowSelection.pick(stratum, rows), timeFixed);
  }

  /**
   * Distinct labels in R's factor order: numeric order when all parse as numbers, else lexical.
   *
   * @param labels labels
   * @return sorted distinct labels
   */
  static List<String> levels(String[] labels) {
    java.util.Set<String> distinct = new java.util.HashSet<>(Arrays.asList(labels));
    boolean numeric = true;
    for (String l : distinct) {
      numeric &= isNumber(l);
    }
    Comparator<String> order = numeric
        ? Comparator.comparingDouble((String s) -> Double.parseDouble(s.strip())).thenComparing(Comparator.naturalOrder())
        : Comparator.naturalOrder();
    TreeSet<String> set = new TreeSet<>(order);
    set.addAll(distinct);
    return ImmutableList.copyOf(set);
  }

  private static boolean isNumber(String s) {
    try {
      return Double.isFinite(Double.parseDouble(s.strip()));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "SurvivalData[" + time.length + " observations, " + events() + " events"
        + (group == null ? "" : ", groups " + groupLevels())
        + (entry == null ? "" : ", left-truncated")
        + (timeFixed ? ", times merged as R's timefix" : "") + "]";
  }
}
