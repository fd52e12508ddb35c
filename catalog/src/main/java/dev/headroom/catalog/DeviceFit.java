package dev.headroom.catalog;

import dev.headroom.DecodeSpeed;
import dev.headroom.Fit;
import java.util.Objects;

/**
 * One device's answer for one estimate: does it fit, with how much headroom, and how fast does it decode.
 *
 * <pre>{@code
 * DeviceFit best = Catalog.builtIn().compatibility(Estimator.of(spec)).fitting().get(0);
 * String line = best.device().name() + ": " + best.fit().verdict().label();
 * }</pre>
 *
 * @param device the catalogued device
 * @param fit the verdict and headroom
 * @param speed the decode speed
 */
public record DeviceFit(HardwareEntry device, Fit fit, DecodeSpeed speed) {

  /**
   * Validates that no component is null.
   *
   * @param device the catalogued device
   * @param fit the verdict and headroom
   * @param speed the decode speed
   */
  public DeviceFit {
    Objects.requireNonNull(device, "device must not be null");
    Objects.requireNonNull(fit, "fit must not be null");
    Objects.requireNonNull(speed, "speed must not be null");
  }
}
