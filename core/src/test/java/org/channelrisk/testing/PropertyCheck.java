package org.channelrisk.testing;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * A small property-based testing harness on plain JUnit 5: a property is checked on {@code tries}
 * inputs drawn from a seeded generator, and a failure reports the property, the try, the seed and the
 * input, so that it can be replayed exactly.
 *
 * <pre>{@code
 * PropertyCheck.forAll("escape round trip", 500, rng -> Gen.text(rng, 40),
 *     s -> assertThat(FormulaGuard.unescape(FormulaGuard.escape(s))).isEqualTo(s));
 * }</pre>
 *
 * <p>The seed of a property is fixed (derived from its name), so a build is reproducible; set
 * {@code -Dchannelrisk.test.seed=N} to explore other inputs, and {@code -Dchannelrisk.test.tries=K} to
 * scale the number of tries of every property by K/100 (100 = as written). There is no shrinking:
 * generators favour small sizes and mix in edge cases (see {@link Gen}), and {@link Coverage} lets a
 * property assert that the hard cases were actually generated.
 */
public final class PropertyCheck {
  private PropertyCheck() {}

  /**
   * Checks a property on generated inputs.
   *
   * @param name the property's name (also the source of its default seed)
   * @param tries how many inputs to try
   * @param generator draws one input
   * @param property throws (an assertion error) when the property does not hold
   * @param <T> the input type
   */
  public static <T> void forAll(String name, int tries, Function<RandomGenerator, T> generator, Consumer<T> property) {
    long seed = Long.getLong("channelrisk.test.seed", name.hashCode() * 0x9E3779B97F4A7C15L);
    int scaled = Math.max(1, (int) ((long) tries * Integer.getInteger("channelrisk.test.tries", 100) / 100));
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    for (int i = 0; i < scaled; i++) {
      T input = generator.apply(rng);
      try {
        property.accept(input);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "property '" + name + "' failed at try " + (i + 1) + " of " + scaled + " (seed " + seed
                + "; replay with -Dchannelrisk.test.seed=" + seed + ")\ninput: " + describe(input)
                + "\n" + e.getMessage(),
            e);
      }
    }
  }

  private static String describe(Object input) {
    String s = input instanceof Object[] a ? java.util.Arrays.deepToString(a) : String.valueOf(input);
    return s.length() > 2000 ? s.substring(0, 2000) + "... (" + s.length() + " characters)" : s;
  }
}
