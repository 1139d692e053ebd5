package org.channelrisk.survival;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Aalen-Johansen cumulative incidence curves of every cause for one group: one row per distinct
 * observed time (censoring-only times included), exactly the rows of R's multi-state {@code survfit}
 * for {@code Surv(time, factor(status))}.
 *
 * <pre>{@code
 * CumulativeIncidence c = AalenJohansen.estimate(data).pooled();
 * int referral = c.causeIndex("referral");
 * c.cif(referral, c.size() - 1);        // probability of removal after a referral by the last time
 * c.stdErr(referral, c.size() - 1);     // its infinitesimal-jackknife standard error
 * c.cifAt(referral, 30.0);              // by day 30
 * }</pre>
 *
 * <p>At every row the cumulative incidences and {@link #survival(int)} (the probability of no end
 * yet, Kaplan-Meier of all ends without truncation) add up to 1. {@link #stdErr(int, int)} is the
 * standard error of the cumulative incidence itself (R's {@code std.err} of {@code pstate}); the
 * limits use the same transforms as Kaplan-Meier on the incidence (R's {@code survfit_confint} with
 * {@code logse = FALSE}). Immutable. A cause or row index out of range throws {@link
 * IndexOutOfBoundsException} with the valid range.
 */
public final class CumulativeIncidence {
  private final String label;
  private final List<String> causes;
  private final double[] time;
  private final int[] nRisk;
  private final int[][] nEvent;
  private final int[] nCensor;
  private final double[][] cif;
  private final double[][] stdErr;
  private final double[][] lower;
  private final double[][] upper;
  private final double[] survival;
  private final double[] survivalStdErr;
  private final int records;
  private final ConfidenceType confType;
  private final double confLevel;

  CumulativeIncidence(String label, List<String> causes, double[] time, int[] nRisk, int[][] nEvent, int[] nCensor,
      double[][] cif, double[][] stdErr, double[] survival, double[] survivalStdErr, int records, ConfidenceType confType,
      double confLevel) {
    this.label = label;
    this.causes = causes;
    this.time = time;
    this.nRisk = nRisk;
    this.nEvent = nEvent;
    this.nCensor = nCensor;
    this.cif = cif;
    this.stdErr = stdErr;
    this.survival = survival;
    this.survivalStdErr = survivalStdErr;
    this.records = records;
    this.confType = confType;
    this.confLevel = confLevel;
    double z = org.channelrisk.stats.CriticalValues.normal(confLevel);
    int k = causes.size();
    int m = time.length;
    lower = new double[k][m];
    upper = new double[k][m];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < m; i++) {
        double[] lim = limits(confType, cif[c][i], stdErr[c][i], z);
        lower[c][i] = lim[0];
        upper[c][i] = lim[1];
      }
    }
  }

  /**
   * R's {@code survfit_confint(p, se, logse = FALSE, conf.type, conf.int)}: the standard error is
   * turned into that of log p (0 where se is 0) and the Kaplan-Meier transforms are applied to p.
   * Where p is 0 the log and log-log limits are not defined (NaN), the plain ones are [0, 0]; where p
   * is 1 the log-log limits are not defined.
   */
  static double[] limits(ConfidenceType type, double p, double se, double z) {
    double logSe = se == 0 ? 0 : se / p;
    switch (type) {
      case LOG: {
        if (p == 0) {
          return new double[] {Double.NaN, Double.NaN};
        }
        // exp(log p -+ w) as p / e^w and p e^w: one exponential per point (equal to R's to an ulp)
        double e = Math.exp(z * logSe);
        return new double[] {p / e, Math.min(1.0, p * e)};
      }
      case LOG_LOG: {
        if (p == 0 || p == 1) {
          return new double[] {Double.NaN, Double.NaN};
        }
        double w = z * logSe / Math.log(p);
        double ll = Math.log(-Math.log(p));
        return new double[] {Math.exp(-Math.exp(ll - w)), Math.exp(-Math.exp(ll + w))};
      }
      default: {
        double w = logSe * p * z;
        return new double[] {Math.max(p - w, 0.0), Math.min(p + w, 1.0)};
      }
    }
  }

  /** @return the group label, "ALL" for the pooled curves */
  public String label() {
    return label;
  }

  /** @return the causes, in the order of the cause index */
  public List<String> causes() {
    return causes;
  }

  /**
   * @param cause a cause's name
   * @return its index for the accessors, 0-based
   */
  public int causeIndex(String cause) {
    int k = causes.indexOf(cause);
    checkArgument(k >= 0, "no cause '%s'; the causes are %s", cause, causes);
    return k;
  }

  /** The cause index, checked: a bad one is reported with the causes, also where no row would read it. */
  private int cause(int index) {
    return Indexes.check("cause", index, causes);
  }

  /** @return number of rows (distinct times) */
  public int size() {
    return time.length;
  }

  /** @return number of observations behind the curves */
  public int records() {
    return records;
  }

  /** @param i row @return the time */
  public double time(int i) {
    return time[Objects.checkIndex(i, time.length)];
  }

  /** @return a copy of the times */
  public double[] times() {
    return time.clone();
  }

  /** @param i row @return number at risk just before the time */
  public int nRisk(int i) {
    return nRisk[Objects.checkIndex(i, time.length)];
  }

  /** @param cause cause index @param i row @return ends by that cause at the time */
  public int nEvent(int cause, int i) {
    return nEvent[cause(cause)][Objects.checkIndex(i, time.length)];
  }

  /** @param i row @return censorings at the time */
  public int nCensor(int i) {
    return nCensor[Objects.checkIndex(i, time.length)];
  }

  /** @param cause cause index @param i row @return the cumulative incidence of the cause at the time */
  public double cif(int cause, int i) {
    return cif[cause(cause)][Objects.checkIndex(i, time.length)];
  }

  /** @param cause cause index @return a copy of its cumulative incidence at each time */
  public double[] cifs(int cause) {
    return cif[cause(cause)].clone();
  }

  /** @param cause cause index @param i row @return infinitesimal-jackknife standard error of the cumulative incidence */
  public double stdErr(int cause, int i) {
    return stdErr[cause(cause)][Objects.checkIndex(i, time.length)];
  }

  /** @param cause cause index @param i row @return lower confidence limit, NaN where undefined */
  public double lower(int cause, int i) {
    return lower[cause(cause)][Objects.checkIndex(i, time.length)];
  }

  /** @param cause cause index @param i row @return upper confidence limit, NaN where undefined */
  public double upper(int cause, int i) {
    return upper[cause(cause)][Objects.checkIndex(i, time.length)];
  }

  /** @param i row @return probability of no end yet (R's {@code pstate} of state "(s0)") */
  public double survival(int i) {
    return survival[Objects.checkIndex(i, time.length)];
  }

  /** @param i row @return its infinitesimal-jackknife standard error */
  public double survivalStdErr(int i) {
    return survivalStdErr[Objects.checkIndex(i, time.length)];
  }

  /** @return the transform of the limits */
  public ConfidenceType confType() {
    return confType;
  }

  /** @return the level of the limits */
  public double confLevel() {
    return confLevel;
  }

  /**
   * The cumulative incidence at any time (a right-continuous step function).
   *
   * @param cause cause index
   * @param t a time
   * @return the incidence; 0 before the first row
   */
  public double cifAt(int cause, double t) {
    cause(cause);
    int i = Arrays.binarySearch(time, t);
    i = i >= 0 ? i : -i - 2;
    return i < 0 ? 0.0 : cif[cause][i];
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "CumulativeIncidence[%s: %d observations, %d times",
        label, records, time.length));
    int last = time.length - 1;
    for (int c = 0; c < causes.size(); c++) {
      sb.append(String.format(Locale.ROOT, "; %s %.4g", causes.get(c), last < 0 ? 0.0 : cif[c][last]));
      if (last >= 0 && !Double.isNaN(lower[c][last])) {
        sb.append(String.format(Locale.ROOT, " (%.4g, %.4g)", lower[c][last], upper[c][last]));
      }
    }
    if (last >= 0) {
      sb.append(String.format(Locale.ROOT, " by time %.6g; %s transform, %s%%]", time[last], confType.rName(),
          Math.round(confLevel * 1000) / 10.0));
    } else {
      sb.append(']');
    }
    return sb.toString();
  }
}
