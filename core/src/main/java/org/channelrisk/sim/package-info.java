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
 * 1 - retention, looks for it with hazard r0 + r1 * (active channels linking to it). Operators may end
 * channels themselves: abandon them (hazard {@code abandonmentRate}) or move them to another platform
 * ({@code moveRate}); both default to 0. Every end has a cause ({@link org.channelrisk.sim.EndCause}:
 * referral, proactive, abandoned, migrated), in the event log and in each incarnation's
 * {@link org.channelrisk.sim.ChannelLifetime} ({@link org.channelrisk.sim.Simulation#lifetimes}).
 * Every active channel posts as a Poisson process at its role's rate (the {@code posts} observable,
 * per day, drawn from a stream of its own so that posting changes no other number of a run).
 *
 * <p>The model is exact in continuous time and does not depend on the observation grid, which only
 * records: audiences are drawn exactly (binomial counts of independent finders) whenever something
 * needs them, and the visibility-dependent hazards are thinned against the visibility of the whole
 * former audience. Every preset uses this model (the engine before it refreshed audiences on the grid,
 * so visibility followed them in grid steps; ensembles of the two agree where that grid was fine).
 *
 * <h2>A worked example</h2>
 *
 * <pre>{@code
 * Scenario nov2019 = Presets.actionDay2019(20_000, true);
 * EnsembleSummary s = Ensemble.of(nov2019).replicates(200).seed(2019).threads(2).run();     // 200 replicates, 2 threads
 * double[] active = s.mean(Observed.ACTIVE_CHANNELS);
 * double[] low = s.quantile(Observed.ACTIVE_CHANNELS, 0.05);
 * org.channelrisk.io.EnsembleCsv.write(Path.of("nov2019.csv"), s); // time, <observable>_mean, _sd, _q05 ... _q95
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
 * <p>Simplifications, stated: spare accounts are not tied to a platform; a re-created channel keeps its
 * place in the link graph; organic growth (new channels over time) is not modelled; posting rates are
 * constant in time. Memory is linear in the ecosystem: about 85 bytes per channel and 8 per link in
 * the engine (64 in one per-channel record on a cache line of its own: the channel's state with its
 * removal clock, and its audience with its calendar entry; the rest mostly an action day's sorted
 * referrals), plus the ecosystem
 * itself. A channel's audience is at most {@link org.channelrisk.sim.Scenario#MAX_AUDIENCE}.
 */
package org.channelrisk.sim;
