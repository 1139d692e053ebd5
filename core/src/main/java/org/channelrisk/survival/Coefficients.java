package org.channelrisk.survival;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.channelrisk.internal.Checks;

/**
 * The coefficient table of a fitted hazards regression ({@link CoxRegression.Fit}, {@link
 * FineGray.Fit}): one row a covariate, with its name, its coefficient beta and the standard error of
 * beta, and the Wald statistics of each row. An immutable value (arrays are copied in and out),
 * compared by content.
 *
 * @param names covariate names
 * @param coefficients beta, one a covariate
 * @param stdErrors the standard errors of beta
 */
public record Coefficients(List<String> names, double[] coefficients, double[] stdErrors) {
  /** Copies and checks that there is one coefficient and one standard error a name. */
  public Coefficients {
    names = List.copyOf(Names.check("names", names));
    coefficients = Checks.notNull("coefficients", coefficients).clone();
    stdErrors = Checks.notNull("stdErrors", stdErrors).clone();
    checkArgument(coefficients.length == names.size() && stdErrors.length == names.size(),
        "%s names, %s coefficients, %s standard errors", names.size(), coefficients.length, stdErrors.length);
  }

  /** @return a copy of the coefficients */
  @Override
  public double[] coefficients() {
    return coefficients.clone();
  }

  /** @return a copy of the standard errors */
  @Override
  public double[] stdErrors() {
    return stdErrors.clone();
  }

  /** @return how many covariates */
  public int size() {
    return names.size();
  }

  /**
   * @param i covariate
   * @return beta
   * @throws IndexOutOfBoundsException naming the covariates, if i is not in [0, size())
   */
  public double coefficient(int i) {
    return coefficients[Indexes.check("covariate", i, names)];
  }

  /**
   * @param i covariate
   * @return the standard error of beta
   * @throws IndexOutOfBoundsException naming the covariates, if i is not in [0, size())
   */
  public double stdError(int i) {
    return stdErrors[Indexes.check("covariate", i, names)];
  }

  /**
   * @param i covariate
   * @return beta / se
   * @throws IndexOutOfBoundsException naming the covariates, if i is not in [0, size())
   */
  public double z(int i) {
    return coefficient(i) / stdErrors[i];
  }

  /** @param i covariate @return two-sided normal p-value of z */
  public double pValue(int i) {
    return Wald.pValue(z(i));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Coefficients c && names.equals(c.names) && Arrays.equals(coefficients, c.coefficients)
        && Arrays.equals(stdErrors, c.stdErrors);
  }

  @Override
  public int hashCode() {
    return Objects.hash(names, Arrays.hashCode(coefficients), Arrays.hashCode(stdErrors));
  }

  /** @return the table as the fits print it: a header, then name, coef, se, z, p, exp(coef) a line */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-14s %10s %10s %8s %10s %10s%n", "", "coef", "se", "z", "p", "exp(coef)"));
    for (int i = 0; i < names.size(); i++) {
      double hr = Math.exp(coefficients[i]);
      // a covariate in tiny units has a per-unit ratio beyond the doubles: say so rather than "Infinity"
      String ratio = Double.isFinite(hr) ? String.format(Locale.ROOT, "%10.5g", hr)
          : String.format(Locale.ROOT, "%10s", Double.isNaN(hr) ? "NA" : hr > 0 ? ">1.8e308" : "NA");
      sb.append(String.format(Locale.ROOT, "  %-14s %10.5g %10.5g %8.4g %10s %s%n", names.get(i), coefficients[i], stdErrors[i],
          z(i), org.channelrisk.internal.PValues.cell(pValue(i)), ratio));
    }
    return sb.toString();
  }
}
