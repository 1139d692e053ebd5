package org.channelrisk.survival;

import static org.channelrisk.survival.ReferenceData.close;

import java.util.List;
import org.channelrisk.stats.Estimate;
import org.channelrisk.io.CsvTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every number of R survival's survfit tables (survival 3.5-3), to 1e-9 relative. */
class KaplanMeierReferenceTest {
  static final double TOL = 1e-9;

  static List<String> datasets() {
    return ReferenceData.DATASETS;
  }

  static SurvivalCurve curve(KaplanMeierFit fit, String strata) {
    return strata.equals("ALL") ? fit.pooled() : fit.group(strata);
  }

  @ParameterizedTest
  @MethodSource("datasets")
  void kaplanMeierTables(String ds) {
    SurvivalData data = ReferenceData.data(ds);
    for (ConfidenceType ct : ConfidenceType.values()) {
      String file = "km_" + ct.rName().replace("-", "") + ".csv";
      CsvTable t = ReferenceData.table(ds, file);
      KaplanMeierFit fit = KaplanMeier.withConfidence(ct, 0.95).fit(data);
      String current = null;
      int i = 0;
      int rowsSeen = 0;
      for (int r = 0; r < t.size(); r++) {
        String strata = t.cell(r, "strata");
        if (!strata.equals(current)) {
          if (current != null) {
            org.assertj.core.api.Assertions.assertThat(i).as("rows of %s %s", file, current).isEqualTo(curve(fit, current).size());
          }
          current = strata;
          i = 0;
        }
        SurvivalCurve c = curve(fit, strata);
        String at = ds + "/" + file + " line " + t.line(r);
        ReferenceData.closeCurveRow(at, t, r, c, i, TOL);
        close(at + " se.surv", t.cell(r, "se.surv"), c.survivalStdError(i), TOL);
        i++;
        rowsSeen++;
      }
      org.assertj.core.api.Assertions.assertThat(i).isEqualTo(curve(fit, current).size());
      org.assertj.core.api.Assertions.assertThat(rowsSeen).isPositive();
    }
  }

  @ParameterizedTest
  @MethodSource("datasets")
  void nelsonAalen(String ds) {
    CsvTable t = ReferenceData.table(ds, "nelson_aalen.csv");
    KaplanMeierFit fit = KaplanMeier.estimate(ReferenceData.data(ds));
    String current = null;
    int i = 0;
    for (int r = 0; r < t.size(); r++) {
      String strata = t.cell(r, "strata");
      if (!strata.equals(current)) {
        current = strata;
        i = 0;
      }
      SurvivalCurve c = curve(fit, strata);
      String at = ds + "/nelson_aalen.csv line " + t.line(r);
      close(at + " time", t.cell(r, "time"), c.time(i), 0);
      close(at + " cumhaz", t.cell(r, "cumhaz"), c.cumHaz(i), TOL);
      close(at + " std.chaz", t.cell(r, "std.chaz"), c.stdCumHaz(i), TOL);
      i++;
    }
  }

  @ParameterizedTest
  @MethodSource("datasets")
  void mediansAndRestrictedMeans(String ds) {
    CsvTable t = ReferenceData.table(ds, "median_rmean.csv");
    SurvivalData data = ReferenceData.data(ds);
    for (int r = 0; r < t.size(); r++) {
      ConfidenceType ct = ConfidenceType.parse(t.cell(r, "conf.type"));
      KaplanMeierFit fit = KaplanMeier.withConfidence(ct, 0.95).fit(data);
      SurvivalCurve c = curve(fit, t.cell(r, "strata"));
      String at = ds + "/median_rmean.csv line " + t.line(r);
      close(at + " n", t.cell(r, "n"), c.records(), 0);
      close(at + " events", t.cell(r, "events"), c.events(), 0);
      Estimate m = c.median();
      close(at + " median", t.cell(r, "median"), m.value(), TOL);
      close(at + " median.lower", t.cell(r, "median.lower"), m.lower(), TOL);
      close(at + " median.upper", t.cell(r, "median.upper"), m.upper(), TOL);
      double end = t.cell(r, "rmean.type").equals("common") ? fit.commonEndTime() : ReferenceData.TAU.get(ds);
      close(at + " rmean.endtime", t.cell(r, "rmean.endtime"), end, 0);
      RestrictedMean rm = c.restrictedMean(end);
      close(at + " rmean", t.cell(r, "rmean"), rm.value(), TOL);
      close(at + " se.rmean", t.cell(r, "se.rmean"), rm.stdError(), TOL);
    }
  }

  @ParameterizedTest
  @MethodSource("datasets")
  void quantiles(String ds) {
    CsvTable t = ReferenceData.table(ds, "quantiles.csv");
    SurvivalData data = ReferenceData.data(ds);
    for (int r = 0; r < t.size(); r++) {
      ConfidenceType ct = ConfidenceType.parse(t.cell(r, "conf.type"));
      SurvivalCurve c = curve(KaplanMeier.withConfidence(ct, 0.95).fit(data), t.cell(r, "strata"));
      Estimate q = c.quantile(Double.parseDouble(t.cell(r, "prob")));
      String at = ds + "/quantiles.csv line " + t.line(r);
      close(at + " quantile", t.cell(r, "quantile"), q.value(), TOL);
      close(at + " lower", t.cell(r, "lower"), q.lower(), TOL);
      close(at + " upper", t.cell(r, "upper"), q.upper(), TOL);
    }
  }

  @AfterAll
  static void report() {
    System.out.printf("R survival reference (KM, Nelson-Aalen, medians, quantiles, RMST): largest relative error %.3g%n",
        ReferenceData.worst);
  }
}
