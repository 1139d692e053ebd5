package org.channelrisk.sim;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Seeds;
import org.channelrisk.internal.Setting;

/**
 * The event-driven engine: one run is a pure function of (scenario, seed, replicate index).
 *
 * <pre>{@code
 * Simulation.Run run = Simulation.of(scenario).seed(42).replicate(0).run();
 * run.trajectory().values(Observed.ACTIVE_CHANNELS);
 * run.events();   // empty unless the scenario asks for the event log
 * }</pre>
 *
 * <p>Next-event simulation, exact in continuous time (the observation grid only records): each active
 * channel has one exponential clock for its removal-related hazards (referral-unit detection and
 * proactive moderation, rate (d * pressure + m) * visibility, plus its operator's abandonment and move
 * hazards), kept in an indexed heap and redrawn in place whenever its rate changes. Visibility follows
 * the audience, which grows while a re-created channel's former members find it: the clock runs at
 * the rate the channel would have with its whole former audience back (an upper bound, constant while
 * the incarnation lives) and each firing is accepted with probability true rate / bound, with the
 * audience brought up to that instant (thinning: Lewis and Shedler 1979). Audiences are exact and lazy
 * ({@code AudienceProcess}): each member still looking finds the channel independently, so a channel's
 * audience is drawn as a Binomial from its state at its last update only when the channel, a linked
 * channel, an action day's targeting or the grid's record needs it. Referral decisions, delayed
 * removals, re-creations and action-day referrals are scheduled events in a second heap, whose stale
 * entries are skipped by stamp.
 *
 * <p>State is kept in primitive arrays indexed by channel slot (a re-created channel reuses its slot
 * with generation + 1), split into package-private parts: the compiled ecosystem all runs share, the
 * clocks, the event queue, the audience process, the migration choice, the targeting and the
 * recorder. An action day's referrals are sorted once (a radix sort, no boxing) and read in order
 * beside the event heap. Cost: O(log E) per event for a queue of E events, O(log C) per clock change
 * for C channels, O(1) per audience update; the figures are in benchmarks/RESULTS.md.
 */
public final class Simulation {
  private Simulation() {}

  /**
   * The result of one run.
   *
   * @param trajectory observables on the grid
   * @param events the event log (empty unless the scenario records it)
   * @param lifetimes every channel incarnation, by channel (in the ecosystem's order) and generation,
   *     with its end and cause or censored at the horizon (empty unless the scenario records its event log)
   */
  public record Run(Trajectory trajectory, List<SimEvent> events, List<ChannelLifetime> lifetimes) {
    /** Copies the lists. */
    public Run {
      events = List.copyOf(events);
      lifetimes = List.copyOf(lifetimes);
    }

    /**
     * A run without lifetimes.
     *
     * @param trajectory observables on the grid
     * @param events the event log
     */
    public Run(Trajectory trajectory, List<SimEvent> events) {
      this(trajectory, events, List.of());
    }
  }

  /**
   * The generator of replicate {@code replicate} of a run seeded with {@code seed}: a pure function of
   * the two numbers, so any worker (a thread, a Spark task) can make it.
   *
   * @param seed the ensemble's seed
   * @param replicate the replicate index
   * @return a fresh L64X128MixRandom generator
   */
  public static RandomGenerator generator(long seed, long replicate) {
    // one well-mixed long, not a byte array: see Seeds for the Java 17 byte-seeding defect this avoids
    return RandomGeneratorFactory.of("L64X128MixRandom").create(Seeds.of(seed, replicate));
  }

  /**
   * A run to configure by name: {@code Simulation.of(s).seed(42).replicate(0).run()}. The seed has no
   * default (a forgotten seed should not pass unnoticed); the replicate index defaults to 0. Each
   * setting is taken once.
   *
   * @param scenario the scenario
   * @return the run's settings
   */
  public static Runner of(Scenario scenario) {
    return new Runner(scenario);
  }

  /** The settings of one run: a seed and a replicate index, named so that they cannot be swapped. */
  public static final class Runner {
    private final Scenario scenario;
    private final Setting<Long> seed = new Setting<>("seed");
    private final Setting<Long> replicate = Setting.checked("replicate", Checks::nonNegative);

    private Runner(Scenario scenario) {
      this.scenario = java.util.Objects.requireNonNull(scenario, "scenario");
    }

    /** @param s the seed @return this */
    public Runner seed(long s) {
      return seed.set(this, s);
    }

    /** @param index the replicate index, &gt;= 0 (default 0) @return this */
    public Runner replicate(long index) {
      return replicate.set(this, index);
    }

    /** @return the run's trajectory and event log */
    public Run run() {
      return runOf(scenario);
    }

    /** @return the run's channel incarnations, see {@link Simulation#lifetimes} */
    public List<ChannelLifetime> lifetimes() {
      return runOf(scenario.eventLog() ? scenario : scenario.toBuilder().eventLog(true).build()).lifetimes();
    }

    private Run runOf(Scenario s) {
      long sd = seed.required("set the seed: Simulation.of(s).seed(42).run()");
      long r = replicate.orElse(0L);
      return new Engine(s, generator(sd, r), postsGenerator(sd, r)).run();
    }
  }

  /**
   * Runs a scenario once: the short form, kept for code written before {@link #of}.
   *
   * @param scenario the scenario
   * @param seed the seed
   * @param replicate the replicate index (0 for a single run)
   * @return the run's trajectory and event log
   * @deprecated two longs in a row are easily swapped; use {@code Simulation.of(s).seed(seed).replicate(i).run()}
   */
  @Deprecated(since = "0.2", forRemoval = true)
  public static Run run(Scenario scenario, long seed, long replicate) {
    return of(scenario).seed(seed).replicate(replicate).run();
  }

  /**
   * The channel incarnations of one run, for competing-risks analysis: each with its start, end and
   * cause of end ({@link EndCause}), or censored at the horizon. The run is the one {@link #run} gives
   * for the same arguments (recording does not change it).
   *
   * <pre>{@code
   * List<ChannelLifetime> lives = Simulation.of(Presets.actionDay2019(2_000, true)).seed(2019).lifetimes();
   * }</pre>
   *
   * @param scenario the scenario
   * @param seed the seed
   * @param replicate the replicate index
   * @return the incarnations by channel (in the ecosystem's order) and generation
   * @deprecated two longs in a row are easily swapped; use {@code Simulation.of(s).seed(seed).replicate(i).lifetimes()}
   */
  @Deprecated(since = "0.2", forRemoval = true)
  public static List<ChannelLifetime> lifetimes(Scenario scenario, long seed, long replicate) {
    return of(scenario).seed(seed).replicate(replicate).lifetimes();
  }

  /**
   * The generator of a replicate's posts: a stream of its own, so that drawing posts changes no other
   * number of the run.
   */
  static RandomGenerator postsGenerator(long seed, long replicate) {
    return RandomGeneratorFactory.of("L64X128MixRandom").create(Seeds.of(seed, replicate, 0x706f737473L));
  }

}
