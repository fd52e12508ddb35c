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

  @Test
  void qkNorm_readsFalseWhereTheArchitectureAlwaysNorms_soEveryReaderDescribesItAlike() {
    ModelSpec qwen3 = TestModels.qwen3_30b_a3b();
    ModelSpec flagged = qwen3.toBuilder().qkNorm(true).build();
    assertThat(flagged.architecture().qkNorm()).isFalse();
    assertThat(flagged).isEqualTo(qwen3);
    ModelSpec shouted = qwen3.toBuilder().arch("Qwen3MoE").qkNorm(true).build();
    assertThat(shouted.architecture().arch()).as("one form for every rule keyed on the name").isEqualTo("qwen3moe");
    assertThat(shouted).isEqualTo(qwen3);
    assertThat(tensors(flagged)).hasSameSizeAs(tensors(qwen3));
    ModelSpec llama = TestModels.llama31_8b();
    assertThat(llama.toBuilder().qkNorm(true).build().architecture().qkNorm()).as("optional for llama").isTrue();
    assertThat(tensors(llama.toBuilder().qkNorm(true).build())).as("a q and a k norm per layer")
        .hasSize(tensors(llama).size() + 2 * 32);
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
   * 2,232,418,432; embeddings and head 2 × 151552 × 4096 = 1,241,513,984; output norm 4,096: 106,852,251,264. The
   * NextN layer 46 is one more MoE layer of 17 plus 6 tensors: eh_proj 2 × 4096 × 4096 = 33,554,432, three norms
   * 12,288, and its own embedding and head copies 1,241,513,984, so 3,616,573,568. Together: the checkpoint's
   * 110,468,824,832, of which llama.cpp loads the trunk.
   */
  @Test
  void glm45Air_matchesTheCheckpoint_andLoadsItsTrunk() {
    ModelSpec air = TestModels.glm45Air();
    assertThat(tensors(air)).hasSize(3 + 12 + 45 * 17 + 17 + 6);
    long nonFfn = 109_051_904L + 14_336 + 8_192;
    long trunk = nonFfn + 134_479_872L + 45 * (nonFfn + 2_232_418_432L) + 1_241_513_984L + 4_096;
    long nextn = nonFfn + 2_232_418_432L + 33_554_432L + 12_288 + 1_241_513_984L;
    assertThat(trunk).isEqualTo(106_852_251_264L);
    assertThat(nextn).isEqualTo(3_616_573_568L);
    assertThat(air.totalParameters()).isEqualTo(trunk + nextn).isEqualTo(110_468_824_832L);
    assertThat(air.tables().inventory().skippedElements()).isEqualTo(nextn);
    assertThat(tensors(air)).filteredOn(s -> !s.loaded()).hasSize(23).allMatch(s -> s.layer() == 46);
    assertThat(tensors(air)).noneMatch(s -> s.name().endsWith("ffn_norm.weight") || s.name().contains("q_norm"))
        .anyMatch(s -> s.name().equals("blk.0.attn_q.bias"));
    ModelSpec trunkOnly = air.toBuilder().nextnLayers(0).build();
    assertThat(trunkOnly.totalParameters()).isEqualTo(trunk);
    assertThat(air.activeParameters()).as("one token reads none of the NextN layer")
        .isEqualTo(trunkOnly.activeParameters());
  }

  /**
   * GLM-4.5 (q/k norms of one 128-value head each in every layer): 3 dense layers of 14 tensors, 89 MoE layers of
   * 19, and the NextN layer 92 of 19 + 6. By hand: attention 5120 × (12288 + 1024 + 1024) + 12288 × 5120 =
   * 136,314,880, biases 14,336, norms 10,240, q/k norms 256; dense FFN 3 × 5120 × 12288 = 188,743,680; MoE FFN
   * 160 × 3 × 5120 × 1536 + 3 × 5120 × 1536 + 160 × 5120 + 160 = 3,799,285,920; embeddings and head
   * 2 × 151552 × 5120 = 1,551,892,480; output norm 5,120: a trunk of 352,797,829,024. The NextN layer adds an MoE
   * layer, eh_proj 2 × 5120 × 5120 = 52,428,800, three norms 15,360 and its embedding and head copies: 5,539,962,272.
   * Together: the checkpoint's 358,337,791,296.
   */
  @Test
  void glm45_withQkNormsAndItsNextnLayer_matchesTheCheckpoint() {
    ModelSpec glm = TestModels.glm45();
    assertThat(tensors(glm)).hasSize(3 + 3 * 14 + 89 * 19 + 19 + 6);
    long nonFfn = 136_314_880L + 14_336 + 10_240 + 256;
    long trunk = 92 * nonFfn + 3 * 188_743_680L + 89 * 3_799_285_920L + 1_551_892_480L + 5_120;
    long nextn = nonFfn + 3_799_285_920L + 52_428_800L + 15_360 + 1_551_892_480L;
    assertThat(trunk).isEqualTo(352_797_829_024L);
    assertThat(nextn).isEqualTo(5_539_962_272L);
    assertThat(glm.totalParameters()).isEqualTo(trunk + nextn).isEqualTo(358_337_791_296L);
    assertThat(tensors(glm)).filteredOn(s -> s.name().equals("blk.92.attn_k_norm.weight")).singleElement()
        .extracting(TensorSpec::ne0, TensorSpec::loaded).containsExactly(128L, false);
    assertThat(tensors(glm)).filteredOn(s -> s.name().equals("blk.92.nextn.eh_proj.weight")).singleElement()
        .extracting(TensorSpec::ne0, TensorSpec::ne1, TensorSpec::role).containsExactly(10240L, 5120L,
            TensorRole.NEXTN);
    assertThat(tensors(glm)).filteredOn(s -> s.name().startsWith("blk.91.")).allMatch(TensorSpec::loaded);
  }

  @Test
  void shapes_followGgmlOrder() {
    List<TensorSpec> t = tensors(TestModels.r1DistillQwen15b());
    assertThat(t.get(0)).isEqualTo(new TensorSpec("token_embd.weight", TensorRole.TOKEN_EMBEDDING, -1, 1536, 151936,
        1, false, true));
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
