package org.channelrisk.sim;

/** Argument checks shared by the scenario's parts; each message names the field and the value. */
final class Checks {
  private Checks() {}

  static double nonNegative(String field, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(field + " must be finite and >= 0: " + v);
    }
    return v;
  }

  static double positive(String field, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(field + " must be finite and > 0: " + v);
    }
    return v;
  }

  static double probability(String field, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(field + " must be in [0, 1]: " + v);
    }
    return v;
  }
}
