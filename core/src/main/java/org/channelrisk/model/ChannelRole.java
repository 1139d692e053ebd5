package org.channelrisk.model;

/**
 * What a channel does in a network. Targeting strategies such as "official first" or "including
 * backups" select by role.
 *
 * <pre>{@code
 * Channel.builder("c1", "telegram").role(ChannelRole.BACKUP).build();
 * }</pre>
 */
public enum ChannelRole {
  /** An official outlet (a news agency's channel): the source of content. */
  OFFICIAL_OUTLET,
  /** A distributor that forwards content to its own audience. */
  DISTRIBUTOR,
  /** An archive of past content, kept to survive removals. */
  ARCHIVE,
  /** A backup channel, kept quiet and announced when the main channel is removed. */
  BACKUP
}
