package dev.headroom;

import java.util.Locale;

/**
 * What a model is for, as the seed page's tags show it ("Chat", "Reasoning").
 *
 * <pre>{@code
 * Tag tag = Tag.parse("reasoning");   // REASONING
 * String shown = tag.label();         // "Reasoning"
 * }</pre>
 */
public enum Tag {
  /** Conversational, instruction-following. */
  CHAT,
  /** Trained to think step by step before answering. */
  REASONING,
  /** Code generation and completion. */
  CODE,
  /** Mathematics. */
  MATH,
  /** Accepts images. */
  VISION,
  /** Produces embeddings rather than text. */
  EMBEDDING,
  /** Tool and function calling. */
  TOOLS;

  /**
   * The display label, for example {@code "Reasoning"}.
   *
   * @return the label shown to people
   */
  public String label() {
    String n = name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  /**
   * Reads a tag, ignoring case.
   *
   * @param text the tag name, not null
   * @return the tag of that name
   * @throws IllegalArgumentException listing the accepted tags if none matches
   */
  public static Tag parse(String text) {
    Checks.requireNonNull(text, "text");
    for (Tag tag : values()) {
      if (tag.name().equalsIgnoreCase(text.strip())) {
        return tag;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a tag; expected one of "
        + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT));
  }
}
