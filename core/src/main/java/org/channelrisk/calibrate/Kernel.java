package org.channelrisk.calibrate;

/**
 * The perturbation kernel of ABC-SMC: a multivariate normal around the resampled particle, in the
 * parameters' internal coordinates (log for log-uniform priors).
 */
public enum Kernel {
  /**
   * The optimal local covariance matrix of Filippi, Barnes, Cornebise and Stumpf (2013), "On optimality
   * of kernels for approximate Bayesian computation using sequential Monte Carlo", Stat. Appl. Genet.
   * Mol. Biol. 12(1), section 4.2: around particle j, the covariance
   * sum_k w~_k (theta_k - theta_j)(theta_k - theta_j)^T over the previous particles whose distance is
   * already within the new tolerance (w~ their normalized weights). Where that matrix is singular (too
   * few such particles), the particle falls back to {@link #TWICE_COVARIANCE}.
   */
  OPTIMAL_LOCAL,
  /**
   * Twice the weighted covariance of the previous population, the same for every particle (Beaumont,
   * Cornuet, Marin and Robert 2009, "Adaptive approximate Bayesian computation", Biometrika 96(4)).
   */
  TWICE_COVARIANCE
}
