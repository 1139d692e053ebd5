package org.channelrisk.charts;

import com.google.common.base.Preconditions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.channelrisk.cooperation.CooperationEstimate;
import org.channelrisk.cooperation.PlatformCooperation;
import org.channelrisk.recovery.Metric;
import org.channelrisk.recovery.RecoveryResult;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Observed;
import org.channelrisk.survival.KaplanMeierFit;
import org.channelrisk.survival.SurvivalCurve;

/**
 * The library's results as {@link Figure}s: ensemble fan charts, recovery fits, plans compared as
 * small multiples, Kaplan–Meier curves, compliance per platform, and stacked areas. Each figure is a
 * value; {@link Figure#save} writes it as SVG or 2x PNG, atomically.
 *
 * <pre>{@code
 * Figure fan = Charts.fan(summary, Observed.AUDIENCE, "reach",
 *     Timeline.from(LocalDate.of(2019, 10, 1)).event(51, "action day"));
 * fan.save(Path.of("fan.png"));
 * Charts.recovery(result, t, y, "mean reach", Timeline.days()).save(Path.of("recovery.svg"));
 * }</pre>
 *
 * <p>Style: Okabe–Ito colours with a distinct line style per series ({@link Palette}); bands as
 * filled areas with a legend entry (90% lighter than 50%); events and T50 / T90 as labelled dashed
 * vertical lines; ticks chosen so that labels never overlap ({@link Axis}); titles that say what is
 * plotted and a subtitle that says how to read it.
 */
public final class Charts {
  /** Opacity of a 90% band. */
  static final double OUTER_BAND = 0.18;
  /** Opacity of a 50% band (drawn over the 90% band). */
  static final double INNER_BAND = 0.32;

  private Charts() {}

  /**
   * An ensemble fan chart on plain days.
   *
   * @param s the ensemble
   * @param o the observable
   * @param what its name, e.g. "active channels"
   * @return the figure
   */
  public static Figure fan(EnsembleSummary s, Observed o, String what) {
    return fan(s, o, what, Timeline.days());
  }

  /**
   * An ensemble fan chart: the median over replicates, the 50% band (25th to 75th percentile) and the
   * 90% band (5th to 95th), the timeline's events marked.
   *
   * @param s the ensemble
   * @param o the observable
   * @param what its name, e.g. "reach (audience of active channels)"
   * @param timeline the time axis and events
   * @return the figure
   */
  public static Figure fan(EnsembleSummary s, Observed o, String what, Timeline timeline) {
    Panel.Builder p = Panel.builder().x(timeline.axis()).y(Axis.numbers(what).fromZero());
    fanLayers(p, s, o, 1, Palette.BLUE);
    timeline.marks(Palette.VERMILLION).forEach(p::add);
    return Figure.builder(capitalise(what) + ": median and spread over " + s.replicates() + " replicates")
        .subtitle("bands: the middle 50% and 90% of replicates at each time")
        .panel(p.build()).build();
  }

  private static void fanLayers(Panel.Builder p, EnsembleSummary s, Observed o, double scale, Rgb color) {
    double[] t = s.times();
    double[][] q = s.quantiles(o, 0.05, 0.25, 0.5, 0.75, 0.95);
    for (double[] row : q) {
      for (int i = 0; i < row.length; i++) {
        row[i] /= scale;
      }
    }
    p.band("90% of replicates", t, q[0], q[4], color, OUTER_BAND);
    p.band("50% of replicates", t, q[1], q[3], color, INNER_BAND);
    p.line("median", t, q[2], color, LineStyle.SOLID);
  }

  /**
   * Plans compared as small multiples: one panel per plan with its median and 90% band, relative to
   * the plan's own level before the first event (1 = 100% of the reach before the action), and the
   * other plans' medians in grey behind it for comparison.
   *
   * @param title what is compared
   * @param names one name per plan (the panel titles)
   * @param ensembles one ensemble per plan, on one grid
   * @param o the observable
   * @param baselineDays the days before the first event whose mean level is 100%
   * @param timeline the time axis; its first event is the action
   * @return the figure
   */
  public static Figure plans(String title, List<String> names, List<EnsembleSummary> ensembles, Observed o, int baselineDays,
      Timeline timeline) {
    Preconditions.checkArgument(names.size() == ensembles.size() && !names.isEmpty(), "%s names for %s ensembles", names.size(),
        ensembles.size());
    Preconditions.checkArgument(!timeline.events().isEmpty(), "plans are compared relative to the level before the first event");
    Preconditions.checkArgument(baselineDays >= 1, "baselineDays must be >= 1: %s", baselineDays);
    double action = timeline.events().get(0).day();
    List<double[]> medians = new ArrayList<>();
    List<Double> levels = new ArrayList<>();
    for (EnsembleSummary e : ensembles) {
      double level = levelBefore(e.times(), e.mean(o), action, baselineDays);
      levels.add(level);
      double[] m = e.quantile(o, 0.5);
      for (int i = 0; i < m.length; i++) {
        m[i] /= level;
      }
      medians.add(m);
    }
    Figure.Builder f = Figure.builder(title)
        .subtitle("relative to each plan's mean level in the " + baselineDays + " days before the action; median and 90% of "
            + ensembles.get(0).replicates() + " replicates; other plans in grey");
    for (int k = 0; k < names.size(); k++) {
      Panel.Builder p = Panel.builder().title(names.get(k)).x(timeline.axis().title(""))
          .y(Axis.percent(k % 3 == 0 ? "share of reach before" : "").fromZero());
      for (int j = 0; j < names.size(); j++) {
        if (j != k) {
          p.add(new Layer.Line(j == (k + 1) % names.size() ? "other plans (median)" : "", ensembles.get(j).times(), medians.get(j),
              Rgb.of("bbbbbb"), LineStyle.SOLID, 1.2));
        }
      }
      EnsembleSummary e = ensembles.get(k);
      double[] lo = e.quantile(o, 0.05);
      double[] hi = e.quantile(o, 0.95);
      for (int i = 0; i < lo.length; i++) {
        lo[i] /= levels.get(k);
        hi[i] /= levels.get(k);
      }
      p.band("90% of replicates", e.times(), lo, hi, Palette.BLUE, 0.25);
      p.line("median", e.times(), medians.get(k), Palette.BLUE, LineStyle.SOLID);
      p.add(Layer.vertical(action, timeline.events().get(0).label(), Palette.VERMILLION));
      f.panel(p.build());
    }
    int rows = (names.size() + 2) / 3;
    return f.columns(Math.min(3, names.size())).size(Figure.DEFAULT_WIDTH, Math.max(Figure.DEFAULT_HEIGHT, 90 + 230 * rows)).build();
  }

  /**
   * The mean level over the {@code days} grid times before {@code at}.
   *
   * @param t the grid
   * @param y the series
   * @param at the event
   * @param days how many days before
   * @return the mean (NaN if none)
   */
  static double levelBefore(double[] t, double[] y, double at, int days) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < t.length; i++) {
      if (t[i] < at && t[i] >= at - days && Double.isFinite(y[i])) {
        sum += y[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * A recovery fit on plain days.
   *
   * @param r the analysis
   * @param t the series' times
   * @param y the series' values
   * @param what the quantity (e.g. "active channels")
   * @return the figure
   */
  public static Figure recovery(RecoveryResult r, double[] t, double[] y, String what) {
    return recovery(r, t, y, what, Timeline.days());
  }

  /**
   * The data, the fitted recovery curve with its band, the baseline, the takedown (or trough) and
   * T50 / T90 where they are finite, each a labelled line.
   *
   * @param r the analysis
   * @param t the series' times
   * @param y the series' values
   * @param what the quantity, e.g. "mean reach"
   * @param timeline the time axis and events
   * @return the figure
   */
  public static Figure recovery(RecoveryResult r, double[] t, double[] y, String what, Timeline timeline) {
    Panel.Builder p = Panel.builder().x(timeline.axis()).y(Axis.numbers(what).fromZero());
    double[] bt = r.bandTimes();
    double[][] band = r.band();
    String method = r.intervalMethod().split(",")[0];
    if (bt.length > 0 && Double.isFinite(band[1][0])) {
      p.band("interval of the fitted curve (" + method + ")", bt, band[1], band[2], Palette.BLUE, 0.3);
    }
    p.add(new Layer.Points("data", t, y, Rgb.of("555555"), Layer.Shape.CIRCLE));
    if (bt.length > 0) {
      p.add(new Layer.Line("fitted " + r.model().id() + " curve", bt, band[0], Palette.BLUE, LineStyle.SOLID, 2.5));
    }
    if (Double.isFinite(r.baseline())) {
      p.add(Layer.horizontal(r.baseline(), "baseline " + NumberLabels.compact(r.baseline())));
    }
    timeline.marks(Palette.VERMILLION).forEach(p::add);
    boolean trough = r.baselineRule().contains("trough");
    p.add(Layer.vertical(r.t0(), (trough ? "trough, " : "takedown, ") + timeline.label(r.t0()), Palette.INK));
    for (Metric m : new Metric[] {Metric.T50, Metric.T90}) {
      double v = r.metric(m).value();
      if (Double.isFinite(v)) {
        p.add(new Layer.VerticalLine(r.t0() + v, m.key().toUpperCase(Locale.ROOT) + " = " + String.format(Locale.ROOT, "%.1f", v)
            + " days", m == Metric.T50 ? Palette.ORANGE : Palette.BLUISH_GREEN, LineStyle.DOTTED));
      }
    }
    return Figure.builder("Recovery of " + what + " after the takedown: " + r.model().id() + " model"
            + (trough ? " fitted from the trough" : ""))
        .subtitle("recovery ratio " + fmt(r.metric(Metric.RECOVERY_RATIO).value(), "%.2f") + ", reach lost "
            + fmt(100 * r.metric(Metric.RELATIVE_DEPTH).value(), "%.0f") + "%; " + r.intervalMethod())
        .panel(p.build()).build();
  }

  private static String fmt(double v, String f) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, f, v) : "n/a";
  }

  /**
   * Kaplan–Meier curves, one per group (or the pooled one), each a step line in its own colour and
   * style with its confidence band and a plus at every censoring time, as R's {@code plot.survfit}.
   *
   * @param fit the fit
   * @param timeUnit the unit of time, e.g. "days"
   * @return the figure
   */
  public static Figure kaplanMeier(KaplanMeierFit fit, String timeUnit) {
    Panel.Builder p = Panel.builder().x(Axis.numbers("time (" + timeUnit + ")").fromZero())
        .y(Axis.percent("share still active (survival)").range(0, 1));
    int k = 0;
    List<Layer> lines = new ArrayList<>();
    for (SurvivalCurve c : fit.curves()) {
      Rgb color = Palette.series(k);
      int m = c.size();
      double[] x = new double[m + 1];
      double[] s = new double[m + 1];
      double[] lo = new double[m + 1];
      double[] hi = new double[m + 1];
      s[0] = 1;
      lo[0] = 1;
      hi[0] = 1;
      for (int i = 0; i < m; i++) {
        x[i + 1] = c.time(i);
        s[i + 1] = c.survival(i);
        // undefined limits (S = 0 under the log transform) are drawn as the curve itself
        lo[i + 1] = Double.isNaN(c.lower(i)) ? s[i + 1] : c.lower(i);
        hi[i + 1] = Double.isNaN(c.upper(i)) ? s[i + 1] : c.upper(i);
      }
      String name = fit.groups().isEmpty() ? "all" : c.label();
      double[][] sl = Layer.steps(x, s);
      double[][] sLo = Layer.steps(x, lo);
      double[][] sHi = Layer.steps(x, hi);
      p.band(name + ": " + Math.round(fit.confLevel() * 100) + "% band", sl[0], sLo[1], sHi[1], color, 0.18);
      lines.add(new Layer.Line(name + " (" + c.records() + " channels, " + c.events() + " ended)", sl[0], sl[1], color,
          Palette.style(k), 2));
      List<Double> cx = new ArrayList<>();
      List<Double> cy = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        if (c.nCensor(i) > 0) {
          cx.add(c.time(i));
          cy.add(c.survival(i));
        }
      }
      if (!cx.isEmpty()) {
        lines.add(new Layer.Points(k == 0 ? "censored (still active)" : "", cx.stream().mapToDouble(Double::doubleValue).toArray(),
            cy.stream().mapToDouble(Double::doubleValue).toArray(), color, Layer.Shape.PLUS));
      }
      k++;
    }
    lines.forEach(p::add);
    return Figure.builder("Channel lifetimes: Kaplan–Meier survival" + (fit.groups().isEmpty() ? "" : ", " + groupWord(fit)))
        .subtitle("share of channels still active after each time; " + fit.confType().rName() + " transform, "
            + Math.round(fit.confLevel() * 100) + "% pointwise band")
        .panel(p.build()).build();
  }

  private static String groupWord(KaplanMeierFit fit) {
    return fit.groups().size() <= 4 ? String.join(" vs ", fit.groups().keySet()) : fit.groups().size() + " groups";
  }

  /**
   * Compliance with referrals per platform (and period): the share of decided referrals that led to a
   * removal, with its Wilson interval.
   *
   * @param est a cooperation estimate
   * @return the figure
   */
  public static Figure cooperation(CooperationEstimate est) {
    List<String> names = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    int k = 1;
    for (PlatformCooperation p : est.platforms()) {
      names.add(p.platform() + (p.period().equals("all") ? "" : " [" + p.period() + "]"));
      if (p.compliance().trials() > 0) {
        rows.add(new double[] {k, p.compliance().lower(), p.compliance().estimate(), p.compliance().upper()});
      }
      k++;
    }
    double[][] cols = new double[4][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < 4; j++) {
        cols[j][i] = rows.get(i)[j];
      }
    }
    Panel p = Panel.builder().x(Axis.categories("platform", names)).y(Axis.percent("decided referrals that led to removal").range(0, 1))
        .add(new Layer.ErrorBars("compliance with Wilson 95% interval", cols[0], cols[1], cols[2], cols[3], Palette.BLUE)).build();
    return Figure.of("Compliance with referrals by platform", p);
  }

  /**
   * Curves stacked as filled areas, e.g. cumulative incidence by cause (their sum is 1 − S(t)).
   *
   * <pre>{@code
   * Charts.stacked("Cumulative incidence of channel ends by cause", Axis.days("days since creation"),
   *     Axis.percent("channels ended").range(0, 1), t, List.of("removed", "abandoned"), List.of(cifRemoved, cifAbandoned));
   * }</pre>
   *
   * @param title what is plotted
   * @param x the horizontal axis
   * @param y the vertical axis
   * @param t abscissae shared by the curves
   * @param names one name per curve, bottom first
   * @param curves the curves (for step functions, pass {@link Layer#steps} corners)
   * @return the figure
   */
  public static Figure stacked(String title, Axis x, Axis y, double[] t, List<String> names, List<double[]> curves) {
    return Figure.of(title, Panel.builder().x(x).y(y).stacked(t, names, curves).build());
  }

  /**
   * Writes a figure as SVG or 2x PNG by the file's extension, atomically (as {@link Figure#save}).
   *
   * @param figure the figure
   * @param file a .png or .svg file
   * @throws IOException if writing fails
   */
  public static void save(Figure figure, Path file) throws IOException {
    figure.save(file);
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
