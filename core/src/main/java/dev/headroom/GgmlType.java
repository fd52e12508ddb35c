package dev.headroom;

import java.util.Locale;

/**
 * A ggml tensor storage type: how llama.cpp stores the elements of one tensor, in blocks of
 * {@link #blockElements()} elements taking {@link #blockBytes()} bytes each.
 *
 * <p>Block sizes are ggml's own structs ({@code ggml-org/ggml} {@code src/ggml-common.h} and {@code src/ggml.c}
 * {@code type_traits}, commit {@code d99724f}); the numeric ids are those written in GGUF tensor infos. Types that
 * ggml removed (ids 4, 5, 31–33, 36–38) are absent.
 *
 * <pre>{@code
 * long bytes = GgmlType.Q4_K.bytesFor(4096L * 4096);   // 9_437_184
 * double bpw = GgmlType.Q6_K.bitsPerWeight();          // 6.5625
 * }</pre>
 */
public enum GgmlType {
  /** 32-bit float. */
  F32(0, 1, 4),
  /** 16-bit IEEE float. */
  F16(1, 1, 2),
  /** 4-bit, blocks of 32 with one fp16 scale. */
  Q4_0(2, 32, 18),
  /** 4-bit, blocks of 32 with fp16 scale and minimum. */
  Q4_1(3, 32, 20),
  /** 5-bit, blocks of 32 with one fp16 scale. */
  Q5_0(6, 32, 22),
  /** 5-bit, blocks of 32 with fp16 scale and minimum. */
  Q5_1(7, 32, 24),
  /** 8-bit, blocks of 32 with one fp16 scale. */
  Q8_0(8, 32, 34),
  /** 8-bit, blocks of 32 with scale and sum (intermediate type). */
  Q8_1(9, 32, 36),
  /** 2-bit k-quant, super-blocks of 256. */
  Q2_K(10, 256, 84),
  /** 3-bit k-quant, super-blocks of 256. */
  Q3_K(11, 256, 110),
  /** 4-bit k-quant, super-blocks of 256. */
  Q4_K(12, 256, 144),
  /** 5-bit k-quant, super-blocks of 256. */
  Q5_K(13, 256, 176),
  /** 6-bit k-quant, super-blocks of 256. */
  Q6_K(14, 256, 210),
  /** 8-bit k-quant (intermediate type for dot products). */
  Q8_K(15, 256, 292),
  /** Importance-matrix 2-bit, 2.0625 bits per weight. */
  IQ2_XXS(16, 256, 66),
  /** Importance-matrix 2-bit, 2.3125 bits per weight. */
  IQ2_XS(17, 256, 74),
  /** Importance-matrix 3-bit, 3.0625 bits per weight. */
  IQ3_XXS(18, 256, 98),
  /** Importance-matrix 1-bit, 1.5625 bits per weight. */
  IQ1_S(19, 256, 50),
  /** Non-linear 4-bit, blocks of 32. */
  IQ4_NL(20, 32, 18),
  /** Importance-matrix 3-bit, 3.4375 bits per weight. */
  IQ3_S(21, 256, 110),
  /** Importance-matrix 2-bit, 2.5625 bits per weight. */
  IQ2_S(22, 256, 82),
  /** Non-linear 4-bit, super-blocks of 256, 4.25 bits per weight. */
  IQ4_XS(23, 256, 136),
  /** 8-bit integer. */
  I8(24, 1, 1),
  /** 16-bit integer. */
  I16(25, 1, 2),
  /** 32-bit integer. */
  I32(26, 1, 4),
  /** 64-bit integer. */
  I64(27, 1, 8),
  /** 64-bit float. */
  F64(28, 1, 8),
  /** Importance-matrix 1-bit, 1.75 bits per weight. */
  IQ1_M(29, 256, 56),
  /** bfloat16. */
  BF16(30, 1, 2),
  /** Ternary, 1.6875 bits per weight. */
  TQ1_0(34, 256, 54),
  /** Ternary, 2.0625 bits per weight. */
  TQ2_0(35, 256, 66),
  /** OCP microscaling FP4: blocks of 32 E2M1 values with one E8M0 scale. */
  MXFP4(39, 32, 17),
  /** NVIDIA FP4: blocks of 64 E2M1 values with four UE4M3 scales. */
  NVFP4(40, 64, 36),
  /** 1-bit, blocks of 128 (newer ggml). */
  Q1_0(41, 128, 18),
  /** 2-bit, blocks of 64 (newer ggml). */
  Q2_0(42, 64, 18);

  private static final GgmlType[] BY_ID = new GgmlType[43];

  static {
    for (GgmlType type : values()) {
      BY_ID[type.id] = type;
    }
  }

  private final int id;
  private final int blockElements;
  private final int blockBytes;

  GgmlType(int id, int blockElements, int blockBytes) {
    this.id = id;
    this.blockElements = blockElements;
    this.blockBytes = blockBytes;
  }

  /**
   * The id written in GGUF tensor infos ({@code enum ggml_type}).
   *
   * @return the GGUF type id
   */
  public int id() {
    return id;
  }

  /**
   * Elements per block: 1 for plain types, 32 for legacy quants, 256 for k-quants.
   *
   * @return the elements one block holds
   */
  public int blockElements() {
    return blockElements;
  }

  /**
   * Bytes per block.
   *
   * @return the bytes one block takes
   */
  public int blockBytes() {
    return blockBytes;
  }

  /**
   * Exact bits per weight: {@code blockBytes × 8 / blockElements}.
   *
   * @return the bits one weight takes, block scales included
   */
  public double bitsPerWeight() {
    return blockBytes * 8.0 / blockElements;
  }

  /**
   * Whether this is a block-quantized type (more than one element per block).
   *
   * @return true for block-quantized types, false for types with one element per block (floats and integers)
   */
  public boolean isQuantized() {
    return blockElements > 1;
  }

  /**
   * Whether a row of {@code rowLength} elements can be stored in this type (whole blocks only).
   *
   * @param rowLength the number of elements in one row
   * @return true if {@code rowLength} is a multiple of {@link #blockElements()}
   */
  public boolean fitsRow(long rowLength) {
    return rowLength % blockElements == 0;
  }

  /**
   * Bytes taken by {@code elements} elements stored as whole rows of this type.
   *
   * @param elements a non-negative multiple of {@link #blockElements()}
   * @return {@code elements / blockElements × blockBytes}
   * @throws IllegalArgumentException if {@code elements} is negative or not a whole number of blocks
   * @throws ArithmeticException on overflow
   */
  public long bytesFor(long elements) {
    Checks.requireNonNegative(elements, "elements");
    if (elements % blockElements != 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "elements must be a multiple of %d for %s but was %d", blockElements, name(), elements));
    }
    return Math.multiplyExact(elements / blockElements, (long) blockBytes);
  }

  /**
   * The type with a GGUF id.
   *
   * @param id the id from a GGUF tensor info
   * @return the type with that id
   * @throws IllegalArgumentException if no current ggml type has that id
   */
  public static GgmlType ofId(int id) {
    GgmlType type = id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    if (type == null) {
      throw new IllegalArgumentException("no ggml type has id " + id + "; known ids are 0-3, 6-30, 34, 35, 39-42");
    }
    return type;
  }

  /**
   * The type with a name, ignoring case ({@code "q4_k"}, {@code "F16"}).
   *
   * @param name the type name, not null
   * @return the type of that name
   * @throws IllegalArgumentException listing the accepted names if there is none
   */
  public static GgmlType parse(String name) {
    Checks.requireNonNull(name, "name");
    for (GgmlType type : values()) {
      if (type.name().equalsIgnoreCase(name.strip())) {
        return type;
      }
    }
    throw new IllegalArgumentException("'" + name + "' is not a ggml type; expected one of "
        + java.util.Arrays.toString(values()));
  }
}
