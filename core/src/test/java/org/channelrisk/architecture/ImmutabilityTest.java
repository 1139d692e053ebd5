package org.channelrisk.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.channelrisk.fit.FitResult;
import org.channelrisk.recovery.Metric;
import org.channelrisk.recovery.RecoveryAnalysis;
import org.channelrisk.recovery.RecoveryModel;
import org.channelrisk.recovery.RecoveryResult;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Presets;
import org.channelrisk.sim.Simulation;
import org.channelrisk.sim.Trajectory;
import org.channelrisk.survival.SurvivalData;
import org.junit.jupiter.api.Test;

/** Results documented as immutable cannot be changed through what they were made from or hand out. */
class ImmutabilityTest {
  @Test
  void aFitResultCopiesItsArraysInAndOut() {
    double[] est = {1, 2};
    double[][] cov = {{1, 0}, {0, 1}};
    FitResult f = new FitResult(List.of("a", "b"), est, new double[] {0.1, 0.2}, cov, new double[] {0, 1},
        new double[] {2, 3}, 0.95, 1.5, 10, 0, true, 3, 4, "ok");
    FitResult same = new FitResult(List.of("a", "b"), est.clone(), new double[] {0.1, 0.2}, new double[][] {{1, 0}, {0, 1}},
        new double[] {0, 1}, new double[] {2, 3}, 0.95, 1.5, 10, 0, true, 3, 4, "ok");
    est[0] = 99;
    cov[0][0] = 99;
    f.estimates()[1] = 99;
    f.covariance()[1][1] = 99;
    f.lower()[0] = 99;
    assertThat(f.estimate(0)).isEqualTo(1);
    assertThat(f.estimate(1)).isEqualTo(2);
    assertThat(f.covariance(0, 0)).isEqualTo(1);
    assertThat(f.covariance(1, 1)).isEqualTo(1);
    assertThat(f.lower(0)).isEqualTo(0);
    assertThat(f).isEqualTo(same).hasSameHashCodeAs(same);
  }

  @Test
  void aTrajectoryAndAnEnsembleCannotBeChangedBehindTheirBacks() {
    Trajectory t = Simulation.of(Presets.telegram2015(300)).seed(7).run().trajectory();
    double before = t.value(Observed.ACTIVE_CHANNELS, 5);
    t.values(Observed.ACTIVE_CHANNELS)[5] = -1;
    t.values()[Observed.ACTIVE_CHANNELS.ordinal()][5] = -1;
    t.activeByPlatform()[0][5] = -1;
    t.times()[5] = -1;
    assertThat(t.value(Observed.ACTIVE_CHANNELS, 5)).isEqualTo(before);
    assertThat(t.activeByPlatform()[0][5]).isNotEqualTo(-1);
    assertThat(t.times()[5]).isEqualTo(5);

    double[][] values = t.values();
    EnsembleSummary s = EnsembleSummary.fromReplicates(t.times(), Map.of(0L, values));
    values[Observed.ACTIVE_CHANNELS.ordinal()][5] = -1;
    assertThat(s.mean(Observed.ACTIVE_CHANNELS)[5]).isEqualTo(before);
    assertThat(EnsembleSummary.of(0, t)).isEqualTo(s);
    assertThatThrownBy(() -> EnsembleSummary.BAND_PROBABILITIES.set(0, 0.5)).isInstanceOf(UnsupportedOperationException.class);
    EnsembleSummary.bandProbabilities()[0] = 0.5;
    assertThat(EnsembleSummary.BAND_PROBABILITIES.get(0)).isEqualTo(0.05);
  }

  @Test
  void aRecoveryResultCopiesItsBandAndMetrics() {
    double[] t = new double[60];
    double[] y = new double[60];
    for (int i = 0; i < 60; i++) {
      t[i] = i;
      y[i] = i < 20 ? 100 : 80 - 50 * Math.exp(-0.1 * (i - 20)) + (i % 3 - 1);
    }
    RecoveryResult r = RecoveryAnalysis.builder().takedown(20).models(RecoveryModel.EXPONENTIAL).build().analyse(t, y);
    double fitted = r.band()[0][3];
    r.band()[0][3] = -1;
    r.bandTimes()[3] = -1;
    assertThat(r.band()[0][3]).isEqualTo(fitted);
    assertThat(r.bandTimes()[3]).isNotEqualTo(-1);
    assertThatThrownBy(() -> r.metrics().remove(Metric.T50)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.candidates().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void askingForAGroupThatIsNotThereNamesTheGroupsThatAre() {
    SurvivalData d = SurvivalData.of(new double[] {1, 2, 3}, new boolean[] {true, false, true})
        .withGroups(new String[] {"telegram", "rocketchat", "telegram"});
    assertThat(d.group("telegram").size()).isEqualTo(2);
    assertThatThrownBy(() -> d.group("telegam")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("telegam").hasMessageContaining("[rocketchat, telegram]");
  }
}
