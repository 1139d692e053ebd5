package org.channelrisk.observe;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * Activity of one chat (or of all chats) on one UTC date: the row of a daily posting series.
 *
 * <pre>{@code
 * DayCounts d = activity.days("1001").get(0);
 * d.date();        // 2019-11-21
 * d.organic();     // posts - forwarded
 * }</pre>
 *
 * @param epochDay days since 1970-01-01 (UTC)
 * @param posts messages posted (service messages not counted)
 * @param forwarded posts forwarded from elsewhere
 * @param outlinks links to hosts other than Telegram's (links, not messages)
 * @param tmeLinks links to t.me and other Telegram hosts
 * @param authors distinct authors of the posts
 * @param linksByClass out-links per host class, in the order of {@link DailyActivity#linkClasses()}
 */
public record DayCounts(long epochDay, long posts, long forwarded, long outlinks, long tmeLinks, long authors,
    long[] linksByClass) {
  /** Copies the array in. */
  public DayCounts {
    linksByClass = linksByClass.clone();
  }

  /** @return the UTC date */
  public LocalDate date() {
    return LocalDate.ofEpochDay(epochDay);
  }

  /** @return posts that were not forwarded */
  public long organic() {
    return posts - forwarded;
  }

  /** @return a copy of the out-links per host class */
  @Override
  public long[] linksByClass() {
    return linksByClass.clone();
  }

  /**
   * @param k a host class index
   * @return out-links to that class
   */
  public long links(int k) {
    return linksByClass[k];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DayCounts d && d.epochDay == epochDay && d.posts == posts && d.forwarded == forwarded
        && d.outlinks == outlinks && d.tmeLinks == tmeLinks && d.authors == authors
        && Arrays.equals(d.linksByClass, linksByClass);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(epochDay) * 31 + Long.hashCode(posts) + Arrays.hashCode(linksByClass);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "DayCounts[%s: %d posts (%d forwarded), %d out-links, %d t.me links, %d authors%s]",
        date(), posts, forwarded, outlinks, tmeLinks, authors,
        linksByClass.length == 0 ? "" : ", by class " + Arrays.toString(linksByClass));
  }
}
