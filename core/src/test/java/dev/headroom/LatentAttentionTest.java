package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class LatentAttentionTest {
  @Test
  void cachedElements_cachesTheLatentAndTheRopeKey() {
    LatentAttention mla = new LatentAttention(512, 1536, 64, 128, 128);
    assertThat(mla.cachedElementsPerToken()).isEqualTo(576);
    Architecture v3 = TestModels.deepseekV3().architecture();
    assertThat(v3.kvKeyElements()).isEqualTo(576);
    assertThat(v3.kvValueElements()).isEqualTo(512);
    assertThatThrownBy(() -> new LatentAttention(0, 0, 64, 128, 128)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kvLoraRank");
  }
}
