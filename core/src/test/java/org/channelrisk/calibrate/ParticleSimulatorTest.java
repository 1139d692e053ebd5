package org.channelrisk.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Presets;
import org.channelrisk.sim.Scenario;
import org.channelrisk.sim.Simulation;
import org.junit.jupiter.api.Test;

/**
 * The particle function, the local evaluator and the posterior predictive on three channels that are
 * all referred on day 1: with compliance 1 every referral is complied with by day 2 (latency of an
 * hour), with compliance 0 none is, so the statistic is 3 x compliance exactly.
 */
class ParticleSimulatorTest {
  static final Target COMPLIED = new Target(new Statistic.Value(Observed.REFERRALS_COMPLIED, 2), 3, 1);
  static final ScenarioMapping THREE = theta -> Scenarios.referrals(3, theta[0], 0, 2);

  @Test
  void statisticsOfKnownOutcomes() {
    ParticleSimulator sim = new ParticleSimulator(THREE, List.of(COMPLIED), 1);
    assertThat(sim.statistics(new double[] {1}, 5)).containsExactly(3);
    assertThat(sim.statistics(new double[] {0}, 5)).containsExactly(0);
    ParticleSimulator two = new ParticleSimulator(THREE, List.of(COMPLIED, COMPLIED), 2);
    assertThat(two.statistics(new double[] {1}, 5)).containsExactly(3, 3);
    Replicates r = two.run(new double[] {1}, 5);
    assertThat(r.runs()).hasSize(2);
    // replicate r runs with the seed hash(particle seed, r) as replicate 0
    for (int k = 0; k < 2; k++) {
      Simulation.Run expected = Simulation.of(two.scenario(new double[] {1})).seed(ParticleSimulator.runSeed(5, k)).replicate(0).run();
      assertThat(r.runs().get(k).trajectory()).isEqualTo(expected.trajectory());
    }
    assertThat(ParticleSimulator.runSeed(5, 0)).isNotEqualTo(ParticleSimulator.runSeed(5, 1)).isNotEqualTo(ParticleSimulator.runSeed(6, 0))
        .isNotZero();
  }

  @Test
  void distanceIsTheEuclideanNormOfStandardizedStatistics() {
    Target a = new Target(new Statistic.Value(Observed.ACTIVE_CHANNELS, 1), 10, 2);
    Target b = new Target(new Statistic.Value(Observed.REMOVALS, 1), 0, 1);
    ParticleSimulator sim = new ParticleSimulator(THREE, List.of(a, b), 1);
    // ((14 - 10) / 2, -1 - 0) = (2, -1): sqrt(5)
    assertThat(sim.distance(new double[] {14, -1})).isCloseTo(Math.sqrt(5), within(1e-15));
    assertThat(sim.distance(new double[] {10, 0})).isZero();
    assertThat(sim.distance(new double[] {10, Double.NaN})).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(sim.distance(new double[] {Double.NaN, 0})).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void theEventLogIsOnWhenAStatisticReadsIt() {
    ParticleSimulator plain = new ParticleSimulator(THREE, List.of(COMPLIED), 1);
    assertThat(plain.needsEvents()).isFalse();
    assertThat(plain.scenario(new double[] {1}).eventLog()).isFalse();
    Target life = new Target(Statistic.Lifetimes.mean(0, 2, ""), 1, 1);
    ParticleSimulator withLog = new ParticleSimulator(THREE, List.of(COMPLIED, life), 1);
    assertThat(withLog.needsEvents()).isTrue();
    assertThat(withLog.scenario(new double[] {1}).eventLog()).isTrue();
    // a scenario that already records it is passed through
    ScenarioMapping logged = theta -> Scenarios.referrals(3, theta[0], 0, 2).toBuilder().eventLog(true).build();
    assertThat(new ParticleSimulator(logged, List.of(life), 1).scenario(new double[] {1}).eventLog()).isTrue();
    assertThat(new ParticleSimulator(logged, List.of(COMPLIED), 1).scenario(new double[] {1}).eventLog()).isTrue();
    assertThatThrownBy(() -> new ParticleSimulator(THREE, List.of(), 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ParticleSimulator(THREE, List.of(COMPLIED), 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new ParticleSimulator(THREE, List.of(COMPLIED), 1).replicates()).isEqualTo(1);
  }

  @Test
  void localEvaluatorReturnsEachParticlesStatisticsInOrder() {
    ParticleSimulator sim = new ParticleSimulator(THREE, List.of(COMPLIED), 1);
    List<double[]> values = List.of(new double[] {1}, new double[] {0}, new double[] {1});
    long[] seeds = {1, 2, 3};
    for (int threads : new int[] {1, 2}) {
      double[][] out = Evaluator.local(threads).evaluate(sim, values, seeds);
      assertThat(out).hasDimensions(3, 1);
      assertThat(out[0]).containsExactly(3);
      assertThat(out[1]).containsExactly(0);
      assertThat(out[2]).containsExactly(3);
    }
    assertThat(Evaluator.local(2).evaluate(sim, List.of(new double[] {1}), new long[] {4})[0]).containsExactly(3);
    assertThatThrownBy(() -> Evaluator.local(0)).isInstanceOf(IllegalArgumentException.class);
    // a failing particle: its own exception, an error as it is (as ensembles and the bootstrap do)
    ParticleSimulator rejects = new ParticleSimulator(theta -> {
      throw new IllegalArgumentException("no such compliance");
    }, List.of(COMPLIED), 1);
    assertThatThrownBy(() -> Evaluator.local(2).evaluate(rejects, values, seeds)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no such compliance");
    ParticleSimulator broken = new ParticleSimulator(theta -> {
      throw new AssertionError("broken");
    }, List.of(COMPLIED), 1);
    assertThatThrownBy(() -> Evaluator.local(2).evaluate(broken, values, seeds)).isInstanceOf(AssertionError.class)
        .hasMessage("broken");
  }

  @Test
  void predictiveDrawsParticlesAndRunsEach() {
    // half the weight on compliance 0, half on 1: each draw's statistic is 0 or 3 with its value
    Population p = new Population(List.of("compliance"), new double[][] {{0}, {1}}, new double[] {1, 1}, new double[] {0, 0},
        new double[][] {{0}, {3}}, PopulationTest.HISTORY);
    CalibrationResult r = new CalibrationResult(p, StopReason.TOLERANCE_REACHED, 1);
    Target nan = new Target(new Statistic.Change(Observed.REFERRALS_COMPLIED, 0, 0, 2, 2), 1, 1); // baseline 0: NaN
    ParticleSimulator sim = new ParticleSimulator(THREE, List.of(COMPLIED, nan), 1);
    Predictive pp = Predictive.of(r, sim, 8, 2019, 2);
    assertThat(pp.size()).isEqualTo(8);
    double[] stat = pp.statistic(0);
    int ones = 0;
    for (int i = 0; i < 8; i++) {
      double c = pp.draw(i)[0];
      assertThat(c).isIn(0.0, 1.0);
      assertThat(stat[i]).isEqualTo(3 * c);
      ones += (int) c;
      // draw i picks its particle with the generator of (seed, Integer.MAX_VALUE, i)
      assertThat(c).isEqualTo(p.values(p.draw(1, AbcSmc.particleRandom(2019, Integer.MAX_VALUE, i))[0])[0]);
    }
    assertThat(ones).isBetween(1, 7);
    // type 7 quantiles of `ones` threes and 8 - ones zeros; the ensemble mean at day 2 is 3 ones / 8
    double[] sorted = stat.clone();
    Arrays.sort(sorted);
    double h = 0.25 * 7;
    double q = sorted[1] + (h - 1) * (sorted[2] - sorted[1]);
    assertThat(pp.statisticQuantile(0, 0.25)).isCloseTo(q, within(1e-12));
    assertThat(pp.statisticQuantile(0, 0)).isZero();
    assertThat(pp.statisticQuantile(0, 1)).isEqualTo(3);
    assertThat(pp.statistic(1)).containsOnly(Double.NaN);
    assertThat(pp.statisticQuantile(1, 0.5)).isNaN();
    assertThat(pp.ensemble().replicates()).isEqualTo(8);
    assertThat(pp.ensemble().mean(Observed.REFERRALS_COMPLIED)[2]).isCloseTo(3.0 * ones / 8, within(1e-12));
    // the same on one thread
    Predictive one = Predictive.of(r, sim, 8, 2019, 1);
    assertThat(one.statistic(0)).containsExactly(stat);
    assertThatThrownBy(() -> Predictive.of(r, sim, 1, 2019, 1)).isInstanceOf(IllegalArgumentException.class);
    ParticleSimulator rejects = new ParticleSimulator(theta -> {
      throw new IllegalArgumentException("rejected");
    }, List.of(COMPLIED), 1);
    assertThatThrownBy(() -> Predictive.of(r, rejects, 2, 1, 1)).hasMessage("rejected");
    ParticleSimulator broken = new ParticleSimulator(theta -> {
      throw new AssertionError("broken");
    }, List.of(COMPLIED), 1);
    assertThatThrownBy(() -> Predictive.of(r, broken, 2, 1, 1)).isInstanceOf(AssertionError.class).hasMessage("broken");
  }

  @Test
  void presetCalibrationsNameTheirParametersTargetsAndScenarios() {
    AbcSmc nov = PresetCalibrations.actionDay2019(40).build();
    assertThat(nov.names()).containsExactly("recreation", "spareBanShare", "pressure");
    assertThat(nov.parameters().get(2).prior()).isEqualTo(Prior.logUniform(1, 1000));
    assertThat(nov.targets()).extracting(Target::observed).containsExactly(-0.955, 105.0, 14.0);
    assertThat(nov.targets()).extracting(Target::scale).containsExactly(0.955, 105.0, 14.0);
    assertThat(nov.targets().get(0).statistic()).isEqualTo(new Statistic.Change(PresetCalibrations.activity(), 21, 50, 52, 81));
    assertThat(nov.targets().get(2).statistic()).isEqualTo(Statistic.Lifetimes.mean(51, 365, "telegram"));
    assertThat(PresetCalibrations.actionDay2019(41).build().fingerprint()).isNotEqualTo(nov.fingerprint());
    Scenario s = nov.simulator().scenario(new double[] {0.3, 0.4, 20});
    assertThat(s.recreationProbability()).isEqualTo(0.3);
    assertThat(s.actionDays().get(0).spareBanShare()).isEqualTo(0.4);
    assertThat(s.actionDays().get(0).pressureMultiplier()).isEqualTo(20);
    assertThat(s.ecosystem().channels()).hasSize(40);
    assertThat(s.eventLog()).isTrue();

    AbcSmc oct = PresetCalibrations.actionDay2018(40).build();
    assertThat(oct.names()).containsExactly("referredShare", "recreation", "detection");
    assertThat(oct.parameters().get(0).prior()).isEqualTo(Prior.uniform(0.01, 0.5));
    assertThat(oct.parameters().get(2).prior()).isEqualTo(Prior.logUniform(1e-5, 1e-2));
    assertThat(oct.targets()).extracting(Target::observed).containsExactly(-0.15, 12.0, 302.0);
    assertThat(oct.fingerprint()).isNotEqualTo(nov.fingerprint());
    Scenario o = oct.simulator().scenario(new double[] {0.5, 0.6, 1e-3});
    assertThat(o.recreationProbability()).isEqualTo(0.6);
    assertThat(o.detectionRate()).isEqualTo(1e-3);
    assertThat(o.horizon()).isEqualTo(730);
    assertThat(o.ecosystem().channels()).hasSize(40);
    // the observable of "organic posts": posts where the engine has them, otherwise active channels
    assertThat(PresetCalibrations.activity().name()).isIn("POSTS", "ACTIVE_CHANNELS");
    assertThat(PresetCalibrations.activity())
        .isEqualTo(Arrays.stream(Observed.values()).anyMatch(v -> v.name().equals("POSTS")) ? Observed.valueOf("POSTS") : Observed.ACTIVE_CHANNELS);
    assertThat(PresetCalibrations.PUBLISHED_CHANNELS).isEqualTo(1_911);
    assertThat(Presets.NOVEMBER_2019_DAY).isEqualTo(51);
  }
}
