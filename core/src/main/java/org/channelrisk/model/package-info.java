/**
 * The domain model: platforms and how they cooperate with content referrals, the channels and
 * accounts of a network, the links through which audiences find channels, and referrals.
 *
 * <p>Everything here is an immutable value, validated when it is built: a bad value is refused with
 * a message that names the field and the value ({@code "audience of channel c7 must be >= 0: -3"}).
 * Times are in days on the scenario's clock; durations are {@link
 * org.channelrisk.model.LatencyDistribution}s in days (factories take hours where that reads better).
 *
 * <h2>A worked example</h2>
 *
 * <p>The November 2019 action day targeted Telegram, which by then acted on most referrals. A
 * scenario starts from an ecosystem of channels and a platform whose cooperation changed over time:
 *
 * <pre>{@code
 * CooperationSchedule telegram = CooperationSchedule.startingWith(Cooperation.none())   // 2017
 *     .from(700, Cooperation.of(0.9, LatencyDistribution.exponentialHours(6)))          // 2019
 *     .build();
 * Platform tg = new Platform("telegram", "Telegram", 400_000_000L, SecurityRating.SAFE, telegram);
 * Ecosystem eco = EcosystemGenerator.builder()
 *     .platform(tg, 1.0).channels(5_000).meanOutDegree(4).seed(2019)
 *     .build().generate();
 * System.out.println(eco);
 * // Ecosystem[1 platforms, 1667 accounts, 5000 channels {telegram=5000}, 19958 links, audience ...]
 * }</pre>
 *
 * <p>{@link org.channelrisk.model.Ecosystem} checks referential integrity (every channel on a known
 * platform, every operator an account, every link between known channels) and exposes the link graph
 * as a Guava {@code ImmutableGraph}. All types are immutable and thread-safe.
 */
package org.channelrisk.model;
