package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.Bytes;
import dev.headroom.Hardware;
import dev.headroom.Vendor;
import java.util.List;
import org.junit.jupiter.api.Test;

final class HardwareEntryTest {
  private static final Hardware RTX_4090 =
      Hardware.gpu("NVIDIA GeForce RTX 4090", Vendor.NVIDIA, Bytes.ofGibibytes(24), 1008);
  private static final HardwareEntry ENTRY = HardwareEntry.of(RTX_4090, HardwareClass.CONSUMER);

  @Test
  void withers_setOneFieldEach_andTheReceiverIsUnaffected() {
    HardwareEntry full = ENTRY.withAliases(List.of(" 4090 ", "rtx4090")).withArchitecture(" Ada Lovelace ")
        .withReleaseYear(2022).withGpuShareRule("0.93").withSources("memory=spec").withNotes("a note");
    assertThat(full.aliases()).containsExactly("4090", "rtx4090");
    assertThat(full.architecture()).contains("Ada Lovelace");
    assertThat(full.releaseYear()).hasValue(2022);
    assertThat(full.gpuShareRule()).contains("0.93");
    assertThat(full.sources()).isEqualTo("memory=spec");
    assertThat(full.notes()).isEqualTo("a note");
    assertThat(full.id()).isEqualTo("nvidia-geforce-rtx-4090");
    assertThat(full.name()).isEqualTo("NVIDIA GeForce RTX 4090");
    assertThat(ENTRY.aliases()).isEmpty();
    assertThat(ENTRY.architecture()).isEmpty();
    assertThat(ENTRY.releaseYear()).isEmpty();
    assertThat(ENTRY.notes()).isEmpty();
  }

  @Test
  void releaseYear_isBetween1990And2100Inclusive() {
    assertThat(ENTRY.withReleaseYear(1990).releaseYear()).hasValue(1990);
    assertThat(ENTRY.withReleaseYear(2100).releaseYear()).hasValue(2100);
    assertThatThrownBy(() -> ENTRY.withReleaseYear(1989)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("releaseYear must be in [1990, 2100] but was 1989");
    assertThatThrownBy(() -> ENTRY.withReleaseYear(2101)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blankNames_areRejectedWithTheirName() {
    assertThatThrownBy(() -> ENTRY.withArchitecture(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("architecture must not be blank but was ' '");
    assertThatThrownBy(() -> ENTRY.withAliases(List.of("ok", ""))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("aliases element");
    assertThatThrownBy(() -> ENTRY.withGpuShareRule(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("gpuShareRule must not be null");
    assertThatThrownBy(() -> ENTRY.withAliases(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("aliases must not be null");
  }

  @Test
  void equals_everyFieldCounts_andHashCodeFollowsTheHardware() {
    assertThat(ENTRY).isEqualTo(HardwareEntry.of(RTX_4090, HardwareClass.CONSUMER))
        .hasSameHashCodeAs(HardwareEntry.of(RTX_4090, HardwareClass.CONSUMER));
    List<HardwareEntry> changed = List.of(
        HardwareEntry.of(RTX_4090.withFp16Tflops(165), HardwareClass.CONSUMER),
        HardwareEntry.of(RTX_4090, HardwareClass.WORKSTATION), ENTRY.withAliases(List.of("4090")),
        ENTRY.withArchitecture("Ada"), ENTRY.withReleaseYear(2022), ENTRY.withGpuShareRule("0.9"),
        ENTRY.withSources("s"), ENTRY.withNotes("n"));
    for (HardwareEntry c : changed) {
      assertThat(c).as(c.hardwareClass() + " " + c.notes()).isNotEqualTo(ENTRY);
    }
    assertThat(ENTRY).isNotEqualTo(RTX_4090);
    Hardware other = Hardware.gpu("AMD Radeon RX 7900 XTX", Vendor.AMD, Bytes.ofGibibytes(24), 960);
    assertThat(HardwareEntry.of(other, HardwareClass.CONSUMER).hashCode()).isNotEqualTo(ENTRY.hashCode());
  }

  @Test
  void toString_isTheHardwares() {
    assertThat(ENTRY).hasToString("NVIDIA GeForce RTX 4090 (24 GiB, 1008 GB/s)");
  }
}
