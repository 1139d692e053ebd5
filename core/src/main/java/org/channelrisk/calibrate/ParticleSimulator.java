package org.channelrisk.calibrate;

import org.channelrisk.internal.Seeds;
import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.channelrisk.sim.Scenario;
import org.channelrisk.sim.Simulation;

/**
 * What one particle costs: build its scenario from its values, run its replicates
 * ({@code Simulation.run(scenario, seed, r)} for r = 0 .. replicates - 1) and compute the targets'
 * statistics. A pure function of (values, seed), serializable, so that threads or a Spark executor
 * compute the same numbers.
 *
 * <pre>{@code
 * ParticleSimulator sim = new ParticleSimulator(mapping, List.of(target), 1);
 * double[] stats = sim.statistics(new double[] {0.8}, 12345L);
 * }</pre>
 *
 * @param mapping values to scenario
 * @param targets the targets whose statistics are computed, in order
 * @param replicates replicates per particle, &gt;= 1
 */
public record ParticleSimulator(ScenarioMapping mapping, List<Target> targets, int replicates) implements Serializable {
  /** Validates and copies. */
  public ParticleSimulator {
    java.util.Objects.requireNonNull(mapping, "mapping");
    targets = List.copyOf(targets);
    checkArgument(!targets.isEmpty(), "at least one target is needed");
    checkArgument(replicates >= 1, "replicates per particle must be >= 1: %s", replicates);
  }

  /**
   * The seed of replicate r of a particle: a hash of (particle seed, r), run as replicate index 0.
   *
   * @param particleSeed the particle's seed
   * @param r the replicate
   * @return the seed passed to {@code Simulation.of(scenario).seed(seed)}
   */
  static long runSeed(long particleSeed, int r) {
    return Seeds.of(particleSeed, r);
  }

  /** @return whether a statistic reads the event log */
  public boolean needsEvents() {
    return targets.stream().anyMatch(t -> t.statistic().needsEvents());
  }

  /**
   * @param values the particle's values, natural units
   * @return its scenario, with the event log on when a statistic needs it
   */
  public Scenario scenario(double[] values) {
    Scenario s = mapping.scenario(values.clone());
    return needsEvents() && !s.eventLog() ? s.toBuilder().eventLog(true).build() : s;
  }

  /**
   * @param values the particle's values
   * @param seed the particle's simulation seed
   * @return its replicates
   */
  public Replicates run(double[] values, long seed) {
    Scenario s = scenario(values);
    List<Simulation.Run> runs = new ArrayList<>(replicates);
    for (int r = 0; r < replicates; r++) {
      runs.add(Simulation.of(s).seed(runSeed(seed, r)).replicate(0).run());
    }
    return Replicates.of(runs);
  }

  /**
   * @param values the particle's values
   * @param seed the particle's simulation seed
   * @return one statistic per target (NaN where it cannot be computed)
   */
  public double[] statistics(double[] values, long seed) {
    Replicates r = run(values, seed);
    double[] out = new double[targets.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = targets.get(i).statistic().compute(r);
    }
    return out;
  }

  /**
   * Euclidean distance of standardized statistics; infinite if any is NaN.
   *
   * @param statistics one per target
   * @return the distance
   */
  public double distance(double[] statistics) {
    double s = 0;
    for (int i = 0; i < statistics.length; i++) {
      double z = targets.get(i).standardized(statistics[i]);
      if (Double.isNaN(z)) {
        return Double.POSITIVE_INFINITY;
      }
      s += z * z;
    }
    return Math.sqrt(s);
  }
}
