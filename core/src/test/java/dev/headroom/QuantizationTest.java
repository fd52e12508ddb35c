package dev.headroom;

import static dev.headroom.Quantization.Q4_K_M;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class QuantizationTest {

  @Test
  void values_coverEveryLlamaCppFileType_andTheCommonOtherFormats() {
    assertThat(Quantization.values()).extracting(Quantization::name).contains(
        "F32", "F16", "BF16", "Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0", "Q2_K", "Q2_K_S", "Q3_K_S", "Q3_K_M",
        "Q3_K_L", "Q4_K_S", "Q4_K_M", "Q5_K_S", "Q5_K_M", "Q6_K", "IQ1_S", "IQ1_M", "IQ2_XXS", "IQ2_XS", "IQ2_S",
        "IQ2_M", "IQ3_XXS", "IQ3_XS", "IQ3_S", "IQ3_M", "IQ4_NL", "IQ4_XS", "TQ1_0", "TQ2_0", "MXFP4_MOE",
        "FP8", "INT8", "AWQ-4bit-g128", "GPTQ-4bit-g128", "NF4", "MLX-4bit", "MLX-8bit", "MXFP4", "NVFP4");
    assertThat(Quantization.ggufValues()).hasSize(33).allMatch(Quantization::isGguf);
  }

  /** The seed page's bits (checked cell by cell in SeedReproductionTest) cite the seed, with its quality note. */
  @Test
  void seedValues_citeTheSeed() {
    for (Quantization q : QuantizationChoice.CANDIDATES) {
      assertThat(q.bitsPerWeightSource()).as(q.name()).contains("seed");
    }
    assertThat(Q4_K_M.quality()).isEqualTo("4-bit medium quantization — most popular sweet spot");
  }

  @Test
  void everyNamedQuantization_hasSourcedBitsAndQuality() {
    for (Quantization q : Quantization.values()) {
      assertThat(q.bitsPerWeight()).as(q.name()).isBetween(1.0, 32.0);
      assertThat(q.bitsPerWeightSource()).as(q.name()).isNotBlank();
      assertThat(q.quality()).as(q.name()).isNotBlank();
      assertThat(q.qualitySource()).as(q.name()).isNotBlank();
      assertThat(q.isGguf()).isEqualTo(q.defaultTensorType().isPresent());
      assertThat(q.isGguf()).isEqualTo(q.llamaFileTypeId().isPresent());
    }
  }

  @Test
  void defaultTensorType_followsLlamaCpp() {
    assertThat(Q4_K_M.defaultTensorType()).contains(GgmlType.Q4_K);
    assertThat(Quantization.IQ3_XS.defaultTensorType()).contains(GgmlType.IQ3_S);
    assertThat(Quantization.IQ2_M.defaultTensorType()).contains(GgmlType.IQ2_S);
    assertThat(Quantization.IQ2_S.defaultTensorType()).contains(GgmlType.IQ2_XS);
    assertThat(Quantization.MXFP4_MOE.defaultTensorType()).contains(GgmlType.MXFP4);
    assertThat(Q4_K_M.llamaFileTypeId()).hasValue(15);
    assertThat(Quantization.FP8.defaultTensorType()).isEmpty();
  }

  @Test
  void parse_acceptsNamesAliasesAndParametricForms() {
    assertThat(Quantization.parse("q4_k_m")).isSameAs(Q4_K_M);
    assertThat(Quantization.parse("Q4_K")).isSameAs(Q4_K_M);
    assertThat(Quantization.parse("fp16")).isSameAs(Quantization.F16);
    assertThat(Quantization.parse("mlx-4bit")).isSameAs(Quantization.MLX_4BIT);
    assertThat(Quantization.parse("MLX_8BIT")).isSameAs(Quantization.MLX_8BIT);
    assertThat(Quantization.parse("4.65bpw")).isEqualTo(Quantization.ofBitsPerWeight(4.65));
    assertThat(Quantization.parse("EXL2-4.65bpw").bitsPerWeight()).isEqualTo(4.65);
    assertThat(Quantization.parse("AWQ-4bit-g64")).isEqualTo(Quantization.awq(4, 64));
    assertThat(Quantization.parse("gptq-8bit-g32").bitsPerWeight()).isEqualTo(8 + 24.0 / 32);
  }

  @Test
  void parse_unknownName_listsTheAcceptedNames() {
    assertThatThrownBy(() -> Quantization.parse("Q4_K_X")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Q4_K_X'").hasMessageContaining("Q4_K_M").hasMessageContaining("IQ2_XXS")
        .hasMessageContaining("<bits>bpw");
    assertThatThrownBy(() -> Quantization.parse(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("name");
  }

  @Test
  void parametricFactories_validate() {
    assertThat(Quantization.awq(4, 128).bitsPerWeight()).isEqualTo(4 + 20.0 / 128);
    assertThat(Quantization.ofBitsPerWeight(4.65)).hasToString("4.65bpw");
    assertThatThrownBy(() -> Quantization.ofBitsPerWeight(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> Quantization.ofBitsPerWeight(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(0, 32]");
    assertThatThrownBy(() -> Quantization.ofBitsPerWeight(33)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Quantization.awq(1, 128)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bits");
    assertThatThrownBy(() -> Quantization.gptq(4, 7)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("groupSize");
  }

  @Test
  void nonGgufFormats_quantizeEmbeddingsOnlyForMlx() {
    assertThat(Quantization.MLX_4BIT.quantizesEmbeddings()).isTrue();
    assertThat(Quantization.AWQ_INT4.quantizesEmbeddings()).isFalse();
    assertThat(Quantization.FP8.quantizesEmbeddings()).isFalse();
  }

  @Test
  void equality_isByNameAndBits() {
    assertThat(Quantization.ofBitsPerWeight(5)).isEqualTo(Quantization.ofBitsPerWeight(5.0))
        .hasSameHashCodeAs(Quantization.ofBitsPerWeight(5.0));
    assertThat(Quantization.ofBitsPerWeight(5)).isNotEqualTo(Quantization.ofBitsPerWeight(5.5));
  }

  @Test
  void parse_unknownName_listsTheNamesCommaSeparated() {
    assertThatThrownBy(() -> Quantization.parse("Q9_K"))
        .hasMessageStartingWith("'Q9_K' is not a known quantization; expected one of F32, F16, BF16, ");
  }

  @Test
  void hashCode_separatesDifferentQuantizations() {
    assertThat(Quantization.Q4_K_M.hashCode())
        .isNotEqualTo(Quantization.Q8_0.hashCode());
  }
}
