package org.channelrisk.charts;

import com.google.common.base.Preconditions;
import java.util.List;

/**
 * The ticks of one axis as laid out: the axis range, the tick values and their labels. Computed by
 * {@link Axis#ticks}, which picks the smallest "nice" step whose labels do not overlap on the space
 * available.
 *
 * <pre>{@code
 * Ticks t = Axis.days("day").ticks(0, 365, 700, true);
 * t.values();   // [0.0, 30.0, 60.0, ..., 360.0]
 * t.labels();   // [0, 30, 60, ..., 360]
 * }</pre>
 *
 * @param lo the axis' lower end (a tick value when the axis was extended to one)
 * @param hi the axis' upper end
 * @param step the distance between ticks (NaN for irregular ticks: months, categories)
 * @param values the tick values, ascending, within [lo, hi]
 * @param labels one label per value
 */
public record Ticks(double lo, double hi, double step, List<Double> values, List<String> labels) {
  /** Copies the lists and checks that they match. */
  public Ticks {
    values = List.copyOf(values);
    labels = List.copyOf(labels);
    Preconditions.checkArgument(values.size() == labels.size(), "%s values but %s labels", values.size(), labels.size());
    Preconditions.checkArgument(hi > lo, "an axis needs hi > lo: [%s, %s]", lo, hi);
  }

  /**
   * @param v a value
   * @param from the pixel position of {@link #lo}
   * @param to the pixel position of {@link #hi}
   * @return v's pixel position
   */
  public double position(double v, double from, double to) {
    return from + (v - lo) / (hi - lo) * (to - from);
  }
}
