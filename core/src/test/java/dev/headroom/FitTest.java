package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class FitTest {
  private static final Hardware GPU = Hardware.gpu("GPU", Vendor.AMD, Bytes.ofGibibytes(8), 500);
  private static final MemoryEstimate FOUR_GIB =
      new MemoryEstimate(Bytes.ofGibibytes(4), Bytes.ZERO, Bytes.ZERO, Bytes.ZERO, Bytes.ZERO);

  @Test
  void headroomAndShare_compareTheEstimateWithUsableMemory() {
    Fit fit = new Fit(GPU, FOUR_GIB, GPU.usableMemory(), Verdict.RUNS_GREAT);
    assertThat(fit.headroomBytes()).isEqualTo(Bytes.ofGibibytes(4).bytes());
    assertThat(fit.usedShare()).isEqualTo(0.5);
    assertThat(fit).hasToString("Runs great — plenty of headroom: 4.3 GB of 8.6 GB usable on GPU");
    Fit none = new Fit(GPU, FOUR_GIB, Bytes.ofGibibytes(2), Verdict.WONT_FIT);
    assertThat(none.headroomBytes()).isEqualTo(-Bytes.ofGibibytes(2).bytes());
    assertThat(none.usedShare()).isEqualTo(2.0);
  }

  @Test
  void constructor_rejectsNull() {
    assertThatThrownBy(() -> new Fit(null, FOUR_GIB, Bytes.ZERO, Verdict.TIGHT))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("hardware");
    assertThatThrownBy(() -> new Fit(GPU, FOUR_GIB, Bytes.ZERO, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("verdict");
  }
}
