package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class MemoryEstimateTest {
  private static final MemoryEstimate M = new MemoryEstimate(Bytes.of(0.9, ByteUnit.GB), Bytes.ofBytes(58_720_256),
      Bytes.ofMebibytes(300), Bytes.ofMebibytes(1), Bytes.of(0.3, ByteUnit.GB));

  @Test
  void overheadAndTotal_sumTheParts() {
    assertThat(M.overhead()).isEqualTo(Bytes.ofMebibytes(301).plus(Bytes.of(0.3, ByteUnit.GB)));
    assertThat(M.total().bytes()).as("0.9e9 + 58,720,256 + 301 MiB + 0.3e9")
        .isEqualTo(900_000_000L + 58_720_256L + 301L * 1_048_576 + 300_000_000L);
  }

  @Test
  void toString_readsLikeTheSeedPage() {
    assertThat(M).hasToString("1.6 GB = weights 0.90 GB + KV cache 0.06 GB + overhead 0.62 GB");
  }

  @Test
  void constructor_rejectsNullAndOverflow() {
    assertThatThrownBy(() -> new MemoryEstimate(null, Bytes.ZERO, Bytes.ZERO, Bytes.ZERO, Bytes.ZERO))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("weights");
    Bytes huge = Bytes.ofBytes(Long.MAX_VALUE);
    assertThatThrownBy(() -> new MemoryEstimate(huge, huge, Bytes.ZERO, Bytes.ZERO, Bytes.ZERO))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void equalsAndHashCode_followTheParts() {
    MemoryEstimate same = new MemoryEstimate(Bytes.ofBytes(900_000_000), Bytes.ofBytes(58_720_256),
        Bytes.ofBytes(314_572_800), Bytes.ofBytes(1_048_576), Bytes.ofBytes(300_000_000));
    assertThat(same).isEqualTo(M).hasSameHashCodeAs(M);
    assertThat(new MemoryEstimate(M.weights(), M.kvCache(), M.compute(), M.output(), Bytes.ZERO)).isNotEqualTo(M);
    assertThat(new MemoryEstimate(M.weights(), M.compute(), M.kvCache(), M.output(), M.runtime()))
        .as("the same amounts in other parts").isNotEqualTo(M);
  }

  @Test
  void packageConstructor_rejectsANegativePart() {
    assertThatThrownBy(() -> new MemoryEstimate(1, 2, -3, 4, 5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was -3");
  }
}
