package dev.headroom.examples;

import java.math.BigDecimal;

/** Number formatting shared by the commands' output. */
final class Text {
  private Text() {}

  /** A number as written by hand: {@code 1008}, {@code 0.65}, {@code 0.00001}; never exponent notation. */
  static String plain(double value) {
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }
}
