package org.channelrisk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChannelBuilderTest {
  @Test
  void aSecondCallToASetterThrowsNamingTheValueAlreadySet() {
    assertThatThrownBy(() -> Channel.builder("c", "tg").audience(5).audience(10))
        .isInstanceOf(IllegalStateException.class).hasMessage("audience was already set to 5");
    assertThatThrownBy(() -> Channel.builder("c", "tg").role(ChannelRole.BACKUP).role(ChannelRole.BACKUP))
        .isInstanceOf(IllegalStateException.class).hasMessage("role was already set to BACKUP");
    assertThatThrownBy(() -> Channel.builder("c", "tg").language("ar").language("en"))
        .isInstanceOf(IllegalStateException.class).hasMessage("language was already set to 'ar'");
    assertThatThrownBy(() -> Channel.builder("c", "tg").createdAt(3).createdAt(4))
        .isInstanceOf(IllegalStateException.class).hasMessage("createdAt was already set to 3.0");
    assertThatThrownBy(() -> Channel.builder("c", "tg").generation(1).generation(2))
        .isInstanceOf(IllegalStateException.class).hasMessage("generation was already set to 1");
    assertThatThrownBy(() -> Channel.builder("c", "tg").operator("op").operator("op2"))
        .isInstanceOf(IllegalStateException.class).hasMessage("operator was already set to 'op'");
  }

  @Test
  void settingsNotGivenKeepTheirDefaults() {
    assertThat(Channel.builder("c", "tg").build()).isEqualTo(new Channel("c", "tg", ChannelRole.DISTRIBUTOR, "und", 0, 0, 0, "op-c"));
    assertThat(Channel.builder("c", "tg").role(ChannelRole.BACKUP).language("ar").audience(12).createdAt(3.5).generation(2)
        .operator("op-1").build()).isEqualTo(new Channel("c", "tg", ChannelRole.BACKUP, "ar", 12, 3.5, 2, "op-1"));
  }

  @Test
  void aNullIsRefusedWithTheChannelsMessage() {
    assertThatThrownBy(() -> Channel.builder("c", "tg").role(null))
        .isInstanceOf(NullPointerException.class).hasMessage("role of channel c must not be null");
    assertThatThrownBy(() -> Channel.builder("c", "tg").language(null))
        .isInstanceOf(NullPointerException.class).hasMessage("language of channel c must not be null");
    assertThatThrownBy(() -> Channel.builder("c", "tg").operator(null))
        .isInstanceOf(NullPointerException.class).hasMessage("operatorId of channel c must not be null");
    // the channel's own id first, as the constructor checks it
    assertThatThrownBy(() -> Channel.builder("", "tg").role(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("channel id must not be empty");
  }

  @Test
  void aBadIdIsReportedWhenBuiltNotBySetters() {
    Channel.Builder b = Channel.builder(" ", "tg").role(ChannelRole.ARCHIVE).language("ar").operator("op");
    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel id");
  }
}
