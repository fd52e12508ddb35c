package dev.headroom.catalog;

import java.util.Locale;

/**
 * A GGUF file that cannot be read: truncated, hostile or not GGUF at all. The message names the file, the byte
 * offset where reading stopped and what was wrong; {@link #offset()} gives the offset.
 *
 * <pre>{@code
 * try {
 *   GgufFile.read(path);
 * } catch (GgufFormatException e) {
 *   long where = e.offset();
 * }
 * }</pre>
 */
public final class GgufFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The byte offset in the file where reading stopped. */
  private final long offset;

  GgufFormatException(String source, long offset, String what) {
    super(String.format(Locale.ROOT, "%s is not a valid GGUF file at byte %d: %s", source, offset, what));
    this.offset = offset;
  }

  /**
   * The byte offset in the file where reading stopped.
   *
   * @return the offset in bytes from the start of the file
   */
  public long offset() {
    return offset;
  }
}
