package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.Architecture;
import dev.headroom.HardwareKind;
import dev.headroom.ModelSpec;
import dev.headroom.Tag;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Integrity of every bundled row. */
final class CatalogDataTest {
  private static final Catalog CATALOG = Catalog.builtIn();

  /**
   * Models whose stated total (Hugging Face safetensors) differs from the tensors a GGUF holds by more than 1 %, and
   * why. Every other model with a stated total must agree within 1 %.
   */
  private static final Map<String, String> EXPLAINED_PARAMETER_GAPS = Map.ofEntries(
      Map.entry("deepseek-v3", "the checkpoint carries the 14B multi-token-prediction module, which GGUF drops"),
      Map.entry("deepseek-r1", "the checkpoint carries the 14B multi-token-prediction module, which GGUF drops"),
      Map.entry("qwen3-0.6b", "the checkpoint stores an lm_head although the config ties embeddings"),
      Map.entry("qwen3-1.7b", "the checkpoint stores an lm_head although the config ties embeddings"),
      Map.entry("qwen3-next-80b-a3b-instruct", "Gated DeltaNet layers are sized with a stand-in; MTP weights"),
      Map.entry("gemma-3-4b-it", "the total includes the vision tower"),
      Map.entry("gemma-3-27b-it", "the total includes the vision tower"),
      Map.entry("gpt-oss-20b", "the total counts MXFP4 scale tensors separately"),
      Map.entry("gpt-oss-120b", "the total counts MXFP4 scale tensors separately"));

  @Test
  void counts_meetTheCatalogTargets() {
    assertThat(CATALOG.models()).hasSizeGreaterThanOrEqualTo(100);
    long singleGpus = CATALOG.devices(HardwareKind.GPU).stream().filter(d -> d.hardware().count() == 1).count();
    assertThat(singleGpus).isGreaterThanOrEqualTo(150);
    Set<String> unifiedChips = new HashSet<>();
    for (HardwareEntry d : CATALOG.devices(HardwareKind.UNIFIED)) {
      unifiedChips.add(d.id().replaceFirst("-\\d+gb$", ""));
    }
    assertThat(unifiedChips).hasSizeGreaterThanOrEqualTo(40);
    assertThat(CATALOG.devices(HardwareKind.GPU).stream().filter(d -> d.hardware().count() > 1)).isNotEmpty();
  }

  /** Every filled number of a device table names a source for its field ({@code field[,field...]=key;…}). */
  @Test
  void everyFilledDeviceFigure_hasASourceKeyForItsField() {
    Map<String, String> gpuFields = Map.of("memory_gib", "mem", "memory_type", "type", "bandwidth_gbps", "bw",
        "fp16_tflops", "fp16", "fp32_tflops", "fp32", "tdp_w", "tdp", "release_year", "year");
    Map<String, String> unifiedFields = Map.of("cpu_cores", "cpu", "gpu_cores", "gpu", "memory_options_gib", "mem",
        "bandwidth_gbps", "bw", "gpu_share_rule", "share", "fp16_tflops", "fp16", "fp32_tflops", "fp32", "tdp_w",
        "tdp", "release_year", "year");
    int checked = 0;
    for (Map.Entry<String, Map<String, String>> table : Map.of(CatalogFiles.GPUS, gpuFields, CatalogFiles.UNIFIED,
        unifiedFields, CatalogFiles.SYSTEMS, Map.of("gpu_count", "count")).entrySet()) {
      Csv csv = Csv.read(CatalogFiles.resource(table.getKey()), table.getKey(), List.of("sources"));
      for (int r = 0; r < csv.size(); r++) {
        Set<String> keyed = new HashSet<>();
        for (String part : csv.get(r, "sources").split(";")) {
          int eq = part.indexOf('=');
          if (eq > 0) {
            keyed.addAll(List.of(part.substring(0, eq).strip().split("\\s*,\\s*")));
          }
        }
        for (Map.Entry<String, String> column : table.getValue().entrySet()) {
          if (csv.optional(r, column.getKey()) != null) {
            assertThat(keyed).as(csv.where(r) + " " + column.getKey()).contains(column.getValue());
            checked++;
          }
        }
      }
    }
    assertThat(checked).as("filled figures checked (1,427 on 2026-11-29)").isGreaterThanOrEqualTo(1427);
  }

  @Test
  void everyRow_isSourced() {
    for (ModelEntry m : CATALOG.models()) {
      assertThat(m.sources()).as(m.id()).contains("=");
    }
    for (HardwareEntry d : CATALOG.devices()) {
      assertThat(d.sources()).as(d.id()).contains("=");
      if (d.hardware().count() == 1) {
        assertThat(d.sources()).as(d.id()).containsPattern("(mem|memory)[^;]*=").containsPattern("bw[^;]*=");
      }
    }
  }

  @Test
  void ids_andAliases_areUnique() {
    Set<String> modelKeys = new HashSet<>();
    for (ModelEntry m : CATALOG.models()) {
      assertThat(modelKeys.add(m.id().toLowerCase())).as(m.id()).isTrue();
      for (String alias : m.aliases()) {
        assertThat(modelKeys.add(alias.toLowerCase())).as(alias).isTrue();
      }
    }
    Set<String> deviceKeys = new HashSet<>();
    for (HardwareEntry d : CATALOG.devices()) {
      assertThat(deviceKeys.add(d.id().toLowerCase())).as(d.id()).isTrue();
      for (String alias : d.aliases()) {
        assertThat(deviceKeys.add(alias.toLowerCase())).as(alias).isTrue();
      }
    }
  }

  /**
   * Memory between 2 and 600 GiB per device, bandwidth per GiB between 1 and 100 GB/s, throughputs in range, and
   * matrix FP16 never below vector FP32 where both are known.
   */
  @Test
  void hardware_valuesArePlausible() {
    for (HardwareEntry d : CATALOG.devices()) {
      double gib = d.hardware().memory().to(dev.headroom.ByteUnit.GIB);
      assertThat(gib).as(d.id()).isBetween(2.0, 600.0);
      assertThat(d.hardware().bandwidthGBps() / gib).as(d.id() + " GB/s per GiB").isBetween(1.0, 100.0);
      assertThat(d.hardware().gpuMemoryShare()).as(d.id()).isBetween(0.4, 1.0);
      d.hardware().fp16Tflops().ifPresent(t -> assertThat(t).as(d.id() + " TFLOPS").isBetween(1.0, 6000.0));
      d.hardware().fp32Tflops().ifPresent(t -> assertThat(t).as(d.id() + " FP32 TFLOPS").isBetween(0.5, 200.0));
      if (d.hardware().fp16Tflops().isPresent() && d.hardware().fp32Tflops().isPresent()) {
        assertThat(d.hardware().fp16Tflops().getAsDouble()).as(d.id() + " FP16 matrix vs FP32 vector")
            .isGreaterThanOrEqualTo(d.hardware().fp32Tflops().getAsDouble());
      }
      d.releaseYear().ifPresent(y -> assertThat(y).as(d.id()).isBetween(2012, 2026));
    }
  }

  @Test
  void models_architecturesAreConsistent() {
    for (ModelEntry m : CATALOG.models()) {
      Architecture a = m.spec().architecture();
      assertThat(a.attentionHeads() % a.kvHeads()).as(m.id()).isZero();
      double width = (double) a.attentionHeads() * a.headDimK() / a.hiddenSize();
      assertThat(width).as(m.id() + " heads × head size / hidden").isBetween(0.25, 5.0);
      assertThat(a.contextLength()).as(m.id()).isBetween(512, 16_777_216);
      if (a.moe() != null) {
        assertThat(a.moe().expertsPerToken()).as(m.id()).isLessThanOrEqualTo(a.moe().experts());
        assertThat(m.spec().activeParameters()).as(m.id()).isLessThan(m.spec().totalParameters());
      }
      for (String related : m.related()) {
        assertThat(CATALOG.findModel(related)).as(m.id() + " related " + related).isPresent();
      }
      m.baseModel().ifPresent(b -> assertThat(CATALOG.findModel(b)).as(m.id() + " base").isPresent());
    }
  }

  @Test
  void derivedParameters_agreeWithStatedTotals_withinOnePercentOrExplained() {
    Map<String, Double> gaps = new TreeMap<>();
    int checked = 0;
    int exact = 0;
    for (ModelEntry m : CATALOG.models()) {
      ModelSpec s = m.spec();
      if (s.parametersDerived()) {
        continue;
      }
      checked++;
      if (s.derivedParameters() == s.totalParameters()) {
        exact++;
      }
      double error = (double) s.derivedParameters() / s.totalParameters() - 1;
      if (Math.abs(error) > 0.01) {
        gaps.put(m.id(), error);
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(77);
    assertThat(exact).as("derived to the parameter, as README states").isGreaterThanOrEqualTo(62);
    assertThat(gaps.keySet()).containsExactlyInAnyOrderElementsOf(EXPLAINED_PARAMETER_GAPS.keySet());
  }

  /**
   * GLM-4.5's rows carry the multi-token-prediction layer and (4.5, not Air) q/k norms: derived counts equal the Hub
   * totals exactly, and llama.cpp loads all but that layer.
   */
  @Test
  void glm45Rows_deriveTheirHubTotalsExactly() {
    ModelSpec glm = CATALOG.model("glm-4.5").spec();
    ModelSpec air = CATALOG.model("glm-4.5-air").spec();
    assertThat(glm.derivedParameters()).isEqualTo(glm.totalParameters()).isEqualTo(358_337_791_296L);
    assertThat(air.derivedParameters()).isEqualTo(air.totalParameters()).isEqualTo(110_468_824_832L);
    assertThat(glm.architecture().nextnLayers()).isEqualTo(1);
    assertThat(glm.architecture().qkNorm()).isTrue();
    assertThat(air.architecture().qkNorm()).isFalse();
    assertThat(air.toBuilder().nextnLayers(0).build().derivedParameters()).isEqualTo(106_852_251_264L);
  }

  /** The seed page's spec table, field by field. */
  @Test
  void deepSeekR1DistillQwen15b_carriesTheSeedSpecTable() {
    ModelEntry e = CATALOG.model("deepseek-r1-distill-qwen-1.5b");
    ModelSpec s = e.spec();
    assertThat(s.name()).isEqualTo("DeepSeek R1 Distill Qwen 1.5B");
    assertThat(s.publisher()).contains("DeepSeek");
    assertThat(s.family()).contains("Qwen");
    assertThat(s.nominalParameters()).isEqualTo(1_500_000_000L);
    assertThat(s.totalParameters()).isEqualTo(1_777_088_000L);
    assertThat(s.huggingFaceArchitecture()).contains("Qwen2ForCausalLM");
    assertThat(s.architecture().contextLength()).isEqualTo(131_072);
    assertThat(s.architecture().vocabSize()).isEqualTo(151_936);
    assertThat(s.releaseDate()).contains(LocalDate.of(2025, 2, 24));
    assertThat(s.license()).contains("MIT");
    assertThat(s.huggingFaceRepo()).contains("deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B");
    assertThat(s.tags()).containsExactly(Tag.CHAT, Tag.REASONING);
    assertThat(CATALOG.related(e)).extracting(ModelEntry::id).contains("deepseek-r1", "deepseek-r1-distill-qwen-7b");
  }

  @Test
  void unifiedMemory_appleShareFollowsTheDocumentedRule() {
    assertThat(CATALOG.device("apple-m3-max-40c-128gb").hardware().gpuMemoryShare()).isEqualTo(0.75);
    assertThat(CATALOG.device("apple-m2-8c-8gb").hardware().gpuMemoryShare()).isEqualTo(2.0 / 3);
    assertThat(CATALOG.device("apple-m3-max-40c-128gb").gpuShareRule()).contains("apple-default");
    assertThat(CATALOG.device("dgx spark").hardware().gpuMemoryShare()).isEqualTo(0.93);
    List<HardwareEntry> sizes = CATALOG.devices(HardwareKind.UNIFIED).stream()
        .filter(d -> d.id().startsWith("apple-m4-max-40c-")).toList();
    assertThat(sizes).extracting(HardwareEntry::id)
        .containsExactly("apple-m4-max-40c-48gb", "apple-m4-max-40c-64gb", "apple-m4-max-40c-128gb");
  }
}
