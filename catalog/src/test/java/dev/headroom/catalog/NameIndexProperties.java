package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class NameIndexProperties {

  @Property
  void theSquashedFormIsTheTokensRunTogether(@ForAll("names") String name) {
    assertThat(NameIndex.squashed(name)).isEqualTo(String.join("", NameIndex.tokens(name)));
  }

  @Property
  void caseAndPunctuationNeverChangeTheSquashedForm(@ForAll("names") String name) {
    String shouted = name.toUpperCase(java.util.Locale.ROOT).replace(' ', '_').replace('-', ' ');
    assertThat(NameIndex.squashed(shouted)).isEqualTo(NameIndex.squashed(name));
  }

  @Property
  void everyNameFindsItsOwnEntry(@ForAll("names") String name) {
    Assume.that(!NameIndex.tokens(name).isEmpty());
    List<String> items = List.of("first", "second");
    NameIndex<String> index = new NameIndex<>(items, List.of(List.of("zz-9-unrelated"), List.of(name)));
    assertThat(index.find(name)).hasValue("second");
  }

  /** Device- and model-like names: letters, digits, dots, dashes, spaces, brackets and a few non-ASCII letters. */
  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withChars("aZ09.- ()x4B").withChars('é', 'Ä', '™').ofMaxLength(24);
  }
}
