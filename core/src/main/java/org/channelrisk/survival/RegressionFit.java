package org.channelrisk.survival;

import java.util.List;

/**
 * A fitted hazards regression, Cox's ({@link CoxRegression.Fit}) or Fine and Gray's ({@link
 * FineGray.Fit}): its coefficient table, read here a column or a row at a time.
 */
public sealed interface RegressionFit permits CoxRegression.Fit, FineGray.Fit {
  /** @return the coefficient table */
  Coefficients table();

  /** @return covariate names */
  default List<String> names() {
    return table().names();
  }

  /** @return a copy of the coefficients */
  default double[] coefficients() {
    return table().coefficients();
  }

  /** @return a copy of the standard errors */
  default double[] stdErrors() {
    return table().stdErrors();
  }

  /** @param i covariate @return coefficient / standard error */
  default double z(int i) {
    return table().z(i);
  }

  /** @param i covariate @return two-sided normal p-value of z */
  default double pValue(int i) {
    return table().pValue(i);
  }
}
