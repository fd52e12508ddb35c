package dev.headroom;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The part of a model that memory depends on: layer count and widths, attention layout, vocabulary, and the
 * optional mixture-of-experts, latent-attention, sliding-window and recurrent parts.
 *
 * <p>A GGUF file may hold more blocks than llama.cpp runs: GLM-4.5's converter appends its multi-token-prediction
 * (NextN) layers after the {@link #layers()} trunk, and llama.cpp skips them when it loads the model. They count in
 * the file and its parameters, not in memory.
 *
 * <p>{@link #arch()} is llama.cpp's architecture name ({@code general.architecture} in a GGUF file:
 * {@code llama}, {@code qwen2}, {@code gemma3}, {@code deepseek2}, …); it selects the tensor layout used for exact
 * weights. Unknown names get a generic llama-like layout.
 *
 * <pre>{@code
 * Architecture a = ModelSpec.builder("my-model").arch("qwen2").layers(28).hiddenSize(1536)
 *     .heads(12, 2).ffnSize(8960).vocabSize(151936).contextLength(131072).build().architecture();
 * int kvPerToken = a.kvHeads() * (a.headDimK() + a.headDimV());   // 512 elements per layer
 * int blocks = a.layers() + a.nextnLayers();                       // 28: no multi-token-prediction layers
 * }</pre>
 *
 * @param arch llama.cpp architecture name, not blank; kept lower case
 * @param layers transformer blocks, 1 to 4096
 * @param hiddenSize model width
 * @param attentionHeads query heads
 * @param kvHeads key/value heads; divides {@code attentionHeads} (grouped-query attention)
 * @param headDimK size of one key (and query) head
 * @param headDimV size of one value head
 * @param ffnSize intermediate size of the dense feed-forward network; 0 if every layer is MoE
 * @param vocabSize vocabulary entries
 * @param tiedEmbeddings whether the output head reuses the token embedding matrix
 * @param contextLength trained context length in tokens
 * @param moe the mixture-of-experts part, or null for a dense model
 * @param mla the latent-attention part, or null
 * @param slidingWindow the sliding-window part, or null
 * @param recurrent the recurrent (no KV cache) layers, or null
 * @param qkNorm whether the layers normalise each query and key head where the architecture makes that optional
 *     (GLM-4.5's {@code use_qk_norm}); Qwen3, Gemma 3 and OLMo-2 layers always do, and read false here whatever is
 *     given, so that every reader describes them alike
 * @param nextnLayers multi-token-prediction (NextN) layers the file holds after the trunk, which llama.cpp does not
 *     load; 0 to {@code 4096 − layers}
 */
public record Architecture(String arch, int layers, int hiddenSize, int attentionHeads, int kvHeads, int headDimK,
    int headDimV, int ffnSize, int vocabSize, boolean tiedEmbeddings, int contextLength,
    @Nullable MixtureOfExperts moe, @Nullable LatentAttention mla, @Nullable SlidingWindow slidingWindow,
    @Nullable RecurrentLayers recurrent, boolean qkNorm, int nextnLayers) {

  /**
   * The most parameters an architecture may have: 2<sup>50</sup>, a thousand times the largest released model, so
   * that every tensor's bytes and their sum fit in a {@code long} whatever the type.
   */
  public static final long MAX_PARAMETERS = 1L << 50;

  /**
   * Validates every component and their consistency.
   *
   * @param arch llama.cpp architecture name, not blank; kept lower case
   * @param layers transformer blocks, 1 to 4096
   * @param hiddenSize model width
   * @param attentionHeads query heads
   * @param kvHeads key/value heads; divides {@code attentionHeads} (grouped-query attention)
   * @param headDimK size of one key (and query) head
   * @param headDimV size of one value head
   * @param ffnSize intermediate size of the dense feed-forward network; 0 if every layer is MoE
   * @param vocabSize vocabulary entries
   * @param tiedEmbeddings whether the output head reuses the token embedding matrix
   * @param contextLength trained context length in tokens
   * @param moe the mixture-of-experts part, or null for a dense model
   * @param mla the latent-attention part, or null
   * @param slidingWindow the sliding-window part, or null
   * @param recurrent the recurrent (no KV cache) layers, or null
   * @param qkNorm whether the layers normalise each query and key head where the architecture makes that optional
   * @param nextnLayers multi-token-prediction layers after the trunk, which llama.cpp does not load; 0 to
   *     {@code 4096 − layers}
   * @throws IllegalArgumentException naming the component out of its range, or when the dimensions describe more
   *     than {@link #MAX_PARAMETERS} parameters
   */
  public Architecture {
    Checks.requireNonBlank(arch, "arch");
    // llama.cpp's names are lower case; every rule keyed on the name compares this one form.
    arch = arch.strip().toLowerCase(Locale.ROOT);
    qkNorm = qkNorm && !TensorInventory.alwaysNormsQk(arch);
    Checks.requireInRange(layers, 1, 4096, "layers", "");
    Checks.requireInRange(nextnLayers, 0, 4096 - layers, "nextnLayers", "");
    Checks.requireInRange(hiddenSize, 1, 1 << 20, "hiddenSize", "");
    Checks.requireInRange(attentionHeads, 1, 1 << 14, "attentionHeads", "");
    Checks.requireInRange(kvHeads, 1, attentionHeads, "kvHeads", "");
    if (attentionHeads % kvHeads != 0) {
      throw new IllegalArgumentException(
          "kvHeads must divide attentionHeads (" + attentionHeads + ") but was " + kvHeads);
    }
    Checks.requireInRange(headDimK, 1, 1 << 14, "headDimK", "");
    Checks.requireInRange(headDimV, 1, 1 << 14, "headDimV", "");
    Checks.requireInRange(ffnSize, moe == null ? 1 : 0, 1 << 22, "ffnSize", "");
    Checks.requireInRange(vocabSize, 1, 1 << 26, "vocabSize", "tokens");
    Checks.requireInRange(contextLength, 1, Estimator.MAX_CONTEXT, "contextLength", "tokens");
    if (moe != null && moe.hasDenseLayers() && ffnSize == 0) {
      throw new IllegalArgumentException("ffnSize must be positive when some layers are dense ("
          + moe.leadingDenseLayers() + " leading, MoE every " + moe.layerStep() + ") but was 0");
    }
    // A NextN layer is a whole layer plus its input projection and its own embedding and output head copies.
    double parameters = parameterBound(layers + nextnLayers, hiddenSize, attentionHeads, kvHeads, headDimK,
        headDimV, ffnSize, vocabSize, moe, mla) + 2.0 * nextnLayers * ((double) vocabSize + hiddenSize) * hiddenSize;
    if (parameters > MAX_PARAMETERS) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "the dimensions describe about %.3g "
          + "parameters; at most %d are supported", parameters, MAX_PARAMETERS));
    }
  }

  /**
   * An upper bound of the parameters, from every weight matrix a layer can have (attention or latent attention,
   * the dense FFN and every expert) and the embeddings; in doubles, so that it cannot overflow.
   */
  private static double parameterBound(double layers, double h, double heads, double kvHeads, double k, double v,
      double ffn, double vocab, @Nullable MixtureOfExperts moe, @Nullable LatentAttention mla) {
    double layer = h * (heads * k + kvHeads * (k + v) + heads * v) + 3 * h * ffn + 16 * h;
    if (mla != null) {
      double qHead = (double) mla.nopeHeadDim() + mla.ropeHeadDim();
      layer += (h + heads * qHead) * mla.qLoraRank() + h * heads * qHead
          + (h + heads * ((double) mla.nopeHeadDim() + mla.vHeadDim())) * mla.cachedElementsPerToken();
    }
    if (moe != null) {
      layer += 3 * h * ((double) (moe.experts() + moe.sharedExperts()) * moe.expertFfnSize()
          + moe.sharedExpertFfnSize()) + h * moe.experts();
    }
    return layers * layer + 2 * vocab * h;
  }

  /** The blocks a GGUF file holds ({@code <arch>.block_count}): the trunk and the NextN layers. */
  int blockCount() {
    return layers + nextnLayers;
  }

  /**
   * Whether layer {@code layer} (0-based) keeps a KV cache (it is not a recurrent layer).
   *
   * @param layer the 0-based layer index
   * @return true unless that layer is a recurrent layer without a KV cache
   */
  public boolean hasKvCache(int layer) {
    return recurrent == null || !recurrent.isRecurrent(layer);
  }

  /**
   * Whether layer {@code layer} keeps only a sliding window of tokens.
   *
   * @param layer the 0-based layer index
   * @return true if that layer caches only the last {@link SlidingWindow#window()} tokens
   */
  public boolean isSliding(int layer) {
    return slidingWindow != null && slidingWindow.isSliding(layer);
  }

  /**
   * Whether layer {@code layer} (0-based) uses routed experts rather than a dense FFN.
   *
   * @param layer the 0-based layer index
   * @return true if that layer routes tokens to experts, false for a dense feed-forward layer
   */
  public boolean isMoeLayer(int layer) {
    return moe != null && moe.isMoeLayer(layer);
  }

  /**
   * Key elements cached per token in one layer: {@code kvHeads × headDimK}, or the latent for MLA.
   *
   * @return the key elements one layer caches per token
   */
  public int kvKeyElements() {
    return mla != null ? mla.cachedElementsPerToken() : kvHeads * headDimK;
  }

  /**
   * Value elements per token in one layer: {@code kvHeads × headDimV}, or the latent for MLA (which llama.cpp caches
   * once, as K, with no V rows).
   *
   * @return the value elements one layer caches per token
   */
  public int kvValueElements() {
    return mla != null ? mla.kvLoraRank() : kvHeads * headDimV;
  }
}
