package org.channelrisk.spark;

import java.io.Serializable;
import org.channelrisk.sim.Scenario;

/**
 * Builds the scenario of one point of a sweep. It is shipped to the executors, so it must capture only
 * serializable values (numbers, strings, enums); each executor builds the scenarios it needs from it,
 * and the model's own classes never go through Java serialization.
 *
 * <pre>{@code
 * ScenarioRecipe recipe = p -> Presets.actionDay2019(1_000,
 *     Presets.telegram2019().withCompliance(p.number("compliance")),
 *     p.get("strategy", TargetingStrategy.class), BanLevel.ACCOUNT);
 * }</pre>
 */
@FunctionalInterface
public interface ScenarioRecipe extends Serializable {
  /**
   * @param point the grid point (for {@link SweepGrid#indexed} sweeps only its index)
   * @return the scenario; the same point must always give an equal scenario
   */
  Scenario scenario(GridPoint point);
}
