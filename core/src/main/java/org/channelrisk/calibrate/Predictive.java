package org.channelrisk.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Parallel;
import org.channelrisk.sim.EnsembleSummary;
import org.channelrisk.sim.Scenario;
import org.channelrisk.sim.Simulation;
import org.channelrisk.stats.SampleQuantiles;

/**
 * The posterior predictive ensemble: n parameter vectors drawn from the weighted population, one run
 * of each, summarised like any ensemble, plus each target's statistic per draw (what the model says
 * about the observations once calibrated).
 *
 * <pre>{@code
 * Predictive pp = Predictive.of(result, abc.simulator(), 200, 2019, 2);
 * pp.ensemble().mean(Observed.ACTIVE_CHANNELS);
 * pp.statisticQuantile(0, 0.5);     // the model's median of target 0
 * }</pre>
 *
 * <p>Draw i takes particle indices from a generator seeded by (seed, i) and runs with the particle
 * simulator's seed scheme, so the result does not depend on the thread count.
 */
public final class Predictive {
  /** One draw's run and its targets' statistics. */
  private record Draw(Simulation.Run run, double[] statistics) {}

  private final EnsembleSummary ensemble;
  private final double[][] statistics;
  private final double[][] draws;

  private Predictive(EnsembleSummary ensemble, double[][] statistics, double[][] draws) {
    this.ensemble = ensemble;
    this.statistics = statistics;
    this.draws = draws;
  }

  /**
   * @param result a calibration's result
   * @param simulator its particle simulator ({@link AbcSmc#simulator()})
   * @param n number of draws, &gt;= 2
   * @param seed the seed
   * @param threads worker threads, &gt;= 1; the result does not depend on them
   * @return the predictive ensemble
   */
  public static Predictive of(CalibrationResult result, ParticleSimulator simulator, int n, long seed, int threads) {
    checkArgument(n >= 2, "predictive draws must be >= 2: %s", n);
    Population p = result.population();
    double[][] values = new double[n][];
    long[] seeds = new long[n];
    for (int i = 0; i < n; i++) {
      RandomGenerator rng = AbcSmc.particleRandom(seed, Integer.MAX_VALUE, i);
      values[i] = p.values(p.draw(1, rng)[0]);
      seeds[i] = rng.nextLong();
    }
    List<Draw> drawn = Parallel.map(n, Checks.atLeastOne("threads", threads), "predictive", i -> {
      Scenario s = simulator.scenario(values[i]);
      Simulation.Run run = Simulation.of(s).seed(ParticleSimulator.runSeed(seeds[i], 0)).replicate(0).run();
      Replicates rep = Replicates.of(List.of(run));
      double[] st = new double[simulator.targets().size()];
      for (int k = 0; k < st.length; k++) {
        st[k] = simulator.targets().get(k).statistic().compute(rep);
      }
      return new Draw(run, st);
    }, done -> { });
    double[][] stats = new double[n][];
    Map<Long, double[][]> reps = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      reps.put((long) i, drawn.get(i).run().trajectory().values());
      stats[i] = drawn.get(i).statistics();
    }
    EnsembleSummary ens = EnsembleSummary.fromReplicates(drawn.get(0).run().trajectory().times(), reps);
    return new Predictive(ens, stats, values);
  }

  /** @return the ensemble of the draws' runs */
  public EnsembleSummary ensemble() {
    return ensemble;
  }

  /** @return the number of draws */
  public int size() {
    return statistics.length;
  }

  /**
   * @param target a target index
   * @return its statistic in each draw (NaN where not computable)
   */
  public double[] statistic(int target) {
    double[] out = new double[statistics.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = statistics[i][target];
    }
    return out;
  }

  /**
   * @param target a target index
   * @param p a probability
   * @return the type-7 quantile of the target's statistic over the draws where it is defined (NaN if none)
   */
  public double statisticQuantile(int target, double p) {
    SampleQuantiles.checkProbability(p);
    double[] v = Arrays.stream(statistic(target)).filter(Double::isFinite).sorted().toArray();
    return v.length == 0 ? Double.NaN : SampleQuantiles.ofSorted(v, p);
  }

  /** @param i a draw @return its parameter values */
  public double[] draw(int i) {
    return draws[i].clone();
  }
}
