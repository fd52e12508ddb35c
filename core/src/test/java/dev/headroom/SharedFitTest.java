package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SharedFitTest {
  private static final Hardware GPU = Hardware.gpu("NVIDIA GeForce RTX 4090", Vendor.NVIDIA, Bytes.ofGibibytes(24),
      1008);

  @Test
  void total_isTheSumOfEachModelsMemory() {
    Estimator chat = Estimator.of(TestModels.llama31_8b()).context(16384);
    Estimator draft = Estimator.of(TestModels.r1DistillQwen15b()).quant(Quantization.Q8_0);
    SharedFit both = SharedFit.of(GPU, List.of(chat, draft));
    assertThat(both.total().bytes()).isEqualTo(chat.vram().total().bytes() + draft.vram().total().bytes());
    assertThat(both.headroomBytes()).isEqualTo((24L << 30) - both.total().bytes());
    assertThat(both.fits()).isTrue();
    assertThat(both.models()).hasSize(2);
    assertThat(both.toString()).startsWith("2 models: ").contains("usable on NVIDIA GeForce RTX 4090").endsWith("left");
  }

  @Test
  void tooManyModels_doNotFit() {
    List<Estimator> many = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      many.add(Estimator.of(TestModels.llama31_8b()).quant(Quantization.Q8_0));
    }
    SharedFit all = SharedFit.of(GPU, many);
    assertThat(all.fits()).isFalse();
    assertThat(all.headroomBytes()).isNegative();
    assertThat(all.toString()).endsWith("short");
  }

  @Test
  void badInput_isNamed() {
    assertThatThrownBy(() -> SharedFit.of(GPU, List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> SharedFit.of(null, List.of())).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("hardware");
    List<Estimator> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> SharedFit.of(GPU, withNull)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("estimator");
  }

  /** Memory used to the last byte still fits, with nothing left. */
  @Test
  void exactlyFull_fitsWithZeroLeft() {
    Estimator chat = Estimator.of(TestModels.r1DistillQwen15b());
    Hardware exact = Hardware.gpu("Exact", Vendor.NVIDIA, chat.vram().total(), 1000);
    SharedFit one = SharedFit.of(exact, List.of(chat));
    assertThat(one.headroomBytes()).isZero();
    assertThat(one.fits()).isTrue();
    assertThat(one.toString()).endsWith(", 0.0 GB left");
  }
}
