package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class StratifiedLogRankTest {
  @Test
  void twoIdenticalStrataDoubleEveryCountAndTheStatistic() {
    SurvivalData one = ReferenceData.data("aml");
    int n = one.size();
    double[] t = new double[2 * n];
    boolean[] e = new boolean[2 * n];
    String[] g = new String[2 * n];
    String[] s = new String[2 * n];
    double[] t1 = one.times();
    boolean[] e1 = one.eventIndicators();
    String[] g1 = one.groups().orElseThrow();
    for (int i = 0; i < 2 * n; i++) {
      t[i] = t1[i % n];
      e[i] = e1[i % n];
      g[i] = g1[i % n];
      s[i] = i < n ? "a" : "b";
    }
    SurvivalData both = SurvivalData.of(t, e).withGroups(g).withStrata(s);
    for (double rho : new double[] {0, 1}) {
      LogRankTest.Result single = LogRankTest.test(one, rho);
      LogRankTest.Result stratified = LogRankTest.test(both, rho);
      // O, E and V all double within identical strata, so (O-E)' V^-1 (O-E) doubles
      assertThat(stratified.chiSquare()).isCloseTo(2 * single.chiSquare(), Offset.offset(1e-9));
      assertThat(stratified.df()).isEqualTo(single.df());
      for (int k = 0; k < single.groups().size(); k++) {
        assertThat(stratified.groups().get(k).expected()).isCloseTo(2 * single.groups().get(k).expected(), Offset.offset(1e-9));
      }
      // pooling the strata instead (no strata) gives a different, unstratified answer
      SurvivalData pooled = SurvivalData.of(t, e).withGroups(g);
      assertThat(LogRankTest.test(pooled, rho).chiSquare()).isNotCloseTo(single.chiSquare(), Offset.offset(1e-6));
    }
  }
}
