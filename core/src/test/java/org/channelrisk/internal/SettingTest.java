package org.channelrisk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettingTest {
  /** A builder of one checked and one plain setting, written as the library's builders are. */
  static final class Builder {
    final Setting<Double> share = Setting.checked("share", Checks::probability);
    final Setting<String> label = new Setting<>("label");

    Builder share(double p) {
      return share.set(this, p);
    }

    Builder label(String text) {
      return label.set(this, text);
    }
  }

  @Test
  void aSetterHandsBackItsBuilderAndTakesItsSettingOnce() {
    Builder b = new Builder();
    assertThat(b.share(0.25)).isSameAs(b);
    assertThat(b.share.orElse(1.0)).isEqualTo(0.25);
    assertThatThrownBy(() -> b.share(0.5)).isInstanceOf(IllegalStateException.class).hasMessage("share was already set to 0.25");
    assertThat(b.share.orElse(1.0)).isEqualTo(0.25);
  }

  @Test
  void theCheckRunsFirstAndNamesTheSetting() {
    Builder b = new Builder();
    assertThatThrownBy(() -> b.share(1.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share");
    assertThat(b.share.isSet()).isFalse();
    b.share(1.0);
    // a bad value after a good one reports the bad value, as the setter's own check did before
    assertThatThrownBy(() -> b.share(Double.NaN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share");
  }

  @Test
  void textReadsInQuotesAndNullIsRefusedByName() {
    Builder b = new Builder();
    b.label(" padded ");
    assertThatThrownBy(() -> b.label("x")).hasMessage("label was already set to ' padded '");
    assertThatThrownBy(() -> new Builder().label(null)).isInstanceOf(NullPointerException.class).hasMessage("label");
    assertThat(new Builder().label.orElse("default")).isEqualTo("default");
    assertThatThrownBy(() -> new Builder().label.required("set the label")).hasMessage("set the label");
  }
}
