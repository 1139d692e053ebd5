package org.channelrisk.sim;

/**
 * What a removal takes down. The November 2019 action day differed from earlier ones by banning the
 * users and administrators, not only the channels; the network did not come back.
 */
public enum BanLevel {
  /** Only the channel goes; its operator's account survives and can re-create it. */
  CHANNEL,
  /**
   * The operator's account is banned too, and each of its spare accounts is found with the action's
   * spare-ban share; re-creating then needs a spare account.
   */
  ACCOUNT
}
