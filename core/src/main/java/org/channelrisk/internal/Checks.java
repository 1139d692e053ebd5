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
    return (int) nonNegative(field, (long) value);
  }

  /** For counts that must not be zero: replicates, threads, partitions. */
  public static int atLeastOne(String field, int value) {
    return (int) atLeastOne(field, (long) value);
  }

  /** For budgets that must not be zero: simulations. */
  public static long atLeastOne(String field, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(field + " must be >= 1: " + value);
    }
    return value;
  }

  /** For means of counts that are at least one: channels per operator. */
  public static double atLeastOne(String field, double value) {
    if (!(value >= 1) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be finite and >= 1: " + value);
    }
    return value;
  }

  /**
   * The checks of the fields of one value, whose messages name the value: after {@code var channel =
   * Checks.of("channel", id)}, {@code channel.finite("createdAt", t)} says "createdAt of channel c17
   * must be finite: NaN". Checks the value's own identifier first ("channel id must not be empty").
   *
   * @param kind what the value is ("channel")
   * @param id its identifier
   * @return the checks
   */
  public static Of of(String kind, String id) {
    return new Of(kind + " " + id(kind + " id", id));
  }

  /**
   * The checks of {@link Checks}, each message naming the field "of" a value.
   *
   * @param owner the value, as "channel c17"
   */
  public record Of(String owner) {
    private String name(String field) {
      return field + " of " + owner;
    }

    public String id(String field, String value) {
      return Checks.id(name(field), value);
    }

    public <T> T notNull(String field, T value) {
      return Checks.notNull(name(field), value);
    }

    public double finite(String field, double value) {
      return Checks.finite(name(field), value);
    }

    public long nonNegative(String field, long value) {
      return Checks.nonNegative(name(field), value);
    }
  }
}
