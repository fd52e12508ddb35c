package dev.headroom;

import java.util.Locale;

/**
 * A prefill (prompt processing) speed for a prompt of {@link #promptTokens()} tokens, as the time the whole
 * prompt takes and its parts: the arithmetic ({@link #computeSeconds()}: the work of {@link #flopsPerToken()} per
 * token, heavier for super-block weights, see {@link SpeedCalibration}) and
 * reading the weights once per micro-batch ({@link #memorySeconds()}). {@link #timeToFirstToken()} is their sum.
 *
 * <pre>{@code
 * Optional<PrefillSpeed> p = Estimator.of(model).prefill(rtx4090, 4096);
 * double seconds = p.get().timeToFirstToken();
 * }</pre>
 *
 * @param promptTokens the prompt length, 1 to {@value Estimator#MAX_CONTEXT}
 * @param flopsPerToken floating-point operations per prompt token (2 × active parameters plus attention)
 * @param computeSeconds seconds of arithmetic for the whole prompt, 0 or more
 * @param memorySeconds seconds reading the weights for the whole prompt, 0 or more
 * @param band the typical relative error of the speed, 0 to 10
 */
public record PrefillSpeed(int promptTokens, double flopsPerToken, double computeSeconds, double memorySeconds,
    double band) {

  /**
   * Validates the components.
   *
   * @param promptTokens the prompt length, 1 to {@value Estimator#MAX_CONTEXT}
   * @param flopsPerToken floating-point operations per prompt token (2 × active parameters plus attention)
   * @param computeSeconds seconds of arithmetic for the whole prompt, 0 or more
   * @param memorySeconds seconds reading the weights for the whole prompt, 0 or more
   * @param band the typical relative error of the speed, 0 to 10
   */
  public PrefillSpeed {
    Checks.requireInRange(promptTokens, 1, Estimator.MAX_CONTEXT, "promptTokens", "tokens");
    Checks.requireInRange(flopsPerToken, 0, false, 1e18, "flopsPerToken", "FLOP");
    Checks.requireInRange(computeSeconds, 0, false, 1e12, "computeSeconds", "s");
    Checks.requireInRange(memorySeconds, 0, true, 1e12, "memorySeconds", "s");
    Checks.requireInRange(band, 0, true, 10, "band", "");
  }

  /**
   * Seconds until the first generated token: the whole prompt.
   *
   * @return {@code computeSeconds + memorySeconds}
   */
  public double timeToFirstToken() {
    return computeSeconds + memorySeconds;
  }

  /**
   * Prompt tokens per second.
   *
   * @return {@code promptTokens / timeToFirstToken()}
   */
  public double tokensPerSecond() {
    return promptTokens / timeToFirstToken();
  }

  /**
   * The low end of the typical range, prompt tokens per second.
   *
   * @return {@code tokensPerSecond() × (1 − band)}, or 0 when the band is 1 or more
   */
  public double low() {
    return tokensPerSecond() * Math.max(0, 1 - band);
  }

  /**
   * The high end of the typical range, prompt tokens per second.
   *
   * @return {@code tokensPerSecond() × (1 + band)}
   */
  public double high() {
    return tokensPerSecond() * (1 + band);
  }

  /**
   * For example {@code "4,085 tok/s: 4096 tokens × 16.1 GFLOP in 0.953 s + 0.0500 s reading weights; first token
   * after 1.00 s, typically ±20 %"}.
   */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%,.0f tok/s: %d tokens × %.3g GFLOP in %.3g s + %.3g s reading weights; first"
        + " token after %.3g s, typically ±%.0f %%", tokensPerSecond(), promptTokens, flopsPerToken / 1e9,
        computeSeconds, memorySeconds, timeToFirstToken(), band * 100);
  }
}
