package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tensors llama.cpp writes, per architecture: counts and parameter totals of real models (Hugging Face
 * safetensors totals where the GGUF holds the same tensors).
 */
final class TensorInventoryTest {

  private static List<TensorSpec> tensors(ModelSpec m) {
    return m.tables().inventory().tensors();
  }

  /**
   * Counts from llama.cpp's converter and loader: llama 2 + 9 × layers (+ output); qwen2 adds three biases per layer;
   * gemma2 11 per layer with post-norms and no output; qwen3moe adds q/k norms and experts; phi3 fuses qkv and
   * gate+up; gpt-oss 19 per layer with biases and sinks; DeepSeek-V3 splits attn_kv_b into attn_k_b and attn_v_b.
   */
  @Test
  void counts_matchLlamaCppsLayouts() {
    assertThat(tensors(TestModels.llama31_8b())).hasSize(3 + 9 * 32);
    assertThat(tensors(TestModels.r1DistillQwen15b())).hasSize(3 + 12 * 28);
    assertThat(tensors(TestModels.gemma2_2b())).hasSize(2 + 11 * 26);
    assertThat(tensors(TestModels.qwen3_30b_a3b())).hasSize(3 + 12 * 48);
    assertThat(tensors(TestModels.phi3Mini())).hasSize(3 + 6 * 32);
    assertThat(tensors(TestModels.gptOss20b())).hasSize(3 + 19 * 24);
    assertThat(tensors(TestModels.mixtral8x7b())).hasSize(3 + 10 * 32);
    // 3 dense layers of 13 (attn_kv_b split into attn_k_b and attn_v_b) and 58 MoE layers of 18: router, its
    // exp_probs_b.bias, 3 expert tensors, 3 shared-expert tensors and the 10 attention and norm tensors.
    assertThat(tensors(TestModels.deepseekV3())).hasSize(3 + 3 * 13 + 58 * 18);
  }

  /**
   * Hugging Face checkpoint totals: Mixtral 8x7B 46,702,792,704; Phi-3-mini 3,821,079,552; DeepSeek-V3
   * 671,026,419,200 without the MTP layer, which llama.cpp's converter drops.
   */
  @Test
  void parameterTotals_matchPublishedCounts() {
    assertThat(TestModels.mixtral8x7b().totalParameters()).isEqualTo(46_702_792_704L);
    assertThat(TestModels.phi3Mini().totalParameters()).isEqualTo(3_821_079_552L);
    assertThat(TestModels.deepseekV3().totalParameters()).as("the checkpoint's layers 0-60")
        .isEqualTo(671_026_419_200L);
    assertThat(TestModels.gptOss20b().totalParameters()).isEqualTo(20_914_757_184L);
    assertThat(TestModels.qwen3_30b_a3b().totalParameters()).isEqualTo(30_532_122_624L);
  }

  /**
   * The router's score-correction bias: one F32 vector of {@code experts} values per MoE layer, named as llama.cpp's
   * converter writes it; without the flag (DeepSeek-V2) there is none.
   */
  @Test
  void expertScoreBias_oneVectorPerMoeLayer() {
    List<TensorSpec> v3 = tensors(TestModels.deepseekV3());
    assertThat(v3).filteredOn(s -> s.name().endsWith(".exp_probs_b.bias")).hasSize(58)
        .allSatisfy(s -> assertThat(s.role()).isEqualTo(TensorRole.SMALL));
    assertThat(v3).filteredOn(s -> s.name().equals("blk.3.exp_probs_b.bias")).singleElement()
        .extracting(TensorSpec::ne0, TensorSpec::ne1, TensorSpec::ne2).containsExactly(256L, 1L, 1L);
    assertThat(v3).noneMatch(s -> s.name().equals("blk.2.exp_probs_b.bias"));
    ModelSpec v2Lite = ModelSpec.builder("deepseek-v2-lite").arch("deepseek2").layers(27).hiddenSize(2048)
        .heads(16, 16).headDims(192, 128).ffnSize(10944).vocabSize(102400).contextLength(163840)
        .moe(new MixtureOfExperts(64, 6, 2, 1408, 2816, 1)).mla(new LatentAttention(512, 0, 64, 128, 128)).build();
    assertThat(tensors(v2Lite)).noneMatch(s -> s.name().contains("exp_probs_b"));
  }

  /**
   * GLM-4.5-Air (glm4moe, no q/k norms): 1 dense layer of 12 tensors (q/k/v biases, post_attention_norm instead of
   * ffn_norm) and 45 MoE layers of 17 (router with its exp_probs_b, 3 expert and 3 shared-expert tensors). By hand:
   * attention 4096 × (12288 + 1024 + 1024) + 12288 × 4096 = 109,051,904, biases 14,336, norms 8,192; dense FFN
   * 3 × 4096 × 10944 = 134,479,872; MoE FFN 128 × 3 × 4096 × 1408 + 3 × 4096 × 1408 + 128 × 4096 + 128 =
   * 2,232,418,432; embeddings and head 2 × 151552 × 4096 = 1,241,513,984; output norm 4,096. The checkpoint's
   * 110,468,824,832 is this plus its MTP layer 46 (one MoE layer, eh_proj 2 × 4096 × 4096, three norms, and its own
   * embedding and head copies: 3,616,573,568).
   */
  @Test
  void glm45Air_trunkMatchesTheCheckpointLessItsMtpLayer() {
    ModelSpec air = ModelSpec.builder("glm-4.5-air").arch("glm4moe").layers(46).hiddenSize(4096).heads(96, 8)
        .headDim(128).ffnSize(10944).vocabSize(151552).contextLength(131072)
        .moe(new MixtureOfExperts(128, 8, 1, 1408, 1408, 1, 1, true)).build();
    assertThat(tensors(air)).hasSize(3 + 12 + 45 * 17);
    long nonFfn = 109_051_904L + 14_336 + 8_192;
    long expected = nonFfn + 134_479_872L + 45 * (nonFfn + 2_232_418_432L) + 1_241_513_984L + 4_096;
    assertThat(expected).isEqualTo(106_852_251_264L);
    assertThat(air.totalParameters()).isEqualTo(expected).isEqualTo(110_468_824_832L - 3_616_573_568L);
    assertThat(tensors(air)).noneMatch(s -> s.name().endsWith("ffn_norm.weight"))
        .anyMatch(s -> s.name().equals("blk.0.attn_q.bias"));
  }

  @Test
  void shapes_followGgmlOrder() {
    List<TensorSpec> t = tensors(TestModels.r1DistillQwen15b());
    assertThat(t.get(0)).isEqualTo(new TensorSpec("token_embd.weight", TensorRole.TOKEN_EMBEDDING, -1, 1536, 151936,
        1, false));
    assertThat(t).filteredOn(s -> s.name().equals("blk.0.attn_k.weight")).singleElement()
        .extracting(TensorSpec::ne0, TensorSpec::ne1).containsExactly(1536L, 256L);
    assertThat(t).filteredOn(s -> s.name().equals("blk.0.ffn_down.weight")).singleElement()
        .extracting(TensorSpec::ne0, TensorSpec::ne1).containsExactly(8960L, 1536L);
    assertThat(t).filteredOn(s -> s.name().endsWith(".bias")).hasSize(3 * 28);
    assertThat(tensors(TestModels.qwen3_30b_a3b())).filteredOn(s -> s.name().equals("blk.0.ffn_down_exps.weight"))
        .singleElement().extracting(TensorSpec::ne0, TensorSpec::ne1, TensorSpec::ne2, TensorSpec::routedExperts)
        .containsExactly(768L, 2048L, 128L, true);
    assertThat(tensors(TestModels.gemma2_2b())).noneMatch(s -> s.name().equals("output.weight"));
  }
}
