package dev.headroom;

import java.util.Locale;

/**
 * Where the memory goes: weights, KV cache and overhead, which sum to {@link #total()}.
 *
 * <p>Overhead is itself three parts, each zero when a method does not model it: {@code compute} (the runtime's
 * scratch buffers for one batch), {@code output} (logits) and {@code runtime} (fixed costs such as the CUDA
 * context, or the seed page's flat 0.3 GB).
 *
 * <p>Immutable; equal when every part is. The parts are kept as exact byte counts, so that an estimate made for one
 * verdict builds a single object, which the JIT can leave out when the caller reads only the total.
 *
 * <pre>{@code
 * MemoryEstimate m = Estimator.of(r1).method(EstimationMethod.SEED).quant(Q4_K_M).context(131072).vram();
 * Bytes total = m.total();
 * String text = m.toString();   // "5.0 GB = weights 0.90 GB + KV cache 3.76 GB + overhead 0.30 GB"
 * }</pre>
 *
 */
public final class MemoryEstimate {
  private final long weights;
  private final long kvCache;
  private final long compute;
  private final long output;
  private final long runtime;

  /**
   * A breakdown of these parts.
   *
   * @param weights the model's tensors, not null
   * @param kvCache keys and values (and recurrent state) for the context, not null
   * @param compute compute (scratch) buffers, not null
   * @param output output (logits) buffer, not null
   * @param runtime fixed runtime costs, not null
   * @throws ArithmeticException when the parts add up to more than a {@code long} of bytes
   */
  public MemoryEstimate(Bytes weights, Bytes kvCache, Bytes compute, Bytes output, Bytes runtime) {
    this(Checks.requireNonNull(weights, "weights").bytes(), Checks.requireNonNull(kvCache, "kvCache").bytes(),
        Checks.requireNonNull(compute, "compute").bytes(), Checks.requireNonNull(output, "output").bytes(),
        Checks.requireNonNull(runtime, "runtime").bytes());
  }

  /** The parts in bytes, each non-negative, with a sum that fits in a {@code long}: checked as the other is. */
  MemoryEstimate(long weights, long kvCache, long compute, long output, long runtime) {
    // Five parts in [0, 2^60) cannot overflow, so the common case takes one unsigned comparison; others take the
    // exact checks, which name the amounts.
    if (Long.compareUnsigned(weights | kvCache | compute | output | runtime, 1L << 60) >= 0) {
      requireSumFits(weights, kvCache, compute, output, runtime);
    }
    this.weights = weights;
    this.kvCache = kvCache;
    this.compute = compute;
    this.output = output;
    this.runtime = runtime;
  }

  /** Throws, naming the amounts as {@link Bytes#plus} does, when a part is negative or the sum passes a long. */
  private static void requireSumFits(long weights, long kvCache, long compute, long output, long runtime) {
    Bytes.sum(Bytes.sum(Bytes.sum(Bytes.sum(Checks.requireNonNegative(weights, "weights"),
        Checks.requireNonNegative(kvCache, "kvCache")), Checks.requireNonNegative(compute, "compute")),
        Checks.requireNonNegative(output, "output")), Checks.requireNonNegative(runtime, "runtime"));
  }

  /**
   * The model's tensors.
   *
   * @return the memory of the weights
   */
  public Bytes weights() {
    return Bytes.ofBytes(weights);
  }

  /**
   * Keys and values (and recurrent state) for the context.
   *
   * @return the memory of the KV cache
   */
  public Bytes kvCache() {
    return Bytes.ofBytes(kvCache);
  }

  /**
   * Compute (scratch) buffers.
   *
   * @return the memory of the compute buffers
   */
  public Bytes compute() {
    return Bytes.ofBytes(compute);
  }

  /**
   * Output (logits) buffer.
   *
   * @return the memory of the output buffer
   */
  public Bytes output() {
    return Bytes.ofBytes(output);
  }

  /**
   * Fixed runtime costs.
   *
   * @return the fixed runtime costs
   */
  public Bytes runtime() {
    return Bytes.ofBytes(runtime);
  }

  /**
   * Compute + output + runtime.
   *
   * @return the memory beside weights and KV cache
   */
  public Bytes overhead() {
    return Bytes.ofBytes(compute + output + runtime);
  }

  /**
   * Weights + KV cache + overhead.
   *
   * @return the memory the model needs in all
   */
  public Bytes total() {
    return Bytes.ofBytes(totalBytes());
  }

  /** {@link #total()} in bytes, without a {@link Bytes}: a fit verdict asks for it on every device. */
  long totalBytes() {
    return weights + kvCache + compute + output + runtime;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemoryEstimate m && weights == m.weights && kvCache == m.kvCache && compute == m.compute
        && output == m.output && runtime == m.runtime;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(weights) + 31 * (Long.hashCode(kvCache) + 31 * (Long.hashCode(compute)
        + 31 * (Long.hashCode(output) + 31 * Long.hashCode(runtime))));
  }

  /**
   * The breakdown in decimal GB, as the seed page writes it: the total to one decimal, the parts to two, for
   * example {@code "5.0 GB = weights 0.90 GB + KV cache 3.76 GB + overhead 0.30 GB"}.
   */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s = weights %s + KV cache %s + overhead %s", total().format(ByteUnit.GB, 1),
        weights().format(ByteUnit.GB, 2), kvCache().format(ByteUnit.GB, 2), overhead().format(ByteUnit.GB, 2));
  }
}
