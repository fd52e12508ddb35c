package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class PrefillSpeedTest {
  private static final Hardware GPU = Hardware.gpu("g", Vendor.NVIDIA, Bytes.ofGibibytes(24), 1000);

  @Test
  void timeToFirstToken_isComputePlusMemory() {
    PrefillSpeed p = new PrefillSpeed(4096, 16.1e9, 0.95, 0.05, 0.2);
    assertThat(p.timeToFirstToken()).isCloseTo(1.0, within(1e-12));
    assertThat(p.tokensPerSecond()).isCloseTo(4096, within(1e-9));
    assertThat(p.low()).isCloseTo(4096 * 0.8, within(1e-9));
    assertThat(p.high()).isCloseTo(4096 * 1.2, within(1e-9));
    assertThat(p).hasToString("4,096 tok/s: 4096 tokens × 16.1 GFLOP in 0.950 s + 0.0500 s reading weights; first "
        + "token after 1.00 s, typically ±20 %");
  }

  @Test
  void constructor_rejectsBadParts() {
    assertThatThrownBy(() -> new PrefillSpeed(0, 1e9, 1, 0, 0.1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("promptTokens");
    assertThatThrownBy(() -> new PrefillSpeed(10, 1e9, 0, 0, 0.1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("computeSeconds");
    assertThatThrownBy(() -> new PrefillSpeed(10, 1e9, 1, -1, 0.1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("memorySeconds");
  }

  @Test
  void estimator_prefill_needsAThroughput_andSplitsItsTime() {
    Estimator e = Estimator.of(TestModels.llama31_8b()).quant(Quantization.Q4_K_M);
    assertThat(e.prefill(GPU, 512)).isEmpty();
    SpeedCalibration c = new SpeedCalibration(Backend.CUDA, 0.5, 1, 0, 0, 0.1, 0.5, 1, 0.2, 1);
    PrefillSpeed p = e.speedCalibration(c).prefill(GPU.withFp16Tflops(100).withFp32Tflops(50), 1024).orElseThrow();
    double expected = 1024 * p.flopsPerToken() * (1 / (100e12 * 0.5) + 1 / (50e12 * 1));
    assertThat(p.computeSeconds()).isCloseTo(expected, within(expected * 1e-12));
    long weights = e.weights().bytes();
    assertThat(p.memorySeconds()).as("two micro-batches of 512 read the weights twice")
        .isCloseTo(2.0 * weights / (1000e9 * 0.5), within(1e-9));
    assertThat(p.flopsPerToken()).isBetween(14e9, 17e9);
  }

  @Test
  void superBlockWeights_costTheirFactorPerFlop_otherTypesDoNot() {
    Hardware gpu = GPU.withFp16Tflops(100).withFp32Tflops(50);
    SpeedCalibration plain = new SpeedCalibration(Backend.CUDA, 0.5, 1, 0, 0, 0.1, 0.5, 1, 0.2, 1);
    SpeedCalibration costly = plain.withSuperBlockPrefillCost(2.5);
    // Llama 3.1 8B's layers: 32 × (q, o 4096² + k, v 4096 × 1024 + gate, up, down 4096 × 14336).
    double activeWeights = 32.0 * (2 * 4096 * 4096 + 2 * 4096 * 1024 + 3 * 4096 * 14336);
    Estimator kQuant = Estimator.of(TestModels.llama31_8b()).quant(Quantization.Q4_K_M);
    PrefillSpeed base = kQuant.speedCalibration(plain).prefill(gpu, 512).orElseThrow();
    PrefillSpeed slow = kQuant.speedCalibration(costly).prefill(gpu, 512).orElseThrow();
    assertThat(slow.flopsPerToken()).as("the FLOPs themselves do not change").isEqualTo(base.flopsPerToken());
    double work = base.flopsPerToken() + 2 * activeWeights * 1.5;
    assertThat(slow.computeSeconds() / base.computeSeconds()).as("every layer weight of Q4_K_M is Q4_K or Q6_K")
        .isCloseTo(work / base.flopsPerToken(), within(1e-12));
    for (Quantization q : new Quantization[] {Quantization.Q4_0, Quantization.Q8_0, Quantization.F16}) {
      Estimator e = Estimator.of(TestModels.llama31_8b()).quant(q);
      assertThat(e.speedCalibration(costly).prefill(gpu, 512).orElseThrow())
          .as("%s has no super-block weights in its layers", q).isEqualTo(e.speedCalibration(plain)
              .prefill(gpu, 512).orElseThrow());
    }
  }

  @Test
  void superBlockShare_countsTheTypesEachTensorKeeps_andOnlyTheExpertsATokenUses() {
    // Qwen2.5-0.5B at Q4_K_M: rows of 896 do not split into 256-element blocks, so attention, gate and up fall back
    // to Q5_0/Q8_0; only ffn_down (rows of 4864) keeps Q4_K/Q6_K. Per layer: q, o 896²; k, v 896 × 128; gate, up,
    // down 896 × 4864.
    double down = 4864.0 * 896;
    double layer = 2 * 896.0 * 896 + 2 * 896.0 * 128 + 3 * down;
    assertThat(TestModels.qwen25half().tables().superBlockShare(LlamaFileType.Q4_K_M))
        .isCloseTo(down / layer, within(1e-12));
    // Qwen3-30B-A3B with 640-wide experts: their ffn_down rows (640) fall back, gate and up (2048) do not. A token
    // uses 8 of the 128 experts: attention q, o 2048 × 4096, k, v 2048 × 512; each expert's gate, up, down 2048 × 640.
    ModelSpec moe = TestModels.qwen3_30b_a3b().toBuilder().moe(new MixtureOfExperts(128, 8, 0, 640, 0, 0)).build();
    double attention = 2 * 2048.0 * 4096 + 2 * 2048.0 * 512;
    double expert = 2048.0 * 640;
    assertThat(moe.tables().superBlockShare(LlamaFileType.Q4_K_M))
        .isCloseTo((attention + 8 * 2 * expert) / (attention + 8 * 3 * expert), within(1e-12));
  }

  @Test
  void aLayerSplit_pipelinesMicroBatches() {
    Estimator e = Estimator.of(TestModels.llama31_8b());
    Hardware gpu = GPU.withFp16Tflops(100);
    double one = e.prefill(gpu, 2048).orElseThrow().timeToFirstToken();
    double four = e.prefill(gpu.times(4), 2048).orElseThrow().timeToFirstToken();
    assertThat(four / one).as("4 micro-batches over 4 stages: (4 + 3) / (4 × 4)").isCloseTo(7.0 / 16, within(1e-9));
    assertThat(e.prefill(gpu.times(4), 512).orElseThrow().timeToFirstToken())
        .as("one micro-batch cannot overlap").isCloseTo(e.prefill(gpu, 512).orElseThrow().timeToFirstToken(),
            within(1e-12));
  }

  @Test
  void tokensPerSecond_isThePromptOverTheTimeToFirstToken() {
    PrefillSpeed p = new PrefillSpeed(4096, 1e9, 1.5, 0.5, 0.2);
    assertThat(p.timeToFirstToken()).isEqualTo(2.0);
    assertThat(p.tokensPerSecond()).isEqualTo(2048.0);
  }
}
