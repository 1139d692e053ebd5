package org.channelrisk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts labelled cases during a property check, so that the property can then assert that the hard
 * cases were generated at least a few times (a property that never saw a line break proves nothing
 * about line breaks).
 *
 * <pre>{@code
 * Coverage cov = new Coverage();
 * PropertyCheck.forAll(..., s -> { cov.count("line break", s.contains("\n")); ... });
 * cov.requireAtLeast("line break", 5);
 * }</pre>
 */
public final class Coverage {
  private final Map<String, Integer> counts = new TreeMap<>();

  /**
   * @param label a kind of case
   * @param condition whether this input is of that kind
   */
  public void count(String label, boolean condition) {
    counts.merge(label, condition ? 1 : 0, Integer::sum);
  }

  /**
   * @param label a kind of case
   * @param min the least number of inputs of that kind
   */
  public void requireAtLeast(String label, int min) {
    assertThat(counts.getOrDefault(label, 0)).as("inputs covering '%s' (all counts: %s)", label, counts).isGreaterThanOrEqualTo(min);
  }

  @Override
  public String toString() {
    return counts.toString();
  }
}
