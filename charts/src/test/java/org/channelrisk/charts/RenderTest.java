package org.channelrisk.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.channelrisk.cooperation.CooperationEstimator;
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

/** Every chart rendered once, as PNG and SVG: the PNG decodes at twice the size, the SVG is well-formed XML. */
class RenderTest {
  @TempDir Path dir;

  static void check(Figure f, Path dir, String name) throws Exception {
    Path png = dir.resolve(name + ".png");
    Path svg = dir.resolve(name + ".svg");
    f.save(png);
    f.save(svg);
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).as(name).isEqualTo(2 * f.width());
    assertThat(img.getHeight()).as(name).isEqualTo(2 * f.height());
    // something was drawn: not a blank page
    assertThat(img.getRGB(img.getWidth() / 2, img.getHeight() / 2) != -1 || Files.size(png) > 20_000).as(name).isTrue();
    String text = Files.readString(svg);
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(text).contains(SvgCanvas.escape(f.title())).doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void everyChartRenders() throws Exception {
    EnsembleSummary e = Ensemble.of(Presets.actionDay2019(400, true)).replicates(4).seed(1).threads(2).run();
    EnsembleSummary none = Ensemble.of(Presets.actionDay2019(400, false)).replicates(4).seed(1).threads(2).run();
    Timeline tl = Timeline.days().event(51, "action day");
    check(Charts.fan(e, Observed.ACTIVE_CHANNELS, "active channels", tl), dir, "fan");
    double[] t = e.times();
    double[] y = e.mean(Observed.AUDIENCE);
    RecoveryResult r = RecoveryAnalysis.builder().takedown(51).fromTrough().build().analyse(t, y);
    check(Charts.recovery(r, t, y, "reach", tl), dir, "recovery");
    check(Charts.plans("Reach by plan", List.of("praised", "declined", "praised again"), List.of(e, none, e), Observed.AUDIENCE, 30, tl),
        dir, "plans");
    SurvivalData d = SurvivalData.of(new double[] {1, 2, 2, 3, 5, 8, 9, 12}, new boolean[] {true, false, true, true, false, true, true, false})
        .withGroups(new String[] {"a", "a", "a", "a", "b", "b", "b", "b"});
    check(Charts.kaplanMeier(KaplanMeier.estimate(d), "days"), dir, "km");
    List<Referral> log = List.of(Referral.decided("1", "1", "tg", 0, ReferralOutcome.REMOVED, 1),
        Referral.decided("2", "2", "tg", 0, ReferralOutcome.DECLINED, 1), Referral.decided("3", "3", "fh", 0, ReferralOutcome.REMOVED, 2));
    check(Charts.cooperation(CooperationEstimator.estimateDefaults(log)), dir, "coop");
    check(Charts.stacked("Cumulative incidence by cause", Axis.days("days"), Axis.percent("ended").range(0, 1), new double[] {0, 10, 20},
        List.of("removed", "abandoned"), List.of(new double[] {0, 0.2, 0.3}, new double[] {0, 0.1, 0.2})), dir, "stacked");
    Figure three = Figure.builder("Effect of the intervention").columns(1).size(800, 900)
        .panel(Panel.builder().title("observed and counterfactual").band("95% band", t, y, y, Palette.SKY_BLUE, 0.3)
            .line("observed", t, y, Palette.BLACK, LineStyle.SOLID).build())
        .panel(Panel.builder().title("pointwise effect").line("effect", t, t, Palette.BLUE, LineStyle.SOLID).build())
        .panel(Panel.builder().title("cumulative effect").line("cumulative", t, t, Palette.VERMILLION, LineStyle.DASHED).build())
        .build();
    check(three, dir, "panels");
    assertThatThrownBy(() -> three.save(dir.resolve("x.gif"))).hasMessageContaining(".png or .svg");
    assertThat(dir.resolve("x.gif")).doesNotExist();
  }

  @Test
  void emptyAndDegenerateDataStillRender() throws Exception {
    Figure f = Figure.of("Nothing to show yet", Panel.builder().line("flat", new double[] {0, 1}, new double[] {5, 5}, Palette.BLUE,
        LineStyle.SOLID).add(Layer.line("gap", new double[] {0, 1, 2}, new double[] {Double.NaN, 1, Double.NaN}, Palette.ORANGE,
        LineStyle.DOTTED)).build());
    check(f, dir, "flat");
    assertThat(f.layout().get(0).y().hi()).isGreaterThan(f.layout().get(0).y().lo());
  }

  @Test
  void pngIsDeterministic() throws IOException {
    Figure f = Figure.of("Same bytes twice", Panel.builder().line("a", new double[] {0, 1, 2}, new double[] {1, 3, 2}, Palette.BLUE,
        LineStyle.DASHED).build());
    assertThat(f.png()).isEqualTo(f.png());
    assertThat(f.svg()).isEqualTo(f.svg());
  }
}
