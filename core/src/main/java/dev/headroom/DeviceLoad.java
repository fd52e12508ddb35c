package dev.headroom;

import java.util.Locale;

/**
 * What one device holds in a {@link Placement}: its layers, weights, KV cache and buffers, against the memory it lets
 * a model use.
 *
 * <pre>{@code
 * for (DeviceLoad d : Estimator.of(llama70b).place(rtx4090, host, Offload.LAYERS).devices()) {
 *   String line = d.toString();   // "NVIDIA GeForce RTX 4090: 48 layers, 25.5 GB of 25.8 GB"
 * }
 * }</pre>
 *
 * @param hardware the device (one GPU of several, or the host)
 * @param layers the repeating layers it runs
 * @param weights the weights in its memory
 * @param kvCache the KV cache of its layers
 * @param buffers compute, output and runtime buffers
 * @param usableMemory what the device lets a model occupy
 */
public record DeviceLoad(Hardware hardware, int layers, Bytes weights, Bytes kvCache, Bytes buffers,
    Bytes usableMemory) {

  /**
   * Validates the components.
   *
   * @param hardware the device (one GPU of several, or the host)
   * @param layers the repeating layers it runs
   * @param weights the weights in its memory
   * @param kvCache the KV cache of its layers
   * @param buffers compute, output and runtime buffers
   * @param usableMemory what the device lets a model occupy
   */
  public DeviceLoad {
    Checks.requireNonNull(hardware, "hardware");
    Checks.requireInRange(layers, 0, 1 << 20, "layers", "");
    Checks.requireNonNull(weights, "weights");
    Checks.requireNonNull(kvCache, "kvCache");
    Checks.requireNonNull(buffers, "buffers");
    Checks.requireNonNull(usableMemory, "usableMemory");
  }

  /**
   * Weights + KV cache + buffers.
   *
   * @return the memory this device holds
   */
  public Bytes total() {
    return weights.plus(kvCache).plus(buffers);
  }

  /**
   * Whether the total fits the usable memory.
   *
   * @return true if {@link #total()} is at most {@link #usableMemory()}
   */
  public boolean fits() {
    return total().bytes() <= usableMemory.bytes();
  }

  /** For example {@code "NVIDIA GeForce RTX 4090: 48 layers, 25.5 GB of 25.8 GB"}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: %d layers, %s of %s", hardware.name(), layers,
        total().format(ByteUnit.GB, 1), usableMemory.format(ByteUnit.GB, 1));
  }
}
