package org.channelrisk.spark;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.channelrisk.internal.Checks;

/**
 * One point of a {@link SweepGrid}: its index in the sweep and a value per axis, in axis order.
 *
 * <pre>{@code
 * GridPoint p = grid.point(7);
 * TargetingStrategy s = p.get("strategy", TargetingStrategy.class);
 * double compliance = p.number("compliance");
 * }</pre>
 *
 * @param index the scenario index, 0-based
 * @param values axis name to value (String, Boolean, Integer, Long, Double or an enum constant), in axis
 *     order; empty for a sweep over a plain list of scenarios
 */
public record GridPoint(int index, Map<String, Object> values) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Validates and copies (keeping axis order). */
  public GridPoint {
    Checks.nonNegative("a grid point's index", index);
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * @param axis an axis name
   * @return its value at this point
   * @throws IllegalArgumentException if the grid has no such axis
   */
  public Object get(String axis) {
    Object v = values.get(axis);
    if (v == null) {
      throw new IllegalArgumentException("no axis '" + axis + "' in this sweep; axes: " + values.keySet());
    }
    return v;
  }

  /**
   * @param axis an axis name
   * @param type the value's type
   * @param <T> the type
   * @return its value at this point
   * @throws IllegalArgumentException if there is no such axis or its value is of another type
   */
  public <T> T get(String axis, Class<T> type) {
    Object v = get(axis);
    if (!type.isInstance(v)) {
      throw new IllegalArgumentException("axis '" + axis + "' holds " + v.getClass().getSimpleName() + " " + v + ", not "
          + type.getSimpleName());
    }
    return type.cast(v);
  }

  /**
   * @param axis a numeric axis
   * @return its value as a double
   * @throws IllegalArgumentException if there is no such axis or it is not numeric
   */
  public double number(String axis) {
    return get(axis, Number.class).doubleValue();
  }

  @Override
  public String toString() {
    return "#" + index + (values.isEmpty() ? "" : values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", " {", "}")));
  }
}
