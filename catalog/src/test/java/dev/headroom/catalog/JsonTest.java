package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class JsonTest {

  @Test
  void parse_readsEveryValueKind() {
    Object v = Json.parse("{\"a\": 1, \"b\": -2.5e3, \"c\": [true, false, null], \"d\": \"x\\\"\\u00e9\\n\","
        + " \"e\": {}}", "t");
    assertThat(v).isEqualTo(Map.of("a", 1L, "b", -2500.0, "c", java.util.Arrays.asList(true, false, null),
        "d", "x\"é\n", "e", Map.of()));
    assertThat(Json.parse(" [] ", "t")).isEqualTo(List.of());
  }

  @Test
  void parse_badText_namesTheOffset() {
    assertThatThrownBy(() -> Json.parse("{\"a\" 1}", "c.json")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("c.json is not valid JSON at offset 5: expected ':'");
    assertThatThrownBy(() -> Json.parse("[1,]", "t")).hasMessageContaining("unexpected character ']'");
    assertThatThrownBy(() -> Json.parse("{} x", "t")).hasMessageContaining("unexpected text after the value");
    assertThatThrownBy(() -> Json.parse("\"abc", "t")).hasMessageContaining("unexpected end of text");
    assertThatThrownBy(() -> Json.parse("1e999", "t")).hasMessageContaining("bad number");
    assertThatThrownBy(() -> Json.parse("\"\\x\"", "t")).hasMessageContaining("bad escape");
  }

  @Test
  void parse_refusesHostileNestingAndSize() {
    String deep = "[".repeat(100) + "]".repeat(100);
    assertThatThrownBy(() -> Json.parse(deep, "t")).hasMessageContaining("nesting deeper than 64");
    assertThatThrownBy(() -> Json.parse(" ".repeat(Json.MAX_LENGTH + 1), "t")).hasMessageContaining("at most");
  }
}
