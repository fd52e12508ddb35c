package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class LlamaCppRuntimeTest {
  private static final LlamaCppRuntime DEFAULTS = LlamaCppRuntime.defaults();

  /** Each setting changed on its own: the copies that differ in one field. */
  private static List<LlamaCppRuntime> oneFieldChanged() {
    return List.of(DEFAULTS.withBackend(Backend.CPU), DEFAULTS.withFlashAttention(false),
        DEFAULTS.withGpuLayers(10), DEFAULTS.withBatch(4096, 512), DEFAULTS.withBatch(2048, 256),
        DEFAULTS.withOutputs(1), DEFAULTS.withKvUnified(true), DEFAULTS.withSwaFull(true), DEFAULTS.withMmap(false),
        DEFAULTS.withRuntimeReserve(Bytes.ZERO));
  }

  @Test
  void equals_sameSettings_equalWithTheSameHash() {
    LlamaCppRuntime rebuilt = DEFAULTS.withBackend(Backend.CPU).withBackend(Backend.CUDA).withOutputs(1)
        .withOutputs(0);
    assertThat(rebuilt).isEqualTo(DEFAULTS).hasSameHashCodeAs(DEFAULTS).isNotSameAs(DEFAULTS);
    assertThat(DEFAULTS).isNotEqualTo("llama.cpp").isNotEqualTo(null);
  }

  @Test
  void equals_everyFieldCounts() {
    for (LlamaCppRuntime changed : oneFieldChanged()) {
      assertThat(changed).as(changed.toString()).isNotEqualTo(DEFAULTS);
      assertThat(DEFAULTS).as(changed.toString()).isNotEqualTo(changed);
    }
  }

  @Test
  void hashCode_separatesTheMainSettings() {
    assertThat(DEFAULTS.withBackend(Backend.CPU).hashCode()).isNotEqualTo(DEFAULTS.hashCode());
    assertThat(DEFAULTS.withBatch(4096, 1024).hashCode()).isNotEqualTo(DEFAULTS.hashCode());
  }

  @Test
  void toString_defaults_asDocumented() {
    assertThat(DEFAULTS).hasToString("llama.cpp{cuda, fa=on, ngl=all, batch=2048, ubatch=512}");
  }

  @Test
  void toString_namesEveryNonDefaultSetting() {
    assertThat(DEFAULTS.withBackend(Backend.METAL).withFlashAttention(false).withGpuLayers(0).withBatch(512, 128)
        .withOutputs(4).withKvUnified(true).withSwaFull(true))
        .hasToString("llama.cpp{metal, fa=off, ngl=0, batch=512, ubatch=128, outputs=4, kv-unified, swa-full}");
    assertThat(DEFAULTS.withGpuLayers(1).withOutputs(1)).hasToString(
        "llama.cpp{cuda, fa=on, ngl=1, batch=2048, ubatch=512, outputs=1}");
  }

  @Test
  void accessors_returnWhatWasSet() {
    LlamaCppRuntime r = DEFAULTS.withKvUnified(true).withSwaFull(true).withMmap(false).withGpuLayers(7);
    assertThat(r.kvUnified()).isTrue();
    assertThat(r.swaFull()).isTrue();
    assertThat(r.mmap()).isFalse();
    assertThat(r.gpuLayers()).isEqualTo(7);
    assertThat(DEFAULTS.kvUnified()).isFalse();
    assertThat(DEFAULTS.swaFull()).isFalse();
    assertThat(DEFAULTS.mmap()).isTrue();
    assertThat(DEFAULTS.gpuLayers()).isEqualTo(-1);
  }

  @Test
  void runtimeReserve_isTheGpuAssumptionUnlessSet() {
    assertThat(DEFAULTS.runtimeReserve()).isEqualTo(Bytes.ofMebibytes(256));
    assertThat(DEFAULTS.withBackend(Backend.VULKAN).runtimeReserve()).isEqualTo(Bytes.ofMebibytes(256));
    assertThat(DEFAULTS.withBackend(Backend.CPU).runtimeReserve()).isEqualTo(Bytes.ZERO);
    assertThat(DEFAULTS.withBackend(Backend.METAL).runtimeReserve()).isEqualTo(Bytes.ZERO);
    assertThat(DEFAULTS.withBackend(Backend.CPU).withRuntimeReserve(Bytes.ofMebibytes(64)).runtimeReserve())
        .isEqualTo(Bytes.ofMebibytes(64));
  }

  @Test
  void withers_rejectOutOfRangeValues() {
    assertThatThrownBy(() -> DEFAULTS.withGpuLayers(-2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gpuLayers must be in [-1, 4097] layers but was -2");
    assertThatThrownBy(() -> DEFAULTS.withBatch(512, 1024)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ubatch must be in [1, 512] tokens but was 1024");
    assertThatThrownBy(() -> DEFAULTS.withOutputs(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outputs");
  }
}
