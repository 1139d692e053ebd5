package org.channelrisk.internal;

/**
 * Defensive copies of primitive matrices, for the records that hold arrays and promise to be
 * immutable: they copy on construction and hand out copies, so that no caller can change a result
 * behind its owner's back. Internal: not a supported API.
 */
public final class Copies {
  private Copies() {}

  /**
   * @param m a matrix (rows may differ in length); not null
   * @return a copy whose rows are copies
   */
  public static double[][] deep(double[][] m) {
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }
}
