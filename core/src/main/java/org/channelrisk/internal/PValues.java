package org.channelrisk.internal;

import java.util.Locale;

/**
 * How the printed forms of the tests write a p-value: four significant digits, and below the
 * machine epsilon the bound "&lt; 2.2e-16" that R's {@code print.htest} prints (R survival's
 * {@code format.pval} gives "&lt;2e-16"), rather than "0.000" for a chi-square of 20,000 whose p
 * underflows. The value itself stays available, unrounded,
 * from each result. Internal: not a supported API.
 *
 * <pre>{@code
 * PValues.phrase(3.631e-6);   // "p = 3.631e-06"
 * PValues.phrase(0.0);        // "p < 2.2e-16"
 * PValues.cell(1e-300);       // "<2.2e-16"
 * }</pre>
 */
public final class PValues {
  /** R's {@code .Machine$double.eps}: below it, a p-value is printed as a bound. */
  public static final double EPSILON = Math.ulp(1.0);

  private PValues() {}

  /**
   * @param p a p-value
   * @return "p = 0.07046", or "p &lt; 2.2e-16" below the machine epsilon, or "p not available" for NaN
   */
  public static String phrase(double p) {
    if (Double.isNaN(p)) {
      return "p not available";
    }
    return p < EPSILON ? "p < 2.2e-16" : String.format(Locale.ROOT, "p = %.4g", p);
  }

  /**
   * @param p a p-value
   * @return "0.07046", or "&lt;2.2e-16" below the machine epsilon, or "NA" for NaN: for a table column
   */
  public static String cell(double p) {
    if (Double.isNaN(p)) {
      return "NA";
    }
    return p < EPSILON ? "<2.2e-16" : String.format(Locale.ROOT, "%.4g", p);
  }
}
