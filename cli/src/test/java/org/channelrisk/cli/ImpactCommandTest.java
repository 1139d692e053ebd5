package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.cli.MainTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.channelrisk.charts.ImpactChart;
import org.channelrisk.impact.ImpactAnalysis;
import org.channelrisk.impact.ImpactResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImpactCommandTest {
  @TempDir Path dir;

  /** 80 days, action at day 40 (level -20), a weekly cycle, a control, counts and channels observed. */
  Path series() throws IOException {
    StringBuilder sb = new StringBuilder("day,posts,other,channels\n");
    var rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(4);
    for (int d = 0; d < 80; d++) {
      double other = 100 + 5 * Math.sin(d / 5.0) + rng.nextGaussian();
      double y = 200 + 0.3 * d + 0.5 * other + 8 * Math.sin(2 * Math.PI * d / 7) - (d >= 40 ? 20 : 0) + 3 * rng.nextGaussian();
      sb.append(String.format(Locale.ROOT, "%d,%d,%.4f,%d%n", d, Math.round(y), other, 90 + rng.nextInt(20)));
    }
    return Files.writeString(dir.resolve("series.csv"), sb);
  }

  @Test
  void jsonHasTheDocumentedKeysTheCsvItsColumnsAndTheChartThreePanels() throws IOException {
    Path csv = dir.resolve("effects.csv");
    Path png = dir.resolve("impact.png");
    MainTest.Result r = run("impact", "--input", series().toString(), "--time", "day", "--value", "posts", "--intervention", "40",
        "--model", "segmented", "--hac-lag", "auto", "--control", "other", "--period", "7", "--harmonics", "1", "--format", "json",
        "--output", csv.toString(), "--chart", png.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    for (String key : new String[] {"model", "n_pre", "n_post", "intervention", "coefficients", "sigma2", "loglik", "aic",
        "average_effect", "cumulative_effect", "relative_effect", "converged"}) {
      assertThat(j.has(key)).as(key).isTrue();
    }
    assertThat(j.get("coefficients").fieldNames()).toIterable()
        .containsExactly("intercept", "time", "level_change", "slope_change", "other", "sin1", "cos1");
    assertThat(j.get("coefficients").get("level_change").fieldNames()).toIterable()
        .containsExactly("estimate", "std_error", "lower", "upper");
    assertThat(j.get("coefficients").get("level_change").get("estimate").asDouble()).isBetween(-25.0, -15.0);
    assertThat(j.get("cumulative_effect").fieldNames()).toIterable().containsExactly("estimate", "lower", "upper");
    assertThat(j.get("n_pre").asInt()).isEqualTo(40);
    assertThat(j.get("variant").asText()).isEqualTo("Newey-West, lag 3");
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo(String.join(",", ImpactCommand.CSV_HEADER));
    assertThat(lines).hasSize(81);
    assertThat(lines.get(1)).endsWith(",,,"); // no cumulative effect before T
    assertThat(lines.get(41).split(",", -1)).allMatch(s -> !s.isEmpty());
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(2 * ImpactChart.WIDTH);
    assertThat(img.getHeight()).isEqualTo(2 * 3 * ImpactChart.PANEL_HEIGHT);
  }

  @Test
  void poissonJsonHasDispersionAndNoLikelihood() throws IOException {
    MainTest.Result r = run("impact", "--input", series().toString(), "--time", "day", "--value", "posts", "--intervention", "40",
        "--model", "poisson", "--offset", "channels", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("dispersion").isNumber()).isTrue();
    assertThat(j.has("sigma2")).isFalse();
    assertThat(j.get("loglik").isNull()).isTrue();
    assertThat(j.get("aic").isNull()).isTrue();
  }

  @Test
  void theEnsembleCsvOfSimulateFeedsStraightIn() throws IOException {
    Path scenario = Files.writeString(dir.resolve("s.yaml"), "preset: {name: nov2019, channels: 300, praised: true}\n");
    Path ens = dir.resolve("ens.csv");
    MainTest.Result s = run("simulate", "--scenario", scenario.toString(), "--replicates", "3", "--seed", "1", "--output", ens.toString());
    assertThat(s.code()).as(s.err()).isZero();
    for (String model : new String[] {"segmented", "structural"}) {
      MainTest.Result r = run("impact", "--input", ens.toString(), "--time", "time", "--value", "active_channels_mean",
          "--intervention", "51", "--model", model, "--format", "json");
      assertThat(r.code()).as(r.err()).isZero();
      JsonNode j = new ObjectMapper().readTree(r.out());
      assertThat(j.get("relative_effect").get("estimate").asDouble()).as(model).isLessThan(-0.3);
    }
  }

  @Test
  void arimaNamesItsTermsAfterTheInterventionAndSkipLeavesGaps() throws IOException {
    String text = Files.readString(series());
    // blank the posts of day 50 (line 52): with --missing skip the filter takes it as a gap
    String[] lines = text.split("\n");
    lines[51] = lines[51].replaceFirst("^(\\d+),\\d+,", "$1,,");
    Path in = Files.writeString(dir.resolve("gap.csv"), String.join("\n", lines) + "\n");
    Path csv = dir.resolve("e.csv");
    MainTest.Result r = run("impact", "--input", in.toString(), "--time", "day", "--value", "posts", "--intervention", "40",
        "--model", "arima", "--ar", "1", "--ma", "1", "--control", "other", "--missing", "skip", "--format", "json",
        "--output", csv.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("coefficients").fieldNames()).toIterable()
        .containsExactly("intercept", "time", "level_change", "slope_change", "ar1", "ma1", "other");
    assertThat(j.get("n_post").asInt()).isEqualTo(39);
    String row = Files.readAllLines(csv).get(51);
    assertThat(row.split(",", -1)[1]).isEmpty(); // observed: not available
    assertThat(row.split(",", -1)[2]).isNotEmpty(); // the counterfactual still is
    MainTest.Result refused = run("impact", "--input", in.toString(), "--time", "day", "--value", "posts", "--intervention", "40");
    assertThat(refused.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(refused.err()).contains("gap.csv line 52, column 'posts': missing value");
  }

  static Object[][] badInputs() {
    return new Object[][] {
      {"day,posts\n0,1\n1,2\n1,3\n2,4\n3,5\n4,6\n5,7\n", new String[] {}, "series.csv line 4, column 'day': times must strictly increase"},
      {"day,posts\n0,1\n1,\n2,3\n3,4\n4,5\n5,6\n6,7\n", new String[] {}, "series.csv line 3, column 'posts': missing value"},
      {"day,posts\n0,1\n1,-2\n2,3\n3,4\n4,5\n5,6\n6,7\n", new String[] {"--model", "poisson"},
          "series.csv line 3, column 'posts': the poisson model needs counts >= 0"},
      {"day,posts\n0,1\n1,2\n2,3\n3,4\n4,5\n5,6\n", new String[] {"--intervention", "4"},
          "series.csv line 6, column 'day': need at least 3 observations before and from the intervention T = 4: found 4 before and 2"},
      {"day,posts\n0,1\n1,x\n2,3\n3,4\n4,5\n5,6\n6,7\n", new String[] {}, "series.csv line 3, column 'posts': expected a number, found 'x'"},
      {"day,count\n0,1\n1,2\n2,3\n3,4\n", new String[] {}, "series.csv line 1, column 'posts': missing column"},
      {"day,posts\n0,1\n1,2\n2,3\n3,4\n4,5\n5,6\n6,7\n", new String[] {"--hac-lag", "two"}, "--hac-lag must be an integer >= 0 or auto"},
      {"day,posts\n0,1\n1,2\n2,3\n3,4\n4,5\n5,6\n6,7\n", new String[] {"--ar", "2"}, "--ar and --ma applies only to --model arima"},
      {"day,posts\n0,1\n1,2\n2,3\n3,4\n4,5\n5,6\n6,7\n", new String[] {"--model", "magic"},
          "Invalid value for option '--model': expected one of [segmented, arima, poisson, structural] (case-insensitive) but"
              + " was 'magic'"},
      {"day,posts\n0,1\n1,2\n2,3\n3,4\n4,5\n5,6\n6,7\n", new String[] {"--chart", "out.gif"}, "out.gif' must end in .png or .svg"},
      {"day,posts\n0,1\n1,2\n2,3\n3,4\n4,5\n5,6\n6,7\n", new String[] {"--period", "7"}, "--period and --harmonics go together"},
      {"day,posts,flat\n0,1,2\n1,2,2\n2,3,2\n3,4,2\n4,5,2\n5,6,2\n6,7,2\n", new String[] {"--control", "flat"},
          "series.csv: the design is singular: column 'flat'"},
    };
  }

  @ParameterizedTest
  @MethodSource("badInputs")
  void badInputExitsWith2OneLineAndNoFiles(String content, String[] extra, String message) throws IOException {
    Path in = Files.writeString(dir.resolve("series.csv"), content);
    Path csv = dir.resolve("effects.csv");
    Path png = dir.resolve("c.png");
    List<String> args = new java.util.ArrayList<>(List.of("impact", "--input", in.toString(), "--time", "day", "--value", "posts",
        "--output", csv.toString()));
    List<String> more = new java.util.ArrayList<>(List.of(extra));
    if (!more.contains("--intervention")) {
      args.addAll(List.of("--intervention", "3"));
    }
    if (!more.contains("--chart")) {
      args.addAll(List.of("--chart", png.toString()));
    }
    args.addAll(more);
    MainTest.Result r = run(args.toArray(new String[0]));
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains(message);
    assertThat(r.err().strip().lines()).hasSizeLessThanOrEqualTo(2); // picocli adds a "Try --help" line to option errors
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
    assertThat(csv).doesNotExist();
    assertThat(png).doesNotExist();
    assertThat(r.out()).isEmpty();
  }
}
