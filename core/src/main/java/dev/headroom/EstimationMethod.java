package dev.headroom;

/**
 * How an {@link Estimator} computes memory, file size and speed.
 *
 * <pre>{@code
 * MemoryEstimate naive = Estimator.of(model).method(EstimationMethod.SEED).vram();
 * }</pre>
 */
public enum EstimationMethod {
  /**
   * The seed page's formulas, reproduced exactly: weights = nominal parameters × nominal bits ÷ 8; KV cache =
   * 2 × layers × KV heads × head size × 2 bytes (fp16) per token for every layer, ignoring sliding windows and
   * latent attention; a flat 0.3 GB overhead; file size = weights; decode tok/s = bandwidth ÷ total VRAM ×
   * efficiency (0.65 NVIDIA, 0.55 others). Naive by design: it treats DeepSeek R1 Distill Qwen 1.5B as 1.5 B
   * parameters at 4.8 bits (0.90 GB), while the real Q4_K_M file is 1.117 GB.
   */
  SEED,
  /**
   * Tensor by tensor, as llama.cpp writes and allocates: every tensor of the architecture sized with the ggml type
   * llama-quantize gives it for the chosen file type; the KV cache per layer kind (full, sliding window, latent,
   * recurrent); the active experts only for speed. The default.
   */
  EXACT
}
