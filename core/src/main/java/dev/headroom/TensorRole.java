package dev.headroom;

/**
 * What a tensor does, as far as llama.cpp's quantizer cares: whether it may be quantized at all, and which of
 * llama-quantize's per-tensor rules applies ({@code attn_v}, {@code ffn_down}, …).
 */
enum TensorRole {
  TOKEN_EMBEDDING("token_embd", true),
  OUTPUT("output", true),
  /** Norm weights, biases, routers, sinks, rope factors: always kept at full precision. */
  SMALL("", false),
  ATTN_Q("attn_q", true),
  ATTN_K("attn_k", true),
  ATTN_V("attn_v", true),
  ATTN_QKV("attn_qkv", true),
  ATTN_OUTPUT("attn_output", true),
  /** MLA projections other than the value-like {@code attn_kv_b}: {@code attn_q_a}, {@code attn_q_b}, {@code attn_kv_a_mqa}, {@code attn_k_b}. */
  ATTN_LATENT("attn_latent", true),
  /** MLA's {@code attn_kv_b} / {@code attn_v_b}, which llama-quantize counts with {@code attn_v}. */
  ATTN_KV_B("attn_kv_b", true),
  FFN_GATE("ffn_gate", true),
  FFN_UP("ffn_up", true),
  FFN_DOWN("ffn_down", true);

  final String rule;
  final boolean quantizable;

  TensorRole(String rule, boolean quantizable) {
    this.rule = rule;
    this.quantizable = quantizable;
  }

  boolean isLinear() {
    return quantizable && this != TOKEN_EMBEDDING && this != OUTPUT;
  }
}
