package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ModelSpecTest {

  /** 1,777,088,000: the n_params llama.cpp reports for the model's GGUF (shared/reference llamacpp-buffers.csv). */
  @Test
  void totalParameters_derivedFromTensorShapes_matchTheGgufCount() {
    ModelSpec r1 = TestModels.r1DistillQwen15b();
    assertThat(r1.totalParameters()).isEqualTo(1_777_088_000L);
    assertThat(r1.parametersDerived()).isTrue();
    assertThat(r1.activeParameters()).isEqualTo(r1.totalParameters());
    assertThat(r1.nominalParameters()).isEqualTo(1_500_000_000L);
  }

  /** Hugging Face safetensors totals: Qwen2.5-0.5B 494,032,768 (tied); Llama-3.1-8B 8,030,261,248. */
  @Test
  void totalParameters_derived_matchSafetensorsCounts() {
    assertThat(TestModels.qwen25half().totalParameters()).isEqualTo(494_032_768L);
    assertThat(TestModels.llama31_8b().totalParameters()).isEqualTo(8_030_261_248L);
  }

  /** Qwen3-30B-A3B is sold as "30B total, 3.3B active": routed experts are most of the weights. */
  @Test
  void activeParameters_ofAnMoe_countOnlyTheExpertsATokenUses() {
    ModelSpec moe = TestModels.qwen3_30b_a3b();
    assertThat(moe.isMoe()).isTrue();
    assertThat(moe.totalParameters()).isBetween(30_400_000_000L, 30_600_000_000L);
    assertThat(moe.activeParameters()).isBetween(3_300_000_000L, 3_400_000_000L);
  }

  @Test
  void givenCounts_winOverDerivedOnes() {
    ModelSpec m = TestModels.qwen25half().toBuilder().totalParameters(500_000_000L).build();
    assertThat(m.totalParameters()).isEqualTo(500_000_000L);
    assertThat(m.parametersDerived()).isFalse();
    assertThatThrownBy(() -> TestModels.qwen25half().toBuilder().activeParameters(600_000_000L).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("activeParameters")
        .hasMessageContaining("600000000");
  }

  @Test
  void identity_isOptionalAndRoundTripsThroughToBuilder() {
    ModelSpec m = TestModels.r1DistillQwen15b().toBuilder().publisher("DeepSeek").family("Qwen").license("MIT")
        .releaseDate(LocalDate.of(2025, 2, 24)).huggingFaceRepo("deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B")
        .huggingFaceArchitecture("Qwen2ForCausalLM").tags(EnumSet.of(Tag.CHAT, Tag.REASONING)).build();
    assertThat(m.publisher()).contains("DeepSeek");
    assertThat(m.license()).contains("MIT");
    assertThat(m.tags()).containsExactly(Tag.CHAT, Tag.REASONING);
    assertThat(m.toBuilder().build()).isEqualTo(m).hasSameHashCodeAs(m);
    assertThat(TestModels.r1DistillQwen15b().publisher()).isEmpty();
    assertThat(m.name()).isEqualTo("DeepSeek R1 Distill Qwen 1.5B");
    assertThat(ModelSpec.builder("x").layers(1).hiddenSize(8).heads(1, 1).ffnSize(8).vocabSize(8).contextLength(8)
        .build().name()).isEqualTo("x");
  }

  @Test
  void builder_missingField_namesIt() {
    assertThatThrownBy(() -> ModelSpec.builder("m").layers(2).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("hiddenSize").hasMessageContaining("'m'");
    assertThatThrownBy(() -> ModelSpec.builder("m").layers(2).hiddenSize(64).heads(4, 4).vocabSize(10)
        .contextLength(10).build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("ffnSize");
  }

  @Test
  void builder_badValues_nameTheValueAndRange() {
    ModelSpec.Builder b = ModelSpec.builder("m");
    assertThatThrownBy(() -> b.layers(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layers must be in [1, 4096] but was 0");
    assertThatThrownBy(() -> b.heads(8, 16)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kvHeads");
    assertThatThrownBy(() -> b.contextLength(-5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contextLength").hasMessageContaining("-5");
    assertThatThrownBy(() -> b.huggingFaceRepo("noslash")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("owner/name");
    assertThatThrownBy(() -> ModelSpec.builder(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> ModelSpec.builder(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> ModelSpec.builder("m").layers(2).hiddenSize(64).heads(12, 5).ffnSize(1)
        .vocabSize(1).contextLength(1).build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kvHeads must divide attentionHeads (12) but was 5");
  }

  @Test
  void headDim_defaultsToHiddenOverHeads() {
    Architecture a = TestModels.llama31_8b().architecture();
    assertThat(a.headDimK()).isEqualTo(128);
    assertThat(a.headDimV()).isEqualTo(128);
    assertThat(TestModels.gemma2_2b().architecture().headDimK()).isEqualTo(256);
  }

  /** DeepSeek-V3's config.json: qk_nope_head_dim 128 + qk_rope_head_dim 64 per key head, v_head_dim 128. */
  @Test
  void headDims_ofLatentAttention_areItsPartsUnlessSet() {
    ModelSpec.Builder b = ModelSpec.builder("v3").arch("deepseek2").layers(61).hiddenSize(7168).heads(128, 128)
        .ffnSize(18432).vocabSize(129280).contextLength(163840).mla(new LatentAttention(512, 1536, 64, 128, 128));
    assertThat(b.build().architecture().headDimK()).isEqualTo(192);
    assertThat(b.build().architecture().headDimV()).isEqualTo(128);
    assertThat(b.headDims(256, 64).build().architecture().headDimK()).isEqualTo(256);
    assertThat(b.build().architecture().headDimV()).isEqualTo(64);
  }

  @Test
  void toString_namesIdArchAndParameters() {
    assertThat(TestModels.r1DistillQwen15b())
        .hasToString("ModelSpec{id=deepseek-r1-distill-qwen-1.5b, arch=qwen2, parameters=1777088000}");
    assertThat(TestModels.qwen3_30b_a3b().toString()).contains("active=");
  }

  @Test
  void identity_accessorsReturnWhatWasSet() {
    ModelSpec m = TestModels.r1DistillQwen15b().toBuilder().family("Qwen").releaseDate(LocalDate.of(2025, 1, 20))
        .huggingFaceRepo("deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B").huggingFaceArchitecture("Qwen2ForCausalLM")
        .approximate(true).build();
    assertThat(m.family()).contains("Qwen");
    assertThat(m.releaseDate()).contains(LocalDate.of(2025, 1, 20));
    assertThat(m.huggingFaceRepo()).contains("deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B");
    assertThat(m.huggingFaceArchitecture()).contains("Qwen2ForCausalLM");
    assertThat(m.isApproximate()).isTrue();
    assertThat(TestModels.r1DistillQwen15b().isApproximate()).isFalse();
  }

  @Test
  void equals_everyFieldCounts() {
    ModelSpec base = TestModels.r1DistillQwen15b();
    List<ModelSpec> changed = List.of(base.toBuilder().name("R1 1.5B").build(),
        base.toBuilder().publisher("DeepSeek").build(), base.toBuilder().family("Qwen").build(),
        base.toBuilder().license("MIT").build(), base.toBuilder().releaseDate(LocalDate.of(2025, 1, 20)).build(),
        base.toBuilder().huggingFaceRepo("a/b").build(), base.toBuilder().huggingFaceArchitecture("X").build(),
        base.toBuilder().tags(EnumSet.of(Tag.CHAT)).build(), base.toBuilder().layers(27).build(),
        base.toBuilder().totalParameters(1_777_088_001L).build(),
        base.toBuilder().activeParameters(1_000_000_000L).build(),
        base.toBuilder().nominalParameters(1_000_000_000L).build(), base.toBuilder().approximate(true).build(),
        ModelSpec.builder("other").arch("qwen2").layers(28).hiddenSize(1536).heads(12, 2).headDim(128)
            .ffnSize(8960).vocabSize(151936).contextLength(131072).nominalParameters(1_500_000_000L).build());
    for (ModelSpec c : changed) {
      assertThat(c).as(c.toString()).isNotEqualTo(base);
    }
    assertThat(base).isEqualTo(base).isEqualTo(TestModels.r1DistillQwen15b()).isNotEqualTo("qwen2");
  }

  @Test
  void hashCode_separatesDifferentModels() {
    assertThat(TestModels.r1DistillQwen15b().hashCode()).isNotEqualTo(TestModels.qwen25half().hashCode());
  }

  @Test
  void builder_eachRequiredField_isNamedWhenMissing() {
    assertThatThrownBy(() -> ModelSpec.builder("m").hiddenSize(64).heads(4, 4).ffnSize(8).vocabSize(10)
        .contextLength(10).build()).isInstanceOf(IllegalStateException.class).hasMessage(
            "layers must be set for model 'm'");
    assertThatThrownBy(() -> ModelSpec.builder("m").layers(2).hiddenSize(64).ffnSize(8).vocabSize(10)
        .contextLength(10).build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("heads");
    assertThatThrownBy(() -> ModelSpec.builder("m").layers(2).hiddenSize(64).heads(4, 4).ffnSize(8)
        .contextLength(10).build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("vocabSize");
    assertThatThrownBy(() -> ModelSpec.builder("m").layers(2).hiddenSize(64).heads(4, 4).ffnSize(8).vocabSize(10)
        .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("contextLength");
  }

  @Test
  void huggingFaceRepo_needsAnOwnerAndAName() {
    ModelSpec.Builder b = ModelSpec.builder("m");
    assertThatThrownBy(() -> b.huggingFaceRepo("/name")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("owner/name");
    assertThatThrownBy(() -> b.huggingFaceRepo("owner/")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("owner/name");
    assertThat(b.huggingFaceRepo("o/n")).isSameAs(b);
  }

  @Test
  void activeParameters_exceedingTheTotal_isRejected() {
    ModelSpec.Builder b = TestModels.r1DistillQwen15b().toBuilder().totalParameters(100).activeParameters(101);
    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("activeParameters must be at most totalParameters (100) but was 101");
    assertThat(TestModels.r1DistillQwen15b().toBuilder().totalParameters(100).activeParameters(100).build()
        .activeParameters()).isEqualTo(100);
  }

  /**
   * The Hugging Face total of tiiuae/falcon-7b, 6,921,720,704 (fused QKV, multi-query attention, biased layer norms,
   * one FFN up matrix, tied embeddings); Phi-3-mini's fused family is held in {@code TensorInventoryTest}.
   */
  @Test
  void totalParameters_derived_falconsFusedQkv() {
    ModelSpec falcon7b = ModelSpec.builder("falcon-7b").arch("falcon").layers(32).hiddenSize(4544).heads(71, 1)
        .ffnSize(18176).vocabSize(65024).tiedEmbeddings(true).contextLength(2048).build();
    assertThat(falcon7b.totalParameters()).isEqualTo(6_921_720_704L);
  }
}
