package org.channelrisk.model;

import org.channelrisk.internal.Checks;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A referral of content (a channel or an item) to a platform, and what the platform did with it.
 * Times are in days on the scenario's clock (the CSV reader converts ISO-8601 instants).
 *
 * <pre>{@code
 * Referral r = Referral.decided("r1", "c17", "telegram", 10.0, ReferralOutcome.REMOVED, 10.2);
 * Referral p = Referral.pending("r2", "c18", "telegram", 11.0);
 * r.latency();   // OptionalDouble[0.2]
 * }</pre>
 *
 * @param id unique identifier
 * @param target the referred channel or item
 * @param platformId the platform it was sent to
 * @param sentAt when it was sent, in days
 * @param outcome removed, declined, or pending
 * @param decidedAt when the platform decided; empty exactly when pending
 */
public record Referral(
    String id, String target, String platformId, double sentAt, ReferralOutcome outcome, OptionalDouble decidedAt) {

  /** Validates every field and that a decision comes at or after sending. */
  public Referral {
    Checks.Of referral = Checks.of("referral", id);
    referral.id("target", target);
    referral.id("platformId", platformId);
    referral.finite("sentAt", sentAt);
    checkDecision(referral, sentAt, outcome, decidedAt);
  }

  /** The outcome and its time agree: a time exactly when decided, never before sending. */
  private static void checkDecision(Checks.Of referral, double sentAt, ReferralOutcome outcome, OptionalDouble decidedAt) {
    referral.notNull("outcome", outcome);
    referral.notNull("decidedAt", decidedAt);
    if (outcome == ReferralOutcome.PENDING && decidedAt.isPresent()) {
      throw new IllegalArgumentException(
          "decidedAt of " + referral.owner() + " must be empty while the outcome is PENDING: " + decidedAt.getAsDouble());
    }
    if (outcome != ReferralOutcome.PENDING && decidedAt.isEmpty()) {
      throw new IllegalArgumentException("decidedAt of " + referral.owner() + " is required for outcome " + outcome);
    }
    if (decidedAt.isPresent()) {
      double d = referral.finite("decidedAt", decidedAt.getAsDouble());
      if (d < sentAt) {
        throw new IllegalArgumentException("decidedAt of " + referral.owner() + " must not be before sentAt " + sentAt + ": " + d);
      }
    }
  }

  /**
   * A decided referral.
   *
   * @param id identifier
   * @param target channel or item
   * @param platformId platform
   * @param sentAt sending day
   * @param outcome {@link ReferralOutcome#REMOVED} or {@link ReferralOutcome#DECLINED}
   * @param decidedAt decision day, &gt;= sentAt
   * @return the referral
   */
  public static Referral decided(
      String id, String target, String platformId, double sentAt, ReferralOutcome outcome, double decidedAt) {
    return new Referral(id, target, platformId, sentAt, outcome, OptionalDouble.of(decidedAt));
  }

  /**
   * A referral without a decision yet.
   *
   * @param id identifier
   * @param target channel or item
   * @param platformId platform
   * @param sentAt sending day
   * @return the referral
   */
  public static Referral pending(String id, String target, String platformId, double sentAt) {
    return new Referral(id, target, platformId, sentAt, ReferralOutcome.PENDING, OptionalDouble.empty());
  }

  /**
   * The time from sending to decision.
   *
   * @return decidedAt - sentAt, empty while pending
   */
  public OptionalDouble latency() {
    return decidedAt.isPresent() ? OptionalDouble.of(decidedAt.getAsDouble() - sentAt) : OptionalDouble.empty();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Referral[%s: %s on %s, sent day %s, %s%s]",
        id, target, platformId, sentAt, outcome,
        decidedAt.isPresent() ? " day " + decidedAt.getAsDouble() : "");
  }
}
