package dev.headroom;

/**
 * Who makes a device. The seed page's speed formula uses a different efficiency for NVIDIA and AMD.
 *
 * <pre>{@code
 * Vendor v = Vendor.parse("nvidia");   // NVIDIA
 * }</pre>
 */
public enum Vendor {
  /** NVIDIA. */
  NVIDIA,
  /** AMD. */
  AMD,
  /** Intel. */
  INTEL,
  /** Apple. */
  APPLE,
  /** Any other maker. */
  OTHER;

  /**
   * Reads a vendor name, ignoring case.
   *
   * @param text the name, not null
   * @return the vendor of that name
   * @throws IllegalArgumentException listing the accepted names if none matches
   */
  public static Vendor parse(String text) {
    Checks.requireNonNull(text, "text");
    for (Vendor v : values()) {
      if (v.name().equalsIgnoreCase(text.strip())) {
        return v;
      }
    }
    throw new IllegalArgumentException("'" + text
        + "' is not a vendor; expected one of nvidia, amd, intel, apple, other");
  }
}
