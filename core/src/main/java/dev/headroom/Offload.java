package dev.headroom;

/**
 * How a model that does not fit a GPU spills into system memory, as llama.cpp does it.
 *
 * <pre>{@code
 * Placement p = Estimator.of(qwen3moe).quant(Quantization.Q8_0).place(rtx4090, host, Offload.EXPERTS);
 * int layersOnHost = p.expertLayersOnHost();   // leading layers whose routed experts stay in system memory
 * }</pre>
 */
public enum Offload {
  /**
   * Whole layers stay in system memory and run on the CPU ({@code --n-gpu-layers N}): the GPU takes the last
   * {@code N} layers, and the output head only when it takes every layer.
   */
  LAYERS,
  /**
   * Every layer runs on the GPU, but the routed experts of the first layers stay in system memory
   * ({@code --n-cpu-moe N}, {@code -ot exps=CPU}): for mixture-of-experts models, whose experts are most of the
   * weights but few are read per token. Dense models fall back to {@link #LAYERS}.
   */
  EXPERTS
}
