package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.cli.MainTest.run;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.channelrisk.cooperation.CooperationEstimator;
import org.channelrisk.io.CsvTable;
import org.channelrisk.model.Referral;
import org.channelrisk.model.ReferralOutcome;
import org.channelrisk.recovery.RecoveryAnalysis;
import org.channelrisk.recovery.RecoveryResult;
import org.channelrisk.sim.Ensemble;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Presets;
import org.channelrisk.survival.KaplanMeier;
import org.channelrisk.survival.SurvivalData;
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
    MainTest.Result r = run("demo", "--out", out.toString(), "--channels", "600", "--replicates", "4", "--threads", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("no drop: the platform declined the referrals", "largest audience", "median lifetime", "T50");
    for (String f : List.of("fan-audience.png", "recovery-fit.png", "strategies.png", "lifetimes-km.png")) {
      png(out.resolve(f), 800, 500);
    }
    assertThat(Files.readString(out.resolve("fan-audience.svg"))).contains("<svg");
    CsvTable summary = CsvTable.read(out.resolve("summary.csv"));
    assertThat(summary.size()).isEqualTo(6);
    assertThat(summary.header()).contains("relative_depth", "recovery_ratio", "t50", "t90");
    CsvTable ens = CsvTable.read(out.resolve("ensemble-2019-largest-audience-account.csv"));
    assertThat(ens.size()).isEqualTo(366);
    assertThat(ens.doubles("active_channels_mean")[0]).isEqualTo(600.0);
    CsvTable life = CsvTable.read(out.resolve("lifetimes-after-action.csv"));
    assertThat(life.header()).containsExactly("id", "time", "event", "group", "entry");
  }

  @Test
  void everyChartRendersAtItsSize() throws IOException {
    EnsembleSummary e = Ensemble.of(Presets.actionDay2019(400, true)).replicates(4).seed(1).threads(2).run();
    Charts.save(Charts.fan(e, Observed.ACTIVE_CHANNELS, "active channels"), dir.resolve("fan.png"));
    png(dir.resolve("fan.png"), 800, 500);
    double[] t = e.times();
    double[] y = e.mean(Observed.AUDIENCE);
    RecoveryResult r = RecoveryAnalysis.builder().takedown(54).build().analyse(t, y);
    Charts.save(Charts.recovery(r, t, y, "reach"), dir.resolve("rec.png"));
    png(dir.resolve("rec.png"), 800, 500);
    SurvivalData d = SurvivalData.of(new double[] {1, 2, 2, 3, 5, 8, 9, 12}, new boolean[] {true, false, true, true, false, true, true, false})
        .withGroups(new String[] {"a", "a", "a", "a", "b", "b", "b", "b"});
    Charts.save(Charts.kaplanMeier(KaplanMeier.estimate(d), "days"), dir.resolve("km.png"));
    png(dir.resolve("km.png"), 800, 500);
    List<Referral> log = List.of(Referral.decided("1", "1", "tg", 0, ReferralOutcome.REMOVED, 1),
        Referral.decided("2", "2", "tg", 0, ReferralOutcome.DECLINED, 1), Referral.decided("3", "3", "fh", 0, ReferralOutcome.REMOVED, 2));
    Charts.save(Charts.cooperation(CooperationEstimator.estimateDefaults(log)), dir.resolve("coop.png"));
    png(dir.resolve("coop.png"), 800, 500);
    Charts.save(Charts.kaplanMeier(KaplanMeier.estimate(d), "days"), dir.resolve("km.svg"));
    assertThat(Files.readString(dir.resolve("km.svg"))).startsWith("<?xml").contains("<svg");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Charts.save(Charts.fan(e, Observed.AUDIENCE, "x"), dir.resolve("x.gif")))
        .hasMessageContaining(".png or .svg");
  }
}
