package org.channelrisk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The harness itself: failures are reported with a replayable seed and shrunk to small inputs. */
class PropertyCheckTest {
  record Numbers(List<Integer> values, double scale) {}

  private static Function<RandomGenerator, Numbers> numbers() {
    return rng -> new Numbers(Gen.list(rng, 40, r -> Gen.intIn(r, 0, 1000)), Gen.doubleIn(rng, 1, 100));
  }

  /** The failure the shrinking starts from: what the property throws on the input. */
  private static <T> Throwable failure(Consumer<T> property, T input) {
    Throwable t = catchThrowable(() -> property.accept(input));
    assertThat(t).as("the input fails").isNotNull();
    return t;
  }

  @Test
  void aFailingListShrinksToOneElementAtTheBoundary() {
    Consumer<Numbers> sumBelow500 = n -> assertThat(n.values().stream().mapToInt(Integer::intValue).sum()).isLessThan(500);
    PropertyCheck.Shrunk<Numbers> s = shrinkFromALargeSum(sumBelow500);
    assertThat(s.input().values()).hasSize(1);
    assertThat(s.input().values().get(0)).isBetween(500, 1000);
    assertThat(s.input().scale()).isEqualTo(1); // an unrelated field goes to its simplest value
    assertThat(s.steps()).isPositive();
  }

  @Test
  void shrinkingKeepsTheFailureItStartedFrom() {
    // an empty list is refused, a failure of its own: a shrink that reached it would report that instead
    Consumer<Numbers> sumBelow500 = n -> {
      if (n.values().isEmpty()) {
        throw new IllegalArgumentException("no values");
      }
      assertThat(n.values().stream().mapToInt(Integer::intValue).sum()).isLessThan(500);
    };
    PropertyCheck.Shrunk<Numbers> s = shrinkFromALargeSum(sumBelow500);
    assertThat(s.failure()).isInstanceOf(AssertionError.class);
    assertThat(s.input().values()).hasSize(1);
  }

  @Test
  void aFailingStringShrinksToTheCharacterThatMatters() {
    Function<RandomGenerator, String> text = rng -> Gen.text(rng, 50);
    Consumer<String> noComma = s -> assertThat(s).doesNotContain(",");
    RandomGenerator rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(3);
    String failing;
    Choices c;
    do {
      c = Choices.recording(rng);
      failing = text.apply(c);
    } while (!failing.contains(",") || failing.length() < 10);
    PropertyCheck.Shrunk<String> s = PropertyCheck.shrink(c.used(), text, noComma, failing, failure(noComma, failing));
    assertThat(s.input()).contains(",").hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void aSizeNeverGrowsWhileShrinking() {
    // a p x p matrix: the upper bound of p is one choice, a value inside the range two; the zeros a
    // replay hands out past its end must count, or "the upper bound" with all-zero entries looks simpler
    Function<RandomGenerator, List<List<Double>>> squares = rng -> {
      int p = Gen.intIn(rng, 1, 6);
      List<List<Double>> rows = new java.util.ArrayList<>();
      for (int i = 0; i < p; i++) {
        List<Double> row = new java.util.ArrayList<>();
        for (int k = 0; k < p; k++) {
          row.add(Gen.doubleIn(rng, -3, 3));
        }
        rows.add(row);
      }
      return rows;
    };
    Consumer<List<List<Double>>> oneRow = m -> assertThat(m).hasSizeLessThan(2);
    RandomGenerator rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(17);
    for (int found = 0; found < 20; ) {
      Choices c = Choices.recording(rng);
      List<List<Double>> failing = squares.apply(c);
      if (failing.size() < 2 || failing.size() > 4) {
        continue;
      }
      found++;
      PropertyCheck.Shrunk<List<List<Double>>> s = PropertyCheck.shrink(c.used(), squares, oneRow, failing, failure(oneRow, failing));
      assertThat(s.input()).as("shrunk from %s", failing).hasSize(2);
    }
  }

  @Test
  void aFailureNamesThePropertyTheSeedAndTheShrunkInput() {
    assertThatThrownBy(() -> PropertyCheck.forAll("all below 900", 200, numbers(),
        n -> assertThat(n.values()).allMatch(v -> v < 900)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("property 'all below 900' failed")
        .hasMessageContaining("-Dchannelrisk.test.seed=")
        .hasMessageMatching("(?s).*shrunk \\(\\d+ steps\\): Numbers\\[values=\\[(9\\d\\d|1000)\\], scale=1\\.0\\].*");
  }

  @Test
  void replayingTheRecordedChoicesGivesTheSameInput() {
    RandomGenerator rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(5);
    for (int i = 0; i < 50; i++) {
      Choices c = Choices.recording(rng);
      Numbers n = numbers().apply(c);
      assertThat(numbers().apply(Choices.replaying(c.used()))).isEqualTo(n);
    }
  }

  /** Draws inputs until their sum is 2,000 or more, far from the boundary, and shrinks that failure. */
  private static PropertyCheck.Shrunk<Numbers> shrinkFromALargeSum(Consumer<Numbers> property) {
    RandomGenerator rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(11);
    Numbers failing;
    Choices c;
    do {
      c = Choices.recording(rng);
      failing = numbers().apply(c);
    } while (failing.values().stream().mapToInt(Integer::intValue).sum() < 2000);
    return PropertyCheck.shrink(c.used(), numbers(), property, failing, failure(property, failing));
  }
}
