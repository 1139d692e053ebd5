package org.channelrisk.testing;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * A small property-based testing harness on plain JUnit 5: a property is checked on {@code tries}
 * typed inputs drawn from a seeded generator; a failing input is shrunk to a small one that still
 * fails, and the failure reports the property, the try, the seed, the original and the shrunk input,
 * so that it can be replayed exactly.
 *
 * <pre>{@code
 * record Case(List<Double> times, double level) {}
 * PropertyCheck.forAll("KM limits bracket S", 400,
 *     rng -> new Case(Gen.list(rng, 60, r -> Gen.doubleIn(r, 0, 10)), Gen.doubleIn(rng, 0.5, 0.99)),
 *     c -> assertThat(...));
 * }</pre>
 *
 * <p>Inputs are values of any type, best a record whose {@code toString} shows every field, so that a
 * counterexample reads as one. <b>Shrinking</b> works on the random choices the generator made, not on
 * the value: the generator is run again on shorter or smaller choice sequences (blocks deleted,
 * zeroed, single values set small or halved), and an input that still fails, in the same way (same
 * type of failure, from the same place), replaces the current one when the choices it was made of are
 * fewer, or as many and smaller (shortlex). Because every
 * generator maps smaller choices to simpler values (shorter lists, numbers nearer a range's lower
 * bound, the first edge case), numbers, lists and strings shrink without a shrinker per type. At most
 * {@value #SHRINK_BUDGET} candidates are tried.
 *
 * <p>The seed of a property is fixed (derived from its name), so a build is reproducible; set
 * {@code -Dchannelrisk.test.seed=N} to explore other inputs, and {@code -Dchannelrisk.test.tries=K} to
 * scale the number of tries of every property by K/100 (100 = as written). Generators mix in edge
 * cases (see {@link Gen}), and {@link Coverage} lets a property assert that the hard cases were
 * actually generated.
 */
public final class PropertyCheck {
  /** The most shrink candidates tried after a failure. */
  public static final int SHRINK_BUDGET = 2_000;

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
      Choices choices = Choices.recording(rng);
      T input = generator.apply(choices);
      Throwable failure = failure(property, input);
      if (failure != null) {
        Shrunk<T> small = shrink(choices.used(), generator, property, input, failure);
        throw new AssertionError(
            "property '" + name + "' failed at try " + (i + 1) + " of " + scaled + " (seed " + seed
                + "; replay with -Dchannelrisk.test.seed=" + seed + ")\ninput: " + describe(input)
                + "\nshrunk (" + small.steps + " steps): " + describe(small.input)
                + "\n" + small.failure.getMessage(),
            small.failure);
      }
    }
  }

  /** A shrunk counterexample. */
  record Shrunk<T>(T input, Throwable failure, int steps) {}

  /**
   * Shrinks a failing choice sequence: passes of deleting blocks, zeroing blocks and halving single
   * choices, repeated while one of them finds a smaller failing input.
   */
  static <T> Shrunk<T> shrink(long[] start, Function<RandomGenerator, T> generator, Consumer<T> property, T input,
      Throwable failure) {
    Shrinker<T> sh = new Shrinker<>(generator, property, new Attempt<>(start, input, failure));
    boolean improved = true;
    while (improved && sh.tried < SHRINK_BUDGET) {
      improved = false;
      for (int block = Integer.highestOneBit(Math.max(1, sh.best.choices.length)); block >= 1; block /= 2) {
        for (int at = 0; at + block <= sh.best.choices.length && sh.tried < SHRINK_BUDGET; at++) {
          improved |= sh.tryCandidate(delete(sh.best.choices, at, block));
          improved |= sh.tryCandidate(zero(sh.best.choices, at, block));
        }
      }
      for (int at = 0; at < sh.best.choices.length && sh.tried < SHRINK_BUDGET; at++) {
        // Small values first (choice k is value k of a bounded draw), so that an index or a count
        // can jump straight to a small value, e.g. a branch from "the upper bound" to "a small number".
        for (int k = 0; k < 16 && at < sh.best.choices.length; k++) {
          if (Long.compareUnsigned(k, sh.best.choices[at]) < 0) {
            improved |= sh.tryCandidate(with(sh.best.choices, at, k));
          }
        }
        while (at < sh.best.choices.length && sh.best.choices[at] != 0
            && sh.tryCandidate(with(sh.best.choices, at, sh.best.choices[at] >>> 1))) {
          improved = true;
        }
      }
    }
    return new Shrunk<>(sh.best.input, sh.best.failure, sh.steps);
  }

  /** The smallest failing attempt so far, and the budget spent. */
  private static final class Shrinker<T> {
    final Function<RandomGenerator, T> generator;
    final Consumer<T> property;
    final String kind;
    Attempt<T> best;
    int tried;
    int steps;

    Shrinker(Function<RandomGenerator, T> generator, Consumer<T> property, Attempt<T> start) {
      this.generator = generator;
      this.property = property;
      this.kind = kind(start.failure);
      this.best = start;
    }

    /**
     * Tries a candidate within the budget; keeps it when it still fails the same way (see {@link
     * #kind}) and the choices its input was made of are simpler than the best's (see {@link #simpler}).
     */
    boolean tryCandidate(long[] candidate) {
      if (candidate == null || tried >= SHRINK_BUDGET || Arrays.equals(candidate, best.choices)) {
        return false;
      }
      tried++;
      Attempt<T> a = attempt(candidate, generator, property);
      if (a == null || !sameKind(kind, a.failure) || !simpler(a.choices, best.choices)) {
        return false;
      }
      best = a;
      steps++;
      return true;
    }
  }

  /**
   * What a failure is, for shrinking: its type and the first place in the project's code it passed
   * through (the assertion in the property, or the check in the code under test that threw). A smaller
   * input that fails otherwise (a fit refusing data without events, where an estimate was wrong) shows
   * another problem, and would hide the one found, as in Hypothesis (which tells failures apart by
   * type and line too).
   */
  static boolean sameKind(String kind, Throwable failure) {
    if (failure.getStackTrace().length == 0) {
      // HotSpot may throw an implicit exception (a null, an index) without a stack once the code is
      // compiled (OmitStackTraceInFastThrow): then the type is all there is to compare
      String type = failure.getClass().getName();
      return kind.equals(type) || kind.startsWith(type + " at ");
    }
    return kind.equals(kind(failure));
  }

  static String kind(Throwable failure) {
    for (StackTraceElement e : failure.getStackTrace()) {
      if (e.getClassName().startsWith("org.channelrisk.")) {
        return failure.getClass().getName() + " at " + e;
      }
    }
    return failure.getClass().getName();
  }

  /**
   * Shortlex order on the choices an input was made of: fewer choices, or as many and the first that
   * differs smaller. A candidate is smaller than the best as a sequence, but the generator may read past
   * its end (a replay then hands out zeros): an int whose upper bound is one choice, read as a matrix
   * size, makes a larger input from a shorter sequence. Comparing what was read, not what was offered,
   * keeps every step a real simplification, and makes shrinking end.
   */
  static boolean simpler(long[] a, long[] b) {
    if (a.length != b.length) {
      return a.length < b.length;
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return Long.compareUnsigned(a[i], b[i]) < 0;
      }
    }
    return false;
  }

  private static long[] with(long[] c, int at, long value) {
    long[] out = c.clone();
    out[at] = value;
    return out;
  }

  private record Attempt<T>(long[] choices, T input, Throwable failure) {}

  private static <T> Attempt<T> attempt(long[] candidate, Function<RandomGenerator, T> generator, Consumer<T> property) {
    Choices replay = Choices.replaying(candidate);
    T input;
    try {
      input = generator.apply(replay);
    } catch (RuntimeException e) {
      return null; // the generator cannot make an input from these choices
    }
    Throwable f = failure(property, input);
    return f == null ? null : new Attempt<>(replay.used(), input, f);
  }

  private static <T> Throwable failure(Consumer<T> property, T input) {
    try {
      property.accept(input);
      return null;
    } catch (AssertionError | RuntimeException e) {
      return e;
    }
  }

  private static long[] delete(long[] c, int at, int n) {
    if (at + n > c.length) {
      return null;
    }
    long[] out = new long[c.length - n];
    System.arraycopy(c, 0, out, 0, at);
    System.arraycopy(c, at + n, out, at, c.length - at - n);
    return out;
  }

  private static long[] zero(long[] c, int at, int n) {
    if (at + n > c.length) {
      return null;
    }
    boolean allZero = true;
    for (int i = at; i < at + n; i++) {
      allZero &= c[i] == 0;
    }
    if (allZero) {
      return null;
    }
    long[] out = c.clone();
    Arrays.fill(out, at, at + n, 0L);
    return out;
  }

  /** The input's own text (a record's shows its fields), cut at 2,000 characters. */
  private static String describe(Object input) {
    String s = String.valueOf(input);
    return s.length() > 2000 ? s.substring(0, 2000) + "... (" + s.length() + " characters)" : s;
  }
}
