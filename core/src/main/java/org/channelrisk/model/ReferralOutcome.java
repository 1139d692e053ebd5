package org.channelrisk.model;

/**
 * What became of a referral. {@link #PENDING} referrals are right-censored when their latency is
 * estimated: the platform had not decided when observation ended.
 */
public enum ReferralOutcome {
  /** The platform removed the referred content. */
  REMOVED,
  /** The platform declined to act. */
  DECLINED,
  /** No decision yet. */
  PENDING
}
