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
}
