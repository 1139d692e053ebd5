/**
 * Calibration of the simulator to observations: simulation-based inference by ABC-SMC, so that a
 * researcher with a series after a takedown, the lifetimes of new channels or a referral log can ask
 * which parameters make the model reproduce what was seen, and how sure that is.
 *
 * <h2>The idea</h2>
 *
 * <p>Parameters are named values with a {@link org.channelrisk.calibrate.Prior} (uniform, log-uniform,
 * normal, truncated normal, beta); a {@link org.channelrisk.calibrate.ScenarioMapping} turns a vector
 * of them into a scenario (the command line maps names to the scenario file's own field paths, e.g.
 * {@code ecosystem.generate.platforms[0].cooperation[0].compliance}). Each
 * {@link org.channelrisk.calibrate.Target} is a {@link org.channelrisk.calibrate.Statistic} of a run
 * ({@code change} between two windows, {@code value} at a time, distance to an observed
 * {@code series}, Kaplan-Meier {@code lifetimes} of new channels, {@code count} of channels created)
 * with its observed value and a scale. A particle's distance is the Euclidean norm of the targets'
 * (simulated - observed) / scale.
 *
 * <p>{@link org.channelrisk.calibrate.AbcSmc} is population Monte Carlo ABC (Beaumont, Cornuet, Marin
 * and Robert 2009) with the optimal local covariance kernel of Filippi, Barnes, Cornebise and Stumpf
 * (2013) and the adaptive tolerance of Del Moral, Doucet and Jasra (2012): each generation's tolerance
 * keeps half of the previous effective sample size; particles are resampled by weight, perturbed,
 * simulated and accepted within the tolerance, and weighted by prior / proposal density. It stops on a
 * simulation budget, a minimum acceptance rate, a target tolerance or when the tolerance no longer
 * decreases. Every proposal draws its randomness from (seed, generation, proposal index), so results
 * are bit-identical for any thread count, on Spark ({@code SparkCalibration} in the spark module), and
 * after a resume from the {@link org.channelrisk.calibrate.Population} written after each generation.
 *
 * <h2>A worked example</h2>
 *
 * <pre>{@code
 * AbcSmc abc = AbcSmc.builder(theta -> Presets.actionDay2019(Presets.actionDay2019(1_911, true), theta[0], 0.5, theta[1]))
 *     .parameter("recreation", Prior.uniform(0, 1))
 *     .parameter("pressure", Prior.logUniform(1, 1_000))
 *     .target(Target.of(new Statistic.Count(51, 365, "telegram"), 105))
 *     .target(Target.of(Statistic.Lifetimes.mean(51, 365, "telegram"), 14))
 *     .particles(500).budget(20_000)
 *     .build();
 * CalibrationResult r = abc.run(2019, 2);
 * r.population().summary("pressure", 0.9);      // median, mean, sd, 90% equal-tailed interval
 * Predictive pp = Predictive.of(r, abc.simulator(), 200, 2019, 2);
 * pp.statisticQuantile(1, 0.5);                  // the calibrated model's median lifetime target
 * }</pre>
 *
 * <h2>Validation</h2>
 *
 * <p>The tests check an exact posterior (compliance with a Beta prior observed through x of n referrals
 * complied with: the population matches Beta(a + x, b + n - x) in a weighted Kolmogorov-Smirnov test and
 * in its mean), simulation-based calibration (Talts et al. 2018: ranks of true values among posterior
 * draws uniform over 100 synthetic data sets, 90% intervals covering 82-97% of the time), the recovery
 * of known parameters through the command line, and equality across thread counts and resumes.
 *
 * <p>Limits, stated: ABC's posterior is exact only as the tolerance goes to 0 (reached with discrete
 * statistics; otherwise the final tolerance is reported); the weights' effective sample size is the
 * number to read next to an interval; statistics of a particle with several replicates read the mean
 * path, so more replicates per particle approximate a likelihood of the mean, not of one run.
 */
package org.channelrisk.calibrate;
