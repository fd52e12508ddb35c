package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class ArchitectureTest {

  @Test
  void slidingWindow_followsLlamaCppPatterns() {
    SlidingWindow gemma3 = new SlidingWindow(1024, 6);
    assertThat(gemma3.isSliding(0)).isTrue();
    assertThat(gemma3.isSliding(4)).isTrue();
    assertThat(gemma3.isSliding(5)).isFalse();
    assertThat(gemma3.isSliding(11)).isFalse();
    SlidingWindow gemma2 = new SlidingWindow(4096, 2);
    assertThat(gemma2.isSliding(0)).isTrue();
    assertThat(gemma2.isSliding(1)).isFalse();
    assertThat(new SlidingWindow(4096, 0).isSliding(31)).isTrue();
    assertThatThrownBy(() -> new SlidingWindow(4096, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pattern").hasMessageContaining("1");
    assertThatThrownBy(() -> new SlidingWindow(0, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window");
  }

  @Test
  void recurrentLayers_keepEveryNthLayerAsAttention() {
    RecurrentLayers qwen3Next = new RecurrentLayers(4, 1024);
    assertThat(qwen3Next.isRecurrent(0)).isTrue();
    assertThat(qwen3Next.isRecurrent(3)).isFalse();
    assertThat(qwen3Next.isRecurrent(7)).isFalse();
    assertThat(new RecurrentLayers(0, 1).isRecurrent(3)).isTrue();
    assertThatThrownBy(() -> new RecurrentLayers(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RecurrentLayers(4, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stateBytesPerSequence");
  }

  @Test
  void mixtureOfExperts_validatesItsParts() {
    assertThatThrownBy(() -> new MixtureOfExperts(8, 9, 0, 10, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expertsPerToken must be in [1, 8] but was 9");
    assertThatThrownBy(() -> new MixtureOfExperts(8, 2, 1, 10, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sharedExpertFfnSize");
    assertThatThrownBy(() -> new MixtureOfExperts(8, 2, 0, 10, 5, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no shared experts");
    Architecture v3 = TestModels.deepseekV3().architecture();
    assertThat(v3.isMoeLayer(2)).isFalse();
    assertThat(v3.isMoeLayer(3)).isTrue();
  }

  @Test
  void latentAttention_cachesTheLatentAndTheRopeKey() {
    LatentAttention mla = new LatentAttention(512, 1536, 64, 128, 128);
    assertThat(mla.cachedElementsPerToken()).isEqualTo(576);
    Architecture v3 = TestModels.deepseekV3().architecture();
    assertThat(v3.kvKeyElements()).isEqualTo(576);
    assertThat(v3.kvValueElements()).isEqualTo(512);
    assertThatThrownBy(() -> new LatentAttention(0, 0, 64, 128, 128)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kvLoraRank");
  }

  @Test
  void kvElements_ofGroupedQueryAttention_useKvHeads() {
    Architecture a = TestModels.llama31_8b().architecture();
    assertThat(a.kvKeyElements()).isEqualTo(8 * 128);
    assertThat(a.kvValueElements()).isEqualTo(8 * 128);
    assertThat(a.hasKvCache(0)).isTrue();
    assertThat(a.isSliding(0)).isFalse();
  }

  @Test
  void constructor_rejectsInconsistentFields() {
    assertThatThrownBy(() -> new Architecture("llama", 2, 64, 4, 4, 16, 16, 0, 10, false, 10, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ffnSize");
    assertThatThrownBy(() -> new Architecture(" ", 2, 64, 4, 4, 16, 16, 8, 10, false, 10, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arch");
    assertThatThrownBy(() -> new Architecture("llama", 2, 64, 4, 4, 16, 16, 0, 10, false, 10,
        new MixtureOfExperts(4, 2, 0, 8, 0, 1), null, null, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leading dense layers");
    assertThatThrownBy(() -> new Architecture("llama", 2, 64, 4, 4, 16, 16, 8, 10, false, Estimator.MAX_CONTEXT + 1,
        null, null, null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contextLength");
  }
}
