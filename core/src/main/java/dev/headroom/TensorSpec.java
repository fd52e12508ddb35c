package dev.headroom;

/**
 * One tensor as llama.cpp writes it: GGUF name, role, layer (-1 for global tensors) and shape in ggml order
 * ({@code ne0} is the row length, the matrix's input dimension), and whether llama.cpp loads it (not the tensors of
 * a multi-token-prediction layer, which it creates with {@code TENSOR_SKIP}).
 */
record TensorSpec(String name, TensorRole role, int layer, long ne0, long ne1, long ne2, boolean routedExperts,
    boolean loaded) {

  long elements() {
    return ne0 * ne1 * ne2;
  }

  long rows() {
    return ne1 * ne2;
  }
}
