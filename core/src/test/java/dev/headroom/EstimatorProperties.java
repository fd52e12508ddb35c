package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

final class EstimatorProperties {
  /** llama.cpp's k-quant ladder, smallest first; each step adds bits to some tensors and removes them from none. */
  private static final List<Quantization> K_QUANT_LADDER = List.of(Quantization.Q2_K, Quantization.Q3_K_S,
      Quantization.Q3_K_M, Quantization.Q3_K_L, Quantization.Q4_K_S, Quantization.Q4_K_M, Quantization.Q5_K_S,
      Quantization.Q5_K_M, Quantization.Q6_K, Quantization.Q8_0, Quantization.F16, Quantization.F32);

  /** File types whose layer weights are all in 32-element blocks or floats. */
  private static final List<Quantization> LEGACY_AND_FLOAT = List.of(Quantization.Q4_0, Quantization.Q4_1,
      Quantization.Q5_0, Quantization.Q5_1, Quantization.Q8_0, Quantization.F16, Quantization.BF16, Quantization.F32);

  @Provide
  Arbitrary<ModelSpec> models() {
    return Models.models();
  }

  @Provide
  Arbitrary<Integer> contexts() {
    return Models.contexts();
  }

  @Provide
  Arbitrary<EstimationMethod> methods() {
    return Arbitraries.of(EstimationMethod.values());
  }

  @Provide
  Arbitrary<Quantization> quantizations() {
    return Arbitraries.of(Quantization.values());
  }

  @Property
  void moreContextNeverNeedsLessMemory(@ForAll("models") ModelSpec model, @ForAll("contexts") int a,
      @ForAll("contexts") int b, @ForAll("methods") EstimationMethod method) {
    Estimator e = Estimator.of(model).method(method);
    Bytes shorter = e.context(Math.min(a, b)).vram().total();
    Bytes longer = e.context(Math.max(a, b)).vram().total();
    assertThat(longer).isGreaterThanOrEqualTo(shorter);
  }

  @Property
  void moreParallelSequencesNeverNeedLessMemory(@ForAll("models") ModelSpec model,
      @ForAll @IntRange(min = 1, max = 64) int sequences) {
    Estimator e = Estimator.of(model);
    assertThat(e.parallel(sequences + 1).vram().total()).isGreaterThanOrEqualTo(e.parallel(sequences).vram().total());
  }

  @Property
  void fewerBitsNeverNeedMoreWeightMemory(@ForAll("models") ModelSpec model,
      @ForAll @DoubleRange(min = 1, max = 32) double a, @ForAll @DoubleRange(min = 1, max = 32) double b,
      @ForAll("methods") EstimationMethod method) {
    Estimator e = Estimator.of(model).method(method);
    Bytes fewer = e.quant(Quantization.ofBitsPerWeight(Math.min(a, b))).weights();
    Bytes more = e.quant(Quantization.ofBitsPerWeight(Math.max(a, b))).weights();
    assertThat(fewer).isLessThanOrEqualTo(more);
  }

  /**
   * LLM-shaped models: at least 16 layers, an FFN at least as wide as the model, and every row holding whole
   * 256-element super-blocks so that no tensor falls back to another type.
   */
  @Provide
  Arbitrary<ModelSpec> llmShapedModels() {
    return Models.models().filter(m -> {
      Architecture a = m.architecture();
      return a.layers() >= 16 && a.ffnSize() >= a.hiddenSize() && a.hiddenSize() % 256 == 0
          && a.ffnSize() % 256 == 0 && (long) a.attentionHeads() * a.headDimV() % 256 == 0;
    });
  }

  /**
   * The ladder holds for LLM-shaped models only, as in llama.cpp itself: with fallbacks a Q4_K_M row can become
   * Q5_0/Q8_0 and outgrow Q5_K_S, and a 3-layer model gets more Q5_K from Q4_K_S ("first 4 attn_v") than Q6_K
   * from Q4_K_M ("half the layers").
   */
  @Property
  void kQuantLadderNeverNeedsLessWeightMemoryForLlmShapedModels(
      @ForAll("llmShapedModels") ModelSpec model) {
    long previous = 0;
    for (Quantization q : K_QUANT_LADDER) {
      long bytes = Estimator.of(model).quant(q).weights().bytes();
      assertThat(bytes).as("%s on %s", q, model).isGreaterThanOrEqualTo(previous);
      previous = bytes;
    }
  }

  @Property
  void exactKvCacheIsTheSeedsFormulaAtThePaddedContext(@ForAll("models") ModelSpec model,
      @ForAll("contexts") int context) {
    // The exact method pads the context to llama.cpp's 256 cells; the seed's formula counts every layer's full
    // K and V for exactly the context. Without sliding windows, latent attention or recurrent layers they agree
    // up to the padding.
    Architecture a = model.architecture();
    Assume.that(a.slidingWindow() == null && a.mla() == null && a.recurrent() == null);
    Estimator e = Estimator.of(model).context(context);
    long seed = e.method(EstimationMethod.SEED).kvCache().bytes();
    long exact = e.kvCache().bytes();
    long padded = (long) Math.ceil(context / 256.0) * 256;
    assertThat(exact).isEqualTo(seed / context * padded);
  }

  @Property
  void moreBandwidthNeverSlowsDecode(@ForAll("models") ModelSpec model, @ForAll("methods") EstimationMethod method,
      @ForAll @DoubleRange(min = 10, max = 10_000) double bandwidth, @ForAll @IntRange(min = 2, max = 8) int factor) {
    Estimator e = Estimator.of(model).method(method);
    DecodeSpeed slow = e.decode(gpu(bandwidth));
    DecodeSpeed fast = e.decode(gpu(bandwidth * factor));
    assertThat(fast.tokensPerSecond()).isGreaterThan(slow.tokensPerSecond());
    assertThat(fast.memoryMillis()).isCloseTo(slow.memoryMillis() / factor, within(slow.memoryMillis() * 1e-9));
  }

  @Property
  void moreMatrixThroughputNeverSlowsPrefill(@ForAll("models") ModelSpec model,
      @ForAll("quantizations") Quantization quant, @ForAll @DoubleRange(min = 1, max = 2000) double fp16,
      @ForAll @IntRange(min = 2, max = 8) int factor, @ForAll @IntRange(min = 1, max = 65_536) int prompt) {
    Estimator e = Estimator.of(model).quant(quant);
    Hardware gpu = gpu(1000).withFp32Tflops(50);
    double slow = e.prefill(gpu.withFp16Tflops(fp16), prompt).orElseThrow().tokensPerSecond();
    double fast = e.prefill(gpu.withFp16Tflops(fp16 * factor), prompt).orElseThrow().tokensPerSecond();
    assertThat(fast).isGreaterThan(slow);
  }

  @Property
  void aCostlierSuperBlockNeverSpeedsPrefill_andOnlySlowsFilesWithSuperBlocks(@ForAll("models") ModelSpec model,
      @ForAll("quantizations") Quantization quant, @ForAll @DoubleRange(min = 1, max = 10) double cost) {
    Hardware gpu = gpu(1000).withFp16Tflops(200).withFp32Tflops(50);
    SpeedCalibration base = SpeedCalibration.of(Backend.CUDA).withSuperBlockPrefillCost(1);
    Estimator e = Estimator.of(model).quant(quant);
    double plain = e.speedCalibration(base).prefill(gpu, 512).orElseThrow().timeToFirstToken();
    double costly = e.speedCalibration(base.withSuperBlockPrefillCost(cost)).prefill(gpu, 512).orElseThrow()
        .timeToFirstToken();
    assertThat(costly).isGreaterThanOrEqualTo(plain);
    if (LEGACY_AND_FLOAT.contains(quant)) {
      assertThat(costly).as("%s stores no layer weight in 256-element blocks", quant).isEqualTo(plain);
    }
  }

  @Property
  void longerContextNeverSpeedsDecode(@ForAll("models") ModelSpec model, @ForAll("contexts") int a,
      @ForAll("contexts") int b) {
    Estimator e = Estimator.of(model);
    double shortContext = e.context(Math.min(a, b)).decode(gpu(1000)).tokensPerSecond();
    double longContext = e.context(Math.max(a, b)).decode(gpu(1000)).tokensPerSecond();
    assertThat(longContext).isLessThanOrEqualTo(shortContext);
  }

  @Property(tries = 60)
  void offloadingMoreLayersToTheCpuNeverSpeedsDecode(@ForAll("models") ModelSpec model,
      @ForAll @IntRange(min = 0, max = 200) int gpuLayers,
      @ForAll @DoubleRange(min = 10, max = 200) double hostBandwidth,
      @ForAll @DoubleRange(min = 1, max = 20) double gpuFaster) {
    Hardware host = Hardware.cpu("host", Vendor.AMD, Bytes.ofGibibytes(1024), hostBandwidth);
    Hardware gpu = Hardware.gpu("g", Vendor.NVIDIA, Bytes.ofGibibytes(1024), hostBandwidth * gpuFaster);
    int n = Math.min(gpuLayers, model.architecture().layers() + 1);
    Estimator e = Estimator.of(model);
    double more = e.runtime(LlamaCppRuntime.defaults().withGpuLayers(n)).place(gpu, host, Offload.LAYERS).decode()
        .tokensPerSecond();
    if (n > 0) {
      double fewer = e.runtime(LlamaCppRuntime.defaults().withGpuLayers(n - 1)).place(gpu, host, Offload.LAYERS)
          .decode().tokensPerSecond();
      assertThat(fewer).as("one more layer on the CPU").isLessThanOrEqualTo(more * (1 + 1e-12));
    }
  }

  @Property(tries = 60)
  void longestContextFits_andOneMoreTokenDoesNot(@ForAll("models") ModelSpec model,
      @ForAll @IntRange(min = 1, max = 24) int gibibytes, @ForAll @IntRange(min = 1, max = 4) int sequences) {
    Hardware gpu = Hardware.gpu("g", Vendor.NVIDIA, Bytes.ofGibibytes(gibibytes), 1000);
    Estimator e = Estimator.of(model).parallel(sequences);
    java.util.OptionalInt longest = e.longestContext(gpu);
    if (longest.isEmpty()) {
      assertThat(e.context(1).fit(gpu).verdict().fits()).isFalse();
      return;
    }
    int n = longest.getAsInt();
    assertThat(e.context(n).fit(gpu).verdict().fits()).isTrue();
    if (n < model.architecture().contextLength()) {
      assertThat(e.context(n + 1).fit(gpu).verdict().fits()).isFalse();
    }
  }

  @Property(tries = 60)
  void mostParallelSequencesFit_andOneMoreDoesNot(@ForAll("models") ModelSpec model,
      @ForAll @IntRange(min = 1, max = 96) int gibibytes, @ForAll("contexts") int context) {
    Hardware gpu = Hardware.gpu("g", Vendor.NVIDIA, Bytes.ofGibibytes(gibibytes), 1000);
    Estimator e = Estimator.of(model).context(context);
    java.util.OptionalInt most = e.maxParallel(gpu);
    if (most.isPresent()) {
      assertThat(e.parallel(most.getAsInt()).fit(gpu).verdict().fits()).isTrue();
      if (most.getAsInt() < Estimator.MAX_PARALLEL) {
        assertThat(e.parallel(most.getAsInt() + 1).fit(gpu).verdict().fits()).isFalse();
      }
    } else {
      assertThat(e.fit(gpu).verdict().fits()).isFalse();
    }
  }

  @Property
  void quantizationParseInvertsToString(@ForAll("quantizations") Quantization quant) {
    assertThat(Quantization.parse(quant.toString())).isEqualTo(quant);
  }

  @Property
  void activeParametersNeverExceedTotal(@ForAll("models") ModelSpec model) {
    assertThat(model.activeParameters()).isBetween(1L, model.totalParameters());
  }

  private static Hardware gpu(double bandwidth) {
    return Hardware.gpu("test", Vendor.NVIDIA, Bytes.ofGibibytes(80), bandwidth);
  }
}
