package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class DecodeSpeedTest {

  @Test
  void speed_isOneThousandOverTheSumOfItsParts() {
    DecodeSpeed s = new DecodeSpeed(Bytes.ofBytes(4_920_000_000L), 21.5, 1.2, 2.3, 0.12);
    assertThat(s.millisPerToken()).isCloseTo(25.0, within(1e-12));
    assertThat(s.tokensPerSecond()).isCloseTo(40.0, within(1e-12));
    assertThat(s.low()).isCloseTo(35.2, within(1e-9));
    assertThat(s.high()).isCloseTo(44.8, within(1e-9));
    assertThat(s.secondsFor(400)).isCloseTo(10.0, within(1e-12));
  }

  @Test
  void toString_showsTheFigureAndItsParts() {
    DecodeSpeed s = new DecodeSpeed(Bytes.ofBytes(4_920_000_000L), 21.5, 1.2, 2.3, 0.12);
    assertThat(s).hasToString(
        "40 tok/s = 1000 / (21.5 ms reading 4.92 GB + 1.20 ms compute + 2.30 ms overhead); typically ±12 % (35–45)");
  }

  @Test
  void aBandAboveOne_hasALowEndOfZero() {
    assertThat(new DecodeSpeed(Bytes.ofBytes(1), 1, 0, 0, 1.5).low()).isZero();
  }

  @Test
  void constructor_rejectsBadParts() {
    Bytes b = Bytes.ofGibibytes(1);
    assertThatThrownBy(() -> new DecodeSpeed(b, 0, 0, 0, 0.1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 0 ms");
    assertThatThrownBy(() -> new DecodeSpeed(b, -1, 2, 0, 0.1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("memoryMillis");
    assertThatThrownBy(() -> new DecodeSpeed(b, 1, Double.NaN, 0, 0.1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("computeMillis").hasMessageContaining("NaN");
    assertThatThrownBy(() -> new DecodeSpeed(b, 1, 0, 0, 11)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("band");
    assertThatThrownBy(() -> new DecodeSpeed(null, 1, 0, 0, 0.1)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("bytesPerToken");
  }

  /** Any one part above zero is enough: a token cannot take no time, but it may take only fixed overhead. */
  @Test
  void constructor_anyPositivePart_isEnough() {
    assertThat(new DecodeSpeed(Bytes.ZERO, 0, 0, 2.0, 0).tokensPerSecond())
        .isEqualTo(500.0);
    assertThat(new DecodeSpeed(Bytes.ZERO, 0, 4.0, 0, 0).tokensPerSecond())
        .isEqualTo(250.0);
  }

  @Test
  void equalsAndHashCode_followTheParts() {
    DecodeSpeed s = new DecodeSpeed(Bytes.ofBytes(4_920_000_000L), 21.5, 1.2, 2.3, 0.12);
    assertThat(new DecodeSpeed(4_920_000_000L, 21.5, 1.2, 2.3, 0.12)).as("the estimator's unchecked constructor")
        .isEqualTo(s).hasSameHashCodeAs(s);
    assertThat(new DecodeSpeed(Bytes.ofBytes(4_920_000_000L), 21.5, 1.2, 2.3, 0.13)).isNotEqualTo(s);
    assertThat(new DecodeSpeed(Bytes.ofBytes(4_920_000_001L), 21.5, 1.2, 2.3, 0.12)).isNotEqualTo(s);
  }

  /** The estimator's constructor skips the checks only while every time is in range: one out of range fails alike. */
  @Test
  void packageConstructor_rejectsATimeOutOfRange_asThePublicOneDoes() {
    assertThatThrownBy(() -> new DecodeSpeed(1L, Double.POSITIVE_INFINITY, 0, 0, 0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memoryMillis");
    assertThatThrownBy(() -> new DecodeSpeed(1L, 1, 2e12, 0, 0.1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("computeMillis");
    assertThatThrownBy(() -> new DecodeSpeed(1L, 1, 0, Double.NaN, 0.1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overheadMillis");
    assertThat(new DecodeSpeed(1L, 1e12, 1e12, 1e12, 0.1).millisPerToken()).isEqualTo(3e12);
  }
}
