package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

final class GgmlTypeTest {

  /** Every block size agrees with ggml-types.csv (copied from shared/reference, read from ggml's own structs). */
  @Test
  void blockSizes_matchTheReferenceTable() throws IOException {
    Map<String, int[]> reference = new HashMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(getClass().getResourceAsStream("ggml-types.csv")), StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",");
        reference.put(f[0], new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])});
      }
    }
    assertThat(reference).hasSize(GgmlType.values().length);
    for (GgmlType type : GgmlType.values()) {
      assertThat(reference.get(type.name())).as(type.name())
          .containsExactly(type.blockElements(), type.blockBytes());
    }
  }

  @Test
  void bytesFor_isWholeBlocks() {
    assertThat(GgmlType.Q4_K.bytesFor(4096L * 4096)).isEqualTo(9_437_184L);
    assertThat(GgmlType.Q8_0.bytesFor(64)).isEqualTo(68L);
    assertThat(GgmlType.F16.bytesFor(3)).isEqualTo(6L);
    assertThatThrownBy(() -> GgmlType.Q4_K.bytesFor(100)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 256").hasMessageContaining("100");
  }

  @Test
  void bitsPerWeight_isExact() {
    assertThat(GgmlType.Q6_K.bitsPerWeight()).isEqualTo(6.5625);
    assertThat(GgmlType.Q4_0.bitsPerWeight()).isEqualTo(4.5);
    assertThat(GgmlType.MXFP4.bitsPerWeight()).isEqualTo(4.25);
  }

  @Test
  void ofId_roundTripsEveryType_andRejectsRemovedIds() {
    for (GgmlType type : GgmlType.values()) {
      assertThat(GgmlType.ofId(type.id())).isEqualTo(type);
    }
    assertThat(GgmlType.Q4_K.id()).isEqualTo(12);
    assertThat(GgmlType.BF16.id()).isEqualTo(30);
    assertThatThrownBy(() -> GgmlType.ofId(4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id 4");
    assertThatThrownBy(() -> GgmlType.ofId(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GgmlType.ofId(9999)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_ignoresCase() {
    assertThat(GgmlType.parse("q4_k")).isEqualTo(GgmlType.Q4_K);
    assertThatThrownBy(() -> GgmlType.parse("Q4_K_M")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Q4_K_M'");
  }

  @Test
  void fitsRow_requiresWholeBlocks() {
    assertThat(GgmlType.Q4_K.fitsRow(2880)).isFalse();
    assertThat(GgmlType.Q5_0.fitsRow(2880)).isTrue();
    assertThat(GgmlType.F16.fitsRow(7)).isTrue();
  }

  @Test
  void ofId_coversTheWholeIdRange() {
    assertThat(GgmlType.ofId(0)).isEqualTo(GgmlType.F32);
    assertThat(GgmlType.ofId(42)).as("the last id").isEqualTo(GgmlType.Q2_0);
    assertThatThrownBy(() -> GgmlType.ofId(43)).as("one past the last id")
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no ggml type has id 43");
  }
}
