package dev.headroom.catalog;

import static dev.headroom.Quantization.Q4_K_M;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.headroom.Bytes;
import dev.headroom.Estimator;
import dev.headroom.GgmlType;
import dev.headroom.Hardware;
import dev.headroom.MemoryEstimate;
import dev.headroom.ModelSpec;
import dev.headroom.Quantization;
import dev.headroom.QuantizationChoice;
import dev.headroom.Vendor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example in the javadoc of every public catalog type; keep each in step with the javadoc it names. */
final class JavadocExamplesTest {
  private final ModelSpec spec = Catalog.builtIn().model("deepseek-r1-distill-qwen-1.5b").spec();
  private final Hardware rtx4090 = Catalog.builtIn().device("rtx 4090").hardware();
  @TempDir
  Path dir;

  @Test
  void everyPublicType_hasAnExampleThatThisClassRuns() throws IOException {
    // Surefire runs in the module directory.
    assertThat(JavadocExamples.problems(Path.of("src/main/java/dev/headroom/catalog"),
        Path.of("src/test/java/dev/headroom/catalog/JavadocExamplesTest.java"))).isEmpty();
  }

  @Test
  void everyPublicTypeOfCore_hasAnExampleThatCoresJavadocExamplesTestRuns() throws IOException {
    assertThat(JavadocExamples.problems(Path.of("../core/src/main/java/dev/headroom"),
        Path.of("../core/src/test/java/dev/headroom/JavadocExamplesTest.java"))).isEmpty();
  }

  @Test
  void packageInfo() {
    Catalog catalog = Catalog.builtIn();
    ModelEntry r1 = catalog.model("deepseek-r1-distill-qwen-1.5b");
    HardwareEntry gpu = catalog.device("rtx 4090");
    Compatibility all = catalog.compatibility(Estimator.of(r1.spec()).quant(Quantization.Q4_K_M));
    int gpus = all.fittingGpus().size();
    assertThat(gpu.id()).isEqualTo("nvidia-geforce-rtx-4090");
    assertThat(gpus).isGreaterThanOrEqualTo(150);
  }

  @Test
  void catalog() {
    Catalog catalog = Catalog.builtIn();
    ModelEntry r1 = catalog.model("DeepSeek R1 Distill Qwen 1.5B");
    HardwareEntry mac = catalog.device("m3 max 128gb");
    Compatibility c = catalog.compatibility(Estimator.of(r1.spec()).quant(Quantization.Q4_K_M));
    List<ModelFit> fits = catalog.modelsFor(mac.hardware(), 8192, QuantizationChoice.BEST_BALANCE);
    assertThat(c.fitting()).isNotEmpty();
    assertThat(fits).extracting(f -> f.model().id()).contains("llama-3.3-70b-instruct");
  }

  @Test
  void modelEntry() {
    ModelEntry entry = ModelEntry.of(spec).withAliases(List.of("my-model:7b")).withSources("config=my-config.json");
    String id = entry.id();
    assertThat(id).isEqualTo(spec.id());
    assertThat(entry.aliases()).containsExactly("my-model:7b");
    assertThat(entry.sources()).isEqualTo("config=my-config.json");
  }

  @Test
  void hardwareEntry_hardwareClass() {
    HardwareEntry entry = HardwareEntry.of(Hardware.gpu("My GPU", Vendor.OTHER, Bytes.ofGibibytes(16), 500),
        HardwareClass.CONSUMER).withAliases(List.of("mygpu"));
    assertThat(entry.id()).isEqualTo("my-gpu");
    assertThat(entry.aliases()).containsExactly("mygpu");
    HardwareClass c = HardwareClass.parse("datacenter");
    assertThat(c).isEqualTo(HardwareClass.DATACENTER);
  }

  @Test
  void deviceFit() {
    DeviceFit best = Catalog.builtIn().compatibility(Estimator.of(spec)).fitting().get(0);
    String line = best.device().name() + ": " + best.fit().verdict().label();
    assertThat(line).endsWith("Runs great — plenty of headroom");
  }

  @Test
  void modelFit() {
    List<ModelFit> fits = Catalog.builtIn().modelsFor(rtx4090, 8192, QuantizationChoice.BEST_BALANCE);
    String line = fits.get(0).model().name() + " at " + fits.get(0).quant();
    assertThat(line).isEqualTo("Qwen3 Next 80B A3B Instruct at IQ2_XXS");
    assertThat(fits.get(0).fit().verdict().fits()).isTrue();
    assertThat(fits).allSatisfy(f -> assertThat(f.model().spec().totalParameters())
        .isLessThanOrEqualTo(fits.get(0).model().spec().totalParameters()));
  }

  @Test
  void compatibility() {
    Compatibility c = Catalog.builtIn().compatibility(Estimator.of(spec).quant(Q4_K_M));
    int gpus = c.fittingGpus().size();
    int devices = c.fittingDevices().size();
    assertThat(gpus).isPositive();
    assertThat(gpus + devices).isEqualTo(c.fitting().size());
  }

  @Test
  void ggufFile_ggufArray_ggufTensor() {
    Path path = GgufWriter.r1Distill15b(151_936).write(dir.resolve("r1-Q8_0.gguf"));
    GgufFile gguf = GgufFile.read(path);
    ModelSpec spec = gguf.toModelSpec();
    MemoryEstimate m = Estimator.of(spec).fileWeights(gguf.weights()).context(8192).vram();
    assertThat(spec.architecture().layers()).isEqualTo(28);
    assertThat(m.weights()).as("the file's Q8_0 tensors, not Q4_K_M ones").isEqualTo(gguf.weights().tensorBytes());
    GgufFile file = GgufFile.read(path);
    GgufArray tokens = (GgufArray) file.metadata().get("tokenizer.ggml.tokens");
    long vocabulary = tokens.length();
    assertThat(vocabulary).isEqualTo(151_936);
    assertThat(tokens.isComplete()).as("longer than the default array limit, so not materialised").isFalse();
    GgufTensor t = file.tensors().get(0);
    long bytes = t.bytes();
    assertThat(t.name()).isEqualTo("token_embd.weight");
    assertThat(bytes).isEqualTo(GgmlType.Q8_0.bytesFor(1536L * 151_936));
  }

  @Test
  void ggufFormatException() throws IOException {
    byte[] header = GgufWriter.r1Distill15b(16).header();
    Path path = Files.write(dir.resolve("truncated.gguf"), Arrays.copyOf(header, 100));
    try {
      GgufFile.read(path);
      fail("a file cut after 100 bytes must not read");
    } catch (GgufFormatException e) {
      long where = e.offset();
      assertThat(where).as("inside the 100 bytes the file has").isBetween(0L, 100L);
      assertThat(e).hasMessageContaining("at byte " + where);
    }
  }

  @Test
  void huggingFaceConfig() throws IOException {
    Path file = Files.writeString(dir.resolve("config.json"),
        TestFiles.text("configs/deepseek-r1-distill-qwen-1.5b.json"));
    ModelSpec spec = HuggingFaceConfig.read(file);
    ModelSpec same = HuggingFaceConfig.parse(Files.readString(file), "my-model");
    assertThat(same.architecture()).isEqualTo(spec.architecture());
    assertThat(spec.architecture().layers()).isEqualTo(28);
    assertThat(spec.totalParameters()).isEqualTo(1_777_088_000L);
  }
}
