package dev.headroom;

import static dev.headroom.Quantization.Q4_K_M;
import static dev.headroom.Quantization.Q8_0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

final class EstimatorTest {
  private static final ModelSpec R1 = TestModels.r1DistillQwen15b();
  private static final Hardware RTX_4090 =
      Hardware.gpu("NVIDIA GeForce RTX 4090", Vendor.NVIDIA, Bytes.ofGibibytes(24), 1008);

  @Nested
  final class Configuration {
    @Test
    void defaults_areDocumented() {
      Estimator e = Estimator.of(R1);
      assertThat(e.quant()).isSameAs(Q4_K_M);
      assertThat(e.context()).isEqualTo(2048);
      assertThat(e.parallel()).isEqualTo(1);
      assertThat(e.kvType()).isEqualTo(KvCacheType.F16);
      assertThat(e.method()).isEqualTo(EstimationMethod.EXACT);
      assertThat(e.model()).isSameAs(R1);
    }

    @Test
    void everyCall_returnsACopy_andLeavesTheReceiverUnaffected() {
      Estimator base = Estimator.of(R1);
      Estimator changed = base.quant(Q8_0).context(4096).parallel(2).kvType(KvCacheType.Q8_0);
      assertThat(base.quant()).isSameAs(Q4_K_M);
      assertThat(base.context()).isEqualTo(2048);
      assertThat(changed.context()).isEqualTo(4096);
      assertThat(changed.parallel()).isEqualTo(2);
      assertThat(changed).hasToString(
          "Estimator{model=deepseek-r1-distill-qwen-1.5b, quant=Q8_0, context=4096, parallel=2, kv=q8_0, "
              + "method=EXACT}");
    }

    @Test
    void badArguments_nameTheValueAndTheAllowedRange() {
      Estimator e = Estimator.of(R1);
      assertThatThrownBy(() -> e.context(-1)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("context must be in [1, 16777216] tokens but was -1");
      assertThatThrownBy(() -> e.context(Estimator.MAX_CONTEXT + 1)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("16777217");
      assertThatThrownBy(() -> e.parallel(0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("parallel must be in [1, 4096] sequences but was 0");
      assertThatThrownBy(() -> e.efficiency(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("efficiency").hasMessageContaining("NaN");
      assertThatThrownBy(() -> e.efficiency(1.5)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("(0, 1]");
      assertThatThrownBy(() -> e.verdictThresholds(0.9, 0.5)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("well");
      assertThatThrownBy(() -> e.quant(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("quant");
      assertThatThrownBy(() -> Estimator.of(null)).isInstanceOf(NullPointerException.class)
          .hasMessageContaining("model");
      assertThatThrownBy(() -> e.fit(null)).isInstanceOf(NullPointerException.class)
          .hasMessageContaining("hardware");
    }
  }

  @Nested
  final class Weights {
    /** llama.cpp's CPU model buffer for the Q8_0 GGUF, measured: 1,888,581,632 bytes (llamacpp-buffers.csv). */
    @Test
    void exact_q8_0_equalsLlamaCppsModelBuffer() {
      assertThat(Estimator.of(R1).quant(Q8_0).weights().bytes()).isEqualTo(1_888_581_632L);
    }

    /** The published Q4_K_M file is 1,117,320,576 bytes; the seed's naive 0.90 GB is 19 % low, exact is within 5 %. */
    @Test
    void exact_q4KM_fileIsWithinFivePercentOfThePublishedFile() {
      long published = 1_117_320_576L;
      long predicted = Estimator.of(R1).fileSize().bytes();
      assertThat((double) predicted).isCloseTo(published, within(published * 0.05));
      long naive = Estimator.of(R1).method(EstimationMethod.SEED).fileSize().bytes();
      assertThat(Math.abs(naive - published)).isGreaterThan(Math.abs(predicted - published));
    }

    /**
     * Llama-3.1-8B: 6,979,321,856 linear weights, 2 × 525,336,576 embedding and head weights, 65 norms of 4,096.
     * AWQ 4-bit g128 keeps embeddings and head at 16 bits (the hugging-quants AWQ-INT4 checkpoint is 5.73 GB);
     * MLX 4-bit quantizes them too. An F16 GGUF keeps the norms at F32.
     */
    @Test
    void otherFormats_keepEmbeddingsAt16Bits_exceptMlx() {
      ModelSpec m = TestModels.llama31_8b();
      long linear = 6_979_321_856L;
      long embeddings = 2L * 128256 * 4096;
      long norms = 65L * 4096;
      assertThat(linear + embeddings + norms).isEqualTo(m.totalParameters());
      assertThat(Estimator.of(m).quant(Quantization.F16).weights().bytes()).isEqualTo(2 * (linear + embeddings)
          + 4 * norms);
      assertThat(Estimator.of(m).quant(Quantization.AWQ_INT4).weights().bytes())
          .isEqualTo((long) Math.ceil(linear * (4 + 20.0 / 128) / 8 + embeddings * 2 + norms * 2))
          .as("the published checkpoint's 5.73 GB").isBetween(5_725_000_000L, 5_735_000_000L);
      assertThat(Estimator.of(m).quant(Quantization.MLX_4BIT).weights().bytes())
          .isEqualTo((long) Math.ceil((linear + embeddings) * 4.5 / 8 + norms * 2));
    }
  }

  @Nested
  final class KvCache {
    /** Llama-3.1-8B, 8,192 tokens, fp16: 32 layers × 8 KV heads × 128 × 2 (K, V) × 2 bytes × 8,192 = 1 GiB. */
    @Test
    void groupedQueryAttention_usesKvHeads() {
      assertThat(Estimator.of(TestModels.llama31_8b()).context(8192).kvCache()).isEqualTo(Bytes.ofGibibytes(1));
    }

    /**
     * gemma-2-2b, 4,096 tokens: 26 layers × 4 KV heads × 256 × 2 × 2 bytes × 4,096 = 436,207,616 bytes, which is
     * llama.cpp's measured K + V (218,103,808 each, llamacpp-buffers-archs.csv); at 8,192 tokens the 13 sliding
     * layers keep pad(window 4,096 + n_ubatch 512, 256) = 4,608 cells: 13 × 4,096 × (8,192 + 4,608) = 681,574,400.
     */
    @Test
    void slidingWindowLayers_keepOnlyTheWindow() {
      ModelSpec gemma = TestModels.gemma2_2b();
      assertThat(Estimator.of(gemma).context(4096).kvCache().bytes()).isEqualTo(2L * 218_103_808);
      assertThat(Estimator.of(gemma).context(8192).kvCache().bytes()).isEqualTo(681_574_400L);
      assertThat(Estimator.of(gemma).context(8192).method(EstimationMethod.SEED).kvCache().bytes())
          .isEqualTo(26L * 8192 * 4096);
    }

    /**
     * DeepSeek-V3 caches the 512-element latent plus the 64-element rotary key per token and layer, as K only
     * (llama.cpp reads V as a view of K).
     */
    @Test
    void latentAttention_cachesTheCompressedLatent() {
      long perTokenLayer = 576 * 2L;
      assertThat(Estimator.of(TestModels.deepseekV3()).context(4096).kvCache().bytes())
          .isEqualTo(61 * 4096 * perTokenLayer);
    }

    /** q8_0 rows: 256 elements = 8 blocks of 34 bytes; llama.cpp measured K = 15,597,568 bytes at 2,048 tokens. */
    @Test
    void quantizedCache_usesBlockSizes() {
      long k = 28L * 2048 * 272;
      assertThat(k).isEqualTo(15_597_568L);
      assertThat(Estimator.of(R1).kvType(KvCacheType.Q8_0).kvCache().bytes()).isEqualTo(2 * k);
      assertThat(Estimator.of(R1).kvType(KvCacheType.Q4_0).kvCache().bytes()).isEqualTo(2 * 28L * 2048 * 144);
    }

    /** Qwen3-Next-80B-A3B: 48 layers, only every 4th has a KV cache; the 36 others keep a fixed state. */
    @Test
    void recurrentLayers_haveNoKvCache_butKeepTheirState() {
      ModelSpec next = ModelSpec.builder("qwen3-next-80b-a3b").arch("qwen3next").layers(48).hiddenSize(2048)
          .heads(16, 2).headDim(256).ffnSize(5120).vocabSize(151936).contextLength(262144)
          .moe(new MixtureOfExperts(512, 10, 1, 512, 512, 0)).recurrent(new RecurrentLayers(4, 1000)).build();
      long kv = 12L * 4096 * (2 * 256 * 2 * 2);
      assertThat(Estimator.of(next).context(4096).kvCache().bytes()).isEqualTo(kv + 36 * 1000L);
      assertThat(Estimator.of(next).context(4096).parallel(2).kvCache().bytes()).isEqualTo(2 * (kv + 36 * 1000L));
    }

    @Test
    void parallelSequences_eachHoldTheirContext() {
      assertThat(Estimator.of(R1).parallel(4).kvCache()).isEqualTo(Estimator.of(R1).context(8192).kvCache());
    }
  }

  @Nested
  final class FitAndSpeed {
    @Test
    void vram_partsAt32kTokens() {
      MemoryEstimate m = Estimator.of(R1).context(32768).vram();
      assertThat(m.weights().bytes()).as("llama.cpp's model buffer, llamacpp-buffers.csv row r1-1.5b-q4_k_m")
          .isEqualTo(1_111_370_240L);
      assertThat(m.kvCache().bytes()).as("28 layers × K and V × 2 heads × 128 × 2 bytes × 32,768 tokens")
          .isEqualTo(28L * 2 * 2 * 128 * 2 * 32768);
      assertThat(m.runtime()).isEqualTo(LlamaCppRuntime.GPU_RESERVE);
      assertThat(m.compute().bytes()).isPositive();
      assertThat(m.output().bytes()).isEqualTo(4L * 151_936);
      assertThat(Estimator.of(R1).overhead(Bytes.ofMebibytes(500)).vram().runtime()).isEqualTo(Bytes.ofMebibytes(500));
    }

    /** Memory and speed are sized together once, but a memory llama.cpp refuses leaves the speed answerable. */
    @Test
    void aRefusedCache_failsTheMemoryEachTimeButNotTheSpeed() {
      Estimator e = Estimator.of(R1).kvType(KvCacheType.Q8_0)
          .runtime(LlamaCppRuntime.defaults().withFlashAttention(false));
      Throwable first = catchThrowable(e::vram);
      Throwable second = catchThrowable(e::vram);
      assertThat(first).isInstanceOf(IllegalStateException.class).hasMessageContaining("needs flash attention");
      assertThat(second).as("a new exception per call, with this call's stack").isNotSameAs(first)
          .hasMessage(first.getMessage());
      assertThat(e.decode(gpuWith(1L << 34)).bytesPerToken())
          .isEqualTo(Estimator.of(R1).kvType(KvCacheType.Q8_0).decode(gpuWith(1L << 34)).bytesPerToken());
    }

    /** decode(Hardware) leaves out the host's terms of the general path that place() uses; it must agree with it. */
    @Test
    void decode_withoutAHost_agreesWithTheGeneralPath() {
      Hardware noFp32 = gpuWith(1L << 34);
      Hardware mac = Hardware.unified("Apple M2 8GB", Vendor.APPLE, Bytes.ofGibibytes(8), 100, 0.5).withFp32Tflops(3.6);
      List<Hardware> devices = List.of(noFp32, noFp32.withFp32Tflops(82.6), noFp32.withFp32Tflops(82.6).times(4), mac);
      int compared = 0;
      for (MultiGpu mode : MultiGpu.values()) {
        for (Quantization q : Quantization.values()) {
          for (int context : new int[] {1, 4096, 131072, 7_972_436}) {
            Estimator e = Estimator.of(R1).quant(q).context(context).multiGpu(mode);
            for (Hardware gpu : devices) {
              DecodeSpeed fast = e.decode(gpu);
              assertThat(fast).as("%s %s %d %s", mode, q, context, gpu.name())
                  .isEqualTo(e.decode(gpu, fast.bytesPerToken().bytes(), null, 0));
              compared++;
            }
          }
        }
      }
      assertThat(compared).isEqualTo(MultiGpu.values().length * Quantization.values().size() * 4 * devices.size());
    }

    @Test
    void vram_onSeveralGpus_countsEachOnesComputeBufferAndReserve() {
      Estimator e = Estimator.of(R1);
      MemoryEstimate one = e.vram();
      MemoryEstimate three = e.fit(gpuWith(1L << 34).times(3)).memory();
      assertThat(three.weights()).isEqualTo(one.weights());
      assertThat(three.kvCache()).isEqualTo(one.kvCache());
      assertThat(three.compute()).isEqualTo(one.compute().multipliedBy(3));
      assertThat(three.output()).isEqualTo(one.output());
      assertThat(three.runtime()).isEqualTo(one.runtime().multipliedBy(3));
      assertThat(e.method(EstimationMethod.SEED).fit(gpuWith(1L << 34).times(3)).memory())
          .as("the seed method has one flat overhead").isEqualTo(e.method(EstimationMethod.SEED).vram());
    }

    @Test
    void fit_tiersByShareOfUsableMemory() {
      Estimator e = Estimator.of(R1);
      long total = e.vram().total().bytes();
      assertThat(e.fit(gpuWith(total * 2)).verdict()).isEqualTo(Verdict.RUNS_GREAT);
      assertThat(e.fit(gpuWith(total * 100 / 80)).verdict()).isEqualTo(Verdict.RUNS_WELL);
      assertThat(e.fit(gpuWith(total * 100 / 95)).verdict()).isEqualTo(Verdict.TIGHT);
      assertThat(e.fit(gpuWith(total)).verdict()).isEqualTo(Verdict.TIGHT);
      Fit none = e.fit(gpuWith(total - 1));
      assertThat(none.verdict()).isEqualTo(Verdict.WONT_FIT);
      assertThat(none.headroomBytes()).isEqualTo(-1);
      assertThat(e.verdictThresholds(0.4, 0.5).fit(gpuWith(total * 100 / 60)).verdict()).isEqualTo(Verdict.TIGHT);
    }

    @Test
    void fit_onUnifiedMemory_usesTheGpuShare() {
      Hardware mac = Hardware.unified("Apple M2 8GB", Vendor.APPLE, Bytes.ofGibibytes(8), 100, 0.5);
      Fit fit = Estimator.of(TestModels.llama31_8b()).quant(Q4_K_M).fit(mac);
      assertThat(fit.usableMemory()).isEqualTo(Bytes.ofGibibytes(4));
      assertThat(fit.verdict()).isEqualTo(Verdict.WONT_FIT);
      Fit whole = Estimator.of(TestModels.llama31_8b()).fit(mac.withGpuMemoryShare(1.0));
      assertThat(whole.verdict().fits()).isTrue();
      assertThat(whole.usedShare()).isBetween(0.5, 0.7);
    }

    /** Exact decode reads the active weights plus the KV cache; an MoE reads far less than it stores. */
    @Test
    void decode_exact_readsActiveWeightsAndKv() {
      DecodeSpeed s = Estimator.of(R1).decode(RTX_4090);
      long expected = Estimator.of(R1).weights().bytes() + Estimator.of(R1).kvCache().bytes();
      assertThat(s.bytesPerToken().bytes()).isLessThan(expected).isGreaterThan(expected * 8 / 10);
      SpeedCalibration cuda = SpeedCalibration.of(Backend.CUDA);
      assertThat(s.memoryMillis()).isCloseTo(s.bytesPerToken().bytes() / (1008e6 * cuda.efficiency()), within(1e-9));
      assertThat(s.overheadMillis()).isEqualTo(cuda.overheadMillis());
      assertThat(s.computeMillis()).as("RTX_4090 has no FP32 figure").isZero();
      ModelSpec moe = TestModels.qwen3_30b_a3b();
      DecodeSpeed m = Estimator.of(moe).decode(RTX_4090);
      assertThat(m.bytesPerToken().bytes()).isLessThan(Estimator.of(moe).weights().bytes() / 5);
      assertThat(Estimator.of(R1).efficiency(0.5).decode(RTX_4090).memoryMillis())
          .isCloseTo(s.bytesPerToken().bytes() / (1008e6 * 0.5), within(1e-9));
    }

    /** The 8B model at Q4_K_M on 24 GiB: the longest context is where the KV cache fills the rest. */
    @Test
    void longestContext_andMaxParallel_answerTheReverseQuestions() {
      Estimator e = Estimator.of(TestModels.llama31_8b());
      int longest = e.longestContext(RTX_4090).orElseThrow();
      assertThat(longest).isBetween(100_000, 131_072);
      assertThat(e.context(longest).fit(RTX_4090).verdict().fits()).isTrue();
      assertThat(e.longestContext(gpuWith(1L << 30))).isEmpty();
      assertThat(e.longestContext(gpuWith(1L << 40))).hasValue(TestModels.llama31_8b().architecture().contextLength());
      int sequences = e.context(8192).maxParallel(RTX_4090).orElseThrow();
      assertThat(sequences).isGreaterThan(1);
      assertThat(e.context(8192).parallel(sequences + 1).fit(RTX_4090).verdict().fits()).isFalse();
      assertThat(e.maxParallel(gpuWith(1L << 30))).isEmpty();
    }

    private Hardware gpuWith(long bytes) {
      return Hardware.gpu("test", Vendor.NVIDIA, Bytes.ofBytes(bytes), 100);
    }
  }

  /**
   * The speed model's arithmetic on DeepSeek-R1-Distill-Qwen-1.5B, counted from its architecture: 28 layers of
   * 46,792,704 matrix weights (q and o 1536², k and v 1536 × 256, three 1536 × 8960 FFN matrices) are
   * 1,310,195,712; the output head is 151,936 × 1,536 = 233,373,696; attention over one earlier token is
   * 2 × 12 heads × (128 + 128) × 28 layers = 172,032 FLOPs.
   */
  @Nested
  final class SpeedArithmetic {
    private static final double LAYER_WEIGHTS = 1_310_195_712.0;
    private static final double HEAD = 233_373_696.0;
    private static final double ATTENTION_PER_TOKEN = 172_032.0;
    /** Round numbers, so each part of the time can be worked out by hand. */
    private final SpeedCalibration cal = new SpeedCalibration(Backend.CUDA, 0.5, 0.25, 2.0, 0.5, 0.1, 0.5, 0.25,
        0.2, 1);
    private final Hardware gpu = Hardware.gpu("Card", Vendor.NVIDIA, Bytes.ofGibibytes(24), 1000)
        .withFp16Tflops(200).withFp32Tflops(100);

    @Test
    void decode_partsFollowTheirDefinitions() {
      Estimator e = Estimator.of(R1).context(4096).speedCalibration(cal);
      DecodeSpeed d = e.decode(gpu);
      assertThat(d.memoryMillis()).as("bytes / (1000 GB/s × 0.5)")
          .isCloseTo(d.bytesPerToken().bytes() / 5e8, within(1e-9));
      double flops = 2 * (LAYER_WEIGHTS + HEAD) + ATTENTION_PER_TOKEN * 4096;
      assertThat(d.computeMillis()).as("FLOPs / (100 TFLOPS × 0.25)").isCloseTo(flops / 2.5e10, within(1e-9));
      assertThat(d.overheadMillis()).isEqualTo(2.0);
      assertThat(d.tokensPerSecond()).isCloseTo(1000 / (d.memoryMillis() + d.computeMillis() + 2.0), within(1e-9));
      assertThat(e.decode(gpu.withFp16Tflops(400)).computeMillis()).as("FP16 throughput does not price decode")
          .isCloseTo(flops / 2.5e10, within(1e-9));
      Hardware noFp32 = Hardware.gpu("Card", Vendor.NVIDIA, Bytes.ofGibibytes(24), 1000);
      assertThat(e.decode(noFp32).computeMillis()).as("FP32 throughput unknown").isZero();
    }

    @Test
    void decode_bytesPerToken_areTheWeightsOneTokenReadsPlusOneSequencesKvCache() {
      Estimator e = Estimator.of(R1).quant(Q8_0).context(4096).parallel(2).speedCalibration(cal);
      long kvPerSequence = 4096L * 28 * 2 * (2 * 128 * 2);
      long unreadEmbeddingRows = (151_936L - 1) * 1632; // a 1,536-wide Q8_0 row: 48 blocks of 34 bytes
      assertThat(e.decode(gpu).bytesPerToken().bytes())
          .isEqualTo(e.weights().bytes() - unreadEmbeddingRows + kvPerSequence);
    }

    @Test
    void decode_severalGpus_layerSplitAddsHops_tensorParallelDividesAndAllReduces() {
      Estimator e = Estimator.of(R1).context(4096).speedCalibration(cal);
      DecodeSpeed one = e.decode(gpu);
      DecodeSpeed split = e.decode(gpu.times(3));
      assertThat(split.memoryMillis()).isCloseTo(one.memoryMillis(), within(1e-9));
      assertThat(split.overheadMillis()).as("2 ms + 2 hops × 0.5 ms").isCloseTo(3.0, within(1e-12));
      DecodeSpeed tensor = e.multiGpu(MultiGpu.TENSOR_PARALLEL).decode(gpu.times(4));
      assertThat(tensor.memoryMillis()).isCloseTo(one.memoryMillis() / 4, within(1e-9));
      assertThat(tensor.computeMillis()).isCloseTo(one.computeMillis() / 4, within(1e-9));
      assertThat(tensor.overheadMillis()).as("2 ms + 2 all-reduces × 28 layers × 15 µs")
          .isCloseTo(2.0 + 2 * 28 * 0.015, within(1e-12));
    }

    @Test
    void decode_deeperContext_addsAttentionFlopsOnly() {
      Estimator e = Estimator.of(R1).speedCalibration(cal);
      double shallow = e.context(1024).decode(gpu).computeMillis();
      double deep = e.context(9216).decode(gpu).computeMillis();
      assertThat(deep - shallow).isCloseTo(ATTENTION_PER_TOKEN * 8192 / 2.5e10, within(1e-9));
    }

    @Test
    void prefill_flopsAreTwoPerLayerWeightPlusAttentionOverHalfThePrompt() {
      PrefillSpeed p = Estimator.of(R1).speedCalibration(cal).prefill(gpu, 4096).orElseThrow();
      assertThat(p.flopsPerToken()).isCloseTo(2 * LAYER_WEIGHTS + ATTENTION_PER_TOKEN * 2048, within(1e-3));
      double perFlop = 1 / (200e12 * 0.5) + 1 / (100e12 * 0.25);
      assertThat(p.computeSeconds()).isCloseTo(4096 * p.flopsPerToken() * perFlop, within(1e-12));
      assertThat(p.memorySeconds()).as("8 micro-batches of 512, each reading the weights at 1000 GB/s × 0.5")
          .isCloseTo(8 * (double) Estimator.of(R1).weights().bytes() / 5e11, within(1e-9));
    }

    @Test
    void prefill_layerSplit_pipelinesTheMicroBatches() {
      Estimator e = Estimator.of(R1).speedCalibration(cal);
      PrefillSpeed one = e.prefill(gpu, 4096).orElseThrow();
      PrefillSpeed two = e.prefill(gpu.times(2), 4096).orElseThrow();
      assertThat(two.computeSeconds()).as("(8 + 2 - 1) / (2 × 8) of the time")
          .isCloseTo(one.computeSeconds() * 9 / 16, within(1e-12));
      assertThat(two.memorySeconds()).isCloseTo(one.memorySeconds() * 9 / 16, within(1e-12));
    }
  }

  /** Verdict thresholds are inclusive: a share exactly at a threshold takes the better verdict. */
  @Nested
  final class VerdictBoundaries {
    private final Estimator e = Estimator.of(R1);
    private final long total = e.vram().total().bytes();

    private Verdict verdictOn(long memory, double great, double well) {
      Hardware card = Hardware.gpu("Card", Vendor.NVIDIA, Bytes.ofBytes(memory), 1000);
      return e.verdictThresholds(great, well).fit(card).verdict();
    }

    @Test
    void exactlyAtEachThreshold() {
      assertThat(verdictOn(2 * total, 0.5, 0.75)).isEqualTo(Verdict.RUNS_GREAT);
      assertThat(verdictOn(2 * total, 0.25, 0.5)).isEqualTo(Verdict.RUNS_WELL);
      assertThat(verdictOn(total, 0.25, 0.5)).as("using all of it still fits").isEqualTo(Verdict.TIGHT);
      assertThat(verdictOn(total - 1, 0.25, 0.5)).isEqualTo(Verdict.WONT_FIT);
    }
  }

  /** Laws of the KV cache and the CPU repack as other settings change. */
  @Nested
  final class KvAndRepackLaws {
    private final Hardware gpu = Hardware.gpu("Card", Vendor.NVIDIA, Bytes.ofGibibytes(80), 1000);

    /** Each sequence has its own cache: a token reads one sequence's, however many run (sliding layers too). */
    @Test
    void bytesReadPerToken_doNotGrowWithParallelSequences() {
      for (ModelSpec m : new ModelSpec[] {R1, TestModels.gemma2_2b()}) {
        Estimator one = Estimator.of(m).context(8192);
        assertThat(one.parallel(4).decode(gpu).bytesPerToken()).as(m.id())
            .isEqualTo(one.decode(gpu).bytesPerToken());
      }
    }

    @Test
    void seedKvCache_growsWithParallelSequences() {
      Estimator seed = Estimator.of(R1).method(EstimationMethod.SEED).context(4096);
      assertThat(seed.parallel(3).kvCache().bytes()).isEqualTo(3 * seed.kvCache().bytes());
    }

    /** A tensor-parallel "group" of one GPU is just that GPU. */
    @Test
    void tensorParallel_onOneGpu_isPlainDecode() {
      Estimator e = Estimator.of(R1);
      assertThat(e.multiGpu(MultiGpu.TENSOR_PARALLEL).decode(gpu)).isEqualTo(e.decode(gpu));
    }

    /**
     * llama.cpp repacks the weights of the layers left on the CPU: with the output layer counted, -ngl k leaves
     * (29 - k) of R1's 29 on the CPU, so that share of the full CPU repack; none once all 29 are offloaded.
     */
    @Test
    void cpuRepack_inProportionToTheLayersLeftOnTheCpu() {
      LlamaCppRuntime cpu = LlamaCppRuntime.defaults().withBackend(Backend.CPU);
      Estimator e = Estimator.of(R1);
      long tensors = e.runtime(cpu.withMmap(false)).weights().bytes();
      long repack = e.runtime(cpu).weights().bytes() - tensors;
      assertThat(repack).isPositive();
      for (int k : new int[] {0, 1, 28}) {
        long extra = e.runtime(LlamaCppRuntime.defaults().withGpuLayers(k)).weights().bytes() - tensors;
        assertThat(extra).as("-ngl %d", k).isEqualTo(repack * (29 - k) / 29);
      }
      assertThat(e.runtime(LlamaCppRuntime.defaults().withGpuLayers(29)).weights().bytes()).isEqualTo(tensors);
      assertThat(e.weights().bytes()).as("all offloaded by default").isEqualTo(tensors);
      assertThat(Estimator.of(R1).runtime(cpu).weights().bytes()).as("the same model again, from its cache")
          .isEqualTo(tensors + repack);
    }

    /**
     * gemma-2-2b: 13 full and 13 sliding layers (window 4,096), 8 heads of 256: 8,192 attention FLOPs per layer
     * and earlier token. Below the window every layer's attention grows with the context; beyond it only the full
     * layers' does.
     */
    @Test
    void attentionFlops_slidingLayersStopGrowingAtTheWindow() {
      SpeedCalibration cal = new SpeedCalibration(Backend.CUDA, 0.5, 0.25, 2.0, 0.5, 0.1, 0.5, 0.25, 0.2, 1);
      Hardware card = gpu.withFp32Tflops(100);
      Estimator gemma = Estimator.of(TestModels.gemma2_2b()).speedCalibration(cal);
      double c1024 = gemma.context(1024).decode(card).computeMillis();
      double c4096 = gemma.context(4096).decode(card).computeMillis();
      double c8192 = gemma.context(8192).decode(card).computeMillis();
      assertThat(c4096 - c1024).isCloseTo(8192.0 * 26 * 3072 / 2.5e10, within(1e-9));
      assertThat(c8192 - c4096).isCloseTo(8192.0 * 13 * 4096 / 2.5e10, within(1e-9));
    }
  }

  /** Formats other than GGUF: linear layers at the format's bits, embeddings at 16 bits unless MLX quantizes them. */
  @Nested
  final class OtherFormats {
    private final Hardware gpu = Hardware.gpu("Card", Vendor.NVIDIA, Bytes.ofGibibytes(80), 1000);

    @Test
    void fileSize_isTheTensorBytes() {
      long linear = 1_310_195_712L;
      long embeddings = 2 * 233_373_696L;
      long small = 28 * (2 * 1536 + 1536 + 256 + 256) + 1536;
      assertThat(Estimator.of(R1).quant(Quantization.FP8).fileSize().bytes())
          .isEqualTo(linear + embeddings * 2 + small * 2);
      assertThat(Estimator.of(R1).quant(Quantization.MLX_8BIT).fileSize().bytes())
          .isEqualTo((long) Math.ceil((linear + embeddings) * 8.5 / 8) + small * 2);
    }

    @Test
    void decode_readsOneRowOfUntiedEmbeddings() {
      Estimator fp8 = Estimator.of(R1).quant(Quantization.FP8).context(1);
      long unread = (151_936L * 1536 - 1536) * 2;
      long kv = 28 * 2 * (2 * 128 * 2);
      assertThat(fp8.decode(gpu).bytesPerToken().bytes()).isEqualTo(fp8.fileSize().bytes() - unread + kv);
    }

    /** Qwen3-30B-A3B: a token uses 8 of 128 experts, so 48 layers × 120 experts × 3 × 2048 × 768 stay unread. */
    @Test
    void decode_ofAnMoe_readsOnlyTheActiveExperts() {
      Estimator fp8 = Estimator.of(TestModels.qwen3_30b_a3b()).quant(Quantization.FP8).context(1);
      long inactive = 48L * 120 * 3 * 2048 * 768;
      long unread = (151_936L * 2048 - 2048) * 2;
      long kv = 48 * 2 * (4 * 128 * 2);
      assertThat(fp8.decode(gpu).bytesPerToken().bytes())
          .isEqualTo(fp8.fileSize().bytes() - inactive - unread + kv);
    }

    @Test
    void place_putsEveryTensorSomewhere() {
      Hardware small = Hardware.gpu("Small", Vendor.NVIDIA, Bytes.ofGibibytes(1), 500);
      Hardware host = Hardware.cpu("Host", Vendor.AMD, Bytes.ofGibibytes(64), 80);
      for (Quantization q : new Quantization[] {Quantization.FP8, Quantization.MLX_4BIT}) {
        Estimator e = Estimator.of(R1).quant(q);
        Placement p = e.place(small, host, Offload.LAYERS);
        long placed = p.devices().stream().mapToLong(d -> d.weights().bytes()).sum();
        assertThat(placed).as(q.toString()).isCloseTo(e.weights().bytes(), within(32L));
        assertThat(p.gpuLayers()).as(q.toString()).isBetween(1, 27);
      }
    }
  }

  /** A GGUF file's own figures ({@link FileWeights}) replace the predicted ones. */
  @Nested
  final class FileFigures {
    private final FileWeights file = new FileWeights(Bytes.ofBytes(2_000_000_000L), Bytes.ofBytes(1_500_000_000L),
        Bytes.ofBytes(1_000_000_000L), Bytes.ofBytes(2_000_100_000L));

    @Test
    void fileSizeWeightsAndBytesPerToken_comeFromTheFile() {
      Estimator e = Estimator.of(R1).context(1).fileWeights(file);
      assertThat(e.fileSize().bytes()).isEqualTo(2_000_100_000L);
      assertThat(e.weights().bytes()).isEqualTo(2_000_000_000L);
      Hardware gpu = Hardware.gpu("Card", Vendor.NVIDIA, Bytes.ofGibibytes(24), 1000);
      assertThat(e.decode(gpu).bytesPerToken().bytes()).isEqualTo(1_500_000_000L + 28 * 2 * (2 * 128 * 2));
    }

    @Test
    void cpuRepack_comesFromTheFileOnTheCpu() {
      LlamaCppRuntime cpu = LlamaCppRuntime.defaults().withBackend(Backend.CPU);
      Estimator e = Estimator.of(R1).fileWeights(file).runtime(cpu);
      assertThat(e.weights().bytes()).isEqualTo(3_000_000_000L);
      assertThat(e.runtime(cpu.withMmap(false)).weights().bytes()).isEqualTo(2_000_000_000L);
    }

    @Test
    void place_scalesEveryPartToTheFilesTotal() {
      Hardware small = Hardware.gpu("Small", Vendor.NVIDIA, Bytes.ofGibibytes(1), 500);
      Hardware host = Hardware.cpu("Host", Vendor.AMD, Bytes.ofGibibytes(64), 80);
      Placement p = Estimator.of(R1).fileWeights(file).place(small, host, Offload.LAYERS);
      long placed = p.devices().stream().mapToLong(d -> d.weights().bytes()).sum();
      assertThat(placed).isCloseTo(2_000_000_000L, within(32L));
    }

    /**
     * GLM-4.5-Air's NextN layer in Q8_0: its matrices, 3,616,014,336 weights, at 34 bytes per 32, and 559,232 F32
     * values (biases, five norms, the router and its score bias): 3,844,252,160 bytes more in the file. llama.cpp
     * skips the layer, so memory, placement, speed and the CPU repack are those of the trunk alone; with 47 blocks
     * rather than 46, llama-quantize's Q4_K_M picks the same types for the trunk.
     */
    @Test
    void nextnLayers_growTheFile_notTheMemory() {
      Hardware gpu = Hardware.gpu("Card", Vendor.NVIDIA, Bytes.ofGibibytes(48), 1000);
      Hardware host = Hardware.cpu("Host", Vendor.AMD, Bytes.ofGibibytes(256), 80);
      LlamaCppRuntime cpu = LlamaCppRuntime.defaults().withBackend(Backend.CPU);
      ModelSpec air = TestModels.glm45Air();
      ModelSpec trunk = air.toBuilder().nextnLayers(0).build();
      for (Quantization q : new Quantization[] {Q8_0, Q4_K_M}) {
        Estimator with = Estimator.of(air).quant(q).context(8192);
        Estimator without = Estimator.of(trunk).quant(q).context(8192);
        assertThat(with.vram()).as(q.name()).isEqualTo(without.vram());
        assertThat(with.runtime(cpu).weights()).as(q.name()).isEqualTo(without.runtime(cpu).weights());
        assertThat(with.decode(gpu)).as(q.name()).isEqualTo(without.decode(gpu));
        assertThat(with.prefill(gpu, 512)).as(q.name()).isEqualTo(without.prefill(gpu, 512));
        assertThat(with.place(gpu, host, Offload.EXPERTS)).as(q.name())
            .isEqualTo(without.place(gpu, host, Offload.EXPERTS));
      }
      LlamaFileType q8 = LlamaFileType.Q8_0;
      assertThat(air.tables().ggufFileTensorBytes(q8) - air.tables().ggufTensorBytes(q8)).isEqualTo(3_844_252_160L);
      assertThat(air.tables().ggufTensorBytes(q8)).isEqualTo(trunk.tables().ggufTensorBytes(q8));
      long grown = Estimator.of(air).quant(Q8_0).fileSize().bytes()
          - Estimator.of(trunk).quant(Q8_0).fileSize().bytes();
      assertThat(grown - 3_844_252_160L).as("23 tensor infos and the nextn_predict_layers key").isBetween(1L, 2048L);
    }

    @Test
    void constructor_rejectsActiveOrRepackAboveTheTotal() {
      Bytes one = Bytes.ofBytes(1);
      Bytes two = Bytes.ofBytes(2);
      assertThatThrownBy(() -> new FileWeights(one, two, one, two)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("activeBytes (2 B) and cpuRepackBytes (1 B) must be at most tensorBytes (1 B)");
      assertThatThrownBy(() -> new FileWeights(one, one, two, two)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must be at most tensorBytes");
    }
  }
}
