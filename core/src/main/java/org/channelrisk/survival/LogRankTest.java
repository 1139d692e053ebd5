package org.channelrisk.survival;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.PValues;

/**
 * The G-rho family of k-sample tests (Harrington and Fleming 1982), as R survival's {@code survdiff}:
 * rho = 0 is the log-rank (Mantel-Haenszel) test, rho = 1 the Peto and Peto modification of the
 * Gehan-Wilcoxon test. Each event time is weighted by S(t-)^rho, S the pooled Kaplan-Meier estimate
 * of its stratum; with strata, observed and expected counts and variances are summed over strata.
 *
 * <pre>{@code
 * LogRankTest.Result r = LogRankTest.test(data);          // log-rank
 * LogRankTest.Result pp = LogRankTest.test(data, 1.0);    // Peto-Peto
 * r.chiSquare(); r.df(); r.pValue();
 * }</pre>
 *
 * <p>The statistic is (O - E)' V^-1 (O - E) over the groups with expected &gt; 0, less the first of
 * them; df is their number less one. Where V is singular (no information in some direction, e.g. each
 * event with a single subject at risk), R stops with an error; here the Moore-Penrose inverse is used
 * and df is the rank of V. Cost: a linear radix sort of the times, O(m k^2) for m event times and k
 * groups.
 */
public final class LogRankTest {
  private LogRankTest() {}

  /**
   * One group's counts.
   *
   * @param group the label
   * @param n observations
   * @param observed (weighted) observed events
   * @param expected (weighted) expected events
   * @param variance the diagonal element of the variance matrix
   */
  public record GroupCounts(String group, int n, double observed, double expected, double variance) {
    /** Checks that there is a label. */
    public GroupCounts {
      Checks.notNull("group", group);
    }
  }

  /**
   * The test result.
   *
   * @param rho the weight exponent
   * @param chiSquare the statistic
   * @param df degrees of freedom
   * @param pValue upper tail of the chi-square distribution
   * @param groups counts per group, in R's factor order
   */
  public record Result(double rho, double chiSquare, int df, double pValue, List<GroupCounts> groups) {
    /** Copies the list. */
    public Result {
      groups = List.copyOf(Checks.notNull("groups", groups));
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
          "%s: chisq %.6g on %d df, %s%n", rho == 0 ? "Log-rank test" : "G-rho test (rho " + rho + ")",
          chiSquare, df, Double.isNaN(pValue) ? "p not available (no events to compare)"
              : PValues.phrase(pValue)));
      for (GroupCounts g : groups) {
        sb.append(String.format(Locale.ROOT, "  %-12s n %6d  observed %10.4f  expected %10.4f%n",
            g.group(), g.n(), g.observed(), g.expected()));
      }
      return sb.toString();
    }
  }

  /**
   * The log-rank test between the data's groups.
   *
   * @param data grouped data (strata optional)
   * @return the result
   */
  public static Result test(SurvivalData data) {
    return test(data, 0.0);
  }

  /**
   * A G-rho test between the data's groups.
   *
   * @param data grouped data (strata optional)
   * @param rho weight exponent, finite and &gt;= 0
   * @return the result
   * @throws IllegalArgumentException if the data has no groups or rho is invalid
   */
  public static Result test(SurvivalData data, double rho) {
    Checks.notNull("data", data);
    if (!(rho >= 0) || Double.isInfinite(rho)) {
      throw new IllegalArgumentException("rho must be finite and >= 0: " + rho);
    }
    if (!data.grouped()) {
      throw new IllegalArgumentException("a log-rank test needs groups: the data has none");
    }
    if (data.truncated()) {
      throw new IllegalArgumentException("the log-rank test here is for right-censored data: entry times are not supported");
    }
    List<String> levels = data.groupLevels();
    int k = levels.size();
    if (k < 2) {
      // R's survdiff stops with "There is only 1 group": a test between groups needs two
      throw new IllegalArgumentException("a log-rank test compares groups, but the data has "
          + (k == 0 ? "no observations" : "only 1 group ('" + levels.get(0) + "')"));
    }
    double[] obs = new double[k];
    double[] exp = new double[k];
    double[][] var = new double[k][k];
    int[] count = new int[k];
    String[] strata = data.strata().orElse(null);
    if (strata == null) {
      SurvivalData.Sorted sorted = data.sorted();
      accumulate(sorted, identity(k), rho, obs, exp, var, count);
    } else {
      String[] labels = data.groups().orElseThrow();
      Map<String, Integer> code = new HashMap<>();
      for (int g = 0; g < k; g++) {
        code.put(levels.get(g), g);
      }
      Map<String, List<Integer>> byStratum = new java.util.TreeMap<>();
      for (int i = 0; i < data.size(); i++) {
        byStratum.computeIfAbsent(strata[i], x -> new ArrayList<>()).add(i);
      }
      for (List<Integer> idx : byStratum.values()) {
        double[] t = new double[idx.size()];
        boolean[] e = new boolean[idx.size()];
        String[] g = new String[idx.size()];
        for (int j = 0; j < t.length; j++) {
          t[j] = data.time(idx.get(j));
          e[j] = data.event(idx.get(j));
          g[j] = labels[idx.get(j)];
        }
        SurvivalData.Sorted sorted = SurvivalData.of(t, e).withGroups(g).sorted();
        int[] global = new int[sorted.levels().size()];
        for (int j = 0; j < global.length; j++) {
          global[j] = code.get(sorted.levels().get(j));
        }
        accumulate(sorted, global, rho, obs, exp, var, count);
      }
    }
    List<Integer> keep = new ArrayList<>();
    for (int g = 0; g < k; g++) {
      if (exp[g] > 0) {
        keep.add(g);
      }
    }
    double chi = 0;
    int df = keep.size() - 1;
    if (keep.size() >= 2) {
      int m = keep.size() - 1;
      RealMatrix v = new Array2DRowRealMatrix(m, m);
      RealVector diff = new ArrayRealVector(m);
      for (int a = 0; a < m; a++) {
        int ga = keep.get(a + 1);
        diff.setEntry(a, obs[ga] - exp[ga]);
        for (int b = 0; b < m; b++) {
          v.setEntry(a, b, var[ga][keep.get(b + 1)]);
        }
      }
      DecompositionSolver lu = new LUDecomposition(v).getSolver();
      if (lu.isNonSingular()) {
        chi = lu.solve(diff).dotProduct(diff);
      } else {
        // No information in some direction (e.g. every event with one subject at risk): use the
        // Moore-Penrose inverse and count only the informative directions as degrees of freedom.
        SingularValueDecomposition svd = new SingularValueDecomposition(v);
        chi = svd.getSolver().getInverse().operate(diff).dotProduct(diff);
        df = svd.getRank();
      }
    }
    double p = df > 0 ? new ChiSquaredDistribution(df).cumulativeProbability(chi) : Double.NaN;
    p = df > 0 ? 1 - p : Double.NaN;
    if (df > 0 && p < 1e-8) {
      // 1 - cdf loses precision in the far tail: use the regularized gamma complement
      p = org.apache.commons.math3.special.Gamma.regularizedGammaQ(df / 2.0, chi / 2.0);
    }
    ImmutableList.Builder<GroupCounts> groups = ImmutableList.builder();
    for (int g = 0; g < k; g++) {
      groups.add(new GroupCounts(levels.get(g), count[g], obs[g], exp[g], var[g][g]));
    }
    return new Result(rho, chi, Math.max(df, 0), p, groups.build());
  }

  private static int[] identity(int k) {
    int[] a = new int[k];
    for (int i = 0; i < k; i++) {
      a[i] = i;
    }
    return a;
  }

  /**
   * One stratum, in one forward pass merging the groups' distinct times (their Kaplan-Meier rows): at
   * each event time the group's number at risk is its size less those with an earlier time, the weight
   * the pooled Kaplan-Meier estimate just before the time to the power rho. The same sums as survdiff's
   * backward loop.
   */
  private static void accumulate(SurvivalData.Sorted sorted, int[] global, double rho, double[] obs, double[] exp,
      double[][] var, int[] count) {
    SurvivalData.Rows[] rows = sorted.rows();
    int k = rows.length;
    if (k == 2) {
      accumulateTwo(sorted, global, rho, obs, exp, var, count);
      return;
    }
    int[] pos = new int[k];
    int[] atRisk = new int[k];
    int[] d = new int[k];
    int[] c = new int[k];
    // this stratum's sums, added to the totals at the end (fewer indirections in the loop)
    double[] o = new double[k];
    double[] e = new double[k];
    double[] v = new double[k * k];
    int total = 0;
    for (int g = 0; g < k; g++) {
      atRisk[g] = sorted.events()[g].length + sorted.censors()[g].length;
      count[global[g]] += atRisk[g];
      total += atRisk[g];
    }
    double km = 1;
    int remaining = total; // the number at risk, all groups
    while (remaining > 0) {
      double t = Double.POSITIVE_INFINITY;
      for (int g = 0; g < k; g++) {
        double[] tg = rows[g].time();
        if (pos[g] < tg.length && tg[pos[g]] < t) {
          t = tg[pos[g]];
        }
      }
      int deaths = 0;
      int leaving = 0;
      for (int g = 0; g < k; g++) {
        SurvivalData.Rows rg = rows[g];
        int p = pos[g];
        if (p < rg.time().length && rg.time()[p] == t) {
          d[g] = rg.events()[p];
          c[g] = rg.censors()[p];
          pos[g] = p + 1;
        } else {
          d[g] = 0;
          c[g] = 0;
        }
        deaths += d[g];
        leaving += d[g] + c[g];
      }
      if (deaths > 0) {
        double n = remaining;
        double wt = rho == 0 ? 1 : Math.pow(km, rho);
        double share = wt * deaths / n;
        for (int g = 0; g < k; g++) {
          o[g] += wt * d[g];
          e[g] += share * atRisk[g];
        }
        if (remaining > 1) {
          double f = wt * wt * deaths * (n - deaths) / (n * (n - 1));
          for (int a = 0; a < k; a++) {
            double tmp = f * atRisk[a];
            v[a * k + a] += tmp;
            double tn = tmp / n;
            for (int b = 0; b < k; b++) {
              v[a * k + b] -= tn * atRisk[b];
            }
          }
        }
        km *= (n - deaths) / n;
      }
      remaining -= leaving;
      for (int g = 0; g < k; g++) {
        atRisk[g] -= d[g] + c[g];
      }
    }
    for (int a = 0; a < k; a++) {
      obs[global[a]] += o[a];
      exp[global[a]] += e[a];
      for (int b = 0; b < k; b++) {
        var[global[a]][global[b]] += v[a * k + b];
      }
    }
  }
  /**
   * {@link #accumulate} for two groups, the usual comparison, with every count and sum in a local: the
   * same operations in the same order as the general pass (so the same bits), without its per-group
   * array stores and loads at every distinct time, which were most of its cost.
   */
  private static void accumulateTwo(SurvivalData.Sorted sorted, int[] global, double rho, double[] obs, double[] exp,
      double[][] var, int[] count) {
    SurvivalData.Rows r0 = sorted.rows()[0];
    SurvivalData.Rows r1 = sorted.rows()[1];
    double[] t0 = r0.time();
    double[] t1 = r1.time();
    int[] d0s = r0.events();
    int[] d1s = r1.events();
    int[] c0s = r0.censors();
    int[] c1s = r1.censors();
    int n0 = t0.length;
    int n1 = t1.length;
    int atRisk0 = sorted.events()[0].length + sorted.censors()[0].length;
    int atRisk1 = sorted.events()[1].length + sorted.censors()[1].length;
    count[global[0]] += atRisk0;
    count[global[1]] += atRisk1;
    int remaining = atRisk0 + atRisk1;
    int p0 = 0;
    int p1 = 0;
    double o0 = 0;
    double o1 = 0;
    double e0 = 0;
    double e1 = 0;
    double v00 = 0;
    double v01 = 0;
    double v10 = 0;
    double v11 = 0;
    double km = 1;
    while (remaining > 0) {
      double a = p0 < n0 ? t0[p0] : Double.POSITIVE_INFINITY;
      double b = p1 < n1 ? t1[p1] : Double.POSITIVE_INFINITY;
      double t = Math.min(a, b);
      int d0 = 0;
      int c0 = 0;
      int d1 = 0;
      int c1 = 0;
      if (a == t) {
        d0 = d0s[p0];
        c0 = c0s[p0];
        p0++;
      }
      if (b == t) {
        d1 = d1s[p1];
        c1 = c1s[p1];
        p1++;
      }
      int deaths = d0 + d1;
      if (deaths > 0) {
        double n = remaining;
        double wt = rho == 0 ? 1 : Math.pow(km, rho);
        double share = wt * deaths / n;
        o0 += wt * d0;
        e0 += share * atRisk0;
        o1 += wt * d1;
        e1 += share * atRisk1;
        if (remaining > 1) {
          double f = wt * wt * deaths * (n - deaths) / (n * (n - 1));
          double tmp = f * atRisk0;
          v00 += tmp;
          double tn = tmp / n;
          v00 -= tn * atRisk0;
          v01 -= tn * atRisk1;
          tmp = f * atRisk1;
          v11 += tmp;
          tn = tmp / n;
          v10 -= tn * atRisk0;
          v11 -= tn * atRisk1;
        }
        km *= (n - deaths) / n;
      }
      remaining -= d0 + c0 + d1 + c1;
      atRisk0 -= d0 + c0;
      atRisk1 -= d1 + c1;
    }
    obs[global[0]] += o0;
    exp[global[0]] += e0;
    var[global[0]][global[0]] += v00;
    var[global[0]][global[1]] += v01;
    obs[global[1]] += o1;
    exp[global[1]] += e1;
    var[global[1]][global[0]] += v10;
    var[global[1]][global[1]] += v11;
  }
}
