package org.channelrisk.calibrate;

import java.util.Locale;
import java.util.Map;
import org.channelrisk.internal.Checks;

/**
 * The outcome of an ABC-SMC run: the last complete population (the posterior approximation), why the
 * run stopped, and the seed it ran with.
 *
 * <pre>{@code
 * CalibrationResult r = calibration.run(2019, 2);
 * r.population().summary("compliance", 0.9);
 * r.stopReason();                 // e.g. MIN_ACCEPTANCE
 * r.population().history();       // epsilon, acceptance, ESS per generation
 * }</pre>
 *
 * @param population the final population
 * @param stopReason why the run stopped
 * @param seed the run's seed
 */
public record CalibrationResult(Population population, StopReason stopReason, long seed) {
  /** Checks the population and the reason, which {@link #toString} and every caller read. */
  public CalibrationResult {
    Checks.notNull("population", population);
    Checks.notNull("stopReason", stopReason);
  }

  /**
   * @param level the credible intervals' level
   * @return each parameter's posterior summary
   */
  public Map<String, ParameterSummary> summaries(double level) {
    return population.summaries(level);
  }

  @Override
  public String toString() {
    Generation g = population.generation();
    return String.format(Locale.ROOT, "CalibrationResult[%s after %d generations, %d simulations, epsilon %s, ESS %.1f; %s]", stopReason,
        g.index() + 1, g.totalSimulations(), Generation.epsilon(g.epsilon()), population.ess(), population.summaries(0.9).values());
  }
}
