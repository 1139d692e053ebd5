package org.channelrisk.survival;

import java.util.List;

/**
 * Index checks for the accessors of the fitted values: a bad covariate or cause index is reported with
 * the valid range and the names it indexes, not as an array's bounds.
 */
final class Indexes {
  private Indexes() {}

  /**
   * @param what what the index selects ("covariate", "cause")
   * @param index the index given
   * @param names the names it indexes, in index order
   * @return the index
   * @throws IndexOutOfBoundsException if it is not in [0, names.size())
   */
  static int check(String what, int index, List<String> names) {
    if (index < 0 || index >= names.size()) {
      throw new IndexOutOfBoundsException(
          what + " index " + index + " is not in [0, " + names.size() + "): the " + what + "s are " + names);
    }
    return index;
  }
}
