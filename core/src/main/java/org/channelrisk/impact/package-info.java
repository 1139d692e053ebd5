/**
 * What did the intervention do? The effect of an action day (a takedown, a policy change) on an
 * observed series, against a counterfactual of what the series would have done without it, with
 * intervals: interrupted time series regression (Bernal, Cummins and Gasparrini 2017) and a
 * counterfactual forecast from the pre-period (the frequentist counterpart of CausalImpact, Brodersen
 * et al. 2015).
 *
 * <h2>A worked example</h2>
 *
 * <pre>{@code
 * CsvTable s = CsvTable.read(Path.of("nov2019.csv"));      // the CSV that `simulate` writes
 * double[] t = s.doubles("time");
 * double[] y = s.doubles("audience_mean");
 * ImpactResult r = ImpactAnalysis.builder()
 *     .intervention(51)                                     // the action day
 *     .neweyWestAuto()                                      // segmented, HAC standard errors
 *     .build()
 *     .analyse(t, y);
 * r.coefficient("level_change").orElseThrow();             // the jump at T, with its interval
 * r.relativeEffect();                                       // observed / counterfactual - 1 after T
 * r.effect();                                               // observed - counterfactual, per time
 * }</pre>
 *
 * <h2>Models</h2>
 *
 * <p>With D_t = 1{t &gt;= T} and t the value of the time column (so {@code intercept} is the level at
 * t = 0), the regressions share the design
 * <pre>
 *   b0 + b1 t + b2 D_t + b3 (t - T) D_t + controls' c + sum_k (s_k sin(2 pi k t / P) + c_k cos(2 pi k t / P))
 * </pre>
 * named {@code intercept, time, level_change, slope_change}, the controls by name, {@code sin1, cos1,
 * ..., sinK, cosK}. The slope change counts time since the intervention, not since the series' start
 * (a common mistake in published analyses: with t instead of t - T the level change is the jump
 * extrapolated back to t = 0).
 * <ul>
 *   <li>{@link org.channelrisk.impact.ImpactModel#SEGMENTED}: least squares by QR on all observations;
 *       ordinary standard errors, or Newey-West with Bartlett weights, no prewhitening and no
 *       small-sample factor, equal to R {@code sandwich::NeweyWest(fit, lag = L, prewhite = FALSE,
 *       adjust = FALSE)}; intervals Student t on n - k df.</li>
 *   <li>{@link org.channelrisk.impact.ImpactModel#ARIMA}: the same regression with ARMA(p, q) errors by
 *       exact Gaussian maximum likelihood (Kalman filter on the state-space form, stationary start),
 *       as R {@code arima(y, order = c(p, 0, q), xreg = X, method = "ML")}, whose log-likelihood it
 *       reports; the coefficients are profiled by generalised least squares inside the search, so the
 *       maximum found is at least R's.</li>
 *   <li>{@link org.channelrisk.impact.ImpactModel#POISSON}: log-linear quasi-Poisson regression with an
 *       optional offset log(exposure), by IRLS to a relative deviance change of 1e-12 (R's default 1e-8
 *       stops one step earlier), dispersion Pearson chi-square / (n - k), as R {@code glm(y ~ ... +
 *       offset(log(exposure)), family = quasipoisson)}.</li>
 *   <li>{@link org.channelrisk.impact.ImpactModel#STRUCTURAL}: a local level or local linear trend (with
 *       the controls and Fourier terms as regressors in the state) fitted by maximum likelihood on the
 *       pre-period with an exact diffuse start (Durbin and Koopman 2012), forecast over the post-period;
 *       the effect is observed minus forecast, and the band is the forecast's prediction interval
 *       (parameters treated as known, as R {@code predict.StructTS}).</li>
 * </ul>
 *
 * <h2>The counterfactual and its band</h2>
 *
 * <p>For the three regressions the counterfactual is the fitted model with D = 0 (b2 and b3 left out)
 * and its band comes from the coefficients' covariance (a confidence band for the mean without the
 * intervention, on the log scale for Poisson); for the structural model it is the forecast with its
 * prediction interval. The effect is observed minus counterfactual, its band the observed value minus
 * the counterfactual's band. The cumulative effect sums the effect from T; its band comes from the
 * variance of the summed counterfactual (the covariance of the coefficients, or of the forecast errors
 * at different horizons). Average effect = cumulative / number of post observations; relative effect =
 * sum of observed / sum of counterfactual - 1, its limits from the summed counterfactual's limits (not
 * available when that band reaches 0).
 *
 * <h2>Agreement with R (test resources {@code impact/golden.R})</h2>
 *
 * <p>On four series of our own making (a drop with AR(1) noise, a weekly cycle with a control, counts
 * with an exposure, and the ensemble mean of a {@code simulate} run): segmented coefficients and both
 * kinds of standard error agree with R to 2.2e-12 relative; quasi-Poisson to 1.4e-13; the ARMA-error model
 * reaches R's log-likelihood or more (by 1e-12 to 1e-6, and by 43 where R's optimiser stopped early) with
 * coefficients within 3e-4 and standard errors within 5e-4 relative where R converged; the local level model's forecasts and standard
 * errors agree with {@code StructTS} + {@code predict} to 3e-6. R starts the trend model from a large
 * finite prior rather than an exact diffuse one, so its trend forecasts' standard errors differ from
 * the exact diffuse ones (by up to 10% on the tests' drop series); the trend model is checked instead
 * against a dense universal-kriging computation (to 1e-10).
 *
 * <h2>Exact fits</h2>
 *
 * <p>A series the segmented regression fits exactly (a constant or noise-free series: residual
 * variance below 1e-30 of the fitted values' mean square, the test behind R's "essentially perfect
 * fit" warning) gives its coefficients and effects, with {@code converged} true, a message that
 * starts "closed form (QR); exact fit", standard errors and intervals that are rounding error (zero
 * width), and log-likelihood and AIC NaN ("not available": the Gaussian likelihood is +infinity). The
 * ARMA-error model refuses such a series (there are no errors to model), as the structural model
 * refuses a constant pre-period. Values whose squares overflow (beyond about 1e154) are refused by
 * both least-squares models: rescale them.
 *
 * <p>Missing values are refused unless asked for ({@link
 * org.channelrisk.impact.ImpactAnalysis.Builder#skipMissing()}): then the regressions drop the row and
 * the two Kalman-filter models treat a missing observation as a gap. ARMA and structural models treat
 * rows as consecutive, equally spaced steps.
 *
 * <p>All types are immutable and safe to share between threads; nothing is random.
 */
package org.channelrisk.impact;
