package org.channelrisk.cooperation;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Setting;
import org.channelrisk.model.Referral;
import org.channelrisk.survival.KaplanMeier;
import org.channelrisk.survival.LogRankTest;
import org.channelrisk.survival.ParametricSurvival;
import org.channelrisk.survival.SurvivalData;

/**
 * Estimates platforms' cooperation from a referral log: per platform and period, the compliance rate
 * with a Wilson interval, the removal-latency distribution (Kaplan-Meier with pending referrals
 * censored at the end of observation, and the best of three parametric fits by AIC), and a log-rank
 * comparison of latencies between platforms in each period.
 *
 * <pre>{@code
 * List<Referral> log = ReferralLogCsv.read(Path.of("referrals.csv"));
 * CooperationEstimate est = CooperationEstimator.builder().until(700.0).periodStarts(365.0).build().estimate(log);
 * est.get("telegram", "from 365").toCooperation();   // feed a scenario
 * }</pre>
 *
 * <p>Assumptions, stated: a referral belongs to the period in which it was sent; compliance counts
 * decided referrals only (pending ones may still go either way); latency is the time to removal of
 * referrals that were removed, with pending ones censored, and declined ones left out (they will not
 * be removed). Times are in the log's unit (days).
 */
public final class CooperationEstimator {
  /** Default confidence level of the compliance intervals. */
  public static final double DEFAULT_LEVEL = 0.95;

  private final double until; // NaN: the last time in the log
  private final double[] periodStarts;
  private final double level;

  /** Reads the builder's settings; the defaults are applied here, once. */
  private CooperationEstimator(Builder b) {
    this.until = b.until.orElse(Double.NaN);
    this.periodStarts = b.periodStarts.orElse(new double[0]); // copied when set, never changed
    this.level = b.level.orElse(DEFAULT_LEVEL);
  }

  /** @return a builder: observation ends at the last time in the log, one period, 95% intervals */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Estimates with the defaults.
   *
   * @param log the referral log, at least one referral
   * @return the estimate
   * @throws IllegalArgumentException if the log is empty
   */
  public static CooperationEstimate estimateDefaults(List<Referral> log) {
    return builder().build().estimate(log);
  }

  /**
   * @param log the referral log, at least one referral
   * @return per platform and period
   * @throws IllegalArgumentException if the log is empty, or a referral was sent or decided after the
   *     end of observation
   */
  public CooperationEstimate estimate(List<Referral> log) {
    Checks.notNull("log", log);
    if (log.isEmpty()) {
      // an estimate without a row would only defer the failure to get(), and its end of observation would be -Infinity
      throw new IllegalArgumentException("the referral log is empty: nothing to estimate");
    }
    double end = until;
    if (Double.isNaN(end)) {
      end = Double.NEGATIVE_INFINITY;
      for (Referral r : log) {
        end = Math.max(end, Math.max(r.sentAt(), r.decidedAt().orElse(r.sentAt())));
      }
    }
    for (Referral r : log) {
      if (r.sentAt() > end || r.decidedAt().orElse(r.sentAt()) > end) {
        throw new IllegalArgumentException("referral " + r.id() + " lies after the end of observation " + end);
      }
    }
    Map<String, Map<String, List<Referral>>> byPeriod = new LinkedHashMap<>();
    for (String p : periodLabels()) {
      byPeriod.put(p, new TreeMap<>());
    }
    for (Referral r : log) {
      byPeriod.get(periodOf(r.sentAt())).computeIfAbsent(r.platformId(), k -> new ArrayList<>()).add(r);
    }
    ImmutableList.Builder<PlatformCooperation> rows = ImmutableList.builder();
    Map<String, LogRankTest.Result> comparisons = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, List<Referral>>> pe : byPeriod.entrySet()) {
      List<Double> times = new ArrayList<>();
      List<Boolean> events = new ArrayList<>();
      List<String> groups = new ArrayList<>();
      for (Map.Entry<String, List<Referral>> e : pe.getValue().entrySet()) {
        rows.add(platform(e.getKey(), pe.getKey(), e.getValue(), end, times, events, groups));
      }
      // a comparison needs two platforms with latencies (one whose referrals were all declined has none)
      if (groups.stream().distinct().count() >= 2 && events.contains(true)) {
        SurvivalData d = SurvivalData.of(times.stream().mapToDouble(Double::doubleValue).toArray(), toArray(events))
            .withGroups(groups.toArray(new String[0]));
        comparisons.put(pe.getKey(), LogRankTest.test(d));
      }
    }
    return new CooperationEstimate(rows.build(), comparisons, end);
  }

  private PlatformCooperation platform(String platform, String period, List<Referral> refs, double end,
      List<Double> allTimes, List<Boolean> allEvents, List<String> groups) {
    int removed = 0;
    int declined = 0;
    int pending = 0;
    List<Double> t = new ArrayList<>();
    List<Boolean> ev = new ArrayList<>();
    for (Referral r : refs) {
      switch (r.outcome()) {
        case REMOVED -> {
          removed++;
          t.add(r.latency().getAsDouble());
          ev.add(true);
        }
        case DECLINED -> declined++;
        case PENDING -> {
          pending++;
          t.add(end - r.sentAt());
          ev.add(false);
        }
      }
    }
    allTimes.addAll(t);
    allEvents.addAll(ev);
    t.forEach(x -> groups.add(platform));
    SurvivalData d = SurvivalData.of(t.stream().mapToDouble(Double::doubleValue).toArray(), toArray(ev));
    List<ParametricSurvival.Fit> fits = new ArrayList<>();
    if (removed >= 2) {
      for (ParametricSurvival.Family f : ParametricSurvival.Family.values()) {
        try {
          ParametricSurvival.Fit fit = ParametricSurvival.fit(f, d);
          if (fit.converged()) {
            fits.add(fit);
          }
        } catch (IllegalArgumentException e) {
          // e.g. a removal at latency 0: that family cannot be fitted; the others may still be
        }
      }
      fits.sort(Comparator.comparingDouble(ParametricSurvival.Fit::aic));
    }
    return new PlatformCooperation(platform, period, refs.size(), removed, declined, pending,
        Proportion.wilson(removed, removed + declined, level), KaplanMeier.estimate(d).pooled().relabel(platform),
        ImmutableList.copyOf(fits));
  }

  private static boolean[] toArray(List<Boolean> list) {
    boolean[] a = new boolean[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = list.get(i);
    }
    return a;
  }

  private List<String> periodLabels() {
    List<String> labels = new ArrayList<>();
    if (periodStarts.length == 0) {
      labels.add("all");
      return labels;
    }
    labels.add("before " + fmt(periodStarts[0]));
    for (double s : periodStarts) {
      labels.add("from " + fmt(s));
    }
    return labels;
  }

  private String periodOf(double t) {
    if (periodStarts.length == 0) {
      return "all";
    }
    int i = Arrays.binarySearch(periodStarts, t);
    i = i >= 0 ? i : -i - 2;
    return i < 0 ? "before " + fmt(periodStarts[0]) : "from " + fmt(periodStarts[i]);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "CooperationEstimator[until %s, periods from %s, level %s]",
        Double.isNaN(until) ? "last time in the log" : until, Arrays.toString(periodStarts), level);
  }

  /**
   * Builder; every setter checks its argument and takes its setting once: a second call to the same
   * setter throws, since a silent overwrite would hide a mistake.
   */
  public static final class Builder {
    private final Setting<Double> until = Setting.checked("until", Checks::finite);
    private final Setting<double[]> periodStarts = new Setting<>("period starts", Arrays::toString);
    private final Setting<Double> level = new Setting<>("level");

    private Builder() {}

    /** @param day end of observation (pending referrals are censored here) @return this builder */
    public Builder until(double day) {
      return until.set(this, day);
    }

    /** @param starts days at which new periods start (e.g. a policy change), strictly increasing @return this builder */
    public Builder periodStarts(double... starts) {
      Checks.notNull("period starts", starts);
      for (int i = 0; i < starts.length; i++) {
        if (!Double.isFinite(starts[i]) || (i > 0 && !(starts[i] > starts[i - 1]))) {
          throw new IllegalArgumentException("period starts must be finite and strictly increasing: " + Arrays.toString(starts));
        }
      }
      return periodStarts.set(this, starts.clone());
    }

    /** @param value confidence level in (0, 1) @return this builder */
    public Builder level(double value) {
      return level.set(this, org.channelrisk.stats.CriticalValues.checkLevel(value));
    }

    /** @return the estimator */
    public CooperationEstimator build() {
      return new CooperationEstimator(this);
    }
  }
}
