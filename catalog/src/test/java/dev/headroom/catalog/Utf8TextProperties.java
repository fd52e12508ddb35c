package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The GGUF reader's UTF-8 decoding must give exactly the JDK's text, malformed input included. */
final class Utf8TextProperties {
  private final Utf8Text utf8 = new Utf8Text();

  /** Any bytes at all: mostly malformed, which must fall back to the JDK's replacement characters. */
  @Property
  void anyBytes_decodeAsTheJdkDecodesThem(@ForAll byte[] bytes) {
    assertThat(utf8.decode(bytes, 0, bytes.length)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
  }

  /** Well-formed text of every width, the reused buffer growing and shrinking between strings. */
  @Property
  void anyText_roundTripsThroughUtf8(@ForAll("text") String text) {
    byte[] bytes = ("x" + text + "y").getBytes(StandardCharsets.UTF_8);
    assertThat(utf8.decode(bytes, 1, bytes.length - 2)).isEqualTo(text);
  }

  @Example
  void theEdgesOfEachSequenceLength_decodeAsTheJdkDecodesThem() {
    // ASCII; é (Latin-1); Ġ (GPT-2's space); 世 (three bytes); 😀 (four bytes, to the JDK); overlong forms of '/'
    // and NUL; a UTF-16 surrogate written as three bytes; sequences cut short; a lone continuation byte.
    for (String hex : new String[] {"", "41", "c3a9", "c4a0", "e4b896", "f09f9880", "c0af", "c080", "e08080",
        "eda080", "c4", "e4b8", "e4b8c4a0", "80", "ff", "41c4a042e4b89643"}) {
      byte[] bytes = HexFormat.of().parseHex(hex);
      assertThat(utf8.decode(bytes, 0, bytes.length)).as(hex).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings().withCharRange('\u0000', '\u00ff').withCharRange('\u0100', '\u07ff')
        .withCharRange('\u0800', '\ud7ff').withCharRange('\ue000', '\uffff').ofMaxLength(600);
  }
}
