package dev.headroom;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Figures derived once per model and then reused by every estimate: the tensor inventory, the tensor bytes of each
 * llama.cpp file type, and the number of layers of each KV kind. Every figure but {@link #ggufFileTensorBytes}
 * counts only the tensors llama.cpp loads. Thread-safe: racing threads compute the same values.
 */
final class ModelTables {
  /** GGUF aligns every tensor's data to 32 bytes ({@code GGUF_DEFAULT_ALIGNMENT}). */
  static final long TENSOR_ALIGNMENT = 32;
  /** Elements per block of the super-block types ({@code QK_K}). */
  private static final int SUPER_BLOCK = 256;

  private final Architecture architecture;
  private final TensorInventory inventory;
  private final AtomicLongArray ggufTensorBytes = new AtomicLongArray(LlamaFileType.values().length);
  private final AtomicLongArray ggufFileTensorBytes = new AtomicLongArray(LlamaFileType.values().length);
  private final AtomicLongArray ggufActiveBytes = new AtomicLongArray(LlamaFileType.values().length);
  private final AtomicLongArray cpuRepackBytes = new AtomicLongArray(LlamaFileType.values().length);
  private final AtomicLongArray superBlockActiveElements = new AtomicLongArray(LlamaFileType.values().length);
  private final int fullKvLayers;
  private final int slidingKvLayers;
  private final int recurrentLayers;
  private final long linearElements;
  private final long embeddingElements;
  private final long smallElements;
  private final long activeLinearElements;

  ModelTables(Architecture architecture) {
    this.architecture = architecture;
    this.inventory = TensorInventory.of(architecture);
    int full = 0;
    int sliding = 0;
    for (int layer = 0; layer < architecture.layers(); layer++) {
      if (!architecture.hasKvCache(layer)) {
        continue;
      }
      if (architecture.isSliding(layer)) {
        sliding++;
      } else {
        full++;
      }
    }
    this.fullKvLayers = full;
    this.slidingKvLayers = sliding;
    this.recurrentLayers = architecture.layers() - full - sliding;
    long linear = 0;
    long embedding = 0;
    long small = 0;
    for (TensorSpec t : inventory.tensors()) {
      if (!t.loaded()) {
        continue;
      }
      if (t.role().isLinear()) {
        linear += t.elements();
      } else if (t.role().quantizable) {
        embedding += t.elements();
      } else {
        small += t.elements();
      }
    }
    this.linearElements = linear;
    this.embeddingElements = embedding;
    this.smallElements = small;
    this.activeLinearElements = linear - inventory.inactiveExpertElements();
    for (int i = 0; i < ggufTensorBytes.length(); i++) {
      ggufTensorBytes.set(i, -1);
      ggufFileTensorBytes.set(i, -1);
      ggufActiveBytes.set(i, -1);
      cpuRepackBytes.set(i, -1);
      superBlockActiveElements.set(i, -1);
    }
  }

  /** Elements of the layers' weight matrices one token multiplies by: all but the unused experts. */
  long activeMatmulElements() {
    return activeLinearElements;
  }

  TensorInventory inventory() {
    return inventory;
  }

  int fullKvLayers() {
    return fullKvLayers;
  }

  int slidingKvLayers() {
    return slidingKvLayers;
  }

  int recurrentLayers() {
    return recurrentLayers;
  }

  /** Bytes of the tensor data llama.cpp loads from a GGUF file of type {@code ft}, each tensor padded to 32 bytes. */
  long ggufTensorBytes(LlamaFileType ft) {
    return sized(ggufTensorBytes, ft);
  }

  /** Bytes of all tensor data in a GGUF file of type {@code ft}, loaded or not, each tensor padded to 32 bytes. */
  long ggufFileTensorBytes(LlamaFileType ft) {
    return sized(ggufFileTensorBytes, ft);
  }

  /**
   * Bytes llama.cpp's CPU backend repacks into an extra buffer when every layer runs on the CPU (x86 with AVX2:
   * Q4_0, Q4_K, IQ4_NL and MXFP4 weights that feed a matrix multiplication and have a multiple of 8 rows;
   * {@code ggml-cpu/repack.cpp}). The token embeddings feed a row lookup and are never repacked.
   */
  long cpuRepackBytes(LlamaFileType ft) {
    return sized(cpuRepackBytes, ft);
  }

  static boolean isRepacked(TensorSpec t, GgmlType type) {
    boolean repackable = type == GgmlType.Q4_0 || type == GgmlType.Q4_K || type == GgmlType.IQ4_NL
        || type == GgmlType.MXFP4;
    return repackable && t.role().quantizable && t.role() != TensorRole.TOKEN_EMBEDDING && t.ne1() % 8 == 0;
  }

  /**
   * Bytes of the tensor data one token reads in a GGUF file of type {@code ft}: all but the unused routed experts,
   * and only one row of the token embeddings (unless they double as the output head).
   */
  long ggufActiveBytes(LlamaFileType ft) {
    return sized(ggufActiveBytes, ft);
  }

  /**
   * The share of {@link #activeMatmulElements()} that a GGUF file of type {@code ft} stores in super-block types
   * (256-element blocks with sub-block scales: the k-quants, the i-quants but IQ4_NL, the ternary TQ types), whose
   * matrix kernels do more work per weight than those of the 32-element types and of floats.
   */
  double superBlockShare(LlamaFileType ft) {
    return activeLinearElements == 0 ? 0 : (double) sized(superBlockActiveElements, ft) / activeLinearElements;
  }

  /** The figure {@code memo} keeps for {@code ft}, after sizing the file type once. */
  private long sized(AtomicLongArray memo, LlamaFileType ft) {
    long cached = memo.get(ft.ordinal());
    if (cached < 0) {
      sizeGguf(ft);
      cached = memo.get(ft.ordinal());
    }
    return cached;
  }

  private void sizeGguf(LlamaFileType ft) {
    List<TensorSpec> tensors = inventory.tensors();
    GgmlType[] types = QuantizationRules.assign(tensors, architecture, ft);
    long file = 0;
    long total = 0;
    long inactive = 0;
    long superBlock = 0;
    long repack = 0;
    MixtureOfExperts moe = architecture.moe();
    for (int i = 0; i < types.length; i++) {
      TensorSpec t = tensors.get(i);
      long bytes = tensorBytes(t, types[i]);
      file = Math.addExact(file, padded(bytes));
      if (!t.loaded()) {
        continue;
      }
      total = Math.addExact(total, padded(bytes));
      if (isRepacked(t, types[i])) {
        repack += bytes;
      }
      boolean routed = t.routedExperts() && moe != null;
      if (routed) {
        inactive += moe.unusedShare(bytes);
      }
      if (t.role() == TensorRole.TOKEN_EMBEDDING && !architecture.tiedEmbeddings()) {
        inactive += bytes - bytes / t.ne1();
      }
      if (t.role().isLinear() && types[i].blockElements() == SUPER_BLOCK) {
        superBlock += routed ? moe.usedShare(t.elements()) : t.elements();
      }
    }
    superBlockActiveElements.set(ft.ordinal(), superBlock);
    cpuRepackBytes.set(ft.ordinal(), repack);
    ggufActiveBytes.set(ft.ordinal(), total - inactive);
    ggufTensorBytes.set(ft.ordinal(), total);
    ggufFileTensorBytes.set(ft.ordinal(), file);
  }

  /** The parts llama.cpp places separately, for a GGUF file of type {@code ft}. */
  ModelParts ggufParts(LlamaFileType ft) {
    return ModelParts.gguf(architecture, inventory.tensors(), ggufTensorTypes(ft));
  }

  /** The parts llama.cpp places separately, for a non-GGUF checkpoint (see {@link #otherFormatBytes}). */
  ModelParts otherFormatParts(double bits, boolean quantizesEmbeddings) {
    return ModelParts.otherFormat(architecture, inventory.tensors(), bits, quantizesEmbeddings);
  }

  /** The ggml type of every tensor in a GGUF file of type {@code ft}, in inventory order. */
  GgmlType[] ggufTensorTypes(LlamaFileType ft) {
    return QuantizationRules.assign(inventory.tensors(), architecture, ft);
  }

  /**
   * Bytes of a non-GGUF checkpoint, as loaded (no multi-token-prediction layers): linear layers at {@code bits} per
   * weight, embeddings and output head at 16 bits (or {@code bits} when the format quantizes them), norms, biases
   * and routers at 16 bits.
   */
  long otherFormatBytes(double bits, boolean quantizesEmbeddings) {
    double embeddingBits = quantizesEmbeddings ? bits : 16;
    return (long) Math.ceil(linearElements * bits / 8 + embeddingElements * embeddingBits / 8 + smallElements * 2.0);
  }

  /**
   * Like {@link #otherFormatBytes}, counting only the routed experts one token uses and one row of untied token
   * embeddings.
   */
  long otherFormatActiveBytes(double bits, boolean quantizesEmbeddings) {
    double embeddingBits = quantizesEmbeddings ? bits : 16;
    long readEmbeddings = architecture.tiedEmbeddings() ? embeddingElements
        : embeddingElements - (long) architecture.vocabSize() * architecture.hiddenSize() + architecture.hiddenSize();
    return (long) Math.ceil(activeLinearElements * bits / 8 + readEmbeddings * embeddingBits / 8
        + smallElements * 2.0);
  }

  static long tensorBytes(TensorSpec t, GgmlType type) {
    return Math.multiplyExact(t.rows(), type.bytesFor(t.ne0()));
  }

  static long padded(long bytes) {
    return (bytes + TENSOR_ALIGNMENT - 1) / TENSOR_ALIGNMENT * TENSOR_ALIGNMENT;
  }
}
