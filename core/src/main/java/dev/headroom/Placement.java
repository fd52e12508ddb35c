package dev.headroom;

import java.util.List;
import java.util.Locale;

/**
 * Where a model's parts go on a GPU (or several) and the host's system memory, as llama.cpp places them, and the
 * decode speed that follows from both bandwidths. {@link #devices()} lists each GPU, then the host when one was
 * given.
 *
 * <pre>{@code
 * Hardware host = Hardware.cpu("Ryzen 9 7950X, DDR5-6000", Vendor.AMD, Bytes.ofGibibytes(64), 83);
 * Placement p = Estimator.of(llama70b).quant(Q4_K_M).place(rtx4090, host, Offload.LAYERS);
 * int onGpu = p.gpuLayers();            // the most layers that fit the GPU
 * double tps = p.decode().tokensPerSecond();
 * }</pre>
 *
 * @param devices each GPU's load, then the host's
 * @param gpuLayers the repeating layers on the GPUs (all of them: {@code layers}; the output head goes with the
 *     last)
 * @param expertLayersOnHost with {@link Offload#EXPERTS}, the layers whose routed experts stay in system memory
 * @param offload the strategy used
 * @param decode the decode speed of this placement
 */
public record Placement(List<DeviceLoad> devices, int gpuLayers, int expertLayersOnHost, Offload offload,
    DecodeSpeed decode) {

  /**
   * Validates the components and copies the list.
   *
   * @param devices each GPU's load, then the host's
   * @param gpuLayers the repeating layers on the GPUs (all of them: {@code layers}; the output head goes with the last)
   * @param expertLayersOnHost with {@link Offload#EXPERTS}, the layers whose routed experts stay in system memory
   * @param offload the strategy used
   * @param decode the decode speed of this placement
   */
  public Placement {
    Checks.requireNonNull(devices, "devices");
    devices = List.copyOf(devices);
    Checks.requireInRange(gpuLayers, 0, 1 << 20, "gpuLayers", "");
    Checks.requireInRange(expertLayersOnHost, 0, 1 << 20, "expertLayersOnHost", "");
    Checks.requireNonNull(offload, "offload");
    Checks.requireNonNull(decode, "decode");
  }

  /**
   * Whether every device holds its load.
   *
   * @return true if every {@link DeviceLoad#fits()}
   */
  public boolean fits() {
    return devices.stream().allMatch(DeviceLoad::fits);
  }

  /** For example {@code "62 of 80 layers on 1 × NVIDIA GeForce RTX 4090, the rest on the host: 4 tok/s = …"}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (DeviceLoad d : devices) {
      out.append(out.length() == 0 ? "" : "; ").append(d);
    }
    return String.format(Locale.ROOT, "%s%s; %s", out, fits() ? "" : " (does not fit)", decode);
  }
}
