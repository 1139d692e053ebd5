package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.testing.PropertyCheck.forAll;

import java.util.random.RandomGenerator;
import org.assertj.core.data.Offset;
import org.channelrisk.stats.Estimate;
import org.channelrisk.testing.Coverage;
import org.channelrisk.testing.Gen;
import org.junit.jupiter.api.Test;

class SurvivalProperties {
  /** The data's rows, for a counterexample that reads as one. */
  static String rows(SurvivalData d) {
    return "times " + java.util.Arrays.toString(d.times()) + " events " + java.util.Arrays.toString(d.eventIndicators())
        + d.groups().map(g -> " groups " + java.util.Arrays.toString(g)).orElse("");
  }

  /** Data, a confidence-interval type and level. */
  record Limits(SurvivalData data, ConfidenceType type, double level) {
    @Override
    public String toString() {
      return "Limits[" + rows(data) + ", type " + type + ", level " + level + "]";
    }
  }

  /** Data and a permutation of its rows. */
  record Permuted(SurvivalData data, int[] perm) {
    @Override
    public String toString() {
      return "Permuted[" + rows(data) + ", perm " + java.util.Arrays.toString(perm) + "]";
    }
  }

  /** Data and the time of one more censored observation. */
  record ExtraCensored(SurvivalData data, double censoredAt) {
    @Override
    public String toString() {
      return "ExtraCensored[" + rows(data) + ", censored at " + censoredAt + "]";
    }
  }

  /** Grouped data and the log-rank weight exponent rho (G-rho family). */
  record Weighted(SurvivalData data, double rho) {
    @Override
    public String toString() {
      return "Weighted[" + rows(data) + ", rho " + rho + "]";
    }
  }

  /** Data without censoring. */
  record Uncensored(SurvivalData data) {
    @Override
    public String toString() {
      return "Uncensored[" + rows(data) + "]";
    }
  }

  /** Small data with many ties (integer times) or continuous times, with groups a/b/c. */
  static SurvivalData sample(RandomGenerator rng, int maxN, boolean allEvents) {
    int n = Gen.intIn(rng, 1, maxN);
    boolean integers = rng.nextBoolean();
    double[] t = new double[n];
    boolean[] e = new boolean[n];
    String[] g = new String[n];
    for (int i = 0; i < n; i++) {
      t[i] = integers ? rng.nextInt(0, 12) : rng.nextExponential() * 10;
      e[i] = allEvents || rng.nextDouble() < 0.7;
      g[i] = "g" + rng.nextInt(3);
    }
    return SurvivalData.of(t, e).withGroups(g);
  }

  @Test
  void curvesAreNonIncreasingProbabilitiesBracketedByTheirLimits() {
    Coverage cov = new Coverage();
    forAll("KM in [0,1], non-increasing, limits bracket", 400, rng -> new Limits(sample(rng, 60, false),
        ConfidenceType.values()[rng.nextInt(3)], Gen.doubleIn(rng, 0.5, 0.99)), x -> {
      SurvivalData d = x.data();
      SurvivalCurve c = KaplanMeier.withConfidence(x.type(), x.level()).fit(d).pooled();
      cov.count("ties", c.size() < d.size());
      cov.count("reaches zero", c.size() > 0 && c.survival(c.size() - 1) == 0);
      double prev = 1;
      for (int i = 0; i < c.size(); i++) {
        double s = c.survival(i);
        assertThat(s).isBetween(0.0, 1.0).isLessThanOrEqualTo(prev);
        prev = s;
        if (!Double.isNaN(c.lower(i))) {
          assertThat(c.lower(i)).isLessThanOrEqualTo(s + 1e-15).isGreaterThanOrEqualTo(0.0);
          assertThat(c.upper(i)).isGreaterThanOrEqualTo(s - 1e-15).isLessThanOrEqualTo(1.0);
        }
        if (i > 0) {
          assertThat(c.time(i)).isGreaterThan(c.time(i - 1));
        }
      }
    });
    cov.requireAtLeast("ties", 50);
    cov.requireAtLeast("reaches zero", 20);
  }

  @Test
  void withoutCensoringKaplanMeierIsTheEmpiricalSurvivalFunction() {
    forAll("no censoring: KM = empirical survival, Greenwood = S(1-S)/n", 300, rng -> new Uncensored(sample(rng, 80, true)), u -> {
      SurvivalData d = u.data();
      SurvivalCurve c = KaplanMeier.estimate(d).pooled();
      double[] t = d.times();
      int n = t.length;
      for (int i = 0; i < c.size(); i++) {
        double ti = c.time(i);
        long survivors = java.util.Arrays.stream(t).filter(x -> x > ti).count();
        double empirical = (double) survivors / n;
        assertThat(c.survival(i)).isCloseTo(empirical, Offset.offset(1e-12));
        if (empirical > 0) {
          assertThat(c.survivalStdError(i) * c.survivalStdError(i))
              .isCloseTo(empirical * (1 - empirical) / n, Offset.offset(1e-12));
        }
      }
    });
  }

  @Test
  void permutingRowsChangesNothing() {
    forAll("row order does not matter", 200, rng -> {
      SurvivalData d = sample(rng, 50, false);
      int n = d.size();
      int[] perm = java.util.stream.IntStream.range(0, n).toArray();
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int tmp = perm[i];
        perm[i] = perm[j];
        perm[j] = tmp;
      }
      return new Permuted(d, perm);
    }, x -> {
      SurvivalData d = x.data();
      int[] perm = x.perm();
      double[] t = d.times();
      boolean[] e = d.eventIndicators();
      String[] g = d.groups().orElseThrow();
      double[] t2 = new double[t.length];
      boolean[] e2 = new boolean[t.length];
      String[] g2 = new String[t.length];
      for (int i = 0; i < t.length; i++) {
        t2[i] = t[perm[i]];
        e2[i] = e[perm[i]];
        g2[i] = g[perm[i]];
      }
      SurvivalData p = SurvivalData.of(t2, e2).withGroups(g2);
      SurvivalCurve a = KaplanMeier.estimate(d).pooled();
      SurvivalCurve b = KaplanMeier.estimate(p).pooled();
      assertThat(b.times()).containsExactly(a.times());
      assertThat(b.survivals()).containsExactly(a.survivals());
      if (d.groupLevels().size() > 1) {
        assertThat(LogRankTest.test(p).chiSquare()).isCloseTo(LogRankTest.test(d).chiSquare(), Offset.offset(1e-9));
      }
    });
  }

  @Test
  void aCensoredObservationJoinsOnlyTheRiskSetsUpToItsTime() {
    // An observation censored at c is at risk at every time <= c: n_risk grows by one there, and only
    // there; no count of events changes; S can only rise (each factor 1 - d/n grows with n).
    forAll("adding a censored observation", 300, rng -> new ExtraCensored(sample(rng, 40, false), rng.nextDouble() * 14), x -> {
      SurvivalData d = x.data();
      double c = x.censoredAt();
      double[] t = java.util.Arrays.copyOf(d.times(), d.size() + 1);
      boolean[] e = java.util.Arrays.copyOf(d.eventIndicators(), d.size() + 1);
      t[d.size()] = c;
      SurvivalCurve before = KaplanMeier.estimate(d).pooled();
      SurvivalCurve after = KaplanMeier.estimate(SurvivalData.of(t, e)).pooled();
      for (int i = 0; i < before.size(); i++) {
        double ti = before.time(i);
        int j = java.util.Arrays.binarySearch(after.times(), ti);
        assertThat(j).isGreaterThanOrEqualTo(0);
        assertThat(after.nEvent(j)).isEqualTo(before.nEvent(i));
        assertThat(after.nRisk(j)).isEqualTo(before.nRisk(i) + (ti <= c ? 1 : 0));
        assertThat(after.survival(j)).isGreaterThanOrEqualTo(before.survival(i) - 1e-15);
        if (ti > c) {
          assertThat((double) after.nEvent(j) / after.nRisk(j)).isEqualTo((double) before.nEvent(i) / before.nRisk(i));
        }
      }
      if (c > t[0] && before.size() > 0 && c > before.time(before.size() - 1)) {
        assertThat(after.time(after.size() - 1)).isEqualTo(c);
      }
    });
  }

  @Test
  void logRankIsInvariantToRelabellingGroups() {
    forAll("log-rank: relabelling groups", 300, rng -> new Weighted(sample(rng, 60, false), Gen.doubleIn(rng, 0, 2)), x -> {
      SurvivalData d = x.data();
      double rho = x.rho();
      if (d.groupLevels().size() < 2) {
        return;
      }
      String[] g = d.groups().orElseThrow();
      String[] renamed = new String[g.length];
      for (int i = 0; i < g.length; i++) {
        renamed[i] = switch (g[i]) {
          case "g0" -> "zeta";
          case "g1" -> "alpha";
          default -> "17";
        };
      }
      LogRankTest.Result a = LogRankTest.test(d, rho);
      LogRankTest.Result b = LogRankTest.test(SurvivalData.of(d.times(), d.eventIndicators()).withGroups(renamed), rho);
      assertThat(b.chiSquare()).isCloseTo(a.chiSquare(), Offset.offset(1e-8 * Math.max(1, a.chiSquare())));
      assertThat(b.df()).isEqualTo(a.df());
    });
  }

  @Test
  void weibullFitsCoverTheTruthAtAboutTheNominalRate() {
    // 300 data sets of 200 Weibull times (shape 0.7, scale 30 days) with exponential censoring (~30%):
    // the 95% intervals of shape and scale should each cover the truth in about 285 of them.
    var rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(2017);
    int sets = 300;
    int shapeHits = 0;
    int scaleHits = 0;
    for (int s = 0; s < sets; s++) {
      double[] t = new double[200];
      boolean[] e = new boolean[200];
      for (int i = 0; i < t.length; i++) {
        double x = 30 * Math.pow(rng.nextExponential(), 1 / 0.7);
        double c = 80 * rng.nextExponential();
        t[i] = Math.min(x, c);
        e[i] = x <= c;
      }
      ParametricSurvival.Fit f = ParametricSurvival.fit(ParametricSurvival.Family.WEIBULL, SurvivalData.of(t, e));
      assertThat(f.converged()).isTrue();
      Estimate shape = f.shapeInterval();
      Estimate scale = f.scaleInterval();
      shapeHits += shape.lower() <= 0.7 && 0.7 <= shape.upper() ? 1 : 0;
      scaleHits += scale.lower() <= 30 && 30 <= scale.upper() ? 1 : 0;
    }
    // binomial(300, 0.95): sd 3.8; accept 270..299 (about 4 sd below, to allow small-sample bias)
    assertThat(shapeHits).isBetween(270, 299);
    assertThat(scaleHits).isBetween(270, 299);
  }

  @Test
  void theBestFamilyIsTheGeneratingOneOnClearCases() {
    var rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(7);
    double[] ln = new double[2000];
    double[] wb = new double[2000];
    boolean[] all = new boolean[2000];
    java.util.Arrays.fill(all, true);
    for (int i = 0; i < ln.length; i++) {
      ln[i] = Math.exp(1 + 0.5 * rng.nextGaussian());
      wb[i] = 5 * Math.pow(rng.nextExponential(), 1 / 0.4);
    }
    assertThat(ParametricSurvival.best(SurvivalData.of(ln, all)).family()).isEqualTo(ParametricSurvival.Family.LOG_NORMAL);
    assertThat(ParametricSurvival.best(SurvivalData.of(wb, all)).family()).isEqualTo(ParametricSurvival.Family.WEIBULL);
  }
}
