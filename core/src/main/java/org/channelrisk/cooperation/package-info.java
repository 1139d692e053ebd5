/**
 * Platform cooperation estimated from referral logs: how often a platform acts on a referral, and how
 * fast, per platform and period, so that observed behaviour flows straight into simulation.
 *
 * <h2>A worked example</h2>
 *
 * <pre>{@code
 * List<Referral> log = ReferralLogCsv.read(Path.of("referrals.csv"), Instant.parse("2019-01-01T00:00:00Z"));
 * CooperationEstimate est = CooperationEstimator.builder()
 *     .until(365)              // end of observation: pending referrals are censored here
 *     .periodStarts(324)       // a policy change on 21 November
 *     .build()
 *     .estimate(log);
 * PlatformCooperation tg = est.get("telegram", "from 324");
 * tg.compliance();             // share removed, with its Wilson interval and counts
 * tg.latency().median();       // Kaplan-Meier median removal latency, in days
 * Cooperation profile = tg.toCooperation();   // compliance + best latency family by AIC
 * }</pre>
 *
 * <p>Compliance is the share of decided referrals that led to removal, with a Wilson score interval;
 * latency is the time to removal, with pending referrals right-censored and declined ones left out;
 * latencies of platforms are compared by a log-rank test in each period.
 */
package org.channelrisk.cooperation;
