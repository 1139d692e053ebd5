package org.channelrisk.survival;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.channelrisk.internal.Radix;
import org.channelrisk.stats.Estimate;
import org.channelrisk.internal.Checks;

/**
 * The Fine-Gray proportional subdistribution hazards model for one cause, as {@code cmprsk::crr(ftime,
 * fstatus, cov1, failcode, cencode)}: the hazard of the cumulative incidence F_c(t | x) is
 * h_0(t) exp(x beta), estimated by a weighted partial likelihood in which an observation that ended by
 * another cause stays in the risk set with the weight G(t-) / G(t_i-) (G the Kaplan-Meier estimate of
 * the censoring distribution); sandwich standard errors that include the estimation of G.
 *
 * <pre>{@code
 * FineGray.Fit fit = FineGray.defaults().fit(data, "referral", x, List.of("audience", "official"));
 * fit.subdistributionHazardRatio(1);   // exp(beta_official) with its 95% Wald interval
 * fit.converged();
 * }</pre>
 *
 * <p>The iterations are cmprsk's: Newton-Raphson from beta = 0 with backtracking (step halved while
 * the objective does not fall by 1e-4 of the predicted decrease, at most 20 times), stopping when
 * max_j |score_j| max(|beta_j|, 1) &lt; gtol max(|log-likelihood|, 1) (gtol 1e-6), at most 10
 * iterations; so the coefficients agree with crr's to rounding, not only to its tolerance. The sums
 * over risk sets and the influence terms of crr's Fortran ({@code crrfsv}, {@code crrvv}), which
 * cost O(n^2) and O(n^3), are computed here from running prefix and suffix sums over the sorted times:
 * O(n p^2) per iteration after one O(n) radix sort. The covariates are centred and scaled internally
 * and singularity is judged relative to the largest diagonal element, as for {@link CoxRegression}
 * (crr does neither; its iterations are the same up to rounding, as Newton's method and crr's
 * criterion, taken in the covariates' units, do not depend on the parametrisation), so that a
 * covariate's unit changes neither the fit nor whether it is refused. One censoring distribution for all observations
 * (crr's {@code cengroup} is not offered), fixed covariates only, no entry times.
 *
 * <p>Reference: Fine JP and Gray RJ (1999), "A proportional hazards model for the subdistribution of a
 * competing risk", JASA 94:496-509.
 */
public final class FineGray {
  /** Default gradient tolerance, cmprsk's {@code gtol}. */
  public static final double DEFAULT_GRADIENT_TOLERANCE = 1e-6;
  /** Default largest number of Newton iterations, cmprsk's {@code maxiter}. */
  public static final int DEFAULT_MAX_ITERATIONS = 10;

  private static final FineGray DEFAULT = new FineGray(DEFAULT_GRADIENT_TOLERANCE, DEFAULT_MAX_ITERATIONS, 0.95);

  private final double gtol;
  private final int maxIterations;
  private final double confLevel;

  private FineGray(double gtol, int maxIterations, double confLevel) {
    this.gtol = gtol;
    this.maxIterations = maxIterations;
    this.confLevel = confLevel;
  }

  /** @return gtol 1e-6, 10 iterations, 95% intervals, as cmprsk */
  public static FineGray defaults() {
    return DEFAULT;
  }

  /**
   * @param gradientTolerance cmprsk's gtol, &gt; 0
   * @param iterations largest number of Newton iterations, &gt;= 0 (0: the score and information at 0)
   * @return a copy with those settings
   */
  public FineGray withConvergence(double gradientTolerance, int iterations) {
    checkArgument(gradientTolerance > 0, "gradient tolerance must be > 0: %s", gradientTolerance);
    checkArgument(iterations >= 0, "iterations must be >= 0: %s", iterations);
    return new FineGray(gradientTolerance, iterations, confLevel);
  }

  /**
   * @param level level of the hazard-ratio intervals, in (0, 1)
   * @return a copy with that level
   */
  public FineGray withConfidenceLevel(double level) {
    org.channelrisk.stats.CriticalValues.checkLevel(level);
    return new FineGray(gtol, maxIterations, level);
  }

  /**
   * The fitted model.
   *
   * @param cause the cause modelled
   * @param table covariate names, coefficients beta and sandwich standard errors (crr's {@code
   *     sqrt(diag(var))})
   * @param confLevel level of the intervals
   * @param logLik log pseudo-likelihood at beta
   * @param logLikNull log pseudo-likelihood at beta = 0
   * @param n observations
   * @param events ends by the cause
   * @param iterations Newton iterations made
   * @param converged whether the gradient criterion was met
   * @param possiblyInfinite the covariates whose coefficient may be infinite (monotone likelihood: a
   *     covariate separates the ends by the cause, say), by the rule of {@link CoxRegression.Fit}: where
   *     the fit stopped, the log pseudo-likelihood has levelled off but the next Newton step is still
   *     large, above sqrt(gtol) and above sqrt(gtol) |beta| on the scaled covariates (crr's stopping
   *     rule leaves steps of about gtol, hence sqrt(gtol) where Cox has its tolerance). Levelled off
   *     means converged, or, at the iteration limit, a last change of at most sqrt(gtol) relative with a
   *     next step at least half the last one (Newton's steps would shrink far faster near a maximum);
   *     empty for an ordinary fit
   */
  public record Fit(String cause, Coefficients table, double confLevel, double logLik, double logLikNull, int n, int events,
      int iterations, boolean converged, List<String> possiblyInfinite) implements RegressionFit {
    /** Checks that there is a cause and a table; copies the list in. */
    public Fit {
      Checks.notNull("cause", cause);
      Checks.notNull("table", table);
      possiblyInfinite = List.copyOf(Names.check("possiblyInfinite", possiblyInfinite));
    }

    /**
     * A fit without a monotone likelihood, as before that was detected.
     *
     * @param cause the cause modelled
     * @param table the coefficient table
     * @param confLevel level of the intervals
     * @param logLik log pseudo-likelihood at beta
     * @param logLikNull log pseudo-likelihood at beta = 0
     * @param n observations
     * @param events ends by the cause
     * @param iterations Newton iterations made
     * @param converged whether the gradient criterion was met
     */
    public Fit(String cause, Coefficients table, double confLevel, double logLik, double logLikNull, int n, int events,
        int iterations, boolean converged) {
      this(cause, table, confLevel, logLik, logLikNull, n, events, iterations, converged, List.of());
    }

    /**
     * Whether the pseudo-likelihood is monotone in some coefficient: that coefficient, its standard
     * error, its z statistic and p-value mean nothing (the sandwich variance can stay finite while the
     * coefficient grows without bound).
     *
     * @return whether {@link #possiblyInfinite()} is not empty
     */
    public boolean monotoneLikelihood() {
      return !possiblyInfinite.isEmpty();
    }

    /** @return the status in words, as {@link #toString()} prints it */
    public String status() {
      String which = String.join(",", possiblyInfinite);
      if (!converged) {
        return monotoneLikelihood() ? "NOT CONVERGED: the log pseudo-likelihood levels off while variable " + which
            + " keeps growing: coefficient may be infinite (monotone likelihood)" : "NOT CONVERGED";
      }
      return monotoneLikelihood() ? "converged, but the log pseudo-likelihood converged before variable " + which
          + ": coefficient may be infinite (monotone likelihood)" : "converged";
    }

    /** @param i covariate @return exp(beta) with its Wald interval */
    public Estimate subdistributionHazardRatio(int i) {
      return Wald.ratio(table.coefficient(i), table.stdError(i), confLevel, "Wald, sandwich variance");
    }

    /** @return 2 (logLik - logLikNull), the pseudo likelihood-ratio statistic */
    public double likelihoodRatioTest() {
      return 2 * (logLik - logLikNull);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
          "Fine-Gray regression for cause %s: n %d, events %d, %s after %d iterations%n", cause, n, events,
          status(), iterations));
      sb.append(table);
      sb.append(String.format(Locale.ROOT, "  log pseudo-likelihood %.6g (null %.6g)", logLik, logLikNull));
      return sb.toString();
    }
  }

  /**
   * Fits the model.
   *
   * @param data times and causes (groups are ignored)
   * @param cause the cause whose cumulative incidence is modelled
   * @param x covariates, one row per observation
   * @param names one name per covariate column
   * @return the fit; check {@link Fit#converged()} and {@link Fit#monotoneLikelihood()}
   * @throws IllegalArgumentException if dimensions disagree, a covariate is not finite, no observation
   *     ends by the cause, the data has entry times, or the information matrix is singular
   */
  public Fit fit(CompetingRisksData data, String cause, double[][] x, List<String> names) {
    int n = Checks.notNull("data", data).size();
    int p = Names.check("names", names).size();
    Checks.notNull("cause", cause);
    Checks.notNull("x", x);
    checkArgument(x.length == n, "x has %s rows for %s observations", x.length, n);
    checkArgument(p > 0, "at least one covariate is needed");
    checkArgument(!data.truncated(), "the Fine-Gray fit does not support entry times (left truncation)");
    int code = data.causeCode(cause);
    checkArgument(data.events(code) > 0, "no observation ends by cause '%s'", cause);
    Problem pr = new Problem(data, code, x, names);
    double[] b = new double[p];
    Eval z = null;
    boolean converged = false;
    double[] lastStep = null; // the last step taken, and the objective before it, for the monotone-likelihood rule
    double lastLik = Double.NaN;
    int iter;
    for (iter = 0; ; iter++) {
      z = pr.eval(b, true);
      // crr's criterion, in the covariates' units (the score of beta_j = scale_j b_j is score_j /
      // scale_j), so that the fit stops where crr's does. In tiny units it holds at once (at beta = 0
      // the score is tiny), so the same criterion on the scaled columns must hold too, to sqrt(gtol):
      // a bound that crr's stopping points meet unless a covariate's unit is far from its spread
      double gmax = 0;
      double gmaxScaled = 0;
      for (int j = 0; j < p; j++) {
        gmax = Math.max(gmax, Math.abs(z.score[j] / pr.scale[j]) * Math.max(Math.abs(b[j] * pr.scale[j]), 1));
        gmaxScaled = Math.max(gmaxScaled, Math.abs(z.score[j]) * Math.max(Math.abs(b[j]), 1));
      }
      double bound = Math.max(Math.abs(z.lik), 1);
      if (gmax < bound * gtol && gmaxScaled < bound * Math.sqrt(gtol)) {
        converged = true;
        break;
      }
      if (iter == maxIterations) {
        break;
      }
      double[] sc = solve(z.hessian, z.score, names);
      for (int j = 0; j < p; j++) {
        sc[j] = -sc[j];
      }
      double slope = 0;
      for (int j = 0; j < p; j++) {
        slope += sc[j] * z.score[j];
      }
      double[] bn = add(b, sc);
      double fbn = pr.eval(bn, false).lik;
      int halvings = 0;
      while (Double.isNaN(fbn) || fbn > z.lik + 1e-4 * slope) {
        halvings++;
        for (int j = 0; j < p; j++) {
          sc[j] *= 0.5;
        }
        bn = add(b, sc);
        fbn = pr.eval(bn, false).lik;
        slope = 0;
        for (int j = 0; j < p; j++) {
          slope += sc[j] * z.score[j];
        }
        if (halvings > 20) {
          break;
        }
      }
      if (halvings > 20) {
        break;
      }
      lastStep = sc;
      lastLik = z.lik;
      b = bn;
    }
    double[] se = pr.sandwich(b, z.hessian, names);
    List<String> infinite = possiblyInfinite(z, b, lastStep, lastLik, converged, names);
    double likNull = pr.eval(new double[p], false).lik;
    double[] coef = new double[p];
    for (int j = 0; j < p; j++) {
      coef[j] = b[j] * pr.scale[j];
      se[j] *= pr.scale[j];
    }
    return new Fit(cause, new Coefficients(names, coef, se), confLevel, -z.lik, -likNull, n, data.events(code), iter, converged,
        infinite);
  }

  /**
   * The covariates whose coefficient may be infinite, by the rule documented at {@link
   * Fit#possiblyInfinite()}: the Cox rule (R's coxph.fit) at the point where the fit stopped, on the
   * scaled covariates.
   */
  private List<String> possiblyInfinite(Eval z, double[] b, double[] lastStep, double lastLik, boolean converged,
      List<String> names) {
    double tol = Math.sqrt(gtol);
    boolean levelledOff = converged
        || (lastStep != null && Math.abs(lastLik - z.lik) <= tol * Math.max(Math.abs(z.lik), 1));
    if (!levelledOff) {
      return List.of();
    }
    double[] next = solve(z.hessian, z.score, names); // the Newton step from b, with the sign of -step
    List<String> out = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      double infs = Math.abs(next[j]);
      boolean large = infs > tol && infs > tol * Math.abs(b[j]);
      // at the iteration limit an ordinary fit still approaching its maximum takes shrinking steps
      boolean steady = converged || infs >= 0.5 * Math.abs(lastStep[j]);
      if (!Double.isFinite(z.score[j]) || !Double.isFinite(infs) || (large && steady)) {
        out.add(names.get(j));
      }
    }
    return out;
  }


  private static double[] add(double[] a, double[] b) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] + b[i];
    }
    return c;
  }

  private static double[] solve(double[][] h, double[] s, List<String> names) {
    try {
      return new LUDecomposition(new Array2DRowRealMatrix(h), Covariates.pivotThreshold(h)).getSolver()
          .solve(new ArrayRealVector(s)).toArray();
    } catch (SingularMatrixException e) {
      throw new IllegalArgumentException("the information matrix is singular: a covariate among " + names
          + " is constant or collinear with others among the observations at risk", e);
    }
  }

  /** The objective (minimised: minus the log pseudo-likelihood), its gradient and Hessian. */
  private record Eval(double lik, double[] score, double[][] hessian) {}

  /** The sorted data of one fit. */
  private static final class Problem {
    final int n;
    final int p;
    final double[] t;
    final int[] ici; // 1 the cause, 2 another cause, 0 censored
    final double[][] x; // centred and scaled covariates, sorted by time
    final double[] scale; // of each column: beta_j = scale_j b_j for the coefficient b_j of the scaled column
    final double[] gMinus; // G(t_i-): Kaplan-Meier of the censoring times just before t_i
    final int[] censAtRisk; // number with time >= t_i
    // distinct times of the cause: first sorted index, number of ends, sum of their covariates
    final int[] fLo;
    final int[] fD;
    final double[][] fSumX;

    Problem(CompetingRisksData data, int code, double[][] xIn, List<String> names) {
      n = data.size();
      p = names.size();
      long[] keys = new long[n];
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        keys[i] = Radix.key(data.time(i));
        order[i] = i;
        checkArgument(Checks.notNull("x[" + i + "]", xIn[i]).length == p, "row %s of x has %s values for %s names", i, xIn[i].length, p);
      }
      Radix.sortUnsigned(keys, order, n); // stable: ties keep their order, as R's order()
      t = new double[n];
      ici = new int[n];
      x = new double[n][p];
      double[] mean = new double[p];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < p; j++) {
          double v = xIn[i][j];
          checkArgument(Double.isFinite(v), "covariate %s of observation %s is not finite: %s", names.get(j), i, v);
          mean[j] += v / n;
        }
      }
      for (int k = 0; k < n; k++) {
        int i = order[k];
        t[k] = data.time(i);
        int c = data.cause(i);
        ici[k] = c == code ? 1 : c == 0 ? 0 : 2;
        for (int j = 0; j < p; j++) {
          // centring changes neither the likelihood nor its derivatives (the shift cancels in every
          // ratio) but keeps exp(x beta) and the sums of squares in range
          x[k][j] = xIn[i][j] - mean[j];
        }
      }
      // and scaling, as Cox (R's coxph; crr does not scale): the iterations and the singularity test
      // then see unit-size columns whatever the covariate's unit
      scale = Covariates.scale(x, names);
      // censoring distribution: Kaplan-Meier with the censorings as events; G(t-) per observation
      gMinus = new double[n];
      censAtRisk = new int[n];
      double g = 1;
      int nf = 0;
      for (int lo = 0; lo < n; ) {
        int hi = lo;
        int cens = 0;
        int fails = 0;
        while (hi < n && t[hi] == t[lo]) {
          cens += ici[hi] == 0 ? 1 : 0;
          fails += ici[hi] == 1 ? 1 : 0;
          hi++;
        }
        int atRisk = n - lo;
        double after = g * (atRisk - cens) / atRisk;
        for (int k = lo; k < hi; k++) {
          // crr evaluates G at t (1 - 100 eps), i.e. just before t, except at t = 0 where it takes G(0)
          gMinus[k] = t[k] == 0 ? after : g;
          censAtRisk[k] = atRisk;
        }
        g = cens == 0 ? g : g * (1 - (double) cens / atRisk);
        nf += fails > 0 ? 1 : 0;
        lo = hi;
      }
      fLo = new int[nf];
      fD = new int[nf];
      fSumX = new double[nf][p];
      int f = 0;
      for (int lo = 0; lo < n; ) {
        int hi = lo;
        while (hi < n && t[hi] == t[lo]) {
          hi++;
        }
        int d = 0;
        for (int k = lo; k < hi; k++) {
          if (ici[k] == 1) {
            d++;
            for (int j = 0; j < p; j++) {
              fSumX[f][j] += x[k][j];
            }
          }
        }
        if (d > 0) {
          fLo[f] = lo;
          fD[f] = d;
          f++;
        }
        lo = hi;
      }
    }

    /** Risk-set sums S0, S1, S2 at each distinct time of the cause, at beta. */
    private double[][][] riskSums(double[] b, double[] r, boolean second) {
      int nf = fLo.length;
      double[] s0 = new double[nf];
      double[][] s1 = new double[nf][p];
      double[][][] s2 = second ? new double[nf][p][p] : null;
      // observations that ended by another cause before t: weighted by G(t-)/G(t_i-); prefix sums
      double p0 = 0;
      double[] p1 = new double[p];
      double[][] p2 = new double[p][p];
      int k = 0;
      for (int f = 0; f < nf; f++) {
        for (; k < fLo[f]; k++) {
          if (ici[k] == 2) {
            double w = r[k] / gMinus[k];
            p0 += w;
            addWeighted(w, x[k], p1, p2, second);
          }
        }
        double gk = gMinus[fLo[f]];
        s0[f] = gk * p0;
        for (int j = 0; j < p; j++) {
          s1[f][j] = gk * p1[j];
          if (second) {
            for (int l = 0; l <= j; l++) {
              s2[f][j][l] = gk * p2[j][l];
            }
          }
        }
      }
      // observations still without an end at t: suffix sums
      double q0 = 0;
      double[] q1 = new double[p];
      double[][] q2 = new double[p][p];
      k = n - 1;
      for (int f = nf - 1; f >= 0; f--) {
        for (; k >= fLo[f]; k--) {
          double w = r[k];
          q0 += w;
          addWeighted(w, x[k], q1, q2, second);
        }
        s0[f] += q0;
        for (int j = 0; j < p; j++) {
          s1[f][j] += q1[j];
          if (second) {
            for (int l = 0; l <= j; l++) {
              s2[f][j][l] += q2[j][l];
            }
          }
        }
      }
      return new double[][][] {{s0}, s1, second ? flatten(s2) : null};
    }

    /** Adds w x to s1 and, with {@code second}, w x x' (lower triangle) to s2. */
    private void addWeighted(double w, double[] xk, double[] s1, double[][] s2, boolean second) {
      for (int j = 0; j < p; j++) {
        s1[j] += w * xk[j];
        if (second) {
          for (int l = 0; l <= j; l++) {
            s2[j][l] += w * xk[j] * xk[l];
          }
        }
      }
    }

    private double[][] flatten(double[][][] s2) {
      double[][] out = new double[s2.length][p * p];
      for (int f = 0; f < s2.length; f++) {
        for (int j = 0; j < p; j++) {
          for (int l = 0; l <= j; l++) {
            out[f][j * p + l] = s2[f][j][l];
            out[f][l * p + j] = s2[f][j][l];
          }
        }
      }
      return out;
    }

    private double[] expXb(double[] b) {
      double[] r = new double[n];
      for (int i = 0; i < n; i++) {
        double xb = 0;
        for (int j = 0; j < p; j++) {
          xb += x[i][j] * b[j];
        }
        r[i] = Math.exp(xb);
      }
      return r;
    }

    Eval eval(double[] b, boolean derivatives) {
      double[] r = expXb(b);
      double[][][] sums = riskSums(b, r, derivatives);
      double[] s0 = sums[0][0];
      double lik = 0;
      double[] score = new double[p];
      double[][] h = new double[p][p];
      for (int f = 0; f < fLo.length; f++) {
        double xb = 0;
        for (int j = 0; j < p; j++) {
          xb += fSumX[f][j] * b[j];
        }
        lik += -xb + fD[f] * Math.log(s0[f]);
        if (derivatives) {
          for (int j = 0; j < p; j++) {
            double mj = sums[1][f][j] / s0[f];
            score[j] += -fSumX[f][j] + fD[f] * mj;
            for (int l = 0; l <= j; l++) {
              double ml = sums[1][f][l] / s0[f];
              h[j][l] += fD[f] * (sums[2][f][j * p + l] / s0[f] - mj * ml);
            }
          }
        }
      }
      for (int j = 0; j < p; j++) {
        for (int l = 0; l < j; l++) {
          h[l][j] = h[j][l];
        }
      }
      return new Eval(lik, score, h);
    }

    /**
     * crr's variance: H^-1 (sum_i (eta_i + psi_i)(eta_i + psi_i)') H^-1, eta_i the score residual of
     * observation i, psi_i the term for the estimation of the censoring distribution (crrvv).
     */
    double[] sandwich(double[] b, double[][] hessian, List<String> names) {
      double[] r = expXb(b);
      double[][][] sums = riskSums(b, r, false);
      double[] s0 = sums[0][0];
      int nf = fLo.length;
      double[][] xbar = new double[nf][p];
      for (int f = 0; f < nf; f++) {
        for (int j = 0; j < p; j++) {
          xbar[f][j] = sums[1][f][j] / s0[f];
        }
      }
      // C(t) = sum over times of the cause <= t of d/S0 (and d xbar/S0); D(t) = the same weighted by
      // G(t_k-) over times > t; the versions with >= for q(u)
      double[][] eta = new double[n][p];
      // forward: C0, C1 over times <= t_i
      double c0 = 0;
      double[] c1 = new double[p];
      int f = 0;
      for (int lo = 0; lo < n; ) {
        int hi = lo;
        while (hi < n && t[hi] == t[lo]) {
          hi++;
        }
        if (f < nf && fLo[f] == lo) {
          c0 += fD[f] / s0[f];
          for (int j = 0; j < p; j++) {
            c1[j] += fD[f] * xbar[f][j] / s0[f];
          }
          for (int k = lo; k < hi; k++) {
            if (ici[k] == 1) {
              for (int j = 0; j < p; j++) {
                eta[k][j] += x[k][j] - xbar[f][j];
              }
            }
          }
          f++;
        }
        for (int k = lo; k < hi; k++) {
          for (int j = 0; j < p; j++) {
            eta[k][j] -= r[k] * (x[k][j] * c0 - c1[j]);
          }
        }
        lo = hi;
      }
      // backward: D over times > t_i (for other-cause ends), D' over times >= u (for q(u))
      double[] dge0 = new double[n]; // per observation: sum over times >= t_i of d G/S0
      double[][] dge1 = new double[n][p];
      double d0 = 0;
      double[] d1 = new double[p];
      f = nf - 1;
      for (int hi = n; hi > 0; ) {
        int lo = hi - 1;
        while (lo > 0 && t[lo - 1] == t[hi - 1]) {
          lo--;
        }
        // times > t: d0, d1 as they stand
        for (int k = lo; k < hi; k++) {
          if (ici[k] == 2) {
            double w = r[k] / gMinus[k];
            for (int j = 0; j < p; j++) {
              eta[k][j] -= w * (x[k][j] * d0 - d1[j]);
            }
          }
        }
        if (f >= 0 && fLo[f] == lo) {
          double gk = gMinus[lo];
          d0 += fD[f] * gk / s0[f];
          for (int j = 0; j < p; j++) {
            d1[j] += fD[f] * gk * xbar[f][j] / s0[f];
          }
          f--;
        }
        dge0[lo] = d0;
        System.arraycopy(d1, 0, dge1[lo], 0, p);
        hi = lo;
      }
      // psi: censoring martingale terms. q(u) = E1(u) D0'(u) - E0(u) D1'(u), E over other-cause ends
      // before u weighted by r / G(t-).
      double e0 = 0;
      double[] e1 = new double[p];
      double[] ss2 = new double[p];
      double[] q = new double[p];
      double[][] v2 = new double[p][p];
      double[] st = new double[p];
      for (int lo = 0; lo < n; ) {
        int hi = lo;
        int cens = 0;
        while (hi < n && t[hi] == t[lo]) {
          cens += ici[hi] == 0 ? 1 : 0;
          hi++;
        }
        double y = censAtRisk[lo];
        if (cens > 0) {
          for (int j = 0; j < p; j++) {
            q[j] = e1[j] * dge0[lo] - e0 * dge1[lo][j];
            ss2[j] -= cens * q[j] / (y * y);
          }
        }
        for (int k = lo; k < hi; k++) {
          for (int j = 0; j < p; j++) {
            st[j] = eta[k][j] + ss2[j] + (ici[k] == 0 ? q[j] / y : 0);
          }
          for (int j = 0; j < p; j++) {
            for (int l = 0; l <= j; l++) {
              v2[j][l] += st[j] * st[l];
            }
          }
        }
        for (int k = lo; k < hi; k++) {
          if (ici[k] == 2) {
            double w = r[k] / gMinus[k];
            e0 += w;
            for (int j = 0; j < p; j++) {
              e1[j] += w * x[k][j];
            }
          }
        }
        lo = hi;
      }
      for (int j = 0; j < p; j++) {
        for (int l = 0; l < j; l++) {
          v2[l][j] = v2[j][l];
        }
      }
      RealMatrix hInv;
      try {
        hInv = new LUDecomposition(new Array2DRowRealMatrix(hessian), Covariates.pivotThreshold(hessian)).getSolver()
            .getInverse();
      } catch (SingularMatrixException e) {
        throw new IllegalArgumentException("the information matrix is singular: a covariate among " + names
            + " is constant or collinear with others among the observations at risk", e);
      }
      RealMatrix v = hInv.multiply(new Array2DRowRealMatrix(v2)).multiply(hInv.transpose());
      double[] se = new double[p];
      for (int j = 0; j < p; j++) {
        se[j] = Math.sqrt(v.getEntry(j, j));
      }
      return se;
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "FineGray[gtol %s, max %d iterations, %s%% intervals]", gtol, maxIterations,
        Math.round(confLevel * 1000) / 10.0);
  }
}
