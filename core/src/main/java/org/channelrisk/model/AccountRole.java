package org.channelrisk.model;

/**
 * The role of an account. Operators run channels and re-create them after removal; supporters follow.
 *
 * <pre>{@code
 * new Account("a1", "telegram", AccountRole.OPERATOR, 3);
 * }</pre>
 */
public enum AccountRole {
  /** Runs (administers) one or more channels. */
  OPERATOR,
  /** A member of an audience. */
  SUPPORTER
}
