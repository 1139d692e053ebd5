package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.channelrisk.io.CsvTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Aalen-Johansen cumulative incidence, Gray's test, Fine-Gray and the cause-specific Cox model against
 * R survival 3.5-3 and cmprsk 2.2-11 on the data sets of {@code reference/competing/} (made by
 * {@code make-competing.R} beside them).
 */
class CompetingRisksReferenceTest {
  static final String[] SETS = {"mgus2", "simlife", "simlife_calendar", "ties3", "small"};
  /** Largest relative error per quantity, printed after the tests for the record. */
  static final Map<String, Double> WORST = new TreeMap<>();

  static CsvTable table(String set, String file) {
    String path = "/reference/competing/" + set + "/" + file;
    InputStream in = CompetingRisksReferenceTest.class.getResourceAsStream(path);
    assertThat(in).as(path).isNotNull();
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return CsvTable.read(r, set + "/" + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CompetingRisksData data(String set, boolean withEntry) {
    CsvTable t = table(set, "data.csv");
    CompetingRisksData d = CompetingRisksData.of(t.doubles("time"), t.strings("status"), Set.of("censored"))
        .withGroups(t.strings("group"));
    return withEntry ? d.withEntry(t.doubles("entry")) : d;
  }

  static void close(String quantity, String what, String expected, double actual, double relTol) {
    double e = ReferenceData.value(expected);
    if (Double.isNaN(e)) {
      if (!Double.isNaN(actual)) {
        fail(quantity + " " + what + ": expected NA, got " + actual);
      }
      return;
    }
    double err = e == 0 ? Math.abs(actual) : Math.abs(actual - e) / Math.abs(e);
    WORST.merge(quantity, err, Math::max);
    if (!(err <= relTol)) {
      fail(quantity + " " + what + ": expected " + expected + ", got " + actual + " (relative error " + err + ")");
    }
  }

  static void compareCif(String set, String file, CumulativeIncidenceFit fit, boolean pooled) {
    CsvTable r = table(set, file);
    int rows = 0;
    Map<String, double[]> times = new java.util.HashMap<>();
    for (int i = 0; i < r.size(); i++) {
      CumulativeIncidence c = pooled ? fit.pooled() : fit.group(r.cell(i, "group"));
      double time = Double.parseDouble(r.cell(i, "time"));
      int row = Arrays.binarySearch(times.computeIfAbsent(c.label(), x -> c.times()), time);
      String what = set + "/" + file + " line " + r.line(i);
      if (row < 0) {
        fail("no row for time " + time + " at " + what);
      }
      int k = c.causeIndex(r.cell(i, "cause"));
      if (c.nRisk(row) != Integer.parseInt(r.cell(i, "n_risk")) || c.nEvent(k, row) != Integer.parseInt(r.cell(i, "n_event"))) {
        fail("counts at " + what + ": n_risk " + c.nRisk(row) + ", n_event " + c.nEvent(k, row));
      }
      close("cif", what, r.cell(i, "cif"), c.cif(k, row), 1e-12);
      close("std_err", what, r.cell(i, "std_err"), c.stdErr(k, row), 1e-9);
      close("lower", what, r.cell(i, "lower"), c.lower(k, row), 1e-9);
      close("upper", what, r.cell(i, "upper"), c.upper(k, row), 1e-9);
      rows++;
    }
    int expectedRows = 0;
    for (CumulativeIncidence c : pooled ? List.of(fit.pooled()) : fit.curves()) {
      expectedRows += c.size() * c.causes().size();
    }
    assertThat(rows).as("rows of " + file).isEqualTo(expectedRows);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mgus2", "simlife", "ties3", "small"})
  void cumulativeIncidenceMatchesSurvfit(String set) {
    CompetingRisksData d = data(set, false);
    compareCif(set, "cif_log.csv", AalenJohansen.estimate(d), false);
    compareCif(set, "cif_loglog.csv", AalenJohansen.withConfidence(ConfidenceType.LOG_LOG, 0.95).fit(d), false);
    compareCif(set, "cif_plain.csv", AalenJohansen.withConfidence(ConfidenceType.PLAIN, 0.95).fit(d), false);
    compareCif(set, "cif_pooled_log.csv", AalenJohansen.estimate(d), true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"simlife_calendar"})
  void leftTruncatedCumulativeIncidenceMatchesSurvfit(String set) {
    compareCif(set, "cif_entry_log.csv", AalenJohansen.estimate(data(set, true)), false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mgus2", "simlife", "simlife_calendar", "ties3", "small"})
  void grayTestMatchesCuminc(String set) {
    GrayTest.Result res = GrayTest.defaults().test(data(set, false));
    CsvTable r = table(set, "gray.csv");
    assertThat(res.tests()).hasSize(r.size());
    for (int i = 0; i < r.size(); i++) {
      GrayTest.CauseTest t = res.cause(r.cell(i, "cause"));
      String what = set + " " + t.cause();
      close("gray statistic", what, r.cell(i, "statistic"), t.statistic(), 1e-8);
      assertThat(t.df()).isEqualTo(Integer.parseInt(r.cell(i, "df")));
      double pv = Double.parseDouble(r.cell(i, "p_value"));
      assertThat(t.pValue()).as("p " + what).isCloseTo(pv, org.assertj.core.data.Offset.offset(1e-12 + 1e-8 * pv));
    }
  }

  @org.junit.jupiter.api.Test
  void stratifiedAndWeightedGrayTestsMatchCuminc() {
    CompetingRisksData d = data("ties3", false);
    String[] strata = table("ties3", "data.csv").strings("x2");
    for (String file : List.of("gray_strata.csv", "gray_rho1.csv")) {
      GrayTest test = file.contains("strata") ? GrayTest.defaults().withStrata(strata) : GrayTest.withRho(1);
      GrayTest.Result res = test.test(d);
      CsvTable r = table("ties3", file);
      for (int i = 0; i < r.size(); i++) {
        GrayTest.CauseTest t = res.cause(r.cell(i, "cause"));
        close("gray statistic", file + " " + t.cause(), r.cell(i, "statistic"), t.statistic(), 1e-8);
        close("gray p", file + " " + t.cause(), r.cell(i, "p_value"), t.pValue(), 1e-8);
      }
    }
  }


  @ParameterizedTest
  @ValueSource(strings = {"mgus2", "simlife", "simlife_calendar", "ties3", "small"})
  void fineGrayMatchesCrr(String set) {
    CompetingRisksData d = data(set, false);
    CsvTable r = table(set, "finegray.csv");
    CsvTable data = table(set, "data.csv");
    for (String cause : d.causes()) {
      List<Integer> rows = ReferenceData.rows(r, i -> r.cell(i, "cause").equals(cause));
      List<String> names = rows.stream().map(i -> r.cell(i, "term")).toList();
      FineGray.Fit fit = FineGray.defaults().fit(d, cause, data.doubles(names), names);
      String what = set + " " + cause;
      assertThat(fit.converged()).as("converged " + what).isEqualTo(Boolean.parseBoolean(r.cell(rows.get(0), "converged")));
      close("finegray loglik", what, r.cell(rows.get(0), "loglik"), fit.logLik(), 1e-9);
      close("finegray loglik_null", what, r.cell(rows.get(0), "loglik_null"), fit.logLikNull(), 1e-12);
      for (int j = 0; j < names.size(); j++) {
        close("finegray coef", what + " " + names.get(j), r.cell(rows.get(j), "coef"), fit.coefficients()[j], 1e-6);
        close("finegray std_error", what + " " + names.get(j), r.cell(rows.get(j), "std_error"), fit.stdErrors()[j], 1e-6);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mgus2", "simlife", "ties3", "small"})
  void causeSpecificCoxMatchesCoxph(String set) {
    CompetingRisksData d = data(set, false);
    CsvTable r = table(set, "coxcs.csv");
    CsvTable data = table(set, "data.csv");
    for (String cause : d.causes()) {
      List<Integer> rows = ReferenceData.rows(r, i -> r.cell(i, "cause").equals(cause));
      List<String> names = rows.stream().map(i -> r.cell(i, "term")).toList();
      CoxRegression.Fit fit = CoxRegression.defaults().fit(d.forCause(cause), data.doubles(names), names);
      String what = set + " " + cause;
      assertThat(fit.converged()).as("converged " + what).isTrue();
      for (int j = 0; j < names.size(); j++) {
        close("cox coef", what + " " + names.get(j), r.cell(rows.get(j), "coef"), fit.coefficients()[j], 1e-6);
        close("cox std_error", what + " " + names.get(j), r.cell(rows.get(j), "std_error"), fit.stdErrors()[j], 1e-6);
      }
    }
  }

  @AfterAll
  static void report() {
    System.out.println("Competing risks against R, largest relative errors: " + WORST);
  }
}
