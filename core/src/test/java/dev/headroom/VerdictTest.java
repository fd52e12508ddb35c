package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class VerdictTest {

  @Test
  void labels_andFits() {
    assertThat(Verdict.RUNS_GREAT.label()).isEqualTo("Runs great — plenty of headroom");
    assertThat(Verdict.WONT_FIT.headline()).isEqualTo("Won't fit");
    assertThat(Verdict.TIGHT.fits()).isTrue();
    assertThat(Verdict.WONT_FIT.fits()).isFalse();
  }
}
