package org.channelrisk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.channelrisk.impact.ImpactModel;
import org.channelrisk.impact.ImpactResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intervention example at a small size. */
class ActionDayImpactTest {
  @TempDir Path dir;

  @Test
  void theActionDayRemovesPostingWellBeyondNoise() throws IOException {
    ImpactResult r = ActionDayImpact.run(800, 4, dir);
    assertThat(r.model()).isEqualTo(ImpactModel.STRUCTURAL);
    assertThat(r.converged()).isTrue();
    assertThat(r.relativeEffect().value()).isBetween(-1.0, -0.2);
    assertThat(r.relativeEffect().upper()).isLessThan(0);
    assertThat(dir.resolve("action-day-2019-impact.png")).isRegularFile();
  }
}
