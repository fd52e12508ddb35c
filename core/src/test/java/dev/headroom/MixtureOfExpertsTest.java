package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class MixtureOfExpertsTest {
  @Test
  void constructor_validatesItsParts() {
    assertThatThrownBy(() -> new MixtureOfExperts(8, 9, 0, 10, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expertsPerToken must be in [1, 8] but was 9");
    assertThatThrownBy(() -> new MixtureOfExperts(8, 2, 1, 10, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sharedExpertFfnSize");
    assertThatThrownBy(() -> new MixtureOfExperts(8, 2, 0, 10, 5, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no shared experts");
    Architecture v3 = TestModels.deepseekV3().architecture();
    assertThat(v3.isMoeLayer(2)).isFalse();
    assertThat(v3.isMoeLayer(3)).isTrue();
    MixtureOfExperts maverick = new MixtureOfExperts(128, 1, 1, 8192, 8192, 0, 2);
    assertThat(maverick.isMoeLayer(0)).isFalse();
    assertThat(maverick.isMoeLayer(1)).isTrue();
    assertThat(maverick.isMoeLayer(2)).isFalse();
    assertThatThrownBy(() -> new MixtureOfExperts(8, 2, 0, 10, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layerStep");
  }

  /** llama.cpp's n_moe_layer_step: with a step of 3, counting layers from 1, every third one is MoE. */
  @Test
  void isMoeLayer_everyStepthLayerCountingFromOne() {
    MixtureOfExperts every3rd = new MixtureOfExperts(16, 1, 1, 64, 64, 0, 3);
    assertThat(java.util.stream.IntStream.range(0, 9).filter(every3rd::isMoeLayer).boxed())
        .containsExactly(2, 5, 8);
    MixtureOfExperts afterThreeDense = new MixtureOfExperts(16, 1, 1, 64, 64, 3);
    assertThat(java.util.stream.IntStream.range(0, 6).filter(afterThreeDense::isMoeLayer).boxed())
        .containsExactly(3, 4, 5);
  }
}
