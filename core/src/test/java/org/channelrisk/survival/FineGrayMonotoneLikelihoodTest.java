package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Monotone pseudo-likelihood in the Fine-Gray fit, flagged by the rule of the Cox fit (R's coxph.fit:
 * the log-likelihood has levelled off while the next Newton step is still large).
 */
class FineGrayMonotoneLikelihoodTest {
  static final CompetingRisksData DATA =
      CompetingRisksData.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, new int[] {1, 2, 1, 0, 1, 2, 1, 2}, List.of("a", "b"));

  static double[][] column(double... v) {
    double[][] x = new double[v.length][];
    for (int i = 0; i < v.length; i++) {
      x[i] = new double[] {v[i]};
    }
    return x;
  }

  @Test
  void aCovariateThatSeparatesTheEndsByTheCauseIsFlagged() {
    // x = 1 for every end by a, 0 otherwise: the pseudo-likelihood rises without bound in beta, yet the
    // sandwich standard error stays near 0.6, so z and p looked decisive (z 19.7, p 1e-86)
    double[][] x = column(1, 0, 1, 0, 1, 0, 1, 0);
    FineGray.Fit f = FineGray.defaults().fit(DATA, "a", x, List.of("x"));
    assertThat(f.converged()).isFalse();
    assertThat(f.monotoneLikelihood()).isTrue();
    assertThat(f.possiblyInfinite()).containsExactly("x");
    assertThat(f.status()).startsWith("NOT CONVERGED: the log pseudo-likelihood levels off while variable x keeps growing")
        .endsWith("coefficient may be infinite (monotone likelihood)");
    assertThat(f.toString()).contains("monotone likelihood");
    // with iterations enough crr's criterion is met, as Cox's is on such data: flagged all the same
    FineGray.Fit longer = FineGray.defaults().withConvergence(1e-6, 30).fit(DATA, "a", x, List.of("x"));
    assertThat(longer.converged()).isTrue();
    assertThat(longer.possiblyInfinite()).containsExactly("x");
    assertThat(longer.status()).isEqualTo(
        "converged, but the log pseudo-likelihood converged before variable x: coefficient may be infinite (monotone likelihood)");
    // only the separating covariate of two
    double[][] two = new double[8][];
    double[] w = {3, 1, 4, 1, 5, 9, 2, 6};
    for (int i = 0; i < 8; i++) {
      two[i] = new double[] {w[i], x[i][0]};
    }
    assertThat(FineGray.defaults().withConvergence(1e-6, 30).fit(DATA, "a", two, List.of("w", "x")).possiblyInfinite())
        .containsExactly("x");
  }

  @Test
  void ordinaryFitsAreNotFlaggedWhereverTheyStop() {
    // a strong but finite effect (beta 4.05), stopped early while Newton's steps are still long, and
    // the ordinary fits of the reference data
    double[][] strong = column(2, 0.1, 1.5, 0.3, 1.8, 0, 1.2, -0.2);
    for (int iterations = 0; iterations <= 10; iterations++) {
      FineGray.Fit f = FineGray.defaults().withConvergence(1e-6, iterations).fit(DATA, "a", strong, List.of("x"));
      assertThat(f.possiblyInfinite()).as(f.toString()).isEmpty();
      assertThat(f.status()).isEqualTo(f.converged() ? "converged" : "NOT CONVERGED");
    }
    for (String set : List.of("mgus2", "simlife", "simlife_calendar", "ties3", "small")) {
      CompetingRisksData d = CompetingRisksReferenceTest.data(set, false);
      org.channelrisk.io.CsvTable r = CompetingRisksReferenceTest.table(set, "finegray.csv");
      org.channelrisk.io.CsvTable data = CompetingRisksReferenceTest.table(set, "data.csv");
      for (String cause : d.causes()) {
        List<String> names = ReferenceData.rows(r, i -> r.cell(i, "cause").equals(cause)).stream().map(i -> r.cell(i, "term"))
            .toList();
        for (int iterations = 1; iterations <= 10; iterations++) {
          FineGray.Fit f = FineGray.defaults().withConvergence(1e-6, iterations).fit(d, cause, data.doubles(names), names);
          assertThat(f.possiblyInfinite()).as(set + " " + cause + " " + iterations).isEmpty();
        }
      }
    }
  }

  @Test
  void aFitMadeWithoutTheFlagIsNotMonotone() {
    Coefficients t = new Coefficients(List.of("x"), new double[] {1}, new double[] {2});
    FineGray.Fit f = new FineGray.Fit("a", t, 0.95, -1, -2, 8, 4, 3, true);
    assertThat(f.possiblyInfinite()).isEmpty();
    assertThat(f.status()).isEqualTo("converged");
    assertThat(f).isEqualTo(new FineGray.Fit("a", t, 0.95, -1, -2, 8, 4, 3, true, List.of()));
  }
}
