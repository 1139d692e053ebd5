package org.channelrisk.impact;

import org.channelrisk.internal.EnumNames;

/** The models of an {@link ImpactAnalysis}; see the package guide for each one's equations and its R twin. */
public enum ImpactModel {
  /** Segmented (interrupted time series) regression by least squares; ordinary or Newey-West errors, as R {@code lm} + {@code sandwich}. */
  SEGMENTED,
  /** The segmented regression with ARMA(p, q) errors by exact Gaussian maximum likelihood, as R {@code arima(method = "ML")}. */
  ARIMA,
  /** Log-linear quasi-Poisson regression with an optional exposure offset, as R {@code glm(family = quasipoisson)}. */
  POISSON,
  /** Local level or local linear trend fitted on the pre-period and forecast over the post-period (Durbin and Koopman). */
  STRUCTURAL;

  /** @return the lower-case name used on the command line and in JSON */
  public String id() {
    return EnumNames.of(this);
  }

  /**
   * @param s a name, any case
   * @return the model
   * @throws IllegalArgumentException naming the accepted names
   */
  public static ImpactModel parse(String s) {
    return EnumNames.find(ImpactModel.class, s).orElseThrow(() -> new IllegalArgumentException(
        "model must be segmented, arima, poisson or structural: '" + s + "'"));
  }
}
