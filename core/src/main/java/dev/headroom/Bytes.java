package dev.headroom;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * An exact, non-negative amount of memory or storage, in bytes.
 *
 * <p>Bytes are exact {@code long}s. Decimal units ({@link ByteUnit#GB}, 10<sup>9</sup>) and binary units
 * ({@link ByteUnit#GIB}, 2<sup>30</sup>) are both available and always named: {@link #to(ByteUnit)} converts,
 * {@link #format(ByteUnit, int)} rounds for display. Arithmetic throws {@link ArithmeticException} instead of
 * overflowing or going negative.
 *
 * <p>{@link #toString()} is canonical and exact: the amount in the unit that gives the smallest whole number
 * ({@code "24 GiB"}, {@code "300 MB"}, {@code "1117320576 B"}); {@link #parse(CharSequence)} reads it back.
 * This is a value-based class; instances are immutable and thread-safe.
 *
 * <pre>{@code
 * Bytes card = Bytes.of(24, ByteUnit.GIB);
 * Bytes file = Bytes.parse("1117320576 B");
 * String shown = file.format(ByteUnit.GB, 2);         // "1.12 GB"
 * Bytes left = card.minus(file);                       // throws ArithmeticException if negative
 * }</pre>
 */
public final class Bytes implements Comparable<Bytes> {
  /** Zero bytes. */
  public static final Bytes ZERO = new Bytes(0);

  private static final ByteUnit[] CANONICAL_UNITS = {
    ByteUnit.TIB, ByteUnit.GIB, ByteUnit.MIB, ByteUnit.KIB, ByteUnit.TB, ByteUnit.GB, ByteUnit.MB, ByteUnit.KB
  };

  private final long bytes;

  private Bytes(long bytes) {
    this.bytes = bytes;
  }

  /**
   * Obtains an amount from a number of bytes.
   *
   * @param bytes a non-negative number of bytes
   * @return the amount
   * @throws IllegalArgumentException if {@code bytes} is negative
   */
  public static Bytes ofBytes(long bytes) {
    Checks.requireNonNegative(bytes, "bytes");
    return bytes == 0 ? ZERO : new Bytes(bytes);
  }

  /**
   * Obtains an exact amount of a unit, for example {@code Bytes.of(24, ByteUnit.GIB)}.
   *
   * @param amount a non-negative amount of {@code unit}
   * @param unit the unit, not null
   * @return the amount
   * @throws IllegalArgumentException if {@code amount} is negative
   * @throws ArithmeticException if the result does not fit in a {@code long} of bytes
   */
  public static Bytes of(long amount, ByteUnit unit) {
    Checks.requireNonNull(unit, "unit");
    return ofBytes(unit.toBytes(amount));
  }

  /**
   * Obtains a fractional amount of a unit, rounded to the nearest byte (half up), for example
   * {@code Bytes.of(0.3, ByteUnit.GB)} is 300,000,000 bytes.
   *
   * @param amount a finite, non-negative amount of {@code unit}
   * @param unit the unit, not null
   * @return the amount
   * @throws IllegalArgumentException if {@code amount} is negative, NaN or infinite
   * @throws ArithmeticException if the result does not fit in a {@code long} of bytes
   */
  public static Bytes of(double amount, ByteUnit unit) {
    Checks.requireNonNull(unit, "unit");
    Checks.requireInRange(amount, 0, true, Double.MAX_VALUE, "amount", unit.symbol());
    if (amount == Math.rint(amount) && amount < 0x1p62) {
      return of((long) amount, unit);
    }
    BigDecimal exact = new BigDecimal(amount).multiply(BigDecimal.valueOf(unit.bytes()));
    return ofBytes(exactBytes(exact.setScale(0, RoundingMode.HALF_UP), Checks.plain(amount) + " " + unit));
  }

  /**
   * Shorthand for {@code Bytes.of(gibibytes, ByteUnit.GIB)}, the unit GPU memory is sold in.
   *
   * @param gibibytes a non-negative number of GiB (2<sup>30</sup> bytes)
   * @return the amount
   */
  public static Bytes ofGibibytes(long gibibytes) {
    return of(gibibytes, ByteUnit.GIB);
  }

  /**
   * Shorthand for {@code Bytes.of(mebibytes, ByteUnit.MIB)}.
   *
   * @param mebibytes a non-negative number of MiB (2<sup>20</sup> bytes)
   * @return the amount
   */
  public static Bytes ofMebibytes(long mebibytes) {
    return of(mebibytes, ByteUnit.MIB);
  }

  /**
   * Reads text of the form {@code <number> [unit]}, for example {@code "24 GiB"}, {@code "0.9 GB"},
   * {@code "1117320576 B"} or {@code "512"} (bytes). The unit is one of
   * {@code B, KB, MB, GB, TB, KiB, MiB, GiB, TiB} (any case); a fractional amount is rounded to the nearest byte.
   * Reads every output of {@link #toString()} back to an equal value.
   *
   * @param text the text, not null
   * @return the amount
   * @throws IllegalArgumentException if the text is not of that form or is negative
   * @throws ArithmeticException if the amount does not fit in a {@code long} of bytes
   */
  public static Bytes parse(CharSequence text) {
    Checks.requireNonNull(text, "text");
    String s = text.toString().strip();
    int split = 0;
    while (split < s.length() && (Character.isDigit(s.charAt(split)) || s.charAt(split) == '.')) {
      split++;
    }
    String number = s.substring(0, split);
    String symbol = s.substring(split).strip();
    BigDecimal amount;
    ByteUnit unit;
    try {
      amount = new BigDecimal(number);
      unit = symbol.isEmpty() ? ByteUnit.B : ByteUnit.parse(symbol);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid byte size; expected <number> ["
          + ByteUnit.symbols() + "]", e);
    }
    BigDecimal exact = amount.multiply(BigDecimal.valueOf(unit.bytes())).setScale(0, RoundingMode.HALF_UP);
    return ofBytes(exactBytes(exact, number + " " + unit));
  }

  /** A whole number of bytes as a {@code long}, or the overflow naming {@code what} was asked for. */
  private static long exactBytes(BigDecimal bytes, String what) {
    if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw Checks.tooManyBytes(what);
    }
    return bytes.longValueExact();
  }

  /**
   * The exact number of bytes.
   *
   * @return the number of bytes, never negative
   */
  public long bytes() {
    return bytes;
  }

  /**
   * This amount in {@code unit}, for example {@code 0.9} for 900,000,000 bytes in {@link ByteUnit#GB}.
   *
   * @param unit the unit to express the amount in, not null
   * @return the amount in {@code unit}, fractional where it is not a whole number of units
   */
  public double to(ByteUnit unit) {
    Checks.requireNonNull(unit, "unit");
    return (double) bytes / unit.bytes();
  }

  /**
   * This amount in {@code unit}, rounded half-up to {@code decimals} places, with the unit symbol:
   * {@code Bytes.ofBytes(1_117_320_576).format(ByteUnit.GB, 2)} is {@code "1.12 GB"}. Locale-independent.
   *
   * @param unit the unit to show, not null
   * @param decimals the number of decimal places, 0 to 6
   * @return the text
   */
  public String format(ByteUnit unit, int decimals) {
    Checks.requireNonNull(unit, "unit");
    Checks.requireInRange(decimals, 0, 6, "decimals", "");
    BigDecimal value = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit.bytes()), decimals,
        RoundingMode.HALF_UP);
    return value.toPlainString() + " " + unit.symbol();
  }

  /**
   * The sum. This instance is immutable and unaffected by this method call.
   *
   * @param other the amount to add, not null
   * @return the sum of both amounts
   * @throws ArithmeticException if the sum does not fit in a {@code long}
   */
  public Bytes plus(Bytes other) {
    Checks.requireNonNull(other, "other");
    return ofBytes(sum(bytes, other.bytes));
  }

  /** {@code a + b} for non-negative byte counts, the overflow named as {@link #plus} names it, allocating nothing. */
  static long sum(long a, long b) {
    if (b > Long.MAX_VALUE - a) {
      throw Checks.tooManyBytes(ofBytes(a), "+", ofBytes(b));
    }
    return a + b;
  }

  /**
   * The difference.
   *
   * @param other the amount to subtract, not null
   * @return this amount minus {@code other}
   * @throws ArithmeticException if {@code other} is larger than this amount
   */
  public Bytes minus(Bytes other) {
    Checks.requireNonNull(other, "other");
    if (other.bytes > bytes) {
      throw new ArithmeticException("cannot subtract " + other + " from " + this + ": bytes cannot be negative");
    }
    return ofBytes(bytes - other.bytes);
  }

  /**
   * This amount times a non-negative whole factor.
   *
   * @param factor a non-negative whole factor
   * @return this amount times {@code factor}
   * @throws ArithmeticException on overflow
   * @throws IllegalArgumentException if {@code factor} is negative
   */
  public Bytes multipliedBy(long factor) {
    Checks.requireNonNegative(factor, "factor");
    if (factor != 0 && bytes > Long.MAX_VALUE / factor) {
      throw Checks.tooManyBytes(this, "×", factor);
    }
    return ofBytes(bytes * factor);
  }

  /**
   * This amount times a finite, non-negative fraction, rounded down to a whole byte (used for "the share of
   * memory a GPU may use").
   *
   * @param factor a finite, non-negative factor
   * @return this amount times {@code factor}, rounded down to a whole byte
   * @throws IllegalArgumentException if {@code factor} is negative, NaN or infinite
   * @throws ArithmeticException on overflow
   */
  public Bytes multipliedBy(double factor) {
    Checks.requireInRange(factor, 0, true, Double.MAX_VALUE, "factor", "");
    if (factor == 1) {
      return this;
    }
    BigDecimal exact = BigDecimal.valueOf(bytes).multiply(new BigDecimal(factor));
    return ofBytes(exactBytes(exact.setScale(0, RoundingMode.FLOOR), this + " × " + Checks.plain(factor)));
  }

  /**
   * Whether this amount is strictly larger than {@code other}.
   *
   * @param other the amount to compare with, not null
   * @return true if this amount is larger than {@code other}, false if it is equal or smaller
   */
  public boolean isGreaterThan(Bytes other) {
    return compareTo(other) > 0;
  }

  /**
   * The larger of the two amounts.
   *
   * @param a one amount, not null
   * @param b the other amount, not null
   * @return {@code a} if it is at least {@code b}, otherwise {@code b}
   */
  public static Bytes max(Bytes a, Bytes b) {
    Checks.requireNonNull(a, "a");
    Checks.requireNonNull(b, "b");
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public int compareTo(Bytes other) {
    Checks.requireNonNull(other, "other");
    return Long.compare(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes && ((Bytes) o).bytes == bytes;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(bytes);
  }

  /**
   * The canonical, exact text: the amount in whichever unit gives the smallest whole number, for example
   * {@code "24 GiB"}, {@code "300 MB"}, {@code "1117320576 B"}, {@code "0 B"}.
   */
  @Override
  public String toString() {
    ByteUnit best = ByteUnit.B;
    for (ByteUnit unit : CANONICAL_UNITS) {
      if (bytes != 0 && bytes % unit.bytes() == 0 && unit.bytes() > best.bytes()) {
        best = unit;
      }
    }
    return String.format(Locale.ROOT, "%d %s", bytes / best.bytes(), best.symbol());
  }
}
