package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class AggregateModelTest {
  @Test
  void exactSteadyStateValues() {
    assertThat(AggregateModel.steadyStateFraction(0.2, 1)).isCloseTo(0.555556, Offset.offset(5e-7));
    assertThat(AggregateModel.steadyStateFraction(0.2, 2)).isCloseTo(0.137174, Offset.offset(5e-7));
    assertThat(AggregateModel.steadyStateFraction(0.2, 3)).isCloseTo(0.067740, Offset.offset(5e-7));
    double total = 0;
    double meanSize = 0;
    for (int s = 1; s < 20_000; s++) {
      double f = AggregateModel.steadyStateFraction(0.2, s);
      total += f;
      meanSize += s * f;
    }
    assertThat(total).isCloseTo(1.0, Offset.offset(1e-9));
    assertThat(meanSize).isCloseTo(1 / 0.2, Offset.offset(1e-6)); // the member-weighted mean size is 1/a
  }

  @Test
  void simulationReachesTheSteadyState() {
    AggregateModel m = AggregateModel.of(20_000, 0.2, Simulation.generator(1, 0));
    m.step(2_000_000);
    double[] f = new double[4];
    int samples = 50;
    for (int k = 0; k < samples; k++) {
      m.step(20_000);
      long[] counts = m.sizeCounts();
      for (int s = 1; s <= 3; s++) {
        f[s] += s * (s < counts.length ? counts[s] : 0) / 20_000.0 / samples;
      }
    }
    for (int s = 1; s <= 3; s++) {
      assertThat(f[s]).as("f_%d", s).isCloseTo(AggregateModel.steadyStateFraction(0.2, s), Offset.offset(0.01));
    }
  }

  @Test
  void clusterSizesDecayAsTheMinusFiveHalvesPower() {
    // a small fragmentation probability pushes the cut-off s* = -1/ln c far out (a = 0.01: s* ~ 40,000)
    AggregateModel m = AggregateModel.of(100_000, 0.01, Simulation.generator(2, 0));
    m.step(20_000_000);
    double[] hist = new double[64];
    int samples = 40;
    for (int k = 0; k < samples; k++) {
      m.step(200_000);
      long[] counts = m.sizeCounts();
      for (int s = 2; s < counts.length; s++) {
        hist[(int) Math.floor(Math.log(s) / Math.log(2))] += counts[s];
      }
    }
    // Log-binned density n_s ~ count in [2^j, 2^(j+1)) / width, fitted over s in [8, 1024): below 8 the
    // Catalan numbers are far from their s^(-3/2) asymptote (a fit from s = 2 gives -2.64 even on the
    // exact steady state), so the smallest sizes are left out of the exponent.
    double[] sim = new double[12];
    double[] exact = new double[12];
    for (int j = 3; j < 10; j++) {
      double lo = Math.pow(2, j);
      sim[j] = hist[j] / samples / lo;
      for (int size = (int) lo; size < 2 * lo; size++) {
        exact[j] += AggregateModel.steadyStateFraction(0.01, size) / size / lo;
      }
    }
    double slope = slope(sim);
    assertThat(slope).as("simulated exponent").isCloseTo(slope(exact), Offset.offset(0.05));
    assertThat(slope).isCloseTo(-2.5, Offset.offset(0.1));
  }

  static double slope(double[] density) {
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int points = 0;
    for (int j = 3; j < 10; j++) {
      double x = Math.log(Math.pow(2, j) * Math.sqrt(2));
      double y = Math.log(density[j]);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
      points++;
    }
    return (points * sxy - sx * sy) / (points * sxx - sx * sx);
  }

  @Test
  void bansFragmentAndTheNetworkSelfRepairs() {
    AggregateModel m = AggregateModel.of(20_000, 0.05, Simulation.generator(3, 0));
    m.step(2_000_000);
    double before = m.largestClusterFraction();
    int hit = m.banSizeWindow(10, Integer.MAX_VALUE);
    assertThat(hit).isPositive();
    assertThat(m.largestClusterFraction()).isLessThan(before);
    assertThat(m.sizeCounts().length).isLessThanOrEqualTo(10);
    m.step(2_000_000);
    assertThat(m.sizeCounts().length).isGreaterThan(10); // large clusters form again
    int banned = m.banRandomMembers(0.1);
    assertThat(banned).isPositive();
    long members = 0;
    long[] counts = m.sizeCounts();
    for (int s = 1; s < counts.length; s++) {
      members += s * counts[s];
    }
    assertThat(members).isEqualTo(20_000); // bans isolate, they do not lose members
  }
}
