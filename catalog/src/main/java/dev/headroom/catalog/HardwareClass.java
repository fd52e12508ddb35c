package dev.headroom.catalog;

import java.util.Locale;

/**
 * The market a device is sold to.
 *
 * <pre>{@code
 * HardwareClass c = HardwareClass.parse("datacenter");   // DATACENTER
 * }</pre>
 */
public enum HardwareClass {
  /** Gaming cards, laptops, Macs. */
  CONSUMER,
  /** Professional workstation cards and desktop AI boxes. */
  WORKSTATION,
  /** Server accelerators and multi-GPU systems. */
  DATACENTER,
  /** Embedded modules (Jetson). */
  EMBEDDED;

  /**
   * Reads a class name, ignoring case.
   *
   * @param text the name, not null
   * @return the class of that name
   * @throws IllegalArgumentException listing the accepted names if none matches
   */
  public static HardwareClass parse(String text) {
    java.util.Objects.requireNonNull(text, "text must not be null");
    for (HardwareClass c : values()) {
      if (c.name().equalsIgnoreCase(text.strip())) {
        return c;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a hardware class; expected one of "
        + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT));
  }
}
