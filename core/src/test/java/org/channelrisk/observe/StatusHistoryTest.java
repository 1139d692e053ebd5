package org.channelrisk.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import org.channelrisk.testing.Coverage;
import org.channelrisk.testing.Gen;
import org.channelrisk.testing.PropertyCheck;
import org.junit.jupiter.api.Test;

class StatusHistoryTest {
  @Test
  void midpointEndsCausesAndCensoring() {
    StatusHistory h = new StatusHistory();
    h.check("c1", 0, ChannelStatus.ALIVE);
    h.check("c2", 1, ChannelStatus.ALIVE);
    h.check("c1", 3, ChannelStatus.ALIVE);
    h.check("c1", 3.5, ChannelStatus.UNKNOWN);
    h.check("c1", 4, ChannelStatus.REMOVED);
    h.check("c1", 6, ChannelStatus.REMOVED);
    h.check("c1", 9, ChannelStatus.ALIVE);
    h.check("c3", 2, ChannelStatus.ALIVE);
    h.check("c3", 10, ChannelStatus.PRIVATE);
    h.check("c4", 5, ChannelStatus.REMOVED);
    assertThat(h.incarnations()).containsExactly(
        new Incarnation("c1", 1, 0, 3.5, 3, OptionalDouble.of(4), Ending.REMOVED),
        new Incarnation("c1", 2, 9, 9, 9, OptionalDouble.empty(), Ending.CENSORED),
        new Incarnation("c2", 1, 1, 1, 1, OptionalDouble.empty(), Ending.CENSORED),
        new Incarnation("c3", 1, 2, 6, 2, OptionalDouble.of(10), Ending.PRIVATE));
    assertThat(h.channels()).isEqualTo(4);
    assertThat(h.channelsNeverAlive()).isEqualTo(1);
    assertThat(h.incarnations().get(0).duration()).isEqualTo(3.5);
    assertThat(h.incarnations().get(0)).hasToString("Incarnation[c1 #1, 0.0 to 3.5, removed]");
  }

  @Test
  void theMidpointOfTwoHugeTimesIsFinite() {
    // (1e308 + 1.7e308) / 2 overflowed to Infinity, and the incarnation refused its own end
    StatusHistory h = new StatusHistory();
    h.check("c", 1.0e308, ChannelStatus.ALIVE);
    h.check("c", 1.7e308, ChannelStatus.REMOVED);
    assertThat(h.incarnations().get(0).end()).isEqualTo(1.35e308);
    // a lifetime longer than the doubles hold is refused, not written as Infinity
    StatusHistory wide = new StatusHistory();
    wide.check("c", -1.7e308, ChannelStatus.ALIVE);
    wide.check("c", 1.0e308, ChannelStatus.ALIVE);
    assertThatThrownBy(wide::incarnations).hasMessageContaining("lasts longer than a double can hold");
  }

  @Test
  void checksOutOfOrderAreRefused() {
    StatusHistory h = new StatusHistory();
    h.check("c1", 5, ChannelStatus.ALIVE);
    h.check("c2", 1, ChannelStatus.ALIVE); // another channel may be earlier
    assertThatThrownBy(() -> h.check("c1", 5, ChannelStatus.REMOVED)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5 comes after 5");
    assertThatThrownBy(() -> h.check("c1", 4, ChannelStatus.REMOVED)).hasMessageContaining("time order");
    assertThatThrownBy(() -> h.check("c1", Double.NaN, ChannelStatus.REMOVED)).hasMessageContaining("finite");
  }

  @Test
  void statusesParseInAnyCase() {
    assertThat(ChannelStatus.parse(" Removed ")).isEqualTo(ChannelStatus.REMOVED);
    assertThat(ChannelStatus.parse("PRIVATE")).isEqualTo(ChannelStatus.PRIVATE);
    assertThatThrownBy(() -> ChannelStatus.parse("gone")).hasMessageContaining("alive, removed, private or unknown");
  }

  /** One check of a monitoring log. */
  record Check(String channel, double time, ChannelStatus status) {}

  /** Invariants on random logs, checked against a direct reading of the rules on each channel's own checks. */
  @Test
  void randomLogsKeepTheRules() {
    Coverage cov = new Coverage();
    PropertyCheck.forAll("status history", 300, rng -> {
      int channels = 1 + rng.nextInt(4);
      double[] t = new double[channels];
      // each channel's checks in time order; Gen.list ends at a coin flip, so a failing log shrinks by deletion
      return Gen.list(rng, 40, r -> {
        int c = r.nextInt(channels);
        t[c] += r.nextBoolean() ? 1 : 0.25 + r.nextDouble();
        return new Check("c" + c, t[c], ChannelStatus.values()[r.nextInt(4)]);
      });
    }, log -> {
      StatusHistory h = new StatusHistory();
      for (Check e : log) {
        h.check(e.channel(), e.time(), e.status());
      }
      List<Incarnation> rows = h.incarnations();
      for (Incarnation i : rows) {
        assertThat(i.duration()).isGreaterThanOrEqualTo(0);
        cov.count("censored", !i.ending().isEvent());
        cov.count("private", i.ending() == Ending.PRIVATE);
        cov.count("second incarnation", i.number() > 1);
        // the interval [endLower, endUpper] has no check of that channel inside it
        double lo = i.endLower();
        double hi = i.endUpper().orElse(Double.POSITIVE_INFINITY);
        long inside = log.stream().filter(e -> e.channel().equals(i.channel()) && e.time() > lo && e.time() < hi
            && e.status() != ChannelStatus.UNKNOWN).count();
        assertThat(inside).as("decisive checks strictly inside the end interval of %s", i).isZero();
        if (i.ending().isEvent()) {
          assertThat(i.end()).isEqualTo((lo + hi) / 2);
        }
      }
      // one event per alive-to-gone transition
      for (String c : log.stream().map(Check::channel).distinct().toList()) {
        int events = 0;
        boolean alive = false;
        for (Check e : log) {
          if (!e.channel().equals(c) || e.status() == ChannelStatus.UNKNOWN) {
            continue;
          }
          if (alive && e.status() != ChannelStatus.ALIVE) {
            events++;
          }
          alive = e.status() == ChannelStatus.ALIVE;
        }
        assertThat(rows.stream().filter(i -> i.channel().equals(c) && i.ending().isEvent()).count()).isEqualTo(events);
      }
    });
    cov.requireAtLeast("censored", 20);
    cov.requireAtLeast("private", 20);
    cov.requireAtLeast("second incarnation", 20);
  }
}
