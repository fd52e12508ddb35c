package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class NameIndexProperties {

  @Property
  void theTokensAreRunsOfLettersAndOfDigitsWithInnerDots_andTheSquashedFormRunsThemTogether(
      @ForAll("names") String name) {
    assertThat(NameIndex.tokens(name)).isEqualTo(referenceTokens(name));
    assertThat(NameIndex.squashed(name)).isEqualTo(String.join("", referenceTokens(name)));
  }

  /**
   * The tokenizer's rule stated independently of its single-scan implementation: after lower-casing each character,
   * the runs of letters, and the runs of digits and the dots among them, less one trailing dot.
   */
  private static List<String> referenceTokens(String name) {
    StringBuilder lowered = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      lowered.append(Character.toLowerCase(c));
    }
    List<String> tokens = new ArrayList<>();
    Matcher run = Pattern.compile("\\p{L}+|\\p{Nd}[\\p{Nd}.]*").matcher(lowered);
    while (run.find()) {
      String token = run.group();
      tokens.add(token.endsWith(".") ? token.substring(0, token.length() - 1) : token);
    }
    return tokens;
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

  @Property
  void aQuerysWords_areItsPartsBetweenAsciiWhitespace_asSplitOnTheRegexFindsThem(@ForAll("queries") String query) {
    List<List<String>> split = new ArrayList<>();
    for (String word : query.strip().split("\\s+")) {
      if (!NameIndex.tokens(word).isEmpty()) {
        split.add(NameIndex.tokens(word));
      }
    }
    assertThat(NameIndex.words(query)).isEqualTo(split);
  }

  /** Queries: name characters and whitespace, ASCII and not (an em space, a no-break space, a file separator). */
  @Provide
  Arbitrary<String> queries() {
    return Arbitraries.strings().withChars("aZ09.- x4B\t\n\u000B\f\r").withChars('\u2003', '\u00A0', '\u001C')
        .ofMaxLength(24);
  }

  /** Device- and model-like names: letters, digits, dots, dashes, spaces, brackets and a few non-ASCII letters. */
  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withChars("aZ09.- ()x4B").withChars('é', 'Ä', '™').ofMaxLength(24);
  }
}
