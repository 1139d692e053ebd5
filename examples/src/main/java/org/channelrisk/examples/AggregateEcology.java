package org.channelrisk.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.channelrisk.io.Sparkline;
import org.channelrisk.sim.AggregateModel;
import org.channelrisk.sim.Simulation;

/**
 * The ecology of online aggregates (Johnson et al.): supporters' clusters coalesce and fragment;
 * moderators ban the mid-sized clusters, or a random share of members; the network self-repairs.
 *
 * <p>Run: {@code java -cp examples/target/channelrisk-examples.jar org.channelrisk.examples.AggregateEcology [members]}
 */
public final class AggregateEcology {
  private AggregateEcology() {}

  /**
   * @param members number of supporters
   * @return the largest cluster's share of members after each phase: steady state, after the size-window
   *     ban, recovered, after the random ban, recovered
   */
  public static List<Double> run(int members) {
    AggregateModel m = AggregateModel.of(members, 0.05, Simulation.generator(2016, 0));
    long phase = 50L * members;
    List<Double> largest = new ArrayList<>();
    m.step(phase);
    largest.add(m.largestClusterFraction());
    System.out.printf(Locale.ROOT, "steady state: largest cluster %.3f of members; exact share of singletons %.3f, observed %.3f%n",
        m.largestClusterFraction(), AggregateModel.steadyStateFraction(0.05, 1), (double) m.sizeCounts()[1] / members);
    int hit = m.banSizeWindow(20, Integer.MAX_VALUE);
    largest.add(m.largestClusterFraction());
    System.out.printf(Locale.ROOT, "ban every cluster of 20 or more: %d members isolated; largest now %.3f%n", hit, m.largestClusterFraction());
    double[] track = new double[40];
    for (int i = 0; i < track.length; i++) {
      m.step(phase / 40);
      track[i] = m.largestClusterFraction();
    }
    largest.add(m.largestClusterFraction());
    System.out.println("self-repair, largest cluster over time: " + Sparkline.of(track));
    int banned = m.banRandomMembers(0.2);
    largest.add(m.largestClusterFraction());
    System.out.printf(Locale.ROOT, "ban a random 20%% of members (%d of them were in clusters and lose them): largest now %.3f%n", banned,
        m.largestClusterFraction());
    m.step(phase);
    largest.add(m.largestClusterFraction());
    System.out.printf(Locale.ROOT, "recovered again: largest %.3f%n", m.largestClusterFraction());
    return largest;
  }

  /** @param args [members (20000)] */
  public static void main(String[] args) {
    run(args.length > 0 ? Integer.parseInt(args[0]) : 20_000);
  }
}
