package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class SlidingWindowTest {
  @Test
  void isSliding_followsLlamaCppPatterns() {
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
  void pattern_zeroMeansEveryLayer_oneAndNegativeAreRejected() {
    assertThat(new SlidingWindow(4096, 0).isSliding(7)).isTrue();
    assertThatThrownBy(() -> new SlidingWindow(4096, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pattern must be 0 (every layer slides) or in [2, 1024] but was 1");
    assertThatThrownBy(() -> new SlidingWindow(4096, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was -1");
  }

  @Test
  void pattern_upTo1024() {
    assertThat(new SlidingWindow(4096, 1024).isSliding(1022)).isTrue();
    assertThat(new SlidingWindow(4096, 1024).isSliding(1023)).isFalse();
    assertThatThrownBy(() -> new SlidingWindow(4096, 1025)).isInstanceOf(IllegalArgumentException.class);
  }
}
