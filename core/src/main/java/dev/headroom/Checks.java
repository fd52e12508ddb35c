package dev.headroom;

import java.util.Locale;

/**
 * Argument checks that produce the house message: name, allowed range, bad value. Each builds its message in a
 * separate method: a check's own bytecode stays small, so the JIT inlines it (and its caller) on the hot paths.
 */
final class Checks {
  private Checks() {}

  static <T> T requireNonNull(T value, String name) {
    if (value == null) {
      throw nullArgument(name);
    }
    return value;
  }

  private static NullPointerException nullArgument(String name) {
    return new NullPointerException(name + " must not be null");
  }

  static long requireInRange(long value, long min, long max, String name, String unit) {
    if (value < min || value > max) {
      throw outOfRange(value, min, max, name, unit);
    }
    return value;
  }

  private static IllegalArgumentException outOfRange(long value, long min, long max, String name, String unit) {
    return new IllegalArgumentException(
        String.format(Locale.ROOT, "%s must be in [%d, %d]%s but was %d", name, min, max, suffix(unit), value));
  }

  static int requireInRange(int value, int min, int max, String name, String unit) {
    return (int) requireInRange((long) value, min, max, name, unit);
  }

  static long requireNonNegative(long value, String name) {
    return requireInRange(value, 0, Long.MAX_VALUE, name, "");
  }

  static double requireFinite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw notFinite(value, name);
    }
    return value;
  }

  private static IllegalArgumentException notFinite(double value, String name) {
    return new IllegalArgumentException(name + " must be a finite number but was " + value);
  }

  /** Requires {@code min < value <= max} (or {@code min <= value} when {@code minInclusive}). */
  static double requireInRange(double value, double min, boolean minInclusive, double max, String name, String unit) {
    requireFinite(value, name);
    boolean aboveMin = minInclusive ? value >= min : value > min;
    if (!aboveMin || value > max) {
      throw outOfRange(value, min, minInclusive, max, name, unit);
    }
    return value;
  }

  private static IllegalArgumentException outOfRange(double value, double min, boolean minInclusive, double max,
      String name, String unit) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "%s must be in %s%s, %s]%s but was %s",
        name, minInclusive ? "[" : "(", plain(min), plain(max), suffix(unit), plain(value)));
  }

  static String requireNonBlank(String value, String name) {
    requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank but was '" + value + "'");
    }
    return value;
  }

  /** The overflow of a byte count, naming the amount that overflowed ({@code "1099511627776 TiB"}). */
  static ArithmeticException tooManyBytes(String amount) {
    return new ArithmeticException(amount + " is more than " + Long.MAX_VALUE + " bytes, the most a long holds");
  }

  /** The overflow of {@code a op b} ({@code "9223372036854775807 B + 2 B"}). */
  static ArithmeticException tooManyBytes(Object a, String op, Object b) {
    return tooManyBytes(a + " " + op + " " + b);
  }

  static String plain(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  private static String suffix(String unit) {
    return unit.isEmpty() ? "" : " " + unit;
  }
}
