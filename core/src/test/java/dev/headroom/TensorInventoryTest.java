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
