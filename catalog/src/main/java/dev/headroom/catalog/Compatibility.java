package dev.headroom.catalog;

import dev.headroom.HardwareKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every catalogued device's answer for one estimate, as the seed page lists them ("35 GPUs can run it"): devices
 * that fit first, fastest first; then the others, closest to fitting first.
 *
 * <pre>{@code
 * Compatibility c = Catalog.builtIn().compatibility(Estimator.of(spec).quant(Q4_K_M));
 * int gpus = c.fittingGpus().size();          // single discrete GPUs that can run it
 * int devices = c.fittingDevices().size();    // unified-memory devices and multi-GPU systems
 * }</pre>
 *
 * @param devices every device, sorted as described
 */
public record Compatibility(List<DeviceFit> devices) {

  /**
   * Copies the list.
   *
   * @param devices every device, sorted as described
   */
  public Compatibility {
    devices = List.copyOf(Objects.requireNonNull(devices, "devices must not be null"));
  }

  /**
   * The devices the model fits, fastest first.
   *
   * @return the fitting devices
   */
  public List<DeviceFit> fitting() {
    List<DeviceFit> out = new ArrayList<>();
    for (DeviceFit d : devices) {
      if (d.fit().verdict().fits()) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * The seed page's first list: single discrete GPUs the model fits.
   *
   * @return the fitting discrete GPUs, fastest first
   */
  public List<DeviceFit> fittingGpus() {
    List<DeviceFit> out = new ArrayList<>();
    for (DeviceFit d : fitting()) {
      if (isSingleGpu(d)) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * The seed page's second list: unified-memory devices and multi-GPU systems the model fits.
   *
   * @return the fitting unified-memory devices and systems, fastest first
   */
  public List<DeviceFit> fittingDevices() {
    List<DeviceFit> out = new ArrayList<>();
    for (DeviceFit d : fitting()) {
      if (!isSingleGpu(d) && d.device().hardware().kind() != HardwareKind.CPU) {
        out.add(d);
      }
    }
    return out;
  }

  private static boolean isSingleGpu(DeviceFit d) {
    return d.device().hardware().kind() == HardwareKind.GPU && d.device().hardware().count() == 1;
  }
}
