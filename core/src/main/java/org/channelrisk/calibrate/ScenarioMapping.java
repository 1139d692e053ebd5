package org.channelrisk.calibrate;

import java.io.Serializable;
import org.channelrisk.sim.Scenario;

/**
 * Builds the scenario of a parameter vector: values in the order of the calibration's parameters, in
 * their natural units. Serializable so that a distributed engine can ship it to its workers (write it
 * as a lambda over values, not over model objects that are expensive to serialize).
 *
 * <pre>{@code
 * ScenarioMapping m = theta -> Presets.actionDay2019(1_911, Presets.telegram2019().withCompliance(theta[0]));
 * }</pre>
 *
 * <p>An {@link IllegalArgumentException} from the mapping (a value the scenario rejects) stops the
 * calibration with that message: a prior must only put mass where the scenario is valid.
 */
@FunctionalInterface
public interface ScenarioMapping extends Serializable {
  /**
   * @param values one value per parameter, natural units (do not modify)
   * @return the scenario
   */
  Scenario scenario(double[] values);
}
