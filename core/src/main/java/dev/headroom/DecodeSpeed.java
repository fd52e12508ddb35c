package dev.headroom;

import java.util.Locale;

/**
 * A decode (generation) speed, as the time one token takes and its parts: reading {@link #bytesPerToken()} from
 * memory ({@link #memoryMillis()}), the arithmetic ({@link #computeMillis()}) and the fixed costs
 * ({@link #overheadMillis()}). {@link #tokensPerSecond()} is 1000 ÷ their sum, and {@link #low()}–{@link #high()}
 * the typical range the calibration's {@link #band()} gives; so every figure can be reproduced from its parts.
 * Immutable; equal when every part is.
 *
 * <pre>{@code
 * DecodeSpeed s = Estimator.of(r1).quant(Q4_K_M).decode(rtx4090);
 * double tps = s.tokensPerSecond();
 * String why = s.toString();   // "… tok/s = 1000 / (… ms reading 1.04 GB + … ms overhead); typically ±…"
 * }</pre>
 *
 */
public final class DecodeSpeed {
  /** The longest a part of one token may take, in milliseconds. */
  private static final double MAX_MILLIS = 1e12;

  private final long bytesPerToken;
  private final double memoryMillis;
  private final double computeMillis;
  private final double overheadMillis;
  private final double band;

  /**
   * A speed of these parts, validated: the parts are finite, not negative, and add up to more than zero.
   *
   * @param bytesPerToken bytes read from memory per generated token, over every device, not null
   * @param memoryMillis milliseconds per token spent reading memory, 0 to 10<sup>12</sup>
   * @param computeMillis milliseconds per token of arithmetic beyond the reads, 0 to 10<sup>12</sup>
   * @param overheadMillis fixed milliseconds per token (kernel launches, sampling, hops between devices), 0 to
   *     10<sup>12</sup>
   * @param band the typical relative error, 0 to 10; the range is {@code tokensPerSecond × (1 ± band)}
   * @throws IllegalArgumentException when a part is out of its range, or all three times are 0
   */
  public DecodeSpeed(Bytes bytesPerToken, double memoryMillis, double computeMillis, double overheadMillis,
      double band) {
    this(Checks.requireNonNull(bytesPerToken, "bytesPerToken").bytes(), memoryMillis, computeMillis, overheadMillis,
        band);
    requireValid(memoryMillis, computeMillis, overheadMillis, band);
  }

  /**
   * A speed the estimator computed. Its times are not negative and its band is a validated calibration's, so one
   * comparison stands for the checks in the common case (a NaN fails it too): all of them would make every decode
   * estimate too large for the JIT to inline, and the speed would then be allocated even for a caller that reads
   * only its tokens per second. A time past 10<sup>12</sup> ms (a device or efficiency near zero) fails as the public
   * constructor fails.
   */
  DecodeSpeed(long bytesPerToken, double memoryMillis, double computeMillis, double overheadMillis, double band) {
    if (!(Math.max(Math.max(memoryMillis, computeMillis), overheadMillis) <= MAX_MILLIS)) {
      requireValid(memoryMillis, computeMillis, overheadMillis, band);
    }
    this.bytesPerToken = bytesPerToken;
    this.memoryMillis = memoryMillis;
    this.computeMillis = computeMillis;
    this.overheadMillis = overheadMillis;
    this.band = band;
  }

  /** The public constructor's checks, each naming the bad part. */
  private static void requireValid(double memoryMillis, double computeMillis, double overheadMillis, double band) {
    Checks.requireInRange(memoryMillis, 0, true, MAX_MILLIS, "memoryMillis", "ms");
    Checks.requireInRange(computeMillis, 0, true, MAX_MILLIS, "computeMillis", "ms");
    Checks.requireInRange(overheadMillis, 0, true, MAX_MILLIS, "overheadMillis", "ms");
    Checks.requireInRange(band, 0, true, 10, "band", "");
    if (memoryMillis + computeMillis + overheadMillis <= 0) {
      throw new IllegalArgumentException("a token must take more than 0 ms but memoryMillis, computeMillis and "
          + "overheadMillis were all 0");
    }
  }

  /**
   * Bytes read from memory per generated token, over every device.
   *
   * @return the bytes one token reads
   */
  public Bytes bytesPerToken() {
    return Bytes.ofBytes(bytesPerToken);
  }

  /**
   * Milliseconds per token spent reading memory.
   *
   * @return the memory time of one token, 0 or more
   */
  public double memoryMillis() {
    return memoryMillis;
  }

  /**
   * Milliseconds per token of arithmetic beyond the reads.
   *
   * @return the compute time of one token, 0 or more
   */
  public double computeMillis() {
    return computeMillis;
  }

  /**
   * Fixed milliseconds per token (kernel launches, sampling, hops between devices).
   *
   * @return the fixed time of one token, 0 or more
   */
  public double overheadMillis() {
    return overheadMillis;
  }

  /**
   * The typical relative error; the range is {@code tokensPerSecond × (1 ± band)}.
   *
   * @return the band, 0 to 10
   */
  public double band() {
    return band;
  }

  /**
   * Milliseconds per generated token: memory + compute + overhead.
   *
   * @return the milliseconds one token takes
   */
  public double millisPerToken() {
    return memoryMillis + computeMillis + overheadMillis;
  }

  /**
   * Generated tokens per second.
   *
   * @return {@code 1000 / millisPerToken()}
   */
  public double tokensPerSecond() {
    return 1000 / millisPerToken();
  }

  /**
   * The low end of the typical range, tokens per second.
   *
   * @return {@code tokensPerSecond() × (1 − band)}, or 0 when the band is 1 or more
   */
  public double low() {
    return tokensPerSecond() * Math.max(0, 1 - band);
  }

  /**
   * The high end of the typical range, tokens per second.
   *
   * @return {@code tokensPerSecond() × (1 + band)}
   */
  public double high() {
    return tokensPerSecond() * (1 + band);
  }

  /**
   * Seconds to generate {@code tokens} tokens at this speed.
   *
   * @param tokens a non-negative number of generated tokens
   * @return the seconds they take
   */
  public double secondsFor(int tokens) {
    Checks.requireInRange(tokens, 0, Integer.MAX_VALUE, "tokens", "");
    return tokens * millisPerToken() / 1000;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecodeSpeed d && bytesPerToken == d.bytesPerToken
        && Double.compare(memoryMillis, d.memoryMillis) == 0 && Double.compare(computeMillis, d.computeMillis) == 0
        && Double.compare(overheadMillis, d.overheadMillis) == 0 && Double.compare(band, d.band) == 0;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(bytesPerToken) + 31 * (Double.hashCode(memoryMillis) + 31 * (Double.hashCode(computeMillis)
        + 31 * (Double.hashCode(overheadMillis) + 31 * Double.hashCode(band))));
  }

  /**
   * The figure with its parts (those above zero), for example
   * {@code "40 tok/s = 1000 / (21.5 ms reading 4.92 GB + 1.20 ms compute + 2.30 ms overhead); typically ±12 %
   * (35–45)"}.
   */
  @Override
  public String toString() {
    StringBuilder parts = new StringBuilder(String.format(Locale.ROOT, "%.3g ms reading %s", memoryMillis,
        bytesPerToken().format(ByteUnit.GB, 2)));
    if (computeMillis > 0) {
      parts.append(String.format(Locale.ROOT, " + %.3g ms compute", computeMillis));
    }
    if (overheadMillis > 0) {
      parts.append(String.format(Locale.ROOT, " + %.3g ms overhead", overheadMillis));
    }
    return String.format(Locale.ROOT, "%.0f tok/s = 1000 / (%s); typically ±%.0f %% (%.0f–%.0f)", tokensPerSecond(),
        parts, band * 100, low(), high());
  }
}
