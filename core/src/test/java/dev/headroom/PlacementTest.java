package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class PlacementTest {
  private static final Hardware GPU_8 = Hardware.gpu("8 GiB card", Vendor.NVIDIA, Bytes.ofGibibytes(8), 272);
  private static final Hardware GPU_24 = Hardware.gpu("24 GiB card", Vendor.NVIDIA, Bytes.ofGibibytes(24), 1008);
  private static final Hardware HOST = Hardware.cpu("DDR5 desktop", Vendor.AMD, Bytes.ofGibibytes(64), 83);
  private static final Estimator LLAMA_8B = Estimator.of(TestModels.llama31_8b()).context(8192);

  @Test
  void aModelThatFits_staysOnTheGpu_withTheInputEmbeddingsOnTheHost() {
    Placement p = LLAMA_8B.place(GPU_24, HOST, Offload.LAYERS);
    assertThat(p.gpuLayers()).isEqualTo(32);
    assertThat(p.fits()).isTrue();
    DeviceLoad gpu = p.devices().get(0);
    DeviceLoad host = p.devices().get(1);
    assertThat(host.layers()).isZero();
    assertThat(gpu.weights().plus(host.weights())).as("every tensor is somewhere, the untied input once")
        .isEqualTo(LLAMA_8B.weights());
    assertThat(host.weights().bytes()).as("the input embeddings: 128,256 rows of 4,096 at Q4_K (144 B per 256)")
        .isEqualTo(128_256L * 16 * 144);
    assertThat(gpu.kvCache()).isEqualTo(LLAMA_8B.kvCache());
    double whole = LLAMA_8B.decode(GPU_24).tokensPerSecond();
    // The same bytes, counted per layer; only the input embeddings' one row per token (2,304 B of about 4.9 GB)
    // is read from the host, at its bandwidth and with its share of the host's fixed cost.
    assertThat(p.decode().tokensPerSecond()).as("the same bytes, counted per layer").isCloseTo(whole,
        within(whole * 1e-4));
  }

  @Test
  void aModelThatDoesNotFit_spillsTheFirstLayers_andSlowsToTheHostsBandwidth() {
    Placement p = LLAMA_8B.quant(Quantization.Q8_0).place(GPU_8, HOST, Offload.LAYERS);
    assertThat(p.gpuLayers()).isBetween(1, 31);
    assertThat(p.devices().get(0).fits()).isTrue();
    assertThat(p.devices().get(1).layers()).isEqualTo(32 - p.gpuLayers());
    Placement oneMore = LLAMA_8B.quant(Quantization.Q8_0).runtime(LlamaCppRuntime.defaults()
        .withGpuLayers(p.gpuLayers() + 1)).place(GPU_8, HOST, Offload.LAYERS);
    assertThat(oneMore.devices().get(0).fits()).as("the chosen count is the most that fit").isFalse();
    assertThat(oneMore.fits()).isFalse();
    assertThat(oneMore.toString()).contains(" (does not fit); ");
    assertThat(p.fits()).isTrue();
    assertThat(p.toString()).doesNotContain("does not fit");
    double gpuOnly = LLAMA_8B.quant(Quantization.Q8_0).decode(GPU_8).tokensPerSecond();
    assertThat(p.decode().tokensPerSecond()).isLessThan(gpuOnly);
    assertThat(p.toString()).contains("8 GiB card").contains("DDR5 desktop").contains("tok/s");
  }

  @Test
  void expertOffload_keepsEveryLayerOnTheGpu_andIsFasterForAnMoe() {
    Estimator moe = Estimator.of(TestModels.qwen3_30b_a3b()).context(8192);
    Placement layers = moe.place(GPU_8, HOST, Offload.LAYERS);
    Placement experts = moe.place(GPU_8, HOST, Offload.EXPERTS);
    assertThat(experts.gpuLayers()).isEqualTo(48);
    assertThat(experts.expertLayersOnHost()).isBetween(1, 48);
    assertThat(experts.devices().get(0).fits()).isTrue();
    assertThat(experts.decode().tokensPerSecond()).isGreaterThan(layers.decode().tokensPerSecond());
    Placement dense = LLAMA_8B.quant(Quantization.Q8_0).place(GPU_8, HOST, Offload.EXPERTS);
    assertThat(dense.expertLayersOnHost()).as("a dense model has no experts to move").isZero();
    assertThat(dense.gpuLayers()).isLessThan(32);
  }

  @Test
  void severalGpus_shareTheLayers_tensorParallelReadsThemAtOnce() {
    Estimator e = Estimator.of(TestModels.llama31_8b()).quant(Quantization.F16);
    Hardware four = GPU_8.times(4);
    Placement split = e.place(four);
    assertThat(split.devices()).hasSize(4);
    assertThat(split.devices()).extracting(DeviceLoad::layers).containsExactly(8, 8, 8, 8);
    assertThat(split.fits()).isTrue();
    DecodeSpeed layered = e.decode(four);
    DecodeSpeed tensor = e.multiGpu(MultiGpu.TENSOR_PARALLEL).decode(four);
    assertThat(tensor.memoryMillis()).isCloseTo(layered.memoryMillis() / 4, within(1e-9));
    assertThat(tensor.overheadMillis()).as("two all-reduces per layer")
        .isCloseTo(SpeedCalibration.of(Backend.CUDA).overheadMillis() + 2 * 32 * MultiGpu.ALL_REDUCE_MICROS / 1000,
            within(1e-9));
    assertThat(tensor.tokensPerSecond()).as("faster, but short of four times")
        .isGreaterThan(layered.tokensPerSecond()).isLessThan(4 * layered.tokensPerSecond());
  }

  @Test
  void badInput_isNamed() {
    assertThatThrownBy(() -> LLAMA_8B.place(HOST)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gpu must be a GPU");
    assertThatThrownBy(() -> LLAMA_8B.place(GPU_8, GPU_24, Offload.LAYERS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host must be a CPU");
    assertThatThrownBy(() -> LLAMA_8B.method(EstimationMethod.SEED).place(GPU_8))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("EXACT");
    assertThatThrownBy(() -> LLAMA_8B.place(GPU_8, HOST, null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("offload");
  }

  /** A device filled to the last byte holds its load; one byte more does not. */
  @Test
  void deviceLoad_fitsUpToItsUsableMemoryInclusive() {
    Bytes usable = Bytes.ofGibibytes(8);
    DeviceLoad full = new DeviceLoad(GPU_8, 10, Bytes.ofGibibytes(6), Bytes.ofGibibytes(1), Bytes.ofGibibytes(1),
        usable);
    DeviceLoad over = new DeviceLoad(GPU_8, 10, Bytes.ofGibibytes(6), Bytes.ofGibibytes(1),
        Bytes.ofGibibytes(1).plus(Bytes.ofBytes(1)), usable);
    assertThat(full.total()).isEqualTo(usable);
    assertThat(full.fits()).isTrue();
    assertThat(over.fits()).isFalse();
  }

  private static long sum(Placement p, java.util.function.ToLongFunction<DeviceLoad> part) {
    return p.devices().stream().mapToLong(part).sum();
  }

  /** Where a layer runs changes how fast its bytes are read, not how many: a split reads what the whole model does. */
  @Test
  void bytesReadPerToken_doNotDependOnWhereTheLayersAre() {
    Estimator q8 = LLAMA_8B.quant(Quantization.Q8_0);
    long whole = q8.decode(GPU_24).bytesPerToken().bytes();
    for (int n : new int[] {0, 1, 17, 32, 33}) {
      Placement p = q8.runtime(LlamaCppRuntime.defaults().withGpuLayers(n)).place(GPU_8, HOST, Offload.LAYERS);
      assertThat(p.decode().bytesPerToken().bytes()).as("-ngl %d", n).isCloseTo(whole, within(1L));
    }
    Estimator moe = Estimator.of(TestModels.qwen3_30b_a3b()).context(8192);
    Placement experts = moe.place(GPU_8, HOST, Offload.EXPERTS);
    assertThat(experts.decode().bytesPerToken().bytes()).isCloseTo(moe.decode(GPU_24).bytesPerToken().bytes(),
        within(1L));
  }

  /** Every tensor and every KV cell is on exactly one device, however the model is split. */
  @Test
  void weightsAndKvCache_areConserved() {
    Estimator q8 = LLAMA_8B.quant(Quantization.Q8_0);
    Placement layers = q8.place(GPU_8, HOST, Offload.LAYERS);
    assertThat(sum(layers, d -> d.weights().bytes())).isEqualTo(q8.weights().bytes());
    assertThat(sum(layers, d -> d.kvCache().bytes())).isCloseTo(q8.kvCache().bytes(), within(2L));
    Estimator moe = Estimator.of(TestModels.qwen3_30b_a3b()).context(8192);
    Placement experts = moe.place(GPU_8, HOST, Offload.EXPERTS);
    assertThat(sum(experts, d -> d.weights().bytes())).isEqualTo(moe.weights().bytes());
    assertThat(experts.devices().get(1).kvCache()).as("every layer runs on the GPU").isEqualTo(Bytes.ZERO);
  }

  /** -ngl counts the output layer too: 32 repeating layers leave the output head on the host, 33 take it. */
  @Test
  void gpuLayers_theOutputHeadGoesLast() {
    Estimator e = LLAMA_8B.quant(Quantization.Q4_K_M);
    Placement all = e.runtime(LlamaCppRuntime.defaults().withGpuLayers(33)).place(GPU_24, HOST, Offload.LAYERS);
    Placement noHead = e.runtime(LlamaCppRuntime.defaults().withGpuLayers(32)).place(GPU_24, HOST, Offload.LAYERS);
    assertThat(all.gpuLayers()).isEqualTo(32);
    assertThat(noHead.gpuLayers()).isEqualTo(32);
    long head = noHead.devices().get(1).weights().bytes() - all.devices().get(1).weights().bytes();
    assertThat(head).as("128,256 × 4,096 at Q6_K (210 bytes per 256 weights) and the F32 output norm")
        .isEqualTo(128_256L * 16 * 210 + 4096 * 4);
    assertThat(noHead.devices().get(1).layers()).isZero();
    assertThat(sum(noHead, d -> d.weights().bytes())).isEqualTo(e.weights().bytes());
    assertThat(sum(all, d -> d.weights().bytes())).isEqualTo(e.weights().bytes());
    assertThat(all.decode().tokensPerSecond()).as("the head read at the GPU's bandwidth, not the host's")
        .isGreaterThan(noHead.decode().tokensPerSecond());
  }

  /** The host runs the first layers and holds a share of the KV cache and compute buffer in proportion. */
  @Test
  void hostLayers_takeTheirShareOfKvAndCompute() {
    Estimator q8 = LLAMA_8B.quant(Quantization.Q8_0);
    Placement p = q8.runtime(LlamaCppRuntime.defaults().withGpuLayers(24)).place(GPU_24, HOST, Offload.LAYERS);
    DeviceLoad host = p.devices().get(1);
    assertThat(host.layers()).isEqualTo(8);
    assertThat((double) host.kvCache().bytes()).isCloseTo(q8.kvCache().bytes() / 4.0, within(1.0));
    MemoryEstimate m = q8.vram();
    assertThat((double) host.buffers().bytes()).isCloseTo(m.output().bytes() + m.compute().bytes() / 4.0,
        within(1.0));
    DeviceLoad gpu = p.devices().get(0);
    assertThat(gpu.buffers()).as("its compute buffer and the runtime reserve")
        .isEqualTo(m.compute().plus(LlamaCppRuntime.GPU_RESERVE));
  }

  /** A GPU too small for even one layer runs none and holds nothing. */
  @Test
  void tinyGpu_runsNoLayers() {
    Hardware tiny = Hardware.gpu("Tiny", Vendor.NVIDIA, Bytes.ofMebibytes(256), 100);
    Placement p = LLAMA_8B.place(tiny, HOST, Offload.LAYERS);
    assertThat(p.gpuLayers()).isZero();
    assertThat(p.devices().get(0).total()).isEqualTo(Bytes.ZERO);
    assertThat(p.devices().get(1).layers()).isEqualTo(32);
    Placement experts = Estimator.of(TestModels.qwen3_30b_a3b()).place(tiny, HOST, Offload.EXPERTS);
    assertThat(experts.expertLayersOnHost()).isEqualTo(48);
    assertThat(experts.fits()).isFalse();
  }

  /** Several identical GPUs split the layers evenly, the first ones taking the remainder. */
  @Test
  void severalGpus_shareTheLayersEvenly() {
    Placement p = LLAMA_8B.quant(Quantization.Q8_0).place(GPU_8.times(3), HOST, Offload.LAYERS);
    assertThat(p.devices()).hasSize(4);
    assertThat(p.gpuLayers()).isEqualTo(32);
    assertThat(p.devices().subList(0, 3)).extracting(DeviceLoad::layers).containsExactly(11, 11, 10);
    assertThat(p.devices().get(0).hardware().count()).isEqualTo(1);
    assertThat(sum(p, d -> d.kvCache().bytes())).isCloseTo(LLAMA_8B.quant(Quantization.Q8_0).kvCache().bytes(),
        within(3L));
    Placement alone = LLAMA_8B.place(GPU_24.times(2));
    MemoryEstimate m = LLAMA_8B.vram();
    assertThat(sum(alone, d -> d.buffers().bytes())).as("each its compute buffer and reserve; the logits shared")
        .isEqualTo(2 * (m.compute().bytes() + LlamaCppRuntime.GPU_RESERVE.bytes()) + m.output().bytes());
    assertThat(LLAMA_8B.fit(GPU_24.times(2)).memory().overhead().bytes()).as("fit counts the buffers place does")
        .isEqualTo(sum(alone, d -> d.buffers().bytes()));
    assertThat(LLAMA_8B.fit(GPU_24).memory()).isEqualTo(m);
  }

  /** Without a host, a unified-memory device holds the input embeddings too. */
  @Test
  void unifiedMemory_withoutHost_holdsEverything() {
    Hardware mac = Hardware.unified("Mac", Vendor.APPLE, Bytes.ofGibibytes(32), 400, 0.75);
    Placement p = LLAMA_8B.place(mac);
    assertThat(p.devices()).hasSize(1);
    assertThat(p.devices().get(0).weights()).isEqualTo(LLAMA_8B.weights());
    assertThat(p.devices().get(0).usableMemory()).isEqualTo(Bytes.ofGibibytes(24));
  }

  /** With a fixed -ngl, expert offload keeps that many layers and moves experts only as needed. */
  @Test
  void expertOffload_withFixedGpuLayers() {
    Estimator moe = Estimator.of(TestModels.qwen3_30b_a3b()).context(8192)
        .runtime(LlamaCppRuntime.defaults().withGpuLayers(40));
    Placement p = moe.place(GPU_24, HOST, Offload.EXPERTS);
    assertThat(p.gpuLayers()).isEqualTo(40);
    assertThat(p.devices().get(1).layers()).isEqualTo(8);
  }

  /** Without a host the whole model's bytes are read on the GPUs: the same count as the model decoded whole. */
  @Test
  void noHost_readsWhatTheWholeModelReads() {
    assertThat(LLAMA_8B.place(GPU_24).decode().bytesPerToken()).isEqualTo(LLAMA_8B.decode(GPU_24).bytesPerToken());
  }

  /** With nothing on the GPU but its fixed cost, decode is the host's own plus the GPU backend's overhead. */
  @Test
  void noLayerOnTheGpu_decodesAtTheHostsSpeed() {
    Estimator e = LLAMA_8B.runtime(LlamaCppRuntime.defaults().withGpuLayers(0));
    Hardware hostWithFp32 = HOST.withFp32Tflops(2.0);
    DecodeSpeed placed = e.place(GPU_24, hostWithFp32, Offload.LAYERS).decode();
    DecodeSpeed host = LLAMA_8B.decode(hostWithFp32);
    assertThat(host.computeMillis()).isPositive();
    assertThat(placed.memoryMillis()).isCloseTo(host.memoryMillis(), within(1e-9));
    assertThat(placed.computeMillis()).isCloseTo(host.computeMillis(), within(1e-9));
    assertThat(placed.overheadMillis()).isCloseTo(host.overheadMillis()
        + SpeedCalibration.of(Backend.CUDA).overheadMillis(), within(1e-9));
    Estimator moe = Estimator.of(TestModels.qwen3_30b_a3b());
    assertThat(moe.runtime(LlamaCppRuntime.defaults().withGpuLayers(0)).place(GPU_24, HOST, Offload.EXPERTS)
        .gpuLayers()).as("-ngl 0 holds for expert offload too").isZero();
    Placement all = moe.runtime(LlamaCppRuntime.defaults().withGpuLayers(49)).place(GPU_24, HOST, Offload.EXPERTS);
    assertThat(all.gpuLayers()).as("48 layers and the output layer").isEqualTo(48);
    assertThat(all.devices().get(1).layers()).as("every layer runs on the GPU").isZero();
    assertThat(all.expertLayersOnHost()).as("every layer's experts fit beside it").isZero();
    assertThat(all.devices().get(1).weights().bytes())
        .as("the host keeps only the input embeddings: 151,936 rows of 2,048 at Q4_K (144 B per 256)")
        .isEqualTo(151_936L * 8 * 144);
  }

  /** A tied model wholly on the GPU reads nothing on the host, so the host's wider error band does not apply. */
  @Test
  void nothingReadOnTheHost_keepsTheGpusBand() {
    Estimator tied = Estimator.of(TestModels.qwen25half());
    Placement p = tied.place(GPU_24, HOST, Offload.LAYERS);
    assertThat(p.gpuLayers()).isEqualTo(24);
    assertThat(p.decode().low()).isCloseTo(tied.decode(GPU_24).low(), within(1e-6));
  }

  /** The placement's text lists the devices in order, separated by semicolons. */
  @Test
  void toString_listsTheDevicesInOrder() {
    Placement p = LLAMA_8B.place(GPU_8, HOST, Offload.LAYERS);
    assertThat(p.toString()).startsWith(p.devices().get(0) + "; " + p.devices().get(1));
  }
}
