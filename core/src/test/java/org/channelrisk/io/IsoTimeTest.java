package org.channelrisk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IsoTimeTest {
  @Test
  void readsInstantsWithOffsetsAndDatesAtMidnightUtc() {
    assertThat(IsoTime.parse("2019-11-21T10:00:00Z")).contains(Instant.parse("2019-11-21T10:00:00Z"));
    assertThat(IsoTime.parse(" 2019-11-21T11:00+01:00 ")).contains(Instant.parse("2019-11-21T10:00:00Z"));
    assertThat(IsoTime.parse("2019-11-21T10:00:00.250Z")).contains(Instant.parse("2019-11-21T10:00:00.250Z"));
    assertThat(IsoTime.parse("2019-11-21")).contains(Instant.parse("2019-11-21T00:00:00Z"));
  }

  @Test
  void nullIsNamed() {
    assertThatThrownBy(() -> IsoTime.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("text must not be null");
  }

  @Test
  void anythingElseIsEmpty() {
    for (String text : new String[] {"", "21/11/2019", "2019-11-21T10:00:00", "2019-02-30", "12.5", "yesterday"}) {
      assertThat(IsoTime.parse(text)).as(text).isEmpty();
    }
  }
}
