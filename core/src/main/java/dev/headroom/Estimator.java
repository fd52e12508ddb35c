package dev.headroom;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Estimates the memory, file size, decode speed and fit of one model at one configuration.
 *
 * <pre>{@code
 * MemoryEstimate m = Estimator.of(model).quant(Q4_K_M).context(131072).vram();
 * Fit fit = Estimator.of(model).quant(Q4_K_M).fit(rtx4090);
 * DecodeSpeed speed = Estimator.of(model).quant(Q4_K_M).decode(rtx4090);
 * }</pre>
 *
 * <p>An estimator is immutable and thread-safe: every configuration call returns a new copy, so a partly
 * configured estimator can be shared; the last call wins. Defaults: {@link Quantization#Q4_K_M}, a context of
 * {@value #DEFAULT_CONTEXT} tokens (the seed page's) per sequence, one sequence, an {@link KvCacheType#F16} KV
 * cache, the {@link EstimationMethod#EXACT} method with llama.cpp's buffers ({@link LlamaCppRuntime#defaults()}).
 *
 * <p>Modelling assumptions, each overridable: the runtime's fixed cost ({@link LlamaCppRuntime#runtimeReserve()};
 * the seed method's flat {@link #SEED_OVERHEAD}; {@link #overhead(Bytes)} replaces either); the speed constants
 * ({@link SpeedCalibration}, fitted per backend class; the seed method keeps its 0.65 on NVIDIA, 0.55 elsewhere and
 * ±20 %; {@link #speedCalibration(SpeedCalibration)} and {@link #efficiency(double)} replace them); and the
 * verdict thresholds ({@link #verdictThresholds(double, double)}).
 *
 * <p>Every figure is an exact {@code long} of bytes. A configuration whose memory passes 2<sup>63</sup> bytes (only
 * the widest models the builder accepts, at contexts and sequence counts near the limits) makes the methods that
 * size memory throw {@link ArithmeticException} naming the model, context and sequences; the reverse questions
 * ({@link #longestContext}, {@link #maxParallel}, {@link #bestQuantization}) count it as not fitting.
 */
public final class Estimator {
  /** The longest context accepted, in tokens (2<sup>24</sup>, above every released model's). */
  public static final int MAX_CONTEXT = 1 << 24;
  /** The context used unless set: the seed page's 2,048 tokens. */
  public static final int DEFAULT_CONTEXT = 2048;
  /** The most parallel sequences accepted. */
  public static final int MAX_PARALLEL = 4096;
  /** The seed page's flat framework overhead: 0.3 GB (decimal). */
  public static final Bytes SEED_OVERHEAD = Bytes.of(0.3, ByteUnit.GB);
  /** The seed page's decode efficiency on NVIDIA GPUs. */
  public static final double NVIDIA_EFFICIENCY = 0.65;
  /** The seed page's decode efficiency on AMD GPUs, used for every vendor but NVIDIA. */
  public static final double OTHER_EFFICIENCY = 0.55;
  /** The half-width of the typical speed range, as a share of the estimate (the seed's ±20 %). */
  public static final double SPEED_BAND = 0.20;

  private final ModelSpec model;
  private final Quantization quant;
  private final int context;
  private final int parallel;
  private final Settings settings;
  /*
   * The figures every device shares, sized once by sizeOnce(): a catalog query asks every device the same question.
   * Kept as numbers, not as a MemoryEstimate: the results built from them on each call stay in registers when the
   * caller reads only a verdict, a total or a speed (escape analysis), so an estimate allocates no more than this
   * estimator. The flag "sized" is volatile and written last, so a thread that sees it set sees every figure; a
   * thread that races another computes the same figures again. The two errors are volatile too: racing threads
   * store different exception objects, which have no final fields to publish them.
   */
  private long sizedWeights;
  private long sizedKvCache;
  private long sizedCompute;
  private long sizedOutput;
  private long sizedFixedCost;
  /** Why the memory could not be sized (overflow, or a cache llama.cpp refuses); null when it was. */
  private volatile @Nullable RuntimeException memoryError;
  /** The weights' tensor data, as the file holds it. */
  private long sizedTensors;
  /** The bytes one generated token reads, of which KV cache, and its FLOPs. */
  private long sizedTokenBytes;
  private long sizedKvRead;
  private double sizedTokenFlops;
  /** The overflow of the bytes per token; null when they fit. */
  private volatile @Nullable ArithmeticException tokenError;
  private volatile boolean sized;

  private Estimator(ModelSpec model, Quantization quant, int context, int parallel, Settings settings) {
    this.model = model;
    this.quant = quant;
    this.context = context;
    this.parallel = parallel;
    this.settings = settings;
  }

  /**
   * The settings a query rarely changes, shared by the copies that the frequent calls ({@link #quant},
   * {@link #context}, {@link #parallel}) make: each of those allocates one small estimator.
   */
  /**
   * The settings an estimator copies rarely: each copy is a clone with one field set before the new estimator is
   * made, and never written after, so the estimator's final field publishes it safely.
   */
  private static final class Settings implements Cloneable {
    static final Settings DEFAULTS = new Settings();

    KvCacheType kvTypeK = KvCacheType.F16;
    KvCacheType kvTypeV = KvCacheType.F16;
    EstimationMethod method = EstimationMethod.EXACT;
    LlamaCppRuntime runtime = LlamaCppRuntime.defaults();
    @Nullable FileWeights fileWeights;
    @Nullable SpeedCalibration speedCalibration;
    MultiGpu multiGpu = MultiGpu.LAYER_SPLIT;
    @Nullable Bytes overhead;
    /** The decode efficiency override; NaN for none. */
    double efficiency = Double.NaN;
    double greatShare = 0.70;
    double wellShare = 0.90;

    Settings copy() {
      try {
        return (Settings) clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }

  /**
   * Starts an estimate for a model with the defaults.
   *
   * @param model the model, not null
   * @return an estimator for {@code model}
   */
  public static Estimator of(ModelSpec model) {
    Checks.requireNonNull(model, "model");
    return new Estimator(model, Quantization.Q4_K_M, DEFAULT_CONTEXT, 1, Settings.DEFAULTS);
  }

  /** A copy with other settings. */
  private Estimator with(Settings settings) {
    return new Estimator(model, quant, context, parallel, settings);
  }

  /**
   * A copy with another quantization. This instance is unaffected.
   *
   * @param quant the quantization of the weights, not null
   * @return a new estimator with that quantization
   */
  public Estimator quant(Quantization quant) {
    Checks.requireNonNull(quant, "quant");
    return new Estimator(model, quant, context, parallel, settings);
  }

  /**
   * A copy with another context length per sequence.
   *
   * @param tokens 1 to {@value #MAX_CONTEXT}
   * @return a new estimator with that context length
   */
  public Estimator context(int tokens) {
    Checks.requireInRange(tokens, 1, MAX_CONTEXT, "context", "tokens");
    return new Estimator(model, quant, tokens, parallel, settings);
  }

  /**
   * A copy serving {@code sequences} sequences at once, each with the full context (llama.cpp
   * {@code --parallel} with {@code -c} = context × sequences).
   *
   * @param sequences 1 to {@value #MAX_PARALLEL}
   * @return a new estimator with that number of sequences
   */
  public Estimator parallel(int sequences) {
    Checks.requireInRange(sequences, 1, MAX_PARALLEL, "parallel", "sequences");
    return new Estimator(model, quant, context, sequences, settings);
  }

  /**
   * A copy with another KV cache type for keys and values alike.
   *
   * @param type the cache type of keys and values ({@code --cache-type-k} and {@code --cache-type-v}), not null
   * @return a new estimator with that cache type
   */
  public Estimator kvType(KvCacheType type) {
    Checks.requireNonNull(type, "type");
    return kvTypes(type, type);
  }

  /**
   * A copy with separate key and value cache types ({@code --cache-type-k}, {@code --cache-type-v}).
   *
   * @param keys the cache type of the keys, not null
   * @param values the cache type of the values, not null
   * @return a new estimator with those cache types
   */
  public Estimator kvTypes(KvCacheType keys, KvCacheType values) {
    Checks.requireNonNull(keys, "keys");
    Checks.requireNonNull(values, "values");
    Settings s = settings.copy();
    s.kvTypeK = keys;
    s.kvTypeV = values;
    return with(s);
  }

  /**
   * A copy with another method.
   *
   * @param method the estimation method, not null
   * @return a new estimator with that method
   */
  public Estimator method(EstimationMethod method) {
    Checks.requireNonNull(method, "method");
    Settings s = settings.copy();
    s.method = method;
    return with(s);
  }

  /**
   * A copy sizing llama.cpp's buffers with these settings (used by {@link EstimationMethod#EXACT}).
   *
   * @param runtime llama.cpp's settings, not null
   * @return a new estimator with those settings
   */
  public Estimator runtime(LlamaCppRuntime runtime) {
    Checks.requireNonNull(runtime, "runtime");
    Settings s = settings.copy();
    s.runtime = runtime;
    return with(s);
  }

  /**
   * A copy using the weights read from a GGUF file instead of predicting them for {@link #quant()} (the
   * {@link EstimationMethod#EXACT} method; the seed method ignores them).
   *
   * @param weights the weights of a GGUF file, as {@code GgufFile.weights()} in the catalog module reads them, not null
   * @return a new estimator with those weights
   */
  public Estimator fileWeights(FileWeights weights) {
    Checks.requireNonNull(weights, "weights");
    Settings s = settings.copy();
    s.fileWeights = weights;
    return with(s);
  }

  /**
   * A copy using these speed constants for every device instead of each backend class's fitted ones.
   *
   * @param calibration the speed constants, not null
   * @return a new estimator with those constants
   */
  public Estimator speedCalibration(SpeedCalibration calibration) {
    Checks.requireNonNull(calibration, "calibration");
    Settings s = settings.copy();
    s.speedCalibration = calibration;
    return with(s);
  }

  /**
   * A copy running on several GPUs ({@link Hardware#times(int)}) this way; {@link MultiGpu#LAYER_SPLIT} unless set.
   *
   * @param mode how several GPUs share the model, not null
   * @return a new estimator with that mode
   */
  public Estimator multiGpu(MultiGpu mode) {
    Checks.requireNonNull(mode, "mode");
    Settings s = settings.copy();
    s.multiGpu = mode;
    return with(s);
  }

  /**
   * A copy with a fixed runtime cost instead of the runtime's reserve (or the seed's 0.3 GB).
   *
   * @param bytes the runtime cost, not null
   * @return a new estimator with that overhead
   */
  public Estimator overhead(Bytes bytes) {
    Checks.requireNonNull(bytes, "bytes");
    Settings s = settings.copy();
    s.overhead = bytes;
    return with(s);
  }

  /**
   * A copy assuming decode achieves {@code share} of the memory bandwidth on every device.
   *
   * @param share in (0, 1]
   * @return a new estimator with that efficiency
   */
  public Estimator efficiency(double share) {
    Checks.requireInRange(share, 0, false, 1, "efficiency", "");
    Settings s = settings.copy();
    s.efficiency = share;
    return with(s);
  }

  /**
   * A copy with other verdict thresholds: up to {@code great} of usable memory runs great, up to {@code well} runs
   * well, up to 1 is tight.
   *
   * @param great in (0, 1]
   * @param well in [{@code great}, 1]
   * @return a new estimator with those thresholds
   */
  public Estimator verdictThresholds(double great, double well) {
    Checks.requireInRange(great, 0, false, 1, "great", "");
    Checks.requireInRange(well, great, true, 1, "well", "");
    Settings s = settings.copy();
    s.greatShare = great;
    s.wellShare = well;
    return with(s);
  }

  /**
   * The model.
   *
   * @return the model being estimated
   */
  public ModelSpec model() {
    return model;
  }

  /**
   * The quantization.
   *
   * @return the quantization of the weights
   */
  public Quantization quant() {
    return quant;
  }

  /**
   * The context per sequence, in tokens.
   *
   * @return the context length of one sequence, in tokens
   */
  public int context() {
    return context;
  }

  /**
   * The number of parallel sequences.
   *
   * @return the number of sequences served at once, 1 unless set
   */
  public int parallel() {
    return parallel;
  }

  /**
   * The KV cache type of the keys (and of the values, unless {@link #kvTypes} set them apart).
   *
   * @return the cache type of the keys
   */
  public KvCacheType kvType() {
    return settings.kvTypeK;
  }

  /**
   * The KV cache type of the values.
   *
   * @return the cache type of the values
   */
  public KvCacheType kvTypeV() {
    return settings.kvTypeV;
  }

  /**
   * The method.
   *
   * @return the estimation method, {@link EstimationMethod#EXACT} unless set
   */
  public EstimationMethod method() {
    return settings.method;
  }

  /**
   * How several GPUs share the model.
   *
   * @return the multi-GPU mode, {@link MultiGpu#LAYER_SPLIT} unless set
   */
  public MultiGpu multiGpu() {
    return settings.multiGpu;
  }

  /**
   * The llama.cpp settings the exact method sizes buffers with.
   *
   * @return llama.cpp's settings, {@link LlamaCppRuntime#defaults()} unless set
   */
  public LlamaCppRuntime runtime() {
    return settings.runtime;
  }

  /**
   * Memory of the weights, as loaded: the tensor data, plus, when llama.cpp's CPU backend runs layers from
   * memory-mapped weights, the copies it repacks for faster kernels.
   *
   * @return the memory of the weights
   */
  public Bytes weights() {
    size();
    return Bytes.ofBytes(sizedWeights);
  }

  private boolean exact() {
    return settings.method == EstimationMethod.EXACT;
  }

  /**
   * Memory of the KV cache (and recurrent state) for the context and parallel sequences.
   *
   * @return the memory of the KV cache and recurrent state
   */
  public Bytes kvCache() {
    return vram().kvCache();
  }

  /**
   * KV bytes of the context in every sequence, unpadded: what the seed method charges, and what one decode step
   * reads.
   */
  private long kvCacheBytes() {
    Architecture a = model.architecture();
    long sequences = parallel;
    if (!exact()) {
      long perToken = (settings.kvTypeK.rowBytes((long) a.kvHeads() * a.headDimK())
          + settings.kvTypeV.rowBytes((long) a.kvHeads() * a.headDimV())) * a.layers();
      return Math.multiplyExact(perToken, (long) context * sequences);
    }
    ModelTables t = model.tables();
    long perLayerToken = settings.kvTypeK.rowBytes(a.kvKeyElements())
        + LlamaCppBuffers.vRowBytes(a, settings.kvTypeV);
    long full = Math.multiplyExact(perLayerToken * t.fullKvLayers(), (long) context * sequences);
    SlidingWindow swa = a.slidingWindow();
    long slidingTokens = swa == null ? 0 : Math.min(context, swa.window());
    long sliding = Math.multiplyExact(perLayerToken * t.slidingKvLayers(), slidingTokens * sequences);
    RecurrentLayers r = a.recurrent();
    long state = r == null ? 0 : Math.multiplyExact(r.stateBytesPerSequence() * t.recurrentLayers(), sequences);
    return Math.addExact(Math.addExact(full, sliding), state);
  }

  /**
   * The memory the model needs, over every device it uses: weights + KV cache + overhead. With
   * {@link EstimationMethod#EXACT} these are llama.cpp's buffers for {@link #runtime()}; with
   * {@link EstimationMethod#SEED}, the seed page's terms.
   *
   * @return the memory, term by term
   * @throws IllegalStateException when llama.cpp would refuse the configuration (a quantized V cache without flash
   *     attention)
   * @throws ArithmeticException when the memory is more than a {@code long} of bytes holds
   */
  public MemoryEstimate vram() {
    return vramOn(1);
  }

  /**
   * The memory of {@code devices} GPUs together: with {@link EstimationMethod#EXACT} each keeps its own compute
   * buffer and runtime reserve. One allocation site for every count, so that where the JIT inlines this the result
   * need not be allocated: a result that may come from two sites is always allocated.
   */
  private MemoryEstimate vramOn(int devices) {
    size();
    RuntimeException error = memoryError;
    if (error != null) {
      throw memoryFailure(error);
    }
    long compute = sizedCompute;
    long fixed = sizedFixedCost;
    if (devices > 1 && exact()) {
      try {
        compute = Math.multiplyExact(compute, devices);
        fixed = Math.multiplyExact(fixed, devices);
        sumOfParts(sizedWeights, sizedKvCache, compute, sizedOutput, fixed);
      } catch (ArithmeticException e) {
        throw tooMuchMemory(e);
      }
    }
    return new MemoryEstimate(sizedWeights, sizedKvCache, compute, sizedOutput, fixed);
  }

  /** The parts' sum, which must fit in a long, as MemoryEstimate requires. */
  private static long sumOfParts(long weights, long kvCache, long compute, long output, long fixed) {
    return Math.addExact(Math.addExact(Math.addExact(weights, kvCache), Math.addExact(compute, output)), fixed);
  }

  /** The exception {@link #vram()} throws for why it could not size the memory: a new one on each call. */
  private RuntimeException memoryFailure(RuntimeException error) {
    return error instanceof ArithmeticException overflow ? tooMuchMemory(overflow)
        : new IllegalStateException(error.getMessage(), error);
  }

  /** Sizes the figures every device shares, unless done. */
  private void size() {
    if (!sized) {
      sizeOnce();
    }
  }

  /**
   * Sizes every figure the devices share in one pass, from the weights' source (a GGUF file's own figures, or those
   * predicted for the quantization) chosen once. Kept as one method on purpose: its bytecode is longer than the
   * 325 bytes up to which C2 inlines a hot method ({@code -XX:FreqInlineSize}), so it is never inlined into
   * {@link #vram()} or {@link #decode(Hardware)}. Those stay small enough to be inlined into their callers, where
   * the results they build need not be allocated: an estimate then allocates this estimator alone.
   */
  private void sizeOnce() {
    Architecture a = model.architecture();
    ModelTables t = model.tables();
    LlamaFileType ft = quant.fileType();
    FileWeights file = settings.fileWeights;
    long tensors;
    long active;
    long repack;
    if (file != null) {
      tensors = file.tensorBytes().bytes();
      active = file.activeBytes().bytes();
      repack = file.cpuRepackBytes().bytes();
    } else if (ft != null) {
      tensors = t.ggufTensorBytes(ft);
      active = t.ggufActiveBytes(ft);
      repack = t.cpuRepackBytes(ft);
    } else {
      tensors = t.otherFormatBytes(quant.bitsPerWeight(), quant.quantizesEmbeddings());
      active = t.otherFormatActiveBytes(quant.bitsPerWeight(), quant.quantizesEmbeddings());
      repack = 0;
    }
    sizedTensors = tensors;
    LlamaCppRuntime r = settings.runtime;
    if (exact()) {
      // llama.cpp's CPU backend repacks the weights of the layers (and output) it runs from memory-mapped files:
      // floor(repack × onCpu / n), taken apart as (q·n + rem) × onCpu / n so that the product cannot overflow.
      int layers = a.layers();
      int onGpu = r.backend().isGpu() ? r.offloadedLayers(layers) : 0;
      long n = layers + 1;
      long onCpu = r.mmap() ? Math.max(0, n - onGpu) : 0;
      // At most twice the tensors (the repacked copies are at most the tensors), which fit a long twice over: a
      // file's weights by FileWeights' check, predicted ones by Architecture.MAX_PARAMETERS.
      sizedWeights = tensors + repack / n * onCpu + repack % n * onCpu / n;
    } else {
      sizedWeights = Math.round(model.nominalParameters() * quant.bitsPerWeight() / 8);
    }
    // One generated token: 2 FLOPs per active weight and output-head weight plus attention at the context; it reads
    // the active weights and one sequence's KV cache.
    sizedTokenFlops = 2.0 * (t.activeMatmulElements() + (double) a.vocabSize() * a.hiddenSize())
        + attentionFlops(context);
    try {
      sizedKvRead = kvCacheBytes() / parallel;
      sizedTokenBytes = Math.addExact(active, sizedKvRead);
    } catch (ArithmeticException e) {
      tokenError = e;
    }
    // The memory: the seed page's terms, or llama.cpp's buffers as numbers (without the object place() needs).
    try {
      if (exact()) {
        KvCacheType k = settings.kvTypeK;
        KvCacheType v = settings.kvTypeV;
        sizedKvCache = LlamaCppBuffers.kvBytes(a, t, context, parallel, k, v, r);
        sizedCompute = LlamaCppBuffers.computeBytes(a, t, context, parallel, k, v, r);
        sizedOutput = LlamaCppBuffers.outputBytes(a, parallel);
        sizedFixedCost = runtimeReserve().bytes();
      } else {
        sizedKvCache = kvCacheBytes();
        sizedFixedCost = (settings.overhead != null ? settings.overhead : SEED_OVERHEAD).bytes();
      }
      sumOfParts(sizedWeights, sizedKvCache, sizedCompute, sizedOutput, sizedFixedCost);
    } catch (ArithmeticException | IllegalStateException e) {
      memoryError = e;
    }
    sized = true;
  }

  /** The overflow of a memory figure, naming the configuration rather than the sum that overflowed. */
  private ArithmeticException tooMuchMemory(ArithmeticException cause) {
    ArithmeticException e = new ArithmeticException(String.format(Locale.ROOT,
        "the memory of %s at %d tokens × %d sequences is more than %d bytes, the most a long holds", model.id(),
        context, parallel, Long.MAX_VALUE));
    e.initCause(cause);
    return e;
  }

  /** The runtime's fixed cost per GPU: the {@link #overhead(Bytes)} override, else the runtime's reserve. */
  Bytes runtimeReserve() {
    return settings.overhead != null ? settings.overhead : settings.runtime.runtimeReserve();
  }

  /**
   * The predicted download size. With {@link EstimationMethod#EXACT} and a GGUF type: the 32-byte-aligned tensor
   * data, multi-token-prediction layers included, plus an estimate of the header, metadata and tokenizer (or the
   * file's own size, given {@link #fileWeights}); for other formats the weights. With {@link EstimationMethod#SEED}:
   * the weights, as the seed page shows them.
   *
   * @return the predicted size of the file to download
   */
  public Bytes fileSize() {
    if (!exact()) {
      return weights();
    }
    FileWeights file = settings.fileWeights;
    if (file != null) {
      return file.fileBytes();
    }
    LlamaFileType ft = quant.fileType();
    if (ft == null) {
      size();
      return Bytes.ofBytes(sizedTensors);
    }
    return Bytes.ofBytes(Math.addExact(model.tables().ggufFileTensorBytes(ft), GgufMetadata.estimateBytes(model)));
  }

  /**
   * Whether the model fits {@code hardware}'s usable memory, with the verdict and headroom. On several GPUs
   * ({@link Hardware#times(int)}) with {@link EstimationMethod#EXACT}, each keeps its own compute buffer and runtime
   * reserve, as {@link #place} counts them; the weights and KV cache are shared out.
   *
   * @param hardware the device, not null
   * @return the verdict and the headroom on that device
   */
  public Fit fit(Hardware hardware) {
    Checks.requireNonNull(hardware, "hardware");
    return fit(hardware, vramOn(hardware.count()));
  }

  /**
   * The verdict of {@code memory} on {@code hardware}. Apart from {@link #fit(Hardware)}, which sizes the memory,
   * so that both stay small enough for the JIT to inline into a caller (C1 inlines up to 35 bytes of bytecode; C2
   * does not inline a method it has compiled into more than 2,500 bytes): a {@link Fit} that the caller reads only
   * for its verdict or total is then never allocated.
   */
  private Fit fit(Hardware hardware, MemoryEstimate memory) {
    Bytes usable = hardware.usableMemory();
    double share = (double) memory.totalBytes() / usable.bytes();
    Verdict verdict = share <= settings.greatShare ? Verdict.RUNS_GREAT
        : share <= settings.wellShare ? Verdict.RUNS_WELL : share <= 1 ? Verdict.TIGHT : Verdict.WONT_FIT;
    return new Fit(hardware, memory, usable, verdict);
  }

  /**
   * The decode (generation) speed on {@code hardware} at this estimator's context, as the depth of the KV cache.
   *
   * <p>With {@link EstimationMethod#EXACT}, the model {@link SpeedCalibration} describes, with the constants of the
   * device's backend class (or those set with {@link #speedCalibration(SpeedCalibration)}): the bytes read are the
   * weights one token uses (active experts only, one row of the token embeddings) plus one sequence's KV cache; the
   * arithmetic is two FLOPs per active weight plus attention over the context. Several GPUs split by layer
   * ({@link MultiGpu#LAYER_SPLIT}) run one after another, so one device's bandwidth applies, plus a hop per extra
   * device; under {@link MultiGpu#TENSOR_PARALLEL} they read their shares at once and pay two all-reduces per
   * layer. The whole model is assumed to be on the device: {@link #place} splits it with system memory. With
   * {@link EstimationMethod#SEED}: the seed page's bandwidth ÷ total VRAM × 0.65 (NVIDIA) or 0.55, ±20 %.
   *
   * @param hardware the device, not null
   * @return the decode speed, with its inputs and typical range
   */
  public DecodeSpeed decode(Hardware hardware) {
    Checks.requireNonNull(hardware, "hardware");
    // decode(hardware, tokenBytes(), null, 0), or the seed page's whole memory at its efficiency, built at one site
    // and without the host's terms, so that where the JIT inlines this the result need not be allocated.
    SpeedCalibration g = calibrationFor(hardware);
    boolean exact = exact();
    long read = exact ? tokenBytes() : vram().totalBytes();
    double split = exact ? split(hardware) : 1;
    double compute = exact ? computeMillis(sizedTokenFlops, hardware, g) / split : 0;
    double overhead = exact ? gpuOverheadMillis(hardware, g) : 0;
    return new DecodeSpeed(read, memoryMillis(read, hardware, g) / split, compute, overhead, g.decodeBand());
  }

  /**
   * Decode with {@code gpuRead} bytes per token read on {@code gpu} (one device, or several as {@link #multiGpu()}
   * says) and {@code hostRead} on {@code host}: each share at its device's bandwidth and efficiency, the arithmetic
   * in the same proportion at each device's FP32 throughput, the GPU's fixed cost (plus hops or all-reduces) and the
   * host's in proportion to its share.
   */
  DecodeSpeed decode(Hardware gpu, long gpuRead, @Nullable Hardware host, long hostRead) {
    SpeedCalibration g = calibrationFor(gpu);
    double total = Math.max(1, gpuRead + hostRead);
    tokenBytes();
    double flops = sizedTokenFlops;
    double split = split(gpu);
    double memory = memoryMillis(gpuRead, gpu, g) / split;
    // Without a host the GPUs do all of the arithmetic, exactly as decode(Hardware) counts it.
    double compute = computeMillis(hostRead > 0 ? flops * gpuRead / total : flops, gpu, g) / split;
    double overhead = gpuOverheadMillis(gpu, g);
    double band = g.decodeBand();
    if (host != null && hostRead > 0) {
      SpeedCalibration c = calibrationFor(host);
      memory += memoryMillis(hostRead, host, c);
      compute += computeMillis(flops * hostRead / total, host, c);
      overhead += c.overheadMillis() * hostRead / total;
      band = Math.max(band, c.decodeBand());
    }
    return new DecodeSpeed(gpuRead + hostRead, memory, compute, overhead, band);
  }

  /** How many GPUs read their shares at once: every one under tensor parallelism, one at a time split by layer. */
  private double split(Hardware gpu) {
    return settings.multiGpu == MultiGpu.TENSOR_PARALLEL ? gpu.count() : 1;
  }

  /** Milliseconds to read {@code bytes} at the device's bandwidth and the efficiency it achieves. */
  private static double memoryMillis(long bytes, Hardware hardware, SpeedCalibration cal) {
    return bytes / (hardware.bandwidthGBps() * 1e6 * cal.efficiency());
  }

  /**
   * The GPUs' fixed milliseconds per token: the backend's, plus two all-reduces per layer under tensor parallelism
   * or a hop per extra device split by layer.
   */
  private double gpuOverheadMillis(Hardware gpu, SpeedCalibration g) {
    int count = gpu.count();
    return g.overheadMillis() + (settings.multiGpu == MultiGpu.TENSOR_PARALLEL && count > 1
        ? 2.0 * model.architecture().layers() * MultiGpu.ALL_REDUCE_MICROS / 1000 : (count - 1) * g.hopMillis());
  }

  /** Milliseconds of decode arithmetic on the device's FP32 units; 0 when its FP32 throughput is unknown. */
  private static double computeMillis(double flops, Hardware hardware, SpeedCalibration cal) {
    double fp32 = hardware.fp32TflopsOrNaN();
    return Double.isNaN(fp32) ? 0 : flops / (fp32 * 1e9 * cal.computeUtilization());
  }

  /** Bytes one generated token reads: the weights it uses and one sequence's KV cache at the current context. */
  private long tokenBytes() {
    size();
    ArithmeticException error = tokenError;
    if (error != null) {
      throw tooMuchMemory(error);
    }
    return sizedTokenBytes;
  }

  /** KV cache bytes one generated token reads: one sequence's, at the current context. */
  long kvReadPerToken() {
    tokenBytes();
    return sizedKvRead;
  }

  /**
   * The prefill (prompt processing) speed on {@code hardware} for a prompt of {@code promptTokens} tokens, in
   * micro-batches of the runtime's {@link LlamaCppRuntime#ubatch()} tokens, as {@link SpeedCalibration} describes:
   * the FLOPs of every token (2 per active weight, plus attention over half the prompt on average; weights in
   * 256-element block types weigh {@link SpeedCalibration#superBlockPrefillCost()} times as much) on the device's
   * matrix (FP16) and vector (FP32) units and one read of the weights per micro-batch; layers split over several
   * GPUs overlap micro-batches as a pipeline. Empty when neither throughput of the device is known.
   *
   * @param promptTokens 1 to {@value #MAX_CONTEXT}
   * @param hardware the device, not null
   * @return the prefill speed and time to first token, or empty when the device's FP16 and FP32 throughput are unknown
   */
  public Optional<PrefillSpeed> prefill(Hardware hardware, int promptTokens) {
    Checks.requireNonNull(hardware, "hardware");
    Checks.requireInRange(promptTokens, 1, MAX_CONTEXT, "promptTokens", "tokens");
    double matrix = hardware.fp16TflopsOrNaN();
    double vector = hardware.fp32TflopsOrNaN();
    if (Double.isNaN(matrix) && Double.isNaN(vector)) {
      return Optional.empty();
    }
    // Where one throughput is unknown the other stands in for it (see SpeedCalibration).
    double fp16 = Double.isNaN(matrix) ? vector : matrix;
    double fp32 = Double.isNaN(vector) ? matrix : vector;
    SpeedCalibration cal = calibrationFor(hardware);
    double flops = prefillFlopsPerToken(promptTokens);
    int batches = (promptTokens + settings.runtime.ubatch() - 1) / settings.runtime.ubatch();
    int stages = hardware.count();
    double pipeline = (double) (batches + stages - 1) / ((double) stages * batches);
    double work = flops + 2.0 * model.tables().activeMatmulElements() * (cal.superBlockPrefillCost() - 1)
        * superBlockShare();
    double compute = promptTokens * work / 1e12 * (1 / (fp16 * cal.prefillUtilization())
        + 1 / (fp32 * cal.prefillVectorUtilization()));
    size();
    double memory = batches * (double) sizedTensors / (hardware.bandwidthGBps() * 1e9 * cal.efficiency());
    return Optional.of(new PrefillSpeed(promptTokens, flops, compute * pipeline, memory * pipeline,
        cal.prefillBand()));
  }

  /** The share of the active weights in super-block types; 0 for formats other than GGUF. */
  private double superBlockShare() {
    LlamaFileType ft = quant.fileType();
    return ft == null ? 0 : model.tables().superBlockShare(ft);
  }

  /** FLOPs per prompt token: 2 per active weight in the layers, plus attention over half the prompt on average. */
  private double prefillFlopsPerToken(int promptTokens) {
    return 2.0 * model.tables().activeMatmulElements() + attentionFlops(promptTokens / 2.0);
  }

  /** FLOPs of one token's attention (QKᵀ and AV) over {@code depth} earlier tokens, sliding-window layers capped. */
  private double attentionFlops(double depth) {
    Architecture a = model.architecture();
    ModelTables t = model.tables();
    SlidingWindow swa = a.slidingWindow();
    double slidingDepth = swa == null ? depth : Math.min(depth, swa.window());
    double perLayerToken = 2.0 * a.attentionHeads() * (a.headDimK() + a.headDimV());
    return perLayerToken * (t.fullKvLayers() * depth + t.slidingKvLayers() * slidingDepth);
  }

  private SpeedCalibration calibration(Hardware hardware) {
    SpeedCalibration set = settings.speedCalibration;
    return set != null ? set : SpeedCalibration.of(hardware, settings.runtime.backend());
  }

  /**
   * The speed constants this estimator applies on {@code hardware}: those set with
   * {@link #speedCalibration(SpeedCalibration)}, or the fitted ones of the device's backend class, with the
   * {@link #efficiency(double)} override. With {@link EstimationMethod#SEED} only the seed's efficiency (0.65 on
   * NVIDIA, 0.55 elsewhere) and band (±20 %) apply, and no fixed costs.
   *
   * @param hardware the device, not null
   * @return the speed constants used for that device
   */
  public SpeedCalibration calibrationFor(Hardware hardware) {
    Checks.requireNonNull(hardware, "hardware");
    SpeedCalibration cal = calibration(hardware);
    if (!exact()) {
      double eff = !Double.isNaN(settings.efficiency) ? settings.efficiency
          : hardware.vendor() == Vendor.NVIDIA ? NVIDIA_EFFICIENCY : OTHER_EFFICIENCY;
      return new SpeedCalibration(cal.backend(), eff, cal.computeUtilization(), 0, 0, SPEED_BAND,
          cal.prefillUtilization(), cal.prefillVectorUtilization(), cal.prefillBand(), cal.superBlockPrefillCost());
    }
    return Double.isNaN(settings.efficiency) ? cal : cal.withEfficiency(settings.efficiency);
  }

  /**
   * {@link #place(Hardware, Hardware, Offload)} with no system memory to spill into: the whole model on the GPUs.
   *
   * @param gpu one or several GPUs, or a unified-memory device, not null
   * @return where the model goes, with memory per device and the decode speed
   */
  public Placement place(Hardware gpu) {
    return place(gpu, null, Offload.LAYERS);
  }

  /**
   * Where the model goes on {@code gpu} (one or several, {@link #multiGpu()}) and the {@code host}'s system memory,
   * as llama.cpp places it, with memory per device and the decode speed from both bandwidths.
   *
   * <p>The input embeddings always stay in host memory (counted on a unified-memory device, which has no separate
   * host). With {@link Offload#LAYERS} the GPUs take the last {@code n} layers, and the output head only with all of
   * them: {@code n} is the runtime's {@link LlamaCppRuntime#gpuLayers()} when set, otherwise the most that fit. With
   * {@link Offload#EXPERTS} every layer runs on the GPUs and the routed experts of the fewest leading layers needed
   * stay in host memory. Each GPU holds an even share of what the GPUs take, its own compute buffer and runtime
   * reserve; the host holds the rest, the logits and, when it runs layers, a share of the compute buffer in
   * proportion to them. KV cache is split by layer in proportion. Decode reads each device's share at its own
   * bandwidth with its backend class's constants ({@link SpeedCalibration}); the host's fixed cost counts in
   * proportion to its share of the bytes read.
   *
   * @param host system memory to spill into ({@link HardwareKind#CPU}), or null for none: then every layer is on
   *     the GPUs, whatever the runtime's layer count
   * @param gpu one or several GPUs, or a unified-memory device, not null
   * @param offload what spills into system memory first, layers or experts, not null
   * @return where the model goes, with memory per device and the decode speed
   * @throws IllegalArgumentException when {@code gpu} is a CPU or {@code host} is not
   * @throws IllegalStateException with {@link EstimationMethod#SEED}, which has no per-tensor figures
   */
  public Placement place(Hardware gpu, @Nullable Hardware host, Offload offload) {
    Checks.requireNonNull(gpu, "gpu");
    Checks.requireNonNull(offload, "offload");
    if (gpu.kind() == HardwareKind.CPU) {
      throw new IllegalArgumentException("gpu must be a GPU or unified-memory device but was the CPU " + gpu.name());
    }
    if (host != null && host.kind() != HardwareKind.CPU) {
      throw new IllegalArgumentException("host must be a CPU with system memory (HardwareKind.CPU) but was "
          + host.kind() + " " + host.name());
    }
    if (!exact()) {
      throw new IllegalStateException("placement needs the EXACT method; the SEED method has no per-tensor figures");
    }
    return new Placer(this, parts(), vram(), gpu, host, offload).place();
  }

  /** The parts of the model as placed: predicted for the quantization, scaled to a GGUF file's own total if given. */
  private ModelParts parts() {
    LlamaFileType ft = quant.fileType();
    ModelTables t = model.tables();
    ModelParts p = ft != null ? t.ggufParts(ft)
        : t.otherFormatParts(quant.bitsPerWeight(), quant.quantizesEmbeddings());
    FileWeights file = settings.fileWeights;
    if (file != null) {
      long predicted = ft != null ? t.ggufTensorBytes(ft)
          : t.otherFormatBytes(quant.bitsPerWeight(), quant.quantizesEmbeddings());
      p = p.scaled((double) file.tensorBytes().bytes() / predicted);
    }
    return p;
  }

  /**
   * The quantization {@code rule} picks for {@code hardware} at this estimator's context, parallel sequences and
   * KV type; empty when none of the candidates fits.
   *
   * @param hardware the device, not null
   * @param rule how to choose among the quantizations that fit, not null
   * @return the chosen quantization, or empty when none fits
   */
  public Optional<Quantization> bestQuantization(Hardware hardware, QuantizationChoice rule) {
    Checks.requireNonNull(hardware, "hardware");
    Checks.requireNonNull(rule, "rule");
    for (Quantization q : rule.order()) {
      if (quant(q).fits(hardware)) {
        return Optional.of(q);
      }
    }
    return Optional.empty();
  }

  /** Whether this configuration fits; memory beyond a {@code long} of bytes fits no device. */
  private boolean fits(Hardware hardware) {
    try {
      return fit(hardware).verdict().fits();
    } catch (ArithmeticException e) {
      return false;
    }
  }

  /**
   * The longest context per sequence that fits {@code hardware} at this quantization, KV type and parallel
   * sequences, up to the model's trained context length: the largest {@code n} for which {@code context(n).fit}
   * fits. Empty when not even one token fits.
   *
   * @param hardware the device, not null
   * @return the longest context in tokens, or empty when none fits
   */
  public OptionalInt longestContext(Hardware hardware) {
    Checks.requireNonNull(hardware, "hardware");
    int limit = Math.min(model.architecture().contextLength(), MAX_CONTEXT);
    return largestFitting(1, limit, n -> context(n).fits(hardware));
  }

  /**
   * The most sequences that fit {@code hardware} at once, each with this estimator's context (llama.cpp
   * {@code --parallel}). Empty when not even one fits.
   *
   * @param hardware the device, not null
   * @return the number of sequences, or empty when none fits
   */
  public OptionalInt maxParallel(Hardware hardware) {
    Checks.requireNonNull(hardware, "hardware");
    return largestFitting(1, MAX_PARALLEL, n -> parallel(n).fits(hardware));
  }

  /** The largest n in [low, high] for which a predicate true of every n up to a bound holds; empty if none. */
  private static OptionalInt largestFitting(int low, int high, IntPredicate fits) {
    if (!fits.test(low)) {
      return OptionalInt.empty();
    }
    int lo = low;
    int hi = high;
    while (lo < hi) {
      int mid = lo + (hi - lo + 1) / 2;
      if (fits.test(mid)) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return OptionalInt.of(lo);
  }

  /** For example {@code "Estimator{model=qwen3-8b, quant=Q4_K_M, context=2048, parallel=1, kv=f16, method=EXACT}"}. */
  @Override
  public String toString() {
    KvCacheType k = settings.kvTypeK;
    KvCacheType v = settings.kvTypeV;
    String kv = k == v ? k.optionName() : k.optionName() + "/" + v.optionName();
    return String.format(Locale.ROOT, "Estimator{model=%s, quant=%s, context=%d, parallel=%d, kv=%s, method=%s}",
        model.id(), quant, context, parallel, kv, settings.method);
  }
}
