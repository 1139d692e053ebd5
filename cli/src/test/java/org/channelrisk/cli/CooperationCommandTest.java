package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.cli.MainTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CooperationCommandTest {
  @TempDir Path dir;

  @Test
  void estimatesPerPlatformFromALog() throws IOException {
    StringBuilder csv = new StringBuilder("id,platform,sent_at,outcome,decided_at\n");
    var rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(5);
    for (int i = 0; i < 400; i++) {
      String platform = i % 2 == 0 ? "telegram" : "filehost";
      double sent = rng.nextDouble() * 100;
      double u = rng.nextDouble();
      if (u < (platform.equals("telegram") ? 0.85 : 0.4)) {
        double lat = (platform.equals("telegram") ? 0.5 : 5.0) * rng.nextExponential();
        if (sent + lat < 110) {
          csv.append(String.format(java.util.Locale.ROOT, "r%d,%s,%.6f,removed,%.6f%n", i, platform, sent, sent + lat));
        } else {
          csv.append(String.format(java.util.Locale.ROOT, "r%d,%s,%.6f,pending,%n", i, platform, sent));
        }
      } else {
        csv.append(String.format(java.util.Locale.ROOT, "r%d,%s,%.6f,declined,%.6f%n", i, platform, sent, sent + 1));
      }
    }
    Path log = Files.writeString(dir.resolve("referrals.csv"), csv);
    MainTest.Result res = run("cooperation", "--input", log.toString(), "--until", "110", "--format", "json");
    assertThat(res.code()).as(res.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(res.out());
    JsonNode platforms = j.get("platforms");
    assertThat(platforms).hasSize(2);
    JsonNode tg = platforms.get(1);
    assertThat(tg.get("platform").asText()).isEqualTo("telegram");
    assertThat(tg.get("compliance").get("lower").asDouble()).isLessThan(0.85);
    assertThat(tg.get("compliance").get("upper").asDouble()).isGreaterThan(0.85);
    assertThat(tg.get("latency").get("median").asDouble()).isBetween(0.2, 0.7); // true median 0.5 ln 2 = 0.35
    assertThat(j.get("latency_comparisons").get("all").get("p_value").asDouble()).isLessThan(1e-6);
    // fixed key order, so that two runs write the same file (Map.of's order changes between JVMs)
    assertThat(tg.get("compliance").fieldNames()).toIterable().containsExactly("estimate", "lower", "upper", "method");
    assertThat(j.get("latency_comparisons").get("all").fieldNames()).toIterable().containsExactly("chisq", "df", "p_value");
    MainTest.Result text = run("cooperation", "--input", log.toString());
    assertThat(text.out()).contains("telegram [all]", "Wilson");
  }

  @Test
  void badLogGivesExitTwo() throws IOException {
    Path log = Files.writeString(dir.resolve("bad.csv"), "id,platform,sent_at,outcome,decided_at\nr1,tg,soon,removed,1\n");
    Path out = dir.resolve("out.json");
    MainTest.Result res = run("cooperation", "--input", log.toString(), "--format", "json", "--output", out.toString());
    assertThat(res.code()).isEqualTo(2);
    assertThat(res.err()).contains("bad.csv line 2, column 'sent_at'");
    assertThat(out).doesNotExist();
  }
}
