package org.channelrisk.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashSet;
import java.util.Set;
import org.channelrisk.sim.TargetingStrategy;
import org.junit.jupiter.api.Test;

/** Grid points, their order and validation; no Spark needed. */
class SweepGridTest {
  final SweepGrid grid = SweepGrid.builder()
      .axis("strategy", TargetingStrategy.HUBS, TargetingStrategy.RANDOM)
      .axis("compliance", 0.5, 0.9)
      .axis("recreation_days", 1.0, 3.0, 7.0)
      .build();

  @Test
  void lastAxisVariesFastestAndEveryCombinationAppearsOnce() {
    assertThat(grid.size()).isEqualTo(12);
    assertThat(grid.point(0).values()).containsExactly(java.util.Map.entry("strategy", TargetingStrategy.HUBS),
        java.util.Map.entry("compliance", 0.5), java.util.Map.entry("recreation_days", 1.0));
    assertThat(grid.point(1).number("recreation_days")).isEqualTo(3.0);
    assertThat(grid.point(3).number("compliance")).isEqualTo(0.9);
    assertThat(grid.point(6).get("strategy", TargetingStrategy.class)).isEqualTo(TargetingStrategy.RANDOM);
    Set<Object> seen = new HashSet<>();
    grid.points().forEach(p -> seen.add(p.values()));
    assertThat(seen).hasSize(12);
    assertThat(grid.point(7).toString()).isEqualTo("#7 {strategy=RANDOM, compliance=0.5, recreation_days=3.0}");
    assertThat(grid.toString()).isEqualTo("SweepGrid[12 points: strategy[HUBS, RANDOM] x compliance[0.5, 0.9] x recreation_days[1.0, 3.0, 7.0]]");
  }

  @Test
  void indexedGridsHaveNoAxes() {
    SweepGrid g = SweepGrid.indexed(5);
    assertThat(g.axes()).isEmpty();
    assertThat(g.point(4).index()).isEqualTo(4);
    assertThat(g.point(4).values()).isEmpty();
    assertThatThrownBy(() -> g.point(5)).isInstanceOf(IndexOutOfBoundsException.class).hasMessage("grid point 5 of 5");
    assertThatThrownBy(() -> SweepGrid.indexed(0)).hasMessageContaining("at least one scenario: 0");
  }

  @Test
  void badAxesAreRejectedWithAClearMessage() {
    assertThatThrownBy(() -> SweepGrid.builder().axis("time", 1.0)).hasMessageContaining("'time' is a result column");
    assertThatThrownBy(() -> SweepGrid.builder().axis("a", 1.0).axis("a", 2.0)).hasMessageContaining("'a' is already used");
    assertThatThrownBy(() -> SweepGrid.builder().axis("1x", 1.0)).hasMessageContaining("starting with a letter: 1x");
    assertThatThrownBy(() -> SweepGrid.builder().axis("a")).hasMessageContaining("axis 'a' needs at least one value");
    assertThatThrownBy(() -> SweepGrid.builder().axis("a", 1.0, 1.0)).hasMessageContaining("value 1.0 appears twice");
    assertThatThrownBy(() -> SweepGrid.builder().axis("a", 1.0, 2)).hasMessageContaining("mixes Double and Integer");
    assertThatThrownBy(() -> SweepGrid.builder().axis("a", new Object())).hasMessageContaining("expected String, Boolean");
    assertThatThrownBy(() -> SweepGrid.builder().build()).hasMessageContaining("at least one axis");
    assertThatThrownBy(() -> grid.point(0).get("budget")).hasMessageContaining("no axis 'budget'");
    assertThatThrownBy(() -> grid.point(0).get("compliance", String.class)).hasMessageContaining("holds Double 0.5, not String");
  }

  @Test
  void gridsTravelToExecutorsIntact() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(grid);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(grid);
    }
  }
}
