package org.channelrisk.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.channelrisk.survival.AalenJohansen;
import org.channelrisk.survival.CompetingRisksData;
import org.channelrisk.survival.CumulativeIncidence;
import org.junit.jupiter.api.Test;

class CumulativeIncidenceChartTest {
  @Test
  void stackedLayersEndAtOneMinusSurvival() {
    CompetingRisksData d = CompetingRisksData.of(new double[] {1, 2, 2, 3, 5, 8, 9}, new String[] {"a", "b", "0", "a", "c", "0",
        "b"}, java.util.Set.of("0"));
    CumulativeIncidence c = AalenJohansen.estimate(d).pooled();
    CumulativeIncidenceChart.Layers l = CumulativeIncidenceChart.layers(c);
    assertThat(l.layers()).hasNumberOfRows(3);
    for (int i = 0; i < c.size(); i++) {
      assertThat(l.x()[2 * i + 2]).isEqualTo(c.time(i));
      assertThat(l.layers()[2][2 * i + 2]).isCloseTo(1 - c.survival(i), org.assertj.core.data.Offset.offset(1e-15));
      for (int q = 1; q < 3; q++) {
        assertThat(l.layers()[q][2 * i + 2]).isGreaterThanOrEqualTo(l.layers()[q - 1][2 * i + 2]);
      }
    }
  }

  @Test
  void onePanelPerGroupStackedToOneMinusSurvival() {
    CompetingRisksData d = CompetingRisksData.of(new double[] {1, 2, 2, 3, 5, 8, 9}, new String[] {"a", "b", "0", "a", "c", "0",
        "b"}, java.util.Set.of("0"));
    Figure f = CumulativeIncidenceChart.figure(AalenJohansen.estimate(d), "days");
    assertThat(f.panels()).hasSize(1);
    assertThat(f.svg()).contains("<svg").contains("all channels (n = 7)");
  }
}
