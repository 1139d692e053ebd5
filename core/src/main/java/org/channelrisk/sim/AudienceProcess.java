package org.channelrisk.sim;

import java.util.random.RandomGenerator;

/**
 * The audiences of one run, exact and event-driven: each re-created channel's former members still
 * looking for it (its pool) find it independently with hazard h = r0 + r1 * (active channels linking
 * in), a pure-death process whose hazard changes only when a link does.
 *
 * <p>Nothing is refreshed on a grid. Each recovering channel holds the time of its next finding, the
 * first of its pool's exponential clocks, in a calendar bucketed by the observation grid ({@link GridBuckets}). A channel's audience at any time t is
 * known exactly and lazily ({@link #advance}): if its next finding is after t, nothing changed;
 * otherwise one member found it then, and each of the others, by memorylessness, did so by t
 * independently with probability 1 - exp(-h (t - first)): one Binomial draw ({@link Binomial}), and a
 * fresh next-finding time from t. A link change rescales the time left by old h / new h (Gibson and
 * Bruck 2000, exact for exponential clocks). Bringing the whole network up to t ({@link #catchUp})
 * touches only the channels with a finding before t, so the observation grid costs O(channels whose
 * audience changed) and does not change the model.
 *
 * <p>While an incarnation lives, audience + pool is constant: the upper bound ({@link #cap}) of its
 * audience against which the engine thins the visibility-dependent removal hazards (Lewis and
 * Shedler 1979). Memory: 32 bytes per channel, the calendar's time and links included (half of the
 * channel's {@link Records} record).
 */
final class AudienceProcess {
  private final double[] grid;
  private final double r0;
  private final double r1;
  private final double retention;
  /** The former audience of a live channel (which has none). */
  private static final int LIVE = -1;
  /**
   * Per channel, side by side in the second half of the channel's {@link Records} record, on the cache
   * line of the engine's state of the channel: from word r = {@link #at}(i), [r] the pool (low 32 bits)
   * and the audience (high 32 bits); [r + 1] the active channels linking in (low) and the former
   * audience of an ended channel (high; {@link #LIVE} while it is active: the engine asks {@link
   * #active} of a linked channel here, in the record it then updates, rather than in its own state);
   * [r + 2] and [r + 3] the next finding's time and the channel's links in the calendar ({@link
   * GridBuckets} keeps them here). Audiences fit in 32 bits
   * ({@link Scenario#MAX_AUDIENCE}), and a channel's audience and pool never exceed its first audience.
   */
  private final long[] st;
  private final GridBuckets findings;
  long total;
  long updates;

  /** An audience process with records of its own. */
  AudienceProcess(Scenario sc, CompiledEcosystem compiled) {
    this(sc, compiled, Records.allocate(compiled.size()));
  }

  /** An audience process keeping its words in the engine's per-channel {@link Records}. */
  AudienceProcess(Scenario sc, CompiledEcosystem compiled, long[] records) {
    this.grid = sc.grid();
    this.r0 = sc.audienceBaseHazard();
    this.r1 = sc.audienceLinkHazard();
    this.retention = sc.retention();
    int n = compiled.size();
    st = records;
    for (int i = 0; i < n; i++) {
      st[at(i)] = pack(0, compiled.audience[i]);
      st[at(i) + 1] = pack(compiled.linksIn(i), LIVE);
      total += compiled.audience[i];
    }
    findings = new GridBuckets(st, Records.WORDS, at(0) + 2, n, sc.grid());
  }

  /** Two 32-bit values (each &lt; 2^31) in one word. */
  private static long pack(long low, long high) {
    return (high << 32) | (low & 0xFFFF_FFFFL);
  }

  private static long low(long word) {
    return (int) word;
  }

  private static long high(long word) {
    return word >> 32;
  }

  /** @return the first of channel i's words */
  private static int at(int i) {
    return Records.at(i) + Records.AUDIENCE;
  }

  private double hazard(int i) {
    return r0 + r1 * low(st[at(i) + 1]);
  }

  /** Brings channel i's audience up to t (exactly: a draw only if someone found it since). */
  void advance(int i, double t, RandomGenerator rng) {
    double first = findings.timeOf(i);
    if (first > t) {
      return;
    }
    double h = hazard(i);
    updates++;
    int b = at(i);
    long word = st[b];
    long found = 1 + Binomial.sampleExposure(rng, low(word) - 1, h * (t - first));
    long pool = low(word) - found;
    st[b] = pack(pool, high(word) + found);
    total += found;
    if (pool > 0) {
      findings.set(i, t + rng.nextExponential() / (pool * h));
    } else {
      findings.remove(i);
    }
  }

  /**
   * Brings every channel up to t (at most the horizon): only those with a finding at or before t
   * change. The engine calls it at every grid time, so it looks at one bucket each time.
   */
  void catchUp(double t, RandomGenerator rng) {
    int k = Math.min(findings.bucketOf(t), grid.length - 1);
    for (int b = findings.low(); b <= k; b++) {
      int i = findings.first(b);
      while (i >= 0) {
        int following = findings.after(i);
        if (findings.timeOf(i) <= t) {
          // the advance moves i past t, to a later bucket or later in this one: either way the
          // channel that followed it is still the next to look at
          advance(i, t, rng);
        }
        i = following;
      }
    }
    // the buckets before t's hold only times before t, all advanced past it
    findings.emptiedBelow(k);
  }

  /** Channel i ended (already brought up to date): its audience becomes its former audience. */
  void end(int i) {
    int b = at(i);
    long audience = high(st[b]);
    total -= audience;
    st[b + 1] = pack(low(st[b + 1]), audience);
    st[b] = 0;
    findings.remove(i);
  }

  /**
   * Channel i was re-created at t with {@code activeLinksIn} active channels linking to it: a share
   * {@code retention} of its former audience looks for it.
   */
  void recreate(int i, double t, int activeLinksIn, RandomGenerator rng) {
    int b = at(i);
    long pool = Binomial.sample(rng, high(st[b + 1]), retention);
    st[b] = pack(pool, 0);
    st[b + 1] = pack(activeLinksIn, LIVE);
    double h = hazard(i);
    if (pool > 0 && h > 0) {
      findings.set(i, t + rng.nextExponential() / (pool * h));
    }
  }

  /** An active channel linking to active channel j ended ({@code change} -1) or came back (+1) at t. */
  void linkChanged(int j, double t, int change, RandomGenerator rng) {
    advance(j, t, rng);
    double before = hazard(j);
    long links = st[at(j) + 1];
    st[at(j) + 1] = pack(low(links) + change, high(links));
    long pool = low(st[at(j)]);
    if (pool <= 0) {
      return;
    }
    double after = hazard(j);
    double next = findings.timeOf(j);
    if (!(after > 0)) {
      findings.remove(j);
    } else if (next == Double.POSITIVE_INFINITY) {
      findings.set(j, t + rng.nextExponential() / (pool * after));
    } else {
      findings.set(j, t + (next - t) * (before / after));
    }
  }

  /** @return whether channel i is active (between its creation and its end) */
  boolean active(int i) {
    return high(st[at(i) + 1]) == LIVE;
  }

  /** @return channel i's audience + pool: what its audience can reach during this incarnation */
  long cap(int i) {
    return low(st[at(i)]) + high(st[at(i)]);
  }

  /** @return channel i's audience (as of its last update) */
  long audience(int i) {
    return high(st[at(i)]);
  }

  /** @return a copy of every channel's audience (as of its last update) */
  long[] audiences() {
    long[] a = new long[Records.count(st)];
    for (int i = 0; i < a.length; i++) {
      a[i] = high(st[at(i)]);
    }
    return a;
  }

  /** @return members of channel i's former audience still looking for it */
  long pool(int i) {
    return low(st[at(i)]);
  }

  /** @return the number of channels whose former audience is still looking and can find them */
  int recovering() {
    return findings.size();
  }
}
