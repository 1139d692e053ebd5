/**
 * From what researchers observe to what the library analyses: daily posting series of chats and the
 * lifetimes of channels seen by a monitoring log. These are the format-neutral halves of the
 * {@code channelrisk ingest} command (which reads Telegram Desktop exports and monitoring CSVs); a
 * program that reads another source (a crawler's database, another platform's export) feeds the same
 * classes with plain values.
 *
 * <h2>Posting series</h2>
 *
 * {@link org.channelrisk.observe.DailyActivity} counts, per chat and UTC date, posts, forwarded posts
 * (organic = posts − forwarded), out-links, Telegram links, out-links per host class, and distinct
 * authors. Every date from a chat's first to its last post gets a row ({@link
 * org.channelrisk.observe.DayCounts}), zeros included, and {@code allDays()} sums over chats with
 * authors distinct across chats: the series that {@code fit} and intervention models take.
 *
 * <h2>Lifetimes from a monitoring log</h2>
 *
 * {@link org.channelrisk.observe.StatusHistory} turns periodic checks (alive, removed, private,
 * unknown) into {@link org.channelrisk.observe.Incarnation}s: from the first alive check to the
 * midpoint between the last alive check and the first check that found the channel removed or
 * private, with that interval kept for interval-censored analyses; still alive at the last check is
 * censored. A channel alive again after an end starts a new incarnation.
 *
 * <pre>{@code
 * StatusHistory h = new StatusHistory();
 * h.check("c1", 0, ChannelStatus.ALIVE);
 * h.check("c1", 2, ChannelStatus.ALIVE);
 * h.check("c1", 3, ChannelStatus.REMOVED);
 * Incarnation i = h.incarnations().get(0);   // start 0, end 2.5 (in [2, 3]), removed
 * SurvivalData d = SurvivalData.of(new double[] {i.duration()}, new boolean[] {i.ending().isEvent()});
 * }</pre>
 *
 * <p>Both classes are accumulators: O(1) per message or check, memory independent of the number of
 * messages (see each class). Not thread-safe; results are immutable values.
 */
package org.channelrisk.observe;
