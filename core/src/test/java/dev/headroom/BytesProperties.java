package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

final class BytesProperties {

  @Provide
  Arbitrary<Bytes> amounts() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, Long.MAX_VALUE),
        Arbitraries.longs().between(0, 1 << 20).map(n -> n * 1024),
        Arbitraries.longs().between(0, 100_000).map(n -> n * 1_000_000)).map(Bytes::ofBytes);
  }

  @Property
  void parseInvertsToString(@ForAll("amounts") Bytes bytes) {
    assertThat(Bytes.parse(bytes.toString())).isEqualTo(bytes);
  }

  @Property
  void aWholeFractionalAmountEqualsTheWholeAmount(@ForAll @LongRange(max = 1L << 40) long amount,
      @ForAll ByteUnit unit) {
    Assume.that(amount <= Long.MAX_VALUE / unit.bytes());
    assertThat(Bytes.of((double) amount, unit)).isEqualTo(Bytes.of(amount, unit));
  }

  @Property
  void plusIsCommutative(@ForAll @LongRange(max = Long.MAX_VALUE / 2) long a,
      @ForAll @LongRange(max = Long.MAX_VALUE / 2) long b) {
    assertThat(Bytes.ofBytes(a).plus(Bytes.ofBytes(b))).isEqualTo(Bytes.ofBytes(b).plus(Bytes.ofBytes(a)));
  }

  @Property
  void minusUndoesPlus(@ForAll @LongRange(max = Long.MAX_VALUE / 2) long a,
      @ForAll @LongRange(max = Long.MAX_VALUE / 2) long b) {
    assertThat(Bytes.ofBytes(a).plus(Bytes.ofBytes(b)).minus(Bytes.ofBytes(b))).isEqualTo(Bytes.ofBytes(a));
  }

  @Property
  void formatInGigabytesNeverDriftsMoreThanHalfAUnit(@ForAll("amounts") Bytes bytes) {
    double shown = Double.parseDouble(bytes.format(ByteUnit.GB, 2).replace(" GB", ""));
    assertThat(Math.abs(shown - bytes.to(ByteUnit.GB))).isLessThanOrEqualTo(0.005 + 1e-9 * bytes.to(ByteUnit.GB));
  }
}
