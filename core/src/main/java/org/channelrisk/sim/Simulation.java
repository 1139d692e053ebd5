package org.channelrisk.sim;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The event-driven engine: one run is a pure function of (scenario, seed, replicate index).
 *
 * <pre>{@code
 * Simulation.Run run = Simulation.run(scenario, 42, 0);
 * run.trajectory().values(Observed.ACTIVE_CHANNELS);
 * run.events();   // empty unless the scenario asks for the event log
 * }</pre>
 *
 * <p>Next-event simulation: each active channel has one exponential clock for removal-related hazards
 * (referral-unit detection and proactive moderation, rate (d * pressure + m) * visibility), kept in an
 * indexed heap and redrawn in place whenever its rate changes (memorylessness makes that exact; when
 * only the audience, and with it the visibility, changed, the time left is rescaled by old rate / new
 * rate instead, which is as exact and needs no new draw);
 * referral decisions, delayed removals, re-creations and action-day referrals are scheduled events in
 * a second heap, whose stale entries are skipped by stamp. Audience re-acquisition is a pure-death process of the
 * former members still looking: between grid times and link changes its hazard is constant, so the
 * number who find a new incarnation is drawn exactly as Binomial(remaining, 1 - exp(-h dt)) (see
 * {@link Binomial} for the large-count approximation); visibility follows the audience at grid times.
 *
 * <p>State is kept in primitive arrays indexed by channel slot (a re-created channel reuses its slot
 * with generation + 1): about 85 bytes per channel, plus 8 per link in the structure all runs of a
 * scenario share. An action day's referrals are sorted once (a radix sort, no boxing) and read in
 * order beside the event heap. Measured at 10^5 channels (November 2019 preset), a run allocates about
 * 180 bytes per channel in all. Cost: O(log E) per event for a queue of E events, O(log C) per clock
 * change for C channels, O(recovering channels) per grid time.
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
    byte[] bytes = ByteBuffer.allocate(16).putLong(seed).putLong(replicate).array();
    return RandomGeneratorFactory.of("L64X128MixRandom").create(bytes);
  }

  /**
   * Runs a scenario once.
   *
   * @param scenario the scenario
   * @param seed the seed
   * @param replicate the replicate index (0 for a single run)
   * @return the run's trajectory and event log
   */
  public static Run run(Scenario scenario, long seed, long replicate) {
    return new Engine(scenario, generator(seed, replicate), postsGenerator(seed, replicate)).run();
  }

  /**
   * The channel incarnations of one run, for competing-risks analysis: each with its start, end and
   * cause of end ({@link EndCause}), or censored at the horizon. The run is the one {@link #run} gives
   * for the same arguments (recording does not change it).
   *
   * <pre>{@code
   * List<ChannelLifetime> lives = Simulation.lifetimes(Presets.actionDay2019(2_000, true), 2019, 0);
   * }</pre>
   *
   * @param scenario the scenario
   * @param seed the seed
   * @param replicate the replicate index
   * @return the incarnations by channel (in the ecosystem's order) and generation
   */
  public static List<ChannelLifetime> lifetimes(Scenario scenario, long seed, long replicate) {
    return run(scenario.eventLog() ? scenario : scenario.toBuilder().eventLog(true).build(), seed, replicate).lifetimes();
  }

  /**
   * The generator of a replicate's posts: a stream of its own, so that drawing posts changes no other
   * number of the run.
   */
  static RandomGenerator postsGenerator(long seed, long replicate) {
    byte[] bytes = ByteBuffer.allocate(24).putLong(seed).putLong(replicate).putLong(0x706f737473L).array();
    return RandomGeneratorFactory.of("L64X128MixRandom").create(bytes);
  }

}
