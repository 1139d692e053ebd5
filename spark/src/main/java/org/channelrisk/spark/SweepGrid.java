package org.channelrisk.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The points of a parameter sweep: the Cartesian product of named axes, the last axis varying fastest
 * (as nested loops in axis order), or simply {@code n} numbered scenarios.
 *
 * <pre>{@code
 * SweepGrid grid = SweepGrid.builder()
 *     .axis("strategy", TargetingStrategy.LARGEST_AUDIENCE, TargetingStrategy.HUBS)
 *     .axis("compliance", 0.5, 0.9)
 *     .axis("recreation_days", 1.0, 3.0, 7.0)
 *     .build();                        // 2 x 2 x 3 = 12 points
 * grid.point(0);                       // #0 {strategy=LARGEST_AUDIENCE, compliance=0.5, recreation_days=1.0}
 * }</pre>
 *
 * <p>Axis values must be String, Boolean, Integer, Long, Double or enum constants: they travel to
 * Spark executors and become columns of the tidy result ({@link SweepResult#toDataset}). Immutable.
 */
public final class SweepGrid implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Column names of the tidy result that an axis may not take. */
  static final Set<String> RESERVED = Set.of("scenario", "replicates", "observable", "time", "mean", "sd", "q05", "q25",
      "q50", "q75", "q95");

  private final List<String> names;
  private final List<List<Object>> values;
  private final int size;

  private SweepGrid(List<String> names, List<List<Object>> values, int size) {
    this.names = List.copyOf(names);
    List<List<Object>> v = new ArrayList<>();
    for (List<Object> a : values) {
      v.add(List.copyOf(a));
    }
    this.values = List.copyOf(v);
    this.size = size;
  }

  /**
   * A sweep over {@code n} scenarios without named parameters; the recipe uses {@link GridPoint#index()}.
   *
   * @param n number of scenarios, &gt;= 1
   * @return the grid
   */
  public static SweepGrid indexed(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a sweep needs at least one scenario: " + n);
    }
    return new SweepGrid(List.of(), List.of(), n);
  }

  /** @return a builder of a product grid */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the number of points */
  public int size() {
    return size;
  }

  /** @return the axis names in order; empty for {@link #indexed} grids */
  public List<String> axes() {
    return names;
  }

  /**
   * @param axis an axis name
   * @return its values in order
   * @throws IllegalArgumentException if there is no such axis
   */
  public List<Object> values(String axis) {
    int i = names.indexOf(axis);
    if (i < 0) {
      throw new IllegalArgumentException("no axis '" + axis + "'; axes: " + names);
    }
    return values.get(i);
  }

  /**
   * @param index a point index in [0, size)
   * @return the point
   */
  public GridPoint point(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("grid point " + index + " of " + size);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    int rest = index;
    Object[] chosen = new Object[names.size()];
    for (int a = names.size() - 1; a >= 0; a--) {
      List<Object> v = values.get(a);
      chosen[a] = v.get(rest % v.size());
      rest /= v.size();
    }
    for (int a = 0; a < names.size(); a++) {
      m.put(names.get(a), chosen[a]);
    }
    return new GridPoint(index, m);
  }

  /** @return all points in index order */
  public List<GridPoint> points() {
    List<GridPoint> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(point(i));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SweepGrid g && g.size == size && g.names.equals(names) && g.values.equals(values);
  }

  @Override
  public int hashCode() {
    return names.hashCode() * 31 + values.hashCode() + size;
  }

  @Override
  public String toString() {
    if (names.isEmpty()) {
      return "SweepGrid[" + size + " scenarios]";
    }
    StringBuilder b = new StringBuilder("SweepGrid[" + size + " points:");
    for (int a = 0; a < names.size(); a++) {
      b.append(a == 0 ? " " : " x ").append(names.get(a)).append(values.get(a));
    }
    return b.append(']').toString();
  }

  /** Builds a product grid, one axis at a time. */
  public static final class Builder {
    private final List<String> names = new ArrayList<>();
    private final List<List<Object>> values = new ArrayList<>();

    private Builder() {}

    /**
     * Adds an axis.
     *
     * @param name a column-friendly name (letters, digits, underscore; not a result column)
     * @param axisValues its values, at least one, distinct
     * @return this builder
     * @throws IllegalArgumentException for a bad name, a repeated name, no values, repeated values or a
     *     value of an unsupported type
     */
    public Builder axis(String name, Object... axisValues) {
      if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("axis name must be letters, digits and '_', starting with a letter: " + name);
      }
      if (RESERVED.contains(name) || names.contains(name)) {
        throw new IllegalArgumentException("axis name '" + name + "' is " + (names.contains(name) ? "already used" : "a result column")
            + "; reserved: " + RESERVED);
      }
      if (axisValues == null || axisValues.length == 0) {
        throw new IllegalArgumentException("axis '" + name + "' needs at least one value");
      }
      List<Object> v = new ArrayList<>();
      for (Object x : axisValues) {
        if (!(x instanceof String || x instanceof Boolean || x instanceof Integer || x instanceof Long || x instanceof Double
            || x instanceof Enum<?>)) {
          throw new IllegalArgumentException("axis '" + name + "': value " + x + " is " + (x == null ? "null" : "a " + x.getClass().getName())
              + "; expected String, Boolean, Integer, Long, Double or an enum constant");
        }
        if (v.contains(x)) {
          throw new IllegalArgumentException("axis '" + name + "': value " + x + " appears twice");
        }
        if (!v.isEmpty() && v.get(0).getClass() != x.getClass() && !(x instanceof Enum<?> && v.get(0) instanceof Enum<?>
            && ((Enum<?>) x).getDeclaringClass() == ((Enum<?>) v.get(0)).getDeclaringClass())) {
          throw new IllegalArgumentException("axis '" + name + "' mixes " + v.get(0).getClass().getSimpleName() + " and "
              + x.getClass().getSimpleName() + " values");
        }
        v.add(x);
      }
      names.add(name);
      values.add(v);
      return this;
    }

    /**
     * @return the grid
     * @throws IllegalArgumentException if there is no axis or the product exceeds 2^31 - 1 points
     */
    public SweepGrid build() {
      if (names.isEmpty()) {
        throw new IllegalArgumentException("a grid needs at least one axis (or use SweepGrid.indexed(n))");
      }
      long n = 1;
      for (List<Object> v : values) {
        n *= v.size();
        if (n > Integer.MAX_VALUE) {
          throw new IllegalArgumentException("grid has more than " + Integer.MAX_VALUE + " points");
        }
      }
      return new SweepGrid(names, values, (int) n);
    }
  }
}
