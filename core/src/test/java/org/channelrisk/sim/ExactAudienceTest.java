package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact event-driven audience against the engine it replaced and against itself on other grids:
 * the model no longer depends on the observation grid.
 */
class ExactAudienceTest {
  static final double Z = 4.5;

  /** The grid engine's ensemble on a 0.05-day grid (see grid-engine-fine-grid.md), against the exact engine. */
  @Test
  void agreesWithTheGridEngineWhereItsGridWasFine() throws IOException {
    List<String> lines;
    try (InputStream in = getClass().getResourceAsStream("grid-engine-fine-grid.csv")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
    }
    Scenario s = SimulationTest.rich(2_000, 0.8, 1);
    int reps = 100;
    EnsembleSummary e = Ensemble.of(s).replicates(reps).seed(5).threads(2).run();
    for (String line : lines) {
      String[] f = line.split(",");
      Observed o = Observed.valueOf(f[0].toUpperCase(java.util.Locale.ROOT));
      int g = (int) Double.parseDouble(f[1]);
      double oldMean = Double.parseDouble(f[2]);
      double oldSd = Double.parseDouble(f[3]);
      double mean = e.mean(o)[g];
      double sd = e.sd(o)[g];
      double se = Math.sqrt(sd * sd / reps + oldSd * oldSd / 200);
      assertThat(Math.abs(mean - oldMean)).as("%s at %s: exact %s, grid %s (se %s)", o.key(), g, mean, oldMean, se)
          .isLessThanOrEqualTo(Z * se);
    }
  }

  /** The same scenario observed on a daily and a 5-day grid: the same law at the common times. */
  @Test
  void theGridOnlyRecords() {
    Scenario daily = SimulationTest.rich(1_000, 0.8, 2);
    Scenario coarse = daily.toBuilder().gridStep(5).build();
    int reps = 80;
    EnsembleSummary a = Ensemble.of(daily).replicates(reps).seed(1).threads(2).run();
    EnsembleSummary b = Ensemble.of(coarse).replicates(reps).seed(2).threads(2).run();
    for (Observed o : new Observed[] {Observed.ACTIVE_CHANNELS, Observed.AUDIENCE, Observed.REMOVALS, Observed.REFERRALS_SENT}) {
      for (int gb = 0; gb < b.times().length; gb++) {
        int ga = gb * 5;
        double se = Math.sqrt((Math.pow(a.sd(o)[ga], 2) + Math.pow(b.sd(o)[gb], 2)) / reps);
        assertThat(Math.abs(a.mean(o)[ga] - b.mean(o)[gb])).as("%s at %s", o.key(), a.times()[ga])
            .isLessThanOrEqualTo(Z * se + 1e-9);
      }
    }
  }
}
