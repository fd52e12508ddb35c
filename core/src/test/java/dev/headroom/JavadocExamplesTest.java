package dev.headroom;

import static dev.headroom.Quantization.Q4_K_M;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@code <pre>{@code …}</pre>} example of every public type's javadoc (and the README's API lines), so that
 * they compile and say what they claim. Keep each method in step with the javadoc it names: the catalog module's
 * {@code JavadocExamplesTest} checks that every public type of core has an example whose lines this class runs.
 */
final class JavadocExamplesTest {
  private final ModelSpec model = TestModels.r1DistillQwen15b();
  private final ModelSpec r1 = model;
  private final Hardware rtx4090 =
      Hardware.gpu("NVIDIA GeForce RTX 4090", Vendor.NVIDIA, Bytes.ofGibibytes(24), 1008).withFp16Tflops(165.2);

  @Test
  void packageInfo_andEstimator() {
    MemoryEstimate m = Estimator.of(model).quant(Q4_K_M).context(131072).vram();
    Fit fit = Estimator.of(model).quant(Q4_K_M).fit(rtx4090);
    DecodeSpeed speed = Estimator.of(model).quant(Q4_K_M).decode(rtx4090);
    assertThat(m.total()).isEqualTo(fit.memory().total().plus(m.kvCache()).minus(fit.memory().kvCache()));
    assertThat(speed.tokensPerSecond()).isPositive();
  }

  @Test
  void readme_api() {
    ModelSpec spec = ModelSpec.builder("deepseek-r1-distill-qwen-1.5b").arch("qwen2")
        .layers(28).hiddenSize(1536).heads(12, 2).headDim(128).ffnSize(8960)
        .vocabSize(151936).contextLength(131072).build();
    Hardware gpu = Hardware.gpu("NVIDIA GeForce RTX 4090", Vendor.NVIDIA, Bytes.ofGibibytes(24), 1008);
    MemoryEstimate m = Estimator.of(spec).quant(Q4_K_M).context(131072).vram();
    Fit fit = Estimator.of(spec).quant(Q4_K_M).fit(gpu);
    DecodeSpeed speed = Estimator.of(spec).quant(Q4_K_M).decode(gpu);
    Bytes download = Estimator.of(spec).quant(Q4_K_M).fileSize();
    assertThat(m.total().bytes()).isGreaterThan(download.bytes());
    assertThat(fit.verdict()).isEqualTo(Verdict.RUNS_GREAT);
    assertThat(speed.tokensPerSecond()).isPositive();
    assertThat(Bytes.ofGibibytes(24)).hasToString("24 GiB");
    ModelSpec draft = TestModels.qwen25half();
    Optional<PrefillSpeed> prompt = Estimator.of(spec).prefill(gpu, 4096);
    java.util.OptionalInt longest = Estimator.of(spec).longestContext(gpu);
    SharedFit both = SharedFit.of(gpu, List.of(Estimator.of(spec), Estimator.of(draft)));
    assertThat(prompt).as("the README's GPU has no throughput figures").isEmpty();
    assertThat(longest).hasValue(131072);
    assertThat(both.fits()).isTrue();
    Hardware host = Hardware.cpu("Ryzen 9 7950X, DDR5-6000", Vendor.AMD, Bytes.ofGibibytes(64), 83);
    Placement p = Estimator.of(spec).place(gpu, host, Offload.LAYERS);
    assertThat(p.gpuLayers()).isEqualTo(28);
  }

  @Test
  void placement_deviceLoad_offload_multiGpu() {
    ModelSpec llama70b = TestModels.llama31_70b();
    Hardware host = Hardware.cpu("Ryzen 9 7950X, DDR5-6000", Vendor.AMD, Bytes.ofGibibytes(64), 83);
    Placement p = Estimator.of(llama70b).quant(Q4_K_M).place(rtx4090, host, Offload.LAYERS);
    int onGpu = p.gpuLayers();
    double tps = p.decode().tokensPerSecond();
    assertThat(onGpu).as("the most layers that fit").isEqualTo(48);
    assertThat(Estimator.of(llama70b).runtime(LlamaCppRuntime.defaults().withGpuLayers(onGpu + 1))
        .place(rtx4090, host, Offload.LAYERS).devices().get(0).fits()).isFalse();
    assertThat(tps).as("about 18 GB read from DDR5 per token").isBetween(1.0, 5.0);
    for (DeviceLoad d : Estimator.of(llama70b).place(rtx4090, host, Offload.LAYERS).devices()) {
      String line = d.toString();
      assertThat(line).matches(".*: \\d+ layers, .* GB of .* GB");
    }
    assertThat(p.devices().get(0).toString()).as("DeviceLoad's javadoc example")
        .isEqualTo("NVIDIA GeForce RTX 4090: 48 layers, 25.5 GB of 25.8 GB");
    Hardware h100 = Hardware.gpu("NVIDIA H100 SXM5 80GB", Vendor.NVIDIA, Bytes.ofGibibytes(80), 3350);
    DecodeSpeed s = Estimator.of(model).multiGpu(MultiGpu.TENSOR_PARALLEL).decode(h100.times(8));
    assertThat(s.tokensPerSecond()).isPositive();
  }

  @Test
  void byteUnit() {
    long bytes = ByteUnit.GIB.toBytes(24);
    ByteUnit unit = ByteUnit.parse("GiB");
    assertThat(bytes).isEqualTo(25_769_803_776L);
    assertThat(unit).isEqualTo(ByteUnit.GIB);
  }

  @Test
  void bytes() {
    Bytes card = Bytes.of(24, ByteUnit.GIB);
    Bytes file = Bytes.parse("1117320576 B");
    String shown = file.format(ByteUnit.GB, 2);
    Bytes left = card.minus(file);
    assertThat(shown).isEqualTo("1.12 GB");
    assertThat(left.bytes()).isEqualTo(25_769_803_776L - 1_117_320_576L);
    assertThatThrownBy(() -> file.minus(card)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void ggmlType() {
    long bytes = GgmlType.Q4_K.bytesFor(4096L * 4096);
    double bpw = GgmlType.Q6_K.bitsPerWeight();
    assertThat(bytes).isEqualTo(9_437_184L);
    assertThat(bpw).isEqualTo(6.5625);
  }

  @Test
  void quantization() {
    Quantization q = Quantization.parse("q4_k_m");
    double bits = q.bitsPerWeight();
    Quantization exl2 = Quantization.ofBitsPerWeight(4.65);
    Quantization awq = Quantization.awq(4, 128);
    assertThat(q).isSameAs(Q4_K_M);
    assertThat(bits).isEqualTo(4.8);
    assertThat(exl2.bitsPerWeight()).isEqualTo(4.65);
    assertThat(awq.bitsPerWeight()).isEqualTo(4 + (16 + 4) / 128.0);
  }

  @Test
  void tag_vendor_hardwareKind_backend_kvCacheType() {
    Tag tag = Tag.parse("reasoning");
    String shown = tag.label();
    assertThat(tag).isEqualTo(Tag.REASONING);
    assertThat(shown).isEqualTo("Reasoning");
    Vendor v = Vendor.parse("nvidia");
    assertThat(v).isEqualTo(Vendor.NVIDIA);
    HardwareKind k = HardwareKind.parse("unified");
    assertThat(k).isEqualTo(HardwareKind.UNIFIED);
    Backend b = Backend.parse("cuda");
    assertThat(b).isEqualTo(Backend.CUDA);
    assertThat(b.isGpu()).isTrue();
    KvCacheType t = KvCacheType.parse("q8_0");
    long bytes = t.rowBytes(2 * 128);
    assertThat(bytes).isEqualTo(272);
  }

  @Test
  void architectureParts() {
    MixtureOfExperts moe = new MixtureOfExperts(128, 8, 0, 768, 0, 0);
    MixtureOfExperts v3 = new MixtureOfExperts(256, 8, 1, 2048, 2048, 3, 1, true);
    assertThat(moe.expertScoreBias()).isFalse();
    assertThat(v3.expertScoreBias()).isTrue();
    LatentAttention mla = new LatentAttention(512, 1536, 64, 128, 128);
    SlidingWindow gemma3 = new SlidingWindow(1024, 6);
    RecurrentLayers qwen3Next = new RecurrentLayers(4, 1_081_344);
    assertThat(moe.expertsPerToken()).isEqualTo(8);
    assertThat(mla.cachedElementsPerToken()).isEqualTo(576);
    boolean local = gemma3.isSliding(0);
    boolean global = gemma3.isSliding(5);
    assertThat(local).isTrue();
    assertThat(global).isFalse();
    OptionalInt pattern = SlidingWindow.llamaCppPattern("gemma2");
    assertThat(pattern).hasValue(2);
    assertThat(SlidingWindow.llamaCppPattern("llama")).isEmpty();
    boolean recurrent = qwen3Next.isRecurrent(0);
    boolean attention = qwen3Next.isRecurrent(3);
    assertThat(recurrent).isTrue();
    assertThat(attention).isFalse();
    Architecture a = ModelSpec.builder("my-model").arch("qwen2").layers(28).hiddenSize(1536)
        .heads(12, 2).ffnSize(8960).vocabSize(151936).contextLength(131072).build().architecture();
    int kvPerToken = a.kvHeads() * (a.headDimK() + a.headDimV());
    assertThat(kvPerToken).isEqualTo(512);
    int blocks = a.layers() + a.nextnLayers();
    assertThat(blocks).isEqualTo(28);
  }

  @Test
  void modelSpec() {
    ModelSpec r1 = ModelSpec.builder("deepseek-r1-distill-qwen-1.5b")
        .name("DeepSeek R1 Distill Qwen 1.5B").publisher("DeepSeek").family("Qwen")
        .arch("qwen2").huggingFaceArchitecture("Qwen2ForCausalLM")
        .layers(28).hiddenSize(1536).heads(12, 2).headDim(128).ffnSize(8960)
        .vocabSize(151936).tiedEmbeddings(false).contextLength(131072)
        .nominalParameters(1_500_000_000L)
        .build();
    long exact = r1.totalParameters();
    assertThat(exact).isEqualTo(1_777_088_000L);
    assertThat(r1.architecture()).isEqualTo(model.architecture());

    ModelSpec air = ModelSpec.builder("glm-4.5-air").arch("glm4moe").layers(46).nextnLayers(1)
        .hiddenSize(4096).heads(96, 8).headDim(128).ffnSize(10944).vocabSize(151552).contextLength(131072)
        .moe(new MixtureOfExperts(128, 8, 1, 1408, 1408, 1, 1, true)).build();
    long all = air.totalParameters();
    assertThat(all).isEqualTo(110_468_824_832L);
    assertThat(air.toBuilder().nextnLayers(0).build().totalParameters()).isEqualTo(106_852_251_264L);
  }

  @Test
  void hardware() {
    Hardware rtx4090 = Hardware.gpu("NVIDIA GeForce RTX 4090", Vendor.NVIDIA, Bytes.ofGibibytes(24), 1008)
        .withFp16Tflops(165.2);
    Hardware node = Hardware.gpu("NVIDIA H100 SXM5 80GB", Vendor.NVIDIA, Bytes.ofGibibytes(80), 3350).times(8);
    Hardware mac = Hardware.unified("Apple M3 Max 128GB", Vendor.APPLE, Bytes.ofGibibytes(128), 400, 0.75);
    Bytes usable = mac.usableMemory();
    assertThat(usable).isEqualTo(Bytes.ofGibibytes(96));
    assertThat(rtx4090.fp16Tflops()).hasValue(165.2);
    assertThat(node.usableMemory()).isEqualTo(Bytes.ofGibibytes(640));
  }

  @Test
  void estimationMethod_memoryEstimate_decodeSpeed() {
    MemoryEstimate naive = Estimator.of(model).method(EstimationMethod.SEED).vram();
    assertThat(naive.total().format(ByteUnit.GB, 1)).isEqualTo("1.3 GB");
    MemoryEstimate m = Estimator.of(r1).method(EstimationMethod.SEED).quant(Q4_K_M).context(131072).vram();
    Bytes total = m.total();
    String text = m.toString();
    assertThat(total.format(ByteUnit.GB, 1)).isEqualTo("5.0 GB");
    assertThat(text).isEqualTo("5.0 GB = weights 0.90 GB + KV cache 3.76 GB + overhead 0.30 GB");
    DecodeSpeed s = Estimator.of(r1).method(EstimationMethod.SEED).quant(Q4_K_M).decode(rtx4090);
    double tps = s.tokensPerSecond();
    String why = s.toString();
    assertThat(tps).isBetween(520.0, 521.0);
    assertThat(why).isEqualTo("521 tok/s = 1000 / (1.92 ms reading 1.26 GB); typically ±20 % (416–625)");
  }

  @Test
  void verdict_fit() {
    Verdict v = Verdict.RUNS_GREAT;
    String label = v.label();
    assertThat(label).isEqualTo("Runs great — plenty of headroom");
    Fit fit = Estimator.of(model).quant(Q4_K_M).fit(rtx4090);
    boolean ok = fit.verdict().fits();
    long left = fit.headroomBytes();
    assertThat(ok).isTrue();
    assertThat(left).isEqualTo(rtx4090.usableMemory().bytes() - fit.memory().total().bytes());
    assertThat(fit.toString()).startsWith("Runs great — plenty of headroom: 1.8 GB of 25.8 GB usable on NVIDIA");
  }

  @Test
  void speedCalibration_prefillSpeed_sharedFit_hardwareParse() {
    SpeedCalibration cuda = SpeedCalibration.of(Backend.CUDA);
    Estimator tuned = Estimator.of(model).speedCalibration(cuda.withEfficiency(0.85));
    assertThat(tuned.calibrationFor(rtx4090).efficiency()).isEqualTo(0.85);
    Hardware macStudio = Hardware.unified("Mac Studio", Vendor.APPLE, Bytes.ofGibibytes(192), 800, 0.75);
    SpeedCalibration onMac = SpeedCalibration.of(macStudio, Backend.VULKAN);
    assertThat(onMac.backend()).isEqualTo(Backend.VULKAN);
    Optional<PrefillSpeed> p = Estimator.of(model).prefill(rtx4090, 4096);
    double seconds = p.get().timeToFirstToken();
    assertThat(seconds).isPositive().isLessThan(1);
    ModelSpec chat = TestModels.llama31_8b();
    ModelSpec draft = model;
    SharedFit all = SharedFit.of(rtx4090, List.of(Estimator.of(chat).context(32768), Estimator.of(draft)));
    boolean ok = all.fits();
    long left = all.headroomBytes();
    assertThat(ok).isTrue();
    assertThat(left).isPositive();
    Hardware card = Hardware.parse("kind=gpu,vendor=nvidia,memory_gib=24,bandwidth_gbps=1008,fp16_tflops=165");
    assertThat(card.fp16Tflops()).hasValue(165);
    DecodeSpeed s = Estimator.of(r1).quant(Q4_K_M).decode(rtx4090);
    assertThat(s.toString()).matches("\\d+ tok/s = 1000 / \\(.* ms reading 1\\.\\d\\d GB \\+ .* ms overhead\\); "
        + "typically ±\\d+ % .*");
    int longest = Estimator.of(chat).longestContext(rtx4090).getAsInt();
    assertThat(longest).isPositive();
  }

  @Test
  void fileWeights() {
    FileWeights w = new FileWeights(Bytes.ofBytes(1_111_370_240L), Bytes.ofBytes(1_111_370_240L),
        Bytes.ofBytes(625_508_352L), Bytes.ofBytes(1_117_320_576L));
    MemoryEstimate m = Estimator.of(model).fileWeights(w).vram();
    assertThat(m.weights()).as("the file's tensors").isEqualTo(Bytes.ofBytes(1_111_370_240L));
    assertThat(Estimator.of(model).quant(Quantization.Q8_0).fileWeights(w).vram().weights())
        .as("the file's tensors, not those predicted for the quantization").isEqualTo(w.tensorBytes());
    assertThat(Estimator.of(model).fileWeights(w).fileSize()).isEqualTo(Bytes.ofBytes(1_117_320_576L));
  }

  @Test
  void llamaCppRuntime() {
    LlamaCppRuntime cpu = LlamaCppRuntime.defaults().withBackend(Backend.CPU).withFlashAttention(false);
    MemoryEstimate m = Estimator.of(model).runtime(cpu).context(8192).vram();
    assertThat(m.runtime()).as("no fixed backend cost on the CPU").isEqualTo(Bytes.ZERO);
    assertThat(Estimator.of(model).context(8192).vram().runtime()).isEqualTo(LlamaCppRuntime.GPU_RESERVE);
  }

  @Test
  void offload() {
    ModelSpec qwen3moe = TestModels.qwen3_30b_a3b();
    Hardware host = Hardware.cpu("Ryzen 9 7950X, DDR5-6000", Vendor.AMD, Bytes.ofGibibytes(64), 83);
    Placement p = Estimator.of(qwen3moe).quant(Quantization.Q8_0).place(rtx4090, host, Offload.EXPERTS);
    int layersOnHost = p.expertLayersOnHost();
    assertThat(p.offload()).isEqualTo(Offload.EXPERTS);
    assertThat(p.gpuLayers()).as("every layer runs on the GPU").isEqualTo(qwen3moe.architecture().layers());
    assertThat(layersOnHost).as("about 32 GB of Q8_0 weights on a 24 GB card").isBetween(1, 47);
    assertThat(p.fits()).isTrue();
  }

  @Test
  void quantizationChoice() {
    Optional<Quantization> q = Estimator.of(model).context(8192)
        .bestQuantization(rtx4090, QuantizationChoice.BEST_BALANCE);
    assertThat(q).hasValue(Q4_K_M);
    assertThat(Estimator.of(model).context(8192).bestQuantization(rtx4090, QuantizationChoice.HIGHEST_QUALITY))
        .hasValue(Quantization.Q8_0);
    Hardware small = Hardware.gpu("4 GB card", Vendor.OTHER, Bytes.ofGibibytes(4), 100);
    assertThat(Estimator.of(TestModels.llama31_70b()).context(8192)
        .bestQuantization(small, QuantizationChoice.BEST_BALANCE)).isEmpty();
  }
}
