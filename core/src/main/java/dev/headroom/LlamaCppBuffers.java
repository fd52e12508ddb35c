package dev.headroom;

/**
 * llama.cpp's buffers for one context, byte for byte where the runtime is deterministic: the KV cache (context
 * padded to 256 cells, sliding-window caches at {@code pad(window + n_ubatch, 256)}, MLA caching the latent as K
 * only), the output (logits) buffer, and the compute buffer as the largest of the graph allocator's peaks
 * (attention scores without flash attention, logits, feed-forward, flash-attention block).
 *
 * <p>Rules read from llama.cpp (node-llama-cpp 3.22.1's bundle, tag v0.5.0, commit de3ff815:
 * {@code src/llama-context.cpp}, {@code src/llama-kv-cache.cpp}, {@code src/llama-kv-cache-iswa.cpp},
 * {@code ggml/src/ggml-alloc.c}) and checked against its own buffer sizes: KV and output exact, compute within 1 %
 * on every row of {@code llamacpp-buffers.csv} and {@code llamacpp-buffers-archs.csv}.
 */
final class LlamaCppBuffers {
  /** The CPU buffer type's tensor alignment. */
  private static final long ALIGN = 32;

  final long kvBytes;
  final long kvSwaBytes;
  final long kBytes;
  final long vBytes;
  final long computeBytes;
  final long outputBytes;
  final long contextCells;

  private LlamaCppBuffers(long kBytes, long vBytes, long kvSwaBytes, long computeBytes, long outputBytes,
      long contextCells) {
    this.kBytes = kBytes;
    this.vBytes = vBytes;
    this.kvBytes = Math.addExact(kBytes, vBytes);
    this.kvSwaBytes = kvSwaBytes;
    this.computeBytes = computeBytes;
    this.outputBytes = outputBytes;
    this.contextCells = contextCells;
  }

  /** Bytes of one layer's V row per token: none with MLA, whose latent llama.cpp caches as K only. */
  static long vRowBytes(Architecture a, KvCacheType typeV) {
    return a.mla() != null ? 0 : typeV.rowBytes(a.kvValueElements());
  }

  /**
   * The buffers for {@code sequences} sequences of {@code context} tokens each.
   *
   * @throws IllegalStateException when llama.cpp would refuse the context (a quantized V cache without flash
   *     attention)
   */
  static LlamaCppBuffers of(Architecture a, ModelTables t, int context, int sequences, KvCacheType typeK,
      KvCacheType typeV, LlamaCppRuntime r) {
    boolean fa = r.flashAttention();
    if (!fa && typeV.isQuantized() && a.mla() == null) {
      throw new IllegalStateException("kvType " + typeV.optionName() + " for V needs flash attention: llama.cpp "
          + "refuses a quantized V cache without it (set flash attention on, or use f16 for V)");
    }
    long requested = (long) context * sequences;
    int nSeq = sequences;
    long nCtx = pad(requested, LlamaCppRuntime.CONTEXT_PADDING);
    long ctxSeq = r.kvUnified() ? nCtx : pad(nCtx / nSeq, LlamaCppRuntime.CONTEXT_PADDING);
    int streams = r.kvUnified() ? 1 : nSeq;
    long batch = Math.min(requested, r.batch());
    long ubatch = Math.min(batch, r.ubatch());
    long outputsMax = r.outputs() == 0 ? batch : r.outputs();

    // KV cache
    boolean mla = a.mla() != null;
    long kRow = typeK.rowBytes(a.kvKeyElements());
    long vRow = vRowBytes(a, typeV);
    SlidingWindow swa = a.slidingWindow();
    long swaCells = 0;
    if (swa != null) {
      swaCells = r.swaFull() ? ctxSeq : pad(Math.min(ctxSeq, (long) swa.window() * (r.kvUnified() ? nSeq : 1)
          + ubatch), LlamaCppRuntime.CONTEXT_PADDING);
    }
    // The products that can pass 2^63 at the extremes the setters allow are exact, so they throw, never wrap.
    long fullK = exact(kRow, ctxSeq, streams, t.fullKvLayers());
    long fullV = exact(vRow, ctxSeq, streams, t.fullKvLayers());
    long swaK = exact(kRow, swaCells, streams, t.slidingKvLayers());
    long swaV = exact(vRow, swaCells, streams, t.slidingKvLayers());
    RecurrentLayers rec = a.recurrent();
    long state = rec == null ? 0 : exact(rec.stateBytesPerSequence(), t.recurrentLayers(), nSeq, 1);

    // Compute buffer: the largest peak of the graph allocator over the reserve graph of T tokens.
    long tokens = Math.min(nCtx, ubatch);
    long outTokens = Math.min(tokens, outputsMax);
    long e = a.hiddenSize();
    long hq = a.attentionHeads();
    long dk = mla ? (long) a.mla().nopeHeadDim() + a.mla().ropeHeadDim() : a.headDimK();
    boolean kRot = typeK.isQuantized() && dk % 64 == 0;
    boolean vRot = typeV.isQuantized() && !mla && a.headDimV() % 64 == 0;
    long inputs = al(4 * tokens) + al(4 * e * tokens) + al(4 * tokens);
    long maxCells = Math.max(t.fullKvLayers() > 0 ? ctxSeq : 0, t.slidingKvLayers() > 0 ? swaCells : 0);
    int caches = (t.fullKvLayers() > 0 ? 1 : 0) + (t.slidingKvLayers() > 0 ? 1 : 0);
    for (int c = 0; c < caches; c++) {
      long cells = caches == 2 && c == 1 ? swaCells : (t.fullKvLayers() > 0 ? ctxSeq : swaCells);
      if (kRot) {
        long rot = 64;
        while (dk % (rot * 2) == 0) {
          rot *= 2;
        }
        inputs += al(4 * rot * rot);
      }
      if (vRot) {
        inputs += al(4 * 64 * 64);
      }
      inputs += al(8 * tokens);
      inputs += fa ? al(8 * tokens) : al(8 * (long) a.kvValueElements() * tokens);
      inputs += al(cells * streams * (tokens / streams) * (fa ? 2 : 4));
    }
    inputs += al(4 * outTokens);
    long residual = al(4 * e * tokens);
    long query = al(4 * hq * dk * tokens);
    long attention = fa ? inputs + residual + al(4 * e * tokens) + 3 * query
        : Math.addExact(inputs + residual + al(4 * e * tokens) + (kRot ? 0 : query) + query,
            al(exact(4 * maxCells, streams, tokens / streams, hq)));
    String arch = a.arch();
    long region;
    if (arch.equals("gemma2") || arch.equals("gemma3")) {
      region = 2 * residual + (fa && !vRot ? query : 2 * query);
    } else if (arch.equals("qwen3") || arch.equals("qwen3moe")) {
      region = 2 * residual + (fa ? query : 0);
    } else {
      region = 2 * residual + (fa && !vRot ? query : 0);
    }
    long ffn = 0;
    MixtureOfExperts moe = a.moe();
    if (a.ffnSize() > 0 && (moe == null || moe.hasDenseLayers())) {
      ffn = inputs + region + 3 * al(4L * a.ffnSize() * tokens);
    }
    if (moe != null) {
      long k = moe.expertsPerToken();
      ffn = Math.max(ffn, inputs + region + 3 * al(4L * moe.expertFfnSize() * k * tokens) + al(4 * e * k * tokens));
    }
    long logits = al(4 * tokens) + al(4 * e * tokens) + al(4 * e * outTokens) + al(4L * a.vocabSize() * outTokens);
    long compute = Math.max(Math.max(attention, ffn), logits);

    long output = 4L * a.vocabSize() * nSeq;
    return new LlamaCppBuffers(Math.addExact(Math.addExact(fullK, swaK), state), Math.addExact(fullV, swaV),
        swaK + swaV, compute, output, ctxSeq);
  }

  private static long exact(long a, long b, long c, long d) {
    return Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(a, b), c), d);
  }

  private static long pad(long x, long n) {
    return (x + n - 1) / n * n;
  }

  private static long al(long bytes) {
    return pad(bytes, ALIGN);
  }
}
