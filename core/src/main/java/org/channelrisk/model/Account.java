package org.channelrisk.model;

import org.channelrisk.internal.Checks;
/**
 * An account on a platform. An operator's spare accounts are what lets it re-create a channel after a
 * ban; an account-level ban takes a share of them too.
 *
 * <pre>{@code
 * Account op = new Account("op-17", "telegram", AccountRole.OPERATOR, 3);
 * }</pre>
 *
 * @param id unique identifier
 * @param platformId the platform the account is on
 * @param role operator or supporter
 * @param spareAccounts number of backup accounts held in reserve, &gt;= 0
 */
public record Account(String id, String platformId, AccountRole role, int spareAccounts) {
  /** Validates every field. */
  public Account {
    Checks.Of account = Checks.of("account", id);
    account.id("platformId", platformId);
    Checks.notNull("role", role);
    account.nonNegative("spareAccounts", spareAccounts);
  }
}
