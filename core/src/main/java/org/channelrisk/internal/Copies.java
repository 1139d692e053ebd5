package org.channelrisk.internal;

/**
 * Defensive copies of primitive matrices, for the records that hold arrays and promise to be
 * immutable: they copy on construction and hand out copies, so that no caller can change a result
 * behind its owner's back. Internal: not a supported API.
 */
public final class Copies {
  private Copies() {}

  /**
   * Copies an array a value receives, naming it if it is missing. Copying before any other check is
   * the order of Bloch, <i>Effective Java</i>, item 50: a caller cannot change the array between the
   * check and the copy.
   *
   * @param name the component, for the message
   * @param a the array
   * @return a copy
   * @throws NullPointerException naming the component if a is null
   */
  public static double[] of(String name, double[] a) {
    return Checks.notNull(name, a).clone();
  }

  /**
   * A deep copy of a matrix a value receives, naming it, or the row, if missing.
   *
   * @param name the component, for the message
   * @param m the matrix (rows may differ in length)
   * @return a copy whose rows are copies
   * @throws NullPointerException naming the component, or "name row i", if null
   */
  public static double[][] deep(String name, double[][] m) {
    double[][] out = new double[Checks.notNull(name, m).length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = Checks.notNull(name + " row " + i, m[i]).clone();
    }
    return out;
  }

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
