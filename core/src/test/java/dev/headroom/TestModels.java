package dev.headroom;

import java.util.List;

/** Real architectures used across the tests, from each model's Hugging Face config.json. */
final class TestModels {
  private TestModels() {}

  /** deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B: the seed page's model; untied embeddings. */
  static ModelSpec r1DistillQwen15b() {
    return ModelSpec.builder("deepseek-r1-distill-qwen-1.5b").name("DeepSeek R1 Distill Qwen 1.5B")
        .arch("qwen2").layers(28).hiddenSize(1536).heads(12, 2).headDim(128).ffnSize(8960).vocabSize(151936)
        .tiedEmbeddings(false).contextLength(131072).nominalParameters(1_500_000_000L).build();
  }

  /** Qwen/Qwen2.5-0.5B: tied embeddings. */
  static ModelSpec qwen25half() {
    return ModelSpec.builder("qwen2.5-0.5b").arch("qwen2").layers(24).hiddenSize(896).heads(14, 2).ffnSize(4864)
        .vocabSize(151936).tiedEmbeddings(true).contextLength(32768).build();
  }

  /** meta-llama/Llama-3.1-8B. */
  static ModelSpec llama31_8b() {
    return ModelSpec.builder("llama-3.1-8b").arch("llama").layers(32).hiddenSize(4096).heads(32, 8).ffnSize(14336)
        .vocabSize(128256).contextLength(131072).build();
  }

  /** meta-llama/Llama-3.1-70B: 80 layers. */
  static ModelSpec llama31_70b() {
    return ModelSpec.builder("llama-3.1-70b").arch("llama").layers(80).hiddenSize(8192).heads(64, 8).ffnSize(28672)
        .vocabSize(128256).contextLength(131072).build();
  }

  /** google/gemma-2-2b: sliding window 4096 on every other layer, head size 256. */
  static ModelSpec gemma2_2b() {
    return ModelSpec.builder("gemma-2-2b").arch("gemma2").layers(26).hiddenSize(2304).heads(8, 4).headDim(256)
        .ffnSize(9216).vocabSize(256000).tiedEmbeddings(true).contextLength(8192)
        .slidingWindow(new SlidingWindow(4096, 2)).build();
  }

  /** Qwen/Qwen3-30B-A3B: 128 experts, 8 per token. */
  static ModelSpec qwen3_30b_a3b() {
    return ModelSpec.builder("qwen3-30b-a3b").arch("qwen3moe").layers(48).hiddenSize(2048).heads(32, 4)
        .headDim(128).ffnSize(6144).vocabSize(151936).contextLength(40960)
        .moe(new MixtureOfExperts(128, 8, 0, 768, 0, 0)).build();
  }

  /** deepseek-ai/DeepSeek-V3: MLA, 256 experts + 1 shared, 3 leading dense layers. */
  static ModelSpec deepseekV3() {
    return ModelSpec.builder("deepseek-v3").arch("deepseek2").layers(61).hiddenSize(7168).heads(128, 128)
        .headDims(192, 128).ffnSize(18432).vocabSize(129280).contextLength(163840)
        .moe(new MixtureOfExperts(256, 8, 1, 2048, 2048, 3, 1, true)).mla(new LatentAttention(512, 1536, 64, 128, 128))
        .build();
  }

  /** zai-org/GLM-4.5: 160 experts + 1 shared, 3 leading dense layers, q/k norms, one NextN layer. */
  static ModelSpec glm45() {
    return ModelSpec.builder("glm-4.5").arch("glm4moe").layers(92).nextnLayers(1).hiddenSize(5120).heads(96, 8)
        .headDim(128).qkNorm(true).ffnSize(12288).vocabSize(151552).contextLength(131072)
        .moe(new MixtureOfExperts(160, 8, 1, 1536, 1536, 3, 1, true)).build();
  }

  /** zai-org/GLM-4.5-Air: 128 experts + 1 shared, 1 leading dense layer, no q/k norms, one NextN layer. */
  static ModelSpec glm45Air() {
    return ModelSpec.builder("glm-4.5-air").arch("glm4moe").layers(46).nextnLayers(1).hiddenSize(4096)
        .heads(96, 8).headDim(128).ffnSize(10944).vocabSize(151552).contextLength(131072)
        .moe(new MixtureOfExperts(128, 8, 1, 1408, 1408, 1, 1, true)).build();
  }

  /** mistralai/Mixtral-8x7B: 8 experts, 2 a token. */
  static ModelSpec mixtral8x7b() {
    return ModelSpec.builder("mixtral-8x7b").arch("llama").layers(32).hiddenSize(4096).heads(32, 8).ffnSize(14336)
        .vocabSize(32000).contextLength(32768).moe(new MixtureOfExperts(8, 2, 0, 14336, 0, 0)).build();
  }

  /** microsoft/Phi-3-mini-4k-instruct: fused QKV, 32 layers, no grouped-query attention. */
  static ModelSpec phi3Mini() {
    return ModelSpec.builder("phi-3-mini").arch("phi3").layers(32).hiddenSize(3072).heads(32, 32).ffnSize(8192)
        .vocabSize(32064).contextLength(4096).build();
  }

  /** openai/gpt-oss-20b: 32 MXFP4 experts, 4 a token, every other layer a 128-token window. */
  static ModelSpec gptOss20b() {
    return ModelSpec.builder("gpt-oss-20b").arch("gpt-oss").layers(24).hiddenSize(2880).heads(64, 8).headDim(64)
        .ffnSize(2880).vocabSize(201088).contextLength(131072).moe(new MixtureOfExperts(32, 4, 0, 2880, 0, 0))
        .slidingWindow(new SlidingWindow(128, 2)).build();
  }

  /** The ggml type llama-quantize gives tensor {@code name} of {@code m} in a file of type {@code ft}. */
  static GgmlType typeOf(ModelSpec m, LlamaFileType ft, String name) {
    List<TensorSpec> t = m.tables().inventory().tensors();
    GgmlType[] types = m.tables().ggufTensorTypes(ft);
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).name().equals(name)) {
        return types[i];
      }
    }
    throw new AssertionError("no tensor " + name + " in " + m.id());
  }
}
