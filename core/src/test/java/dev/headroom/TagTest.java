package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class TagTest {

  @Test
  void parseAndLabel() {
    assertThat(Tag.parse(" Chat ")).isEqualTo(Tag.CHAT);
    assertThat(Tag.EMBEDDING.label()).isEqualTo("Embedding");
    assertThatThrownBy(() -> Tag.parse("poetry")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'poetry'").hasMessageContaining("reasoning");
  }
}
