package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.survival.ReferenceData.close;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.channelrisk.io.CsvTable;
import org.junit.jupiter.api.Test;

/**
 * Intercept-only R survreg fits (survival 3.5-3; script and output in the test resources) to 1e-7
 * relative: survreg stops at a relative tolerance of 1e-13 on the log-likelihood, our Newton steps at
 * 1e-12, so the last digits differ.
 */
class ParametricReferenceTest {
  @Test
  void matchesSurvreg() throws IOException {
    CsvTable t;
    try (Reader r = new InputStreamReader(getClass().getResourceAsStream("/reference/survreg/survreg.csv"), StandardCharsets.UTF_8)) {
      t = CsvTable.read(r, "survreg.csv");
    }
    assertThat(t.size()).isEqualTo(15);
    for (int r = 0; r < t.size(); r++) {
      String ds = t.cell(r, "dataset");
      ParametricSurvival.Family family = switch (t.cell(r, "dist")) {
        case "exponential" -> ParametricSurvival.Family.EXPONENTIAL;
        case "weibull" -> ParametricSurvival.Family.WEIBULL;
        default -> ParametricSurvival.Family.LOG_NORMAL;
      };
      ParametricSurvival.Fit fit = ParametricSurvival.fit(family, ReferenceData.data(ds));
      String at = "survreg.csv line " + t.line(r) + " " + ds + " " + family.name().toLowerCase(Locale.ROOT);
      assertThat(fit.converged()).as(at).isTrue();
      close(at + " mu", t.cell(r, "mu"), fit.mu(), 1e-7);
      assertThat(Math.log(fit.sigma())).as(at + " log sigma").isCloseTo(t.number(r, "log_sigma"), org.assertj.core.data.Offset.offset(1e-7));
      close(at + " var mu", t.cell(r, "var_mu"), fit.covariance()[0][0], 1e-6);
      if (family != ParametricSurvival.Family.EXPONENTIAL) {
        close(at + " var log sigma", t.cell(r, "var_log_sigma"), fit.covariance()[1][1], 1e-6);
      }
      close(at + " loglik", t.cell(r, "loglik"), fit.logLik(), 1e-10);
    }
  }
}
