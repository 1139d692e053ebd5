package org.channelrisk.recovery;

/**
 * How the points of a series are weighted in a recovery fit.
 *
 * <ul>
 *   <li>{@link #NONE}: ordinary least squares, as R's {@code nls} (the default without standard
 *       deviations);
 *   <li>{@link #POISSON}: counts, weight 1 / max(y, 1) (variance equal to the mean, estimated by the
 *       observed count; a count of 0 is treated as 1); counts must be &gt;= 0;
 *   <li>{@link #STANDARD_DEVIATION}: given per-point standard deviations (an ensemble mean and its
 *       standard error), weight 1 / sd^2; a zero sd is replaced by the smallest positive one (the
 *       default when standard deviations are given).
 * </ul>
 *
 * <p>Standard deviations given with {@link #NONE} or {@link #POISSON} chosen explicitly are refused:
 * one of the two would have to be ignored.
 */
public enum Weighting {
  /** Unweighted. */
  NONE,
  /** Poisson counts. */
  POISSON,
  /** Known standard deviations. */
  STANDARD_DEVIATION
}
