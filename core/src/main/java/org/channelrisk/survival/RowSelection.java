package org.channelrisk.survival;

import java.lang.reflect.Array;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Row selection shared by {@link SurvivalData} and {@link CompetingRisksData}: the rows of one group,
 * with the same errors for both, and a column restricted to rows whatever its element type.
 */
final class RowSelection {
  private RowSelection() {}

  /**
   * @param group the group column, or null when the data has no groups
   * @param label the wanted label
   * @param levels the data's group levels, for the message
   * @return the rows with that label, in order
   * @throws IllegalStateException if the data has no groups
   * @throws IllegalArgumentException naming the groups there are, if no row has that label
   */
  static int[] ofGroup(String[] group, String label, List<String> levels) {
    if (group == null) {
      throw new IllegalStateException("the data has no groups");
    }
    int[] rows = IntStream.range(0, group.length).filter(i -> group[i].equals(label)).toArray();
    if (rows.length == 0) {
      throw new IllegalArgumentException("no group '" + label + "'; the groups are " + levels);
    }
    return rows;
  }

  /**
   * @param column an array of any element type, or null for a column the data does not have
   * @param rows row indices
   * @param <A> the array type
   * @return a new array of the column's values at those rows, or null for a null column
   */
  @SuppressWarnings("unchecked")
  static <A> A pick(A column, int[] rows) {
    if (column == null) {
      return null;
    }
    // one element at a time with arraycopy: one method for every element type, without boxing
    Object out = Array.newInstance(column.getClass().getComponentType(), rows.length);
    for (int k = 0; k < rows.length; k++) {
      System.arraycopy(column, rows[k], out, k, 1);
    }
    return (A) out;
  }
}
