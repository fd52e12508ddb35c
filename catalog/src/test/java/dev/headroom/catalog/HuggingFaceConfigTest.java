package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.Architecture;
import dev.headroom.Estimator;
import dev.headroom.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HuggingFaceConfigTest {

  private static ModelSpec config(String name) {
    return HuggingFaceConfig.parse(TestFiles.text("configs/" + name), name);
  }

  @Test
  void denseQwen2_withItsRepoAndDerivedParameters() {
    ModelSpec r1 = config("deepseek-r1-distill-qwen-1.5b.json");
    assertThat(r1.id()).isEqualTo("deepseek-r1-distill-qwen-1.5b");
    assertThat(r1.huggingFaceRepo()).contains("deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B");
    assertThat(r1.huggingFaceArchitecture()).contains("Qwen2ForCausalLM");
    assertThat(r1.architecture().arch()).isEqualTo("qwen2");
    assertThat(r1.totalParameters()).isEqualTo(1_777_088_000L);
    assertThat(r1.architecture().slidingWindow()).isNull();
    assertThat(r1.isApproximate()).isFalse();
    assertThat(config("qwen2.5-0.5b-instruct.json").architecture().tiedEmbeddings()).isTrue();
  }

  /** Gemma 2 2B: head_dim 256 is not 2304 / 8, ties embeddings by default, slides every other layer. */
  @Test
  void gemma2_headDimTiedAndSlidingWindow() {
    Architecture a = config("gemma-2-2b.json").architecture();
    assertThat(a.arch()).isEqualTo("gemma2");
    assertThat(a.headDimK()).isEqualTo(256);
    assertThat(a.tiedEmbeddings()).isTrue();
    assertThat(a.slidingWindow().window()).isEqualTo(4096);
    assertThat(a.slidingWindow().pattern()).isEqualTo(2);
    assertThat(a.isSliding(0)).isTrue();
    assertThat(a.isSliding(1)).isFalse();
  }

  /** Gemma 3 4B nests its text model under text_config beside a vision tower. */
  @Test
  void nestedTextConfig_isRead() {
    Architecture a = config("gemma-3-4b-it.json").architecture();
    assertThat(a.arch()).isEqualTo("gemma3");
    assertThat(a.layers()).isEqualTo(34);
    assertThat(a.slidingWindow().pattern()).isEqualTo(6);
    assertThat(a.vocabSize()).isEqualTo(262_208);
  }

  @Test
  void moeKeys_underTheirSeveralNames() {
    Architecture qwen = config("qwen3-30b-a3b-4l.json").architecture();
    assertThat(qwen.moe().experts()).isEqualTo(128);
    assertThat(qwen.moe().expertFfnSize()).isEqualTo(768);
    assertThat(qwen.arch()).isEqualTo("qwen3moe");
    Architecture oss = config("gpt-oss-20b.json").architecture();
    assertThat(oss.moe().experts()).isEqualTo(32);
    assertThat(oss.moe().expertFfnSize()).isEqualTo(2880);
    assertThat(oss.slidingWindow().window()).isEqualTo(128);
    assertThat(oss.slidingWindow().pattern()).isEqualTo(2);
    assertThat(oss.headDimK()).isEqualTo(64);
  }

  /**
   * DeepSeek-V3: MLA, 1 shared expert of 2,048, 3 dense layers, the router's score bias of {@code noaux_tc} routing;
   * 671,026,419,200 parameters without the MTP module.
   */
  @Test
  void deepSeekV3_latentAttentionAndSharedExperts() {
    ModelSpec v3 = config("deepseek-v3.json");
    Architecture a = v3.architecture();
    assertThat(a.arch()).isEqualTo("deepseek2");
    assertThat(a.mla().kvLoraRank()).isEqualTo(512);
    assertThat(a.headDimK()).isEqualTo(192);
    assertThat(a.headDimV()).isEqualTo(128);
    assertThat(a.moe().sharedExperts()).isEqualTo(1);
    assertThat(a.moe().sharedExpertFfnSize()).isEqualTo(2048);
    assertThat(a.moe().leadingDenseLayers()).isEqualTo(3);
    assertThat(a.moe().expertScoreBias()).isTrue();
    assertThat(v3.totalParameters()).as("the checkpoint's layers 0-60").isEqualTo(671_026_419_200L);
    ModelSpec v2 = HuggingFaceConfig.parse("{\"model_type\":\"deepseek_v2\",\"hidden_size\":2048,"
        + "\"num_hidden_layers\":27,\"num_attention_heads\":16,\"intermediate_size\":10944,\"vocab_size\":102400,"
        + "\"max_position_embeddings\":163840,\"n_routed_experts\":64,\"num_experts_per_tok\":6,"
        + "\"moe_intermediate_size\":1408,\"n_shared_experts\":2,\"first_k_dense_replace\":1,"
        + "\"topk_method\":\"greedy\",\"kv_lora_rank\":512,\"qk_rope_head_dim\":64,\"qk_nope_head_dim\":128,"
        + "\"v_head_dim\":128}", "deepseek-v2-lite");
    assertThat(v2.architecture().moe().expertScoreBias()).as("greedy routing has no score bias").isFalse();
    assertThat(a.nextnLayers()).as("the converter drops DeepSeek-V3's MTP module").isZero();
  }

  /**
   * GLM-4.5 (zai-org/GLM-4.5 config.json): its NextN layer and q/k norms make the derived count the checkpoint's
   * 358,337,791,296; llama.cpp loads the 92-layer trunk.
   */
  @Test
  void glm45_nextnLayerAndQkNorms() {
    ModelSpec glm = HuggingFaceConfig.parse("{\"architectures\":[\"Glm4MoeForCausalLM\"],\"model_type\":\"glm4_moe\","
        + "\"hidden_size\":5120,\"num_hidden_layers\":92,\"num_attention_heads\":96,\"num_key_value_heads\":8,"
        + "\"head_dim\":128,\"intermediate_size\":12288,\"moe_intermediate_size\":1536,\"n_routed_experts\":160,"
        + "\"n_shared_experts\":1,\"num_experts_per_tok\":8,\"first_k_dense_replace\":3,\"vocab_size\":151552,"
        + "\"max_position_embeddings\":131072,\"num_nextn_predict_layers\":1,\"use_qk_norm\":true,"
        + "\"tie_word_embeddings\":false}", "glm-4.5");
    Architecture a = glm.architecture();
    assertThat(a.layers()).isEqualTo(92);
    assertThat(a.nextnLayers()).isEqualTo(1);
    assertThat(a.qkNorm()).isTrue();
    assertThat(glm.totalParameters()).isEqualTo(358_337_791_296L);
    ModelSpec llama4 = HuggingFaceConfig.parse("{\"model_type\":\"llama4_text\",\"hidden_size\":64,"
        + "\"num_hidden_layers\":2,\"num_attention_heads\":4,\"intermediate_size\":128,\"vocab_size\":32,"
        + "\"max_position_embeddings\":128,\"use_qk_norm\":true,\"num_nextn_predict_layers\":1}", "l4");
    assertThat(llama4.architecture().qkNorm()).as("Llama 4's q/k norm has no weights").isFalse();
    assertThat(llama4.architecture().nextnLayers()).isZero();
  }

  /** Qwen3-Next: 12 full-attention layers and 36 Gated DeltaNet layers with 2,195,456 bytes of state each. */
  @Test
  void hybridModel_recurrentLayersAndTheirState() {
    Architecture a = config("qwen3-next-80b-a3b.json").architecture();
    assertThat(a.recurrent().fullAttentionInterval()).isEqualTo(4);
    assertThat(a.recurrent().stateBytesPerSequence()).isEqualTo(4L * (3 * (2 * 16 * 128 + 32 * 128) + 32 * 128 * 128));
    assertThat(a.moe().sharedExperts()).isEqualTo(1);
    assertThat(a.layers()).isEqualTo(48);
    long state = a.recurrent().stateBytesPerSequence();
    // 12 attention layers cache K and V (2 heads × 256, f16) for 2,048 cells; 36 keep one sequence's state.
    assertThat(Estimator.of(config("qwen3-next-80b-a3b.json")).kvCache().bytes())
        .isEqualTo(12L * 2048 * 2 * (2 * 256 * 2) + 36 * state);
  }

  @Test
  void mistral_isLlamaWithoutAWindow() {
    Architecture a = config("mistral-7b-instruct-v0.2.json").architecture();
    assertThat(a.arch()).isEqualTo("llama");
    assertThat(a.slidingWindow()).isNull();
    ModelSpec v01 = HuggingFaceConfig.parse("{\"model_type\":\"mistral\",\"hidden_size\":4096,"
        + "\"num_hidden_layers\":32,\"num_attention_heads\":32,\"num_key_value_heads\":8,\"intermediate_size\":14336,"
        + "\"vocab_size\":32000,\"max_position_embeddings\":32768,\"sliding_window\":4096}", "mistral-v0.1");
    assertThat(v01.architecture().slidingWindow()).as("llama.cpp keeps a full cache for Mistral").isNull();
  }

  @Test
  void unknownModelType_givesAnApproximateSpec() {
    ModelSpec m = HuggingFaceConfig.parse("{\"model_type\":\"brand_new\",\"hidden_size\":512,"
        + "\"num_hidden_layers\":4,\"num_attention_heads\":8,\"intermediate_size\":1024,\"vocab_size\":1000,"
        + "\"max_position_embeddings\":2048}", "new-model");
    assertThat(m.isApproximate()).isTrue();
    assertThat(m.id()).isEqualTo("new-model");
    assertThat(m.architecture().kvHeads()).isEqualTo(8);
  }

  @Test
  void read_takesTheIdFromTheDirectory(@TempDir Path dir) throws Exception {
    Path model = Files.createDirectory(dir.resolve("my-model"));
    Path file = Files.writeString(model.resolve("config.json"), "{\"model_type\":\"llama\",\"hidden_size\":512,"
        + "\"num_hidden_layers\":4,\"num_attention_heads\":8,\"intermediate_size\":1024,\"vocab_size\":1000,"
        + "\"max_position_embeddings\":2048}");
    assertThat(HuggingFaceConfig.read(file).id()).isEqualTo("my-model");
    assertThatThrownBy(() -> HuggingFaceConfig.read(model.resolve("missing.json")))
        .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("missing.json");
  }

  /** {@code _name_or_path} is a repository or any local path the model was saved from. */
  @Test
  void nameOrPath_givesARepoOnlyWhenItIsOne() {
    String body = "\"model_type\":\"llama\",\"hidden_size\":512,\"num_hidden_layers\":4,\"num_attention_heads\":8,"
        + "\"intermediate_size\":1024,\"vocab_size\":1000,\"max_position_embeddings\":2048";
    ModelSpec repo = HuggingFaceConfig.parse("{\"_name_or_path\":\"org/My-Model\"," + body + "}", "fallback");
    assertThat(repo.id()).isEqualTo("my-model");
    assertThat(repo.huggingFaceRepo()).contains("org/My-Model");
    ModelSpec local = HuggingFaceConfig.parse("{\"_name_or_path\":\"/workspace/out/checkpoint-1000\"," + body + "}",
        "fallback");
    assertThat(local.id()).isEqualTo("checkpoint-1000");
    assertThat(local.huggingFaceRepo()).isEmpty();
    ModelSpec trailing = HuggingFaceConfig.parse("{\"_name_or_path\":\"org/model/\"," + body + "}", "fallback");
    assertThat(trailing.id()).isEqualTo("model");
    ModelSpec relative = HuggingFaceConfig.parse("{\"_name_or_path\":\"./out\"," + body + "}", "fallback");
    assertThat(relative.id()).isEqualTo("out");
    assertThat(relative.huggingFaceRepo()).isEmpty();
    assertThat(HuggingFaceConfig.parse("{\"_name_or_path\":\".\"," + body + "}", "fallback").id())
        .isEqualTo("fallback");
  }

  @Test
  void badConfigs_nameTheKeyAndValue() {
    assertThatThrownBy(() -> HuggingFaceConfig.parse("{\"model_type\":\"llama\"}", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no hidden_size");
    assertThatThrownBy(() -> HuggingFaceConfig.parse("{\"hidden_size\":-4}", "x"))
        .hasMessageContaining("hidden_size must be a whole number").hasMessageContaining("-4");
    assertThatThrownBy(() -> HuggingFaceConfig.parse("{\"hidden_size\":\"big\"}", "x"))
        .hasMessageContaining("but was big");
    assertThatThrownBy(() -> HuggingFaceConfig.parse("[1, 2]", "x")).hasMessageContaining("must hold a JSON object");
    assertThatThrownBy(() -> HuggingFaceConfig.parse("{\"hidden_size\": 4,", "x"))
        .hasMessageContaining("not valid JSON at offset");
  }

  private static final String SMALL = "\"hidden_size\": 64, \"num_hidden_layers\": 2, \"num_attention_heads\": 4, "
      + "\"vocab_size\": 32, \"max_position_embeddings\": 128, \"intermediate_size\": 128";

  /** Found by fuzzing: values the reader accepts but ModelSpec does not raised ModelSpec's own exceptions. */
  @Test
  void valuesThatMakeNoModel_raiseTheDocumentedExceptionNamingTheFile() {
    assertThatThrownBy(() -> HuggingFaceConfig.parse("{" + SMALL.replace("\"hidden_size\": 64", "\"hidden_size\": 2")
        + "}", "x")).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("config.json does not describe a usable model: headDim must be set");
    assertThatThrownBy(() -> HuggingFaceConfig.parse("{" + SMALL.replace("\": 2,", "\": 5000,") + "}", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("config.json does not describe a usable model: layers must be in [1, 4096] but was 5000");
    String recurrent = ", \"full_attention_interval\": 2, \"linear_num_key_heads\": 2147483647, "
        + "\"linear_num_value_heads\": 2147483647, \"linear_key_head_dim\": 2147483647, "
        + "\"linear_value_head_dim\": 2147483647, \"linear_conv_kernel_dim\": ";
    assertThatThrownBy(() -> HuggingFaceConfig.parse("{" + SMALL + recurrent + "4}", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger than 2^63 bytes");
    assertThatThrownBy(() -> HuggingFaceConfig.parse("{" + SMALL + recurrent + "0}", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("config.json: linear_conv_kernel_dim must be at least 1 but was 0");
  }

  /** Found by fuzzing: a file that is not UTF-8 raised UncheckedIOException, as if the disk had failed. */
  @Test
  void read_notUtf8_isAnUnusableConfig(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("config.json"), new byte[] {'{', (byte) 0xff, '}'});
    assertThatThrownBy(() -> HuggingFaceConfig.read(file)).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + " is not a config.json: it is not UTF-8 text");
  }
}
