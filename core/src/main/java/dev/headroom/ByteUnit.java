package dev.headroom;

/**
 * A unit of digital information, with the decimal (SI, powers of 1000) and binary (IEC, powers of 1024) families
 * kept apart.
 *
 * <p>Model files are conventionally shown in decimal {@link #GB} (Hugging Face, the seed page); GPU memory is sold
 * in binary {@link #GIB} (a "24 GB" card holds 24 × 2<sup>30</sup> bytes). Headroom never converts between the
 * two silently: every figure it prints names its unit.
 *
 * <pre>{@code
 * long bytes = ByteUnit.GIB.toBytes(24);   // 25_769_803_776
 * ByteUnit unit = ByteUnit.parse("GiB");   // GIB
 * }</pre>
 */
public enum ByteUnit {
  /** One byte. */
  B("B", 1L),
  /** Kilobyte, 10<sup>3</sup> bytes. */
  KB("KB", 1_000L),
  /** Megabyte, 10<sup>6</sup> bytes. */
  MB("MB", 1_000_000L),
  /** Gigabyte, 10<sup>9</sup> bytes: how model files are shown. */
  GB("GB", 1_000_000_000L),
  /** Terabyte, 10<sup>12</sup> bytes. */
  TB("TB", 1_000_000_000_000L),
  /** Kibibyte, 2<sup>10</sup> bytes. */
  KIB("KiB", 1L << 10),
  /** Mebibyte, 2<sup>20</sup> bytes. */
  MIB("MiB", 1L << 20),
  /** Gibibyte, 2<sup>30</sup> bytes: how GPU memory is sold. */
  GIB("GiB", 1L << 30),
  /** Tebibyte, 2<sup>40</sup> bytes. */
  TIB("TiB", 1L << 40);

  private final String symbol;
  private final long bytes;

  ByteUnit(String symbol, long bytes) {
    this.symbol = symbol;
    this.bytes = bytes;
  }

  /**
   * The symbol used in text, for example {@code "GiB"} or {@code "GB"}.
   *
   * @return the symbol, as {@link #parse(String)} reads it
   */
  public String symbol() {
    return symbol;
  }

  /**
   * The number of bytes in one of this unit.
   *
   * @return the bytes in one unit: a power of 1000 for decimal units, of 1024 for binary ones
   */
  public long bytes() {
    return bytes;
  }

  /**
   * Converts an exact amount of this unit to bytes.
   *
   * @param amount a non-negative amount
   * @return the number of bytes
   * @throws ArithmeticException if the result overflows a {@code long}, naming the amount
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public long toBytes(long amount) {
    Checks.requireNonNegative(amount, "amount");
    if (amount > Long.MAX_VALUE / bytes) {
      throw Checks.tooManyBytes(amount + " " + symbol);
    }
    return amount * bytes;
  }

  /**
   * Reads a unit symbol, ignoring case: {@code B, KB, MB, GB, TB, KiB, MiB, GiB, TiB}.
   *
   * @param symbol the symbol, not null
   * @return the unit
   * @throws IllegalArgumentException if the symbol is not one of those listed
   */
  public static ByteUnit parse(String symbol) {
    Checks.requireNonNull(symbol, "symbol");
    for (ByteUnit unit : values()) {
      if (unit.symbol.equalsIgnoreCase(symbol.strip())) {
        return unit;
      }
    }
    throw new IllegalArgumentException("'" + symbol + "' is not a byte unit; expected one of " + symbols());
  }

  static String symbols() {
    StringBuilder all = new StringBuilder();
    for (ByteUnit unit : values()) {
      all.append(all.length() == 0 ? "" : "|").append(unit.symbol);
    }
    return all.toString();
  }

  @Override
  public String toString() {
    return symbol;
  }
}
