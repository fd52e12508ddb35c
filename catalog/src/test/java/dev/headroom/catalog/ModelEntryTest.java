package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ModelEntryTest {
  private static final ModelSpec R1 = ModelSpec.builder("deepseek-r1-distill-qwen-1.5b")
      .name("DeepSeek R1 Distill Qwen 1.5B").arch("qwen2").layers(28).hiddenSize(1536).heads(12, 2).headDim(128)
      .ffnSize(8960).vocabSize(151936).contextLength(131072).build();
  private static final ModelEntry ENTRY = ModelEntry.of(R1);

  @Test
  void accessors_andWithers() {
    ModelEntry full = ENTRY.withAliases(List.of("deepseek-r1:1.5b")).withBaseModel("qwen2.5-math-1.5b")
        .withRelated(List.of("deepseek-r1-distill-qwen-7b")).withSources("layers=hf").withNotes("distilled");
    assertThat(full.name()).isEqualTo("DeepSeek R1 Distill Qwen 1.5B");
    assertThat(full.id()).isEqualTo("deepseek-r1-distill-qwen-1.5b");
    assertThat(full.aliases()).containsExactly("deepseek-r1:1.5b");
    assertThat(full.baseModel()).contains("qwen2.5-math-1.5b");
    assertThat(full.related()).containsExactly("deepseek-r1-distill-qwen-7b");
    assertThat(full.sources()).isEqualTo("layers=hf");
    assertThat(full.notes()).isEqualTo("distilled");
    assertThat(ENTRY.notes()).isEmpty();
    assertThat(ENTRY.baseModel()).isEmpty();
  }

  @Test
  void equals_everyFieldCounts_andHashCodeFollowsTheSpec() {
    assertThat(ENTRY).isEqualTo(ModelEntry.of(R1)).hasSameHashCodeAs(ModelEntry.of(R1));
    List<ModelEntry> changed = List.of(ModelEntry.of(R1.toBuilder().layers(27).build()),
        ENTRY.withAliases(List.of("r1")), ENTRY.withBaseModel("b"), ENTRY.withRelated(List.of("x")),
        ENTRY.withSources("s"), ENTRY.withNotes("n"));
    for (ModelEntry c : changed) {
      assertThat(c).isNotEqualTo(ENTRY);
    }
    assertThat(ENTRY).isNotEqualTo(R1);
    assertThat(ModelEntry.of(R1.toBuilder().layers(27).build()).hashCode()).isNotEqualTo(ENTRY.hashCode());
  }

  @Test
  void toString_namesTheModelAndItsId() {
    assertThat(ENTRY).hasToString("DeepSeek R1 Distill Qwen 1.5B (deepseek-r1-distill-qwen-1.5b)");
  }
}
