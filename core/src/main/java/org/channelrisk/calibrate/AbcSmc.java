package org.channelrisk.calibrate;

import org.channelrisk.internal.Cholesky;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Seeds;
import org.channelrisk.internal.Setting;
import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.channelrisk.sim.Scenario;

/**
 * Approximate Bayesian computation by sequential Monte Carlo: the posterior of a scenario's parameters
 * given observed summary statistics, with weighted particles, an adaptive tolerance schedule and a
 * stopping rule on a simulation budget or a minimum acceptance rate.
 *
 * <pre>{@code
 * AbcSmc abc = AbcSmc.builder(theta -> myScenario(theta[0], theta[1]))
 *     .parameter("compliance", Prior.uniform(0, 1))
 *     .parameter("recreation", Prior.uniform(0, 1))
 *     .target(Target.of(new Statistic.Change(Observed.ACTIVE_CHANNELS, 20, 50, 51, 81), -0.6))
 *     .target(Target.of(new Statistic.Value(Observed.ACTIVE_CHANNELS, 100), 740))
 *     .particles(500).budget(50_000)
 *     .build();
 * CalibrationResult r = abc.run(2019, 2);          // seed, threads: the same result for any thread count
 * r.population().summary("compliance", 0.9);
 * }</pre>
 *
 * <h2>The algorithm</h2>
 *
 * <p>Population Monte Carlo ABC of Beaumont, Cornuet, Marin and Robert (2009), "Adaptive approximate
 * Bayesian computation", Biometrika 96(4), 983-990, with the tolerance schedule of Del Moral, Doucet
 * and Jasra (2012), "An adaptive sequential Monte Carlo method for approximate Bayesian computation",
 * Statistics and Computing 22, 1009-1020:
 *
 * <ol>
 *   <li>Generation 0 draws N particles from the prior and simulates each (tolerance infinite, equal
 *       weights).
 *   <li>Generation t sets its tolerance eps_t so that the effective sample size of the previous weights
 *       restricted to the particles within eps_t is {@code essReduction} (default 0.5) times the
 *       previous ESS: Del Moral et al.'s rule (their equation 12) with one simulation per particle,
 *       i.e. a weighted quantile of the previous distances. With discrete statistics the rule can
 *       return the previous tolerance; the next smaller distance is then used, so the schedule
 *       always decreases.
 *   <li>It proposes particles by drawing a previous particle j by weight and perturbing it with a normal
 *       kernel K_j ({@link Kernel}: the optimal local covariance of Filippi et al. 2013 by default, or
 *       twice the weighted covariance as in Beaumont et al.), simulates, and accepts when the distance
 *       is at most eps_t, until N are accepted. Proposals outside the prior's support are rejected
 *       without a simulation.
 *   <li>An accepted particle's weight is prior(theta) / sum_j w_j K_j(theta | theta_j).
 * </ol>
 *
 * <p>The distance is the Euclidean norm of (simulated - observed) / scale over the {@link Target}s. The
 * run stops when the tolerance reaches {@code targetTolerance} (default 0), when a generation's
 * acceptance rate falls below {@code minAcceptance}, when the tolerance no longer decreases, after
 * {@code maxGenerations}, or when the {@code budget} of simulations runs out during a generation (the
 * result is then the last complete generation).
 *
 * <h2>Reproducibility</h2>
 *
 * <p>Proposal a of generation t draws all its randomness (the ancestor, the perturbation, the simulation
 * seed) from a generator seeded by (seed, t, a) alone; proposals are simulated in batches on any
 * {@link Evaluator} and read back in index order, and the generation keeps the first N accepted. So the
 * population is bit-identical for any thread count or Spark partitioning, and a run resumed from a
 * written {@link Population} continues exactly as the uninterrupted run.
 */
public final class AbcSmc {
  /** Default number of particles. */
  public static final int DEFAULT_PARTICLES = 500;
  /** Default simulation budget. */
  public static final long DEFAULT_BUDGET = 50_000;
  /** Default ESS reduction per generation (Del Moral et al. 2012's alpha). */
  public static final double DEFAULT_ESS_REDUCTION = 0.5;
  /** Default minimum acceptance rate. */
  public static final double DEFAULT_MIN_ACCEPTANCE = 0.01;
  /** Default maximum number of generations, generation 0 included. */
  public static final int DEFAULT_MAX_GENERATIONS = 40;

  private final ScenarioMapping mapping;
  private final List<Parameter> parameters;
  private final List<Target> targets;
  private final int particles;
  private final int replicates;
  private final long budget;
  private final double minAcceptance;
  private final int maxGenerations;
  private final double essReduction;
  private final double targetTolerance;
  private final Kernel kernel;
  private final String description;

  private AbcSmc(Builder b) {
    this.mapping = b.mapping;
    this.parameters = List.copyOf(b.parameters);
    this.targets = List.copyOf(b.targets);
    this.particles = b.particles();
    this.replicates = b.replicates.orElse(1);
    this.budget = b.budget();
    this.minAcceptance = b.minAcceptance.orElse(DEFAULT_MIN_ACCEPTANCE);
    this.maxGenerations = b.maxGenerations.orElse(DEFAULT_MAX_GENERATIONS);
    this.essReduction = b.essReduction.orElse(DEFAULT_ESS_REDUCTION);
    this.targetTolerance = b.targetTolerance.orElse(0.0);
    this.kernel = b.kernel.orElse(Kernel.OPTIMAL_LOCAL);
    this.description = b.description.orElse("");
  }

  /**
   * @param mapping builds the scenario of a parameter vector (values in the order the parameters are
   *     added)
   * @return a builder with the documented defaults
   */
  public static Builder builder(ScenarioMapping mapping) {
    return new Builder(mapping);
  }

  /** @return the parameters, in order */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** @return the parameter names, in order */
  public List<String> names() {
    return parameters.stream().map(Parameter::name).toList();
  }

  /** @return the targets, in order */
  public List<Target> targets() {
    return targets;
  }

  /** @return the number of particles */
  public int particles() {
    return particles;
  }

  /** @return the simulation budget */
  public long budget() {
    return budget;
  }

  /** @return the replicates per particle */
  public int replicatesPerParticle() {
    return replicates;
  }

  /** @return the particle function (mapping, targets, replicates) */
  public ParticleSimulator simulator() {
    return new ParticleSimulator(mapping, targets, replicates);
  }

  /**
   * A digest of what determines the populations (parameters, priors, targets, particles, replicates,
   * kernel, ESS reduction, the builder's description): a resumed run must have the same. The stopping
   * settings (budget, minimum acceptance, generations, target tolerance) are not part of it, so a run
   * can be resumed with a larger budget.
   *
   * @return a hexadecimal digest
   */
  public String fingerprint() {
    String s = parameters + "|" + targets + "|" + particles + "|" + replicates + "|" + kernel + "|" + essReduction + "|" + description;
    return Hashing.sha256().hashString(s, StandardCharsets.UTF_8).toString().substring(0, 16);
  }

  /** The tail probability at which {@link #check} tries a prior without a bound on that side. */
  private static final double FAR_TAIL = 1e-15;

  /**
   * Checks, before any simulation, that the scenario accepts the priors' medians and the ends of their
   * supports (or their 10^-15 and 1 - 10^-15 quantiles when unbounded: far enough out that the
   * perturbation kernel, which spreads particles wider than the posterior, does not step beyond them in
   * practice; a normal prior on a probability is refused here rather than after generation 0), and
   * that every target's statistic fits the scenario at the prior medians.
   *
   * @throws IllegalArgumentException naming the parameter or the target that does not fit
   */
  public void check() {
    double[] median = parameters.stream().mapToDouble(p -> p.prior().median()).toArray();
    for (int k = 0; k < parameters.size(); k++) {
      Prior prior = parameters.get(k).prior();
      double low = prior.quantile(FAR_TAIL);
      double high = prior.quantile(1 - FAR_TAIL);
      for (double v : new double[] {low, high}) {
        double end = Double.isFinite(prior.lower()) && v <= low ? prior.lower()
            : Double.isFinite(prior.upper()) && v >= high ? prior.upper() : v;
        double[] x = median.clone();
        x[k] = end;
        try {
          mapping.scenario(x);
        } catch (IllegalArgumentException e) {
          boolean tail = end != prior.lower() && end != prior.upper();
          throw new IllegalArgumentException("parameter '" + parameters.get(k).name() + "': the scenario rejects " + end + " ("
              + (tail ? "far in a tail of its prior " + prior + ", where the sampler may step; bound the prior, e.g. a truncatedNormal or beta"
                  : "an end of its prior " + prior) + "): " + e.getMessage(), e);
        }
      }
    }
    Scenario s = mapping.scenario(median);
    for (int i = 0; i < targets.size(); i++) {
      try {
        targets.get(i).statistic().check(s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("target " + i + " (" + targets.get(i).statistic() + "): " + e.getMessage(), e);
      }
    }
  }

  /**
   * Runs on this machine's threads.
   *
   * @param seed the run's seed
   * @param threads worker threads (the result does not depend on them)
   * @return the result
   */
  public CalibrationResult run(long seed, int threads) {
    return run(seed, Evaluator.local(threads), Listener.NONE);
  }

  /**
   * Runs from the prior.
   *
   * @param seed the run's seed
   * @param evaluator where the simulations run
   * @param listener told after each generation and each batch
   * @return the result
   */
  public CalibrationResult run(long seed, Evaluator evaluator, Listener listener) {
    // before generation 0, which may take hours, not after it
    Checks.notNull("evaluator", evaluator);
    Checks.notNull("listener", listener);
    Population p = generationZero(seed, evaluator, listener);
    listener.generation(p);
    return continueFrom(p, seed, evaluator, listener);
  }

  /**
   * Continues a run from a population it wrote ({@link Population#read}): the result equals the
   * uninterrupted run's with the same settings.
   *
   * @param from the last population written
   * @param seed the run's seed
   * @param evaluator where the simulations run
   * @param listener told after each generation and each batch
   * @return the result
   */
  public CalibrationResult resume(Population from, long seed, Evaluator evaluator, Listener listener) {
    Checks.notNull("from", from);
    Checks.notNull("evaluator", evaluator);
    Checks.notNull("listener", listener);
    checkResume(from);
    return continueFrom(from, seed, evaluator, listener);
  }

  /**
   * Checks, before any simulation, that a population can continue this calibration: the same
   * parameters and particle count, and every particle one the prior could give (an edited value
   * outside it would be carried on, and a posterior could report impossible values). {@link #resume}
   * calls it first; a caller that read the population from a file can call it to name the file.
   *
   * @param from the population
   * @throws IllegalArgumentException naming what does not fit
   */
  public void checkResume(Population from) {
    Checks.notNull("from", from);
    checkArgument(from.names().equals(names()), "the population has parameters %s, this calibration %s", from.names(), names());
    checkArgument(from.size() == particles, "the population has %s particles, this calibration %s", from.size(), particles);
    // every particle must be one the prior could give: an edited value outside it would be carried on
    // (and a posterior could report impossible values)
    for (int i = 0; i < from.size(); i++) {
      double[] v = from.values(i);
      for (int k = 0; k < v.length; k++) {
        Prior prior = parameters.get(k).prior();
        // the sampler's own test, in its internal coordinate: a particle it made (a log-uniform value
        // rounded one ulp past its bound) is never refused
        checkArgument(prior.internalDensity(prior.toInternal(v[k])) > 0, "particle %s of the population has %s = %s, outside its prior %s", i,
            parameters.get(k).name(), v[k], prior);
      }
    }
  }

  private CalibrationResult continueFrom(Population p, long seed, Evaluator evaluator, Listener listener) {
    while (true) {
      StopReason reason = stopAfter(p);
      if (reason != null) {
        return new CalibrationResult(p, reason, seed);
      }
      double previous = p.generation().epsilon();
      double eps = nextEpsilon(p.weights(), p.distances(), essReduction);
      if (!(eps < previous)) {
        // discrete distances: the rule can land on the previous tolerance; take the next smaller distance
        eps = Arrays.stream(p.distances()).filter(x -> x < previous).max().orElse(Double.NaN);
      }
      eps = Math.max(eps, targetTolerance);
      if (!(eps < previous)) {
        return new CalibrationResult(p, StopReason.NO_PROGRESS, seed);
      }
      Population next = nextGeneration(p, eps, seed, evaluator, listener);
      if (next == null) {
        return new CalibrationResult(p, StopReason.BUDGET, seed);
      }
      p = next;
      listener.generation(p);
    }
  }

  private StopReason stopAfter(Population p) {
    Generation g = p.generation();
    if (g.epsilon() <= targetTolerance) {
      return StopReason.TOLERANCE_REACHED;
    }
    if (g.index() > 0 && g.acceptance() < minAcceptance) {
      return StopReason.MIN_ACCEPTANCE;
    }
    if (p.history().size() >= maxGenerations) {
      return StopReason.MAX_GENERATIONS;
    }
    if (g.totalSimulations() >= budget) {
      return StopReason.BUDGET;
    }
    return null;
  }

  /**
   * The generator of proposal {@code index} of generation {@code generation}: a pure function of the
   * three numbers.
   *
   * @param seed the run's seed
   * @param generation the generation
   * @param index the proposal's index in the generation
   * @return a fresh L64X128MixRandom generator
   */
  public static RandomGenerator particleRandom(long seed, int generation, long index) {
    // seeded from one well-mixed long (see Seeds for why not from bytes)
    return RandomGeneratorFactory.of("L64X128MixRandom").create(Seeds.of(seed, generation, index, 0xCA11B8A7EL));
  }

  private Population generationZero(long seed, Evaluator evaluator, Listener listener) {
    ParticleSimulator sim = simulator();
    int d = parameters.size();
    double[][] values = new double[particles][d];
    long[] seeds = new long[particles];
    for (int i = 0; i < particles; i++) {
      RandomGenerator rng = particleRandom(seed, 0, i);
      for (int k = 0; k < d; k++) {
        values[i][k] = parameters.get(k).prior().sample(rng);
      }
      seeds[i] = rng.nextLong();
    }
    double[][] stats = new double[particles][];
    int batch = Math.max(1, (particles + 9) / 10);
    for (int from = 0; from < particles; from += batch) {
      int to = Math.min(particles, from + batch);
      double[][] part = evaluator.evaluate(sim, Arrays.asList(values).subList(from, to), Arrays.copyOfRange(seeds, from, to));
      System.arraycopy(part, 0, stats, from, to - from);
      listener.progress(0, to, to);
    }
    double[] distances = new double[particles];
    for (int i = 0; i < particles; i++) {
      distances[i] = sim.distance(stats[i]);
    }
    double[] w = new double[particles];
    Arrays.fill(w, 1);
    Generation g = new Generation(0, Double.POSITIVE_INFINITY, particles, particles, 1, particles);
    return new Population(names(), values, w, distances, stats, List.of(g));
  }

  /**
   * Del Moral et al. (2012), equation 12 with one simulation per particle: the smallest previous
   * distance eps such that ESS(w 1{d <= eps}) &gt;= alpha ESS(w). Infinite distances never count; if
   * the rule lands on them, the largest finite distance is used.
   */
  static double nextEpsilon(double[] w, double[] d, double alpha) {
    double target = alpha * Population.ess(w);
    Integer[] order = new Integer[d.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
    double s = 0;
    double s2 = 0;
    double lastFinite = Double.POSITIVE_INFINITY;
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      if (!Double.isFinite(d[i])) {
        break;
      }
      lastFinite = d[i];
      s += w[i];
      s2 += w[i] * w[i];
      boolean tieNext = k + 1 < order.length && d[order[k + 1]] == d[i];
      if (!tieNext && s * s / s2 >= target) {
        return d[i];
      }
    }
    return lastFinite;
  }

  /** The kernels of one generation, in internal coordinates. */
  private static final class Kernels {
    final double[][] centres;
    final double[] weights;
    final double[][][] chol;
    final double[] logNorm;

    Kernels(double[][] centres, double[] weights, double[][][] chol) {
      this.centres = centres;
      this.weights = weights;
      this.chol = chol;
      int d = centres[0].length;
      logNorm = new double[centres.length];
      for (int j = 0; j < centres.length; j++) {
        double logDet = 0;
        for (int k = 0; k < d; k++) {
          logDet += Math.log(chol[j][k][k]);
        }
        logNorm[j] = -logDet - 0.5 * d * Math.log(2 * Math.PI);
      }
    }

    /** sum_j w_j N(z; centre_j, L_j L_j^T). */
    double density(double[] z) {
      int d = z.length;
      double[] y = new double[d];
      double sum = 0;
      for (int j = 0; j < centres.length; j++) {
        double[][] l = chol[j];
        double q = 0;
        for (int r = 0; r < d; r++) {
          double v = z[r] - centres[j][r];
          for (int c = 0; c < r; c++) {
            v -= l[r][c] * y[c];
          }
          y[r] = v / l[r][r];
          q += y[r] * y[r];
        }
        sum += weights[j] * Math.exp(logNorm[j] - 0.5 * q);
      }
      return sum;
    }
  }

  private Kernels kernels(Population prev, double[][] z, double eps) {
    int n = z.length;
    int d = z[0].length;
    double[] w = prev.weights();
    double[][] global = covariance(z, w, null);
    for (int r = 0; r < d; r++) {
      for (int c = 0; c < d; c++) {
        global[r][c] *= 2;
      }
    }
    double[][] lGlobal = cholesky(global);
    if (lGlobal == null) {
      // a degenerate population (e.g. every particle equal in one coordinate): a small ridge
      double scale = 0;
      for (int r = 0; r < d; r++) {
        scale = Math.max(scale, global[r][r]);
      }
      double ridge = Math.max(scale, 1e-12) * 1e-6;
      for (int r = 0; r < d; r++) {
        global[r][r] += ridge;
      }
      lGlobal = cholesky(global);
      if (lGlobal == null) {
        throw new IllegalStateException("the population's covariance is not positive definite");
      }
    }
    double[][][] chol = new double[n][][];
    if (kernel == Kernel.TWICE_COVARIANCE) {
      Arrays.fill(chol, lGlobal);
    } else {
      double[] dist = prev.distances();
      double[] kept = new double[n];
      for (int i = 0; i < n; i++) {
        kept[i] = dist[i] <= eps ? w[i] : 0;
      }
      double[] mean = new double[d];
      double[][] cov = covariance(z, kept, mean);
      for (int j = 0; j < n; j++) {
        double[][] s = new double[d][d];
        for (int r = 0; r < d; r++) {
          for (int c = 0; c < d; c++) {
            s[r][c] = cov[r][c] + (mean[r] - z[j][r]) * (mean[c] - z[j][c]);
          }
        }
        // A local covariance that is zero up to rounding (one kept particle: about 1e-32 instead of 0)
        // passes a Cholesky test relative to its own diagonal, and would propose copies of the particle.
        // It must be compared with the population's scale: the documented fallback is twice the
        // covariance when the local one is degenerate.
        boolean degenerate = cov == null;
        for (int r = 0; r < d && !degenerate; r++) {
          degenerate = !(s[r][r] > 1e-10 * global[r][r]);
        }
        double[][] l = degenerate ? null : cholesky(s);
        chol[j] = l == null ? lGlobal : l;
      }
    }
    return new Kernels(z, w, chol);
  }

  /**
   * Weighted covariance (weights normalized here, no bias correction); null if all weights are 0.
   * Writes the weighted mean into {@code meanOut} when given.
   */
  private static double[][] covariance(double[][] z, double[] w, double[] meanOut) {
    int d = z[0].length;
    double total = 0;
    double[] mean = new double[d];
    for (int i = 0; i < z.length; i++) {
      total += w[i];
      for (int k = 0; k < d; k++) {
        mean[k] += w[i] * z[i][k];
      }
    }
    if (total <= 0) {
      return null;
    }
    for (int k = 0; k < d; k++) {
      mean[k] /= total;
    }
    double[][] cov = new double[d][d];
    for (int i = 0; i < z.length; i++) {
      if (w[i] == 0) {
        continue;
      }
      for (int r = 0; r < d; r++) {
        for (int c = 0; c <= r; c++) {
          cov[r][c] += w[i] / total * (z[i][r] - mean[r]) * (z[i][c] - mean[c]);
        }
      }
    }
    for (int r = 0; r < d; r++) {
      for (int c = r + 1; c < d; c++) {
        cov[r][c] = cov[c][r];
      }
    }
    if (meanOut != null) {
      System.arraycopy(mean, 0, meanOut, 0, d);
    }
    return cov;
  }

  /** Lower Cholesky factor, or null if the matrix is not (numerically) positive definite. */
  static double[][] cholesky(double[][] a) {
    return Cholesky.factorCopy(a, 1e-14);
  }

  private double[] toInternal(double[] x) {
    double[] z = new double[x.length];
    for (int k = 0; k < z.length; k++) {
      z[k] = parameters.get(k).prior().toInternal(x[k]);
    }
    return z;
  }

  private double priorDensity(double[] z) {
    double p = 1;
    for (int k = 0; k < z.length; k++) {
      p *= parameters.get(k).prior().internalDensity(z[k]);
    }
    return p;
  }

  private Population nextGeneration(Population prev, double eps, long seed, Evaluator evaluator, Listener listener) {
    int t = prev.generation().index() + 1;
    int n = prev.size();
    int d = parameters.size();
    double[][] z = new double[n][];
    for (int j = 0; j < n; j++) {
      z[j] = toInternal(prev.values(j));
    }
    Kernels kern = kernels(prev, z, eps);
    double[] cum = new double[n];
    double c = 0;
    double[] w = prev.weights();
    for (int j = 0; j < n; j++) {
      c += w[j];
      cum[j] = c;
    }
    ParticleSimulator sim = simulator();
    List<double[]> accValues = new ArrayList<>();
    List<double[]> accStats = new ArrayList<>();
    List<Double> accDist = new ArrayList<>();
    List<Double> accWeight = new ArrayList<>();
    long sims = 0;
    long attempt = 0;
    long spent = prev.generation().totalSimulations();
    double rate = Math.max(0.02, prev.generation().acceptance() * 0.5);
    while (accValues.size() < particles) {
      long remaining = budget - spent - sims;
      if (remaining <= 0) {
        return null;
      }
      int need = particles - accValues.size();
      long want = Math.min(remaining, Math.min(20L * particles, Math.max(16, (long) Math.ceil(need / rate * 1.2))));
      List<double[]> batchValues = new ArrayList<>();
      List<double[]> batchInternal = new ArrayList<>();
      List<Long> batchSeeds = new ArrayList<>();
      long tries = 0;
      while (batchValues.size() < want && tries < 1000 * want) {
        RandomGenerator rng = particleRandom(seed, t, attempt++);
        tries++;
        int j = Population.pick(cum, rng.nextDouble());
        double[][] l = kern.chol[j];
        double[] e = new double[d];
        for (int k = 0; k < d; k++) {
          e[k] = rng.nextGaussian();
        }
        double[] zz = new double[d];
        for (int r = 0; r < d; r++) {
          double v = z[j][r];
          for (int k = 0; k <= r; k++) {
            v += l[r][k] * e[k];
          }
          zz[r] = v;
        }
        long simSeed = rng.nextLong();
        if (priorDensity(zz) <= 0) {
          continue; // outside the prior's support: rejected without a simulation
        }
        double[] x = new double[d];
        for (int k = 0; k < d; k++) {
          x[k] = parameters.get(k).prior().fromInternal(zz[k]);
        }
        batchValues.add(x);
        batchInternal.add(zz);
        batchSeeds.add(simSeed);
      }
      if (batchValues.isEmpty()) {
        throw new IllegalStateException("no proposal within the prior's support in " + tries + " tries");
      }
      double[][] stats = evaluator.evaluate(sim, batchValues, batchSeeds.stream().mapToLong(Long::longValue).toArray());
      for (int i = 0; i < stats.length && accValues.size() < particles; i++) {
        sims++;
        double dist = sim.distance(stats[i]);
        if (dist <= eps) {
          double[] zz = batchInternal.get(i);
          accValues.add(batchValues.get(i));
          accStats.add(stats[i]);
          accDist.add(dist);
          accWeight.add(priorDensity(zz) / kern.density(zz));
        }
      }
      rate = Math.max(1e-3, accValues.size() / (double) sims);
      listener.progress(t, accValues.size(), spent + sims);
    }
    double[] weights = accWeight.stream().mapToDouble(Double::doubleValue).toArray();
    List<Generation> history = new ArrayList<>(prev.history());
    double[] norm = weights.clone();
    double s = Arrays.stream(norm).sum();
    for (int i = 0; i < norm.length; i++) {
      norm[i] /= s;
    }
    history.add(new Generation(t, eps, sims, spent + sims, particles / (double) sims, Population.ess(norm)));
    return new Population(names(), accValues.toArray(new double[0][]), weights, accDist.stream().mapToDouble(Double::doubleValue).toArray(),
        accStats.toArray(new double[0][]), history);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "AbcSmc[%s; %d targets; %d particles x %d replicates, budget %d, kernel %s]", parameters, targets.size(),
        particles, replicates, budget, kernel);
  }

  /** Told of a run's progress (on the calling thread). */
  public interface Listener {
    /** A listener that does nothing. */
    Listener NONE = new Listener() {};

    /**
     * After each generation (the place to write the population for a later resume).
     *
     * @param population the new population
     */
    default void generation(Population population) {}

    /**
     * After each batch of simulations.
     *
     * @param generation the generation under way
     * @param accepted particles accepted so far in it
     * @param totalSimulations simulations so far in the run
     */
    default void progress(int generation, int accepted, long totalSimulations) {}
  }

  /**
   * Builder; each setter checks its argument and takes its setting once: a second call to the same
   * setter throws, since a silent overwrite would hide a mistake. Parameters and targets are added,
   * one call each.
   */
  public static final class Builder {
    private final ScenarioMapping mapping;
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final Setting<Integer> particles = new Setting<>("particles");
    private final Setting<Integer> replicates = Setting.checked("replicates per particle", Checks::atLeastOne);
    private final Setting<Long> budget = Setting.checked("budget", Checks::atLeastOne);
    private final Setting<Double> minAcceptance = Setting.checked("minimum acceptance", Checks::probability);
    private final Setting<Integer> maxGenerations = Setting.checked("maximum generations", Checks::atLeastOne);
    private final Setting<Double> essReduction = new Setting<>("ESS reduction");
    private final Setting<Double> targetTolerance = Setting.checked("target tolerance", Checks::finiteNonNegative);
    private final Setting<Kernel> kernel = new Setting<>("kernel");
    private final Setting<String> description = new Setting<>("description", text -> "'" + text + "'");

    private Builder(ScenarioMapping mapping) {
      this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    /** @param name a unique name @param prior its prior @return this builder */
    public Builder parameter(String name, Prior prior) {
      Parameter p = new Parameter(name, prior);
      checkArgument(parameters.stream().noneMatch(q -> q.name().equals(name)), "parameter '%s' appears twice", name);
      checkArgument(!name.equals("weight") && !name.equals("distance"), "'%s' is reserved for a column of the posterior", name);
      parameters.add(p);
      return this;
    }

    /** @param target a target (several may be added) @return this builder */
    public Builder target(Target target) {
      targets.add(Objects.requireNonNull(target, "target"));
      return this;
    }

    /** @param n particles per generation, &gt;= 2 (default 500) @return this builder */
    public Builder particles(int n) {
      checkArgument(n >= 2, "particles must be >= 2: %s", n);
      return particles.set(this, n);
    }

    /** @param n replicates per particle, &gt;= 1 (default 1): statistics read their mean path @return this builder */
    public Builder replicatesPerParticle(int n) {
      return replicates.set(this, n);
    }

    /** @param simulations the most particles simulated in the run (default 50,000) @return this builder */
    public Builder budget(long simulations) {
      return budget.set(this, simulations);
    }

    /** @param rate stop after a generation whose acceptance rate is below this, in [0, 1] (default 0.01) @return this builder */
    public Builder minAcceptance(double rate) {
      return minAcceptance.set(this, rate);
    }

    /** @param n the most generations, generation 0 included, &gt;= 1 (default 40) @return this builder */
    public Builder maxGenerations(int n) {
      return maxGenerations.set(this, n);
    }

    /** @param alpha ESS kept from one tolerance to the next, in (0, 1) (default 0.5) @return this builder */
    public Builder essReduction(double alpha) {
      checkArgument(alpha > 0 && alpha < 1, "ESS reduction must be in (0, 1): %s", alpha);
      return essReduction.set(this, alpha);
    }

    /** @param eps stop once the tolerance is at most this, &gt;= 0 (default 0) @return this builder */
    public Builder targetTolerance(double eps) {
      return targetTolerance.set(this, eps);
    }

    /** @param k the perturbation kernel (default {@link Kernel#OPTIMAL_LOCAL}) @return this builder */
    public Builder kernel(Kernel k) {
      return kernel.set(this, k);
    }

    /**
     * @param text what else determines the mapping (e.g. the scenario file's text), part of the
     *     {@link #fingerprint()}
     * @return this builder
     */
    public Builder description(String text) {
      return description.set(this, text);
    }

    /** @return the calibration */
    public AbcSmc build() {
      checkArgument(!parameters.isEmpty(), "at least one parameter is needed");
      checkArgument(!targets.isEmpty(), "at least one target is needed");
      checkArgument(budget() >= particles(), "budget (%s) must cover at least generation 0 (%s particles)", budget(), particles());
      return new AbcSmc(this);
    }

    private int particles() {
      return particles.orElse(DEFAULT_PARTICLES);
    }

    private long budget() {
      return budget.orElse(DEFAULT_BUDGET);
    }
  }
}
