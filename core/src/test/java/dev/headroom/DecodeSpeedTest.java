package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class DecodeSpeedTest {

  @Test
  void toString_showsTheFormulaAndItsInputs() {
    DecodeSpeed s = new DecodeSpeed(520.4, 416.3, 624.5, Bytes.ofBytes(1_258_720_256L), 1008, 0.65);
    assertThat(s).hasToString("520 tok/s (1008 GB/s × 0.65 ÷ 1.26 GB per token; typically 416–625)");
  }

  @Test
  void constructor_rejectsInconsistentValues() {
    Bytes b = Bytes.ofGibibytes(1);
    assertThatThrownBy(() -> new DecodeSpeed(0, 0, 0, b, 100, 0.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokensPerSecond");
    assertThatThrownBy(() -> new DecodeSpeed(10, 11, 12, b, 100, 0.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("low must be in [0, 10]");
    assertThatThrownBy(() -> new DecodeSpeed(10, 9, 9.5, b, 100, 0.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("high");
    assertThatThrownBy(() -> new DecodeSpeed(10, 9, 11, b, 100, 1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("efficiency");
    assertThatThrownBy(() -> new DecodeSpeed(Double.NaN, 9, 11, b, 100, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> new DecodeSpeed(10, 9, 11, null, 100, 0.5)).isInstanceOf(NullPointerException.class);
  }
}
