package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.headroom.Estimator;
import dev.headroom.MemoryEstimate;
import dev.headroom.ModelSpec;
import dev.headroom.Quantization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzzing of the {@code config.json} reader and its JSON parser (Jazzer). Whatever the bytes, the
 * reader either gives a spec an estimator can size or raises the {@link IllegalArgumentException} it documents,
 * with a message that names the file.
 *
 * <p>{@link #parse} reads text, fast enough for CI's short run; {@link #readFile} goes through the disk and
 * {@link HuggingFaceConfig#read(Path)}, for the long run. A plain test run replays each method's seeds in
 * {@code HuggingFaceConfigFuzzTestInputs/<method>/} (real configs and a few written for the reader's rarer keys);
 * with {@code JAZZER_FUZZ=1} Jazzer fuzzes one method for {@code maxDuration}. See {@code catalog/FUZZING.md}.
 */
final class HuggingFaceConfigFuzzTest {
  @TempDir
  static Path dir;

  /** {@link HuggingFaceConfig#parse(CharSequence, String)}. */
  @FuzzTest(maxDuration = "25s")
  void parse(byte[] bytes) {
    ModelSpec spec;
    try {
      spec = HuggingFaceConfig.parse(new String(bytes, StandardCharsets.UTF_8), "fuzz");
    } catch (IllegalArgumentException e) {
      assertThat(e).hasMessageStartingWith("config.json");
      return;
    }
    describe(spec);
  }

  /** {@link HuggingFaceConfig#read(Path)} agrees with {@link HuggingFaceConfig#parse} on the same text. */
  @FuzzTest(maxDuration = "25s")
  void readFile(byte[] bytes) throws IOException {
    // The directory's name is the id read gives a config without _name_or_path, as "fuzz" is parse's.
    Path file = Files.write(Files.createDirectories(dir.resolve("fuzz")).resolve("config.json"), bytes);
    ModelSpec spec;
    try {
      spec = HuggingFaceConfig.read(file);
    } catch (IllegalArgumentException e) {
      assertThat(e).hasMessageStartingWith(file.toString());
      return;
    }
    assertThat(HuggingFaceConfig.parse(new String(bytes, StandardCharsets.UTF_8), "fuzz")).isEqualTo(spec);
    describe(spec);
  }

  private static void describe(ModelSpec spec) {
    assertThat(spec.toString()).contains(spec.id());
    MemoryEstimate q4 = Estimator.of(spec).quant(Quantization.Q4_0).vram();
    MemoryEstimate q8 = Estimator.of(spec).quant(Quantization.Q8_0).vram();
    assertThat(q8.weights().bytes()).as("the same tensors at 8.5 bits never take less than at 4.5")
        .isGreaterThanOrEqualTo(q4.weights().bytes());
  }
}
