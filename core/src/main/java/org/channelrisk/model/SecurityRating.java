package org.channelrisk.model;

/**
 * How safe supporters judge a platform to be: the four classes of the 33-app "safety" ranking that
 * circulated among supporters to choose where to go (see the seed reports). Operators who migrate
 * prefer safer classes; the simulator's migration utility reads {@link #score()}.
 *
 * <pre>{@code
 * SecurityRating r = SecurityRating.SAFEST;
 * r.score();   // 3
 * }</pre>
 */
public enum SecurityRating {
  /** Listed as unsafe: cooperates with authorities, weak encryption. */
  UNSAFE,
  /** Moderately safe. */
  MODERATELY_SAFE,
  /** Safe. */
  SAFE,
  /** The safest class (end-to-end encrypted, self-destructing messages). */
  SAFEST;

  /**
   * An ordinal score, 0 for {@link #UNSAFE} to 3 for {@link #SAFEST}, for utilities and regressions.
   *
   * @return the score
   */
  public int score() {
    return ordinal();
  }
}
