package org.channelrisk.internal;

import java.util.regex.Pattern;

/**
 * Argument checks shared by the model's values and the simulation's parameters. Every message names
 * the field and the value found, so that a caller who built a value from a file knows which cell to
 * fix. Internal: not a supported API.
 */
public final class Checks {
  /** Identifiers: printable, no leading or trailing white space, no line breaks. */
  private static final Pattern ID = Pattern.compile("\\S(.*\\S)?", Pattern.DOTALL);

  private Checks() {}

  public static String id(String field, String value) {
    if (value == null) {
      throw new NullPointerException(field + " must not be null");
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    if (!ID.matcher(value).matches() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          field + " must have no leading or trailing white space and no line break: '" + value + "'");
    }
    return value;
  }

  public static <T> T notNull(String field, T value) {
    if (value == null) {
      throw new NullPointerException(field + " must not be null");
    }
    return value;
  }

  public static double finiteNonNegative(String field, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be finite and >= 0: " + value);
    }
    return value;
  }

  public static double positive(String field, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be finite and > 0: " + value);
    }
    return value;
  }

  public static double probability(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be in [0, 1]: " + value);
    }
    return value;
  }

  public static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite: " + value);
    }
    return value;
  }

  public static long nonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must be >= 0: " + value);
    }
    return value;
  }

  public static int nonNegative(String field, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must be >= 0: " + value);
    }
    return value;
  }

  /** For counts that must not be zero: replicates, threads, partitions. */
  public static int atLeastOne(String field, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(field + " must be >= 1: " + value);
    }
    return value;
  }
}
