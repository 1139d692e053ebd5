/**
 * The stochastic simulator: an ecosystem of channels and accounts on several platforms under
 * referrals, proactive moderation and action days, in which operators re-create channels, audiences
 * find the new incarnations through links, and operators migrate to platforms they rate safer.
 *
 * <h2>The model</h2>
 *
 * <p>Continuous time, days. Each active channel is detected by the referral unit with hazard
 * d * visibility (times a sustained-pressure multiplier after an action day), and removed by the
 * platform's own moderation with hazard m * visibility; visibility = ((audience + 1) / reference)^alpha.
 * A detection is a referral: the platform complies with its current probability and removes the channel
 * after a latency, or declines. An {@link org.channelrisk.sim.ActionDay} sends a budget of referrals
 * over a window, targets chosen by a {@link org.channelrisk.sim.TargetingStrategy}; at the
 * {@link org.channelrisk.sim.BanLevel#ACCOUNT ACCOUNT} level the operator is banned too and each spare
 * account is found with a given share. A removed channel is re-created with probability b after a delay
 * (an operator whose account was banned needs a spare account), possibly on another platform chosen by a
 * multinomial logit of security rating, user base and recent removals. Its former audience, less a share
 * 1 - retention, looks for it with hazard r0 + r1 * (active channels linking to it).
 *
 * <h2>A worked example</h2>
 *
 * <pre>{@code
 * Scenario nov2019 = Presets.actionDay2019(20_000, true);
 * EnsembleSummary s = Ensemble.of(nov2019).replicates(200).seed(2019).threads(2).run();     // 200 replicates, 2 threads
 * double[] active = s.mean(Observed.ACTIVE_CHANNELS);
 * double[] low = s.quantile(Observed.ACTIVE_CHANNELS, 0.05);
 * org.channelrisk.io.EnsembleCsv.write(s, Path.of("nov2019.csv")); // time, <observable>_mean, _sd, _q05 ... _q95
 * }</pre>
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>A run is a pure function of (scenario, seed, replicate index): replicate i draws from
 *       {@link org.channelrisk.sim.Simulation#generator(long, long)}, so an ensemble is bit-identical on
 *       1, 2 or 8 threads, and a distributed engine can run any replicate in its map step;
 *   <li>{@link org.channelrisk.sim.EnsembleSummary#merge} is associative: partial ensembles combine;
 *   <li>checked against exact results: the closed form of the simplest action day and the mean-field ODE
 *       twin ({@link org.channelrisk.sim.MeanField}), and the steady state of the coalescence-fragmentation
 *       {@link org.channelrisk.sim.AggregateModel}.
 * </ul>
 *
 * <p>Simplifications, stated: audiences are updated (exactly, as binomial counts) on the observation
 * grid and at link changes, so visibility follows the audience in grid steps; spare accounts are not tied
 * to a platform; a re-created channel keeps its place in the link graph; organic growth (new channels
 * over time) is not modelled. Memory is linear in the ecosystem: about 100 bytes per channel and 12 per
 * link in the engine, plus the ecosystem itself.
 */
package org.channelrisk.sim;
