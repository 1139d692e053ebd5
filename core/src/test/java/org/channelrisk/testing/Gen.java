package org.channelrisk.testing;

import java.util.random.RandomGenerator;

/**
 * Generators for {@link PropertyCheck}: each mixes edge cases into random draws, about one draw in
 * five, because the edges (empty text, formula prefixes, line breaks, extreme numbers) are where the
 * bugs are.
 */
public final class Gen {
  private static final String[] TEXT_EDGES = {
    "", " ", "\"", "\"\"", ",", "\n", "\r\n", "\r", "a,b", "say \"hi\"", "line1\nline2", "=1+2", "+1", "-1",
    "@SUM(A1)", "\t=x", "'=1", "''=1", "'", "'a", "\u03C0 \u043A\u0430\u043D\u0430\u043B \u0642\u0646\u0627\u0629", "emoji \uD83D\uDE00", "\uFEFFbom", " lead", "trail ",
  };
  private static final char[] ALPHABET =
      "abcXYZ019 ,;\"'\n\r\t=+-@#_.\u00E9\u20AC\u0642\u0000".toCharArray();
  private static final double[] DOUBLE_EDGES = {
    0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
    Double.MIN_NORMAL, 1e-300, 1e300, 0.1, 1.0 / 3, Math.PI, 123456789.123456789, 4.9e-324,
  };

  private Gen() {}

  /**
   * Text of up to {@code maxLength} characters (UTF-16 units; surrogates only in valid pairs).
   *
   * @param rng randomness
   * @param maxLength largest length of a random draw
   * @return text
   */
  public static String text(RandomGenerator rng, int maxLength) {
    if (rng.nextInt(5) == 0) {
      return TEXT_EDGES[rng.nextInt(TEXT_EDGES.length)];
    }
    int n = rng.nextInt(maxLength + 1);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      int kind = rng.nextInt(10);
      if (kind < 7) {
        sb.append(ALPHABET[rng.nextInt(ALPHABET.length)]);
      } else if (kind < 9) {
        char c;
        do {
          c = (char) rng.nextInt(0x20, 0xFFFE);
        } while (Character.isSurrogate(c));
        sb.append(c);
      } else {
        sb.appendCodePoint(rng.nextInt(0x10000, 0x10FFFF));
      }
    }
    return sb.toString();
  }

  /**
   * Text usable as an identifier: non-empty, no leading or trailing white space, no line breaks.
   *
   * @param rng randomness
   * @param maxLength largest length
   * @return an identifier
   */
  public static String identifier(RandomGenerator rng, int maxLength) {
    String s = text(rng, maxLength).replace('\n', '_').replace('\r', '_').strip();
    return s.isEmpty() ? "id" + rng.nextInt(1000) : s;
  }

  /**
   * A finite double, often an extreme one.
   *
   * @param rng randomness
   * @return a finite double
   */
  public static double finiteDouble(RandomGenerator rng) {
    if (rng.nextInt(5) == 0) {
      return DOUBLE_EDGES[rng.nextInt(DOUBLE_EDGES.length)];
    }
    return switch (rng.nextInt(3)) {
      case 0 -> rng.nextDouble(-1e6, 1e6);
      case 1 -> Math.scalb(rng.nextDouble(-1, 1), rng.nextInt(-1000, 1000));
      default -> rng.nextInt(-1000, 1000);
    };
  }

  /**
   * A double in [lo, hi], with the bounds as edge cases.
   *
   * @param rng randomness
   * @param lo lower bound
   * @param hi upper bound
   * @return a value in [lo, hi]
   */
  public static double doubleIn(RandomGenerator rng, double lo, double hi) {
    // Branches in order of simplicity, so that shrinking (smaller choices) moves to simpler values.
    return switch (rng.nextInt(10)) {
      case 0 -> lo;
      case 9 -> hi;
      default -> lo + (hi - lo) * rng.nextDouble();
    };
  }

  /**
   * An int in [lo, hi], with the bounds as edge cases; small values are favoured.
   *
   * @param rng randomness
   * @param lo lower bound
   * @param hi upper bound (inclusive)
   * @return a value in [lo, hi]
   */
  public static int intIn(RandomGenerator rng, int lo, int hi) {
    // Branches in order of simplicity, so that shrinking (smaller choices) moves to simpler values.
    return switch (rng.nextInt(10)) {
      case 0 -> lo;
      case 1, 2, 3 -> lo + rng.nextInt(Math.min(hi - lo, 10) + 1);
      case 4 -> hi;
      default -> lo + (int) rng.nextLong((long) hi - lo + 1);
    };
  }

  /**
   * A list of up to {@code maxSize} elements, about {@code maxSize / 4} on average. Before each
   * element a choice says whether the list goes on (a zero choice ends it), so that shrinking deletes
   * elements by deleting their choices, and ends the list early by zeroing one.
   *
   * @param rng randomness
   * @param maxSize largest size
   * @param element draws one element
   * @param <T> the element type
   * @return an unmodifiable list
   */
  public static <T> java.util.List<T> list(RandomGenerator rng, int maxSize, java.util.function.Function<RandomGenerator, T> element) {
    java.util.List<T> out = new java.util.ArrayList<>();
    int odds = 1 + maxSize / 4;
    while (out.size() < maxSize && rng.nextInt(odds + 1) != 0) {
      out.add(element.apply(rng));
    }
    return java.util.Collections.unmodifiableList(out);
  }
}
