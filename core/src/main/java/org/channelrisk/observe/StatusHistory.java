package org.channelrisk.observe;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns a monitoring log (each channel checked from time to time: alive, removed, private, unknown)
 * into channel incarnations with their lifetimes, ready for Kaplan–Meier or cumulative incidence.
 *
 * <pre>{@code
 * StatusHistory h = new StatusHistory();
 * h.check("c1", 0, ChannelStatus.ALIVE);
 * h.check("c1", 3, ChannelStatus.ALIVE);
 * h.check("c1", 4, ChannelStatus.REMOVED);     // ends at 3.5 (midpoint), cause removed
 * h.check("c1", 9, ChannelStatus.ALIVE);       // a new incarnation (re-created under the same name)
 * h.check("c2", 1, ChannelStatus.ALIVE);       // still alive at its last check: censored at 1
 * h.incarnations();   // [c1 #1 0 to 3.5 removed, c1 #2 9 to 9 censored, c2 #1 1 to 1 censored]
 * }</pre>
 *
 * <p>Rules, per channel, in the order of its checks (which must strictly increase in time):
 * <ul>
 *   <li>an {@code alive} check starts an incarnation if none is running; later ones move its last
 *       alive time forward;
 *   <li>a {@code removed} or {@code private} check ends the running incarnation with that cause, at the
 *       midpoint between the last alive check and this one (both kept as the interval that holds the
 *       true end); with no incarnation running it says nothing new;
 *   <li>an {@code unknown} check changes nothing;
 *   <li>an incarnation still running after the channel's last check is censored at its last alive check.
 * </ul>
 * A channel never found alive has no incarnation: {@link #channelsNeverAlive()} counts them.
 *
 * <p>Memory O(channels + incarnations); each check O(1). Not thread-safe: one log, one instance.
 */
public final class StatusHistory {
  private static final class State {
    double lastTime = Double.NEGATIVE_INFINITY;
    boolean running;
    double start;
    double lastAlive;
    int incarnations;
  }

  private final Map<String, State> channels = new LinkedHashMap<>();
  private final List<Incarnation> ended = new ArrayList<>();

  /** An empty history. */
  public StatusHistory() {}

  /**
   * Records one check.
   *
   * @param channel the channel's name
   * @param time when it was checked (any unit: days, or seconds of an instant), finite
   * @param status what the check found
   * @throws IllegalArgumentException if the time is not finite or not after the channel's previous check
   */
  public void check(String channel, double time, ChannelStatus status) {
    Preconditions.checkNotNull(channel, "channel");
    Preconditions.checkNotNull(status, "status");
    Preconditions.checkArgument(Double.isFinite(time), "time must be finite: %s", time);
    State s = channels.computeIfAbsent(channel, k -> new State());
    if (!(time > s.lastTime)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "checks of a channel must be in time order: %s comes after %s", num(time), num(s.lastTime)));
    }
    s.lastTime = time;
    switch (status) {
      case ALIVE -> {
        if (!s.running) {
          s.running = true;
          s.start = time;
          s.incarnations++;
        }
        s.lastAlive = time;
      }
      case REMOVED, PRIVATE -> {
        if (s.running) {
          s.running = false;
          ended.add(new Incarnation(channel, s.incarnations, s.start, s.lastAlive / 2 + time / 2, // halves first: no overflow near the largest double
              s.lastAlive, OptionalDouble.of(time), status == ChannelStatus.REMOVED ? Ending.REMOVED : Ending.PRIVATE));
        }
      }
      case UNKNOWN -> {
        // says nothing about the channel
      }
      default -> throw new AssertionError(status);
    }
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /**
   * All incarnations so far, channels in the order of their first check and each channel's
   * incarnations in time order; those still running are censored at their last alive check.
   *
   * @return the incarnations, an immutable list
   */
  public List<Incarnation> incarnations() {
    Map<String, List<Incarnation>> byChannel = new LinkedHashMap<>();
    channels.keySet().forEach(c -> byChannel.put(c, new ArrayList<>()));
    for (Incarnation i : ended) {
      byChannel.get(i.channel()).add(i);
    }
    channels.forEach((c, s) -> {
      if (s.running) {
        byChannel.get(c).add(new Incarnation(c, s.incarnations, s.start, s.lastAlive, s.lastAlive, OptionalDouble.empty(),
            Ending.CENSORED));
      }
    });
    ImmutableList.Builder<Incarnation> out = ImmutableList.builder();
    byChannel.values().forEach(out::addAll);
    return out.build();
  }

  /** @return the number of channels seen so far */
  public int channels() {
    return channels.size();
  }

  /** @return the number of channels that no check found alive (they have no incarnation) */
  public int channelsNeverAlive() {
    return (int) channels.values().stream().filter(s -> s.incarnations == 0).count();
  }

  @Override
  public String toString() {
    return "StatusHistory[" + channels.size() + " channels, " + ended.size() + " ended incarnations]";
  }
}
