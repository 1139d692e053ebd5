package org.channelrisk.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.channelrisk.impact.ImpactAnalysis;
import org.channelrisk.impact.ImpactResult;
import org.junit.jupiter.api.Test;

/** The intervention chart's data follow the result, with gaps where values are not available. */
class ImpactChartTest {
  @Test
  void chartDataFollowsTheResultWithGapsWhereValuesAreNotAvailable() {
    double[] t = new double[30];
    double[] y = new double[30];
    for (int i = 0; i < 30; i++) {
      t[i] = i;
      y[i] = 10 + (i >= 15 ? -3 : 0) + Math.sin(i);
    }
    ImpactResult r = ImpactAnalysis.builder().intervention(15).structural(org.channelrisk.impact.Trend.LEVEL).build().analyse(t, y);
    ImpactChartData d = ImpactChartData.of(r, "y");
    assertThat(d.intervention()).isEqualTo(15.0);
    assertThat(d.observed()[0]).hasSize(30);
    // the first one-step prediction of a diffuse start is not available: the band starts at the second point
    assertThat(d.counterfactual()).hasSize(1);
    assertThat(d.counterfactual().get(0)[0][0]).isEqualTo(1.0);
    assertThat(d.cumulative().get(0)[0][0]).isEqualTo(15.0);
    assertThat(d.cumulative().get(0)[1]).containsExactly(java.util.Arrays.copyOfRange(r.cumulative(), 15, 30));
    assertThat(ImpactChartData.runs(new double[] {0, 1, 2, 3}, new double[] {1, Double.NaN, 2, 3}, new double[] {0, 0, 1, 2},
        new double[] {2, 2, 3, 4})).hasSize(2);
    Figure f = ImpactChart.figure(r, "y");
    assertThat(f.panels()).hasSize(3);
    assertThat(f.svg()).contains("<svg").contains("intervention T = 15");
    assertThat(f.png()).isNotEmpty();
  }

}
