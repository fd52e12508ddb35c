package dev.headroom;

import java.util.List;

/**
 * The bytes of the parts llama.cpp places on devices separately: the input embeddings (always in host memory), the
 * output head with its norm (on the GPU only when every layer is), and each repeating layer, with the share of it
 * that is routed experts and the share one token reads. Tensors llama.cpp does not load are left out.
 */
final class ModelParts {
  final long input;
  final long output;
  final long[] layers;
  final long[] experts;
  final long[] activeLayers;

  private ModelParts(long input, long output, long[] layers, long[] experts, long[] activeLayers) {
    this.input = input;
    this.output = output;
    this.layers = layers;
    this.experts = experts;
    this.activeLayers = activeLayers;
  }

  /** The parts of a GGUF file whose tensors have these types (inventory order), each tensor padded. */
  static ModelParts gguf(Architecture a, List<TensorSpec> tensors, GgmlType[] types) {
    double[] bytes = new double[tensors.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = ModelTables.padded(ModelTables.tensorBytes(tensors.get(i), types[i]));
    }
    return of(a, tensors, bytes);
  }

  /** The parts of a non-GGUF checkpoint: linear layers at {@code bits}, embeddings at 16 bits unless quantized. */
  static ModelParts otherFormat(Architecture a, List<TensorSpec> tensors, double bits, boolean quantizesEmbeddings) {
    double[] bytes = new double[tensors.size()];
    for (int i = 0; i < bytes.length; i++) {
      TensorSpec t = tensors.get(i);
      double perElement = t.role().isLinear() ? bits / 8 : t.role().quantizable && quantizesEmbeddings ? bits / 8 : 2;
      bytes[i] = t.elements() * perElement;
    }
    return of(a, tensors, bytes);
  }

  private static ModelParts of(Architecture a, List<TensorSpec> tensors, double[] bytes) {
    int n = a.layers();
    double input = 0;
    double output = 0;
    double[] layers = new double[n];
    double[] experts = new double[n];
    double[] inactive = new double[n];
    MixtureOfExperts moe = a.moe();
    for (int i = 0; i < bytes.length; i++) {
      TensorSpec t = tensors.get(i);
      if (!t.loaded()) {
        continue;
      }
      if (t.layer() < 0) {
        if (t.role() == TensorRole.TOKEN_EMBEDDING) {
          input += bytes[i];
        } else {
          output += bytes[i];
        }
        continue;
      }
      layers[t.layer()] += bytes[i];
      if (t.routedExperts() && moe != null) {
        experts[t.layer()] += bytes[i];
        inactive[t.layer()] += bytes[i] * (moe.experts() - moe.expertsPerToken()) / moe.experts();
      }
    }
    if (a.tiedEmbeddings()) {
      // The output head is the input embeddings, duplicated into the output layer's buffer.
      output += input;
    }
    long[] l = new long[n];
    long[] e = new long[n];
    long[] active = new long[n];
    for (int i = 0; i < n; i++) {
      l[i] = Math.round(layers[i]);
      e[i] = Math.round(experts[i]);
      active[i] = Math.round(layers[i] - inactive[i]);
    }
    return new ModelParts(Math.round(input), Math.round(output), l, e, active);
  }

  /** A copy with every part scaled by {@code factor} (a file's own total over the predicted one). */
  ModelParts scaled(double factor) {
    long[] l = layers.clone();
    long[] e = experts.clone();
    long[] a = activeLayers.clone();
    for (int i = 0; i < l.length; i++) {
      l[i] = Math.round(l[i] * factor);
      e[i] = Math.round(e[i] * factor);
      a[i] = Math.round(a[i] * factor);
    }
    return new ModelParts(Math.round(input * factor), Math.round(output * factor), l, e, a);
  }
}
