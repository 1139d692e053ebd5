package org.channelrisk.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.channelrisk.sim.Presets;
import org.junit.jupiter.api.Test;

/**
 * The named form of a sweep ({@link SparkSweep.Builder}): the same sweep as the deprecated short
 * forms, each number taken once, and every bad setting refused with one line that names it. Runs on
 * local threads only: the Spark path's equality with the local one is {@link SparkSweepTest}'s.
 */
class SparkSweepBuilderTest {
  static final ScenarioRecipe RECIPE = p -> Presets.actionDay2019(100, p.index() == 0);
  static final SweepGrid GRID = SweepGrid.builder().axis("praised", true, false).build();
  static final ScenarioRecipe BY_AXIS = p -> Presets.actionDay2019(100, p.get("praised", Boolean.class));

  @Test
  @SuppressWarnings("removal")
  void theNamedFormsGiveTheSweepsOfTheShortForms() {
    SparkSweep named = SparkSweep.of(RECIPE).scenarios(2).replicates(5).seed(7).build();
    SparkSweep positional = SparkSweep.of(RECIPE, 2, 5, 7);
    assertThat(named).hasToString(positional.toString())
        .hasToString("SparkSweep[SweepGrid[2 scenarios] x 5 replicates, seed 7, 1 partitions, quantiles exact]");
    assertThat(named.runLocally(2)).isEqualTo(positional.runLocally(2));
    // in any order of the calls
    assertThat(SparkSweep.of(RECIPE).seed(7).replicates(5).scenarios(2).build().runLocally(1)).isEqualTo(positional.runLocally(1));
    // sketched: the same blocks and sketches
    assertThat(named.withExactLimit(0).withSketchK(16).runLocally(2))
        .isEqualTo(positional.withExactLimit(0).withSketchK(16).runLocally(2));

    SparkSweep overGrid = SparkSweep.over(GRID, BY_AXIS).replicates(4).seed(2019).build();
    SparkSweep overGridPositional = SparkSweep.over(GRID, BY_AXIS, 4, 2019);
    assertThat(overGrid).hasToString(overGridPositional.toString());
    assertThat(overGrid.grid()).isSameAs(GRID);
    assertThat(overGrid.runLocally(2)).isEqualTo(overGridPositional.runLocally(2));
  }

  @Test
  void aSecondCallToASetterIsRefusedAndTheFirstValueStays() {
    SparkSweep.Builder b = SparkSweep.of(RECIPE).scenarios(2).replicates(5).seed(7);
    assertThatThrownBy(() -> b.replicates(50)).isInstanceOf(IllegalStateException.class)
        .hasMessage("replicates was already set to 5");
    assertThatThrownBy(() -> b.seed(2019)).isInstanceOf(IllegalStateException.class)
        .hasMessage("seed was already set to 7");
    assertThatThrownBy(() -> b.scenarios(3)).isInstanceOf(IllegalStateException.class)
        .hasMessage("scenarios was already set to SweepGrid[2 scenarios]");
    // even with the same value: the second call is a mistake in the code, whatever it says
    assertThatThrownBy(() -> b.seed(7)).isInstanceOf(IllegalStateException.class);
    assertThat(b.build()).hasToString("SparkSweep[SweepGrid[2 scenarios] x 5 replicates, seed 7, 1 partitions, quantiles exact]");
    assertThat(b).hasToString("SparkSweep.Builder[SweepGrid[2 scenarios] x 5 replicates, seed 7]");

    // a grid fixes its own scenarios
    assertThatThrownBy(() -> SparkSweep.over(GRID, BY_AXIS).scenarios(2)).isInstanceOf(IllegalStateException.class)
        .hasMessage("the scenarios are the points of SweepGrid[2 points: praised[true, false]]; scenarios(n) is for SparkSweep.of(recipe)");
  }

  @Test
  void nonsenseIsRefusedWithOneLineNamingTheSetting() {
    assertOneLine(() -> SparkSweep.of(RECIPE).replicates(0), IllegalArgumentException.class, "replicates must be >= 1: 0");
    assertOneLine(() -> SparkSweep.of(RECIPE).replicates(-200), IllegalArgumentException.class, "replicates must be >= 1: -200");
    assertOneLine(() -> SparkSweep.of(RECIPE).scenarios(0), IllegalArgumentException.class, "a sweep needs at least one scenario: 0");
    assertOneLine(() -> SparkSweep.of(null), NullPointerException.class, "recipe");
    assertOneLine(() -> SparkSweep.over(null, RECIPE), NullPointerException.class, "grid");
    assertOneLine(() -> SparkSweep.over(GRID, null), NullPointerException.class, "recipe");
    // a forgotten number is named, with the form that sets it
    assertOneLine(() -> SparkSweep.of(RECIPE).replicates(5).seed(1).build(), IllegalStateException.class,
        "set the number of scenarios: SparkSweep.of(recipe).scenarios(m).replicates(n).seed(s).build()");
    assertOneLine(() -> SparkSweep.of(RECIPE).scenarios(2).seed(1).build(), IllegalStateException.class,
        "set the number of replicates: SparkSweep.of(recipe).scenarios(m).replicates(n).seed(s).build()");
    assertOneLine(() -> SparkSweep.over(GRID, BY_AXIS).replicates(5).build(), IllegalStateException.class,
        "set the seed: SparkSweep.over(grid, recipe).replicates(n).seed(s).build()");

    SparkSweep sweep = SparkSweep.of(RECIPE).scenarios(2).replicates(5).seed(1).build();
    assertOneLine(() -> sweep.withPartitions(0), IllegalArgumentException.class, "partitions must be >= 1: 0");
    assertOneLine(() -> sweep.withSketchK(4), IllegalArgumentException.class, "KLL k must be in [8, 65535]: 4");
    assertOneLine(() -> sweep.withExactLimit(-1), IllegalArgumentException.class, "exact limit must be >= 0: -1");
    assertOneLine(() -> sweep.runLocally(0), IllegalArgumentException.class, "threads must be >= 1: 0");
    assertThat(sweep.withPartitions(3))
        .hasToString("SparkSweep[SweepGrid[2 scenarios] x 5 replicates, seed 1, 3 partitions, quantiles exact]");
  }

  private static void assertOneLine(ThrowingCallable call, Class<? extends Throwable> type, String message) {
    assertThatThrownBy(call).isInstanceOf(type).hasMessage(message).message().doesNotContain("\n");
  }
}
