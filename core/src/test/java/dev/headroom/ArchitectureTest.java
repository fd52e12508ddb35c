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
    assertThatThrownBy(() -> new Architecture("llama", 2, 64, 4, 4, 16, 16, 0, 10, false, 10, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ffnSize");
    assertThatThrownBy(() -> new Architecture(" ", 2, 64, 4, 4, 16, 16, 8, 10, false, 10, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arch");
    assertThatThrownBy(() -> new Architecture("llama", 2, 64, 4, 4, 16, 16, 0, 10, false, 10,
        new MixtureOfExperts(4, 2, 0, 8, 0, 1), null, null, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("some layers are dense");
    assertThatThrownBy(() -> new Architecture("llama", 2, 64, 4, 4, 16, 16, 8, 10, false, Estimator.MAX_CONTEXT + 1,
        null, null, null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contextLength");
  }
}
