package org.channelrisk.recovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Model selection by AICc with Akaike weights (Burnham and Anderson 2002, <i>Model Selection and
 * Multimodel Inference</i>, 2nd ed., sections 2.4 and 2.9): w_i = exp(-Delta_i / 2) / sum_j
 * exp(-Delta_j / 2) with Delta_i = AICc_i - min AICc. A model that did not converge has AICc +inf
 * and weight 0. A converged model whose AICc is infinite (n - k - 1 = 0 points to spare) still comes
 * before every model that did not converge, so that "no model converged" is said only when it is true.
 */
final class ModelSelection {
  private ModelSelection() {}

  /**
   * @param candidates fitted candidates with their AICc (weight ignored)
   * @return the candidates with Akaike weights, by ascending AICc (the selected model first)
   */
  static List<RecoveryResult.Candidate> byAicc(List<RecoveryResult.Candidate> candidates) {
    double minAicc = candidates.stream().mapToDouble(RecoveryResult.Candidate::aicc).min().orElse(Double.POSITIVE_INFINITY);
    double total = 0;
    for (RecoveryResult.Candidate c : candidates) {
      total += Double.isFinite(c.aicc()) ? Math.exp(-(c.aicc() - minAicc) / 2) : 0;
    }
    List<RecoveryResult.Candidate> weighted = new ArrayList<>();
    for (RecoveryResult.Candidate c : candidates) {
      double wt = Double.isFinite(c.aicc()) ? Math.exp(-(c.aicc() - minAicc) / 2) / total : 0;
      weighted.add(new RecoveryResult.Candidate(c.model(), c.fit(), c.aicc(), wt));
    }
    weighted.sort(Comparator.comparingDouble(RecoveryResult.Candidate::aicc)
        .thenComparing(c -> !c.fit().converged())); // false first: among equal AICc, converged fits lead
    return weighted;
  }
}
