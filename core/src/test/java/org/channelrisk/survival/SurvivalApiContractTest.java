package org.channelrisk.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of the package's values beyond their estimates: bad indexes, nulls and equality are
 * reported by name, never as an internal exception.
 */
class SurvivalApiContractTest {
  @Test
  void aBadCauseOrCovariateIndexNamesTheValidRange() {
    CumulativeIncidence c = AalenJohansen.estimate(CompetingRisksHandTest.five()).pooled();
    assertThatThrownBy(() -> c.cifAt(7, 3.0)).isExactlyInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("cause index 7 is not in [0, 2): the causes are [x, y]");
    assertThatThrownBy(() -> c.cif(-1, 0)).isExactlyInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("cause index -1 is not in [0, 2)");
    assertThatThrownBy(() -> c.cifs(2)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> c.nEvent(2, 0)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> c.cif(0, c.size())).isExactlyInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("out of bounds for length " + c.size());
    // before the first time no row is read, but the cause index is still checked
    assertThatThrownBy(() -> c.cifAt(7, -1.0)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
    assertThat(c.cifAt(1, -1.0)).isZero();

    Coefficients t = new Coefficients(List.of("x"), new double[] {1}, new double[] {2});
    assertThatThrownBy(() -> t.coefficient(5)).isExactlyInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("covariate index 5 is not in [0, 1): the covariates are [x]");
    assertThatThrownBy(() -> t.stdError(-1)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> t.z(1)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> t.pValue(1)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
    assertThat(t.z(0)).isEqualTo(0.5);

    SurvivalCurve k = KaplanMeier.estimate(SurvivalData.of(new double[] {1, 2}, new boolean[] {true, false})).pooled();
    assertThatThrownBy(() -> k.survival(2)).isExactlyInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("out of bounds for length 2");
    assertThatThrownBy(() -> k.survivalStdError(-1)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
  }
}
