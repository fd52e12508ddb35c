package dev.headroom;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The constants of Headroom's speed model for one class of backend, fitted on measured llama.cpp speeds
 * ({@code llama-bench} tg/pp results on Apple, CUDA, ROCm, Vulkan and CPU hardware; {@code SpeedCalibrationFitTest}
 * reruns the fit and checks these constants against it). The classes are CUDA, Metal, ROCm, Vulkan, Apple GPUs under
 * Vulkan and CPU ({@link #of(Hardware, Backend)}). They are modelling assumptions, each overridable with a
 * {@code with…} copy and {@link Estimator#speedCalibration(SpeedCalibration)}.
 *
 * <p><b>Decode</b> (one generated token) reads the weights it uses and the KV cache so far from memory, does
 * about two floating-point operations per weight it reads, and pays a fixed cost (kernel launches, sampling):
 *
 * <pre>{@code
 * seconds per token = bytes / (bandwidth × efficiency)
 *                   + FLOPs / (FP32 throughput × computeUtilization)     (when the FP32 throughput is known)
 *                   + overheadMillis / 1000
 *                   + (devices − 1) × hopMillis / 1000                   (layers split over several devices)
 * }</pre>
 *
 * <p>The fixed cost is why small models reach a smaller share of the bandwidth, and the compute part why GPUs with
 * much bandwidth but modest shader throughput (A100, A30) fall short of their bandwidth.
 *
 * <p><b>Prefill</b> (the prompt) runs in micro-batches of {@link LlamaCppRuntime#ubatch()} tokens; each costs the
 * FLOPs of its tokens on the matrix units (dense FP16 throughput) and on the vector units that feed them
 * (dequantizing, FP32 throughput), and one read of the weights. Weights in super-block types (256-element blocks
 * with sub-block scales: the k-quants, the i-quants but IQ4_NL, and the ternary TQ types) cost
 * {@link #superBlockPrefillCost()} times the work per FLOP of the 32-element types and floats, for their share
 * {@code s} of the weights a token multiplies by; the share comes from the types llama-quantize gives the file type,
 * also when the estimator has a real file's {@link FileWeights}:
 *
 * <pre>{@code
 * work per token          = 2 × active weights × (1 + (superBlockPrefillCost − 1) × s) + attention FLOPs
 * seconds per micro-batch = tokens × work per token × (1 / (FP16 throughput × prefillUtilization)
 *                                                     + 1 / (FP32 throughput × prefillVectorUtilization))
 *                         + weight bytes / (bandwidth × efficiency)
 * }</pre>
 *
 * <p>Where one of the two throughputs is unknown the other stands in for it: right for devices without matrix
 * units (their FP16 work runs on the vector units), optimistic otherwise.
 *
 * <p>With layers split over {@code g} devices, micro-batches flow through them as a pipeline (llama.cpp's
 * pipeline parallelism): {@code k} micro-batches take {@code (k + g − 1) / g} of one device's time per
 * micro-batch.
 *
 * <p>The constants minimise the mean absolute percentage error of the speed (|predicted / measured − 1|) on the
 * training rows of their class, the figure the accuracy targets are stated in. {@link #decodeBand()} and
 * {@link #prefillBand()} are the typical relative errors on those rows (the 80th percentile of
 * |predicted / measured − 1|), shown as "typically ±12 %". A share at its upper bound, 100, is a term the fit pushed
 * to its floor (that throughput adds 1 % of the time it bounds); {@link #toString()} shows it as "—".
 *
 * <pre>{@code
 * SpeedCalibration cuda = SpeedCalibration.of(Backend.CUDA);
 * Estimator tuned = Estimator.of(model).speedCalibration(cuda.withEfficiency(0.85));
 * }</pre>
 *
 * @param backend the class of backend these constants are for
 * @param efficiency share of memory bandwidth achieved, in (0, 1]
 * @param computeUtilization share of FP32 throughput decode's arithmetic achieves, in (0, 100]
 * @param overheadMillis fixed time per generated token in milliseconds, 0 to 1000
 * @param hopMillis time per generated token per extra device a layer split crosses, in milliseconds, 0 to 1000
 * @param decodeBand typical relative error of decode estimates, 0 to 10
 * @param prefillUtilization share of dense FP16 throughput prefill's matrix products achieve, in (0, 100]
 * @param prefillVectorUtilization share of FP32 throughput the vector work beside them achieves, in (0, 100]
 * @param prefillBand typical relative error of prefill estimates, 0 to 10
 * @param superBlockPrefillCost prefill work per FLOP of super-block weights relative to other weights, 1 to 100
 */
public record SpeedCalibration(Backend backend, double efficiency, double computeUtilization, double overheadMillis,
    double hopMillis, double decodeBand, double prefillUtilization, double prefillVectorUtilization,
    double prefillBand, double superBlockPrefillCost) {

  /** The largest share of a throughput; a term fitted at it costs nothing (the fit dropped it). */
  private static final double MAX_SHARE = 100;
  private static final Map<Backend, SpeedCalibration> FITTED = new EnumMap<>(Backend.class);
  /** Apple GPUs under Vulkan: llama.cpp's Vulkan kernels reach Metal through the MoltenVK translation layer. */
  private static final SpeedCalibration VULKAN_ON_APPLE;
  /** The hop between GPUs, one value for every class: only the CUDA rows span several devices. */
  private static final double HOP = 0.45;
  /** The prefill cost of super-block weights, one value for every class: only the CUDA rows have k-quant models. */
  private static final double SUPER_BLOCK = 2.1;

  static {
    // Fitted by SpeedCalibrationFitTest (run it with -Dheadroom.report=true to print these figures).
    FITTED.put(Backend.CUDA, new SpeedCalibration(Backend.CUDA, 0.912, 0.294, 0.7, HOP, 0.14, 2.548, 2.823, 0.47,
        SUPER_BLOCK));
    FITTED.put(Backend.METAL, new SpeedCalibration(Backend.METAL, 0.915, 100.0, 5.66, HOP, 0.06, 100.0, 0.682, 0.1,
        SUPER_BLOCK));
    FITTED.put(Backend.ROCM, new SpeedCalibration(Backend.ROCM, 1.0, 0.6, 3.34, HOP, 0.02, 0.424, 100.0, 0.45,
        SUPER_BLOCK));
    FITTED.put(Backend.VULKAN, new SpeedCalibration(Backend.VULKAN, 1.0, 0.172, 0.0, HOP, 0.1, 0.781, 4.166, 0.18,
        SUPER_BLOCK));
    FITTED.put(Backend.CPU, new SpeedCalibration(Backend.CPU, 0.364, 1.0, 4.73, HOP, 0.33, 1.0, 1.0, 0.0, SUPER_BLOCK));
    // Three decode rows: Vulkan's share of FP32 and fixed cost, only the share of the bandwidth fitted.
    VULKAN_ON_APPLE = new SpeedCalibration(Backend.VULKAN, 0.181, 0.172, 0.0, HOP, 0.7, 0.122, 100.0, 0.77,
        SUPER_BLOCK);
  }

  /**
   * Validates every component.
   *
   * @param backend the class of backend these constants are for
   * @param efficiency share of memory bandwidth achieved, in (0, 1]
   * @param computeUtilization share of FP32 throughput decode's arithmetic achieves, in (0, 100]
   * @param overheadMillis fixed time per generated token in milliseconds, 0 to 1000
   * @param hopMillis time per generated token per extra device a layer split crosses, in milliseconds, 0 to 1000
   * @param decodeBand typical relative error of decode estimates, 0 to 10
   * @param prefillUtilization share of dense FP16 throughput prefill's matrix products achieve, in (0, 100]
   * @param prefillVectorUtilization share of FP32 throughput the vector work beside them achieves, in (0, 100]
   * @param prefillBand typical relative error of prefill estimates, 0 to 10
   * @param superBlockPrefillCost prefill work per FLOP of super-block weights relative to other weights, 1 to 100
   */
  public SpeedCalibration {
    Checks.requireNonNull(backend, "backend");
    Checks.requireInRange(efficiency, 0, false, 1, "efficiency", "");
    Checks.requireInRange(computeUtilization, 0, false, MAX_SHARE, "computeUtilization", "");
    Checks.requireInRange(overheadMillis, 0, true, 1000, "overheadMillis", "ms");
    Checks.requireInRange(hopMillis, 0, true, 1000, "hopMillis", "ms");
    Checks.requireInRange(decodeBand, 0, true, 10, "decodeBand", "");
    Checks.requireInRange(prefillUtilization, 0, false, MAX_SHARE, "prefillUtilization", "");
    Checks.requireInRange(prefillVectorUtilization, 0, false, MAX_SHARE, "prefillVectorUtilization", "");
    Checks.requireInRange(prefillBand, 0, true, 10, "prefillBand", "");
    Checks.requireInRange(superBlockPrefillCost, 1, true, 100, "superBlockPrefillCost", "");
  }

  /**
   * The fitted constants for a class of backend.
   *
   * @param backend the backend, not null
   * @return the constants fitted for that backend's class
   */
  public static SpeedCalibration of(Backend backend) {
    Checks.requireNonNull(backend, "backend");
    return FITTED.get(backend);
  }

  /**
   * The fitted constants for llama.cpp running the {@code runtime} backend on {@code hardware}: those of the class of
   * backend it uses there (the runtime's when it is CPU or Vulkan, otherwise the device's native one: CUDA for
   * NVIDIA, Metal for Apple, ROCm for AMD, Vulkan for Intel and others, CPU for CPUs), except that Apple GPUs under
   * Vulkan, which reach Metal through the MoltenVK translation layer, have constants of their own. Those say
   * {@link Backend#VULKAN} as their {@link #backend()}, so {@code of(backend())} gives the generic Vulkan ones.
   *
   * <pre>{@code
   * SpeedCalibration onMac = SpeedCalibration.of(macStudio, Backend.VULKAN);
   * }</pre>
   *
   * @param hardware the device, not null
   * @param runtime the backend llama.cpp is built with, not null
   * @return the constants fitted for that device's class
   */
  public static SpeedCalibration of(Hardware hardware, Backend runtime) {
    Checks.requireNonNull(hardware, "hardware");
    Checks.requireNonNull(runtime, "runtime");
    Backend backend = classOf(hardware, runtime);
    return backend == Backend.VULKAN && hardware.vendor() == Vendor.APPLE ? VULKAN_ON_APPLE : FITTED.get(backend);
  }

  /**
   * A copy with another share of memory bandwidth. This instance is unaffected.
   *
   * @param share the share of memory bandwidth achieved, in (0, 1]
   * @return new constants with that efficiency
   */
  public SpeedCalibration withEfficiency(double share) {
    return new SpeedCalibration(backend, share, computeUtilization, overheadMillis, hopMillis, decodeBand,
        prefillUtilization, prefillVectorUtilization, prefillBand, superBlockPrefillCost);
  }

  /**
   * A copy with another fixed time per generated token.
   *
   * @param millis the fixed time per generated token in milliseconds, 0 to 1000
   * @return new constants with that overhead
   */
  public SpeedCalibration withOverheadMillis(double millis) {
    return new SpeedCalibration(backend, efficiency, computeUtilization, millis, hopMillis, decodeBand,
        prefillUtilization, prefillVectorUtilization, prefillBand, superBlockPrefillCost);
  }

  /**
   * A copy with another share of FP16 throughput for prefill.
   *
   * @param share the share of dense FP16 throughput prefill achieves, in (0, 100]
   * @return new constants with that utilization
   */
  public SpeedCalibration withPrefillUtilization(double share) {
    return new SpeedCalibration(backend, efficiency, computeUtilization, overheadMillis, hopMillis, decodeBand,
        share, prefillVectorUtilization, prefillBand, superBlockPrefillCost);
  }

  /**
   * A copy with another prefill cost of super-block (256-element block) weights.
   *
   * @param factor the prefill work per FLOP of super-block weights relative to other weights, 1 to 100
   * @return new constants with that cost
   */
  public SpeedCalibration withSuperBlockPrefillCost(double factor) {
    return new SpeedCalibration(backend, efficiency, computeUtilization, overheadMillis, hopMillis, decodeBand,
        prefillUtilization, prefillVectorUtilization, prefillBand, factor);
  }

  /** The class of backend llama.cpp uses on a device, as {@link #of(Hardware, Backend)} describes. */
  private static Backend classOf(Hardware hardware, Backend runtime) {
    if (runtime == Backend.CPU || hardware.kind() == HardwareKind.CPU) {
      return Backend.CPU;
    }
    if (runtime == Backend.VULKAN) {
      return Backend.VULKAN;
    }
    switch (hardware.vendor()) {
      case NVIDIA: return Backend.CUDA;
      case APPLE: return Backend.METAL;
      case AMD: return Backend.ROCM;
      default: return Backend.VULKAN;
    }
  }

  /**
   * For example {@code "cuda: decode 80 % of bandwidth, 30 % of FP32, + 1 ms/token, + 0.1 ms/hop (±12 %); prefill
   * 40 % of FP16 and 100 % of FP32, super-block weights × 2 (±20 %)"}.
   */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: decode %s of bandwidth, %s of FP32, + %s ms/token, + %s ms/hop "
        + "(±%.0f %%); prefill %s of FP16 and %s of FP32, super-block weights × %s (±%.0f %%)",
        backend.name().toLowerCase(Locale.ROOT), percent(efficiency), percent(computeUtilization),
        Checks.plain(round(overheadMillis)), Checks.plain(round(hopMillis)), decodeBand * 100,
        percent(prefillUtilization), percent(prefillVectorUtilization), Checks.plain(round(superBlockPrefillCost)),
        prefillBand * 100);
  }

  /** A share as a percentage; "—" at the upper bound, where the fit dropped the term it scales. */
  private static String percent(double share) {
    return share >= MAX_SHARE ? "—" : Checks.plain(round(share * 100)) + " %";
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
