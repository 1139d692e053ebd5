/**
 * Nonlinear least squares shared by the estimators: Levenberg-Marquardt with weights and bounds (bounds
 * are taken by the MINPACK solver, the default), and a result that states whether it converged and names
 * its solver, with standard errors, confidence intervals and information criteria that match R's
 * {@code nls}.
 *
 * <h2>A worked example</h2>
 *
 * <pre>{@code
 * Model misra1a = ...;   // y = b1 (1 - exp(-b2 x)), with its gradient
 * FitResult r = NonlinearLeastSquares.builder(misra1a)
 *     .data(pressure, volume)
 *     .start(500, 1e-4)
 *     .build()
 *     .fit();
 * r.converged();     // true
 * r.estimate(0);     // 238.94212918 (NIST certified: 2.3894212918E+02)
 * r.stdError(0);     // 2.7070075241 (certified: 2.7070075241E+00)
 * }</pre>
 *
 * <h2>Accuracy</h2>
 *
 * <p>With the default MINPACK solver, on the 27 NIST StRD nonlinear problems, from both certified
 * starting points, every fit converges; the worst parameter has 6.5 correct significant digits (ENSO)
 * and most have 8 to 11; standard errors reach at least 6 digits except on Lanczos1, a zero-residual
 * problem whose residual sum of squares (1.4e-25) double arithmetic cannot represent to more than about
 * 3 digits. The compact solver ({@code Solver.COMPACT}, which the recovery fits use) converges on every
 * lower-difficulty problem and says that it did not converge on Hahn1, Nelson, Roszman1, MGH10, and on
 * MGH17 and BoxBOD from start 1; where it converges, estimates and standard errors have at least 6
 * correct digits (Lanczos1's standard errors aside): it never converges to a wrong answer. Information
 * criteria follow R: logLik = -n/2 (log(2 pi) + 1 - log n - sum(log w)/n + log RSS), AIC = -2 logLik +
 * 2 (p + 1).
 *
 * <p>{@link org.channelrisk.stats.Estimate} is the value every estimator of the library returns for a
 * quantity with an interval: estimate, limits, and the method that gave the limits.
 */
package org.channelrisk.fit;
