package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

final class NominalSizeProperties {
  /** The rule as a regular expression, which the catalog used to run on every model name. */
  private static final Pattern RULE = Pattern.compile("(?<![xXaA\\w.])(\\d+(?:\\.\\d+)?)([BM])\\b");

  @Property
  void theScanFindsWhatTheRegularExpressionFinds(@ForAll("names") String name) {
    Matcher m = RULE.matcher(name);
    long expected = m.find()
        ? Math.round(Double.parseDouble(m.group(1)) * (m.group(2).equals("B") ? 1e9 : 1e6)) : 0;
    assertThat(CatalogFiles.nominalParameters(name)).isEqualTo(expected);
  }

  @Test
  void realNames() {
    assertThat(CatalogFiles.nominalParameters("DeepSeek R1 Distill Qwen 1.5B")).isEqualTo(1_500_000_000L);
    assertThat(CatalogFiles.nominalParameters("SmolLM2 135M Instruct")).isEqualTo(135_000_000L);
    assertThat(CatalogFiles.nominalParameters("Mixtral 8x7B")).isZero();
    assertThat(CatalogFiles.nominalParameters("Qwen3 30B-A3B")).isEqualTo(30_000_000_000L);
    assertThat(CatalogFiles.nominalParameters("Llama 3.1 8B")).isEqualTo(8_000_000_000L);
    assertThat(CatalogFiles.nominalParameters("Phi-3 mini")).isZero();
  }

  /** Model-like names: digits, dots, B and M, word characters and separators. */
  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withChars("0123.BMxAa _-").ofMaxLength(16);
  }
}
