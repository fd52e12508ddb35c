package dev.headroom;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public factory, builder and configuration method of core, fed its bad inputs: null, negative, zero, NaN,
 * infinities, overflow, empty text and unknown names. Each must raise the exception its javadoc documents, with a
 * message that names the parameter, what is allowed and the value given.
 */
final class BadInputTest {
  private static final double NAN = Double.NaN;
  private static final double INF = Double.POSITIVE_INFINITY;

  private static final ModelSpec MODEL = TestModels.r1DistillQwen15b();
  private static final Hardware GPU = Hardware.gpu("GPU", Vendor.NVIDIA, Bytes.ofGibibytes(24), 1008);
  private static final Hardware CPU = Hardware.cpu("CPU", Vendor.AMD, Bytes.ofGibibytes(64), 83);
  private static final Estimator ESTIMATOR = Estimator.of(MODEL);
  private static final LlamaCppRuntime RUNTIME = LlamaCppRuntime.defaults();
  private static final SpeedCalibration CUDA = SpeedCalibration.of(Backend.CUDA);

  /** The widest model the builder accepts, KV cache included: its memory at the longest contexts exceeds a long. */
  private static final ModelSpec WIDE_KV = ModelSpec.builder("wide").layers(4096).hiddenSize(16)
      .heads(1 << 14, 1 << 14).headDim(1 << 14).ffnSize(16).vocabSize(16).contextLength(Estimator.MAX_CONTEXT).build();

  private static ModelSpec.Builder builder() {
    return ModelSpec.builder("m").layers(2).hiddenSize(64).heads(4, 2).ffnSize(128).vocabSize(32).contextLength(128);
  }

  private static Arguments row(String description, ThrowingCallable call, Class<? extends Throwable> type,
      String message) {
    return Arguments.of(description, call, type, message);
  }

  private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
  private static final Class<NullPointerException> NPE = NullPointerException.class;
  private static final Class<ArithmeticException> AE = ArithmeticException.class;
  private static final Class<IllegalStateException> ISE = IllegalStateException.class;

  static Stream<Arguments> provider_badInputs() {
    return Stream.of(bytes(), quantizations(), modelSpecs(), parts(), hardware(), runtimes(), estimators(), enums())
        .flatMap(s -> s);
  }

  private static Stream<Arguments> bytes() {
    Bytes two = Bytes.ofBytes(2);
    return Stream.of(
        row("Bytes.ofBytes negative", () -> Bytes.ofBytes(-1), IAE,
            "bytes must be in [0, 9223372036854775807] but was -1"),
        row("Bytes.of negative", () -> Bytes.of(-1, ByteUnit.GIB), IAE,
            "amount must be in [0, 9223372036854775807] but was -1"),
        row("Bytes.of null unit", () -> Bytes.of(1, null), NPE, "unit must not be null"),
        row("Bytes.of Long.MAX_VALUE GiB", () -> Bytes.of(Long.MAX_VALUE, ByteUnit.GIB), AE,
            "9223372036854775807 GiB is more than 9223372036854775807 bytes, the most a long holds"),
        row("Bytes.ofGibibytes overflow", () -> Bytes.ofGibibytes(1L << 40), AE,
            "1099511627776 GiB is more than 9223372036854775807 bytes"),
        row("Bytes.ofMebibytes negative", () -> Bytes.ofMebibytes(-5), IAE, "but was -5"),
        row("Bytes.of NaN", () -> Bytes.of(NAN, ByteUnit.GB), IAE, "amount must be a finite number but was NaN"),
        row("Bytes.of +infinity", () -> Bytes.of(INF, ByteUnit.GB), IAE,
            "amount must be a finite number but was Infinity"),
        row("Bytes.of -infinity", () -> Bytes.of(-INF, ByteUnit.GB), IAE,
            "amount must be a finite number but was -Infinity"),
        row("Bytes.of negative fraction", () -> Bytes.of(-0.5, ByteUnit.GB), IAE, "amount must be in [0, "),
        row("Bytes.of fraction null unit", () -> Bytes.of(0.5, null), NPE, "unit must not be null"),
        row("Bytes.of 1e300 GB", () -> Bytes.of(1e300, ByteUnit.GB), AE, "GB is more than 9223372036854775807 bytes"),
        row("Bytes.parse null", () -> Bytes.parse(null), NPE, "text must not be null"),
        row("Bytes.parse empty", () -> Bytes.parse(""), IAE,
            "'' is not a valid byte size; expected <number> [B|KB|MB|GB|TB|KiB|MiB|GiB|TiB]"),
        row("Bytes.parse negative", () -> Bytes.parse("-1 GB"), IAE, "'-1 GB' is not a valid byte size"),
        row("Bytes.parse unknown unit", () -> Bytes.parse("12 GX"), IAE, "'12 GX' is not a valid byte size"),
        row("Bytes.parse NaN", () -> Bytes.parse("NaN GB"), IAE, "'NaN GB' is not a valid byte size"),
        row("Bytes.parse overflow", () -> Bytes.parse("99999999 TiB"), AE,
            "99999999 TiB is more than 9223372036854775807 bytes"),
        row("Bytes.plus null", () -> two.plus(null), NPE, "other must not be null"),
        row("Bytes.plus overflow", () -> Bytes.ofBytes(Long.MAX_VALUE).plus(two), AE,
            "9223372036854775807 B + 2 B is more than 9223372036854775807 bytes"),
        row("Bytes.minus null", () -> two.minus(null), NPE, "other must not be null"),
        row("Bytes.minus larger", () -> two.minus(Bytes.ofBytes(3)), AE, "cannot subtract 3 B from 2 B"),
        row("Bytes.multipliedBy negative", () -> two.multipliedBy(-1), IAE, "factor must be in [0, "),
        row("Bytes.multipliedBy overflow", () -> two.multipliedBy(Long.MAX_VALUE), AE,
            "2 B × 9223372036854775807 is more than 9223372036854775807 bytes"),
        row("Bytes.multipliedBy NaN", () -> two.multipliedBy(NAN), IAE, "factor must be a finite number but was NaN"),
        row("Bytes.multipliedBy infinity", () -> two.multipliedBy(INF), IAE, "factor must be a finite number"),
        row("Bytes.multipliedBy 1e300", () -> two.multipliedBy(1e300), AE,
            "2 B × 1.0E300 is more than 9223372036854775807 bytes"),
        row("Bytes.format null unit", () -> two.format(null, 1), NPE, "unit must not be null"),
        row("Bytes.format decimals", () -> two.format(ByteUnit.GB, 7), IAE, "decimals must be in [0, 6] but was 7"),
        row("Bytes.format negative decimals", () -> two.format(ByteUnit.GB, -1), IAE, "but was -1"),
        row("Bytes.to null", () -> two.to(null), NPE, "unit must not be null"),
        row("Bytes.isGreaterThan null", () -> two.isGreaterThan(null), NPE, "other must not be null"),
        row("Bytes.compareTo null", () -> two.compareTo(null), NPE, "other must not be null"),
        row("Bytes.max null first", () -> Bytes.max(null, two), NPE, "a must not be null"),
        row("Bytes.max null second", () -> Bytes.max(two, null), NPE, "b must not be null"),
        row("ByteUnit.toBytes negative", () -> ByteUnit.GIB.toBytes(-3), IAE, "amount must be in [0, "),
        row("ByteUnit.toBytes overflow", () -> ByteUnit.TIB.toBytes(1L << 40), AE,
            "1099511627776 TiB is more than 9223372036854775807 bytes"),
        row("ByteUnit.parse null", () -> ByteUnit.parse(null), NPE, "symbol must not be null"),
        row("ByteUnit.parse empty", () -> ByteUnit.parse(""), IAE,
            "'' is not a byte unit; expected one of B|KB|MB|GB|TB|KiB|MiB|GiB|TiB"),
        row("ByteUnit.parse unknown", () -> ByteUnit.parse("gigs"), IAE, "'gigs' is not a byte unit"));
  }

  private static Stream<Arguments> quantizations() {
    return Stream.of(
        row("Quantization.parse null", () -> Quantization.parse(null), NPE, "name must not be null"),
        row("Quantization.parse empty", () -> Quantization.parse(""), IAE,
            "'' is not a known quantization; expected one of F32, F16"),
        row("Quantization.parse unknown", () -> Quantization.parse("Q9_K"), IAE, "'Q9_K' is not a known quantization"),
        row("Quantization.parse 0bpw", () -> Quantization.parse("0bpw"), IAE,
            "bits must be in (0, 32] bits per weight but was 0"),
        row("Quantization.parse 40bpw", () -> Quantization.parse("40bpw"), IAE, "bits must be in (0, 32]"),
        row("Quantization.parse AWQ 1 bit", () -> Quantization.parse("AWQ-1bit-g128"), IAE,
            "bits must be in [2, 8] but was 1"),
        row("Quantization.parse GPTQ huge group", () -> Quantization.parse("GPTQ-4bit-g99999999999"), IAE,
            "'GPTQ-4bit-g99999999999' is not a known quantization; expected one of"),
        row("Quantization.parse AWQ huge bits", () -> Quantization.parse("AWQ-99999999999bit-g128"), IAE,
            "'AWQ-99999999999bit-g128' is not a known quantization"),
        row("Quantization.parse GPTQ group out of range", () -> Quantization.parse("GPTQ-4bit-g999999999"), IAE,
            "groupSize must be in [16, 4096] weights but was 999999999"),
        row("Quantization.ofBitsPerWeight NaN", () -> Quantization.ofBitsPerWeight(NAN), IAE,
            "bits must be a finite number but was NaN"),
        row("Quantization.ofBitsPerWeight infinity", () -> Quantization.ofBitsPerWeight(INF), IAE,
            "bits must be a finite number but was Infinity"),
        row("Quantization.ofBitsPerWeight zero", () -> Quantization.ofBitsPerWeight(0), IAE, "but was 0"),
        row("Quantization.ofBitsPerWeight negative", () -> Quantization.ofBitsPerWeight(-4), IAE, "but was -4"),
        row("Quantization.awq bits", () -> Quantization.awq(9, 128), IAE, "bits must be in [2, 8] but was 9"),
        row("Quantization.awq group", () -> Quantization.awq(4, 0), IAE,
            "groupSize must be in [16, 4096] weights but was 0"),
        row("Quantization.gptq bits", () -> Quantization.gptq(-1, 128), IAE, "bits must be in [2, 8] but was -1"),
        row("Quantization.gptq group", () -> Quantization.gptq(4, 8192), IAE, "but was 8192"));
  }

  private static Stream<Arguments> modelSpecs() {
    return Stream.of(
        row("ModelSpec.builder null", () -> ModelSpec.builder(null), NPE, "id must not be null"),
        row("ModelSpec.builder empty", () -> ModelSpec.builder(""), IAE, "id must not be blank but was ''"),
        row("ModelSpec.builder blank", () -> ModelSpec.builder("  "), IAE, "id must not be blank but was '  '"),
        row("Builder.name null", () -> builder().name(null), NPE, "name must not be null"),
        row("Builder.name empty", () -> builder().name(""), IAE, "name must not be blank"),
        row("Builder.publisher empty", () -> builder().publisher(""), IAE, "publisher must not be blank"),
        row("Builder.family null", () -> builder().family(null), NPE, "family must not be null"),
        row("Builder.license empty", () -> builder().license(" "), IAE, "license must not be blank"),
        row("Builder.releaseDate null", () -> builder().releaseDate(null), NPE, "releaseDate must not be null"),
        row("Builder.huggingFaceRepo null", () -> builder().huggingFaceRepo(null), NPE, "repo must not be null"),
        row("Builder.huggingFaceRepo no owner", () -> builder().huggingFaceRepo("name"), IAE,
            "repo must look like 'owner/name' but was 'name'"),
        row("Builder.huggingFaceRepo empty owner", () -> builder().huggingFaceRepo("/name"), IAE, "but was '/name'"),
        row("Builder.huggingFaceRepo empty name", () -> builder().huggingFaceRepo("owner/"), IAE, "but was 'owner/'"),
        row("Builder.huggingFaceArchitecture empty", () -> builder().huggingFaceArchitecture(""), IAE,
            "className must not be blank"),
        row("Builder.tags null", () -> builder().tags(null), NPE, "tags must not be null"),
        row("Builder.tags null element", () -> builder().tags(new HashSet<>(Arrays.asList(Tag.CHAT, null))), NPE,
            "tag must not be null"),
        row("Builder.arch empty", () -> builder().arch(""), IAE, "arch must not be blank"),
        row("Builder.layers zero", () -> builder().layers(0), IAE, "layers must be in [1, 4096] but was 0"),
        row("Builder.layers negative", () -> builder().layers(-1), IAE, "but was -1"),
        row("Builder.layers too many", () -> builder().layers(4097), IAE, "but was 4097"),
        row("Builder.layers Integer.MIN_VALUE", () -> builder().layers(Integer.MIN_VALUE), IAE, "but was -2147483648"),
        row("Builder.nextnLayers negative", () -> builder().nextnLayers(-1), IAE,
            "nextnLayers must be in [0, 4095] but was -1"),
        row("build nextnLayers past 4096 blocks", () -> builder().layers(4000).nextnLayers(97).build(), IAE,
            "nextnLayers must be in [0, 96] but was 97"),
        row("Builder.hiddenSize zero", () -> builder().hiddenSize(0), IAE,
            "hiddenSize must be in [1, 1048576] but was 0"),
        row("Builder.hiddenSize too wide", () -> builder().hiddenSize((1 << 20) + 1), IAE, "but was 1048577"),
        row("Builder.heads zero", () -> builder().heads(0, 1), IAE, "attentionHeads must be in [1, 16384] but was 0"),
        row("Builder.heads kv zero", () -> builder().heads(4, 0), IAE, "kvHeads must be in [1, 4] but was 0"),
        row("Builder.heads kv above", () -> builder().heads(4, 5), IAE, "kvHeads must be in [1, 4] but was 5"),
        row("Builder.headDim zero", () -> builder().headDim(0), IAE, "headDimK must be in [1, 16384] but was 0"),
        row("Builder.headDims v negative", () -> builder().headDims(64, -1), IAE,
            "headDimV must be in [1, 16384] but was -1"),
        row("Builder.ffnSize negative", () -> builder().ffnSize(-1), IAE, "ffnSize must be in [0, 4194304] but was -1"),
        row("Builder.ffnSize too wide", () -> builder().ffnSize(Integer.MAX_VALUE), IAE, "but was 2147483647"),
        row("Builder.vocabSize zero", () -> builder().vocabSize(0), IAE,
            "vocabSize must be in [1, 67108864] tokens but was 0"),
        row("Builder.contextLength zero", () -> builder().contextLength(0), IAE,
            "contextLength must be in [1, 16777216] tokens but was 0"),
        row("Builder.contextLength too long", () -> builder().contextLength(Estimator.MAX_CONTEXT + 1), IAE,
            "but was 16777217"),
        row("Builder.moe null", () -> builder().moe(null), NPE, "moe must not be null"),
        row("Builder.mla null", () -> builder().mla(null), NPE, "mla must not be null"),
        row("Builder.slidingWindow null", () -> builder().slidingWindow(null), NPE, "slidingWindow must not be null"),
        row("Builder.recurrent null", () -> builder().recurrent(null), NPE, "recurrent must not be null"),
        row("Builder.totalParameters zero", () -> builder().totalParameters(0), IAE,
            "totalParameters must be in [1, 1125899906842624] but was 0"),
        row("Builder.totalParameters Long.MAX_VALUE", () -> builder().totalParameters(Long.MAX_VALUE), IAE,
            "but was 9223372036854775807"),
        row("Builder.activeParameters negative", () -> builder().activeParameters(-1), IAE,
            "activeParameters must be in [1, 1125899906842624] but was -1"),
        row("Builder.nominalParameters zero", () -> builder().nominalParameters(0), IAE,
            "nominalParameters must be in [1, 1125899906842624] but was 0"),
        row("build without layers", () -> ModelSpec.builder("m").hiddenSize(64).heads(4, 4).ffnSize(8).vocabSize(8)
            .contextLength(8).build(), ISE, "layers must be set for model 'm'"),
        row("build without ffnSize", () -> ModelSpec.builder("m").layers(1).hiddenSize(64).heads(4, 4).vocabSize(8)
            .contextLength(8).build(), ISE, "ffnSize must be set for model 'm'"),
        row("build kvHeads not dividing", () -> builder().heads(4, 3).build(), IAE,
            "kvHeads must divide attentionHeads (4) but was 3"),
        row("build hidden below heads", () -> builder().hiddenSize(2).build(), ISE,
            "headDim must be set when hiddenSize (2) is smaller than attentionHeads (4)"),
        row("build active above total", () -> builder().totalParameters(10).activeParameters(11).build(), IAE,
            "activeParameters must be at most totalParameters (10) but was 11"),
        row("build more parameters than a long counts in bytes", () -> builder().layers(4096).hiddenSize(1 << 20)
            .headDim(128).ffnSize(0).moe(new MixtureOfExperts(65_536, 1, 0, 1 << 20, 0, 0)).build(), IAE,
            "parameters; at most 1125899906842624 are supported"));
  }

  private static Stream<Arguments> parts() {
    return Stream.of(
        row("MixtureOfExperts one expert", () -> new MixtureOfExperts(1, 1, 0, 64, 0, 0), IAE,
            "experts must be in [2, 65536] but was 1"),
        row("MixtureOfExperts per token above", () -> new MixtureOfExperts(8, 9, 0, 64, 0, 0), IAE,
            "expertsPerToken must be in [1, 8] but was 9"),
        row("MixtureOfExperts shared negative", () -> new MixtureOfExperts(8, 2, -1, 64, 0, 0), IAE,
            "sharedExperts must be in [0, 64] but was -1"),
        row("MixtureOfExperts expert ffn zero", () -> new MixtureOfExperts(8, 2, 0, 0, 0, 0), IAE,
            "expertFfnSize must be in [1, 1048576] but was 0"),
        row("MixtureOfExperts shared size without shared", () -> new MixtureOfExperts(8, 2, 0, 64, 64, 0), IAE,
            "sharedExpertFfnSize (no shared experts) must be in [0, 0] but was 64"),
        row("MixtureOfExperts shared size zero", () -> new MixtureOfExperts(8, 2, 1, 64, 0, 0), IAE,
            "sharedExpertFfnSize must be in [1, 4194304] but was 0"),
        row("MixtureOfExperts leading negative", () -> new MixtureOfExperts(8, 2, 0, 64, 0, -1), IAE,
            "leadingDenseLayers must be in [0, 1024] but was -1"),
        row("MixtureOfExperts step zero", () -> new MixtureOfExperts(8, 2, 0, 64, 0, 0, 0), IAE,
            "layerStep must be in [1, 64] layers but was 0"),
        row("SlidingWindow zero", () -> new SlidingWindow(0, 2), IAE,
            "window must be in [1, 16777216] tokens but was 0"),
        row("SlidingWindow pattern 1", () -> new SlidingWindow(512, 1), IAE,
            "pattern must be 0 (every layer slides) or in [2, 1024] but was 1"),
        row("SlidingWindow pattern negative", () -> new SlidingWindow(512, -2), IAE, "but was -2"),
        row("SlidingWindow.llamaCppPattern null", () -> SlidingWindow.llamaCppPattern(null), NPE,
            "arch must not be null"),
        row("LatentAttention rank zero", () -> new LatentAttention(0, 0, 64, 128, 128), IAE,
            "kvLoraRank must be in [1, 65536] but was 0"),
        row("LatentAttention q rank negative", () -> new LatentAttention(512, -1, 64, 128, 128), IAE,
            "qLoraRank must be in [0, 65536] but was -1"),
        row("LatentAttention rope zero", () -> new LatentAttention(512, 0, 0, 128, 128), IAE,
            "ropeHeadDim must be in [1, 4096] but was 0"),
        row("LatentAttention v too wide", () -> new LatentAttention(512, 0, 64, 128, 5000), IAE,
            "vHeadDim must be in [1, 4096] but was 5000"),
        row("RecurrentLayers interval negative", () -> new RecurrentLayers(-1, 0), IAE,
            "fullAttentionInterval must be in [0, 1024] layers but was -1"),
        row("RecurrentLayers state negative", () -> new RecurrentLayers(4, -1), IAE,
            "stateBytesPerSequence must be in [0, 1099511627776] bytes but was -1"),
        row("RecurrentLayers state Long.MAX_VALUE", () -> new RecurrentLayers(4, Long.MAX_VALUE), IAE,
            "but was 9223372036854775807"),
        row("SpeedCalibration.of null", () -> SpeedCalibration.of(null), NPE, "backend must not be null"),
        row("SpeedCalibration.of null hardware", () -> SpeedCalibration.of(null, Backend.CUDA), NPE,
            "hardware must not be null"),
        row("SpeedCalibration.of null runtime", () -> SpeedCalibration.of(GPU, null), NPE, "runtime must not be null"),
        row("SpeedCalibration super-block cost", () -> CUDA.withSuperBlockPrefillCost(0.5), IAE,
            "superBlockPrefillCost must be in [1, 100] but was 0.5"),
        row("SpeedCalibration null backend", () -> new SpeedCalibration(null, 1, 1, 0, 0, 0, 1, 1, 0, 1), NPE,
            "backend must not be null"),
        row("SpeedCalibration efficiency zero", () -> CUDA.withEfficiency(0), IAE,
            "efficiency must be in (0, 1] but was 0"),
        row("SpeedCalibration efficiency NaN", () -> CUDA.withEfficiency(NAN), IAE,
            "efficiency must be a finite number but was NaN"),
        row("SpeedCalibration overhead negative", () -> CUDA.withOverheadMillis(-1), IAE,
            "overheadMillis must be in [0, 1000] ms but was -1"),
        row("SpeedCalibration overhead infinity", () -> CUDA.withOverheadMillis(INF), IAE,
            "overheadMillis must be a finite number but was Infinity"),
        row("SpeedCalibration prefill utilization", () -> CUDA.withPrefillUtilization(-INF), IAE,
            "prefillUtilization must be a finite number but was -Infinity"),
        row("SpeedCalibration band", () -> new SpeedCalibration(Backend.CPU, 1, 1, 0, 0, 11, 1, 1, 0, 1), IAE,
            "decodeBand must be in [0, 10] but was 11"),
        row("FileWeights null", () -> new FileWeights(null, Bytes.ZERO, Bytes.ZERO, Bytes.ZERO), NPE,
            "tensorBytes must not be null"),
        row("FileWeights active above tensors", () -> new FileWeights(Bytes.ofBytes(1), Bytes.ofBytes(2), Bytes.ZERO,
            Bytes.ZERO), IAE, "activeBytes (2 B) and cpuRepackBytes (0 B) must be at most tensorBytes (1 B)"),
        row("FileWeights tensors and repack beyond a long", () -> new FileWeights(Bytes.ofBytes(Long.MAX_VALUE / 4 * 3),
            Bytes.ZERO, Bytes.ofBytes(Long.MAX_VALUE / 4 * 3), Bytes.ZERO), AE,
            "is more than 9223372036854775807 bytes"),
        row("MemoryEstimate overflow", () -> new MemoryEstimate(Bytes.ofBytes(Long.MAX_VALUE), Bytes.ofBytes(1),
            Bytes.ZERO, Bytes.ZERO, Bytes.ZERO), AE, "is more than 9223372036854775807 bytes"),
        row("DecodeSpeed.secondsFor negative", () -> ESTIMATOR.decode(GPU).secondsFor(-1), IAE,
            "tokens must be in [0, 2147483647] but was -1"),
        row("Estimator.decode at a vanishing efficiency", () -> ESTIMATOR.efficiency(Double.MIN_VALUE).decode(GPU),
            IAE, "memoryMillis must be a finite number but was Infinity"),
        row("Estimator.decode on a vanishing bandwidth", () -> ESTIMATOR.decode(Hardware.gpu("slow", Vendor.NVIDIA,
            Bytes.ofGibibytes(24), 1e-9)), IAE, "memoryMillis must be in [0, 1000000000000] ms but was"));
  }

  private static Stream<Arguments> hardware() {
    Bytes gib = Bytes.ofGibibytes(1);
    return Stream.of(
        row("Hardware.gpu null name", () -> Hardware.gpu(null, Vendor.NVIDIA, gib, 100), NPE, "name must not be null"),
        row("Hardware.gpu empty name", () -> Hardware.gpu("", Vendor.NVIDIA, gib, 100), IAE,
            "name must not be blank but was ''"),
        row("Hardware.gpu null vendor", () -> Hardware.gpu("g", null, gib, 100), NPE, "vendor must not be null"),
        row("Hardware.gpu null memory", () -> Hardware.gpu("g", Vendor.NVIDIA, null, 100), NPE,
            "memory must not be null"),
        row("Hardware.gpu zero memory", () -> Hardware.gpu("g", Vendor.NVIDIA, Bytes.ZERO, 100), IAE,
            "memory must be more than 0 bytes but was 0 B"),
        row("Hardware.gpu zero bandwidth", () -> Hardware.gpu("g", Vendor.NVIDIA, gib, 0), IAE,
            "bandwidthGBps must be in (0, 1000000] GB/s but was 0"),
        row("Hardware.gpu NaN bandwidth", () -> Hardware.gpu("g", Vendor.NVIDIA, gib, NAN), IAE,
            "bandwidthGBps must be a finite number but was NaN"),
        row("Hardware.gpu infinite bandwidth", () -> Hardware.gpu("g", Vendor.NVIDIA, gib, INF), IAE,
            "bandwidthGBps must be a finite number but was Infinity"),
        row("Hardware.cpu negative bandwidth", () -> Hardware.cpu("c", Vendor.AMD, gib, -1), IAE, "but was -1"),
        row("Hardware.unified share zero", () -> Hardware.unified("u", Vendor.APPLE, gib, 400, 0), IAE,
            "gpuMemoryShare must be in (0, 1] but was 0"),
        row("Hardware.unified share above one", () -> Hardware.unified("u", Vendor.APPLE, gib, 400, 1.5), IAE,
            "but was 1.5"),
        row("Hardware.unified share NaN", () -> Hardware.unified("u", Vendor.APPLE, gib, 400, NAN), IAE,
            "gpuMemoryShare must be a finite number but was NaN"),
        row("Hardware.of null kind", () -> Hardware.of("x", null, Vendor.OTHER, gib, 10), NPE, "kind must not be null"),
        row("Hardware.withName empty", () -> GPU.withName(""), IAE, "name must not be blank"),
        row("Hardware.withId null", () -> GPU.withId(null), NPE, "id must not be null"),
        row("Hardware.withFp16Tflops zero", () -> GPU.withFp16Tflops(0), IAE,
            "fp16Tflops must be in (0, 1000000] TFLOPS but was 0"),
        row("Hardware.withFp32Tflops NaN", () -> GPU.withFp32Tflops(NAN), IAE,
            "fp32Tflops must be a finite number but was NaN"),
        row("Hardware.withGpuMemoryShare infinity", () -> GPU.withGpuMemoryShare(INF), IAE,
            "gpuMemoryShare must be a finite number but was Infinity"),
        row("Hardware.times zero", () -> GPU.times(0), IAE, "count must be in [1, 1024] devices but was 0"),
        row("Hardware.times too many", () -> GPU.times(1025), IAE, "but was 1025"),
        row("Hardware.parse null", () -> Hardware.parse(null), NPE, "spec must not be null"),
        row("Hardware.parse empty", () -> Hardware.parse(""), IAE, "hardware spec parts must be key=value but was ''"),
        row("Hardware.parse unknown key", () -> Hardware.parse("kind=gpu,colour=red"), IAE,
            "unknown hardware spec key 'colour'; allowed: kind, vendor"),
        row("Hardware.parse missing key", () -> Hardware.parse("kind=gpu,vendor=amd,memory_gib=8"), IAE,
            "hardware spec needs bandwidth_gbps"),
        row("Hardware.parse repeated key", () -> Hardware.parse("kind=gpu,kind=cpu"), IAE,
            "hardware spec key 'kind' is given twice"),
        row("Hardware.parse unknown kind", () -> Hardware.parse(spec("kind=tpu")), IAE,
            "'tpu' is not a hardware kind; expected one of gpu, unified, cpu"),
        row("Hardware.parse unknown vendor", () -> Hardware.parse(spec("vendor=acme")), IAE, "'acme' is not a vendor"),
        row("Hardware.parse memory not a number", () -> Hardware.parse(spec("memory_gib=lots")), IAE,
            "memory_gib must be a number but was 'lots'"),
        row("Hardware.parse memory NaN", () -> Hardware.parse(spec("memory_gib=NaN")), IAE,
            "memory_gib must be a finite number but was NaN"),
        row("Hardware.parse memory zero", () -> Hardware.parse(spec("memory_gib=0")), IAE,
            "memory_gib must be in (0, 1073741824] GiB but was 0"),
        row("Hardware.parse bandwidth infinite", () -> Hardware.parse(spec("bandwidth_gbps=Infinity")), IAE,
            "bandwidth_gbps must be a finite number but was Infinity"),
        row("Hardware.parse bandwidth negative", () -> Hardware.parse(spec("bandwidth_gbps=-5")), IAE,
            "bandwidthGBps must be in (0, 1000000] GB/s but was -5"),
        row("Hardware.parse count fraction", () -> Hardware.parse(spec("count=1.5")), IAE,
            "count must be a whole number of devices but was 1.5"),
        row("Hardware.parse count huge", () -> Hardware.parse(spec("count=1e20")), IAE,
            "count must be in [1, 1024] devices but was 1.0E20"),
        row("Hardware.parse count zero", () -> Hardware.parse(spec("count=0")), IAE,
            "count must be in [1, 1024] devices but was 0"),
        row("Hardware.parse share", () -> Hardware.parse(spec("gpu_share=2")), IAE,
            "gpuMemoryShare must be in (0, 1] but was 2"),
        row("Hardware.parse fp16", () -> Hardware.parse(spec("fp16_tflops=-1")), IAE,
            "fp16Tflops must be in (0, 1000000] TFLOPS but was -1"));
  }

  /** A valid hardware spec with one key replaced (or added). */
  private static String spec(String replacement) {
    String key = replacement.substring(0, replacement.indexOf('='));
    StringBuilder out = new StringBuilder(replacement);
    for (String part : List.of("kind=gpu", "vendor=nvidia", "memory_gib=24", "bandwidth_gbps=1008")) {
      if (!part.startsWith(key + "=")) {
        out.append(',').append(part);
      }
    }
    return out.toString();
  }

  private static Stream<Arguments> runtimes() {
    return Stream.of(
        row("LlamaCppRuntime.withBackend null", () -> RUNTIME.withBackend(null), NPE, "backend must not be null"),
        row("LlamaCppRuntime.withGpuLayers -2", () -> RUNTIME.withGpuLayers(-2), IAE,
            "gpuLayers must be in [-1, 4097] layers but was -2"),
        row("LlamaCppRuntime.withGpuLayers too many", () -> RUNTIME.withGpuLayers(5000), IAE, "but was 5000"),
        row("LlamaCppRuntime.withBatch zero", () -> RUNTIME.withBatch(0, 1), IAE,
            "batch must be in [1, 1048576] tokens but was 0"),
        row("LlamaCppRuntime.withBatch ubatch above", () -> RUNTIME.withBatch(512, 1024), IAE,
            "ubatch must be in [1, 512] tokens but was 1024"),
        row("LlamaCppRuntime.withBatch ubatch zero", () -> RUNTIME.withBatch(512, 0), IAE, "but was 0"),
        row("LlamaCppRuntime.withOutputs negative", () -> RUNTIME.withOutputs(-1), IAE,
            "outputs must be in [0, 1048576] tokens but was -1"),
        row("LlamaCppRuntime.withRuntimeReserve null", () -> RUNTIME.withRuntimeReserve(null), NPE,
            "bytes must not be null"));
  }

  private static Stream<Arguments> estimators() {
    Estimator seed = ESTIMATOR.method(EstimationMethod.SEED);
    Estimator wide = Estimator.of(WIDE_KV).context(Estimator.MAX_CONTEXT).parallel(Estimator.MAX_PARALLEL);
    return Stream.of(
        row("Estimator.of null", () -> Estimator.of(null), NPE, "model must not be null"),
        row("Estimator.quant null", () -> ESTIMATOR.quant(null), NPE, "quant must not be null"),
        row("Estimator.context zero", () -> ESTIMATOR.context(0), IAE,
            "context must be in [1, 16777216] tokens but was 0"),
        row("Estimator.context negative", () -> ESTIMATOR.context(-4096), IAE, "but was -4096"),
        row("Estimator.context too long", () -> ESTIMATOR.context(Integer.MAX_VALUE), IAE, "but was 2147483647"),
        row("Estimator.parallel zero", () -> ESTIMATOR.parallel(0), IAE,
            "parallel must be in [1, 4096] sequences but was 0"),
        row("Estimator.parallel too many", () -> ESTIMATOR.parallel(4097), IAE, "but was 4097"),
        row("Estimator.kvType null", () -> ESTIMATOR.kvType(null), NPE, "type must not be null"),
        row("Estimator.kvTypes null values", () -> ESTIMATOR.kvTypes(KvCacheType.F16, null), NPE,
            "values must not be null"),
        row("Estimator.method null", () -> ESTIMATOR.method(null), NPE, "method must not be null"),
        row("Estimator.runtime null", () -> ESTIMATOR.runtime(null), NPE, "runtime must not be null"),
        row("Estimator.fileWeights null", () -> ESTIMATOR.fileWeights(null), NPE, "weights must not be null"),
        row("Estimator.speedCalibration null", () -> ESTIMATOR.speedCalibration(null), NPE,
            "calibration must not be null"),
        row("Estimator.multiGpu null", () -> ESTIMATOR.multiGpu(null), NPE, "mode must not be null"),
        row("Estimator.overhead null", () -> ESTIMATOR.overhead(null), NPE, "bytes must not be null"),
        row("Estimator.efficiency zero", () -> ESTIMATOR.efficiency(0), IAE, "efficiency must be in (0, 1] but was 0"),
        row("Estimator.efficiency NaN", () -> ESTIMATOR.efficiency(NAN), IAE,
            "efficiency must be a finite number but was NaN"),
        row("Estimator.efficiency -infinity", () -> ESTIMATOR.efficiency(-INF), IAE,
            "efficiency must be a finite number but was -Infinity"),
        row("Estimator.efficiency above one", () -> ESTIMATOR.efficiency(1.01), IAE, "but was 1.01"),
        row("Estimator.verdictThresholds great zero", () -> ESTIMATOR.verdictThresholds(0, 0.9), IAE,
            "great must be in (0, 1] but was 0"),
        row("Estimator.verdictThresholds well below great", () -> ESTIMATOR.verdictThresholds(0.9, 0.5), IAE,
            "well must be in [0.9, 1] but was 0.5"),
        row("Estimator.verdictThresholds NaN", () -> ESTIMATOR.verdictThresholds(0.5, NAN), IAE,
            "well must be a finite number but was NaN"),
        row("Estimator.fit null", () -> ESTIMATOR.fit(null), NPE, "hardware must not be null"),
        row("Estimator.decode null", () -> ESTIMATOR.decode(null), NPE, "hardware must not be null"),
        row("Estimator.prefill null", () -> ESTIMATOR.prefill(null, 512), NPE, "hardware must not be null"),
        row("Estimator.prefill zero tokens", () -> ESTIMATOR.prefill(GPU, 0), IAE,
            "promptTokens must be in [1, 16777216] tokens but was 0"),
        row("Estimator.prefill too many tokens", () -> ESTIMATOR.prefill(GPU, Integer.MAX_VALUE), IAE,
            "but was 2147483647"),
        row("Estimator.calibrationFor null", () -> ESTIMATOR.calibrationFor(null), NPE, "hardware must not be null"),
        row("Estimator.place null", () -> ESTIMATOR.place(null), NPE, "gpu must not be null"),
        row("Estimator.place on a CPU", () -> ESTIMATOR.place(CPU), IAE,
            "gpu must be a GPU or unified-memory device but was the CPU CPU"),
        row("Estimator.place host not a CPU", () -> ESTIMATOR.place(GPU, GPU, Offload.LAYERS), IAE,
            "host must be a CPU with system memory (HardwareKind.CPU) but was GPU GPU"),
        row("Estimator.place null offload", () -> ESTIMATOR.place(GPU, CPU, null), NPE, "offload must not be null"),
        row("Estimator.place seed method", () -> seed.place(GPU), ISE, "placement needs the EXACT method"),
        row("Estimator.vram quantized V without flash attention", () -> ESTIMATOR.kvType(KvCacheType.Q8_0)
            .runtime(RUNTIME.withFlashAttention(false)).vram(), ISE, "kvType q8_0 for V needs flash attention"),
        row("Estimator.bestQuantization null hardware", () -> ESTIMATOR.bestQuantization(null,
            QuantizationChoice.BEST_BALANCE), NPE, "hardware must not be null"),
        row("Estimator.bestQuantization null rule", () -> ESTIMATOR.bestQuantization(GPU, null), NPE,
            "rule must not be null"),
        row("Estimator.longestContext null", () -> ESTIMATOR.longestContext(null), NPE, "hardware must not be null"),
        row("Estimator.maxParallel null", () -> ESTIMATOR.maxParallel(null), NPE, "hardware must not be null"),
        row("Estimator.vram beyond a long", wide::vram, AE,
            "the memory of wide at 16777216 tokens × 4096 sequences is more than 9223372036854775807 bytes"),
        row("Estimator.vram beyond a long, seed method", () -> wide.method(EstimationMethod.SEED).vram(), AE,
            "the memory of wide at 16777216 tokens × 4096 sequences is more than 9223372036854775807 bytes"),
        row("SharedFit.of null hardware", () -> SharedFit.of(null, List.of(ESTIMATOR)), NPE,
            "hardware must not be null"),
        row("SharedFit.of null list", () -> SharedFit.of(GPU, null), NPE, "estimators must not be null"),
        row("SharedFit.of empty", () -> SharedFit.of(GPU, List.of()), IAE,
            "estimators must hold at least one model but was empty"),
        row("SharedFit.of null element", () -> SharedFit.of(GPU, Arrays.asList(ESTIMATOR, null)), NPE,
            "estimator must not be null"));
  }

  private static Stream<Arguments> enums() {
    return Stream.of(
        row("Backend.parse null", () -> Backend.parse(null), NPE, "text must not be null"),
        row("Backend.parse unknown", () -> Backend.parse("opencl"), IAE,
            "'opencl' is not a backend; expected one of cpu, cuda, metal, vulkan, rocm"),
        row("Vendor.parse empty", () -> Vendor.parse(""), IAE, "'' is not a vendor; expected one of nvidia"),
        row("HardwareKind.parse unknown", () -> HardwareKind.parse("npu"), IAE, "'npu' is not a hardware kind"),
        row("KvCacheType.parse unknown", () -> KvCacheType.parse("q3_k"), IAE,
            "'q3_k' is not a KV cache type; expected one of [f32, f16"),
        row("KvCacheType.parse null", () -> KvCacheType.parse(null), NPE, "text must not be null"),
        row("KvCacheType.rowBytes negative", () -> KvCacheType.F16.rowBytes(-1), IAE, "elements must be in [0, "),
        row("GgmlType.parse empty", () -> GgmlType.parse(""), IAE, "'' is not a ggml type; expected one of [F32"),
        row("GgmlType.ofId negative", () -> GgmlType.ofId(-1), IAE, "no ggml type has id -1; known ids are"),
        row("GgmlType.ofId unknown", () -> GgmlType.ofId(4), IAE, "no ggml type has id 4"),
        row("GgmlType.bytesFor partial block", () -> GgmlType.Q4_K.bytesFor(100), IAE,
            "elements must be a multiple of 256 for Q4_K but was 100"),
        row("Tag.parse unknown", () -> Tag.parse("fast"), IAE, "'fast' is not a tag; expected one of"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("provider_badInputs")
  void badInput_throwsNamingTheValueAndWhatIsAllowed(String description, ThrowingCallable call,
      Class<? extends Throwable> type, String message) {
    assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(message);
  }
}
