package dev.headroom.catalog;

import java.util.List;
import java.util.Objects;

/**
 * An array value of GGUF metadata. Long arrays (the tokenizer's tokens, scores and merges) are skipped unless the
 * reader is asked for them: {@link #values()} is then empty and {@link #isComplete()} false, while
 * {@link #length()} still tells how many elements the file holds.
 *
 * <pre>{@code
 * GgufArray tokens = (GgufArray) file.metadata().get("tokenizer.ggml.tokens");
 * long vocabulary = tokens.length();
 * }</pre>
 *
 * @param elementType the GGUF element type name ({@code "string"}, {@code "int32"}, {@code "float32"}, …)
 * @param length the number of elements in the file
 * @param values the elements when read, else empty
 */
public record GgufArray(String elementType, long length, List<Object> values) {

  /**
   * Validates and copies the values.
   *
   * @param elementType the GGUF element type name ({@code "string"}, {@code "int32"}, {@code "float32"}, …)
   * @param length the number of elements in the file
   * @param values the elements when read, else empty
   * @throws IllegalArgumentException when more values are given than the length, or the length is negative
   */
  public GgufArray {
    Objects.requireNonNull(elementType, "elementType must not be null");
    Objects.requireNonNull(values, "values must not be null");
    values = List.copyOf(values);
    if (length < values.size()) {
      throw new IllegalArgumentException("length must be at least the " + values.size() + " values given but was "
          + length);
    }
  }

  /**
   * Whether every element was read.
   *
   * @return true if {@link #values()} holds all {@link #length()} elements
   */
  public boolean isComplete() {
    return values.size() == length;
  }
}
