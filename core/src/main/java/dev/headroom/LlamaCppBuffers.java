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
   * The buffers for {@code sequences} sequences of {@code context} tokens each, one by one as llama.cpp logs them (K,
   * V, sliding-window, compute, output, cells): the breakdown its measured logs are checked against. Estimates and
   * placement use the totals, {@link #kvBytes}, {@link #computeBytes} and {@link #outputBytes}, without this object.
   *
   * @throws IllegalStateException when llama.cpp would refuse the context (a quantized V cache without flash
   *     attention)
   */
  static LlamaCppBuffers of(Architecture a, ModelTables t, int context, int sequences, KvCacheType typeK,
      KvCacheType typeV, LlamaCppRuntime r) {
    requireSupported(a, typeV, r);
    long cells = contextCells(context, sequences, r);
    long swaCells = slidingCells(a, cells, context, sequences, r);
    int streams = streams(sequences, r);
    long rowK = typeK.rowBytes(a.kvKeyElements());
    long rowV = vRowBytes(a, typeV);
    long swa = Math.addExact(exact(rowK, swaCells, streams, t.slidingKvLayers()),
        exact(rowV, swaCells, streams, t.slidingKvLayers()));
    return new LlamaCppBuffers(keyBytes(a, t, cells, swaCells, streams, sequences, rowK),
        cacheBytes(t, cells, swaCells, streams, rowV), swa, computeBytes(a, t, context, sequences, typeK, typeV, r),
        outputBytes(a, sequences), cells);
  }

  /**
   * The K and V caches of {@link #of} together, without the other buffers or an object to hold them: an estimate
   * that needs only the totals allocates nothing here.
   *
   * @throws IllegalStateException as {@link #of} does
   */
  static long kvBytes(Architecture a, ModelTables t, int context, int sequences, KvCacheType typeK,
      KvCacheType typeV, LlamaCppRuntime r) {
    requireSupported(a, typeV, r);
    long cells = contextCells(context, sequences, r);
    long swaCells = slidingCells(a, cells, context, sequences, r);
    int streams = streams(sequences, r);
    return Math.addExact(keyBytes(a, t, cells, swaCells, streams, sequences, typeK.rowBytes(a.kvKeyElements())),
        cacheBytes(t, cells, swaCells, streams, vRowBytes(a, typeV)));
  }

  /** llama.cpp refuses a quantized V cache without flash attention (MLA caches no V). */
  private static void requireSupported(Architecture a, KvCacheType typeV, LlamaCppRuntime r) {
    if (!r.flashAttention() && typeV.isQuantized() && a.mla() == null) {
      throw new IllegalStateException("kvType " + typeV.optionName() + " for V needs flash attention: llama.cpp "
          + "refuses a quantized V cache without it (set flash attention on, or use f16 for V)");
    }
  }

  /** The K cache of every layer and stream, with the recurrent state of every sequence. */
  private static long keyBytes(Architecture a, ModelTables t, long cells, long swaCells, int streams, int sequences,
      long row) {
    RecurrentLayers rec = a.recurrent();
    long state = rec == null ? 0 : exact(rec.stateBytesPerSequence(), t.recurrentLayers(), sequences, 1);
    return Math.addExact(cacheBytes(t, cells, swaCells, streams, row), state);
  }

  /**
   * A cache of {@code row} bytes per cell in every layer and stream: {@code cells} per stream in the full-attention
   * layers, {@code swaCells} in the sliding-window ones.
   */
  private static long cacheBytes(ModelTables t, long cells, long swaCells, int streams, long row) {
    return Math.addExact(exact(row, cells, streams, t.fullKvLayers()), exact(row, swaCells, streams,
        t.slidingKvLayers()));
  }

  /** The cells of one stream of a full-attention cache: the context padded, then split per sequence unless unified. */
  private static long contextCells(int context, int sequences, LlamaCppRuntime r) {
    long cells = pad((long) context * sequences, LlamaCppRuntime.CONTEXT_PADDING);
    return r.kvUnified() ? cells : pad(cells / sequences, LlamaCppRuntime.CONTEXT_PADDING);
  }

  /**
   * The cells of one stream of a sliding-window cache, given the full-attention one's {@code cells}: the window and a
   * micro-batch, padded; 0 without one.
   */
  private static long slidingCells(Architecture a, long cells, int context, int sequences, LlamaCppRuntime r) {
    SlidingWindow swa = a.slidingWindow();
    if (swa == null) {
      return 0;
    }
    return r.swaFull() ? cells : pad(Math.min(cells, (long) swa.window() * (r.kvUnified() ? sequences : 1)
        + microBatch(context, sequences, r)), LlamaCppRuntime.CONTEXT_PADDING);
  }

  /** One KV stream shared by all sequences, or one per sequence. */
  private static int streams(int sequences, LlamaCppRuntime r) {
    return r.kvUnified() ? 1 : sequences;
  }

  /** The logical batch: the runtime's, or every requested token when fewer. */
  private static long batch(int context, int sequences, LlamaCppRuntime r) {
    return Math.min((long) context * sequences, r.batch());
  }

  /** The micro-batch: the runtime's, or the whole batch when smaller. */
  private static long microBatch(int context, int sequences, LlamaCppRuntime r) {
    return Math.min(batch(context, sequences, r), r.ubatch());
  }

  /** The compute buffer: the largest peak of the graph allocator over the reserve graph of one micro-batch. */
  static long computeBytes(Architecture a, ModelTables t, int context, int sequences, KvCacheType typeK,
      KvCacheType typeV, LlamaCppRuntime r) {
    boolean fa = r.flashAttention();
    long ctxSeq = contextCells(context, sequences, r);
    long swaCells = slidingCells(a, ctxSeq, context, sequences, r);
    int streams = streams(sequences, r);
    long outputsMax = r.outputs() == 0 ? batch(context, sequences, r) : r.outputs();
    long tokens = Math.min(pad((long) context * sequences, LlamaCppRuntime.CONTEXT_PADDING),
        microBatch(context, sequences, r));
    long outTokens = Math.min(tokens, outputsMax);
    boolean mla = a.mla() != null;
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
    return Math.max(Math.max(attention, ffn), logits);
  }

  /** The output (logits) buffer: one row of the vocabulary per sequence. */
  static long outputBytes(Architecture a, int sequences) {
    return 4L * a.vocabSize() * sequences;
  }

  /** A product that can pass 2^63 at the extremes the setters allow: exact, so it throws, never wraps. */
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
