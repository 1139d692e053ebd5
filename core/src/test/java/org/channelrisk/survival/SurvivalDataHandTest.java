package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.channelrisk.io.LifetimeCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input type's rules (labels, entry times, R's timefix, factor order, subsets) and the refused
 * inputs of the log-rank test and the Cox fit, each with the message that names what is wrong; the
 * log-rank test where its variance is singular and where its p-value is far in the tail.
 */
class SurvivalDataHandTest {
  static SurvivalData data(double[] t, boolean... e) {
    return SurvivalData.of(t, e);
  }

  @Test
  void lifetimeRowsBecomeGroupsAndEntriesOnlyWhenGiven() {
    SurvivalData plain = SurvivalData.of(List.of(Lifetime.of("a", 3, true), Lifetime.of("b", 5, false)));
    assertThat(plain.grouped()).isFalse();
    assertThat(plain.truncated()).isFalse();
    assertThat(plain.times()).containsExactly(3, 5);
    assertThat(plain.eventIndicators()).containsExactly(true, false);
    SurvivalData rich = SurvivalData.of(List.of(new Lifetime("a", 3, true, "web", 1), new Lifetime("b", 5, false, "", 0)));
    assertThat(rich.grouped()).isTrue();
    assertThat(rich.groups().orElseThrow()).containsExactly("web", "");
    assertThat(rich.truncated()).isTrue();
    // entry 1 for the first: at risk on (1, 3]; the second on (0, 5]
    SurvivalCurve c = KaplanMeier.estimate(rich).pooled();
    assertThat(c.nRisk(0)).isEqualTo(2);
    assertThatThrownBy(() -> new Lifetime("x", -1, true, "", 0)).hasMessage("time of x must be finite and >= 0: -1.0");
    assertThatThrownBy(() -> new Lifetime("x", Double.POSITIVE_INFINITY, true, "", 0)).hasMessageContaining("time of x");
    assertThatThrownBy(() -> new Lifetime("x", 2, true, "", 3)).hasMessage("entry of x must be 0 or in (0, time = 2.0): 3.0 (a row that enters at or after its end is never at risk)");
    assertThatThrownBy(() -> new Lifetime("x", 2, true, "", 2)).hasMessageStartingWith("entry of x must be 0 or in (0, time = 2.0): 2.0");
    assertThat(new Lifetime("x", 0, true, "", 0).entry()).isZero();
    assertThatThrownBy(() -> new Lifetime("x", 2, true, "", -0.5)).hasMessageContaining("entry of x");
    assertThatThrownBy(() -> new Lifetime("x", 2, true, null, 0)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("group");
    assertThatThrownBy(() -> new Lifetime(null, 2, true, "", 0)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aLifetimeThatEntersAtItsEndIsRefusedWithItsId(@TempDir Path dir) throws IOException {
    // R's Surv(start, stop) needs start < stop: a row that enters at its end is never at risk. The
    // reader refuses it at its cell, as a Lifetime does
    Path f = Files.writeString(dir.resolve("l.csv"), "id,time,event,entry\nb,3,1,1\na,5,1,5\n");
    assertThatThrownBy(() -> LifetimeCsv.read(f)).isInstanceOf(org.channelrisk.io.InvalidInputException.class)
        .hasMessageStartingWith("l.csv line 3, column 'entry': entry 5 is not before the time 5");
    // a row ending at 0 cannot enter before its end once other rows have entry times
    Path zero = Files.writeString(dir.resolve("zero.csv"), "id,time,event,entry\nb,3,1,1\nz,0,0,0\n");
    List<Lifetime> withZero = LifetimeCsv.read(zero);
    assertThatThrownBy(() -> SurvivalData.of(withZero)).hasMessageStartingWith("rows[1] (id 'z') ends at 0.0 but has entry 0.0");
    // without entry times it is an ordinary row
    assertThat(SurvivalData.of(List.of(Lifetime.of("z", 0, false), Lifetime.of("b", 3, true))).truncated()).isFalse();
  }

  @Test
  void labelsAreCheckedAndCopied() {
    SurvivalData d = data(new double[] {1, 2}, true, false);
    assertThatThrownBy(() -> d.withGroups(new String[] {"a"})).hasMessage("groups has 1 labels for 2 times");
    assertThatThrownBy(() -> d.withStrata(new String[] {"a", "b", "c"})).hasMessage("strata has 3 labels for 2 times");
    assertThatThrownBy(() -> d.withStrata(new String[] {"a", null})).isInstanceOf(NullPointerException.class)
        .hasMessage("strata[1] must not be null");
    assertThatThrownBy(() -> d.withEntry(new double[] {0})).hasMessage("entry has 1 values for 2 times");
    assertThatThrownBy(() -> d.withEntry(new double[] {-1, 0})).hasMessageContaining("entry[0] must be in [0, time[0] = 1.0): -1.0");
    assertThatThrownBy(() -> d.withEntry(new double[] {0, Double.NaN})).hasMessageContaining("entry[1]");
    String[] g = {"a", "b"};
    SurvivalData grouped = d.withGroups(g).withStrata(new String[] {"s", "t"});
    g[0] = "changed";
    assertThat(grouped.groups().orElseThrow()).containsExactly("a", "b");
    grouped.groups().orElseThrow()[1] = "changed";
    assertThat(grouped.groups().orElseThrow()).containsExactly("a", "b");
    assertThat(grouped.strata().orElseThrow()).containsExactly("s", "t");
    assertThat(d.strata()).isEmpty();
    assertThat(d.groups()).isEmpty();
    assertThat(d.groupLevels()).isEmpty();
    assertThat(grouped.size()).isEqualTo(2);
    assertThat(grouped.events()).isEqualTo(1);
  }

  @Test
  void factorOrderOfLabels() {
    // all numbers: numeric order (ties of equal values in text order); else text order; a label that
    // parses to NaN or infinity is not a number
    assertThat(SurvivalData.levels(new String[] {"10", "9", " 2", "9"})).containsExactly(" 2", "9", "10");
    assertThat(SurvivalData.levels(new String[] {"1.0", "1", "-3"})).containsExactly("-3", "1", "1.0");
    assertThat(SurvivalData.levels(new String[] {"b", "10", "a", "9"})).containsExactly("10", "9", "a", "b");
    assertThat(SurvivalData.levels(new String[] {"NaN", "2", "10"})).containsExactly("10", "2", "NaN");
    assertThat(SurvivalData.levels(new String[] {"Infinity", "2", "10"})).containsExactly("10", "2", "Infinity");
  }

  @Test
  void groupSubsetsKeepEntriesAndStrata() {
    SurvivalData d = data(new double[] {4, 5, 6, 7}, true, true, false, true).withGroups(new String[] {"a", "b", "a", "b"})
        .withStrata(new String[] {"x", "y", "z", "w"}).withEntry(new double[] {1, 0, 2, 6});
    SurvivalData b = d.group("b");
    assertThat(b.times()).containsExactly(5, 7);
    assertThat(b.eventIndicators()).containsExactly(true, true);
    assertThat(b.strata().orElseThrow()).containsExactly("y", "w");
    assertThat(b.grouped()).isFalse();
    assertThat(b.truncated()).isTrue();
    // b: (0, 5] event, (6, 7] event: the entry at 6 keeps the second out of the risk set at 5
    SurvivalCurve c = KaplanMeier.estimate(b).pooled();
    assertThat(new int[] {c.nRisk(0), c.nRisk(1)}).containsExactly(1, 1);
    // a subset without entry times or strata
    SurvivalData plain = data(new double[] {4, 5, 6}, true, false, true).withGroups(new String[] {"a", "b", "a"}).group("a");
    assertThat(plain.times()).containsExactly(4, 6);
    assertThat(plain.truncated()).isFalse();
    assertThat(plain.strata()).isEmpty();
    assertThatThrownBy(() -> d.group("c")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no group 'c'; the groups are [a, b]");
    assertThatThrownBy(() -> b.group("a")).isInstanceOf(IllegalStateException.class).hasMessage("the data has no groups");
    assertThat(d.toString()).isEqualTo("SurvivalData[4 observations, 3 events, groups [a, b], left-truncated]");
    assertThat(data(new double[] {1}, false).toString()).isEqualTo("SurvivalData[1 observations, 0 events]");
  }

  @Test
  void timeFixMergesAbsolutelyAndRelativelyAsAeqSurv() {
    // R: aeqSurv(Surv(c(1e9, 1e9 + 1, 2e9, 1, 1 + 1e-9, 1 + 2e-9), rep(1, 6)))[, 1] is
    // 1e9 1e9 2e9 1 1 1: a gap of 1 at 1e9 is below sqrt(eps) relative to the mean |time| (about 5e8),
    // and a chain of gaps of 1e-9 joins the first time of the chain
    SurvivalData d = data(new double[] {1e9, 1e9 + 1, 2e9, 1, 1 + 1e-9, 1 + 2e-9}, true, true, true, true, true, true);
    SurvivalData f = d.withTimeFix();
    assertThat(f.times()).containsExactly(1e9, 1e9, 2e9, 1, 1, 1);
    assertThat(f.timeFixed()).isTrue();
    assertThat(d.timeFixed()).isFalse();
    // ten times 1e6 + 0..9: a gap of 1 is 1e-6 of the mean |time|, above sqrt(eps) = 1.5e-8: none merged
    double[] ten = new double[10];
    boolean[] tenEvents = new boolean[10];
    for (int i = 0; i < 10; i++) {
      ten[i] = 1e6 + i;
      tenEvents[i] = true;
    }
    assertThat(data(ten, tenEvents).withTimeFix().times()).containsExactly(ten);
    // a gap of 1 among small times is not merged
    assertThat(data(new double[] {1, 2, 3}, true, true, true).withTimeFix().times()).containsExactly(1, 2, 3);
    // entries merge with the times: an entry that becomes its own time is refused, as aeqSurv does
    SurvivalData e = data(new double[] {1 + 1e-12, 4}, true, true).withEntry(new double[] {1, 0});
    assertThatThrownBy(e::withTimeFix).hasMessage(
        "after merging nearly equal times, entry[0] = time[0] = 1.0: the interval has effective length 0 (R's aeqSurv refuses it too)");
    // entry 2 - 1e-12 and time 2 merge to 2 - 1e-12 (a cluster takes its smallest value): the second
    // observation then enters at the first one's end and is not at risk there (without the merge it is)
    SurvivalData ok = data(new double[] {2, 5}, true, true).withEntry(new double[] {0, 2 - 1e-12}).withTimeFix();
    assertThat(ok.times()).containsExactly(2 - 1e-12, 5);
    assertThat(KaplanMeier.estimate(ok).pooled().nRisk(0)).isEqualTo(1);
    assertThat(KaplanMeier.estimate(data(new double[] {2, 5}, true, true).withEntry(new double[] {0, 2 - 1e-12})).pooled().nRisk(0))
        .isEqualTo(2);
    assertThat(ok.truncated()).isTrue();
    assertThat(ok.toString()).contains("left-truncated").contains("times merged as R's timefix");
  }

  @Test
  void logRankRefusesWhatItCannotTest() {
    SurvivalData g = data(new double[] {1, 2, 3, 4}, true, true, false, true).withGroups(new String[] {"a", "a", "b", "b"});
    assertThatThrownBy(() -> LogRankTest.test(g, -1)).hasMessage("rho must be finite and >= 0: -1.0");
    assertThatThrownBy(() -> LogRankTest.test(g, Double.NaN)).hasMessage("rho must be finite and >= 0: NaN");
    assertThatThrownBy(() -> LogRankTest.test(g, Double.POSITIVE_INFINITY)).hasMessageContaining("Infinity");
    assertThatThrownBy(() -> LogRankTest.test(g.withEntry(new double[] {0, 0, 0, 1})))
        .hasMessage("the log-rank test here is for right-censored data: entry times are not supported");
  }

  @Test
  void logRankWithoutInformationHasNoDegreesOfFreedom() {
    // a and b both end at t = 1, the only time: n = d = 2, so the hypergeometric variance
    // d (n - d) / (n (n - 1)) is 0; O = E = 1 in each group, the statistic 0 on 0 df, no p-value
    SurvivalData d = data(new double[] {1, 1}, true, true).withGroups(new String[] {"a", "b"});
    LogRankTest.Result r = LogRankTest.test(d);
    assertThat(r.chiSquare()).isZero();
    assertThat(r.df()).isZero();
    assertThat(r.pValue()).isNaN();
    assertThat(r.groups()).extracting(LogRankTest.GroupCounts::expected).containsExactly(1.0, 1.0);
    assertThat(r.toString()).contains("p not available");
    // three groups: a ends at 1, b is censored at 2, c ends at 3 alone. t = 1: n 3, d 1, E = 1/3 each,
    // V = (1 (3 - 1) / (3 2)) (diag(1, 1, 1) - 1/3): 2/9 on the diagonal, -1/9 off it. t = 3: n 1,
    // d 1: E_c += 1, no variance (n - 1 = 0). O = (1, 0, 1), E = (1/3, 1/3, 4/3): every group kept,
    // the first dropped: O - E over (b, c) = (-1/3, -1/3), V = [[2/9, -1/9], [-1/9, 2/9]]
    SurvivalData three = data(new double[] {1, 2, 3}, true, false, true).withGroups(new String[] {"a", "b", "c"});
    LogRankTest.Result t3 = LogRankTest.test(three);
    double[] oe = {-1.0 / 3, -1.0 / 3};
    double[][] vinv = {{6, 3}, {3, 6}}; // the inverse of V: 9/3 [[2, 1], [1, 2]]
    double chi = oe[0] * (vinv[0][0] * oe[0] + vinv[0][1] * oe[1]) + oe[1] * (vinv[1][0] * oe[0] + vinv[1][1] * oe[1]); // 2
    assertThat(t3.chiSquare()).isCloseTo(chi, within(1e-12));
    assertThat(t3.df()).isEqualTo(2);
    assertThat(t3.pValue()).isCloseTo(Math.exp(-chi / 2), within(1e-12)); // chi-square on 2 df: exp(-x/2)
  }

  @Test
  void logRankPValueFarInTheTail() {
    // 40 in a end at 1..40, 40 in b at 41..80: a statistic of about 50 on 1 df; its p-value
    // erfc(sqrt(chi/2)) is below 1e-8, where 1 - cdf has lost most of its digits
    double[] t = new double[80];
    boolean[] e = new boolean[80];
    String[] g = new String[80];
    for (int i = 0; i < 80; i++) {
      t[i] = i + 1;
      e[i] = true;
      g[i] = i < 40 ? "a" : "b";
    }
    LogRankTest.Result r = LogRankTest.test(data(t, e).withGroups(g));
    assertThat(r.df()).isEqualTo(1);
    double p = Erf.erfc(Math.sqrt(r.chiSquare() / 2));
    assertThat(p).isLessThan(1e-8);
    assertThat(r.pValue()).isCloseTo(p, within(1e-9 * p));
    // the accessor keeps the tail's digits; the text gives R's bound below the machine epsilon
    assertThat(r.toString()).startsWith(String.format(java.util.Locale.ROOT, "Log-rank test: chisq %.6g on 1 df, p < 2.2e-16%n",
        r.chiSquare()))
        .contains("n     40  observed    40.0000  expected ");
    assertThat(LogRankTest.test(data(t, e).withGroups(g), 1).toString()).startsWith("G-rho test (rho 1.0): chisq ");
  }

  @Test
  void coxRefusesWhatItCannotFit() {
    SurvivalData d = data(new double[] {1, 2, 3}, true, false, true);
    CoxRegression cox = CoxRegression.defaults();
    double[][] x = {{1}, {2}, {3}};
    assertThatThrownBy(() -> cox.fit(d, new double[][] {{1}, {2}}, List.of("x"))).hasMessage("x has 2 rows for 3 observations");
    assertThatThrownBy(() -> cox.fit(d, x, List.of())).hasMessage("at least one covariate is needed");
    assertThatThrownBy(() -> cox.fit(data(new double[0]), new double[0][], List.of("x"))).hasMessage("no observations");
    assertThatThrownBy(() -> cox.fit(d, new double[][] {{1}, {2, 3}, {3}}, List.of("x"))).hasMessage("row 1 of x has 2 values for 1 names");
    assertThatThrownBy(() -> cox.fit(d, new double[][] {{1}, {Double.NaN}, {3}}, List.of("x")))
        .hasMessage("covariate x of observation 1 is not finite: NaN");
    assertThatThrownBy(() -> cox.fit(d.withEntry(new double[] {0, 1, 0}), x, List.of("x")))
        .hasMessage("entry times (left truncation) are not supported by this Cox fit");
    assertThatThrownBy(() -> cox.withConvergence(0, 5)).hasMessage("tolerance must be > 0: 0.0");
    assertThatThrownBy(() -> cox.withConvergence(Double.NaN, 5)).hasMessage("tolerance must be > 0: NaN");
    assertThatThrownBy(() -> cox.withConvergence(1e-9, 0)).hasMessage("iterations must be >= 1: 0");
    assertThat(cox.withConvergence(1e-9, 1).toString()).isEqualTo("CoxRegression[efron ties, tolerance 1.0E-9, max 1 iterations]");
    assertThatThrownBy(() -> cox.withTies(null)).isInstanceOf(NullPointerException.class).hasMessage("ties must not be null");
    assertThat(cox.withTies(CoxRegression.Ties.BRESLOW).withConvergence(1e-6, 7).toString())
        .isEqualTo("CoxRegression[breslow ties, tolerance 1.0E-6, max 7 iterations]");
  }
}
