package dev.headroom.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Little-endian reads from a channel through one 64 KiB buffer, tracking the file offset. Every length is checked
 * against the bytes the file has left before anything is allocated or skipped.
 */
final class GgufInput {
  private static final int BUFFER = 1 << 16;

  private final SeekableByteChannel channel;
  private final String source;
  private final long size;
  private final ByteBuffer buf = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
  private final Utf8Text utf8 = new Utf8Text();
  private long bufStart;

  GgufInput(SeekableByteChannel channel, String source) {
    this.channel = channel;
    this.source = source;
    try {
      this.size = channel.size();
      this.bufStart = channel.position();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
    buf.limit(0);
  }

  long position() {
    return bufStart + buf.position();
  }

  long size() {
    return size;
  }

  long remaining() {
    return size - position();
  }

  GgufFormatException error(String what) {
    return new GgufFormatException(source, position(), what);
  }

  /**
   * "{@code what} of '{@code of}'", or {@code what} alone: callers name a value by parts, joined only for a message,
   * because a header has thousands of values and almost never a message.
   */
  private static String describe(String what, @Nullable String of) {
    return of == null ? what : what + " of '" + of + "'";
  }

  /** Makes {@code n} bytes (at most the buffer size) available, or fails naming {@code what}. */
  private void need(int n, String what) {
    need(n, what, null);
  }

  /** Makes {@code n} bytes (at most the buffer size) available, or fails naming {@code what} of {@code of}. */
  private void need(int n, String what, @Nullable String of) {
    if (buf.remaining() >= n) {
      return;
    }
    long start = position();
    buf.compact();
    bufStart = start;
    try {
      channel.position(start + buf.position());
      while (buf.position() < n) {
        int read = channel.read(buf);
        if (read < 0) {
          break;
        }
        if (read == 0 && buf.position() < n && channel.position() >= size) {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
    buf.flip();
    if (buf.remaining() < n) {
      throw error(String.format(Locale.ROOT, "the file ends inside %s (%d of %d bytes left)", describe(what, of),
          buf.remaining(), n));
    }
  }

  int u8(String what) {
    need(1, what);
    return buf.get() & 0xff;
  }

  int u16(String what) {
    need(2, what);
    return buf.getShort() & 0xffff;
  }

  int i32(String what) {
    need(4, what);
    return buf.getInt();
  }

  long u32(String what) {
    return u32(what, null);
  }

  long i64(String what) {
    return i64(what, null);
  }

  /** An unsigned 32-bit value, named {@code what} of {@code of} if the file ends inside it. */
  long u32(String what, @Nullable String of) {
    need(4, what, of);
    return buf.getInt() & 0xffffffffL;
  }

  /** A 64-bit value, named {@code what} of {@code of} if the file ends inside it. */
  long i64(String what, @Nullable String of) {
    need(8, what, of);
    return buf.getLong();
  }

  float f32(String what) {
    need(4, what);
    return buf.getFloat();
  }

  double f64(String what) {
    need(8, what);
    return buf.getDouble();
  }

  /**
   * A length-prefixed UTF-8 string of at most {@code max} bytes. A string inside the buffer is decoded where it lies;
   * {@code what} is only extended for a message when the buffer must be refilled.
   */
  String string(String what, long max) {
    return string(what, null, max);
  }

  /** {@link #string(String, long)} of a value named {@code what} of {@code of}. */
  String string(String what, @Nullable String of, long max) {
    long start = position();
    long length = length(what, of);
    if (length > max) {
      throw new GgufFormatException(source, start, String.format(Locale.ROOT,
          "%s is %d bytes long; at most %d are accepted", describe(what, of), length, max));
    }
    int n = (int) length;
    if (n <= BUFFER) {
      need(n, what, of);
      int at = buf.position();
      buf.position(at + n);
      return utf8.decode(buf.array(), buf.arrayOffset() + at, n);
    }
    byte[] bytes = new byte[n];
    int done = 0;
    while (done < bytes.length) {
      int chunk = Math.min(BUFFER, bytes.length - done);
      need(chunk, what, of);
      buf.get(bytes, done, chunk);
      done += chunk;
    }
    return utf8.decode(bytes, 0, bytes.length);
  }

  /** Skips a length-prefixed string without reading it. */
  void skipString(String what, String of) {
    skip(length(what, of));
  }

  /** A string's length prefix, checked against the bytes the file has left. */
  private long length(String what, @Nullable String of) {
    long start = position();
    long length = buf.remaining() >= 8 ? buf.getLong() : i64(describe(what, of) + " length");
    if (length < 0 || length > remaining()) {
      throw new GgufFormatException(source, start, String.format(Locale.ROOT,
          "%s claims %d bytes but the file has %d left", describe(what, of), length, remaining()));
    }
    return length;
  }

  /** Skips {@code n} bytes already known to lie inside the file. */
  void skip(long n) {
    if (n <= buf.remaining()) {
      buf.position(buf.position() + (int) n);
      return;
    }
    long target = position() + n;
    bufStart = target;
    buf.limit(0);
    try {
      channel.position(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
  }
}
