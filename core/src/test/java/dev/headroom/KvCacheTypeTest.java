package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class KvCacheTypeTest {

  @Test
  void rowBytes_usesGgmlBlocks() {
    assertThat(KvCacheType.F16.rowBytes(256)).isEqualTo(512);
    assertThat(KvCacheType.Q8_0.rowBytes(256)).isEqualTo(272);
    assertThat(KvCacheType.Q4_0.rowBytes(256)).isEqualTo(144);
    assertThat(KvCacheType.FP8.rowBytes(256)).isEqualTo(256);
    assertThat(KvCacheType.Q8_0.rowBytes(33)).isEqualTo(68);
    assertThatThrownBy(() -> KvCacheType.F16.rowBytes(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_readsLlamaCppOptionNames() {
    assertThat(KvCacheType.parse("q8_0")).isEqualTo(KvCacheType.Q8_0);
    assertThat(KvCacheType.Q4_0.optionName()).isEqualTo("q4_0");
    assertThat(KvCacheType.Q8_0.isQuantized()).isTrue();
    assertThat(KvCacheType.F16.isQuantized()).isFalse();
    assertThatThrownBy(() -> KvCacheType.parse("int3")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'int3'").hasMessageContaining("q8_0");
  }
}
