package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class BackendTest {

  @Test
  void parse_readsEveryNameInAnyCase() {
    assertThat(Backend.parse("cuda")).isEqualTo(Backend.CUDA);
    assertThat(Backend.parse(" Metal ")).isEqualTo(Backend.METAL);
    assertThat(Backend.parse("ROCM")).isEqualTo(Backend.ROCM);
    assertThat(Backend.parse("vulkan")).isEqualTo(Backend.VULKAN);
    assertThat(Backend.parse("cpu")).isEqualTo(Backend.CPU);
  }

  @Test
  void parse_unknownName_listsTheAcceptedOnes() {
    assertThatThrownBy(() -> Backend.parse("opencl")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'opencl' is not a backend; expected one of cpu, cuda, metal, vulkan, rocm");
  }
}
