package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The presets check their arguments first and name the one out of range. */
class PresetsArgumentsTest {
  @Test
  void theOctober2018PresetNamesItsArguments() {
    Scenario network = Presets.actionDay2019(10, Presets.telegram2018());
    assertThatThrownBy(() -> Presets.recalibrate2018(network).referredShare(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("referredShare must be in [0, 1]: NaN");
    assertThatThrownBy(() -> Presets.recalibrate2018(network).referredShare(-3)).hasMessage("referredShare must be in [0, 1]: -3.0");
    assertThatThrownBy(() -> Presets.recalibrate2018(network).recreation(1.5)).hasMessage("recreation must be in [0, 1]: 1.5");
    assertThatThrownBy(() -> Presets.recalibrate2018(network).detection(Double.POSITIVE_INFINITY))
        .hasMessage("detection must be finite and >= 0: Infinity");
    assertThatThrownBy(() -> Presets.recalibrate2018(network).recreation(0.1).recreation(0.2))
        .hasMessage("recreation was already set to 0.1");
    assertThatThrownBy(() -> Presets.actionDay2018(0)).hasMessage("channels must be >= 1: 0");
    assertThatThrownBy(() -> Presets.recalibrate2018(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("network must not be null");
    assertThatThrownBy(() -> Presets.recalibrate2018(Scenario.builder(org.channelrisk.model.Ecosystem.empty()).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network must have a platform 'telegram'");
    assertThat(Presets.recalibrate2018(network).referredShare(0.5).build().actionDays().get(0).budget()).isEqualTo(5);
    // the preset is the builder with every value left at its posterior median
    assertThat(settings(Presets.actionDay2018(10))).isEqualTo(settings(Presets.recalibrate2018(network)
        .referredShare(Presets.CALIBRATED_2018_REFERRED_SHARE).recreation(Presets.CALIBRATED_2018_RECREATION)
        .detection(Presets.CALIBRATED_2018_DETECTION).build()));
  }

  @Test
  void theNovember2019PresetNamesItsArguments() {
    Scenario network = Presets.actionDay2019(10, true);
    assertThatThrownBy(() -> Presets.recalibrate2019(Presets.telegram2015(10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network must have an action day");
    assertThatThrownBy(() -> Presets.recalibrate2019(network).recreation(Double.NaN)).hasMessage("recreation must be in [0, 1]: NaN");
    assertThatThrownBy(() -> Presets.recalibrate2019(network).spareBanShare(-0.1)).hasMessage("spareBanShare must be in [0, 1]: -0.1");
    assertThatThrownBy(() -> Presets.recalibrate2019(network).pressureMultiplier(0.5))
        .hasMessage("pressureMultiplier must be finite and >= 1: 0.5");
    assertThatThrownBy(() -> Presets.recalibrate2019(null)).hasMessage("network must not be null");
    assertThatThrownBy(() -> Presets.actionDay2019(-1, true)).hasMessage("channels must be >= 1: -1");
    assertThatThrownBy(() -> Presets.actionDay2019(10, null)).hasMessage("tg must not be null");
    assertThatThrownBy(() -> Presets.actionDay2019(10, true, null, BanLevel.ACCOUNT)).hasMessage("strategy must not be null");
    assertThatThrownBy(() -> Presets.actionDay2019(10, Presets.telegram2019(), TargetingStrategy.RANDOM, null))
        .hasMessage("ban must not be null");
    assertThatThrownBy(() -> Presets.telegram2015(0)).hasMessage("channels must be >= 1: 0");
    assertThat(Presets.recalibrate2019(network).spareBanShare(0.25).build().actionDays().get(0).spareBanShare()).isEqualTo(0.25);
    // the preset is its own calibrated values: recalibrating it with none set changes nothing
    assertThat(settings(Presets.recalibrate2019(network).build())).isEqualTo(settings(network));
  }

  @Test
  @SuppressWarnings("removal")
  void theDeprecatedPositionalFormsGiveTheSameScenarios() {
    Scenario network = Presets.actionDay2019(10, true);
    assertThat(settings(Presets.actionDay2019(network, 0.5, 0.25, 2))).isEqualTo(
        settings(Presets.recalibrate2019(network).recreation(0.5).spareBanShare(0.25).pressureMultiplier(2).build()));
    assertThat(settings(Presets.actionDay2018(10, 0.5, 0.1, 0.01))).isEqualTo(settings(
        Presets.recalibrate2018(Presets.actionDay2019(10, Presets.telegram2018())).referredShare(0.5).recreation(0.1).detection(0.01)
            .build()));
    assertThatThrownBy(() -> Presets.actionDay2018(10, 0.2, 1.5, 0.1)).hasMessage("recreation must be in [0, 1]: 1.5");
    // the positional forms check their values before the network, as they always did
    assertThatThrownBy(() -> Presets.actionDay2018(Scenario.builder(org.channelrisk.model.Ecosystem.empty()).build(), 0.2, 1.5, 0.1))
        .hasMessage("recreation must be in [0, 1]: 1.5");
    assertThatThrownBy(() -> Presets.actionDay2019(Presets.telegram2015(10), 0.5, 0.5, 0.5))
        .hasMessage("pressureMultiplier must be finite and >= 1: 0.5");
  }

  /** What the calibrated values change, as values (a scenario compares by identity). */
  private static List<Object> settings(Scenario s) {
    return List.of(s.actionDays(), s.recreation(), s.detectionRate(), s.horizon(), s.ecosystem());
  }
}
