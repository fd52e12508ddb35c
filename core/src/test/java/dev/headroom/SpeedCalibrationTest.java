package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class SpeedCalibrationTest {
  private static final Hardware NVIDIA_GPU = Hardware.gpu("g", Vendor.NVIDIA, Bytes.ofGibibytes(24), 1000);

  @Test
  void everyBackendHasFittedConstants() {
    for (Backend b : Backend.values()) {
      SpeedCalibration c = SpeedCalibration.of(b);
      assertThat(c.backend()).isEqualTo(b);
      assertThat(c.efficiency()).isBetween(0.3, 1.0);
      assertThat(c.decodeBand()).isPositive();
    }
  }

  @Test
  void ofDevice_followsTheRuntimeThenTheVendor_andGivesAppleUnderVulkanItsOwn() {
    assertThat(SpeedCalibration.of(NVIDIA_GPU, Backend.CUDA)).isSameAs(SpeedCalibration.of(Backend.CUDA));
    assertThat(SpeedCalibration.of(NVIDIA_GPU, Backend.VULKAN)).isSameAs(SpeedCalibration.of(Backend.VULKAN));
    assertThat(SpeedCalibration.of(NVIDIA_GPU, Backend.CPU)).isSameAs(SpeedCalibration.of(Backend.CPU));
    Hardware mac = Hardware.unified("m", Vendor.APPLE, Bytes.ofGibibytes(64), 400, 0.75);
    assertThat(SpeedCalibration.of(mac, Backend.CUDA)).isSameAs(SpeedCalibration.of(Backend.METAL));
    SpeedCalibration moltenVk = SpeedCalibration.of(mac, Backend.VULKAN);
    assertThat(moltenVk.backend()).isEqualTo(Backend.VULKAN);
    assertThat(moltenVk).isNotEqualTo(SpeedCalibration.of(Backend.VULKAN));
    Hardware radeon = Hardware.gpu("r", Vendor.AMD, Bytes.ofGibibytes(16), 640);
    assertThat(SpeedCalibration.of(radeon, Backend.CUDA)).isSameAs(SpeedCalibration.of(Backend.ROCM));
    Hardware arc = Hardware.gpu("a", Vendor.INTEL, Bytes.ofGibibytes(12), 456);
    assertThat(SpeedCalibration.of(arc, Backend.CUDA)).isSameAs(SpeedCalibration.of(Backend.VULKAN));
    Hardware cpu = Hardware.cpu("c", Vendor.AMD, Bytes.ofGibibytes(64), 80);
    assertThat(SpeedCalibration.of(cpu, Backend.CUDA)).isSameAs(SpeedCalibration.of(Backend.CPU));
    assertThat(Estimator.of(TestModels.llama31_8b()).runtime(LlamaCppRuntime.defaults().withBackend(Backend.VULKAN))
        .calibrationFor(mac)).isSameAs(moltenVk);
  }

  @Test
  void withCopies_changeOneComponent() {
    SpeedCalibration c = SpeedCalibration.of(Backend.CUDA);
    assertThat(c.withEfficiency(0.5)).isEqualTo(new SpeedCalibration(Backend.CUDA, 0.5, c.computeUtilization(),
        c.overheadMillis(), c.hopMillis(), c.decodeBand(), c.prefillUtilization(), c.prefillVectorUtilization(),
        c.prefillBand(), c.superBlockPrefillCost()));
    assertThat(c.withOverheadMillis(2).overheadMillis()).isEqualTo(2);
    assertThat(c.withSuperBlockPrefillCost(2.5).superBlockPrefillCost()).isEqualTo(2.5);
    assertThat(c.withSuperBlockPrefillCost(2.5).withSuperBlockPrefillCost(c.superBlockPrefillCost())).isEqualTo(c);
    assertThat(c.withPrefillUtilization(0.3).prefillUtilization()).isEqualTo(0.3);
    assertThat(c.withOverheadMillis(2).efficiency()).isEqualTo(c.efficiency());
  }

  @Test
  void toString_namesEveryConstant() {
    SpeedCalibration c = new SpeedCalibration(Backend.CUDA, 0.8, 0.3, 1, 0.25, 0.12, 0.45, 2, 0.2, 1.75);
    assertThat(c).hasToString("cuda: decode 80 % of bandwidth, 30 % of FP32, + 1 ms/token, + 0.25 ms/hop (±12 %); "
        + "prefill 45 % of FP16 and 200 % of FP32, super-block weights × 1.75 (±20 %)");
    assertThat(c.withPrefillUtilization(100).toString()).as("a term the fit dropped")
        .contains("prefill — of FP16 and 200 % of FP32");
  }

  @Test
  void constructor_rejectsOutOfRangeConstants() {
    assertThatThrownBy(() -> new SpeedCalibration(Backend.CUDA, 0, 1, 0, 0, 0, 1, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("efficiency");
    assertThatThrownBy(() -> new SpeedCalibration(Backend.CUDA, 0.5, 1, -1, 0, 0, 1, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overheadMillis");
    assertThatThrownBy(() -> new SpeedCalibration(Backend.CUDA, 0.5, 1, 0, 0, 0, Double.NaN, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefillUtilization");
    assertThatThrownBy(() -> new SpeedCalibration(null, 0.5, 1, 0, 0, 0, 1, 1, 0, 1))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("backend");
    assertThatThrownBy(() -> SpeedCalibration.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void decode_addsMemoryComputeOverheadAndHops() {
    SpeedCalibration c = new SpeedCalibration(Backend.CUDA, 0.5, 0.25, 2, 0.5, 0.1, 1, 1, 0.2, 1);
    Estimator e = Estimator.of(TestModels.llama31_8b()).speedCalibration(c);
    Hardware gpu = NVIDIA_GPU.withFp32Tflops(80);
    DecodeSpeed one = e.decode(gpu);
    assertThat(one.memoryMillis()).isEqualTo(one.bytesPerToken().bytes() / (1000e6 * 0.5));
    assertThat(one.computeMillis()).isPositive();
    assertThat(one.overheadMillis()).isEqualTo(2);
    DecodeSpeed four = e.decode(gpu.times(4));
    assertThat(four.overheadMillis()).as("three hops").isEqualTo(3.5);
    assertThat(four.memoryMillis()).as("layers run one device after another").isEqualTo(one.memoryMillis());
    assertThat(e.decode(NVIDIA_GPU).computeMillis()).as("no FP32 figure, no compute term").isZero();
    assertThat(one.band()).isEqualTo(0.1);
  }
}
