package org.channelrisk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.channelrisk.io.EcosystemCsv;
import org.channelrisk.model.Ecosystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcosystemTourTest {
  @Test
  void runsAndWritesAReadableExport(@TempDir Path dir) throws Exception {
    Ecosystem written = EcosystemTour.run(300, dir);
    assertThat(written.channels()).hasSize(300);
    assertThat(written.channels().keySet()).allMatch(id -> id.matches("p[0-9a-f]{32}"));
    assertThat(EcosystemCsv.read(dir)).isEqualTo(written);
  }
}
