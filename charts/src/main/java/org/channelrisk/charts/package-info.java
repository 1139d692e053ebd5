/**
 * Charts of channelrisk's results, drawn by the library itself as SVG and as PNG at twice the size, with
 * no dependency beyond core and the JDK's Java 2D.
 *
 * <h2>The model</h2>
 *
 * A {@link org.channelrisk.charts.Figure} has a title that says what is plotted, a subtitle that says
 * how to read it, and one or more {@link org.channelrisk.charts.Panel}s in a grid (small multiples
 * share one legend). A panel has two {@link org.channelrisk.charts.Axis axes} and
 * {@link org.channelrisk.charts.Layer layers}: lines, bands (filled areas with a legend entry),
 * points, error bars, and labelled vertical or horizontal reference lines. All are immutable values,
 * so a chart can be built in a test and inspected without drawing it: {@link
 * org.channelrisk.charts.Figure#layout()} gives each panel's plot area and the
 * {@link org.channelrisk.charts.Ticks} its axes get.
 *
 * <h2>The style</h2>
 *
 * <ul>
 *   <li>Ticks are "nice" steps (1, 2, 5 x 10^k; for days 7, 14, 30, 60 …; for dates whole months)
 *       chosen so that labels never overlap at the size drawn; numbers read 950, 10k, 1.4M.
 *   <li>Colours are the Okabe–Ito palette ({@link org.channelrisk.charts.Palette}), safe for colour-blind
 *       readers, and every series of a chart also gets its own line style.
 *   <li>Bands are drawn first, with a visible opacity (90% lighter than 50%) and their own legend entry.
 *   <li>Events (action days), T50 and T90 are dashed vertical lines labelled on the chart.
 *   <li>Where curves would lie on top of each other, plans are compared as small multiples
 *       ({@link org.channelrisk.charts.Charts#plans}), relative to the level before the action.
 * </ul>
 *
 * <h2>Worked example</h2>
 *
 * <pre>{@code
 * EnsembleSummary e = Ensemble.of(Presets.actionDay2019(2_000, true)).replicates(20).seed(2019).threads(2).run();
 * Timeline tl = Timeline.from(LocalDate.of(2019, 10, 1)).event(51, "action day");
 * Charts.fan(e, Observed.AUDIENCE, "reach", tl).save(Path.of("fan.png"));   // 1600 x 1000 pixels
 *
 * // a three-panel chart of an intervention's effect
 * Figure f = Figure.builder("Effect of the action day on daily posts").columns(1).size(800, 900)
 *     .panel(Panel.builder().title("observed and counterfactual").x(tl.axis()).y(Axis.numbers("posts"))
 *         .band("95% forecast band", t, lo, hi, Palette.SKY_BLUE, 0.3)
 *         .line("observed", t, y, Palette.BLACK, LineStyle.SOLID)
 *         .line("counterfactual", t, cf, Palette.BLUE, LineStyle.DASHED).build())
 *     .panel(Panel.builder().title("pointwise effect").x(tl.axis()).y(Axis.numbers("posts"))
 *         .line("effect", t, effect, Palette.VERMILLION, LineStyle.SOLID).build())
 *     .panel(Panel.builder().title("cumulative effect").x(tl.axis()).y(Axis.numbers("posts"))
 *         .line("cumulative", t, cum, Palette.VERMILLION, LineStyle.SOLID).build())
 *     .build();
 * f.save(Path.of("impact.svg"));
 *
 * // cumulative incidence by cause, stacked
 * Charts.stacked("Channel ends by cause", Axis.days("days since creation"), Axis.percent("channels").range(0, 1),
 *     t, List.of("removed", "abandoned"), List.of(removed, abandoned));
 * }</pre>
 *
 * <p>Cost: a chart of a few thousand points renders in milliseconds. Thread safety: values are
 * immutable; rendering creates its own image, so figures can be drawn from several threads. Rendering
 * needs no display and sets no system property (a program that wants {@code java.awt.headless} sets it
 * where it starts, as the command line does).
 */
package org.channelrisk.charts;
