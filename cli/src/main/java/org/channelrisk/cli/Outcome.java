package org.channelrisk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.channelrisk.recovery.RecoveryAnalysis;
import org.channelrisk.recovery.RecoveryResult;
import org.channelrisk.recovery.ReplicateMetrics;
import org.channelrisk.recovery.Weighting;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Observed;

/**
 * What an action day did to an ensemble's reach, measured two ways: a recovery model fitted to the
 * ensemble-mean curve from its trough (intervals for the expected curve), and the model-free metrics
 * of every replicate summarised as median and 90% interval (the spread of outcomes).
 *
 * @param drop whether the mean reach fell by at least 1% after the action
 * @param fit the fit of the mean curve, when there was a drop
 * @param replicates the metrics across replicates, when there was a drop
 */
record Outcome(boolean drop, Optional<RecoveryResult> fit, Optional<ReplicateMetrics.Summary> replicates) {
  /** Days before the action whose level is the baseline. */
  static final int BASELINE_DAYS = 30;
  /** Days at the end whose mean level is a replicate's final level. */
  static final int END_DAYS = 30;

  static Outcome of(EnsembleSummary e, Observed o, double t0) {
    double[] t = e.times();
    double[] mean = e.mean(o);
    double before = Double.NaN;
    double lowest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < t.length; i++) {
      if (t[i] < t0) {
        before = mean[i];
      } else {
        lowest = Math.min(lowest, mean[i]);
      }
    }
    if (!(lowest < 0.99 * before)) {
      return new Outcome(false, Optional.empty(), Optional.empty());
    }
    double[] sd = e.sd(o);
    double[] se = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      se[i] = sd[i] / Math.sqrt(e.replicates());
    }
    // removals go on after the action's window (latency, sustained pressure): recovery is measured
    // from the trough, against the 30 days before the action
    RecoveryAnalysis.Builder b = RecoveryAnalysis.builder().takedown(t0).baselineWindow(BASELINE_DAYS).fromTrough();
    RecoveryResult fit = e.replicates() > 1
        ? b.weighting(Weighting.STANDARD_DEVIATION).build().analyse(t, mean, se)
        : b.build().analyse(t, mean);
    List<ReplicateMetrics> per = new ArrayList<>();
    for (long i : e.replicateIndices()) {
      per.add(ReplicateMetrics.of(t, e.replicate(o, i), t0, BASELINE_DAYS, END_DAYS));
    }
    return new Outcome(true, Optional.of(fit), Optional.of(ReplicateMetrics.summarise(per)));
  }
}
