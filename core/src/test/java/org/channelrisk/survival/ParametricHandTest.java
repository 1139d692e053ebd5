package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.channelrisk.survival.ReferenceData.close;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.apache.commons.math3.special.Erf;
import org.channelrisk.io.CsvTable;
import org.channelrisk.stats.Estimate;
import org.junit.jupiter.api.Test;

/**
 * The parametric fits' derived quantities from closed forms: the exponential fit entirely, the
 * Weibull and log-normal intervals, survival and quantiles from the survreg values of
 * {@code reference/survreg/survreg.csv}, the best family by R's log-likelihoods, and a censored time
 * far in the tail against survreg ({@code reference/survival-extra/survreg_tail.csv}).
 */
class ParametricHandTest {
  static final double Z95 = 1.959963984540054;

  static CsvTable table(String path) throws IOException {
    try (Reader r = new InputStreamReader(ParametricHandTest.class.getResourceAsStream(path), StandardCharsets.UTF_8)) {
      return CsvTable.read(r, path);
    }
  }

  @Test
  void exponentialIsClosedForm() {
    // 2, 3, 5, 10+: d = 3 events, total time 20. MLE rate 3/20, mu = log(20/3), var(mu) = 1/d;
    // log-likelihood d log(rate) - rate total = 3 log(3/20) - 3
    SurvivalData d = SurvivalData.of(new double[] {2, 3, 5, 10}, new boolean[] {true, true, true, false});
    ParametricSurvival.Fit f = ParametricSurvival.fit(ParametricSurvival.Family.EXPONENTIAL, d);
    double mu = Math.log(20.0 / 3);
    double ll = 3 * Math.log(3.0 / 20) - 3;
    assertThat(f.mu()).isCloseTo(mu, within(1e-14));
    assertThat(f.sigma()).isEqualTo(1.0);
    assertThat(f.logLik()).isCloseTo(ll, within(1e-13));
    assertThat(f.aic()).isCloseTo(-2 * ll + 2, within(1e-12));
    assertThat(f.muStdError()).isCloseTo(Math.sqrt(1.0 / 3), within(1e-15));
    assertThat(f.logSigmaStdError()).isZero();
    assertThat(f.n()).isEqualTo(4);
    assertThat(f.events()).isEqualTo(3);
    assertThat(f.converged()).isTrue();
    assertThat(f.scale()).isCloseTo(20.0 / 3, within(1e-13));
    Estimate sc = f.scaleInterval();
    assertThat(sc.lower()).isCloseTo(Math.exp(mu - Z95 / Math.sqrt(3)), within(1e-12));
    assertThat(sc.upper()).isCloseTo(Math.exp(mu + Z95 / Math.sqrt(3)), within(1e-12));
    assertThat(f.shape()).isEqualTo(1.0);
    Estimate sh = f.shapeInterval();
    assertThat(new double[] {sh.value(), sh.lower(), sh.upper()}).containsExactly(1, 1, 1);
    // S(t) = exp(-3 t / 20); median 20/3 log 2
    assertThat(f.survival(4)).isCloseTo(Math.exp(-0.6), within(1e-14));
    assertThat(f.quantile(0.5)).isCloseTo(20.0 / 3 * Math.log(2), within(1e-12));
    assertThat(f.toString()).startsWith("EXPONENTIAL fit: mean 6.6667 (rate 0.15000); logLik -8.69136, AIC 19.3827, n 4, events 3")
        .doesNotContain("NOT CONVERGED");
  }

  @Test
  void intervalsSurvivalAndQuantilesFromSurvregValues() throws IOException {
    CsvTable t = table("/reference/survreg/survreg.csv");
    for (int r = 0; r < t.size(); r++) {
      String dist = t.cell(r, "dist");
      if (dist.equals("exponential")) {
        continue;
      }
      String ds = t.cell(r, "dataset");
      ParametricSurvival.Family family = dist.equals("weibull") ? ParametricSurvival.Family.WEIBULL
          : ParametricSurvival.Family.LOG_NORMAL;
      ParametricSurvival.Fit f = ParametricSurvival.fit(family, ReferenceData.data(ds));
      String at = ds + " " + dist;
      double mu = t.number(r, "mu");
      double sigma = Math.exp(t.number(r, "log_sigma"));
      double seMu = Math.sqrt(t.number(r, "var_mu"));
      double seLogSigma = Math.sqrt(t.number(r, "var_log_sigma"));
      close(at + " se mu", Double.toString(seMu), f.muStdError(), 1e-6);
      close(at + " se log sigma", Double.toString(seLogSigma), f.logSigmaStdError(), 1e-6);
      close(at + " aic", Double.toString(-2 * t.number(r, "loglik") + 4), f.aic(), 1e-10);
      close(at + " scale", Double.toString(Math.exp(mu)), f.scale(), 1e-6);
      Estimate sc = f.scaleInterval();
      close(at + " scale lower", Double.toString(Math.exp(mu - Z95 * seMu)), sc.lower(), 1e-6);
      close(at + " scale upper", Double.toString(Math.exp(mu + Z95 * seMu)), sc.upper(), 1e-6);
      double tq = Math.exp(mu); // a time near the middle of the data
      if (family == ParametricSurvival.Family.WEIBULL) {
        double shape = 1 / sigma;
        close(at + " shape", Double.toString(shape), f.shape(), 1e-6);
        Estimate sh = f.shapeInterval();
        close(at + " shape lower", Double.toString(shape * Math.exp(-Z95 * seLogSigma)), sh.lower(), 1e-6);
        close(at + " shape upper", Double.toString(shape * Math.exp(Z95 * seLogSigma)), sh.upper(), 1e-6);
        // S(t) = exp(-(t / scale)^shape), quantile scale (-log(1 - p))^(1/shape)
        close(at + " S", Double.toString(Math.exp(-Math.pow(tq / 2 / Math.exp(mu), shape))), f.survival(tq / 2), 1e-6);
        close(at + " q", Double.toString(Math.exp(mu) * Math.pow(-Math.log(0.25), sigma)), f.quantile(0.75), 1e-6);
        assertThat(f.toString()).contains("WEIBULL fit: shape ").contains(", scale ");
      } else {
        assertThat(f.shape()).isNaN();
        // S(t) = 1 - Phi((log t - mu) / sigma); the median is exp(mu)
        double z = (Math.log(tq / 2) - mu) / sigma;
        close(at + " S", Double.toString(0.5 * Erf.erfc(z / Math.sqrt(2))), f.survival(tq / 2), 1e-6);
        close(at + " median", Double.toString(Math.exp(mu)), f.quantile(0.5), 1e-6);
        assertThat(f.toString()).contains("LOG_NORMAL fit: meanlog ").contains("sdlog");
      }
    }
  }

  @Test
  void bestFamilyHasTheSmallestAic() {
    // survreg.csv log-likelihoods: aml -83.318 (exp, AIC 168.64), -83.179 (Weibull, 170.36), -80.672
    // (log-normal, 165.34); lung -1162.338 (2326.68), -1153.851 (2311.70), -1169.269 (2342.54)
    assertThat(ParametricSurvival.best(ReferenceData.data("aml")).family()).isEqualTo(ParametricSurvival.Family.LOG_NORMAL);
    assertThat(ParametricSurvival.best(ReferenceData.data("lung")).family()).isEqualTo(ParametricSurvival.Family.WEIBULL);
    // kidney: -341.715 (685.43), -340.937 (685.87), -340.048 (684.10): log-normal by 1.3
    assertThat(ParametricSurvival.best(ReferenceData.data("kidney")).family()).isEqualTo(ParametricSurvival.Family.LOG_NORMAL);
    // ovarian: -98.032 (198.06), -97.954 (199.91), -97.122 (198.24): the exponential, one parameter
    assertThat(ParametricSurvival.best(ReferenceData.data("ovarian")).family()).isEqualTo(ParametricSurvival.Family.EXPONENTIAL);
  }

  @Test
  void censoredTimeFarInTheTailMatchesSurvreg() throws IOException {
    // 1, 2, 3, 4, 6+, 1e30+: from the starting values (mu about 0.8, sigma 1) the last time is 68
    // standard deviations out, where the normal tail underflows
    SurvivalData d = SurvivalData.of(new double[] {1, 2, 3, 4, 6, 1e30}, new boolean[] {true, true, true, true, false, false});
    CsvTable t = table("/reference/survival-extra/survreg_tail.csv");
    for (int r = 0; r < t.size(); r++) {
      ParametricSurvival.Family family = t.cell(r, "dist").equals("weibull") ? ParametricSurvival.Family.WEIBULL
          : ParametricSurvival.Family.LOG_NORMAL;
      ParametricSurvival.Fit f = ParametricSurvival.fit(family, d);
      String at = "survreg_tail.csv " + family;
      assertThat(f.converged()).as(at).isTrue();
      close(at + " mu", t.cell(r, "mu"), f.mu(), 1e-7);
      close(at + " log sigma", t.cell(r, "log_sigma"), Math.log(f.sigma()), 1e-7);
      close(at + " var mu", t.cell(r, "var_mu"), f.covariance()[0][0], 1e-6);
      close(at + " var log sigma", t.cell(r, "var_log_sigma"), f.covariance()[1][1], 1e-6);
      close(at + " loglik", t.cell(r, "loglik"), f.logLik(), 1e-10);
      close(at + " cov mu log sigma", t.cell(r, "cov_mu_log_sigma"), f.covariance()[0][1], 1e-6);
      close(at + " cov log sigma mu", t.cell(r, "cov_mu_log_sigma"), f.covariance()[1][0], 1e-6);
      assertThat(f.iterations()).as(at).isPositive();
    }
  }

  @Test
  void censoredAtZeroCarriesNoInformation() {
    // S(0) = 1 for every family: a time censored at 0 changes nothing
    SurvivalData base = SurvivalData.of(new double[] {2, 3, 5, 10, 7}, new boolean[] {true, true, true, false, true});
    SurvivalData withZero = SurvivalData.of(new double[] {2, 3, 5, 10, 7, 0}, new boolean[] {true, true, true, false, true, false});
    for (ParametricSurvival.Family family : ParametricSurvival.Family.values()) {
      ParametricSurvival.Fit a = ParametricSurvival.fit(family, base);
      ParametricSurvival.Fit b = ParametricSurvival.fit(family, withZero);
      assertThat(b.mu()).as("%s", family).isCloseTo(a.mu(), within(1e-12));
      assertThat(b.sigma()).as("%s", family).isCloseTo(a.sigma(), within(1e-12));
      assertThat(b.logLik()).as("%s", family).isCloseTo(a.logLik(), within(1e-12));
      assertThat(b.n()).isEqualTo(6);
    }
  }

  @Test
  void timesWhoseSumOverflowsStillFitFinitely() {
    // the sum of the times overflows a double, their mean does not: the exponential fit was "mean
    // Infinity; logLik NaN" marked converged. Mean (3e308 + MAX) / 4; logLik -d log(mean) - d
    double max = Double.MAX_VALUE;
    SurvivalData d = SurvivalData.of(new double[] {1e308, 1e308, 1e308, max}, new boolean[] {true, true, true, true});
    ParametricSurvival.Fit e = ParametricSurvival.fit(ParametricSurvival.Family.EXPONENTIAL, d);
    double mean = 3 * (1e308 / 4) + max / 4;
    assertThat(e.converged()).isTrue();
    assertThat(e.mu()).isCloseTo(Math.log(mean), within(1e-12));
    assertThat(e.logLik()).isCloseTo(-4 * Math.log(mean) - 4, within(1e-9));
    assertThat(e.toString()).contains("mean 1.1994e+308").doesNotContain("NaN").doesNotContain("Infinity");
    for (ParametricSurvival.Family family : ParametricSurvival.Family.values()) {
      ParametricSurvival.Fit f = ParametricSurvival.fit(family, d);
      assertThat(f.converged()).as(f.toString()).isTrue();
      assertThat(java.util.List.of(f.mu(), f.sigma(), f.logLik(), f.muStdError())).as(f.toString()).allMatch(Double::isFinite);
    }
    // the same data in units of 1e300 differ only by the unit: mu by log 1e300, logLik by d log 1e300
    double[] small = {1e8, 1e8, 1e8, max / 1e300};
    for (ParametricSurvival.Family family : ParametricSurvival.Family.values()) {
      ParametricSurvival.Fit f = ParametricSurvival.fit(family, d);
      ParametricSurvival.Fit g = ParametricSurvival.fit(family, SurvivalData.of(small, new boolean[] {true, true, true, true}));
      assertThat(f.mu()).as("%s", family).isCloseTo(g.mu() + Math.log(1e300), within(1e-9));
      assertThat(f.sigma()).as("%s", family).isCloseTo(g.sigma(), within(1e-9));
      assertThat(f.logLik()).as("%s", family).isCloseTo(g.logLik() - 4 * Math.log(1e300), within(1e-7));
    }
  }

  @Test
  void refusedInputsAreNamed() {
    SurvivalData zeroEvent = SurvivalData.of(new double[] {0, 3}, new boolean[] {true, true});
    assertThatThrownBy(() -> ParametricSurvival.fit(ParametricSurvival.Family.WEIBULL, zeroEvent))
        .hasMessage("a parametric fit needs positive event times: event 0 is at time 0.0");
    assertThatThrownBy(() -> ParametricSurvival.fit(ParametricSurvival.Family.EXPONENTIAL, zeroEvent))
        .hasMessageContaining("event 0 is at time 0.0");
    assertThat(ParametricSurvival.Family.EXPONENTIAL.parameters()).isEqualTo(1);
    assertThat(ParametricSurvival.Family.WEIBULL.parameters()).isEqualTo(2);
    assertThat(ParametricSurvival.Family.LOG_NORMAL.parameters()).isEqualTo(2);
  }
}
