package dev.headroom.catalog;

import dev.headroom.GgmlType;
import java.util.List;
import java.util.Objects;

/**
 * One tensor's info in a GGUF file: its name, shape in ggml order ({@code shape.get(0)} is the row length), storage
 * type and the offset of its data from the start of the file's data section.
 *
 * <pre>{@code
 * GgufTensor t = file.tensors().get(0);
 * long bytes = t.bytes();   // rows × blocks per row × block bytes
 * }</pre>
 *
 * @param name the GGUF name, for example {@code "blk.0.attn_q.weight"}
 * @param shape the dimensions, 1 to 4 of them
 * @param type the ggml storage type
 * @param offset the data offset relative to the data section
 */
public record GgufTensor(String name, List<Long> shape, GgmlType type, long offset) {

  /**
   * Validates and copies the shape.
   *
   * @param name the GGUF name, for example {@code "blk.0.attn_q.weight"}
   * @param shape the dimensions, 1 to 4 of them
   * @param type the ggml storage type
   * @param offset the data offset relative to the data section
   * @throws IllegalArgumentException when the shape has not 1 to 4 dimensions, each above 0, or the offset is
   *     negative
   */
  public GgufTensor {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(shape, "shape must not be null");
    shape = List.copyOf(shape);
    Objects.requireNonNull(type, "type must not be null");
    if (shape.isEmpty() || shape.size() > 4) {
      throw new IllegalArgumentException("shape of '" + name + "' must have 1 to 4 dimensions but was " + shape);
    }
    for (long d : shape) {
      if (d < 1) {
        throw new IllegalArgumentException("dimensions of '" + name + "' must be above 0 but the shape was " + shape);
      }
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset of '" + name + "' must be 0 or more but was " + offset);
    }
  }

  /**
   * The number of elements.
   *
   * @return the product of the dimensions
   */
  public long elements() {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /**
   * The bytes of the tensor's data, unpadded.
   *
   * @return the data size in bytes
   */
  public long bytes() {
    return Math.multiplyExact(elements() / shape.get(0), type.bytesFor(shape.get(0)));
  }
}
