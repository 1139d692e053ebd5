package org.channelrisk.calibrate;

import java.util.Locale;

/**
 * What one ABC-SMC generation did.
 *
 * @param index generation number, 0 for the prior sample
 * @param epsilon its tolerance (infinite for generation 0)
 * @param simulations particles simulated in this generation (proposals outside the prior's support
 *     are not simulated and not counted)
 * @param totalSimulations particles simulated so far, this generation included
 * @param acceptance accepted particles / simulations of this generation
 * @param ess effective sample size of its weights, (sum w)^2 / sum w^2
 */
public record Generation(int index, double epsilon, long simulations, long totalSimulations, double acceptance, double ess) {
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "generation %d: epsilon %s, %d simulations (%d in all), acceptance %.3g, ESS %.1f", index,
        epsilon(epsilon), simulations, totalSimulations, acceptance, ess);
  }

  /**
   * @param epsilon a tolerance
   * @return it to four significant digits, or "none (every particle accepted)" for the infinite
   *     tolerance of generation 0, which samples the prior
   */
  public static String epsilon(double epsilon) {
    return Double.isInfinite(epsilon) ? "none (every particle accepted)" : String.format(Locale.ROOT, "%.4g", epsilon);
  }
}
