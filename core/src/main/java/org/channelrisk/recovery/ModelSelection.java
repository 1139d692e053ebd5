package org.channelrisk.recovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.channelrisk.fit.FitResult;

/**
 * Model selection by AICc with Akaike weights (Burnham and Anderson 2002, <i>Model Selection and
 * Multimodel Inference</i>, 2nd ed., sections 2.4 and 2.9): w_i = exp(-Delta_i / 2) / sum_j
 * exp(-Delta_j / 2) with Delta_i = AICc_i - min AICc, over the candidates with a finite AICc. A model
 * that did not converge has AICc +inf and weight 0. Whenever a candidate converged the weights are a
 * distribution (they sum to 1), also at the two limits AICc meets:
 *
 * <ul>
 *   <li>Exact fits (residual sum of squares 0, AICc -inf: the likelihood is unbounded) take all the
 *       weight. Among them Delta is the difference of the AICc penalty terms alone, 2k + 2k(k + 1) /
 *       (n - k - 1) with k = p + 1: the weights of candidates whose residual sums of squares are
 *       equal, the limit as they shrink to 0 together. The exact fit with the fewest parameters is
 *       selected.
 *   <li>AICc is not defined with n &lt;= k + 1 (+inf, as for a model that did not converge): such a
 *       candidate has weight 0 beside one with a finite AICc. When no candidate has one, the only
 *       converged candidate (the only model with enough points to be fitted, or the single model
 *       asked for) has weight 1; several cannot be compared and are refused ({@link RecoveryAnalysis}
 *       refuses them first, with the series' context).
 * </ul>
 *
 * The candidates come back by decreasing weight, then increasing AICc, converged fits before the
 * others, so that "no model converged" is said only when it is true.
 */
final class ModelSelection {
  private ModelSelection() {}

  /**
   * @param candidates fitted candidates with their AICc (weight ignored)
   * @return the candidates with Akaike weights, the selected model first; when no candidate has an
   *     AICc, the converged one with the fewest parameters has weight 1
   */
  static List<RecoveryResult.Candidate> byAicc(List<RecoveryResult.Candidate> candidates) {
    int m = candidates.size();
    double[] weights = new double[m];
    boolean anyExact = candidates.stream().anyMatch(c -> c.aicc() == Double.NEGATIVE_INFINITY);
    boolean anyFinite = candidates.stream().anyMatch(c -> Double.isFinite(c.aicc()));
    if (anyExact) {
      double minPenalty = candidates.stream().filter(c -> c.aicc() == Double.NEGATIVE_INFINITY).mapToDouble(c -> penalty(c.fit()))
          .min().orElseThrow();
      spread(candidates, c -> c.aicc() == Double.NEGATIVE_INFINITY ? penalty(c.fit()) - minPenalty : Double.NaN, weights);
    } else if (anyFinite) {
      double minAicc = candidates.stream().mapToDouble(RecoveryResult.Candidate::aicc).min().orElse(Double.POSITIVE_INFINITY);
      spread(candidates, c -> Double.isFinite(c.aicc()) ? c.aicc() - minAicc : Double.NaN, weights);
    } else {
      // no candidate has an AICc (too few points for any): the simplest converged model, as with exact
      // fits, so that one more point never turns a result into an error
      int simplest = -1;
      for (int i = 0; i < m; i++) {
        RecoveryResult.Candidate c = candidates.get(i);
        if (c.fit().converged() && (simplest < 0 || c.model().parameters() < candidates.get(simplest).model().parameters())) {
          simplest = i;
        }
      }
      if (simplest >= 0) {
        weights[simplest] = 1;
      }
    }
    List<RecoveryResult.Candidate> weighted = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      RecoveryResult.Candidate c = candidates.get(i);
      weighted.add(new RecoveryResult.Candidate(c.model(), c.fit(), c.aicc(), weights[i]));
    }
    weighted.sort(Comparator.comparingDouble(RecoveryResult.Candidate::weight).reversed()
        .thenComparingDouble(RecoveryResult.Candidate::aicc)
        .thenComparing(c -> !c.fit().converged())); // false first: among equal AICc, converged fits lead
    return weighted;
  }

  /** Akaike weights exp(-Delta / 2) over their sum, 0 where Delta is NaN (not in the comparison). */
  private static void spread(List<RecoveryResult.Candidate> candidates, java.util.function.ToDoubleFunction<RecoveryResult.Candidate> delta,
      double[] weights) {
    double total = 0;
    for (RecoveryResult.Candidate c : candidates) {
      double d = delta.applyAsDouble(c);
      total += Double.isNaN(d) ? 0 : Math.exp(-d / 2);
    }
    for (int i = 0; i < weights.length; i++) {
      double d = delta.applyAsDouble(candidates.get(i));
      weights[i] = Double.isNaN(d) ? 0 : Math.exp(-d / 2) / total;
    }
  }

  /** AICc less -2 logLik: 2k + 2k(k + 1) / (n - k - 1), k = p + 1 (positive for an exact fit, whose AICc is -inf). */
  static double penalty(FitResult f) {
    int k = f.parameters() + 1;
    return 2.0 * k + 2.0 * k * (k + 1) / (f.n() - k - 1);
  }
}
