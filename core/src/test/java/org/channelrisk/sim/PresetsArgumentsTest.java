package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The presets check their arguments first and name the one out of range. */
class PresetsArgumentsTest {
  private static final Presets.Calibration2018 OCT = Presets.Calibration2018.CALIBRATED;
  private static final Presets.Calibration2019 NOV = Presets.Calibration2019.CALIBRATED;

  @Test
  void theOctober2018PresetNamesItsArguments() {
    assertThatThrownBy(() -> OCT.withReferredShare(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("referredShare must be in [0, 1]: NaN");
    assertThatThrownBy(() -> OCT.withReferredShare(-3)).hasMessage("referredShare must be in [0, 1]: -3.0");
    assertThatThrownBy(() -> OCT.withRecreation(1.5)).hasMessage("recreation must be in [0, 1]: 1.5");
    assertThatThrownBy(() -> OCT.withDetection(Double.POSITIVE_INFINITY)).hasMessage("detection must be finite and >= 0: Infinity");
    assertThatThrownBy(() -> Presets.actionDay2018(0)).hasMessage("channels must be >= 1: 0");
    assertThatThrownBy(() -> Presets.actionDay2018(10, null)).hasMessage("values must not be null");
    assertThatThrownBy(() -> Presets.actionDay2018(null, OCT)).isInstanceOf(NullPointerException.class)
        .hasMessage("network must not be null");
    assertThatThrownBy(() -> Presets.actionDay2018(Scenario.builder(org.channelrisk.model.Ecosystem.empty()).build(), OCT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network must have a platform 'telegram'");
    assertThat(Presets.actionDay2018(10, OCT.withReferredShare(0.5)).actionDays().get(0).budget()).isEqualTo(5);
    assertThat(OCT).isEqualTo(new Presets.Calibration2018(0.20, 0.022, 0.0037));
  }

  @Test
  void theNovember2019PresetNamesItsArguments() {
    Scenario network = Presets.actionDay2019(10, true);
    assertThatThrownBy(() -> Presets.actionDay2019(Presets.telegram2015(10), NOV))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network must have an action day");
    assertThatThrownBy(() -> NOV.withRecreation(Double.NaN)).hasMessage("recreation must be in [0, 1]: NaN");
    assertThatThrownBy(() -> NOV.withSpareBanShare(-0.1)).hasMessage("spareBanShare must be in [0, 1]: -0.1");
    assertThatThrownBy(() -> NOV.withPressureMultiplier(0.5)).hasMessage("pressureMultiplier must be finite and >= 1: 0.5");
    assertThatThrownBy(() -> Presets.actionDay2019(null, NOV)).hasMessage("network must not be null");
    assertThatThrownBy(() -> Presets.actionDay2019(network, (Presets.Calibration2019) null)).hasMessage("values must not be null");
    assertThatThrownBy(() -> Presets.actionDay2019(-1, true)).hasMessage("channels must be >= 1: -1");
    assertThatThrownBy(() -> Presets.actionDay2019(10, null)).hasMessage("tg must not be null");
    assertThatThrownBy(() -> Presets.actionDay2019(10, true, null, BanLevel.ACCOUNT)).hasMessage("strategy must not be null");
    assertThatThrownBy(() -> Presets.actionDay2019(10, Presets.telegram2019(), TargetingStrategy.RANDOM, null))
        .hasMessage("ban must not be null");
    assertThatThrownBy(() -> Presets.telegram2015(0)).hasMessage("channels must be >= 1: 0");
    assertThat(Presets.actionDay2019(network, NOV.withSpareBanShare(0.25)).actionDays().get(0).spareBanShare()).isEqualTo(0.25);
    // the preset is its own calibrated values: recalibrating it with them changes nothing
    assertThat(settings(Presets.actionDay2019(network, NOV))).isEqualTo(settings(network));
  }

  @Test
  @SuppressWarnings("removal")
  void theDeprecatedPositionalFormsGiveTheSameScenarios() {
    Scenario network = Presets.actionDay2019(10, true);
    assertThat(settings(Presets.actionDay2019(network, 0.5, 0.25, 2))).isEqualTo(settings(Presets.actionDay2019(network,
        NOV.withRecreation(0.5).withSpareBanShare(0.25).withPressureMultiplier(2))));
    assertThat(settings(Presets.actionDay2018(10, 0.5, 0.1, 0.01))).isEqualTo(settings(Presets.actionDay2018(10,
        OCT.withReferredShare(0.5).withRecreation(0.1).withDetection(0.01))));
    assertThatThrownBy(() -> Presets.actionDay2018(10, 0.2, 1.5, 0.1)).hasMessage("recreation must be in [0, 1]: 1.5");
  }

  /** What the calibrated values change, as values (a scenario compares by identity). */
  private static java.util.List<Object> settings(Scenario s) {
    return java.util.List.of(s.actionDays(), s.recreation(), s.detectionRate(), s.horizon(), s.ecosystem());
  }
}
