package dev.headroom;

import java.util.Locale;

/**
 * How the KV cache stores keys and values: llama.cpp's {@code --cache-type-k/-v} types, and FP8 as vLLM stores it.
 *
 * <p>Quantized types store a row in blocks, so a row's size is exact only when its length is a multiple of the
 * block ({@code kvHeads × headDim} almost always is). llama.cpp requires flash attention for a quantized V cache.
 *
 * <pre>{@code
 * KvCacheType t = KvCacheType.parse("q8_0");
 * long bytes = t.rowBytes(2 * 128);   // 272: 8 blocks of 34 bytes
 * }</pre>
 */
public enum KvCacheType {
  /** 32-bit float. */
  F32(GgmlType.F32),
  /** 16-bit float, llama.cpp's default. */
  F16(GgmlType.F16),
  /** bfloat16. */
  BF16(GgmlType.BF16),
  /** 8-bit blocks of 32: about half of F16. */
  Q8_0(GgmlType.Q8_0),
  /** 5-bit with minimum. */
  Q5_1(GgmlType.Q5_1),
  /** 5-bit. */
  Q5_0(GgmlType.Q5_0),
  /** 4-bit with minimum. */
  Q4_1(GgmlType.Q4_1),
  /** 4-bit: about a quarter of F16. */
  Q4_0(GgmlType.Q4_0),
  /** Non-linear 4-bit. */
  IQ4_NL(GgmlType.IQ4_NL),
  /** 8-bit float (E4M3 / E5M2), one byte per element, as vLLM's {@code --kv-cache-dtype fp8}. */
  FP8(GgmlType.I8);

  private final GgmlType storage;

  KvCacheType(GgmlType storage) {
    this.storage = storage;
  }

  /**
   * Whether this type stores blocks of quantized values (llama.cpp then needs flash attention for V).
   *
   * @return true for the block-quantized cache types, false for F32, F16, BF16 and FP8
   */
  public boolean isQuantized() {
    return storage.isQuantized();
  }

  /**
   * Bytes one cached row of {@code elements} elements takes; a partial block counts as a whole block.
   *
   * @param elements a non-negative element count
   * @return the bytes of the row
   */
  public long rowBytes(long elements) {
    Checks.requireNonNegative(elements, "elements");
    long blocks = (elements + storage.blockElements() - 1) / storage.blockElements();
    return Math.multiplyExact(blocks, (long) storage.blockBytes());
  }

  /**
   * The lower-case name llama.cpp's options use, for example {@code "q8_0"}.
   *
   * @return the name for {@code --cache-type-k} and {@code --cache-type-v}
   */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a type name, ignoring case ({@code f16}, {@code q8_0}, {@code fp8}, …).
   *
   * @param text the name, not null
   * @return the type of that name
   * @throws IllegalArgumentException listing the accepted names if none matches
   */
  public static KvCacheType parse(String text) {
    Checks.requireNonNull(text, "text");
    for (KvCacheType t : values()) {
      if (t.name().equalsIgnoreCase(text.strip())) {
        return t;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a KV cache type; expected one of "
        + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT));
  }
}
