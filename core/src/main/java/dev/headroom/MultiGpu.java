package dev.headroom;

/**
 * How a model runs over several identical GPUs ({@link Hardware#times(int)}).
 *
 * <pre>{@code
 * DecodeSpeed s = Estimator.of(model).multiGpu(MultiGpu.TENSOR_PARALLEL).decode(h100.times(8));
 * }</pre>
 */
public enum MultiGpu {
  /**
   * llama.cpp's default ({@code --split-mode layer}): each GPU holds a share of the layers and a token passes
   * through them one after another, so decode runs at one GPU's bandwidth plus a hop per extra GPU, while prefill
   * overlaps micro-batches as a pipeline.
   */
  LAYER_SPLIT,
  /**
   * vLLM-style tensor parallelism: every layer's matrices are split over the GPUs, which read their shares at once
   * and then exchange results twice per layer (an all-reduce after attention and after the feed-forward block),
   * each costing {@link #ALL_REDUCE_MICROS} microseconds: a modelling assumption, not fitted (no measured
   * tensor-parallel run is in the training data).
   */
  TENSOR_PARALLEL;

  /** The assumed time of one small all-reduce per token between GPUs, in microseconds (NVLink/PCIe latency). */
  public static final double ALL_REDUCE_MICROS = 15;
}
