package org.channelrisk.observe;

import com.google.common.base.Preconditions;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One incarnation of a channel as a monitoring log saw it: from the first check that found it alive
 * to its end. The end is known only to lie between the last {@code alive} check ({@link #endLower})
 * and the first check that found it removed or private ({@link #endUpper}); {@link #end} is the
 * midpoint of the two (mid-point imputation, Law and Brookmeyer 1992), or the last alive check when
 * the incarnation is censored, in which case there is no upper bound.
 *
 * <pre>{@code
 * Incarnation i = new Incarnation("c1", 1, 0.0, 3.5, 3.0, OptionalDouble.of(4.0), Ending.REMOVED);
 * i.duration();   // 3.5, in the log's time unit
 * }</pre>
 *
 * <p>Reference: Law, C. G. and Brookmeyer, R. (1992), Effects of mid-point imputation on the analysis
 * of doubly censored data, Statistics in Medicine 11(12), 1569-1578.
 *
 * @param channel the channel's name as in the log
 * @param number 1 for the first incarnation seen of this channel, 2 for the next, ...
 * @param start the first check that found this incarnation alive
 * @param end the imputed end: the midpoint of {@code endLower} and {@code endUpper}, or {@code endLower}
 *     when censored
 * @param endLower the last check that found it alive
 * @param endUpper the first check that found it removed or private; empty when censored
 * @param ending removed, private or censored
 */
public record Incarnation(
    String channel, int number, double start, double end, double endLower, OptionalDouble endUpper, Ending ending) {
  /** Validates the row: times ordered, an upper bound exactly when the end was observed. */
  public Incarnation {
    Preconditions.checkNotNull(channel, "channel");
    Preconditions.checkNotNull(endUpper, "endUpper");
    Preconditions.checkNotNull(ending, "ending");
    Preconditions.checkArgument(number >= 1, "number must be >= 1: %s", number);
    Preconditions.checkArgument(Double.isFinite(start) && Double.isFinite(end) && Double.isFinite(endLower),
        "times must be finite: start %s, end %s, endLower %s", start, end, endLower);
    Preconditions.checkArgument(start <= endLower && endLower <= end, "expected start <= endLower <= end: %s, %s, %s",
        start, endLower, end);
    Preconditions.checkArgument(Double.isFinite(end - start), "the incarnation from %s to %s lasts longer than a double can hold", start, end);
    Preconditions.checkArgument(endUpper.isPresent() == ending.isEvent(),
        "an upper bound exactly when the end was observed: %s with %s", ending, endUpper);
    Preconditions.checkArgument(endUpper.isEmpty() || endUpper.getAsDouble() >= end,
        "endUpper must be >= end: %s < %s", endUpper, end);
  }

  /** @return end − start, in the log's time unit */
  public double duration() {
    return end - start;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Incarnation[%s #%d, %s to %s, %s]", channel, number, start, end, ending.label());
  }
}
