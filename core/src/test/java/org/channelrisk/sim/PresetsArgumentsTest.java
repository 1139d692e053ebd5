package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The presets check their arguments first and name the one out of range. */
class PresetsArgumentsTest {
  @Test
  void theOctober2018PresetNamesItsArguments() {
    assertThatThrownBy(() -> Presets.actionDay2018(10, Double.NaN, 0.5, 0.1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("referredShare must be in [0, 1]: NaN");
    assertThatThrownBy(() -> Presets.actionDay2018(10, -3, 0.5, 0.1)).hasMessage("referredShare must be in [0, 1]: -3.0");
    assertThatThrownBy(() -> Presets.actionDay2018(10, 0.2, 1.5, 0.1)).hasMessage("recreation must be in [0, 1]: 1.5");
    assertThatThrownBy(() -> Presets.actionDay2018(10, 0.2, 0.5, Double.POSITIVE_INFINITY))
        .hasMessage("detection must be finite and >= 0: Infinity");
    assertThatThrownBy(() -> Presets.actionDay2018(0)).hasMessage("channels must be >= 1: 0");
    assertThatThrownBy(() -> Presets.actionDay2018(null, 0.2, 0.5, 0.1)).isInstanceOf(NullPointerException.class)
        .hasMessage("network must not be null");
    assertThatThrownBy(() -> Presets.actionDay2018(Scenario.builder(org.channelrisk.model.Ecosystem.empty()).build(), 0.2, 0.5, 0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network must have a platform 'telegram'");
    assertThat(Presets.actionDay2018(10, 0.5, 0.5, 0.1).actionDays().get(0).budget()).isEqualTo(5);
  }

  @Test
  void theNovember2019PresetNamesItsArguments() {
    Scenario network = Presets.actionDay2019(10, true);
    assertThatThrownBy(() -> Presets.actionDay2019(Presets.telegram2015(10), 0.5, 0.5, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network must have an action day");
    assertThatThrownBy(() -> Presets.actionDay2019(network, Double.NaN, 0.5, 2)).hasMessage("recreation must be in [0, 1]: NaN");
    assertThatThrownBy(() -> Presets.actionDay2019(network, 0.5, -0.1, 2)).hasMessage("spareBanShare must be in [0, 1]: -0.1");
    assertThatThrownBy(() -> Presets.actionDay2019(network, 0.5, 0.5, 0.5))
        .hasMessage("pressureMultiplier must be finite and >= 1: 0.5");
    assertThatThrownBy(() -> Presets.actionDay2019(null, 0.5, 0.5, 2)).hasMessage("network must not be null");
    assertThatThrownBy(() -> Presets.actionDay2019(-1, true)).hasMessage("channels must be >= 1: -1");
    assertThatThrownBy(() -> Presets.actionDay2019(10, null)).hasMessage("tg must not be null");
    assertThatThrownBy(() -> Presets.actionDay2019(10, true, null, BanLevel.ACCOUNT)).hasMessage("strategy must not be null");
    assertThatThrownBy(() -> Presets.actionDay2019(10, Presets.telegram2019(), TargetingStrategy.RANDOM, null))
        .hasMessage("ban must not be null");
    assertThatThrownBy(() -> Presets.telegram2015(0)).hasMessage("channels must be >= 1: 0");
    assertThat(Presets.actionDay2019(network, 0.5, 0.25, 2).actionDays().get(0).spareBanShare()).isEqualTo(0.25);
  }
}
