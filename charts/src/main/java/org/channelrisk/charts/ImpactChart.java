package org.channelrisk.charts;

import java.util.List;
import java.util.Locale;
import org.channelrisk.impact.ImpactResult;

/**
 * The three-panel chart of an intervention analysis: the observed series against the counterfactual
 * with its band, the pointwise effect with its band, and the cumulative effect from the intervention
 * with its band, the intervention marked in every panel. Values that are not available (a diffuse
 * start, a missing observation) leave gaps rather than lines drawn through invented numbers.
 *
 * <pre>{@code
 * ImpactResult r = ImpactAnalysis.builder().intervention(51).structural(Trend.LEVEL).build().analyse(t, posts);
 * ImpactChart.figure(r, "posts per day").save(Path.of("impact.svg"));
 * }</pre>
 */
public final class ImpactChart {
  /** Width of the figure (logical pixels; PNG is drawn at twice that). */
  public static final int WIDTH = Figure.DEFAULT_WIDTH;
  /** Height of one panel (logical pixels). */
  public static final int PANEL_HEIGHT = 300;

  private ImpactChart() {}

  /**
   * @param r the result
   * @param what the series' name, for the title and the axes
   * @return the figure, three panels in one column
   */
  public static Figure figure(ImpactResult r, String what) {
    ImpactChartData d = ImpactChartData.of(r, what);
    String mark = String.format(Locale.ROOT, "intervention T = %s", fmt(d.intervention()));
    Panel.Builder top = Panel.builder().title("observed and counterfactual").x(Axis.numbers("time")).y(Axis.numbers(what));
    bands(top, "counterfactual", d.counterfactual(), Palette.SKY_BLUE, Palette.BLUE, LineStyle.DASHED);
    if (d.observed()[0].length > 0) {
      top.line("observed", d.observed()[0], d.observed()[1], Palette.BLACK, LineStyle.SOLID);
    }
    top.vertical(d.intervention(), mark, Palette.VERMILLION);
    Panel.Builder mid = Panel.builder().title("pointwise effect (observed - counterfactual)").x(Axis.numbers("time"))
        .y(Axis.numbers("effect"));
    bands(mid, "effect", d.effect(), Palette.ORANGE, Palette.VERMILLION, LineStyle.SOLID);
    mid.vertical(d.intervention(), mark, Palette.VERMILLION);
    Panel.Builder bottom = Panel.builder().title("cumulative effect from the intervention").x(Axis.numbers("time"))
        .y(Axis.numbers("cumulative effect"));
    bands(bottom, "cumulative effect", d.cumulative(), Palette.BLUISH_GREEN, Palette.BLUISH_GREEN, LineStyle.SOLID);
    bottom.vertical(d.intervention(), mark, Palette.VERMILLION);
    return Figure.builder(d.title()).subtitle("bands: " + r.intervalMethod()).columns(1).size(WIDTH, 3 * PANEL_HEIGHT)
        .panel(top.build()).panel(mid.build()).panel(bottom.build()).build();
  }

  /** Each run of available points as a band and a line; only the first run gets legend names. */
  private static void bands(Panel.Builder p, String name, List<double[][]> runs, Rgb band, Rgb line, LineStyle style) {
    int k = 0;
    for (double[][] run : runs) {
      String suffix = k == 0 ? "" : " (" + (k + 1) + ")";
      p.band(name + " band" + suffix, run[0], run[2], run[3], band, 0.3);
      p.line(name + suffix, run[0], run[1], line, style);
      k++;
    }
  }

  private static String fmt(double t) {
    return t == Math.rint(t) && Math.abs(t) < 1e15 ? String.valueOf((long) t) : String.valueOf(t);
  }
}
