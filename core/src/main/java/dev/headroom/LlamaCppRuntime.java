package dev.headroom;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The llama.cpp settings that decide its buffers: backend, flash attention, offloaded layers, batch sizes, how many
 * logits a batch keeps, and the KV cache layout. {@link Estimator#runtime(LlamaCppRuntime)} sizes memory with them.
 *
 * <p>{@link #defaults()} are libllama's own defaults (as used by the measurements in {@code llamacpp-buffers.csv}):
 * a GPU backend with every layer offloaded, flash attention on (llama.cpp's "auto" turns it on where supported),
 * {@code n_batch} 2048, {@code n_ubatch} 512, logits for every token of a micro-batch ({@code n_outputs_max} =
 * {@code n_batch}), one KV stream per sequence, sliding-window caches at their window size, weights memory-mapped.
 * llama-server keeps logits for {@code --parallel} tokens only, which shrinks the compute buffer: set
 * {@link #withOutputs(int)}.
 *
 * <p>Fixed backend costs are a named assumption ({@link #runtimeReserve()}): none on CPU and Metal; 256 MiB on
 * CUDA, ROCm and Vulkan for the driver context and library workspaces (gguf-parser-go budgets 250 MiB of VRAM,
 * Ollama 457 MiB; llama.cpp's source states no figure).
 *
 * <pre>{@code
 * LlamaCppRuntime cpu = LlamaCppRuntime.defaults().withBackend(Backend.CPU).withFlashAttention(false);
 * MemoryEstimate m = Estimator.of(model).runtime(cpu).context(8192).vram();
 * }</pre>
 */
public final class LlamaCppRuntime {
  /** llama.cpp pads the context to 256 cells. */
  static final int CONTEXT_PADDING = 256;
  /** The assumed fixed cost of a GPU backend other than Metal. */
  public static final Bytes GPU_RESERVE = Bytes.ofMebibytes(256);

  private static final LlamaCppRuntime DEFAULTS =
      new LlamaCppRuntime(Backend.CUDA, true, -1, 2048, 512, 0, false, false, true, null);

  private final Backend backend;
  private final boolean flashAttention;
  private final int gpuLayers;
  private final int batch;
  private final int ubatch;
  private final int outputs;
  private final boolean kvUnified;
  private final boolean swaFull;
  private final boolean mmap;
  private final @Nullable Bytes reserve;

  private LlamaCppRuntime(Backend backend, boolean flashAttention, int gpuLayers, int batch, int ubatch, int outputs,
      boolean kvUnified, boolean swaFull, boolean mmap, @Nullable Bytes reserve) {
    this.backend = backend;
    this.flashAttention = flashAttention;
    this.gpuLayers = gpuLayers;
    this.batch = batch;
    this.ubatch = ubatch;
    this.outputs = outputs;
    this.kvUnified = kvUnified;
    this.swaFull = swaFull;
    this.mmap = mmap;
    this.reserve = reserve;
  }

  /**
   * libllama's defaults on a GPU backend (see the class description).
   *
   * @return the default settings
   */
  public static LlamaCppRuntime defaults() {
    return DEFAULTS;
  }

  /**
   * A copy on another backend. This instance is unaffected.
   *
   * @param backend the backend, not null
   * @return a new runtime on that backend
   */
  public LlamaCppRuntime withBackend(Backend backend) {
    Checks.requireNonNull(backend, "backend");
    return new LlamaCppRuntime(backend, flashAttention, gpuLayers, batch, ubatch, outputs, kvUnified, swaFull, mmap,
        reserve);
  }

  /**
   * A copy with flash attention on or off ({@code -fa}); a quantized V cache needs it on.
   *
   * @param on true for flash attention on
   * @return a new runtime with that setting
   */
  public LlamaCppRuntime withFlashAttention(boolean on) {
    return new LlamaCppRuntime(backend, on, gpuLayers, batch, ubatch, outputs, kvUnified, swaFull, mmap, reserve);
  }

  /**
   * A copy offloading {@code layers} layers to the GPU ({@code -ngl}); -1 offloads all. llama.cpp offloads the
   * last repeating layers first, and the output layer only when every repeating layer is offloaded ({@code -ngl}
   * above the layer count); the token embeddings always stay in system memory.
   *
   * @param layers -1, or 0 to 4097
   * @return a new runtime with that layer count
   */
  public LlamaCppRuntime withGpuLayers(int layers) {
    Checks.requireInRange(layers, -1, 4097, "gpuLayers", "layers");
    return new LlamaCppRuntime(backend, flashAttention, layers, batch, ubatch, outputs, kvUnified, swaFull, mmap,
        reserve);
  }

  /**
   * A copy with other batch sizes ({@code -b}, {@code -ub}).
   *
   * @param batch logical batch, 1 to 1,048,576
   * @param ubatch physical micro-batch, 1 to {@code batch}
   * @return a new runtime with those batch sizes
   */
  public LlamaCppRuntime withBatch(int batch, int ubatch) {
    Checks.requireInRange(batch, 1, 1 << 20, "batch", "tokens");
    Checks.requireInRange(ubatch, 1, batch, "ubatch", "tokens");
    return new LlamaCppRuntime(backend, flashAttention, gpuLayers, batch, ubatch, outputs, kvUnified, swaFull, mmap,
        reserve);
  }

  /**
   * A copy keeping logits for at most {@code outputs} tokens per batch ({@code n_outputs_max}; llama-server uses
   * {@code --parallel}); 0 means the batch size.
   *
   * @param outputs 0 to 1,048,576
   * @return a new runtime with that logits limit
   */
  public LlamaCppRuntime withOutputs(int outputs) {
    Checks.requireInRange(outputs, 0, 1 << 20, "outputs", "tokens");
    return new LlamaCppRuntime(backend, flashAttention, gpuLayers, batch, ubatch, outputs, kvUnified, swaFull, mmap,
        reserve);
  }

  /**
   * A copy with one KV stream shared by all sequences ({@code --kv-unified}) or one per sequence.
   *
   * @param unified true for one stream shared by all sequences, false for one per sequence
   * @return a new runtime with that layout
   */
  public LlamaCppRuntime withKvUnified(boolean unified) {
    return new LlamaCppRuntime(backend, flashAttention, gpuLayers, batch, ubatch, outputs, unified, swaFull, mmap,
        reserve);
  }

  /**
   * A copy keeping full-size caches for sliding-window layers ({@code --swa-full}).
   *
   * @param full true for full-size caches, false for caches of the window size
   * @return a new runtime with that setting
   */
  public LlamaCppRuntime withSwaFull(boolean full) {
    return new LlamaCppRuntime(backend, flashAttention, gpuLayers, batch, ubatch, outputs, kvUnified, full, mmap,
        reserve);
  }

  /**
   * A copy with memory-mapped weights on or off ({@code --no-mmap}).
   *
   * @param on true to memory-map the weights, false to load them ({@code --no-mmap})
   * @return a new runtime with that setting
   */
  public LlamaCppRuntime withMmap(boolean on) {
    return new LlamaCppRuntime(backend, flashAttention, gpuLayers, batch, ubatch, outputs, kvUnified, swaFull, on,
        reserve);
  }

  /**
   * A copy with another fixed backend cost instead of the assumed one.
   *
   * @param bytes the fixed cost of the backend's context and workspaces, not null
   * @return a new runtime with that reserve
   */
  public LlamaCppRuntime withRuntimeReserve(Bytes bytes) {
    Checks.requireNonNull(bytes, "bytes");
    return new LlamaCppRuntime(backend, flashAttention, gpuLayers, batch, ubatch, outputs, kvUnified, swaFull, mmap,
        bytes);
  }

  /**
   * The backend.
   *
   * @return the backend
   */
  public Backend backend() {
    return backend;
  }

  /**
   * Whether flash attention is on.
   *
   * @return true if flash attention is on
   */
  public boolean flashAttention() {
    return flashAttention;
  }

  /**
   * Layers offloaded to the GPU, -1 for all.
   *
   * @return the offloaded layer count ({@code -ngl}), or -1 for all
   */
  public int gpuLayers() {
    return gpuLayers;
  }

  /**
   * The layers offloaded of a model with {@code layers} repeating layers: all of them and the output layer, unless
   * {@link #gpuLayers()} caps the count.
   */
  int offloadedLayers(int layers) {
    return gpuLayers < 0 ? layers + 1 : Math.min(gpuLayers, layers + 1);
  }

  /**
   * The logical batch size.
   *
   * @return the logical batch size ({@code -b}), in tokens
   */
  public int batch() {
    return batch;
  }

  /**
   * The micro-batch size.
   *
   * @return the physical micro-batch size ({@code -ub}), in tokens
   */
  public int ubatch() {
    return ubatch;
  }

  /**
   * The most logits kept per batch, 0 meaning the batch size.
   *
   * @return the logits limit per batch, or 0 for the batch size
   */
  public int outputs() {
    return outputs;
  }

  /**
   * Whether all sequences share one KV stream.
   *
   * @return true for one KV stream shared by all sequences, false for one per sequence
   */
  public boolean kvUnified() {
    return kvUnified;
  }

  /**
   * Whether sliding-window layers keep a full-size cache.
   *
   * @return true if sliding-window layers cache the whole context
   */
  public boolean swaFull() {
    return swaFull;
  }

  /**
   * Whether weights are memory-mapped.
   *
   * @return true if the weights are memory-mapped
   */
  public boolean mmap() {
    return mmap;
  }

  /**
   * The fixed backend cost: as set, or the assumption for the backend (see the class description).
   *
   * @return the fixed cost of the backend's context and workspaces
   */
  public Bytes runtimeReserve() {
    Bytes set = reserve;
    if (set != null) {
      return set;
    }
    return backend == Backend.CPU || backend == Backend.METAL ? Bytes.ZERO : GPU_RESERVE;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LlamaCppRuntime)) {
      return false;
    }
    LlamaCppRuntime r = (LlamaCppRuntime) o;
    return backend == r.backend && flashAttention == r.flashAttention && gpuLayers == r.gpuLayers && batch == r.batch
        && ubatch == r.ubatch && outputs == r.outputs && kvUnified == r.kvUnified && swaFull == r.swaFull
        && mmap == r.mmap && java.util.Objects.equals(reserve, r.reserve);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(backend, flashAttention, gpuLayers, batch, ubatch, outputs);
  }

  /** For example {@code "llama.cpp{cuda, fa=on, ngl=all, batch=2048, ubatch=512}"}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "llama.cpp{%s, fa=%s, ngl=%s, batch=%d, ubatch=%d%s%s%s}",
        backend.name().toLowerCase(Locale.ROOT), flashAttention ? "on" : "off",
        gpuLayers < 0 ? "all" : Integer.toString(gpuLayers), batch, ubatch,
        outputs > 0 ? ", outputs=" + outputs : "", kvUnified ? ", kv-unified" : "", swaFull ? ", swa-full" : "");
  }
}
