package dev.headroom.examples;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting shared by the commands' output. */
final class Text {
  private Text() {}

  /** A number as written by hand: {@code 1008}, {@code 0.65}, {@code 0.00001}; never exponent notation. */
  static String plain(double value) {
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  /** {@code value} rounded half up to {@code decimals} places, written as {@link #plain(double)} writes it. */
  static String plain(double value, int decimals) {
    return new BigDecimal(Double.toString(value)).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString();
  }
}
