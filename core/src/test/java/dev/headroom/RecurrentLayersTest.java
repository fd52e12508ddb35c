package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class RecurrentLayersTest {
  @Test
  void isRecurrent_keepEveryNthLayerAsAttention() {
    RecurrentLayers qwen3Next = new RecurrentLayers(4, 1024);
    assertThat(qwen3Next.isRecurrent(0)).isTrue();
    assertThat(qwen3Next.isRecurrent(3)).isFalse();
    assertThat(qwen3Next.isRecurrent(7)).isFalse();
    assertThat(new RecurrentLayers(0, 1).isRecurrent(3)).isTrue();
    assertThatThrownBy(() -> new RecurrentLayers(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RecurrentLayers(4, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stateBytesPerSequence");
  }
}
