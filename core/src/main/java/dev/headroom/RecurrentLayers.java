package dev.headroom;

/**
 * Layers without a KV cache: recurrent or linear-attention layers (Mamba, RWKV, Gated DeltaNet in Qwen3-Next) keep
 * a fixed-size state per sequence instead of a cache that grows with the context.
 *
 * <p>With {@code fullAttentionInterval = n > 0}, every {@code n}-th layer (layers {@code n−1, 2n−1, …}) uses full
 * attention with a KV cache and the others are recurrent (Qwen3-Next: 4); with 0 every layer is recurrent.
 *
 * <pre>{@code
 * RecurrentLayers qwen3Next = new RecurrentLayers(4, 1_081_344);
 * boolean recurrent = qwen3Next.isRecurrent(0);   // true
 * boolean attention = qwen3Next.isRecurrent(3);   // false
 * }</pre>
 *
 * @param fullAttentionInterval 0, or the period of full-attention layers
 * @param stateBytesPerSequence bytes of recurrent state one layer keeps per sequence, 0 or more
 */
public record RecurrentLayers(int fullAttentionInterval, long stateBytesPerSequence) {

  /**
   * Validates every component.
   *
   * @param fullAttentionInterval 0, or the period of full-attention layers
   * @param stateBytesPerSequence bytes of recurrent state one layer keeps per sequence, 0 or more
   */
  public RecurrentLayers {
    Checks.requireInRange(fullAttentionInterval, 0, 1024, "fullAttentionInterval", "layers");
    Checks.requireInRange(stateBytesPerSequence, 0, 1L << 40, "stateBytesPerSequence", "bytes");
  }

  /**
   * Whether layer {@code layer} (0-based) is recurrent, without a KV cache.
   *
   * @param layer the 0-based layer index
   * @return true if that layer keeps a fixed recurrent state rather than a KV cache
   */
  public boolean isRecurrent(int layer) {
    return fullAttentionInterval == 0 || (layer + 1) % fullAttentionInterval != 0;
  }
}
