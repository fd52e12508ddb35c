package dev.headroom;

/**
 * Multi-head latent attention (DeepSeek V2/V3/R1, Kimi K2): keys and values are compressed into one latent vector
 * per token, so the KV cache holds {@code kvLoraRank + ropeHeadDim} elements per token and layer instead of
 * {@code 2 × kvHeads × headDim}.
 *
 * <pre>{@code
 * // DeepSeek-V3
 * LatentAttention mla = new LatentAttention(512, 1536, 64, 128, 128);
 * }</pre>
 *
 * @param kvLoraRank size of the compressed KV latent
 * @param qLoraRank size of the compressed query latent; 0 when queries are not compressed (DeepSeek-V2-Lite)
 * @param ropeHeadDim rotary part of each query/key head
 * @param nopeHeadDim non-rotary part of each query/key head
 * @param vHeadDim value head size
 */
public record LatentAttention(int kvLoraRank, int qLoraRank, int ropeHeadDim, int nopeHeadDim, int vHeadDim) {

  /**
   * Validates every component.
   *
   * @param kvLoraRank size of the compressed KV latent
   * @param qLoraRank size of the compressed query latent; 0 when queries are not compressed (DeepSeek-V2-Lite)
   * @param ropeHeadDim rotary part of each query/key head
   * @param nopeHeadDim non-rotary part of each query/key head
   * @param vHeadDim value head size
   */
  public LatentAttention {
    Checks.requireInRange(kvLoraRank, 1, 1 << 16, "kvLoraRank", "");
    Checks.requireInRange(qLoraRank, 0, 1 << 16, "qLoraRank", "");
    Checks.requireInRange(ropeHeadDim, 1, 1 << 12, "ropeHeadDim", "");
    Checks.requireInRange(nopeHeadDim, 1, 1 << 12, "nopeHeadDim", "");
    Checks.requireInRange(vHeadDim, 1, 1 << 12, "vHeadDim", "");
  }

  /**
   * Elements cached per token and layer: the latent plus the shared rotary key.
   *
   * @return {@code kvLoraRank + ropeHeadDim}
   */
  public int cachedElementsPerToken() {
    return kvLoraRank + ropeHeadDim;
  }
}
