package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class ByteUnitTest {

  @Test
  void bytes_decimalArePowersOfTenAndBinaryPowersOfTwo() {
    assertThat(ByteUnit.GB.bytes()).isEqualTo(1_000_000_000L);
    assertThat(ByteUnit.GIB.bytes()).isEqualTo(1L << 30);
    assertThat(ByteUnit.TB.bytes()).isEqualTo(1_000_000_000_000L);
    assertThat(ByteUnit.TIB.bytes()).isEqualTo(1L << 40);
  }

  @Test
  void parse_ignoresCase_andRejectsUnknownSymbols() {
    assertThat(ByteUnit.parse("gib")).isEqualTo(ByteUnit.GIB);
    assertThat(ByteUnit.parse("GB")).isEqualTo(ByteUnit.GB);
    assertThat(ByteUnit.parse("kib")).isEqualTo(ByteUnit.KIB);
    assertThatThrownBy(() -> ByteUnit.parse("GiBs")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'GiBs'").hasMessageContaining("B|KB|MB|GB|TB|KiB|MiB|GiB|TiB");
  }

  @Test
  void toBytes_checksOverflowAndSign() {
    assertThat(ByteUnit.MIB.toBytes(3)).isEqualTo(3L << 20);
    assertThatThrownBy(() -> ByteUnit.TIB.toBytes(Long.MAX_VALUE / 2)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> ByteUnit.B.toBytes(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amount");
  }

  @Test
  void toString_isTheSymbol() {
    assertThat(ByteUnit.GIB).hasToString("GiB");
    assertThat(ByteUnit.KB).hasToString("KB");
  }
}
