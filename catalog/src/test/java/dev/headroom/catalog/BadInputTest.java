package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.Bytes;
import dev.headroom.Estimator;
import dev.headroom.GgmlType;
import dev.headroom.Hardware;
import dev.headroom.HardwareKind;
import dev.headroom.ModelSpec;
import dev.headroom.QuantizationChoice;
import dev.headroom.Vendor;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public factory, lookup and reader of the catalog module, fed its bad inputs: null, negative, zero, NaN,
 * infinities, overflow, empty text, unknown names, and files that are missing, empty or not what they claim. Each
 * must raise the exception its javadoc documents, with a message that names what is wrong and what is allowed.
 */
final class BadInputTest {
  @TempDir
  static Path dir;

  private static final Catalog CATALOG = Catalog.builtIn();
  private static final ModelSpec SPEC = CATALOG.model("deepseek-r1:1.5b").spec();
  private static final Estimator ESTIMATOR = Estimator.of(SPEC);
  private static final Hardware GPU = Hardware.gpu("GPU", Vendor.NVIDIA, Bytes.ofGibibytes(24), 1008);
  private static final ModelEntry MODEL = ModelEntry.of(SPEC);
  private static final HardwareEntry DEVICE = HardwareEntry.of(GPU, HardwareClass.CONSUMER);

  private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
  private static final Class<NullPointerException> NPE = NullPointerException.class;
  private static final Class<GgufFormatException> GGUF = GgufFormatException.class;

  private static Arguments row(String description, ThrowingCallable call, Class<? extends Throwable> type,
      String message) {
    return Arguments.of(description, call, type, message);
  }

  private static Path file(String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path configFile(String text) {
    try {
      Path folder = Files.createDirectories(dir.resolve("model"));
      return Files.writeString(folder.resolve("config.json"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Arguments> provider_badInputs() {
    return Stream.of(catalog(), entries(), gguf(), config()).flatMap(s -> s);
  }

  private static Stream<Arguments> catalog() {
    return Stream.of(
        row("Catalog.model null", () -> CATALOG.model(null), NPE, "query must not be null"),
        row("Catalog.model empty", () -> CATALOG.model(""), IAE, "no catalogued model matches ''; did you mean: "),
        row("Catalog.model unknown", () -> CATALOG.model("gpt-7"), IAE, "no catalogued model matches 'gpt-7'"),
        row("Catalog.findModel null", () -> CATALOG.findModel(null), NPE, "query must not be null"),
        row("Catalog.device null", () -> CATALOG.device(null), NPE, "query must not be null"),
        row("Catalog.device unknown", () -> CATALOG.device("rtx 9999"), IAE,
            "no catalogued device matches 'rtx 9999'; did you mean: "),
        row("Catalog.findDevice null", () -> CATALOG.findDevice(null), NPE, "query must not be null"),
        row("Catalog.devices null kind", () -> CATALOG.devices((HardwareKind) null), NPE, "kind must not be null"),
        row("Catalog.searchModels null", () -> CATALOG.searchModels(null), NPE, "query must not be null"),
        row("Catalog.searchDevices null", () -> CATALOG.searchDevices(null), NPE, "query must not be null"),
        row("Catalog.suggestModels null", () -> CATALOG.suggestModels(null, 3), NPE, "query must not be null"),
        row("Catalog.suggestModels negative limit", () -> CATALOG.suggestModels("qwen", -1), IAE,
            "limit must be in [0, 2147483647] but was -1"),
        row("Catalog.suggestDevices negative limit", () -> CATALOG.suggestDevices("rtx", Integer.MIN_VALUE), IAE,
            "limit must be in [0, 2147483647] but was -2147483648"),
        row("Catalog.related null", () -> CATALOG.related(null), NPE, "entry must not be null"),
        row("Catalog.compatibility null", () -> CATALOG.compatibility(null), NPE, "estimator must not be null"),
        row("Catalog.smallestDevice null", () -> CATALOG.smallestDevice(null, 10), NPE, "estimator must not be null"),
        row("Catalog.smallestDevice zero speed", () -> CATALOG.smallestDevice(ESTIMATOR, 0), IAE,
            "tokensPerSecond must be a finite number above 0 but was 0.0"),
        row("Catalog.smallestDevice NaN speed", () -> CATALOG.smallestDevice(ESTIMATOR, Double.NaN), IAE,
            "but was NaN"),
        row("Catalog.smallestDevice infinite speed",
            () -> CATALOG.smallestDevice(ESTIMATOR, Double.POSITIVE_INFINITY), IAE, "but was Infinity"),
        row("Catalog.modelsFor null hardware", () -> CATALOG.modelsFor(null, 2048, QuantizationChoice.BEST_BALANCE),
            NPE, "hardware must not be null"),
        row("Catalog.modelsFor null rule", () -> CATALOG.modelsFor(GPU, 2048, null), NPE, "rule must not be null"),
        row("Catalog.modelsFor zero context", () -> CATALOG.modelsFor(GPU, 0, QuantizationChoice.BEST_BALANCE), IAE,
            "context must be in [1, 16777216] tokens but was 0"),
        row("Catalog.modelsFor negative context", () -> CATALOG.modelsFor(GPU, -1, QuantizationChoice.HIGHEST_QUALITY),
            IAE, "but was -1"),
        row("Builder.addModel null", () -> Catalog.builder().addModel(null), NPE, "model must not be null"),
        row("Builder.addDevice null", () -> Catalog.builder().addDevice(null), NPE, "device must not be null"),
        row("Builder.readModels null csv", () -> Catalog.builder().readModels(null, "m.csv"), NPE,
            "csv must not be null"),
        row("Builder.readModels null source", () -> Catalog.builder().readModels(new StringReader(""), null), NPE,
            "source must not be null"),
        row("Builder.readModels empty", () -> Catalog.builder().readModels(new StringReader(""), "m.csv"), IAE,
            "m.csv is empty; expected a header row"),
        row("Builder.readModels missing column", () -> Catalog.builder().readModels(new StringReader("id,name\n"),
            "m.csv"), IAE, "m.csv has no column 'arch'"),
        row("Builder.readGpus bad number", () -> Catalog.builder().readGpus(new StringReader(
            "id,name,vendor,class,memory_gib,bandwidth_gbps,sources\ng,G,nvidia,consumer,lots,100,x\n"), "g.csv"), IAE,
            "g.csv line 2"),
        row("Builder.readGpus memory beyond a long", () -> Catalog.builder().readGpus(new StringReader(
            "id,name,vendor,class,memory_gib,bandwidth_gbps,sources\ng,G,nvidia,consumer,1e20,100,x\n"), "g.csv"), IAE,
            "g.csv line 2: 1.0E20 GiB is more than 9223372036854775807 bytes"),
        row("Builder.readUnified null csv", () -> Catalog.builder().readUnified(null, "u.csv"), NPE,
            "csv must not be null"),
        row("Builder.readSystems unknown GPU", () -> Catalog.builder().readSystems(new StringReader(
            "id,name,gpu_id,gpu_count,sources\ns,S,nope,8,x\n"), "s.csv"), IAE,
            "gpu_id 'nope' is not a catalogued GPU"),
        row("Builder.build duplicate id", () -> Catalog.builder().addModel(MODEL).addModel(MODEL).build(), IAE,
            "model id 'deepseek-r1-distill-qwen-1.5b' appears twice; ids must be unique"));
  }

  private static Stream<Arguments> entries() {
    return Stream.of(
        row("ModelEntry.of null", () -> ModelEntry.of(null), NPE, "spec must not be null"),
        row("ModelEntry.withAliases null", () -> MODEL.withAliases(null), NPE, "aliases must not be null"),
        row("ModelEntry.withAliases blank element", () -> MODEL.withAliases(List.of("a", " ")), IAE,
            "aliases element must not be blank but was ' '"),
        row("ModelEntry.withAliases null element", () -> MODEL.withAliases(Arrays.asList("a", null)), NPE,
            "aliases element must not be null"),
        row("ModelEntry.withBaseModel empty", () -> MODEL.withBaseModel(""), IAE,
            "baseModel must not be blank but was ''"),
        row("ModelEntry.withRelated null", () -> MODEL.withRelated(null), NPE, "related must not be null"),
        row("ModelEntry.withSources null", () -> MODEL.withSources(null), NPE, "sources must not be null"),
        row("ModelEntry.withNotes null", () -> MODEL.withNotes(null), NPE, "notes must not be null"),
        row("HardwareEntry.of null hardware", () -> HardwareEntry.of(null, HardwareClass.CONSUMER), NPE,
            "hardware must not be null"),
        row("HardwareEntry.of null class", () -> HardwareEntry.of(GPU, null), NPE, "hardwareClass must not be null"),
        row("HardwareEntry.withReleaseYear early", () -> DEVICE.withReleaseYear(1800), IAE,
            "releaseYear must be in [1990, 2100] but was 1800"),
        row("HardwareEntry.withReleaseYear negative", () -> DEVICE.withReleaseYear(-1), IAE, "but was -1"),
        row("HardwareEntry.withArchitecture blank", () -> DEVICE.withArchitecture(" "), IAE,
            "architecture must not be blank"),
        row("HardwareEntry.withGpuShareRule null", () -> DEVICE.withGpuShareRule(null), NPE,
            "gpuShareRule must not be null"),
        row("HardwareEntry.withSources null", () -> DEVICE.withSources(null), NPE, "sources must not be null"),
        row("HardwareEntry.withNotes null", () -> DEVICE.withNotes(null), NPE, "notes must not be null"),
        row("HardwareClass.parse null", () -> HardwareClass.parse(null), NPE, "text must not be null"),
        row("HardwareClass.parse unknown", () -> HardwareClass.parse("gaming"), IAE,
            "'gaming' is not a hardware class; expected one of"),
        row("GgufTensor null name", () -> new GgufTensor(null, List.of(1L), GgmlType.F32, 0), NPE,
            "name must not be null"),
        row("GgufTensor no dimensions", () -> new GgufTensor("t", List.of(), GgmlType.F32, 0), IAE,
            "shape of 't' must have 1 to 4 dimensions but was []"),
        row("GgufTensor zero dimension", () -> new GgufTensor("t", List.of(4L, 0L), GgmlType.F32, 0), IAE,
            "dimensions of 't' must be above 0 but the shape was [4, 0]"),
        row("GgufTensor negative offset", () -> new GgufTensor("t", List.of(4L), GgmlType.F32, -32), IAE,
            "offset of 't' must be 0 or more but was -32"),
        row("GgufArray negative length", () -> new GgufArray("int32", -1, List.of()), IAE,
            "length must be at least the 0 values given but was -1"),
        row("GgufArray null values", () -> new GgufArray("int32", 0, null), NPE, "values must not be null"));
  }

  private static Stream<Arguments> gguf() {
    byte[] valid = new GgufWriter().str("general.architecture", "llama").tensor("t", GgmlType.F32, 8).bytes();
    byte[] allNextn = new GgufWriter().str("general.architecture", "llama").u32("llama.block_count", 2)
        .u32("llama.nextn_predict_layers", 2).tensor("t", GgmlType.F32, 8).bytes();
    return Stream.of(
        row("GgufFile.read null path", () -> GgufFile.read((Path) null), NPE, "path must not be null"),
        row("GgufFile.read missing file", () -> GgufFile.read(dir.resolve("missing.gguf")),
            UncheckedIOException.class, "missing.gguf: no such file"),
        row("GgufFile.read a directory", () -> GgufFile.read(dir), UncheckedIOException.class, "cannot read "),
        row("GgufFile.read empty file", () -> GgufFile.read(file("empty.gguf", new byte[0])), GGUF,
            "empty.gguf is not a valid GGUF file at byte 0: the file ends inside the magic number (0 of 4 bytes left)"),
        row("GgufFile.read not GGUF", () -> GgufFile.read(file("text.gguf", "{\"a\": 1}".getBytes())), GGUF,
            "the magic number is 0x2261227b, not 'GGUF' (0x46554747)"),
        row("GgufFile.read negative array limit", () -> GgufFile.read(file("v.gguf", valid), -1), IAE,
            "arrayLimit must be in [0, 2147483647] but was -1"),
        row("GgufFile.read null channel", () -> GgufFile.read(null, "x", 0), NPE, "channel must not be null"),
        row("GgufFile.read null source", () -> GgufFile.read(new ByteArrayChannel(valid), null, 0), NPE,
            "source must not be null"),
        row("GgufFile.read channel negative limit", () -> GgufFile.read(new ByteArrayChannel(valid), "x",
            Integer.MIN_VALUE), IAE, "arrayLimit must be in [0, 2147483647] but was -2147483648"),
        row("GgufFile.readSplit null", () -> GgufFile.readSplit(null), NPE, "path must not be null"),
        row("GgufFile.readSplit zero parts", () -> GgufFile.readSplit(dir.resolve("m-00001-of-00000.gguf")), GGUF,
            "split count 0 is outside [1, 9999]"),
        row("GgufFile.readSplit missing part", () -> GgufFile.readSplit(file("n-00001-of-00002.gguf", valid)), GGUF,
            "n-00002-of-00002.gguf is not a valid GGUF file at byte 0: part 2 of 2 is missing"),
        row("GgufFile.toModelSpec without dimensions", () -> GgufFile.read(new ByteArrayChannel(valid), "v", 0)
            .toModelSpec(), GGUF, "the metadata key llama.block_count is missing"),
        row("GgufFile.weights every block NextN", () -> GgufFile.read(new ByteArrayChannel(allNextn), "n", 0)
            .weights(), GGUF, "n is not a valid GGUF file at byte 0: llama.nextn_predict_layers is 2; it must be "
            + "below llama.block_count (2)"),
        row("GgufFile.toModelSpec every block NextN", () -> GgufFile.read(new ByteArrayChannel(allNextn), "n", 0)
            .toModelSpec(), GGUF, "llama.nextn_predict_layers is 2; it must be below llama.block_count (2)"));
  }

  private static Stream<Arguments> config() {
    String small = "\"hidden_size\": 64, \"num_hidden_layers\": 2, \"num_attention_heads\": 4, \"vocab_size\": 32, "
        + "\"max_position_embeddings\": 128, \"intermediate_size\": 128";
    return Stream.of(
        row("HuggingFaceConfig.parse null text", () -> HuggingFaceConfig.parse(null, "x"), NPE,
            "json must not be null"),
        row("HuggingFaceConfig.parse null id", () -> HuggingFaceConfig.parse("{}", null), NPE, "id must not be null"),
        row("HuggingFaceConfig.parse blank id", () -> HuggingFaceConfig.parse("{}", " "), IAE,
            "id must not be blank but was ' '"),
        row("HuggingFaceConfig.parse empty", () -> HuggingFaceConfig.parse("", "x"), IAE,
            "config.json is not valid JSON at offset 0: unexpected end of text"),
        row("HuggingFaceConfig.parse not an object", () -> HuggingFaceConfig.parse("[]", "x"), IAE,
            "config.json must hold a JSON object"),
        row("HuggingFaceConfig.parse empty object", () -> HuggingFaceConfig.parse("{}", "x"), IAE,
            "config.json has no hidden_size (or n_embd (or d_model)); it is needed to size the model"),
        row("HuggingFaceConfig.parse NaN", () -> HuggingFaceConfig.parse("{\"hidden_size\": NaN}", "x"), IAE,
            "config.json is not valid JSON at offset 16: unexpected character 'N'"),
        row("HuggingFaceConfig.parse negative", () -> HuggingFaceConfig.parse("{\"hidden_size\": -64}", "x"), IAE,
            "config.json: hidden_size must be a whole number in [0, 2147483647] but was -64"),
        row("HuggingFaceConfig.parse fraction", () -> HuggingFaceConfig.parse("{\"hidden_size\": 64.5}", "x"), IAE,
            "hidden_size must be a whole number in [0, 2147483647] but was 64.5"),
        row("HuggingFaceConfig.parse beyond an int", () -> HuggingFaceConfig.parse("{\"hidden_size\": 4294967296}",
            "x"), IAE, "hidden_size must be a whole number in [0, 2147483647] but was 4294967296"),
        row("HuggingFaceConfig.parse beyond a long", () -> HuggingFaceConfig.parse(
            "{\"hidden_size\": 99999999999999999999}", "x"), IAE,
            "hidden_size must be a whole number in [0, 2147483647] but was 1.0E20"),
        row("HuggingFaceConfig.parse infinite", () -> HuggingFaceConfig.parse("{\"hidden_size\": 1e999}", "x"), IAE,
            "config.json is not valid JSON at offset 16: bad number '1e999'"),
        row("HuggingFaceConfig.parse zero layers", () -> HuggingFaceConfig.parse("{" + small.replace("\": 2,",
            "\": 0,") + "}", "x"), IAE,
            "config.json does not describe a usable model: layers must be in [1, 4096] but was 0"),
        row("HuggingFaceConfig.parse not text", () -> HuggingFaceConfig.parse("{\"hidden_size\": \"big\"}", "x"),
            IAE, "hidden_size must be a whole number in [0, 2147483647] but was big"),
        row("HuggingFaceConfig.read null", () -> HuggingFaceConfig.read(null), NPE, "file must not be null"),
        row("HuggingFaceConfig.read missing", () -> HuggingFaceConfig.read(dir.resolve("none.json")),
            UncheckedIOException.class, "none.json"),
        row("HuggingFaceConfig.read not UTF-8", () -> HuggingFaceConfig.read(file("latin1.json",
            new byte[] {'{', (byte) 0xe9, '}'})), IAE, "latin1.json is not a config.json: it is not UTF-8 text"),
        row("HuggingFaceConfig.read unusable", () -> HuggingFaceConfig.read(configFile("{}")), IAE,
            "config.json has no hidden_size"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("provider_badInputs")
  void badInput_throwsNamingTheValueAndWhatIsAllowed(String description, ThrowingCallable call,
      Class<? extends Throwable> type, String message) {
    assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(message);
  }
}
