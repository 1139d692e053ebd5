package org.channelrisk.sim;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The audiences of one run: each re-created channel's former members still looking for it (its pool)
 * find it independently with hazard r0 + r1 * (active channels linking in), a pure-death process.
 * Between link changes the hazard is constant, so the number found over dt is exactly Binomial(pool,
 * 1 - exp(-h dt)) ({@link Binomial}); a channel is brought up to date when one of its links changes and
 * on the observation grid ({@link #refresh}), which is when visibility follows the audience.
 *
 * <p>Keeps the channels with a non-empty pool in a dense set, so a refresh costs O(recovering
 * channels). Memory: 36 bytes per channel.
 */
final class AudienceProcess {
  /** Told when a refresh changed a channel's audience, so that its removal clock can follow. */
  interface Listener {
    void audienceChanged(int channel, long before, double t);
  }

  private final Scenario sc;
  private final boolean[] active;
  final long[] audience;
  final int[] linksIn;
  private final long[] pool;
  private final long[] former;
  private final double[] lastUpdate;
  private final int[] recovering;
  private final int[] recoveringPos;
  private final int[] snapshot;
  private int recoveringSize;
  long total;
  long updates;

  AudienceProcess(Scenario sc, CompiledEcosystem st, boolean[] active) {
    this.sc = sc;
    this.active = active;
    int n = st.size();
    audience = st.audience.clone();
    linksIn = st.linksIn.clone();
    pool = new long[n];
    former = new long[n];
    lastUpdate = new double[n];
    recovering = new int[n];
    recoveringPos = new int[n];
    snapshot = new int[n];
    Arrays.fill(recoveringPos, -1);
    for (int i = 0; i < n; i++) {
      total += audience[i];
    }
  }

  /** Brings channel i's audience up to t. */
  void advance(int i, double t, RandomGenerator rng) {
    if (pool[i] <= 0 || !active[i]) {
      lastUpdate[i] = t;
      return;
    }
    double dt = t - lastUpdate[i];
    if (dt <= 0) {
      return;
    }
    double h = sc.audienceBaseHazard() + sc.audienceLinkHazard() * linksIn[i];
    updates++;
    long found = Binomial.sampleExposure(rng, pool[i], h * dt);
    pool[i] -= found;
    audience[i] += found;
    total += found;
    lastUpdate[i] = t;
    if (pool[i] == 0) {
      drop(i);
    }
  }

  /** Brings every recovering channel up to t, telling the listener of each change. */
  void refresh(double t, RandomGenerator rng, Listener listener) {
    // iterate over a snapshot, since advance may remove entries; the buffer is reused, as a copy per
    // grid time was the largest allocation of a run
    int m = recoveringSize;
    System.arraycopy(recovering, 0, snapshot, 0, m);
    for (int k = 0; k < m; k++) {
      int i = snapshot[k];
      long before = audience[i];
      advance(i, t, rng);
      if (audience[i] != before) {
        listener.audienceChanged(i, before, t);
      }
    }
  }

  /** Channel i ended (already brought up to date): its audience becomes its former audience. */
  void end(int i) {
    total -= audience[i];
    former[i] = audience[i];
    audience[i] = 0;
    pool[i] = 0;
    drop(i);
  }

  /**
   * Channel i was re-created at t with {@code linksIn} active channels linking to it: a share
   * {@code retention} of its former audience looks for it.
   */
  void recreate(int i, double t, int activeLinksIn, RandomGenerator rng) {
    audience[i] = 0;
    pool[i] = Binomial.sample(rng, former[i], sc.retention());
    lastUpdate[i] = t;
    linksIn[i] = activeLinksIn;
    if (pool[i] > 0) {
      recoveringPos[i] = recoveringSize;
      recovering[recoveringSize++] = i;
    }
  }

  /** An active channel linking to j ended (+ -1) or came back (+1) at t. */
  void linkChanged(int j, double t, int change, RandomGenerator rng) {
    advance(j, t, rng);
    linksIn[j] += change;
  }

  /** @return members of channel i's former audience still looking for it */
  long pool(int i) {
    return pool[i];
  }

  /** @return the number of channels whose former audience is still looking */
  int recovering() {
    return recoveringSize;
  }

  private void drop(int i) {
    int pos = recoveringPos[i];
    if (pos < 0) {
      return;
    }
    int last = recovering[--recoveringSize];
    recovering[pos] = last;
    recoveringPos[last] = pos;
    recoveringPos[i] = -1;
  }
}
