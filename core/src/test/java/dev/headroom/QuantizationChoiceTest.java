package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

final class QuantizationChoiceTest {
  private static final ModelSpec LLAMA_8B = TestModels.llama31_8b();

  private static Hardware gpu(long gib) {
    return Hardware.gpu(gib + " GiB", Vendor.NVIDIA, Bytes.ofGibibytes(gib), 500);
  }

  /** Llama-3.1-8B at 2,048 tokens: Q4_K_M ≈ 5.7 GB and Q8_0 ≈ 9.3 GB in total. */
  @Test
  void bestBalance_isQ4KM_whenItFits_andStepsDownOtherwise() {
    Estimator e = Estimator.of(LLAMA_8B);
    assertThat(e.bestQuantization(gpu(24), QuantizationChoice.BEST_BALANCE)).contains(Quantization.Q4_K_M);
    assertThat(e.bestQuantization(gpu(24), QuantizationChoice.HIGHEST_QUALITY)).contains(Quantization.Q8_0);
    Optional<Quantization> small = e.bestQuantization(gpu(4), QuantizationChoice.BEST_BALANCE);
    assertThat(small).isPresent();
    assertThat(small.get().bitsPerWeight()).isLessThan(Quantization.Q4_K_M.bitsPerWeight());
    assertThat(e.quant(small.get()).fit(gpu(4)).verdict().fits()).isTrue();
    assertThat(e.bestQuantization(gpu(1), QuantizationChoice.HIGHEST_QUALITY)).isEmpty();
  }

  @Test
  void candidates_areTheSeedsTen_fewestBitsFirst() {
    assertThat(QuantizationChoice.CANDIDATES).hasSize(10).first().isEqualTo(Quantization.IQ2_XXS);
    assertThat(QuantizationChoice.CANDIDATES).last().isEqualTo(Quantization.Q8_0);
    assertThat(QuantizationChoice.BEST_BALANCE.order()).first().isEqualTo(Quantization.Q4_K_M);
    assertThat(QuantizationChoice.HIGHEST_QUALITY.order()).first().isEqualTo(Quantization.Q8_0);
  }
}
