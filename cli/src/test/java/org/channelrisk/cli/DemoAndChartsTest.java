package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.cli.MainTest.run;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.channelrisk.io.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAndChartsTest {
  @TempDir Path dir;

  static void png(Path file, int w, int h) throws IOException {
    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img).as(file.toString()).isNotNull();
    assertThat(img.getWidth()).isEqualTo(w);
    assertThat(img.getHeight()).isEqualTo(h);
    assertThat(Files.size(file)).isGreaterThan(5_000);
  }

  @Test
  void theDemoRunsAtASmallSizeAndItsOutputsParse() throws IOException {
    Path out = dir.resolve("demo");
    MainTest.Result r = run("demo", "--out", out.toString(), "--channels", "600", "--replicates", "4", "--threads", "2", "--report");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("no drop: the platform declined the referrals", "largest audience", "median lifetime", "T50");
    for (String f : List.of("fan-audience.png", "recovery-fit.png", "lifetimes-km.png")) {
      png(out.resolve(f), 1600, 1000); // 800 x 500 at 2x
      assertThat(Files.readString(out.resolve(f.replace(".png", ".svg")))).contains("<svg");
    }
    assertThat(Files.readString(out.resolve("strategies.svg"))).contains("<svg", "largest audience");
    assertThat(Files.readString(out.resolve("fan-audience.svg"))).contains("<svg");
    CsvTable summary = CsvTable.read(out.resolve("summary.csv"));
    assertThat(summary.size()).isEqualTo(6);
    assertThat(summary.header()).contains("relative_depth_median", "relative_depth_q05", "relative_depth_q95", "trough_day_median",
        "fit_relative_depth", "fit_recovery_ratio", "fit_t50", "fit_t90", "fit_model");
    CsvTable ens = CsvTable.read(out.resolve("ensemble-2019-largest-audience-account.csv"));
    assertThat(ens.size()).isEqualTo(366);
    assertThat(ens.doubles("active_channels_mean")[0]).isEqualTo(600.0);
    String html = Files.readString(out.resolve("index.html"));
    ReportPages.selfContained(html);
    assertThat(html.split("<svg ", -1)).hasSize(5);
    assertThat(ReportPages.numbersEqualTheCsvs(html, out)).isEqualTo(5 * 13); // five plans with a drop, 4 x 3 + 1 numbers each
    CsvTable life = CsvTable.read(out.resolve("lifetimes-after-action.csv"));
    assertThat(life.header()).containsExactly("id", "time", "event", "group", "entry");
  }

  @Test
  void acrossReplicatesTheSpreadIsWiderThanTheFitOfTheMean() throws IOException {
    Path out = dir.resolve("demo2");
    MainTest.Result r = run("demo", "--out", out.toString(), "--channels", "800", "--replicates", "6", "--threads", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("fit of the mean: ", "trough (day)", "median and 90% interval of the outcomes across replicates");
    CsvTable summary = CsvTable.read(out.resolve("summary.csv"));
    String[] lo = summary.strings("relative_depth_q05");
    String[] hi = summary.strings("relative_depth_q95");
    String[] median = summary.strings("relative_depth_median");
    assertThat(median[0]).as("no drop without cooperation: not available").isEmpty();
    for (int i = 1; i < summary.size(); i++) {
      assertThat(Double.parseDouble(lo[i])).isLessThanOrEqualTo(Double.parseDouble(median[i]));
      assertThat(Double.parseDouble(hi[i])).isGreaterThanOrEqualTo(Double.parseDouble(median[i]));
      assertThat(Double.parseDouble(hi[i]) - Double.parseDouble(lo[i])).as("row %s: replicates differ", i).isPositive();
    }
    assertThat(summary.doubles("replicates")[1]).isEqualTo(6);
  }
}
