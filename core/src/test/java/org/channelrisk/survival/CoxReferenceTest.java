package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.survival.ReferenceData.close;

import java.util.Arrays;
import java.util.List;
import org.channelrisk.io.CsvTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** R survival's coxph (Efron and Breslow), to 1e-6 relative as R's own stopping rule allows. */
class CoxReferenceTest {
  static final double TOL = 1e-6;

  static List<String> datasets() {
    return ReferenceData.DATASETS;
  }

  @ParameterizedTest
  @MethodSource("datasets")
  void coefficientsErrorsAndTests(String ds) {
    CsvTable data = ReferenceData.table(ds, "data.csv");
    SurvivalData sd = SurvivalData.of(data.doubles("time"), data.statuses("status"));
    CsvTable t = ReferenceData.table(ds, "cox.csv");
    for (CoxRegression.Ties ties : CoxRegression.Ties.values()) {
      String tieName = ties.name().toLowerCase(java.util.Locale.ROOT);
      List<Integer> rows = ReferenceData.rows(t, r -> t.cell(r, "ties").equals(tieName));
      List<String> names = Arrays.asList(t.cell(rows.get(0), "covariates").split("\\+"));
      double[][] x = new double[sd.size()][names.size()];
      for (int j = 0; j < names.size(); j++) {
        double[] col = data.doubles(names.get(j).strip());
        for (int i = 0; i < x.length; i++) {
          x[i][j] = col[i];
        }
      }
      CoxRegression.Fit fit = CoxRegression.defaults().withTies(ties).fit(sd, x, names);
      assertThat(fit.converged()).as("%s %s converged", ds, ties).isTrue();
      for (int r : rows) {
        int j = names.indexOf(t.cell(r, "term"));
        String at = ds + "/cox.csv line " + t.line(r) + " " + tieName + " " + t.cell(r, "term");
        close(at + " coef", t.cell(r, "coef"), fit.coefficients()[j], TOL);
        close(at + " se", t.cell(r, "se"), fit.stdErrors()[j], TOL);
        close(at + " z", t.cell(r, "z"), fit.z(j), TOL);
        close(at + " p", t.cell(r, "p"), fit.pValue(j), TOL);
        close(at + " loglik.null", t.cell(r, "loglik.null"), fit.logLikNull(), 1e-12);
        close(at + " loglik", t.cell(r, "loglik"), fit.logLik(), 1e-9);
        close(at + " lr", t.cell(r, "lr.test"), fit.likelihoodRatioTest(), TOL);
        close(at + " wald", t.cell(r, "wald.test"), fit.waldTest(), TOL);
        close(at + " score", t.cell(r, "score.test"), fit.scoreTest(), 1e-9);
        close(at + " n", t.cell(r, "n"), fit.n(), 0);
        close(at + " nevent", t.cell(r, "nevent"), fit.events(), 0);
        close(at + " iter", t.cell(r, "iter"), fit.iterations(), 0);
      }
    }
  }
}
