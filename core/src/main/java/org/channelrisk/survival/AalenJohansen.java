package org.channelrisk.survival;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.channelrisk.internal.Radix;
import org.channelrisk.internal.Checks;

/**
 * The Aalen-Johansen estimator of the cumulative incidence of each cause, with infinitesimal-jackknife
 * standard errors and pointwise confidence limits, as R survival's multi-state
 * {@code survfit(Surv(time, factor(status)) ~ group)} (and, with entry times,
 * {@code survfit(Surv(entry, time, factor(status)) ~ group, id = id)}).
 *
 * <pre>{@code
 * CumulativeIncidenceFit fit = AalenJohansen.estimate(data);                 // log transform, 95%
 * CumulativeIncidenceFit ll = AalenJohansen.withConfidence(ConfidenceType.LOG_LOG, 0.90).fit(data);
 * fit.group("telegram").cifAt(fit.group("telegram").causeIndex("referral"), 90.0);
 * }</pre>
 *
 * <p>The method: the product integral of the transition matrices of the competing-risks model (one
 * state "no end yet", one absorbing state per cause). At a time with n at risk and d_c ends by cause
 * c, S(t) = S(t-) (1 - d/n) and F_c(t) = F_c(t-) + S(t-) d_c / n. With a single cause, F = 1 - KM.
 *
 * <p>Standard errors: R's infinitesimal jackknife (Therneau's {@code survfitci}), the square root of
 * the sum over observations of the squared influence of each on each state's probability. R updates
 * every observation's influence at every event time, O(n x times); here the influence of an
 * observation still at risk has a closed form in three running sums (and in its entry time under
 * truncation, through centred sums over the risk set), and the influences of the observations that
 * have left are carried as their cross-product matrix, propagated by the transition matrix at each
 * event time. The result is the same sum, in O(n k + times k^2) after one radix sort (O(n)); with
 * entry times, where the exact variance is 0 a rounding residue of about 1e-16 (1e-8 in the standard
 * error) can remain.
 *
 * <p>References: Aalen and Johansen (1978); Kalbfleisch and Prentice (2002), ch. 8; Therneau, Crowson
 * and Atkinson, "Multi-state models and competing risks" (R survival vignette).
 */
public final class AalenJohansen extends CurveEstimator {
  private static final AalenJohansen DEFAULT = new AalenJohansen(ConfidenceSettings.DEFAULT);

  private AalenJohansen(ConfidenceSettings confidence) {
    super(confidence);
  }

  /**
   * Estimates with the defaults (log transform, 95%).
   *
   * @param data the data
   * @return the fit
   */
  public static CumulativeIncidenceFit estimate(CompetingRisksData data) {
    return DEFAULT.fit(data);
  }

  /**
   * An estimator with the given confidence limits.
   *
   * @param type the transform
   * @param level the level, in (0, 1)
   * @return the estimator
   */
  public static AalenJohansen withConfidence(ConfidenceType type, double level) {
    return new AalenJohansen(new ConfidenceSettings(type, level));
  }

  /**
   * Estimates the pooled curves and one set per group.
   *
   * @param data the data
   * @return the fit
   */
  public CumulativeIncidenceFit fit(CompetingRisksData data) {
    int n = Checks.notNull("data", data).size();
    Map<String, CumulativeIncidence> groups = new LinkedHashMap<>();
    if (data.grouped()) {
      List<String> levels = data.groupLevels();
      int[] code = data.groupCodes(levels);
      int[] count = new int[levels.size()];
      for (int g : code) {
        count[g]++;
      }
      int[][] members = new int[levels.size()][];
      for (int g = 0; g < levels.size(); g++) {
        members[g] = new int[count[g]];
      }
      int[] fill = new int[levels.size()];
      for (int i = 0; i < n; i++) {
        members[code[i]][fill[code[i]]++] = i;
      }
      for (int g = 0; g < levels.size(); g++) {
        groups.put(levels.get(g), curve(levels.get(g), data, members[g]));
      }
    }
    return new CumulativeIncidenceFit(() -> {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return curve("ALL", data, all);
    }, ImmutableMap.copyOf(groups), data.causes(), confidence);
  }

  /** The curves of the observations {@code idx}. */
  CumulativeIncidence curve(String label, CompetingRisksData data, int[] idx) {
    int n = idx.length;
    int k = data.causes().size();
    int s = k + 1; // states: 0 = no end yet, c = ended by cause c
    long[] keys = new long[n];
    int[] order = new int[n];
    if ((long) n * s > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many observations for one curve: " + n);
    }
    for (int j = 0; j < n; j++) {
      keys[j] = Radix.key(data.time(idx[j]));
      // the item carries the cause, so that the pass over the sorted times reads memory in order
      order[j] = j * s + data.cause(idx[j]);
    }
    Radix.sortUnsigned(keys, order, n);
    boolean truncated = data.truncated();
    double[] e = null;
    int[] entryOrder = null;
    if (truncated) {
      e = new double[n];
      long[] ek = new long[n];
      entryOrder = new int[n];
      for (int j = 0; j < n; j++) {
        e[j] = data.entry(idx[j]);
        ek[j] = Radix.key(e[j]);
        entryOrder[j] = j;
      }
      Radix.sortUnsigned(ek, entryOrder, n);
    }
    int rows = 0;
    for (int j = 0; j < n; j++) {
      if (j == 0 || keys[j] != keys[j - 1]) {
        rows++;
      }
    }
    double[] time = new double[rows];
    int[] nRisk = new int[rows];
    int[][] nEvent = new int[k][rows];
    int[] nCensor = new int[rows];
    double[][] cif = new double[k][rows];
    double[][] se = new double[k][rows];
    double[] surv = new double[rows];
    double[] survSe = new double[rows];

    // Running estimates: S = P(no end yet), F[c] cumulative incidences; A and B[c] are the sums that
    // give the influence of an observation at risk since the start: U_0 = S A, U_c = B_c. An
    // observation that entered when they were (a, b_c, f_c) has U_0 = S (A - a),
    // U_c = B_c - a F_c - (b_c - a f_c) = B_c - a F_c - g_c.
    double surv0 = 1;
    double a = 0;
    double[] f = new double[s]; // index 1..k
    double[] b = new double[s];
    double[] fPrev = new double[s];
    double[] bPrev = new double[s];
    // Over the observations at risk: the means of a and g_c and their centred cross products (Welford,
    // with removal), all 0 without truncation. Centred, the sums of squares below do not cancel.
    int atRisk = truncated ? 0 : n;
    double ma = 0;
    double qaa = 0;
    double[] mg = new double[s];
    double[] qgg = new double[s];
    double[] qag = new double[s];
    double[] gx = new double[s]; // scratch: an observation's g
    double[] entA = truncated ? new double[n] : null;
    double[] entG = truncated ? new double[n * s] : null;
    // Cross products of the influences of the observations that have left, (k+1) x (k+1).
    double[] m = new double[s * s];
    double[] u = new double[s];
    int[] d = new int[s];
    double[] h = new double[s]; // d_c / n at the current time
    double[] rowSums = new double[s]; // scratch of propagate
    int ePtr = 0;
    int row = 0;
    for (int lo = 0; lo < n; row++) {
      double tt = Radix.toDouble(keys[lo]);
      int hi = lo;
      while (hi < n && keys[hi] == keys[lo]) {
        hi++;
      }
      if (truncated) {
        while (ePtr < n && e[entryOrder[ePtr]] < tt) {
          int p = entryOrder[ePtr++];
          entA[p] = a;
          for (int q = 1; q <= k; q++) {
            gx[q] = b[q] - a * f[q];
            entG[p * s + q] = gx[q];
          }
          atRisk++;
          double da = a - ma;
          ma += da / atRisk;
          double da2 = a - ma;
          qaa += da * da2;
          for (int q = 1; q <= k; q++) {
            double dg = gx[q] - mg[q];
            mg[q] += dg / atRisk;
            double dg2 = gx[q] - mg[q];
            qgg[q] += dg * dg2;
            qag[q] += da * dg2;
          }
        }
      }
      java.util.Arrays.fill(d, 0);
      int censored = 0;
      for (int j = lo; j < hi; j++) {
        d[order[j] % s]++;
      }
      censored = d[0];
      int events = hi - lo - censored;
      double nr = atRisk;
      time[row] = tt;
      nRisk[row] = atRisk;
      nCensor[row] = censored;
      double sPrev = surv0;
      double aPrev = a;
      double keep = 1;
      if (events > 0) {
        System.arraycopy(f, 0, fPrev, 0, s);
        System.arraycopy(b, 0, bPrev, 0, s);
        keep = 1 - events / nr;
        for (int q = 1; q <= k; q++) {
          h[q] = d[q] / nr;
        }
        propagate(m, s, keep, h, rowSums);
        double inv = 1 / nr;
        for (int q = 1; q <= k; q++) {
          b[q] += sPrev * h[q] * (aPrev - inv);
          f[q] = sPrev * h[q] + f[q];
        }
        surv0 = sPrev * keep;
        a += atRisk > events ? events / (nr * (nr - events)) : 0;
      }
      for (int j = lo; j < hi; j++) {
        int p = order[j] / s;
        double ap = truncated ? entA[p] : 0;
        int cp = order[j] % s;
        if (cp == 0 || events == 0) {
          u[0] = surv0 * (a - ap);
          for (int q = 1; q <= k; q++) {
            u[q] = b[q] - ap * f[q] - (truncated ? entG[p * s + q] : 0);
          }
        } else {
          double jump = sPrev / nr;
          double w = sPrev * (aPrev - ap) - jump;
          u[0] = keep * w;
          for (int q = 1; q <= k; q++) {
            u[q] = bPrev[q] - ap * fPrev[q] - (truncated ? entG[p * s + q] : 0) + h[q] * w + (q == cp ? jump : 0);
          }
        }
        m[0] += u[0] * u[0]; // state 0 and the causes' block (upper triangle): all that propagate reads
        for (int x = 1; x < s; x++) {
          double ux = u[x];
          for (int y = x; y < s; y++) {
            m[x * s + y] += ux * u[y];
          }
        }
        atRisk--;
        if (truncated) {
          if (atRisk == 0) {
            ma = 0;
            qaa = 0;
            java.util.Arrays.fill(mg, 0);
            java.util.Arrays.fill(qgg, 0);
            java.util.Arrays.fill(qag, 0);
          } else {
            double da = ap - ma; // against the mean with p
            ma -= da / atRisk;
            double da2 = ap - ma; // against the mean without p
            qaa -= da * da2;
            for (int q = 1; q <= k; q++) {
              double g = entG[p * s + q];
              double dg = g - mg[q];
              mg[q] -= dg / atRisk;
              qgg[q] -= dg * (g - mg[q]);
              qag[q] -= da2 * dg;
            }
          }
        }
      }
      surv[row] = surv0;
      double r = atRisk;
      double dev0 = a - ma;
      double v0 = m[0] + surv0 * surv0 * (r * dev0 * dev0 + qaa);
      survSe[row] = Math.sqrt(Math.max(0, v0));
      for (int q = 1; q <= k; q++) {
        nEvent[q - 1][row] = d[q];
        cif[q - 1][row] = f[q];
        double bq = b[q];
        double fq = f[q];
        double dev = bq - ma * fq - mg[q]; // the mean influence of those at risk
        double vq = m[q * s + q] + r * dev * dev + fq * fq * qaa + 2 * fq * qag[q] + qgg[q];
        se[q - 1][row] = Math.sqrt(Math.max(0, vq));
      }
      lo = hi;
    }
    return new CumulativeIncidence(label, data.causes(), time, nRisk, nEvent, nCensor, cif, se, surv, survSe, n, confidence.type(),
        confidence.level());
  }

  /**
   * M = H' M H for the competing-risks transition matrix H at one time: H[0][0] = keep = 1 - d/n,
   * H[0][c] = h_c = d_c/n, H[c][c] = 1; with u' = u H: u'_0 = keep u_0, u'_c = u_c + h_c u_0.
   * Every influence vector sums to 0 over the states (the probabilities sum to 1), so u_0 = -sum_e u_e
   * and u'_c = sum_e u_e (delta_ec - h_c): the block of the causes propagates on its own,
   * C' = C - h r' - r h' + h h' R (r its row sums, R their total), and the state-0 entry as
   * keep^2 M_00. Written so, an influence that the step cancels (everyone at risk ended, one cause)
   * leaves an exact 0, not the rounding residue of squares that cancel. Only the diagonal and the
   * cause block's upper triangle are kept.
   */
  private static void propagate(double[] m, int s, double keep, double[] h, double[] r) {
    double total = 0;
    for (int x = 1; x < s; x++) {
      double sum = 0;
      for (int y = 1; y < s; y++) {
        sum += x <= y ? m[x * s + y] : m[y * s + x];
      }
      r[x] = sum;
      total += sum;
    }
    for (int x = 1; x < s; x++) {
      for (int y = x; y < s; y++) {
        m[x * s + y] = m[x * s + y] - h[y] * r[x] - h[x] * r[y] + h[x] * h[y] * total;
      }
    }
    m[0] = keep * keep * m[0];
  }
}
