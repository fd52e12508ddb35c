package dev.headroom;

/**
 * The kind of memory a model is loaded into.
 *
 * <pre>{@code
 * HardwareKind k = HardwareKind.parse("unified");   // UNIFIED
 * }</pre>
 */
public enum HardwareKind {
  /** A discrete GPU with its own memory (VRAM). */
  GPU,
  /** A device whose CPU and GPU share one memory (Apple silicon, DGX Spark, Strix Halo); the GPU may use a share. */
  UNIFIED,
  /** A CPU with system RAM. */
  CPU;

  /**
   * Reads a kind, ignoring case: {@code gpu}, {@code unified} or {@code cpu}.
   *
   * @param text the name, not null
   * @return the kind of that name
   * @throws IllegalArgumentException listing the accepted names if none matches
   */
  public static HardwareKind parse(String text) {
    Checks.requireNonNull(text, "text");
    for (HardwareKind k : values()) {
      if (k.name().equalsIgnoreCase(text.strip())) {
        return k;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a hardware kind; expected one of gpu, unified, cpu");
  }
}
