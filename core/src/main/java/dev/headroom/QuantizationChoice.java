package dev.headroom;

import java.util.List;

/**
 * How to pick a quantization for a device, among the seed page's ten GGUF choices ({@link #CANDIDATES}, IQ2_XXS
 * to Q8_0).
 *
 * <ul>
 *   <li>{@link #BEST_BALANCE}, the seed page's recommendation: "Q4_K_M offers the best balance of quality and VRAM
 *       usage". Q4_K_M when it fits; otherwise the largest candidate below it that fits.
 *   <li>{@link #HIGHEST_QUALITY}: the candidate with the most bits that fits.
 * </ul>
 *
 * <p>"Fits" means any verdict but {@link Verdict#WONT_FIT} at the estimator's context.
 *
 * <pre>{@code
 * Optional<Quantization> q = Estimator.of(model).context(8192)
 *     .bestQuantization(rtx4090, QuantizationChoice.BEST_BALANCE);   // Q4_K_M when it fits
 * }</pre>
 */
public enum QuantizationChoice {
  /** Q4_K_M when it fits, else the largest smaller candidate that fits. */
  BEST_BALANCE,
  /** The candidate with the most bits that fits. */
  HIGHEST_QUALITY;

  /** The seed page's quantizations, fewest bits first. */
  public static final List<Quantization> CANDIDATES = List.of(Quantization.IQ2_XXS, Quantization.IQ2_M,
      Quantization.IQ3_XXS, Quantization.Q2_K, Quantization.Q3_K_M, Quantization.IQ4_XS, Quantization.Q4_K_M,
      Quantization.Q5_K_M, Quantization.Q6_K, Quantization.Q8_0);

  /** The candidates this rule tries, in the order it tries them. */
  List<Quantization> order() {
    int balance = CANDIDATES.indexOf(Quantization.Q4_K_M);
    if (this == HIGHEST_QUALITY) {
      return reversed(CANDIDATES);
    }
    return reversed(CANDIDATES.subList(0, balance + 1));
  }

  private static List<Quantization> reversed(List<Quantization> list) {
    Quantization[] out = new Quantization[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(list.size() - 1 - i);
    }
    return List.of(out);
  }
}
