package org.channelrisk.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.channelrisk.sim.Ensemble;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Presets;
import org.junit.jupiter.api.Test;

/** The chart model: labels, ticks, layers and layout, without looking at pixels. */
class ChartModelTest {
  @Test
  void compactNumbers() {
    assertThat(NumberLabels.compact(1_412_000)).isEqualTo("1.41M");
    assertThat(NumberLabels.compact(10_000)).isEqualTo("10k");
    assertThat(NumberLabels.compact(950)).isEqualTo("950");
    assertThat(NumberLabels.compact(999_999)).isEqualTo("1M");
    assertThat(NumberLabels.compact(2.5e9)).isEqualTo("2.5B");
    assertThat(NumberLabels.compact(0.125)).isEqualTo("0.13");
    assertThat(NumberLabels.compact(Double.NaN)).isEqualTo("n/a");
    assertThat(NumberLabels.compact(Double.POSITIVE_INFINITY)).isEqualTo("∞");
  }

  @Test
  void tickLabelsShowWhatTheStepNeeds() {
    assertThat(NumberLabels.tick(1_400_000, 200_000)).isEqualTo("1.4M");
    assertThat(NumberLabels.tick(800_000, 200_000)).isEqualTo("800k");
    assertThat(NumberLabels.tick(1_000_000, 200_000)).isEqualTo("1M");
    assertThat(NumberLabels.tick(1_250, 250)).isEqualTo("1.25k");
    assertThat(NumberLabels.tick(-1_500, 500)).isEqualTo("-1.5k");
    assertThat(NumberLabels.tick(0.25, 0.05)).isEqualTo("0.25");
    assertThat(NumberLabels.tick(1e-17, 0.1)).isEqualTo("0");
    assertThat(NumberLabels.percentTick(0.25, 0.05)).isEqualTo("25%");
    assertThat(NumberLabels.percentTick(0.025, 0.005)).isEqualTo("2.5%");
  }

  @Test
  void daysTickEveryThirtyOnAWideAxisAndSparserOnANarrowOne() {
    Ticks t = Axis.days("days").ticks(0, 365, 700, true);
    assertThat(t.values()).containsExactly(0.0, 30.0, 60.0, 90.0, 120.0, 150.0, 180.0, 210.0, 240.0, 270.0, 300.0, 330.0, 360.0 - 0.0)
        .hasSizeLessThanOrEqualTo(13);
    assertThat(t.labels()).startsWith("0", "30", "60");
    Ticks narrow = Axis.days("days").ticks(0, 365, 200, true);
    assertThat(narrow.step()).isGreaterThan(30);
    assertThat(Axis.fits(narrow, 200, true)).isTrue();
  }

  @Test
  void verticalAxisIsExtendedToANiceTickAndWrittenCompactly() {
    Ticks t = Axis.numbers("reach").fromZero().ticks(250_000, 1_412_000, 380, false);
    assertThat(t.lo()).isEqualTo(0);
    assertThat(t.hi()).isGreaterThanOrEqualTo(1_412_000);
    assertThat(t.labels()).contains("0").allSatisfy(l -> assertThat(l).doesNotContain("E").matches("-?[0-9.]+[kMB]?"));
    assertThat(t.labels()).contains("1M");
  }

  @Test
  void datesTickOnTheFirstOfTheMonthWithTheYearWhereItChanges() {
    Ticks t = Axis.dates("", LocalDate.of(2019, 10, 1)).ticks(0, 365, 700, true);
    assertThat(t.labels()).startsWith("Oct 2019", "Nov", "Dec", "Jan 2020");
    assertThat(t.values()).startsWith(0.0, 31.0, 61.0, 92.0);
    assertThat(Axis.dates("", LocalDate.of(2019, 10, 1)).format(51)).isEqualTo("21 Nov 2019");
    Timeline tl = Timeline.from(LocalDate.of(2019, 10, 1)).withActionDays(Presets.actionDay2019(200, true));
    assertThat(tl.events()).containsExactly(new Timeline.Event(51, "action day"));
    assertThat(tl.label(51)).isEqualTo("21 Nov 2019");
    assertThat(Timeline.days().label(51)).isEqualTo("day 51");
  }

  @Test
  void ticksNeverOverlapOverManyRangesAndLengths() {
    SplittableRandom rnd = new SplittableRandom(19);
    List<Axis> axes = List.of(Axis.numbers("n"), Axis.percent("p"), Axis.days("d"), Axis.dates("", LocalDate.of(2020, 1, 1)));
    for (int i = 0; i < 4_000; i++) {
      Axis a = axes.get(i % axes.size());
      double lo = a.kind() == Axis.Kind.NUMBER ? rnd.nextDouble(-1e7, 1e7) : rnd.nextDouble(0, 100);
      double span = Math.pow(10, rnd.nextDouble(-2, a.kind() == Axis.Kind.NUMBER ? 8 : 3.5));
      double length = rnd.nextDouble(60, 1500);
      boolean horizontal = rnd.nextBoolean();
      Ticks t = a.ticks(lo, lo + span, length, horizontal);
      String where = a + " [" + lo + ", " + (lo + span) + "] on " + length + (horizontal ? " horizontal" : " vertical");
      assertThat(t.values()).as(where).isSorted().allSatisfy(v -> assertThat(v).isBetween(t.lo() - 1e-9 * span, t.hi() + 1e-9 * span));
      if (a.kind() != Axis.Kind.DATES) { // month names repeat from year to year; the year is on January
        assertThat(new HashSet<>(t.labels())).as(where + " labels distinct: " + t.labels()).hasSameSizeAs(t.labels());
      }
      assertThat(Axis.fits(t, length, horizontal) || t.values().size() <= 2).as(where + ": " + t.labels()).isTrue();
      assertThat(t.labels()).as(where).noneMatch(l -> l.contains("E") || l.contains("NaN"));
    }
  }

  @Test
  void okabeItoColoursAreDistinctAndLinesGetDistinctStyles() {
    assertThat(new HashSet<>(Palette.SERIES)).hasSize(8);
    assertThat(Palette.series(0)).isEqualTo(Rgb.of("#0072B2"));
    assertThat(Palette.series(1).hex()).isEqualTo("#d55e00");
    assertThat(List.of(Palette.style(0), Palette.style(1), Palette.style(2), Palette.style(3), Palette.style(4))).doesNotHaveDuplicates();
    assertThat(LineStyle.DASHED.dashes(2)).containsExactly(6, 4);
  }

  @Test
  void fanChartHasLabelledBandsAMedianAndTheActionDay() {
    EnsembleSummary e = Ensemble.of(Presets.actionDay2019(300, true)).replicates(4).seed(1).threads(1).run();
    Figure f = Charts.fan(e, Observed.AUDIENCE, "reach", Timeline.from(LocalDate.of(2019, 10, 1)).event(51, "action day"));
    assertThat(f.title()).isEqualTo("Reach: median and spread over 4 replicates");
    Panel p = f.panels().get(0);
    assertThat(p.layers()).extracting(Layer::name).startsWith("90% of replicates", "50% of replicates", "median");
    Layer.Band outer = (Layer.Band) p.layers().get(0);
    Layer.Band inner = (Layer.Band) p.layers().get(1);
    assertThat(outer.opacity()).isGreaterThanOrEqualTo(0.15);
    assertThat(inner.opacity()).isGreaterThan(outer.opacity());
    assertThat(outer.lo()).containsExactly(e.quantile(Observed.AUDIENCE, 0.05));
    assertThat(p.layers()).filteredOn(l -> l instanceof Layer.VerticalLine).extracting(l -> ((Layer.VerticalLine) l).label())
        .containsExactly("action day, 21 Nov 2019");
    Figure.PanelLayout l = f.layout().get(0);
    assertThat(l.x().labels()).startsWith("Oct 2019", "Nov");
    assertThat(Axis.fits(l.x(), l.width(), true)).isTrue();
  }

  @Test
  void plansAreSmallMultiplesRelativeToTheLevelBefore() {
    EnsembleSummary a = Ensemble.of(Presets.actionDay2019(300, true)).replicates(3).seed(1).threads(1).run();
    EnsembleSummary b = Ensemble.of(Presets.actionDay2019(300, false)).replicates(3).seed(1).threads(1).run();
    Figure f = Charts.plans("Reach by plan", List.of("2019", "2017"), List.of(a, b), Observed.AUDIENCE, 30,
        Timeline.days().event(51, "action day"));
    assertThat(f.panels()).hasSize(2).extracting(Panel::title).containsExactly("2019", "2017");
    Layer.Line median = (Layer.Line) f.panels().get(1).layers().stream().filter(l -> l.name().equals("median")).findFirst().orElseThrow();
    double[] y = median.y();
    assertThat(y[50]).isBetween(0.9, 1.1); // no cooperation: the level before the action is 100%
    assertThat(f.panels().get(0).y().kind()).isEqualTo(Axis.Kind.PERCENT);
    assertThat(f.layout()).hasSize(2).allSatisfy(l -> assertThat(Axis.fits(l.x(), l.width(), true)).isTrue());
  }

  @Test
  void stackedAreasSumTheirCurves() {
    double[] t = {0, 1, 2};
    Panel p = Panel.builder().stacked(t, List.of("removed", "abandoned"), List.of(new double[] {0, 0.2, 0.3}, new double[] {0, 0.1, 0.3}))
        .build();
    Layer.Band second = (Layer.Band) p.layers().get(2);
    assertThat(second.name()).isEqualTo("abandoned");
    assertThat(second.lo()).containsExactly(0, 0.2, 0.3);
    assertThat(second.hi()).containsExactly(0, 0.30000000000000004, 0.6);
  }

  @Test
  void valuesAreImmutableAndBuildersSetOnce() {
    double[] x = {0, 1};
    Layer.Line l = Layer.line("a", x, x, Palette.BLUE, LineStyle.SOLID);
    x[1] = 99;
    assertThat(l.x()).containsExactly(0, 1);
    l.x()[0] = 5;
    assertThat(l.x()).containsExactly(0, 1);
    assertThatThrownBy(() -> Panel.builder().title("a").title("b")).hasMessageContaining("title was already set to 'a'");
    assertThatThrownBy(() -> Figure.builder(" ")).hasMessageContaining("title that says what is plotted");
    Panel one = Panel.builder().title("p").build();
    assertThatThrownBy(() -> Figure.builder("f").subtitle("a").subtitle("b")).hasMessageContaining("subtitle was already set to 'a'");
    assertThatThrownBy(() -> Figure.builder("f").columns(2).columns(1)).hasMessageContaining("columns was already set to 2");
    assertThatThrownBy(() -> Figure.builder("f").size(800, 600).size(900, 600)).hasMessageContaining("size was already set to 800x600");
    assertThat(Figure.builder("f").panel(one).panel(one).build().panels()).as("panels add up").hasSize(2);
    assertThat(Figure.builder("f").panel(one).build()).extracting(Figure::width, Figure::height, Figure::columns)
        .containsExactly(Figure.DEFAULT_WIDTH, Figure.DEFAULT_HEIGHT, 1);
    assertThatThrownBy(() -> Rgb.of("12345")).hasMessageContaining("six hex digits");
  }

  @Test
  void longPanelTitlesAreCutToTheirCell() {
    assertThat(Renderer.fit("a very long panel title that cannot fit", 10, 80)).endsWith("…");
    assertThat(TextWidth.of(Renderer.fit("a very long panel title that cannot fit", 10, 80), 10, true)).isLessThanOrEqualTo(80);
    assertThat(Renderer.fit("short", 10, 80)).isEqualTo("short");
  }
}
