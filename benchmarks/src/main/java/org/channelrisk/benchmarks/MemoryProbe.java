package org.channelrisk.benchmarks;

import java.lang.management.ManagementFactory;
import org.channelrisk.sim.Presets;
import org.channelrisk.sim.Scenario;
import org.channelrisk.sim.Simulation;

/**
 * Memory per channel of a simulation run, measured three ways on the November 2019 preset: the heap
 * retained by the ecosystem (the model objects a user builds), the heap retained by the compiled
 * ecosystem the engine builds once per scenario (per-channel arrays, link rows), and the bytes a run
 * allocates in all (engine state, event queue, trajectory: an upper bound of what the run holds at
 * once). What a run holds, including the compiled ecosystem, is at most the sum of the last two; it is
 * also measured directly: while a run on a fresh scenario (which compiles its ecosystem) works on one
 * thread, another forces a full collection every few milliseconds and records the live heap, whose
 * peak above the heap before the run is what the run held at most (sampled, so a lower bound of the
 * true peak, and an upper bound of the engine's own state because it includes the trajectory).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.channelrisk.benchmarks.MemoryProbe [channels]}
 */
public final class MemoryProbe {
  private MemoryProbe() {}

  /**
   * The heap in use once the garbage is collected: {@code System.gc} is only a request, so it is made
   * four times to let a concurrent collector finish.
   *
   * @return used heap bytes
   */
  public static long usedAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  /**
   * The peak live heap above the starting level while one run of a fresh scenario works: a sampler
   * thread forces full collections and reads the used heap until the run ends.
   */
  private static long heldPeak(Scenario fresh) {
    long base = usedAfterGc();
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    long[] peak = {0};
    Thread sampler = new Thread(() -> {
      while (!done.get()) {
        System.gc();
        Runtime r = Runtime.getRuntime();
        peak[0] = Math.max(peak[0], r.totalMemory() - r.freeMemory() - base);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.start();
    org.channelrisk.sim.Trajectory t = Simulation.of(fresh).seed(1).replicate(1).run().trajectory();
    done.set(true);
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // the run's result is still reachable here: count it once more in case no sample fell after it
    peak[0] = Math.max(peak[0], usedAfterGc() - base);
    java.lang.ref.Reference.reachabilityFence(t);
    return peak[0];
  }

  /**
   * @param args [channels (100000)]
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long before = usedAfterGc();
    Scenario s = Presets.actionDay2019(n, true);
    long eco = usedAfterGc() - before;
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long beforeCompiled = usedAfterGc();
    Simulation.of(s).seed(1).run(); // warm up; builds the compiled ecosystem, which the scenario keeps
    long compiled = usedAfterGc() - beforeCompiled;
    long a0 = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
    org.channelrisk.sim.Trajectory t = Simulation.of(s).seed(1).replicate(1).run().trajectory();
    long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - a0;
    long held = heldPeak(Presets.actionDay2019(n, true));
    System.out.printf("run_held_peak_bytes_per_channel=%.0f (sampled, with the compiled ecosystem)%n", (double) held / n);
    System.out.printf("channels=%d ecosystem_bytes_per_channel=%.0f compiled_bytes_per_channel=%.0f run_allocated_bytes_per_channel=%.0f"
        + " run_held_at_most_bytes_per_channel=%.0f events=%d audience_updates=%d%n",
        n, (double) eco / n, (double) compiled / n, (double) allocated / n, (double) (compiled + allocated) / n, t.events(),
        t.audienceUpdates());
  }
}
