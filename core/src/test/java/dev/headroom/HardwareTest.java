package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class HardwareTest {
  private static final Hardware H100 =
      Hardware.gpu("NVIDIA H100 SXM5 80GB", Vendor.NVIDIA, Bytes.ofGibibytes(80), 3350).withFp16Tflops(989.4);

  @Test
  void gpu_usesAllItsMemory() {
    assertThat(H100.usableMemory()).isEqualTo(Bytes.ofGibibytes(80));
    assertThat(H100.kind()).isEqualTo(HardwareKind.GPU);
    assertThat(H100.fp16Tflops()).hasValue(989.4);
    assertThat(H100.id()).isEqualTo("nvidia-h100-sxm5-80gb");
    assertThat(H100).hasToString("NVIDIA H100 SXM5 80GB (80 GiB, 3350 GB/s)");
  }

  @Test
  void id_isTheNameLowerCased_withEachRunOfOtherCharactersOneDash() {
    assertThat(Hardware.gpu("  GeForce RTX 4090 (24 GB) ", Vendor.NVIDIA, Bytes.ofGibibytes(24), 1008).id())
        .isEqualTo("geforce-rtx-4090-24-gb");
    assertThat(Hardware.cpu("Ryzen™ 9 7950X3D / DDR5-6000", Vendor.AMD, Bytes.ofGibibytes(64), 83).id())
        .isEqualTo("ryzen-9-7950x3d-ddr5-6000");
    assertThat(Hardware.gpu("Arc A770 v1.5", Vendor.INTEL, Bytes.ofGibibytes(16), 560).id()).isEqualTo("arc-a770-v1.5");
    assertThat(Hardware.gpu("™ ™", Vendor.OTHER, Bytes.ofGibibytes(1), 10).id()).isEqualTo("hardware");
    assertThat(H100.id()).isEqualTo("nvidia-h100-sxm5-80gb");
  }

  @Test
  void times_makesANodeOfIdenticalGpus() {
    Hardware node = H100.times(8);
    assertThat(node.count()).isEqualTo(8);
    assertThat(node.usableMemory()).isEqualTo(Bytes.ofGibibytes(640));
    assertThat(node.totalMemory()).isEqualTo(Bytes.ofGibibytes(640));
    assertThat(node.name()).isEqualTo("8 × NVIDIA H100 SXM5 80GB");
    assertThat(node.id()).isEqualTo("8x-nvidia-h100-sxm5-80gb");
    assertThat(node.times(2).name()).isEqualTo("2 × NVIDIA H100 SXM5 80GB");
    assertThat(node.times(1)).isEqualTo(H100);
    Hardware dgx = node.withName("NVIDIA DGX H100").withId("nvidia-dgx-h100");
    assertThat(dgx.name()).isEqualTo("NVIDIA DGX H100");
    assertThat(dgx.count()).isEqualTo(8);
    assertThatThrownBy(() -> node.withName(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> H100.times(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count must be in [1, 1024] devices but was 0");
  }

  @Test
  void unified_usesTheGpuShare_andItCanBeOverridden() {
    Hardware mac = Hardware.unified("Apple M3 Max 128GB", Vendor.APPLE, Bytes.ofGibibytes(128), 400, 0.75);
    assertThat(mac.usableMemory()).isEqualTo(Bytes.ofGibibytes(96));
    assertThat(mac.withGpuMemoryShare(0.9).usableMemory()).isEqualTo(Bytes.ofGibibytes(128).multipliedBy(0.9));
    assertThat(mac.toString()).contains("GPU may use 75%");
    assertThat(mac.fp16Tflops()).isEmpty();
  }

  @Test
  void factories_rejectBadValues() {
    assertThatThrownBy(() -> Hardware.gpu("x", Vendor.NVIDIA, Bytes.ZERO, 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memory must be more than 0 bytes");
    assertThatThrownBy(() -> Hardware.gpu("x", Vendor.NVIDIA, Bytes.ofGibibytes(8), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bandwidthGBps must be in (0, 1000000]");
    assertThatThrownBy(() -> Hardware.gpu("x", Vendor.NVIDIA, Bytes.ofGibibytes(8), Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> Hardware.gpu(" ", Vendor.NVIDIA, Bytes.ofGibibytes(8), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> Hardware.gpu("x", null, Bytes.ofGibibytes(8), 1))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("vendor");
    assertThatThrownBy(() -> Hardware.unified("x", Vendor.APPLE, Bytes.ofGibibytes(8), 1, 1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gpuMemoryShare");
    assertThatThrownBy(() -> H100.withFp16Tflops(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fp16Tflops");
    assertThatThrownBy(() -> H100.withFp32Tflops(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fp32Tflops").hasMessageContaining("(0, 1000000]");
    assertThatThrownBy(() -> H100.withId("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cpuAndOf_keepTheirKind() {
    assertThat(Hardware.cpu("Ryzen 9 7950X", Vendor.AMD, Bytes.ofGibibytes(64), 83).kind()).isEqualTo(HardwareKind.CPU);
    assertThat(Hardware.of("x", HardwareKind.UNIFIED, Vendor.OTHER, Bytes.ofGibibytes(1), 1).gpuMemoryShare())
        .isEqualTo(1.0);
    assertThat(HardwareKind.parse("Unified")).isEqualTo(HardwareKind.UNIFIED);
    assertThat(Vendor.parse("nvidia")).isEqualTo(Vendor.NVIDIA);
    assertThatThrownBy(() -> Vendor.parse("acme")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'acme'").hasMessageContaining("nvidia, amd, intel, apple, other");
  }

  @Test
  void equality_coversEveryField() {
    assertThat(H100).isEqualTo(H100.withFp16Tflops(989.4)).hasSameHashCodeAs(H100.withFp16Tflops(989.4));
    assertThat(H100).isNotEqualTo(H100.withFp16Tflops(900));
    assertThat(H100).isNotEqualTo(H100.withFp32Tflops(66.9));
    assertThat(H100.withFp32Tflops(66.9).fp32Tflops()).hasValue(66.9);
    assertThat(H100.fp32Tflops()).isEmpty();
    assertThat(H100.withFp32Tflops(66.9).times(8).fp32Tflops()).as("kept per device").hasValue(66.9);
    assertThat(H100).isNotEqualTo(H100.withId("h100"));
  }

  @Test
  void parse_readsTheIssuesSpecSyntax_keysInAnyOrder() {
    Hardware h = Hardware.parse("kind=gpu,vendor=nvidia,memory_gib=24,bandwidth_gbps=1008,fp16_tflops=165");
    assertThat(h.kind()).isEqualTo(HardwareKind.GPU);
    assertThat(h.vendor()).isEqualTo(Vendor.NVIDIA);
    assertThat(h.memory().bytes()).isEqualTo(24L << 30);
    assertThat(h.bandwidthGBps()).isEqualTo(1008);
    assertThat(h.fp16Tflops()).hasValue(165);
    assertThat(h.fp32Tflops()).isEmpty();
    assertThat(h.name()).isEqualTo("custom gpu 24 GiB");
    Hardware same = Hardware.parse(" bandwidth_gbps=1008, fp16_tflops=165,memory_gib=24,VENDOR=NVIDIA,kind=GPU");
    assertThat(same).isEqualTo(h);
    Hardware mac = Hardware.parse("kind=unified,vendor=apple,memory_gib=64,bandwidth_gbps=400,gpu_share=0.75,"
        + "fp32_tflops=16,name=My Mac,count=1");
    assertThat(mac.usableMemory().bytes()).isEqualTo(48L << 30);
    assertThat(mac.name()).isEqualTo("My Mac");
    assertThat(mac.fp32Tflops()).hasValue(16);
    assertThat(Hardware.parse("kind=gpu,vendor=amd,memory_gib=192,bandwidth_gbps=5300,count=8").count()).isEqualTo(8);
  }

  @Test
  void parse_namesWhatIsWrong() {
    assertThatThrownBy(() -> Hardware.parse("kind=gpu,vendor=nvidia,memory_gib=24"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs bandwidth_gbps");
    assertThatThrownBy(() -> Hardware.parse("kind=gpu,vendor=nvidia,memory_gib=24,bandwidth_gbps=1,colour=red"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown hardware spec key 'colour'")
        .hasMessageContaining("fp16_tflops");
    assertThatThrownBy(() -> Hardware.parse("kind=gpu,kind=cpu,vendor=nvidia,memory_gib=24,bandwidth_gbps=1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'kind' is given twice");
    assertThatThrownBy(() -> Hardware.parse("kind=gpu,vendor=nvidia,memory_gib=lots,bandwidth_gbps=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("memory_gib must be a number but was 'lots'");
    assertThatThrownBy(() -> Hardware.parse("kind=gpu,vendor=nvidia,memory_gib=0,bandwidth_gbps=1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memory_gib");
    assertThatThrownBy(() -> Hardware.parse("kind=gpu,vendor=nvidia,memory_gib=NaN,bandwidth_gbps=1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> Hardware.parse("kind=tpu,vendor=nvidia,memory_gib=8,bandwidth_gbps=1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tpu");
    assertThatThrownBy(() -> Hardware.parse("kind=gpu,vendor=nvidia,memory_gib=8,bandwidth_gbps=1,count=1.5"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
    assertThatThrownBy(() -> Hardware.parse("gpu")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key=value");
    assertThatThrownBy(() -> Hardware.parse(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("spec");
  }

  @Test
  void equals_otherTypes_andHashCode_ofDifferentDevices() {
    assertThat(H100).isNotEqualTo(H100.toString()).isNotEqualTo(null);
    Hardware h200 = Hardware.gpu("NVIDIA H200", Vendor.NVIDIA, Bytes.ofGibibytes(141), 4800);
    assertThat(h200.hashCode()).isNotEqualTo(H100.hashCode());
  }
}
