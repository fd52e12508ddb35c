package dev.headroom;

import static dev.headroom.TestModels.typeOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** llama-quantize's per-tensor choices (llama.cpp src/llama-quant.cpp, as shared/reference/llama-quant-rules.md). */
final class QuantizationRulesTest {

  /** The reference's table: for 28 layers, layers 0–2, 5, 8, …, 20, 23–27 get more bits. */
  @Test
  void useMoreBits_isTheFirstAndLastEighthAndEveryThirdBetween() {
    List<Integer> layers = new ArrayList<>();
    IntStream.range(0, 28).filter(i -> QuantizationRules.useMoreBits(i, 28)).forEach(layers::add);
    assertThat(layers).containsExactly(0, 1, 2, 5, 8, 11, 14, 17, 20, 23, 24, 25, 26, 27);
    for (int n : new int[] {16, 24, 32, 36, 48, 64, 80}) {
      int count = n;
      assertThat(IntStream.range(0, n).filter(i -> QuantizationRules.useMoreBits(i, count)).count()).isEqualTo(n / 2);
    }
  }

  @Test
  void q4KM_givesHalfOfAttnVAndFfnDownQ6K_andTheOutputQ6K() {
    ModelSpec r1 = TestModels.r1DistillQwen15b();
    assertThat(typeOf(r1, LlamaFileType.Q4_K_M, "blk.0.attn_v.weight")).isEqualTo(GgmlType.Q6_K);
    assertThat(typeOf(r1, LlamaFileType.Q4_K_M, "blk.3.attn_v.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(r1, LlamaFileType.Q4_K_M, "blk.5.ffn_down.weight")).isEqualTo(GgmlType.Q6_K);
    assertThat(typeOf(r1, LlamaFileType.Q4_K_M, "blk.5.ffn_gate.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(r1, LlamaFileType.Q4_K_M, "output.weight")).isEqualTo(GgmlType.Q6_K);
    assertThat(typeOf(r1, LlamaFileType.Q4_K_M, "token_embd.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(r1, LlamaFileType.Q4_K_M, "blk.0.attn_q.bias")).isEqualTo(GgmlType.F32);
  }

  /**
   * llama-quantize counts every block the file holds, 93 for GLM-4.5 ({@code n_layer_all}; a MoE ffn_down of block
   * 92 would otherwise be refused as a bad layer): the last eighth begins at 7 × 93 / 8 = 81, so block 80 is not in
   * it and (80 − 11) % 3 ≠ 2 keeps its ffn_down and attn_v at Q4_K. No rule names the NextN layer's own matrices
   * ({@code nextn.embed_tokens} is not {@code token_embd}): they take the file type's default.
   */
  @Test
  void glm45_countsItsNextnLayer_whoseOwnMatricesTakeTheDefaultType() {
    ModelSpec glm = TestModels.glm45();
    LlamaFileType ft = LlamaFileType.Q4_K_M;
    assertThat(typeOf(glm, ft, "blk.80.ffn_down_exps.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(glm, ft, "blk.80.ffn_down_shexp.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(glm, ft, "blk.80.attn_v.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(glm, ft, "blk.81.ffn_down_exps.weight")).isEqualTo(GgmlType.Q6_K);
    assertThat(typeOf(glm, ft, "blk.92.ffn_down_exps.weight")).isEqualTo(GgmlType.Q6_K);
    assertThat(typeOf(glm, ft, "blk.92.nextn.eh_proj.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(glm, ft, "blk.92.nextn.embed_tokens.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(glm, ft, "blk.92.nextn.shared_head_head.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(glm, ft, "blk.92.nextn.enorm.weight")).isEqualTo(GgmlType.F32);
    assertThat(typeOf(glm, ft, "output.weight")).isEqualTo(GgmlType.Q6_K);
  }

  /** Tied embeddings take the output rule; Qwen2.5-0.5B's 896-wide rows are not whole Q6_K blocks, so Q8_0. */
  @Test
  void tiedEmbeddings_takeTheOutputRule_andRowsThatDoNotFitFallBack() {
    assertThat(typeOf(TestModels.gemma2_2b(), LlamaFileType.Q4_K_M, "token_embd.weight")).isEqualTo(GgmlType.Q6_K);
    ModelSpec small = TestModels.qwen25half();
    assertThat(typeOf(small, LlamaFileType.Q4_K_M, "token_embd.weight")).isEqualTo(GgmlType.Q8_0);
    assertThat(typeOf(small, LlamaFileType.Q4_K_M, "blk.3.attn_q.weight")).isEqualTo(GgmlType.Q5_0);
    assertThat(typeOf(small, LlamaFileType.Q5_K_M, "blk.3.ffn_gate.weight")).isEqualTo(GgmlType.Q5_1);
    assertThat(typeOf(small, LlamaFileType.Q2_K, "blk.3.ffn_gate.weight")).isEqualTo(GgmlType.IQ4_NL);
    assertThat(QuantizationRules.fallback(GgmlType.Q6_K, 96)).isEqualTo(GgmlType.Q8_0);
    assertThat(QuantizationRules.fallback(GgmlType.Q4_K, 20)).isEqualTo(GgmlType.F16);
  }

  @Test
  void veryLowBitTypes_protectAttnVAndEmbeddings() {
    ModelSpec llama = TestModels.llama31_8b();
    assertThat(typeOf(llama, LlamaFileType.IQ2_XXS, "blk.9.attn_v.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(llama, LlamaFileType.IQ2_XXS, "token_embd.weight")).isEqualTo(GgmlType.Q2_K);
    assertThat(typeOf(llama, LlamaFileType.IQ2_XXS, "output.weight")).isEqualTo(GgmlType.Q5_K);
    assertThat(typeOf(llama, LlamaFileType.IQ2_XXS, "blk.0.ffn_down.weight")).isEqualTo(GgmlType.Q2_K);
    assertThat(typeOf(llama, LlamaFileType.IQ2_XXS, "blk.9.ffn_down.weight")).isEqualTo(GgmlType.IQ2_XXS);
    assertThat(typeOf(llama, LlamaFileType.IQ3_XS, "blk.9.attn_q.weight")).isEqualTo(GgmlType.IQ3_XXS);
  }

  /** Eight experts (Mixtral): attn_v and attn_k at Q8_0, attn_output at Q5_K. */
  @Test
  void eightExperts_raiseAttention() {
    ModelSpec mixtral = TestModels.mixtral8x7b();
    assertThat(typeOf(mixtral, LlamaFileType.Q4_K_M, "blk.4.attn_v.weight")).isEqualTo(GgmlType.Q8_0);
    assertThat(typeOf(mixtral, LlamaFileType.Q4_K_M, "blk.4.attn_k.weight")).isEqualTo(GgmlType.Q8_0);
    assertThat(typeOf(mixtral, LlamaFileType.Q4_K_M, "blk.4.attn_output.weight")).isEqualTo(GgmlType.Q5_K);
  }

  /** The 70B rule: an 80-layer GQA llama moves Q4_K attn_v to Q5_K. */
  @Test
  void llama70b_raisesAttnV() {
    ModelSpec llama70 = TestModels.llama31_70b();
    assertThat(typeOf(llama70, LlamaFileType.Q4_K_M, "blk.11.attn_v.weight")).isEqualTo(GgmlType.Q5_K);
    assertThat(typeOf(llama70, LlamaFileType.Q4_K_M, "blk.12.attn_v.weight")).isEqualTo(GgmlType.Q6_K);
  }

  /** gpt-oss keeps MXFP4 experts in every file type; MXFP4_MOE puts the rest at Q8_0. */
  @Test
  void mxfp4_expertsAndTheRest() {
    ModelSpec oss = TestModels.gptOss20b();
    assertThat(typeOf(oss, LlamaFileType.MXFP4_MOE, "blk.0.ffn_up_exps.weight")).isEqualTo(GgmlType.MXFP4);
    assertThat(typeOf(oss, LlamaFileType.MXFP4_MOE, "blk.0.attn_q.weight")).isEqualTo(GgmlType.Q8_0);
    assertThat(typeOf(oss, LlamaFileType.Q4_K_M, "blk.0.ffn_up_exps.weight")).isEqualTo(GgmlType.MXFP4);
    assertThat(typeOf(oss, LlamaFileType.Q4_K_M, "output.weight")).isEqualTo(GgmlType.Q8_0);
    long q4 = Estimator.of(oss).quant(Quantization.Q4_K_M).weights().bytes();
    long q8 = Estimator.of(oss).quant(Quantization.Q8_0).weights().bytes();
    assertThat(q4).isBetween(11_000_000_000L, 12_200_000_000L);
    assertThat(q8).isBetween(q4, 12_200_000_000L);
  }

  /** Found by fuzzing the config reader: rows that are not whole MXFP4 blocks made every estimate throw. */
  @Test
  void mxfp4_rowsOfPartialBlocks_fallBackToF16() {
    ModelSpec odd = ModelSpec.builder("gpt-oss-odd").arch("gpt-oss").layers(2).hiddenSize(2879).heads(64, 8)
        .headDim(64).ffnSize(2880).vocabSize(1000).contextLength(4096)
        .moe(new MixtureOfExperts(32, 4, 0, 2880, 0, 0)).build();
    assertThat(typeOf(odd, LlamaFileType.Q4_K_M, "blk.0.ffn_up_exps.weight")).isEqualTo(GgmlType.F16);
    assertThat(Estimator.of(odd).vram().weights().bytes()).isPositive();
  }
}
