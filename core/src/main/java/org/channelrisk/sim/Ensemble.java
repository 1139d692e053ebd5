package org.channelrisk.sim;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Parallel;
import org.channelrisk.internal.Setting;

/**
 * Monte Carlo ensembles: N replicates of a scenario, replicate i seeded from (seed, i) only, run on a
 * chosen number of threads; the summary is bit-identical for any thread count.
 *
 * <pre>{@code
 * EnsembleSummary s = Ensemble.of(scenario).replicates(500).seed(2019).threads(2).run();
 * }</pre>
 *
 * <p>Settings are named and each is taken once (a second call throws, since a silent overwrite would
 * hide a mistake); {@code replicates} and {@code seed} have no default, because a forgotten seed
 * should not pass unnoticed. Threads default to 1; the result does not depend on them.
 */
public final class Ensemble {
  private final Scenario scenario;
  private final Setting<Integer> replicates = Setting.checked("replicates", Checks::atLeastOne);
  private final Setting<Long> seed = new Setting<>("seed");
  private final Setting<Integer> threads = Setting.checked("threads", Checks::atLeastOne);
  private final Setting<IntConsumer> progress = new Setting<>("progress");

  private Ensemble(Scenario scenario) {
    this.scenario = Objects.requireNonNull(scenario, "scenario");
  }

  /**
   * @param scenario what to simulate
   * @return an ensemble to configure, then {@link #run()}
   */
  public static Ensemble of(Scenario scenario) {
    return new Ensemble(scenario);
  }

  /** @param n number of replicates, &gt;= 1 @return this */
  public Ensemble replicates(int n) {
    return replicates.set(this, n);
  }

  /** @param s the ensemble seed; replicate i is seeded from (s, i) @return this */
  public Ensemble seed(long s) {
    return seed.set(this, s);
  }

  /** @param k worker threads, &gt;= 1 (default 1); the result is the same for any k @return this */
  public Ensemble threads(int k) {
    return threads.set(this, k);
  }

  /**
   * @param listener receives the number of replicates finished so far, from worker threads
   * @return this
   */
  public Ensemble progress(IntConsumer listener) {
    return progress.set(this, listener);
  }

  /**
   * Runs the replicates.
   *
   * @return the summary
   * @throws IllegalStateException if replicates or seed was not set
   */
  public EnsembleSummary run() {
    int n = replicates.required("set the number of replicates: Ensemble.of(s).replicates(n).seed(s).run()");
    long s = seed.required("set the seed: Ensemble.of(s).replicates(n).seed(s).run()");
    List<Trajectory> results = Parallel.map(n, threads.orElse(1), "ensemble",
        i -> Simulation.of(scenario).seed(s).replicate(i).run().trajectory(), progress.orElse(done -> { }));
    return EnsembleSummary.ofAll(results.toArray(Trajectory[]::new));
  }

  /**
   * The short form, kept for code written before the named form: prefer {@link #of}.
   *
   * @param scenario the scenario
   * @param replicates number of replicates, &gt;= 1
   * @param seed the ensemble seed
   * @param threads worker threads, &gt;= 1
   * @return the summary
   * @deprecated two ints in a row are easily swapped; use
   *     {@code Ensemble.of(scenario).replicates(n).seed(seed).threads(k).run()}
   */
  @Deprecated(since = "0.2", forRemoval = true)
  public static EnsembleSummary run(Scenario scenario, int replicates, long seed, int threads) {
    return of(scenario).replicates(replicates).seed(seed).threads(threads).run();
  }

  /**
   * The short form with progress, kept for code written before the named form: prefer {@link #of}.
   *
   * @param scenario the scenario
   * @param replicates number of replicates, &gt;= 1
   * @param seed the ensemble seed
   * @param threads worker threads, &gt;= 1
   * @param progress receives the count of finished replicates
   * @return the summary
   * @deprecated use {@code Ensemble.of(scenario).replicates(n).seed(seed).threads(k).progress(p).run()}
   */
  @Deprecated(since = "0.2", forRemoval = true)
  public static EnsembleSummary run(Scenario scenario, int replicates, long seed, int threads, IntConsumer progress) {
    return of(scenario).replicates(replicates).seed(seed).threads(threads).progress(progress).run();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Ensemble[%s replicates, seed %s, %d thread(s) of %s]", replicates, seed,
        threads.orElse(1), scenario);
  }
}
