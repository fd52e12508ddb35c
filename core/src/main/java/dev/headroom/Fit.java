package dev.headroom;

import java.util.Locale;

/**
 * The answer to "does it fit?": the estimate, the device's usable memory, the verdict and the headroom left.
 *
 * <pre>{@code
 * Fit fit = Estimator.of(model).quant(Q4_K_M).fit(rtx4090);
 * boolean ok = fit.verdict().fits();
 * long left = fit.headroomBytes();   // negative when it does not fit
 * }</pre>
 *
 * @param hardware the device
 * @param memory the memory estimate
 * @param usableMemory what the device lets a model occupy
 * @param verdict the tier
 */
public record Fit(Hardware hardware, MemoryEstimate memory, Bytes usableMemory, Verdict verdict) {

  /**
   * Validates that no component is null.
   *
   * @param hardware the device
   * @param memory the memory estimate
   * @param usableMemory what the device lets a model occupy
   * @param verdict the tier
   */
  public Fit {
    Checks.requireNonNull(hardware, "hardware");
    Checks.requireNonNull(memory, "memory");
    Checks.requireNonNull(usableMemory, "usableMemory");
    Checks.requireNonNull(verdict, "verdict");
  }

  /**
   * Usable memory minus the estimate's total, in bytes; negative when the model does not fit.
   *
   * @return the headroom in bytes
   */
  public long headroomBytes() {
    return usableMemory.bytes() - memory.totalBytes();
  }

  /**
   * The share of usable memory the estimate takes (above 1 when it does not fit).
   *
   * @return the estimate's total divided by the usable memory
   */
  public double usedShare() {
    return (double) memory.totalBytes() / usableMemory.bytes();
  }

  /** For example {@code "Runs great — plenty of headroom: 1.8 GB of 25.8 GB usable on NVIDIA GeForce RTX 4090"}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: %s of %s usable on %s", verdict.label(),
        memory.total().format(ByteUnit.GB, 1), usableMemory.format(ByteUnit.GB, 1), hardware.name());
  }
}
