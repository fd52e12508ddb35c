package dev.headroom;

/**
 * What a tensor does, as far as llama.cpp's quantizer cares: whether it may be quantized at all, and which of
 * llama-quantize's per-tensor rules applies ({@code attn_v}, {@code ffn_down}, …).
 */
enum TensorRole {
  TOKEN_EMBEDDING(true),
  OUTPUT(true),
  /** Norm weights, biases, routers, sinks, rope factors: always kept at full precision. */
  SMALL(false),
  ATTN_Q(true),
  ATTN_K(true),
  ATTN_V(true),
  ATTN_QKV(true),
  ATTN_OUTPUT(true),
  /**
   * MLA projections ({@code attn_q_a}, {@code attn_q_b}, {@code attn_kv_a_mqa}, {@code attn_k_b}, {@code attn_v_b}),
   * which llama-quantize leaves at the default type.
   */
  ATTN_LATENT(true),
  FFN_GATE(true),
  FFN_UP(true),
  FFN_DOWN(true),
  /**
   * A multi-token-prediction layer's own matrices ({@code nextn.eh_proj}, {@code nextn.embed_tokens},
   * {@code nextn.shared_head_head}): no llama-quantize rule names them, so they take the default type.
   */
  NEXTN(true);

  final boolean quantizable;

  TensorRole(boolean quantizable) {
    this.quantizable = quantizable;
  }

  boolean isLinear() {
    return quantizable && this != TOKEN_EMBEDDING && this != OUTPUT;
  }
}
