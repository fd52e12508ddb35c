package dev.headroom.benchmarks;

import dev.headroom.ModelSpec;
import dev.headroom.catalog.GgufFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a GGUF header into a {@link ModelSpec}: {@link GgufFile#read} then {@link GgufFile#toModelSpec()}, on
 * {@link RealisticGguf}'s DeepSeek-R1-Distill-Qwen-1.5B Q4_K_M file (a 5,213,376-byte header over 1.1 GB of sparse
 * tensor data that is never read).
 *
 * <p>{@code fromFile} opens and reads the file on disk (page cache warm after the first read); {@code fromMemory}
 * reads the same bytes through an in-memory channel, so the difference is the I/O. {@code arrays=skipped} is {@link
 * GgufFile#read(Path)} as an application calls it (arrays over 1,024 elements skipped: tokens, token types and
 * merges are counted, not materialised); {@code arrays=all} materialises every one of them, as the JavaScript
 * parsers in {@code benchmarks/compare} do.
 *
 * <p>Metadata throughput in MB/s (10<sup>6</sup> bytes per second) is the header size divided by the time per
 * operation in microseconds: {@code 5213376 / (µs/op)}. Setup prints the header size.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar GgufMetadataBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GgufMetadataBenchmark {
  /** {@code skipped}: arrays over 1,024 elements skipped (the default); {@code all}: every array read. */
  @Param({"skipped", "all"})
  public String arrays;

  private int arrayLimit;
  private Path file;
  private byte[] header;
  private long fileBytes;

  @Setup
  public void setup() throws IOException {
    arrayLimit = "all".equals(arrays) ? Integer.MAX_VALUE : GgufFile.DEFAULT_ARRAY_LIMIT;
    RealisticGguf gguf = RealisticGguf.create();
    header = gguf.header();
    fileBytes = gguf.fileBytes();
    file = gguf.write(Files.createTempFile("headroom-gguf-bench", ".gguf"));
    GgufFile.read(file, arrayLimit).toModelSpec();
    System.out.printf(Locale.ROOT, "%n# GGUF header %d bytes (file %d bytes, sparse); MB/s = %d / (us/op)%n",
        header.length, fileBytes, header.length);
  }

  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  /** From the file on disk: open, read the header, close, describe the model. */
  @Benchmark
  public ModelSpec fromFile() {
    return GgufFile.read(file, arrayLimit).toModelSpec();
  }

  /** From the header bytes in memory, through a channel that reads zeros past them up to the file's size. */
  @Benchmark
  public ModelSpec fromMemory() {
    return GgufFile.read(new SparseChannel(header, fileBytes), "memory", arrayLimit).toModelSpec();
  }

  /** A read-only channel over a file's first bytes; past them it reads zeros up to {@code size}, as a sparse file. */
  static final class SparseChannel implements SeekableByteChannel {
    /** The tensor data past the header: zeros, copied in bulk. */
    private static final byte[] ZEROS = new byte[64 * 1024];
    private final byte[] head;
    private final long size;
    private long position;
    private boolean open = true;

    SparseChannel(byte[] head, long size) {
      this.head = head;
      this.size = size;
    }

    @Override
    public int read(ByteBuffer dst) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(dst.remaining(), size - position);
      int fromHead = (int) Math.max(0, Math.min(n, head.length - position));
      if (fromHead > 0) {
        dst.put(head, (int) position, fromHead);
      }
      for (int zeros = n - fromHead; zeros > 0; zeros -= Math.min(zeros, ZEROS.length)) {
        dst.put(ZEROS, 0, Math.min(zeros, ZEROS.length));
      }
      position += n;
      return n;
    }

    @Override
    public int write(ByteBuffer src) {
      throw new NonWritableChannelException();
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
      if (newPosition < 0) {
        throw new IllegalArgumentException("position must be 0 or more but was " + newPosition);
      }
      position = newPosition;
      return this;
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
      throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      open = false;
    }
  }
}
