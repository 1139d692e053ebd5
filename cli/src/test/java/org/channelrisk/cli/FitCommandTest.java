package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.cli.MainTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {
  @TempDir Path dir;

  Path series() throws IOException {
    StringBuilder sb = new StringBuilder("day,active,sd\n");
    var rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(1);
    for (int d = 0; d < 120; d++) {
      double y = d < 30 ? 1000 : 980 - 880 * Math.exp(-0.06 * (d - 30));
      sb.append(String.format(Locale.ROOT, "%d,%.3f,%.3f%n", d, y + 10 * rng.nextGaussian(), 10.0));
    }
    return Files.writeString(dir.resolve("series.csv"), sb);
  }

  @Test
  void jsonHasTheDocumentedKeysAndTheChartIsAPng() throws IOException {
    Path png = dir.resolve("fit.png");
    MainTest.Result r = run("fit", "--input", series().toString(), "--time", "day", "--value", "active", "--format", "json",
        "--chart", png.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    for (String key : new String[] {"model", "converged", "t0", "parameters", "rss", "sigma", "aic", "aicc", "bic", "metrics", "candidates"}) {
      assertThat(j.has(key)).as(key).isTrue();
    }
    assertThat(j.get("model").asText()).isEqualTo("exponential");
    assertThat(j.get("t0").asDouble()).isEqualTo(30.0);
    for (String p : new String[] {"a", "b", "k"}) {
      JsonNode v = j.get("parameters").get(p);
      assertThat(v.fieldNames()).toIterable().containsExactly("estimate", "std_error", "lower", "upper");
    }
    assertThat(j.get("parameters").get("k").get("estimate").asDouble()).isBetween(0.055, 0.065);
    for (String m : new String[] {"baseline", "depth", "recovery_ratio", "t50", "t90", "half_life", "loss_area"}) {
      assertThat(j.get("metrics").get(m).fieldNames()).toIterable().containsExactly("estimate", "lower", "upper");
    }
    assertThat(j.get("metrics").get("t90").get("estimate").asDouble()).isBetween(30.0, 45.0); // ln 10 / 0.06 = 38.4 (a ~ 0.98 B0)
    assertThat(j.get("candidates")).hasSize(5);
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(1600); // 800 logical pixels at 2x
    assertThat(img.getHeight()).isEqualTo(1000);
  }

  @Test
  void fromTroughStartsTheFitAtTheLowestPoint() throws IOException {
    // the level keeps falling for 5 days after the takedown at day 30, then recovers
    StringBuilder sb = new StringBuilder("day,active\n");
    for (int d = 0; d < 120; d++) {
      double y = d < 30 ? 1000 : d <= 35 ? 1000 - 150.0 * (d - 29) : 800 - 700 * Math.exp(-0.05 * (d - 35));
      sb.append(String.format(Locale.ROOT, "%d,%.6f%n", d, y));
    }
    Path f = Files.writeString(dir.resolve("trough.csv"), sb);
    MainTest.Result r = run("fit", "--input", f.toString(), "--time", "day", "--value", "active", "--takedown", "30",
        "--from-trough", "--model", "exponential", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("t0").asDouble()).isEqualTo(35.0);
    assertThat(j.get("metrics").get("baseline").get("estimate").asDouble()).isEqualTo(1000.0);
    assertThat(j.get("parameters").get("b").get("estimate").asDouble()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-3));
  }

  @Test
  void bootstrapAndEnsembleWeights() throws IOException {
    Path s = series();
    MainTest.Result a = run("fit", "--input", s.toString(), "--time", "day", "--value", "active", "--model", "exponential",
        "--bootstrap", "100", "--seed", "3", "--threads", "1", "--format", "json");
    MainTest.Result b = run("fit", "--input", s.toString(), "--time", "day", "--value", "active", "--model", "exponential",
        "--bootstrap", "100", "--seed", "3", "--threads", "2", "--format", "json");
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(a.out()).isEqualTo(b.out());
    assertThat(a.out()).contains("residual bootstrap, 100 replicates").doesNotContain("\"candidates\"");
    MainTest.Result w = run("fit", "--input", s.toString(), "--time", "day", "--value", "active", "--sd", "sd", "--format", "json");
    assertThat(w.code()).as(w.err()).isZero();
  }

  @Test
  void badInputExitsTwo() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.csv"), "day,active\n0,10\n1,x\n");
    MainTest.Result r = run("fit", "--input", bad.toString(), "--time", "day", "--value", "active");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("channelrisk: bad.csv line 3, column 'active': expected a number, found 'x'");
    Path order = Files.writeString(dir.resolve("order.csv"), "day,active\n0,10\n2,5\n1,7\n");
    MainTest.Result o = run("fit", "--input", order.toString(), "--time", "day", "--value", "active");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("order.csv line 4, column 'day': times must strictly increase");
    MainTest.Result late = run("fit", "--input", series().toString(), "--time", "day", "--value", "active", "--takedown", "500");
    assertThat(late.code()).isEqualTo(2);
    assertThat(late.err()).contains("after the last point");
    Path neg = Files.writeString(dir.resolve("neg.csv"), "day,count\n0,10\n1,-1\n2,4\n3,5\n4,6\n5,7\n");
    MainTest.Result p = run("fit", "--input", neg.toString(), "--time", "day", "--value", "count", "--weights", "poisson");
    assertThat(p.code()).isEqualTo(2);
    assertThat(p.err()).contains("neg.csv line 3, column 'count': Poisson weights need counts >= 0");
    MainTest.Result both = run("fit", "--input", series().toString(), "--time", "day", "--value", "active", "--sd", "sd",
        "--weights", "poisson");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err().strip()).isEqualTo(
        "channelrisk: --weights poisson and --sd contradict each other: --sd weights by 1/sd^2; give one of them");
    Path chart = dir.resolve("never.png");
    run("fit", "--input", bad.toString(), "--time", "day", "--value", "active", "--chart", chart.toString());
    assertThat(chart).doesNotExist();
  }
}
