package dev.headroom;

import java.util.Locale;

/**
 * A bandwidth-bound decode speed: every generated token reads {@link #bytesPerToken()} from memory at
 * {@link #bandwidthGBps()} × {@link #efficiency()}. Carries its inputs so the figure can be reproduced, and a
 * typical range ({@link #low()}–{@link #high()}).
 *
 * <pre>{@code
 * DecodeSpeed s = Estimator.of(r1).method(EstimationMethod.SEED).quant(Q4_K_M).decode(rtx4090);
 * double tps = s.tokensPerSecond();
 * String why = s.toString();   // "521 tok/s (1008 GB/s × 0.65 ÷ 1.26 GB per token; typically 416–625)"
 * }</pre>
 *
 * @param tokensPerSecond the estimate
 * @param low the low end of the typical range
 * @param high the high end of the typical range
 * @param bytesPerToken bytes read from memory per generated token
 * @param bandwidthGBps the memory bandwidth used, decimal GB/s
 * @param efficiency the share of bandwidth assumed achieved, in (0, 1]
 */
public record DecodeSpeed(double tokensPerSecond, double low, double high, Bytes bytesPerToken, double bandwidthGBps,
    double efficiency) {

  /** Validates the components. */
  public DecodeSpeed {
    Checks.requireInRange(tokensPerSecond, 0, false, Double.MAX_VALUE, "tokensPerSecond", "tok/s");
    Checks.requireInRange(low, 0, true, tokensPerSecond, "low", "tok/s");
    Checks.requireInRange(high, tokensPerSecond, true, Double.MAX_VALUE, "high", "tok/s");
    Checks.requireNonNull(bytesPerToken, "bytesPerToken");
    Checks.requireInRange(bandwidthGBps, 0, false, Hardware.MAX_BANDWIDTH_GBPS, "bandwidthGBps", "GB/s");
    Checks.requireInRange(efficiency, 0, false, 1, "efficiency", "");
  }

  /** The formula with its inputs, for example {@code "521 tok/s (1008 GB/s × 0.65 ÷ 1.26 GB per token; …)"}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.0f tok/s (%s GB/s × %s ÷ %s per token; typically %.0f–%.0f)",
        tokensPerSecond, Checks.plain(bandwidthGBps), Checks.plain(efficiency),
        bytesPerToken.format(ByteUnit.GB, 2), low, high);
  }
}
