package dev.headroom;

/**
 * One tensor as llama.cpp writes it: GGUF name, role, layer (-1 for global tensors) and shape in ggml order
 * ({@code ne0} is the row length, the matrix's input dimension).
 */
record TensorSpec(String name, TensorRole role, int layer, long ne0, long ne1, long ne2, boolean routedExperts) {

  long elements() {
    return ne0 * ne1 * ne2;
  }

  long rows() {
    return ne1 * ne2;
  }
}
