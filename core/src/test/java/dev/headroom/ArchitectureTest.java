package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class ArchitectureTest {

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
    assertThatThrownBy(() -> new Architecture("llama", 2, 64, 4, 4, 16, 16, 0, 10, false, 10, null, null, null, null,
        false, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ffnSize");
    assertThatThrownBy(() -> new Architecture(" ", 2, 64, 4, 4, 16, 16, 8, 10, false, 10, null, null, null, null,
        false, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arch");
    assertThatThrownBy(() -> new Architecture("llama", 2, 64, 4, 4, 16, 16, 0, 10, false, 10,
        new MixtureOfExperts(4, 2, 0, 8, 0, 1), null, null, null, false, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("some layers are dense");
    assertThatThrownBy(() -> new Architecture("llama", 2, 64, 4, 4, 16, 16, 8, 10, false, Estimator.MAX_CONTEXT + 1,
        null, null, null, null, false, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contextLength");
  }

  /** gemma-2: llama.cpp's pattern 2 makes every even layer (0, 2, …) a sliding-window layer. */
  @Test
  void isSliding_followsTheModelsPattern() {
    Architecture gemma = TestModels.gemma2_2b().architecture();
    assertThat(gemma.isSliding(0)).isTrue();
    assertThat(gemma.isSliding(1)).isFalse();
    assertThat(gemma.isSliding(24)).isTrue();
  }

  /** Only MoE models whose every layer is MoE may leave the dense FFN size at 0. */
  @Test
  void ffnSize_zero_allowedOnlyWhenNoLayerIsDense() {
    MixtureOfExperts allMoe = new MixtureOfExperts(8, 2, 0, 64, 0, 0, 1);
    assertThat(new Architecture("qwen3moe", 4, 64, 4, 4, 16, 16, 0, 10, false, 10, allMoe, null, null, null, false,
        0).ffnSize()).isZero();
    MixtureOfExperts leadingDense = new MixtureOfExperts(8, 2, 0, 64, 0, 1, 1);
    assertThatThrownBy(() -> new Architecture("deepseek2", 4, 64, 4, 4, 16, 16, 0, 10, false, 10, leadingDense,
        null, null, null, false, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ffnSize must be positive when some layers are dense (1 leading, MoE every 1)");
    MixtureOfExperts everyOther = new MixtureOfExperts(8, 2, 0, 64, 0, 0, 2);
    assertThatThrownBy(() -> new Architecture("llama4", 4, 64, 4, 4, 16, 16, 0, 10, false, 10, everyOther,
        null, null, null, false, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(0 leading, MoE every 2)");
  }
}
