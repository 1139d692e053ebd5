package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.channelrisk.testing.PropertyCheck.forAll;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.assertj.core.data.Offset;
import org.channelrisk.testing.Coverage;
import org.channelrisk.testing.Gen;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the competing-risks estimators, and the closed-form influence sums of
 * {@link AalenJohansen} against a literal port of R's {@code survfitci} (every observation's influence
 * updated at every event time).
 */
class CompetingRisksProperties {
  static final List<String> CAUSES = List.of("a", "b", "c");

  /** Small data with ties (integer times) or continuous times, up to three causes, optional entry times. */
  static CompetingRisksData sample(RandomGenerator rng, int maxN, boolean truncation) {
    int n = Gen.intIn(rng, 1, maxN);
    boolean integers = rng.nextBoolean();
    double censoring = rng.nextDouble() * 0.6;
    int k = Gen.intIn(rng, 1, 3);
    double[] t = new double[n];
    double[] e = new double[n];
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      e[i] = truncation ? (integers ? rng.nextInt(0, 6) : rng.nextExponential() * 4) : 0;
      t[i] = e[i] + (integers ? rng.nextInt(1, 12) : rng.nextExponential() * 10 + 1e-9);
      c[i] = rng.nextDouble() < censoring ? 0 : 1 + rng.nextInt(k);
    }
    CompetingRisksData d = CompetingRisksData.of(t, c, CAUSES.subList(0, k));
    return truncation ? d.withEntry(e) : d;
  }

  /** The rows of the data: times, cause codes (0 censored) and entry times when truncated. */
  static String rows(CompetingRisksData d) {
    return "times " + Arrays.toString(d.times()) + " causes " + Arrays.toString(d.causeCodes()) + " of " + d.causes()
        + d.entries().map(e -> " entries " + Arrays.toString(e)).orElse("");
  }

  /** Data as an input: a counterexample prints its rows (the data's own text counts them). */
  record Sample(CompetingRisksData data) {
    @Override
    public String toString() {
      return "Sample[" + rows(data) + "]";
    }
  }

  /**
   * R survival 3.5-3 {@code survfitci} for competing risks, literally: unit weights, everyone starting
   * in state 0, the n x states influence matrix updated at each event time. Returns per distinct
   * time {S, F_1..F_k, se(S), se(F_1)..se(F_k)}.
   */
  static double[][] survfitci(CompetingRisksData d) {
    int n = d.size();
    int k = d.causes().size();
    int ns = k + 1;
    double[] time = d.times();
    int[] status = d.causeCodes();
    double[] entry = d.entries().orElse(new double[n]);
    if (!d.truncated()) {
      Arrays.fill(entry, -1);
    }
    Integer[] sort2 = new Integer[n];
    Integer[] sort1 = new Integer[n];
    for (int i = 0; i < n; i++) {
      sort1[i] = i;
      sort2[i] = i;
    }
    Arrays.sort(sort1, (x, y) -> Double.compare(entry[x], entry[y]));
    Arrays.sort(sort2, (x, y) -> Double.compare(time[x], time[y]));
    double[] p = new double[ns];
    p[0] = 1;
    double[][] u = new double[n][ns];
    boolean[] atrisk = new boolean[n];
    int[] cstate = new int[n];
    int[] dstate = new int[n];
    double nr = 0;
    double[][] h = new double[ns][ns];
    List<double[]> out = new java.util.ArrayList<>();
    int eptr = 0;
    for (int i = 0; i < n; ) {
      double ctime = time[sort2[i]];
      for (; eptr < n && entry[sort1[eptr]] < ctime; eptr++) {
        atrisk[sort1[eptr]] = true;
        nr++;
      }
      for (double[] row : h) {
        Arrays.fill(row, 0);
      }
      double wevent = 0;
      for (int j = i; j < n && time[sort2[j]] == ctime; j++) {
        int q = sort2[j];
        if (status[q] > 0) {
          dstate[q] = status[q];
          h[0][status[q]] += 1;
          wevent += 1;
        }
      }
      if (wevent > 0) {
        double tot = 0;
        for (int c = 0; c < ns; c++) {
          tot += h[0][c];
          h[0][c] /= nr;
        }
        h[0][0] = 1 - tot / nr;
        for (int c = 1; c < ns; c++) {
          h[c][c] = 1;
        }
        for (int j = 0; j < n; j++) {
          double[] tmp = new double[ns];
          for (int c = 0; c < ns; c++) {
            for (int x = 0; x < ns; x++) {
              tmp[c] += u[j][x] * h[x][c];
            }
          }
          u[j] = tmp;
        }
        for (int j = 0; j < n; j++) {
          if (atrisk[j]) {
            for (int c = 0; c < ns; c++) {
              u[j][c] -= h[0][c] * p[0] / nr;
            }
            u[j][dstate[j]] += p[0] / nr;
          }
        }
        double[] np = new double[ns];
        for (int c = 0; c < ns; c++) {
          for (int x = 0; x < ns; x++) {
            np[c] += p[x] * h[x][c];
          }
        }
        p = np;
      }
      double[] row = new double[2 * ns];
      for (int c = 0; c < ns; c++) {
        row[c] = p[c];
        double v = 0;
        for (int j = 0; j < n; j++) {
          v += u[j][c] * u[j][c];
        }
        row[ns + c] = Math.sqrt(v);
      }
      out.add(row);
      for (; i < n && time[sort2[i]] == ctime; i++) {
        int q = sort2[i];
        if (atrisk[q]) {
          atrisk[q] = false;
          nr--;
        }
        cstate[q] = status[q];
      }
    }
    return out.toArray(new double[0][]);
  }

  static void near(String what, double expected, double actual) {
    assertThat(actual).as(what).isCloseTo(expected, Offset.offset(1e-11 + 1e-9 * Math.abs(expected)));
  }

  /**
   * Standard errors compared as variances: with entry times the closed form keeps centred sums of
   * squares over the risk set, and taking an observation out of them can leave a rounding residue of
   * order 1e-17 in the variance (1e-8 in the standard error) where the true variance is 0 (every
   * observation's fate known); elsewhere, and always without entry times, they agree to 1e-9 relative.
   */
  static void nearSe(String what, double expected, double actual) {
    assertThat(actual * actual).as(what).isCloseTo(expected * expected, Offset.offset(1e-15 + 2e-9 * expected * expected));
  }

  @Test
  void closedFormInfluenceEqualsSurvfitciRecursion() {
    Coverage cov = new Coverage();
    forAll("AJ standard errors = survfitci", 300, rng -> new Sample(sample(rng, 40, rng.nextBoolean())), x -> {
      CompetingRisksData d = x.data();
      CumulativeIncidence c = AalenJohansen.estimate(d).pooled();
      double[][] ref = survfitci(d);
      assertThat(c.size()).isEqualTo(ref.length);
      int k = d.causes().size();
      cov.count("truncated", d.truncated());
      cov.count("survival reaches 0", c.size() > 0 && c.survival(c.size() - 1) == 0);
      for (int i = 0; i < c.size(); i++) {
        near("S row " + i, ref[i][0], c.survival(i));
        nearSe("se(S) row " + i, ref[i][k + 1], c.survivalStdErr(i));
        for (int q = 0; q < k; q++) {
          near("F row " + i, ref[i][1 + q], c.cif(q, i));
          nearSe("se(F) row " + i, ref[i][k + 2 + q], c.stdErr(q, i));
        }
      }
    });
    cov.requireAtLeast("truncated", 50);
    cov.requireAtLeast("survival reaches 0", 20);
  }

  @Test
  void incidencesAndSurvivalAddUpToOneAndOneCauseIsOneMinusKaplanMeier() {
    forAll("sum F + S = 1; one cause: F = 1 - KM", 300, rng -> new Sample(sample(rng, 60, false)), x -> {
      CompetingRisksData d = x.data();
      CumulativeIncidence c = AalenJohansen.withConfidence(ConfidenceType.PLAIN, 0.9).fit(d).pooled();
      SurvivalCurve km = KaplanMeier.estimate(d.anyCause()).pooled();
      int k = d.causes().size();
      double[] prev = new double[k];
      for (int i = 0; i < c.size(); i++) {
        double sum = c.survival(i);
        for (int q = 0; q < k; q++) {
          sum += c.cif(q, i);
          assertThat(c.cif(q, i)).isGreaterThanOrEqualTo(prev[q]);
          prev[q] = c.cif(q, i);
          assertThat(c.lower(q, i)).isLessThanOrEqualTo(c.cif(q, i) + 1e-12);
          assertThat(c.upper(q, i)).isGreaterThanOrEqualTo(c.cif(q, i) - 1e-12);
        }
        assertThat(sum).isCloseTo(1.0, Offset.offset(1e-12));
        assertThat(c.survival(i)).isCloseTo(km.survival(i), Offset.offset(1e-14));
        assertThat(c.nRisk(i)).isEqualTo(km.nRisk(i));
        if (k == 1) {
          assertThat(c.cif(0, i)).isCloseTo(1 - km.survival(i), Offset.offset(1e-14));
        }
      }
    });
  }

  /** Competing-risks data with one cause and a covariate row per observation. */
  record WithCovariates(CompetingRisksData data, double[][] x) {
    @Override
    public String toString() {
      return "WithCovariates[" + rows(data) + ", x " + java.util.Arrays.deepToString(x) + "]";
    }
  }

  @Test
  void fineGrayWithoutCompetingEndsIsCoxWithBreslowTies() {
    forAll("Fine-Gray with one cause = Cox (Breslow)", 60, rng -> {
      int n = Gen.intIn(rng, 20, 80);
      double[] t = new double[n];
      int[] c = new int[n];
      double[][] x = new double[n][2];
      for (int i = 0; i < n; i++) {
        x[i][0] = rng.nextGaussian();
        x[i][1] = rng.nextInt(2);
        t[i] = Math.ceil(rng.nextExponential() / Math.exp(0.5 * x[i][0] - 0.4 * x[i][1]) * 5);
        c[i] = rng.nextDouble() < 0.25 ? 0 : 1;
      }
      return new WithCovariates(CompetingRisksData.of(t, c, List.of("removed")), x);
    }, in -> {
      CompetingRisksData d = in.data();
      double[][] x = in.x();
      List<String> names = List.of("x0", "x1");
      FineGray.Fit fg = FineGray.defaults().withConvergence(1e-12, 30).fit(d, "removed", x, names);
      CoxRegression.Fit cox = CoxRegression.defaults().withTies(CoxRegression.Ties.BRESLOW).withConvergence(1e-14, 50)
          .fit(d.forCause("removed"), x, names);
      for (int j = 0; j < 2; j++) {
        assertThat(fg.coefficients()[j]).isCloseTo(cox.coefficients()[j], Offset.offset(1e-7));
      }
      assertThat(fg.logLik()).isCloseTo(cox.logLik(), Offset.offset(1e-8));
    });
  }

  @Test
  void edgeCasesAndCallerErrors() {
    CompetingRisksData one = CompetingRisksData.of(new double[] {3}, new String[] {"x"}, Set.of("0"));
    CumulativeIncidence c = AalenJohansen.estimate(one).pooled();
    assertThat(c.size()).isEqualTo(1);
    assertThat(c.cif(0, 0)).isEqualTo(1.0);
    assertThat(c.stdErr(0, 0)).isEqualTo(0.0);
    assertThat(c.lower(0, 0)).isEqualTo(1.0); // log: se 0 gives the point itself
    CompetingRisksData censoredOnly = CompetingRisksData.of(new double[] {1, 2}, new String[] {"0", "censored"},
        Set.of("0", "censored"));
    assertThat(censoredOnly.causes()).isEmpty();
    assertThat(AalenJohansen.estimate(censoredOnly).pooled().survival(1)).isEqualTo(1.0);
    CompetingRisksData empty = CompetingRisksData.of(new double[0], new int[0], List.of("a"));
    assertThat(AalenJohansen.estimate(empty).pooled().size()).isZero();
    // causes in factor order; numeric labels numerically
    assertThat(CompetingRisksData.of(new double[] {1, 2, 3}, new String[] {"10", "9", "0"}, Set.of("0")).causes())
        .containsExactly("9", "10");
    assertThatThrownBy(() -> CompetingRisksData.of(new double[] {1}, new String[] {"a"}, Set.of("0"))
        .withEntry(new double[] {1})).hasMessageContaining("entry[0] must be in [0, time[0] = 1.0)");
    assertThatThrownBy(() -> CompetingRisksData.of(new double[] {-1}, new int[] {1}, List.of("a")))
        .hasMessageContaining("time[0] must be finite and >= 0");
    CompetingRisksData d = CompetingRisksData.of(new double[] {1, 2, 3, 4}, new String[] {"a", "b", "a", "0"}, Set.of("0"))
        .withGroups(new String[] {"g", "g", "g", "g"});
    assertThatThrownBy(() -> GrayTest.defaults().test(d)).hasMessageContaining("at least two groups");
    assertThatThrownBy(() -> FineGray.defaults().fit(d, "z", new double[4][1], List.of("x")))
        .hasMessageContaining("no observation ends by cause 'z'");
    assertThatThrownBy(() -> d.forCause("z")).hasMessageContaining("the causes are [a, b]");
    double[][] x = {{1}, {2}, {3}, {5}};
    FineGray.Fit fit = FineGray.defaults().fit(d, "a", x, List.of("x"));
    fit.coefficients()[0] = 99;
    assertThat(fit.coefficients()[0]).isNotEqualTo(99);
    assertThat(fit.toString()).contains("Fine-Gray regression for cause a");
  }

  @Test
  void storedLifetimesFileIsTheGeneratorsOutput() throws java.io.IOException {
    try (var in = getClass().getResourceAsStream("/reference/competing/simlife/lifetimes.csv")) {
      String stored = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(stored).isEqualTo(LifetimesGenerator.csv());
    }
  }
}
