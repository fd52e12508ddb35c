package dev.headroom.catalog;

import dev.headroom.DecodeSpeed;
import dev.headroom.Fit;
import dev.headroom.Quantization;
import java.util.Objects;

/**
 * One model at the quantization a rule picked for a device, with its verdict and decode speed.
 *
 * <pre>{@code
 * List<ModelFit> fits = Catalog.builtIn().modelsFor(rtx4090, 8192, QuantizationChoice.BEST_BALANCE);
 * String line = fits.get(0).model().name() + " at " + fits.get(0).quant();
 * }</pre>
 *
 * @param model the catalogued model
 * @param quant the quantization picked
 * @param fit the verdict and headroom
 * @param speed the decode speed
 */
public record ModelFit(ModelEntry model, Quantization quant, Fit fit, DecodeSpeed speed) {

  /**
   * Validates that no component is null.
   *
   * @param model the catalogued model
   * @param quant the quantization picked
   * @param fit the verdict and headroom
   * @param speed the decode speed
   */
  public ModelFit {
    Objects.requireNonNull(model, "model must not be null");
    Objects.requireNonNull(quant, "quant must not be null");
    Objects.requireNonNull(fit, "fit must not be null");
    Objects.requireNonNull(speed, "speed must not be null");
  }
}
