package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.channelrisk.model.Cooperation;
import org.channelrisk.model.Platform;
import org.channelrisk.model.SecurityRating;
import org.junit.jupiter.api.Test;

class MigrationChoiceTest {
  static final Platform[] THREE = {
    Platform.of("a", "A", 1_000_000, SecurityRating.SAFE, Cooperation.none()),
    Platform.of("b", "B", 10_000, SecurityRating.SAFEST, Cooperation.none()),
    Platform.of("c", "C", 100, SecurityRating.UNSAFE, Cooperation.none())};

  static Scenario scenario() {
    return Scenario.builder(org.channelrisk.model.Ecosystem.empty()).migration(Migration.DEFAULT.withSecurityWeight(0.8).withPressureWeight(1.0).withStayBonus(1.0)).build();
  }

  /** The logit's probabilities by hand, then draws against them (chi-square, 3 cells). */
  @Test
  void drawsFollowTheLogit() {
    MigrationChoice m = new MigrationChoice(scenario(), THREE);
    m.recordRemoval(0, 0);
    m.recordRemoval(0, 5);
    double t = 10;
    double[] u = new double[3];
    double mem0 = (Math.exp(-5 / 30.0) + 1) * Math.exp(-5 / 30.0);
    for (int p = 0; p < 3; p++) {
      u[p] = 0.8 * THREE[p].securityRating().score() + 0.1 * Math.log(THREE[p].userBase() + 1.0)
          - 1.0 * Math.log1p(p == 0 ? mem0 : 0) + (p == 1 ? 1.0 : 0);
    }
    double sum = Math.exp(u[0]) + Math.exp(u[1]) + Math.exp(u[2]);
    double[] pr = m.probabilities(1, t, false);
    for (int p = 0; p < 3; p++) {
      assertThat(pr[p]).isCloseTo(Math.exp(u[p]) / sum, org.assertj.core.data.Offset.offset(1e-12));
    }
    for (boolean elsewhere : new boolean[] {false, true}) {
      double[] expected = m.probabilities(1, t, elsewhere);
      long[] counts = new long[3];
      var rng = Simulation.generator(3, elsewhere ? 1 : 0);
      int draws = 60_000;
      for (int k = 0; k < draws; k++) {
        counts[elsewhere ? m.chooseOther(1, t, rng) : m.choose(1, t, rng)]++;
      }
      if (elsewhere) {
        assertThat(counts[1]).isZero();
        assertThat(expected[1]).isZero();
      }
      double chi = 0;
      int cells = 0;
      for (int p = 0; p < 3; p++) {
        if (expected[p] > 0) {
          double e = expected[p] * draws;
          chi += (counts[p] - e) * (counts[p] - e) / e;
          cells++;
        }
      }
      assertThat(chi).isLessThan(new ChiSquaredDistribution(cells - 1).inverseCumulativeProbability(0.999));
    }
  }

  @Test
  void oneRemovalLowersAPlatformsShareAndTheMemoryFades() {
    MigrationChoice m = new MigrationChoice(scenario(), THREE);
    double before = m.probabilities(0, 0, false)[0];
    m.recordRemoval(0, 0);
    double after = m.probabilities(0, 0, false)[0];
    double later = m.probabilities(0, 300, false)[0];
    assertThat(after).isLessThan(before);
    assertThat(later).isGreaterThan(after).isCloseTo(before, org.assertj.core.data.Offset.offset(1e-4));
    MigrationChoice single = new MigrationChoice(scenario(), new Platform[] {THREE[0]});
    assertThat(single.choose(0, 1, Simulation.generator(1, 1))).isZero();
  }
}
