/**
 * Survival analysis of channel lifetimes and referral latencies, exact to R's {@code survival}
 * package: durations that are right-censored (a channel still alive, a referral still pending when
 * observation ends) and sometimes left-truncated (a channel found after it was created).
 *
 * <ul>
 *   <li>{@link org.channelrisk.survival.KaplanMeier}: Kaplan-Meier curves with Greenwood standard
 *       errors, "log" / "log-log" / "plain" limits, medians and quantiles with limits, restricted
 *       means with their standard errors, and the Nelson-Aalen hazard, as {@code survfit};
 *   <li>{@link org.channelrisk.survival.LogRankTest}: the G-rho family (log-rank, Peto-Peto), k groups,
 *       stratified, as {@code survdiff};
 *   <li>{@link org.channelrisk.survival.CoxRegression}: proportional hazards with Efron or Breslow
 *       ties, as {@code coxph};
 *   <li>{@link org.channelrisk.survival.ParametricSurvival}: exponential, Weibull and log-normal fits
 *       by maximum likelihood, as {@code survreg}, and with entry times by the likelihood conditional
 *       on survival to entry (which survreg does not offer).
 * </ul>
 *
 * <h2>Competing risks: why channels end</h2>
 *
 * <p>When a lifetime can end in several ways (removed after a referral, removed proactively,
 * abandoned, moved), {@link org.channelrisk.survival.CompetingRisksData} holds each end's cause and
 * the estimators answer what happened in a world where the causes compete:
 *
 * <ul>
 *   <li>{@link org.channelrisk.survival.AalenJohansen}: the cumulative incidence of each cause with
 *       infinitesimal-jackknife standard errors and Kaplan-Meier's limit transforms, groups and left
 *       truncation, as R's multi-state {@code survfit};
 *   <li>{@link org.channelrisk.survival.GrayTest}: do groups differ in a cause's cumulative incidence,
 *       as {@code cmprsk::cuminc};
 *   <li>{@link org.channelrisk.survival.FineGray}: covariates on a cause's cumulative incidence
 *       (subdistribution hazards), as {@code cmprsk::crr};
 *   <li>the cause-specific Cox model: {@link org.channelrisk.survival.CoxRegression} on
 *       {@link org.channelrisk.survival.CompetingRisksData#forCause(String)}.
 * </ul>
 *
 * <pre>{@code
 * CompetingRisksData d = CompetingRisksData.of(time, status, Set.of("censored")).withGroups(platform);
 * CumulativeIncidenceFit cif = AalenJohansen.estimate(d);
 * GrayTest.defaults().test(d).cause("referral").pValue();
 * FineGray.defaults().fit(d, "referral", x, List.of("audience")).subdistributionHazardRatio(0);
 * }</pre>
 *
 * <p>They agree with R survival 3.5-3 and cmprsk 2.2-11 on five data sets (mgus2, simulated channel
 * lifetimes with and without entry times, tied discrete times, a small hand-made set): cumulative
 * incidences exactly, standard errors and limits to 1e-12, Gray's statistics to 1e-15, Fine-Gray
 * coefficients and standard errors to 1e-12. Aalen-Johansen costs O(n k) after a radix sort (R's
 * standard errors cost O(n x times)); Fine-Gray O(n p^2) per Newton step (crr's Fortran O(n^2)).
 *
 * <h2>A worked example</h2>
 *
 * <pre>{@code
 * List<Lifetime> rows = LifetimeCsv.read(Path.of("channel-lifetimes.csv"));
 * SurvivalData data = SurvivalData.of(rows);                  // groups from the 'group' column
 * KaplanMeierFit km = KaplanMeier.estimate(data);             // log transform, 95%
 * km.group("2019").median();                                  // median lifetime with its 95% limits
 * LogRankTest.test(data).pValue();                            // do the periods differ?
 * ParametricSurvival.best(data.group("2019")).toLatency();    // for a simulation scenario
 * }</pre>
 *
 * <h2>Agreement with R</h2>
 *
 * <p>The tests compare every number of R survival 3.5-3's tables on the lung, veteran, ovarian, aml and
 * kidney data: Kaplan-Meier, Nelson-Aalen, medians, quantiles and restricted means agree to 1e-14
 * relative, log-rank statistics to 1e-9, Cox coefficients and standard errors to 1e-6 (R stops its
 * iterations at a 1e-9 change of the log-likelihood) with the same iteration counts, and survreg fits
 * to 1e-7. Times are exact doubles: R's {@code Surv} merges times that differ by about 1.5e-8
 * relative ({@code timefix}), which {@link org.channelrisk.survival.SurvivalData#withTimeFix()}
 * reproduces on request; {@code SurvivalData.toString()} says which was used.
 *
 * <p>Cost: Kaplan-Meier sorts event and censoring times as primitive arrays with a radix sort (linear
 * in n) and then makes one pass, O(n); log-rank O(n + m k^2) for m distinct times and k groups; Cox
 * O(n p^2) per Newton step after an O(n log n) sort. All types are immutable and
 * thread-safe.
 */
package org.channelrisk.survival;
