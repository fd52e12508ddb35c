package dev.headroom;

/**
 * The mixture-of-experts part of an architecture: every expert's weights are resident in memory, but each token
 * reads only {@link #expertsPerToken()} routed experts plus the shared ones.
 *
 * <pre>{@code
 * // Qwen3-30B-A3B: 128 experts, 8 per token, expert FFN 768, no shared expert
 * MixtureOfExperts moe = new MixtureOfExperts(128, 8, 0, 768, 0, 0);
 * // DeepSeek-V3: 256 experts, 8 per token, one shared expert, 3 dense layers, a router score bias
 * MixtureOfExperts v3 = new MixtureOfExperts(256, 8, 1, 2048, 2048, 3, 1, true);
 * }</pre>
 *
 * @param experts routed experts per MoE layer, at least 2
 * @param expertsPerToken routed experts each token uses, 1 to {@code experts}
 * @param sharedExperts always-active shared experts per MoE layer (DeepSeek, Qwen2-MoE), 0 or more
 * @param expertFfnSize intermediate size of one routed expert
 * @param sharedExpertFfnSize intermediate size of the shared experts together; 0 when there are none
 * @param leadingDenseLayers leading layers that use a dense FFN instead of experts (DeepSeek's
 *     {@code first_k_dense_replace}), 0 or more
 * @param layerStep every how many layers one is MoE, the others dense (Llama 4 Maverick's
 *     {@code interleave_moe_layer_step} 2: layers 1, 3, 5, …); 1 when every layer is
 * @param expertScoreBias whether each MoE layer carries the router's score-correction bias, {@code experts} F32
 *     values that llama.cpp writes as {@code blk.N.exp_probs_b.bias} (the checkpoint's
 *     {@code mlp.gate.e_score_correction_bias}: DeepSeek-V3/R1 and Kimi K2, whose {@code topk_method} is
 *     {@code noaux_tc}, and GLM-4.5; not DeepSeek-V2)
 */
public record MixtureOfExperts(int experts, int expertsPerToken, int sharedExperts, int expertFfnSize,
    int sharedExpertFfnSize, int leadingDenseLayers, int layerStep, boolean expertScoreBias) {

  /**
   * Validates every component.
   *
   * @param experts routed experts per MoE layer, at least 2
   * @param expertsPerToken routed experts each token uses, 1 to {@code experts}
   * @param sharedExperts always-active shared experts per MoE layer (DeepSeek, Qwen2-MoE), 0 or more
   * @param expertFfnSize intermediate size of one routed expert
   * @param sharedExpertFfnSize intermediate size of the shared experts together; 0 when there are none
   * @param leadingDenseLayers leading layers that use a dense FFN instead of experts (DeepSeek's {@code
   *     first_k_dense_replace}), 0 or more
   * @param layerStep every how many layers one is MoE, the others dense (Llama 4 Maverick's {@code
   *     interleave_moe_layer_step} 2: layers 1, 3, 5, …); 1 when every layer is
   * @param expertScoreBias whether each MoE layer carries the router's score-correction bias ({@code
   *     exp_probs_b}, {@code experts} values)
   */
  public MixtureOfExperts {
    Checks.requireInRange(experts, 2, 65_536, "experts", "");
    Checks.requireInRange(expertsPerToken, 1, experts, "expertsPerToken", "");
    Checks.requireInRange(sharedExperts, 0, 64, "sharedExperts", "");
    Checks.requireInRange(expertFfnSize, 1, 1 << 20, "expertFfnSize", "");
    if (sharedExperts == 0) {
      Checks.requireInRange(sharedExpertFfnSize, 0, 0, "sharedExpertFfnSize (no shared experts)", "");
    } else {
      Checks.requireInRange(sharedExpertFfnSize, 1, 1 << 22, "sharedExpertFfnSize", "");
    }
    Checks.requireInRange(leadingDenseLayers, 0, 1024, "leadingDenseLayers", "");
    Checks.requireInRange(layerStep, 1, 64, "layerStep", "layers");
  }

  /**
   * A mixture without the router's score-correction bias.
   *
   * @param experts routed experts per MoE layer, at least 2
   * @param expertsPerToken routed experts each token uses, 1 to {@code experts}
   * @param sharedExperts always-active shared experts per MoE layer (DeepSeek, Qwen2-MoE), 0 or more
   * @param expertFfnSize intermediate size of one routed expert
   * @param sharedExpertFfnSize intermediate size of the shared experts together; 0 when there are none
   * @param leadingDenseLayers leading layers that use a dense FFN instead of experts (DeepSeek's {@code
   *     first_k_dense_replace}), 0 or more
   * @param layerStep every how many layers one is MoE, the others dense (Llama 4 Maverick's {@code
   *     interleave_moe_layer_step} 2: layers 1, 3, 5, …); 1 when every layer is
   * @see #MixtureOfExperts(int, int, int, int, int, int, int, boolean)
   */
  public MixtureOfExperts(int experts, int expertsPerToken, int sharedExperts, int expertFfnSize,
      int sharedExpertFfnSize, int leadingDenseLayers, int layerStep) {
    this(experts, expertsPerToken, sharedExperts, expertFfnSize, sharedExpertFfnSize, leadingDenseLayers, layerStep,
        false);
  }

  /**
   * A mixture with an MoE block in every layer after the leading dense ones, without the router's score-correction
   * bias.
   *
   * @param experts routed experts per MoE layer, at least 2
   * @param expertsPerToken routed experts each token uses, 1 to {@code experts}
   * @param sharedExperts always-active shared experts per MoE layer (DeepSeek, Qwen2-MoE), 0 or more
   * @param expertFfnSize intermediate size of one routed expert
   * @param sharedExpertFfnSize intermediate size of the shared experts together; 0 when there are none
   * @param leadingDenseLayers leading layers that use a dense FFN instead of experts (DeepSeek's {@code
   *     first_k_dense_replace}), 0 or more
   * @see #MixtureOfExperts(int, int, int, int, int, int, int, boolean)
   */
  public MixtureOfExperts(int experts, int expertsPerToken, int sharedExperts, int expertFfnSize,
      int sharedExpertFfnSize, int leadingDenseLayers) {
    this(experts, expertsPerToken, sharedExperts, expertFfnSize, sharedExpertFfnSize, leadingDenseLayers, 1, false);
  }

  /** Whether some layers are dense: leading ones, or those between MoE layers. */
  boolean hasDenseLayers() {
    return leadingDenseLayers > 0 || layerStep > 1;
  }

  /**
   * Whether layer {@code layer} (0-based) has an MoE block, following llama.cpp's {@code n_moe_layer_step}.
   *
   * @param layer the 0-based layer index
   * @return true if that layer routes tokens to experts
   */
  public boolean isMoeLayer(int layer) {
    return layer >= leadingDenseLayers && (layer + 1) % layerStep == 0;
  }

  /** The part of a routed-experts amount (elements or bytes, the same per expert) that one token uses. */
  long usedShare(long routed) {
    return routed / experts * expertsPerToken;
  }

  /** The part of a routed-experts amount that one token leaves unread. */
  long unusedShare(long routed) {
    return routed - usedShare(routed);
  }
}
