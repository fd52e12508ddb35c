package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.headroom.Estimator;
import dev.headroom.FileWeights;
import dev.headroom.MemoryEstimate;
import dev.headroom.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzzing of the GGUF reader (Jazzer). Whatever the bytes, reading either succeeds or raises
 * {@link GgufFormatException} with an offset inside the file; a header that reads gives its weights and model (or
 * that exception), and the model a spec an estimator can size.
 *
 * <p>{@link #read} reads from memory, fast enough for CI's short run; {@link #readFile} goes through the disk and
 * the {@link Path} entry points, for the long run. A plain test run replays each method's seeds in
 * {@code GgufFileFuzzTestInputs/<method>/} ({@link FuzzSeedsTest} writes them); with {@code JAZZER_FUZZ=1} Jazzer
 * fuzzes one method for {@code maxDuration}. See {@code catalog/FUZZING.md}.
 */
final class GgufFileFuzzTest {
  @TempDir
  static Path dir;

  /** {@link GgufFile#read(java.nio.channels.SeekableByteChannel, String, int)}, arrays read and skipped. */
  @FuzzTest(maxDuration = "25s")
  void read(byte[] bytes) {
    GgufFile gguf;
    try {
      gguf = GgufFile.read(new ByteArrayChannel(bytes), "fuzz.gguf", GgufFile.DEFAULT_ARRAY_LIMIT);
    } catch (GgufFormatException e) {
      assertThat(e.offset()).isBetween(0L, (long) bytes.length);
      return;
    }
    GgufFile skipped = GgufFile.read(new ByteArrayChannel(bytes), "fuzz.gguf", 0);
    assertThat(skipped.tensors()).isEqualTo(gguf.tensors());
    assertThat(skipped.metadata().keySet()).isEqualTo(gguf.metadata().keySet());
    describe(gguf, bytes.length);
  }

  /** {@link GgufFile#readSplit(Path)} (and so {@link GgufFile#read(Path)}) agree with reading from memory. */
  @FuzzTest(maxDuration = "25s")
  void readFile(byte[] bytes) throws IOException {
    Path file = Files.write(dir.resolve("fuzz-00001-of-00001.gguf"), bytes);
    GgufFile gguf;
    try {
      gguf = GgufFile.readSplit(file);
    } catch (GgufFormatException e) {
      assertThat(e.offset()).isBetween(0L, (long) bytes.length);
      return;
    }
    GgufFile inMemory = GgufFile.read(new ByteArrayChannel(bytes), "fuzz.gguf", GgufFile.DEFAULT_ARRAY_LIMIT);
    assertThat(gguf.metadata()).isEqualTo(inMemory.metadata());
    assertThat(gguf.tensors()).isEqualTo(inMemory.tensors());
    describe(gguf, bytes.length);
  }

  private static void describe(GgufFile gguf, long size) {
    try {
      FileWeights weights = gguf.weights();
      ModelSpec spec = gguf.toModelSpec();
      assertThat(spec.toString()).contains(spec.id());
      MemoryEstimate m = Estimator.of(spec).fileWeights(weights).vram();
      assertThat(m.weights().bytes()).as("the file's own tensors, and any repacked copies")
          .isGreaterThanOrEqualTo(weights.tensorBytes().bytes());
    } catch (GgufFormatException e) {
      assertThat(e.offset()).isBetween(0L, size);
    }
  }
}
