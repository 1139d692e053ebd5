package org.channelrisk.survival;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.channelrisk.stats.Estimate;
import org.channelrisk.internal.Checks;

/**
 * A Kaplan-Meier curve with Greenwood standard errors, pointwise confidence limits and the
 * Nelson-Aalen cumulative hazard: one row per distinct observed time, censored-only times included,
 * exactly the rows of an R {@code survfit} object.
 *
 * <pre>{@code
 * SurvivalCurve c = KaplanMeier.estimate(aml).pooled();   // R's aml data
 * c.survivalAt(30.0);        // S(30)
 * c.median();                // 27.0 (18, 45; log transform, 95%)
 * c.restrictedMean(48.0);    // RMST(tau 48.0) = 27.0062 (se 3.205)
 * }</pre>
 *
 * <p>Column semantics follow R: {@link #stdErr(int)} is the standard error of the cumulative hazard
 * -log S (R's {@code fit$std.err}); {@link #survivalStdError(int)} that of S itself (what
 * {@code summary.survfit} prints). Immutable, and compared by content: two estimates of the same
 * data with the same label and confidence settings are equal. A row index out of range throws {@link
 * IndexOutOfBoundsException} with the valid range.
 */
public final class SurvivalCurve {
  /** R's tolerance for flat stretches of a curve: sqrt of the double epsilon. */
  static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

  private final String label;
  private final double[] time;
  private final int[] nRisk;
  private final int[] nEvent;
  private final int[] nCensor;
  private final double[] surv;
  private final double[] stdErr;
  private final double[] lower;
  private final double[] upper;
  private final double[] cumHaz;
  private final double[] stdCumHaz;
  private final int records;
  private final ConfidenceType confType;
  private final double confLevel;

  SurvivalCurve(String label, double[] time, int[] nRisk, int[] nEvent, int[] nCensor, int records,
      ConfidenceType confType, double confLevel) {
    this.label = label;
    this.time = time;
    this.nRisk = nRisk;
    this.nEvent = nEvent;
    this.nCensor = nCensor;
    this.records = records;
    this.confType = confType;
    this.confLevel = confLevel;
    int m = time.length;
    surv = new double[m];
    stdErr = new double[m];
    lower = new double[m];
    upper = new double[m];
    cumHaz = new double[m];
    stdCumHaz = new double[m];
    double z = org.channelrisk.stats.CriticalValues.normal(confLevel);
    double s = 1;
    double greenwood = 0;
    double h = 0;
    double vh = 0;
    for (int i = 0; i < m; i++) {
      double n = nRisk[i];
      double d = nEvent[i];
      if (d > 0) {
        s *= (n - d) / n;
        greenwood = n == d ? Double.POSITIVE_INFINITY : greenwood + d / (n * (n - d));
        h += d / n;
        vh += d / (n * n);
      }
      surv[i] = s;
      stdErr[i] = Math.sqrt(greenwood);
      cumHaz[i] = h;
      stdCumHaz[i] = Math.sqrt(vh);
      double[] lim = confType.limits(s, stdErr[i], z);
      lower[i] = lim[0];
      upper[i] = lim[1];
    }
  }

  /**
   * A copy with another label.
   *
   * @param newLabel the label
   * @return the relabelled curve
   */
  public SurvivalCurve relabel(String newLabel) {
    return new SurvivalCurve(Checks.notNull("label", newLabel), time, nRisk, nEvent, nCensor, records, confType, confLevel);
  }

  /** @return the stratum or group label, "ALL" for a pooled curve */
  public String label() {
    return label;
  }

  /** @return number of rows (distinct times) */
  public int size() {
    return time.length;
  }

  /** @return number of observations behind the curve */
  public int records() {
    return records;
  }

  /** @return number of events */
  public int events() {
    int d = 0;
    for (int e : nEvent) {
      d += e;
    }
    return d;
  }

  /** @param i row @return the time */
  public double time(int i) {
    return time[Objects.checkIndex(i, time.length)];
  }

  /** @param i row @return number at risk just before the time */
  public int nRisk(int i) {
    return nRisk[Objects.checkIndex(i, time.length)];
  }

  /** @param i row @return events at the time */
  public int nEvent(int i) {
    return nEvent[Objects.checkIndex(i, time.length)];
  }

  /** @param i row @return censorings at the time */
  public int nCensor(int i) {
    return nCensor[Objects.checkIndex(i, time.length)];
  }

  /** @param i row @return S(t) */
  public double survival(int i) {
    return surv[Objects.checkIndex(i, time.length)];
  }

  /** @param i row @return Greenwood standard error of -log S(t) (R's {@code std.err}); infinite where S = 0 */
  public double stdErr(int i) {
    return stdErr[Objects.checkIndex(i, time.length)];
  }

  /** @param i row @return Greenwood standard error of S(t) (NaN where S = 0) */
  public double survivalStdError(int i) {
    return surv[Objects.checkIndex(i, time.length)] * stdErr[i];
  }

  /** @param i row @return lower confidence limit of S(t), NaN where undefined */
  public double lower(int i) {
    return lower[Objects.checkIndex(i, time.length)];
  }

  /** @param i row @return upper confidence limit of S(t), NaN where undefined */
  public double upper(int i) {
    return upper[Objects.checkIndex(i, time.length)];
  }

  /** @param i row @return Nelson-Aalen cumulative hazard */
  public double cumHaz(int i) {
    return cumHaz[Objects.checkIndex(i, time.length)];
  }

  /** @param i row @return standard error of the Nelson-Aalen estimate, sqrt(sum d / n^2) */
  public double stdCumHaz(int i) {
    return stdCumHaz[Objects.checkIndex(i, time.length)];
  }

  /** @return the confidence transform of the limits */
  public ConfidenceType confType() {
    return confType;
  }

  /** @return the confidence level of the limits */
  public double confLevel() {
    return confLevel;
  }

  /** @return a copy of the times */
  public double[] times() {
    return time.clone();
  }

  /** @return a copy of S at each time */
  public double[] survivals() {
    return surv.clone();
  }

  /**
   * The estimate at any time (a right-continuous step function).
   *
   * @param t a time
   * @return S(t); 1 before the first row
   */
  public double survivalAt(double t) {
    int i = Arrays.binarySearch(time, t);
    i = i >= 0 ? i : -i - 2;
    return i < 0 ? 1.0 : surv[i];
  }

  String method() {
    return String.format(Locale.ROOT, "%s transform, %s%%", confType.rName(), fmtLevel(confLevel));
  }

  private static String fmtLevel(double level) {
    double p = 100 * level;
    return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
  }

  /**
   * The median as R's {@code summary.survfit} reports it: the first time where S &lt;= 0.5; where S
   * equals 0.5 (within 1.5e-8) on a stretch, the midpoint between its start and the next drop. The
   * limits apply the same rule to the lower and upper curves.
   *
   * @return the median with its limits; NaN where not reached
   */
  public Estimate median() {
    return new Estimate(minmin(surv), minmin(lower), minmin(upper), method());
  }

  private double minmin(double[] y) {
    int first = -1;
    for (int i = 0; i < y.length; i++) {
      if (!Double.isNaN(y[i]) && y[i] < 0.5 + TOLERANCE) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return Double.NaN;
    }
    if (Math.abs(y[first] - 0.5) < TOLERANCE) {
      for (int j = first + 1; j < y.length; j++) {
        if (!Double.isNaN(y[j]) && y[j] < y[first]) {
          return (time[first] + time[j]) / 2;
        }
      }
    }
    return time[first];
  }

  /**
   * A quantile of the survival time as R's {@code quantile.survfit} computes it: the time where the
   * distribution function 1 - S reaches {@code p}; on a flat stretch at exactly {@code p} (within
   * 1.5e-8), the midpoint of the stretch (at the end of the curve, the midpoint with the last time).
   *
   * @param p a probability in [0, 1]
   * @return the quantile with limits from the lower and upper curves; NaN where not reached
   */
  public Estimate quantile(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0, 1]: " + p);
    }
    return new Estimate(findq(surv, p), findq(lower, p), findq(upper, p), method());
  }

  /**
   * R's {@code findq(c(0, time), c(0, 1 - y), p, tol)}: duplicates removed keeping the first
   * occurrence (NaN counts as a duplicate of NaN), then {@code approx(y +- tol, 1:n, p, "constant",
   * f = 1)}, which skips NaN points.
   */
  private double findq(double[] y, double p) {
    int m = y.length;
    double[] xs = new double[m + 1];
    double[] ys = new double[m + 1];
    xs[0] = 0;
    ys[0] = 0;
    int n = 1;
    boolean nanKept = false;
    java.util.HashSet<Double> seen = new java.util.HashSet<>();
    seen.add(0.0);
    double maxY = 0;
    for (int i = 0; i < m; i++) {
      double f = 1 - y[i];
      boolean isNew = Double.isNaN(f) ? !nanKept : seen.add(f);
      if (isNew) {
        nanKept |= Double.isNaN(f);
        xs[n] = time[i];
        ys[n] = f;
        n++;
        if (!Double.isNaN(f)) {
          maxY = Math.max(maxY, f);
        }
      }
    }
    if (maxY < p) {
      return Double.NaN;
    }
    if (p == 0) {
      return xs[0];
    }
    double xmax = m == 0 ? 0 : time[m - 1];
    int i1 = firstAtLeast(ys, n, p, TOLERANCE);
    int i2 = firstAtLeast(ys, n, p, -TOLERANCE);
    if (!Double.isNaN(ys[n - 1]) && Math.abs(p - ys[n - 1]) < TOLERANCE) {
      return i1 < 0 ? Double.NaN : (xs[i1] + xmax) / 2;
    }
    if (i1 < 0 || i2 < 0) {
      return Double.NaN;
    }
    return (xs[i1] + xs[i2]) / 2;
  }

  /**
   * {@code approx(y + shift, 1:n, p, method = "constant", f = 1)} over the non-NaN points. approx sorts
   * the points by their value, and a confidence curve need not be monotone, so the answer is the point
   * with the smallest value &gt;= p (not the first such index); -1 when p lies outside the range
   * (rule = 1).
   */
  private static int firstAtLeast(double[] ys, int n, double p, double shift) {
    double min = Double.POSITIVE_INFINITY;
    double best = Double.POSITIVE_INFINITY;
    int found = -1;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(ys[i])) {
        continue;
      }
      double v = ys[i] + shift;
      min = Math.min(min, v);
      if (v >= p && v < best) {
        best = v;
        found = i;
      }
    }
    return p < min ? -1 : found;
  }

  /**
   * Restricted mean survival time up to {@code tau}: the area under the curve from 0, with
   * survival's standard error. Past the last time the curve is extended flat.
   *
   * @param tau the upper limit, &gt;= 0
   * @return the restricted mean
   */
  public RestrictedMean restrictedMean(double tau) {
    if (!(tau >= 0) || Double.isInfinite(tau)) {
      throw new IllegalArgumentException("tau must be finite and >= 0: " + tau);
    }
    int keep = 0;
    while (keep < time.length && time[keep] <= tau) {
      keep++;
    }
    // rectangles: widths between 0, the kept times and tau; heights 1 then S at each kept time
    int n = keep + 1;
    double[] tt = new double[n];
    double[] ss = new double[n];
    double[] hh = new double[n];
    for (int i = 0; i < keep; i++) {
      tt[i] = time[i];
      ss[i] = surv[i];
      double r = nRisk[i] - nEvent[i];
      hh[i] = r == 0 ? 0 : nEvent[i] / (nRisk[i] * r);
    }
    tt[n - 1] = tau;
    ss[n - 1] = keep == 0 ? 1 : surv[keep - 1];
    hh[n - 1] = 0;
    double[] rect = new double[n];
    double prev = 0;
    double area = 0;
    for (int i = 0; i < n; i++) {
      double height = i == 0 ? 1 : ss[i - 1];
      rect[i] = (tt[i] - prev) * height;
      prev = tt[i];
      area += rect[i];
    }
    // varmean = sum(cumsum(rev(rect[-1]))^2 * rev(hh)[-1])
    double var = 0;
    double cum = 0;
    for (int j = n - 1, k = n - 1; j >= 1; j--, k--) {
      cum += rect[j];
      var += cum * cum * hh[k - 1];
    }
    return new RestrictedMean(tau, area, Math.sqrt(var));
  }

  /**
   * Restricted mean up to the last time of the curve.
   *
   * @return the restricted mean
   */
  public RestrictedMean restrictedMean() {
    return restrictedMean(time.length == 0 ? 0 : time[time.length - 1]);
  }

  /**
   * Equal when the label, the rows (times and counts), the number of records and the confidence
   * settings are equal: every other column is computed from those.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof SurvivalCurve c && label.equals(c.label) && records == c.records && confType == c.confType
        && Double.compare(confLevel, c.confLevel) == 0 && Arrays.equals(time, c.time) && Arrays.equals(nRisk, c.nRisk)
        && Arrays.equals(nEvent, c.nEvent) && Arrays.equals(nCensor, c.nCensor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(label, records, confType, confLevel, Arrays.hashCode(time), Arrays.hashCode(nRisk),
        Arrays.hashCode(nEvent), Arrays.hashCode(nCensor));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SurvivalCurve[%s: n %d, events %d, %d times, median %s]",
        label, records, events(), time.length, median());
  }
}
