package dev.headroom;

import java.util.Locale;

/**
 * Where the memory goes: weights, KV cache and overhead, which sum to {@link #total()}.
 *
 * <p>Overhead is itself three parts, each zero when a method does not model it: {@code compute} (the runtime's
 * scratch buffers for one batch), {@code output} (logits) and {@code runtime} (fixed costs such as the CUDA
 * context, or the seed page's flat 0.3 GB).
 *
 * <pre>{@code
 * MemoryEstimate m = Estimator.of(r1).method(EstimationMethod.SEED).quant(Q4_K_M).context(131072).vram();
 * Bytes total = m.total();
 * String text = m.toString();   // "5.0 GB = weights 0.90 GB + KV cache 3.76 GB + overhead 0.30 GB"
 * }</pre>
 *
 * @param weights the model's tensors
 * @param kvCache keys and values (and recurrent state) for the context
 * @param compute compute (scratch) buffers
 * @param output output (logits) buffer
 * @param runtime fixed runtime costs
 */
public record MemoryEstimate(Bytes weights, Bytes kvCache, Bytes compute, Bytes output, Bytes runtime) {

  /**
   * Validates that no part is null and that the sum fits in a {@code long}.
   *
   * @param weights the model's tensors
   * @param kvCache keys and values (and recurrent state) for the context
   * @param compute compute (scratch) buffers
   * @param output output (logits) buffer
   * @param runtime fixed runtime costs
   */
  public MemoryEstimate {
    Checks.requireNonNull(weights, "weights");
    Checks.requireNonNull(kvCache, "kvCache");
    Checks.requireNonNull(compute, "compute");
    Checks.requireNonNull(output, "output");
    Checks.requireNonNull(runtime, "runtime");
    // The sum must fit in a long, so that total() can add without checks. Checked on the numbers: Bytes.plus would
    // allocate an amount per step on every estimate. Five parts under 2^60 cannot overflow; larger ones take the
    // exact check, which names the amounts.
    long w = weights.bytes();
    long kv = kvCache.bytes();
    long c = compute.bytes();
    long o = output.bytes();
    long r = runtime.bytes();
    if ((w | kv | c | o | r) >= 1L << 60) {
      requireSumFits(w, kv, c, o, r);
    }
  }

  /** Throws, naming the amounts as {@link Bytes#plus} does, when the parts' sum passes a {@code long}. */
  private static void requireSumFits(long weights, long kvCache, long compute, long output, long runtime) {
    Bytes.sum(Bytes.sum(Bytes.sum(Bytes.sum(weights, kvCache), compute), output), runtime);
  }

  /**
   * Compute + output + runtime.
   *
   * @return the memory beside weights and KV cache
   */
  public Bytes overhead() {
    return Bytes.ofBytes(compute.bytes() + output.bytes() + runtime.bytes());
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
    return weights.bytes() + kvCache.bytes() + compute.bytes() + output.bytes() + runtime.bytes();
  }

  /**
   * The breakdown in decimal GB, as the seed page writes it: the total to one decimal, the parts to two, for
   * example {@code "5.0 GB = weights 0.90 GB + KV cache 3.76 GB + overhead 0.30 GB"}.
   */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s = weights %s + KV cache %s + overhead %s", total().format(ByteUnit.GB, 1),
        weights.format(ByteUnit.GB, 2), kvCache.format(ByteUnit.GB, 2), overhead().format(ByteUnit.GB, 2));
  }
}
