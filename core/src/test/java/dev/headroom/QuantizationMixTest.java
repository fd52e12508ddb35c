package dev.headroom;

import static dev.headroom.TestModels.typeOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * llama-quantize's per-tensor mix, section by section of the reference (shared/reference/llama-quant-rules.md,
 * read from llama.cpp's src/llama-quant.cpp @ 8784689): each expected type is the reference table's entry for
 * that file type and tensor, on real architectures chosen to reach each branch (grouped-query attention or not,
 * 8 or 128 experts, Falcon, fused QKV).
 */
final class QuantizationMixTest {
  /** meta-llama/Llama-2-7b: 32 layers, no grouped-query attention (GQA 1). */
  private static final ModelSpec LLAMA2_7B = ModelSpec.builder("llama-2-7b").arch("llama").layers(32)
      .hiddenSize(4096).heads(32, 32).ffnSize(11008).vocabSize(32000).contextLength(4096).build();
  /** meta-llama/Llama-3.1-8B: GQA 4. */
  private static final ModelSpec LLAMA31_8B = TestModels.llama31_8b();
  /** mistralai/Mixtral-8x7B: 8 experts. */
  private static final ModelSpec MIXTRAL = TestModels.mixtral8x7b();
  /** tiiuae/falcon-40b: 60 layers, fused QKV. */
  private static final ModelSpec FALCON_40B = ModelSpec.builder("falcon-40b").arch("falcon").layers(60)
      .hiddenSize(8192).heads(128, 8).ffnSize(32768).vocabSize(65024).contextLength(2048).build();
  /** microsoft/Phi-3-mini-4k-instruct: fused QKV, 32 layers, GQA 1. */
  private static final ModelSpec PHI3_MINI = TestModels.phi3Mini();
  /** LLaMA-1 65B: 80 layers but no grouped-query attention, so not llama.cpp's 70B class. */
  private static final ModelSpec LLAMA1_65B = ModelSpec.builder("llama-65b").arch("llama").layers(80)
      .hiddenSize(8192).heads(64, 64).ffnSize(22016).vocabSize(32000).contextLength(2048).build();

  private static GgmlType v(ModelSpec m, LlamaFileType ft, int layer) {
    return typeOf(m, ft, "blk." + layer + ".attn_v.weight");
  }

  private static GgmlType down(ModelSpec m, LlamaFileType ft, int layer) {
    return typeOf(m, ft, "blk." + layer + ".ffn_down.weight");
  }

  private static GgmlType out(ModelSpec m, LlamaFileType ft, int layer) {
    return typeOf(m, ft, "blk." + layer + ".attn_output.weight");
  }

  /** 3a: the output head. */
  @Test
  void outputHead_q6kExceptVeryLowBitQ8AndFalcon() {
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.IQ3_XXS, "output.weight")).isEqualTo(GgmlType.Q5_K);
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.IQ1_M, "output.weight")).isEqualTo(GgmlType.Q5_K);
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.Q8_0, "output.weight")).isEqualTo(GgmlType.Q8_0);
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.Q3_K_S, "output.weight")).isEqualTo(GgmlType.Q6_K);
    assertThat(typeOf(FALCON_40B, LlamaFileType.Q4_K_M, "output.weight")).isEqualTo(GgmlType.Q8_0);
  }

  /** 3b: untied token embeddings. */
  @Test
  void tokenEmbeddings_untied() {
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.IQ1_M, "token_embd.weight")).isEqualTo(GgmlType.Q2_K);
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.IQ2_S, "token_embd.weight")).isEqualTo(GgmlType.IQ3_S);
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.IQ3_XXS, "token_embd.weight")).isEqualTo(GgmlType.IQ3_S);
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.TQ1_0, "token_embd.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.Q4_0, "token_embd.weight")).isEqualTo(GgmlType.Q4_0);
  }

  /** 3d: the very-low-bit IQ family. */
  @Test
  void veryLowBit_attnVFfnDownAttnOutputAndAttnK() {
    assertThat(v(LLAMA2_7B, LlamaFileType.IQ2_XXS, 5)).as("GQA 1").isEqualTo(GgmlType.Q2_K);
    assertThat(v(LLAMA2_7B, LlamaFileType.IQ2_M, 5)).isEqualTo(GgmlType.IQ3_S);
    assertThat(v(TestModels.qwen3_30b_a3b(), LlamaFileType.IQ2_XS, 5)).as("128 experts").isEqualTo(GgmlType.Q4_K);
    assertThat(down(LLAMA2_7B, LlamaFileType.IQ2_S, 3)).as("first n/8").isEqualTo(GgmlType.IQ3_S);
    assertThat(down(LLAMA2_7B, LlamaFileType.IQ2_S, 4)).isEqualTo(GgmlType.IQ2_XS);
    assertThat(out(LLAMA2_7B, LlamaFileType.IQ1_S, 5)).isEqualTo(GgmlType.IQ2_XXS);
    assertThat(out(LLAMA2_7B, LlamaFileType.IQ2_M, 5)).isEqualTo(GgmlType.IQ3_S);
    assertThat(out(LLAMA2_7B, LlamaFileType.IQ2_XXS, 5)).isEqualTo(GgmlType.IQ2_XXS);
    assertThat(out(MIXTRAL, LlamaFileType.IQ2_XXS, 5)).isEqualTo(GgmlType.Q5_K);
    assertThat(typeOf(MIXTRAL, LlamaFileType.IQ2_XXS, "blk.5.attn_k.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.IQ2_XXS, "blk.5.attn_k.weight")).isEqualTo(GgmlType.IQ2_XXS);
    assertThat(typeOf(PHI3_MINI, LlamaFileType.IQ2_XXS, "blk.5.attn_qkv.weight")).isEqualTo(GgmlType.IQ2_XXS);
  }

  /** 3e: attn_v for every other file type, with grouped-query attention (GQA 4) and without (GQA 1). */
  @Test
  void attnV_perFileType() {
    assertThat(v(LLAMA31_8B, LlamaFileType.Q2_K, 9)).isEqualTo(GgmlType.Q4_K);
    assertThat(v(LLAMA2_7B, LlamaFileType.Q2_K, 9)).isEqualTo(GgmlType.Q3_K);
    assertThat(v(LLAMA31_8B, LlamaFileType.Q2_K_S, 9)).isEqualTo(GgmlType.Q4_K);
    assertThat(v(LLAMA2_7B, LlamaFileType.Q2_K_S, 9)).isEqualTo(GgmlType.Q2_K);
    assertThat(v(LLAMA31_8B, LlamaFileType.IQ3_XXS, 9)).isEqualTo(GgmlType.Q4_K);
    assertThat(v(LLAMA2_7B, LlamaFileType.IQ3_XXS, 9)).as("with an imatrix").isEqualTo(GgmlType.IQ3_XXS);
    assertThat(v(LLAMA31_8B, LlamaFileType.IQ3_XS, 9)).isEqualTo(GgmlType.Q4_K);
    assertThat(v(LLAMA2_7B, LlamaFileType.IQ3_S, 9)).isEqualTo(GgmlType.IQ3_S);
    assertThat(v(LLAMA2_7B, LlamaFileType.IQ3_M, 9)).isEqualTo(GgmlType.Q4_K);
    assertThat(v(LLAMA31_8B, LlamaFileType.Q3_K_M, 0)).isEqualTo(GgmlType.Q5_K);
    assertThat(v(LLAMA31_8B, LlamaFileType.Q3_K_M, 1)).isEqualTo(GgmlType.Q5_K);
    assertThat(v(LLAMA31_8B, LlamaFileType.Q3_K_M, 2)).isEqualTo(GgmlType.Q4_K);
    assertThat(v(LLAMA2_7B, LlamaFileType.Q3_K_L, 9)).isEqualTo(GgmlType.Q5_K);
    assertThat(v(LLAMA31_8B, LlamaFileType.IQ4_XS, 9)).isEqualTo(GgmlType.Q5_K);
    assertThat(v(LLAMA2_7B, LlamaFileType.IQ4_NL, 9)).isEqualTo(GgmlType.IQ4_NL);
    assertThat(v(LLAMA31_8B, LlamaFileType.Q5_K_M, 3)).isEqualTo(GgmlType.Q6_K);
    assertThat(v(LLAMA31_8B, LlamaFileType.Q5_K_M, 4)).isEqualTo(GgmlType.Q5_K);
    assertThat(v(LLAMA31_8B, LlamaFileType.Q5_K_M, 6)).isEqualTo(GgmlType.Q6_K);
    assertThat(v(LLAMA31_8B, LlamaFileType.Q5_K_M, 28)).isEqualTo(GgmlType.Q6_K);
    assertThat(v(LLAMA31_8B, LlamaFileType.Q4_K_S, 3)).isEqualTo(GgmlType.Q5_K);
    assertThat(v(LLAMA31_8B, LlamaFileType.Q4_K_S, 4)).isEqualTo(GgmlType.Q4_K);
    assertThat(v(LLAMA31_8B, LlamaFileType.Q3_K_S, 0)).isEqualTo(GgmlType.Q3_K);
  }

  /** 3e, the two overrides: the 70B class needs 80 layers and grouped-query attention; 8 experts give Q8_0. */
  @Test
  void attnV_70bClassAndEightExperts() {
    assertThat(v(TestModels.llama31_70b(), LlamaFileType.Q3_K_M, 5)).isEqualTo(GgmlType.Q5_K);
    assertThat(v(TestModels.llama31_70b(), LlamaFileType.Q2_K, 5)).isEqualTo(GgmlType.Q5_K);
    assertThat(v(LLAMA1_65B, LlamaFileType.Q3_K_M, 5)).isEqualTo(GgmlType.Q4_K);
    assertThat(v(LLAMA1_65B, LlamaFileType.Q4_K_M, 11)).isEqualTo(GgmlType.Q4_K);
    assertThat(v(MIXTRAL, LlamaFileType.Q2_K, 9)).isEqualTo(GgmlType.Q8_0);
  }

  /** 3f: attn_k and attn_q. */
  @Test
  void attnKAndQ() {
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.IQ3_XXS, "blk.5.attn_k.weight")).isEqualTo(GgmlType.IQ2_S);
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.IQ3_XS, "blk.5.attn_k.weight")).isEqualTo(GgmlType.IQ3_XXS);
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.IQ3_XXS, "blk.5.attn_q.weight")).isEqualTo(GgmlType.IQ2_S);
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.Q3_K_M, "blk.5.attn_k.weight")).isEqualTo(GgmlType.Q3_K);
  }

  /** 3g: ffn_down, dense (32 layers: n/8 = 4, n/16 = 2, more bits on 0–3, 6, 9, …, 27, 28–31). */
  @Test
  void ffnDown_dense() {
    assertThat(down(LLAMA31_8B, LlamaFileType.Q2_K, 17)).isEqualTo(GgmlType.Q3_K);
    assertThat(down(LLAMA31_8B, LlamaFileType.Q2_K_S, 3)).isEqualTo(GgmlType.Q4_K);
    assertThat(down(LLAMA31_8B, LlamaFileType.Q2_K_S, 4)).isEqualTo(GgmlType.Q2_K);
    assertThat(down(LLAMA31_8B, LlamaFileType.Q3_K_M, 1)).isEqualTo(GgmlType.Q5_K);
    assertThat(down(LLAMA31_8B, LlamaFileType.Q3_K_M, 2)).isEqualTo(GgmlType.Q4_K);
    assertThat(down(LLAMA31_8B, LlamaFileType.Q3_K_M, 7)).isEqualTo(GgmlType.Q4_K);
    assertThat(down(LLAMA31_8B, LlamaFileType.IQ3_M, 3)).isEqualTo(GgmlType.Q4_K);
    assertThat(down(LLAMA31_8B, LlamaFileType.IQ3_M, 4)).isEqualTo(GgmlType.IQ3_S);
    assertThat(down(LLAMA31_8B, LlamaFileType.Q3_K_L, 17)).isEqualTo(GgmlType.Q5_K);
    assertThat(down(LLAMA31_8B, LlamaFileType.Q4_K_M, 6)).isEqualTo(GgmlType.Q6_K);
    assertThat(down(LLAMA31_8B, LlamaFileType.Q4_K_M, 7)).isEqualTo(GgmlType.Q4_K);
    assertThat(down(LLAMA31_8B, LlamaFileType.Q5_K_M, 31)).isEqualTo(GgmlType.Q6_K);
    assertThat(down(LLAMA31_8B, LlamaFileType.Q5_K_M, 7)).isEqualTo(GgmlType.Q5_K);
    assertThat(down(LLAMA31_8B, LlamaFileType.Q4_K_S, 3)).isEqualTo(GgmlType.Q5_K);
    assertThat(down(LLAMA31_8B, LlamaFileType.Q4_K_S, 4)).isEqualTo(GgmlType.Q4_K);
    assertThat(down(LLAMA31_8B, LlamaFileType.Q4_0, 3)).as("with an imatrix").isEqualTo(GgmlType.Q4_1);
    assertThat(down(LLAMA31_8B, LlamaFileType.Q4_0, 4)).isEqualTo(GgmlType.Q4_0);
    assertThat(down(LLAMA31_8B, LlamaFileType.Q5_0, 3)).isEqualTo(GgmlType.Q5_1);
    assertThat(down(LLAMA31_8B, LlamaFileType.Q5_0, 4)).isEqualTo(GgmlType.Q5_0);
    assertThat(down(LLAMA31_8B, LlamaFileType.Q6_K, 0)).isEqualTo(GgmlType.Q6_K);
  }

  /** 3g for MoE models: the layer index comes from the name (48 layers: more bits on 0–5, 8, 11, …, 41, 42–47). */
  @Test
  void ffnDown_moeUsesTheLayerOfTheName() {
    ModelSpec qwen3moe = TestModels.qwen3_30b_a3b();
    assertThat(typeOf(qwen3moe, LlamaFileType.Q4_K_M, "blk.8.ffn_down_exps.weight")).isEqualTo(GgmlType.Q6_K);
    assertThat(typeOf(qwen3moe, LlamaFileType.Q4_K_M, "blk.7.ffn_down_exps.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(qwen3moe, LlamaFileType.Q4_K_M, "blk.42.ffn_down_exps.weight")).isEqualTo(GgmlType.Q6_K);
    assertThat(typeOf(MIXTRAL, LlamaFileType.IQ3_M, "blk.6.ffn_down_exps.weight")).as("8 experts, more bits")
        .isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(MIXTRAL, LlamaFileType.IQ3_M, "blk.7.ffn_down_exps.weight")).isEqualTo(GgmlType.IQ3_S);
  }

  /** 3g, 3h and 3i on Falcon (60 layers: n/16 = 3, more bits on 0–6, 9, 12, …, 51, 52–59). */
  @Test
  void falcon_ffnDownAttnOutputAndFusedQkv() {
    assertThat(typeOf(FALCON_40B, LlamaFileType.Q4_K_M, "blk.2.ffn_down.weight")).isEqualTo(GgmlType.Q6_K);
    assertThat(typeOf(FALCON_40B, LlamaFileType.Q4_K_M, "blk.5.ffn_down.weight")).isEqualTo(GgmlType.Q5_K);
    assertThat(typeOf(FALCON_40B, LlamaFileType.Q4_K_M, "blk.10.ffn_down.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(FALCON_40B, LlamaFileType.Q3_K_M, "blk.9.ffn_down.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(FALCON_40B, LlamaFileType.Q3_K_M, "blk.10.ffn_down.weight")).isEqualTo(GgmlType.Q3_K);
    assertThat(typeOf(FALCON_40B, LlamaFileType.Q3_K_L, "blk.10.ffn_down.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(FALCON_40B, LlamaFileType.Q4_K_S, "blk.0.ffn_down.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(out(FALCON_40B, LlamaFileType.Q3_K_L, 10)).isEqualTo(GgmlType.Q4_K);
    assertThat(out(FALCON_40B, LlamaFileType.Q3_K_M, 10)).isEqualTo(GgmlType.Q3_K);
    assertThat(typeOf(FALCON_40B, LlamaFileType.Q4_K_M, "blk.10.attn_qkv.weight")).isEqualTo(GgmlType.Q5_K);
  }

  /** 3h: attn_output, without experts and with eight. */
  @Test
  void attnOutput() {
    assertThat(out(LLAMA31_8B, LlamaFileType.Q2_K, 5)).isEqualTo(GgmlType.Q3_K);
    assertThat(out(LLAMA31_8B, LlamaFileType.IQ3_XXS, 5)).isEqualTo(GgmlType.IQ3_S);
    assertThat(out(LLAMA31_8B, LlamaFileType.Q3_K_M, 5)).isEqualTo(GgmlType.Q4_K);
    assertThat(out(LLAMA31_8B, LlamaFileType.IQ3_M, 5)).isEqualTo(GgmlType.Q4_K);
    assertThat(out(LLAMA31_8B, LlamaFileType.Q3_K_L, 5)).isEqualTo(GgmlType.Q5_K);
    assertThat(out(LLAMA31_8B, LlamaFileType.Q4_K_M, 5)).isEqualTo(GgmlType.Q4_K);
    assertThat(out(MIXTRAL, LlamaFileType.Q3_K_S, 5)).isEqualTo(GgmlType.Q5_K);
    assertThat(out(MIXTRAL, LlamaFileType.IQ4_XS, 5)).isEqualTo(GgmlType.Q5_K);
    assertThat(out(MIXTRAL, LlamaFileType.Q5_K_M, 5)).isEqualTo(GgmlType.Q5_K);
    assertThat(out(MIXTRAL, LlamaFileType.Q6_K, 5)).isEqualTo(GgmlType.Q6_K);
  }

  /** 3i (older code): fused QKV on Phi-3. */
  @Test
  void attnQkv_fused() {
    assertThat(typeOf(PHI3_MINI, LlamaFileType.Q3_K_M, "blk.5.attn_qkv.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(PHI3_MINI, LlamaFileType.Q3_K_L, "blk.5.attn_qkv.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(PHI3_MINI, LlamaFileType.IQ3_M, "blk.5.attn_qkv.weight")).isEqualTo(GgmlType.Q4_K);
    assertThat(typeOf(PHI3_MINI, LlamaFileType.Q4_K_M, "blk.5.attn_qkv.weight")).isEqualTo(GgmlType.Q5_K);
    assertThat(typeOf(PHI3_MINI, LlamaFileType.Q5_K_M, "blk.5.attn_qkv.weight")).isEqualTo(GgmlType.Q6_K);
    assertThat(typeOf(PHI3_MINI, LlamaFileType.Q6_K, "blk.5.attn_qkv.weight")).isEqualTo(GgmlType.Q6_K);
  }

  /** 3j: IQ3_XS takes ffn_gate and ffn_up down to IQ3_XXS in the middle layers (4 ≤ i < 28 of 32). */
  @Test
  void ffnGateAndUp_iq3xsMiddleLayers() {
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.IQ3_XS, "blk.3.ffn_gate.weight")).isEqualTo(GgmlType.IQ3_S);
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.IQ3_XS, "blk.4.ffn_gate.weight")).isEqualTo(GgmlType.IQ3_XXS);
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.IQ3_XS, "blk.27.ffn_up.weight")).isEqualTo(GgmlType.IQ3_XXS);
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.IQ3_XS, "blk.28.ffn_up.weight")).isEqualTo(GgmlType.IQ3_S);
    assertThat(typeOf(LLAMA31_8B, LlamaFileType.Q4_K_M, "blk.4.ffn_gate.weight")).isEqualTo(GgmlType.Q4_K);
  }

  /** 3c on a model that is not gpt-oss: in an MXFP4_MOE file the 3-D experts are MXFP4, the rest Q8_0. */
  @Test
  void mxfp4MoeFile_ofAnotherMoe() {
    ModelSpec qwen3moe = TestModels.qwen3_30b_a3b();
    assertThat(typeOf(qwen3moe, LlamaFileType.MXFP4_MOE, "blk.3.ffn_up_exps.weight")).isEqualTo(GgmlType.MXFP4);
    assertThat(typeOf(qwen3moe, LlamaFileType.MXFP4_MOE, "blk.3.attn_q.weight")).isEqualTo(GgmlType.Q8_0);
    assertThat(typeOf(qwen3moe, LlamaFileType.MXFP4_MOE, "token_embd.weight")).isEqualTo(GgmlType.Q8_0);
  }

  /**
   * 3g for an MoE with leading dense layers and a shared expert (DeepSeek-V3, 61 layers: more bits on 0–6, 9, 12,
   * …, 51, 53–60): every ffn_down, routed, shared or dense, takes its layer from its name, not a running count.
   */
  @Test
  void ffnDown_deepseekV3_layerFromTheName() {
    ModelSpec v3 = TestModels.deepseekV3();
    for (int layer : new int[] {9, 12, 51}) {
      assertThat(typeOf(v3, LlamaFileType.Q4_K_M, "blk." + layer + ".ffn_down_exps.weight")).isEqualTo(GgmlType.Q6_K);
      assertThat(typeOf(v3, LlamaFileType.Q4_K_M, "blk." + layer + ".ffn_down_shexp.weight"))
          .isEqualTo(GgmlType.Q6_K);
    }
    for (int layer : new int[] {10, 11, 13, 52}) {
      assertThat(typeOf(v3, LlamaFileType.Q4_K_M, "blk." + layer + ".ffn_down_exps.weight")).isEqualTo(GgmlType.Q4_K);
      assertThat(typeOf(v3, LlamaFileType.Q4_K_M, "blk." + layer + ".ffn_down_shexp.weight"))
          .isEqualTo(GgmlType.Q4_K);
    }
    assertThat(down(v3, LlamaFileType.Q4_K_M, 2)).isEqualTo(GgmlType.Q6_K);
  }

  /** Falcon's Q4_K_M ffn_down: Q6_K below n/16 = 3 only; layer 3 is a more-bits layer, so Q5_K. */
  @Test
  void falcon_ffnDown_firstSixteenthBoundary() {
    assertThat(typeOf(FALCON_40B, LlamaFileType.Q4_K_M, "blk.3.ffn_down.weight")).isEqualTo(GgmlType.Q5_K);
  }
}
