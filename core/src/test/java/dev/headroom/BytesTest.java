package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class BytesTest {

  @Test
  void of_binaryAndDecimalUnits_areKeptApart() {
    assertThat(Bytes.of(24, ByteUnit.GIB).bytes()).isEqualTo(25_769_803_776L);
    assertThat(Bytes.of(24, ByteUnit.GB).bytes()).isEqualTo(24_000_000_000L);
    assertThat(Bytes.ofGibibytes(1)).isEqualTo(Bytes.of(1024, ByteUnit.MIB));
    assertThat(Bytes.ofMebibytes(1).bytes()).isEqualTo(1_048_576L);
  }

  @Test
  void of_fraction_roundsToNearestByte() {
    assertThat(Bytes.of(0.3, ByteUnit.GB).bytes()).isEqualTo(300_000_000L);
    assertThat(Bytes.of(1.5, ByteUnit.GIB).bytes()).isEqualTo(1_610_612_736L);
    assertThat(Bytes.of(0.5, ByteUnit.B).bytes()).isEqualTo(1L);
  }

  @Test
  void of_badInput_namesTheValue() {
    assertThatThrownBy(() -> Bytes.ofBytes(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bytes").hasMessageContaining("-1");
    assertThatThrownBy(() -> Bytes.of(Double.NaN, ByteUnit.GB)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> Bytes.of(Double.POSITIVE_INFINITY, ByteUnit.GB))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
    assertThatThrownBy(() -> Bytes.of(-0.5, ByteUnit.GB)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-0.5");
    assertThatThrownBy(() -> Bytes.of(1, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("unit");
    assertThatThrownBy(() -> Bytes.of(Long.MAX_VALUE, ByteUnit.GIB)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void toString_isCanonicalAndExact() {
    assertThat(Bytes.ZERO).hasToString("0 B");
    assertThat(Bytes.ofGibibytes(24)).hasToString("24 GiB");
    assertThat(Bytes.of(0.3, ByteUnit.GB)).hasToString("300 MB");
    assertThat(Bytes.ofBytes(1_117_320_576L)).hasToString("1117320576 B");
    assertThat(Bytes.ofBytes(1_024_000)).hasToString("1000 KiB");
    assertThat(Bytes.ofBytes(1_000_000_000L)).hasToString("1 GB");
    assertThat(Bytes.ofBytes(1023)).hasToString("1023 B");
  }

  @Test
  void parse_readsUnitsAndFractions() {
    assertThat(Bytes.parse("24 GiB")).isEqualTo(Bytes.ofGibibytes(24));
    assertThat(Bytes.parse("24gib")).isEqualTo(Bytes.ofGibibytes(24));
    assertThat(Bytes.parse("0.9 GB").bytes()).isEqualTo(900_000_000L);
    assertThat(Bytes.parse("512").bytes()).isEqualTo(512L);
    assertThat(Bytes.parse(" 1.5 GiB ").bytes()).isEqualTo(1_610_612_736L);
  }

  @Test
  void parse_badText_listsTheAcceptedForm() {
    assertThatThrownBy(() -> Bytes.parse("12 GX")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'12 GX' is not a valid byte size").hasMessageContaining("GiB|");
    assertThatThrownBy(() -> Bytes.parse("-3 GB")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-3 GB");
    assertThatThrownBy(() -> Bytes.parse("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bytes.parse("99999999999 TiB")).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void format_roundsHalfUpInTheNamedUnit() {
    Bytes file = Bytes.ofBytes(1_117_320_576L);
    assertThat(file.format(ByteUnit.GB, 2)).isEqualTo("1.12 GB");
    assertThat(file.format(ByteUnit.GIB, 3)).isEqualTo("1.041 GiB");
    assertThat(Bytes.ofBytes(1_258_720_256L).format(ByteUnit.GB, 1)).isEqualTo("1.3 GB");
    assertThatThrownBy(() -> file.format(ByteUnit.GB, 7)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decimals");
  }

  @Test
  void to_convertsWithoutRounding() {
    assertThat(Bytes.ofGibibytes(1).to(ByteUnit.GB)).isEqualTo(1.073741824);
    assertThat(Bytes.of(3, ByteUnit.GB).to(ByteUnit.MB)).isEqualTo(3000.0);
  }

  @Test
  void arithmetic_throwsInsteadOfOverflowingOrGoingNegative() {
    Bytes one = Bytes.ofBytes(1);
    assertThat(one.plus(one).bytes()).isEqualTo(2);
    assertThat(Bytes.ofBytes(5).minus(Bytes.ofBytes(3)).bytes()).isEqualTo(2);
    assertThat(Bytes.ofBytes(7).multipliedBy(3).bytes()).isEqualTo(21);
    assertThat(Bytes.ofGibibytes(24).multipliedBy(0.75)).isEqualTo(Bytes.ofGibibytes(18));
    assertThatThrownBy(() -> one.minus(Bytes.ofBytes(2))).isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> Bytes.ofBytes(Long.MAX_VALUE).plus(one)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Bytes.ofBytes(Long.MAX_VALUE).multipliedBy(2)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> one.multipliedBy(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> one.multipliedBy(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void comparison_andEquality_followTheByteCount() {
    assertThat(Bytes.ofBytes(2).isGreaterThan(Bytes.ofBytes(1))).isTrue();
    assertThat(Bytes.ofBytes(1).isGreaterThan(Bytes.ofBytes(1))).isFalse();
    assertThat(Bytes.max(Bytes.ofBytes(3), Bytes.ofBytes(9))).isEqualTo(Bytes.ofBytes(9));
    assertThat(Bytes.ofBytes(1024)).isEqualTo(Bytes.of(1, ByteUnit.KIB)).hasSameHashCodeAs(Bytes.of(1, ByteUnit.KIB));
    assertThat(Bytes.ofBytes(1).compareTo(Bytes.ofBytes(2))).isNegative();
    assertThat(Bytes.ofBytes(0)).isSameAs(Bytes.ZERO);
  }

  @Test
  void equals_differentCounts_areDifferent_andHashDifferently() {
    assertThat(Bytes.ofBytes(1)).isNotEqualTo(Bytes.ofBytes(2)).isNotEqualTo(1L).isNotEqualTo(null);
    assertThat(Bytes.ofGibibytes(24).hashCode()).isNotEqualTo(Bytes.ofGibibytes(16).hashCode());
  }

  @Test
  void errorMessages_printWholeNumbersPlainly_upToTheirLimit() {
    assertThatThrownBy(() -> Bytes.ofBytes(1).multipliedBy(-999_999_999_999_999.0))
        .hasMessageEndingWith("but was -999999999999999");
    assertThatThrownBy(() -> Bytes.ofBytes(1).multipliedBy(-1e15)).hasMessageEndingWith("but was -1.0E15");
    assertThatThrownBy(() -> Bytes.ofBytes(1).multipliedBy(-0.25)).hasMessageEndingWith("but was -0.25");
  }
}
