package dev.headroom.catalog;

import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 into strings with fewer temporary arrays than {@code new String(bytes, UTF_8)}, for the 300,000
 * short strings of a GGUF tokenizer. For text beyond Latin-1 (GPT-2's byte-level tokens start with U+0120), the JDK
 * allocates a Latin-1 attempt, a UTF-16 array of the byte length and a trimmed copy of it, about five bytes per
 * byte; decoding into a reused char array first costs three. Reading every string of a 5.2 MB header allocated 38 MB
 * the JDK's way and 31 MB this way, and in a fresh JVM each megabyte allocated can be paid again in first touches
 * of the heap's pages (benchmarks/README.md).
 *
 * <p>ASCII, and well-formed two- and three-byte sequences, are decoded here; four-byte sequences and malformed input
 * go to the JDK's decoder, so the text is always exactly what it gives. Not thread-safe: one per reader.
 */
final class Utf8Text {
  private char[] chars = new char[256];

  /** The text of {@code length} bytes of UTF-8 from {@code offset}, as {@code new String(…, UTF_8)} decodes it. */
  String decode(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int i = offset;
    while (i < end && bytes[i] >= 0) {
      i++;
    }
    if (i == end) {
      // ASCII: ISO-8859-1 copies the bytes, without UTF-8's scan for non-ASCII ones.
      return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
    if (chars.length < length) {
      chars = new char[Math.max(length, chars.length * 2)];
    }
    char[] out = chars;
    int count = 0;
    for (int k = offset; k < i; k++) {
      out[count++] = (char) bytes[k];
    }
    while (i < end) {
      int b = bytes[i];
      if (b >= 0) {
        out[count++] = (char) b;
        i++;
      } else if ((b & 0xE0) == 0xC0 && b != (byte) 0xC0 && b != (byte) 0xC1 && i + 1 < end
          && isContinuation(bytes[i + 1])) {
        out[count++] = (char) (((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
        i += 2;
      } else if ((b & 0xF0) == 0xE0 && i + 2 < end && isContinuation(bytes[i + 1]) && isContinuation(bytes[i + 2])) {
        int c = ((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F);
        if (c < 0x800 || Character.isSurrogate((char) c)) {
          return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
        out[count++] = (char) c;
        i += 3;
      } else {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
      }
    }
    return new String(out, 0, count);
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
