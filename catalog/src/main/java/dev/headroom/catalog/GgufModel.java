package dev.headroom.catalog;

import dev.headroom.LatentAttention;
import dev.headroom.MixtureOfExperts;
import dev.headroom.ModelSpec;
import dev.headroom.SlidingWindow;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A {@link ModelSpec} from GGUF metadata, using the keys llama.cpp's converter writes ({@code <arch>.block_count},
 * {@code .embedding_length}, {@code .attention.head_count_kv}, {@code .expert_count}, {@code .attention.kv_lora_rank},
 * …). Tied embeddings are a missing {@code output.weight}. An architecture Headroom has no tensor layout for still
 * gives a usable spec from the generic keys, marked approximate.
 */
final class GgufModel {
  private static final java.util.Set<String> KNOWN = java.util.Set.of("llama", "qwen2", "qwen2moe", "qwen3",
      "qwen3moe", "gemma", "gemma2", "gemma3", "phi3", "deepseek2", "gpt-oss", "command-r", "cohere2", "olmo2",
      "granite", "falcon", "glm4moe");

  private GgufModel() {}

  static ModelSpec spec(GgufFile f) {
    String arch = f.architecture().orElseThrow(() -> new GgufFormatException(f.source(), 0,
        "general.architecture is missing, so the model cannot be described"));
    String p = arch + ".";
    Object name = f.metadata().get("general.name");
    String slug = name instanceof String
        ? ((String) name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-|-$", "") : "";
    String id = slug.isEmpty() ? "gguf-model" : slug;
    // The converter counts the multi-token-prediction layers in block_count; llama.cpp runs the others.
    int blocks = required(f, p + "block_count");
    int nextn = (int) f.nextnLayers(arch);
    int layers = blocks - nextn;
    int hidden = required(f, p + "embedding_length");
    int heads = required(f, p + "attention.head_count");
    int kvHeads = optional(f, p + "attention.head_count_kv", heads);
    boolean tied = f.tensors().stream().noneMatch(t -> t.name().equals("output.weight"));
    ModelSpec.Builder b = ModelSpec.builder(id).arch(arch).layers(layers).hiddenSize(hidden)
        .vocabSize(vocabulary(f, p)).contextLength(required(f, p + "context_length")).tiedEmbeddings(tied)
        .approximate(!KNOWN.contains(arch)).nextnLayers(nextn)
        .qkNorm(f.tensors().stream().anyMatch(t -> t.name().endsWith(".attn_q_norm.weight")));
    if (name instanceof String && !((String) name).isBlank()) {
      b.name((String) name);
    }
    int experts = optional(f, p + "expert_count", 0);
    int ffn = optional(f, p + "feed_forward_length", 0);
    if (experts > 1) {
      int used = required(f, p + "expert_used_count");
      int expertFfn = optional(f, p + "expert_feed_forward_length", ffn);
      int shared = optional(f, p + "expert_shared_count", 0);
      int sharedFfn = optional(f, p + "expert_shared_feed_forward_length", (long) expertFfn * shared);
      // No metadata key says whether the router has a score-correction bias; the tensors do.
      boolean scoreBias = f.tensors().stream().anyMatch(t -> t.name().endsWith(".exp_probs_b.bias"));
      b.moe(new MixtureOfExperts(experts, used, shared, expertFfn, shared == 0 ? 0 : sharedFfn,
          optional(f, p + "leading_dense_block_count", 0),
          Math.max(1, optional(f, p + "interleave_moe_layer_step", 1)), scoreBias));
      b.ffnSize(ffn);
    } else {
      b.ffnSize(required(f, p + "feed_forward_length"));
    }
    int kvLora = optional(f, p + "attention.kv_lora_rank", 0);
    if (kvLora > 0) {
      int rope = required(f, p + "rope.dimension_count");
      int keyMla = optional(f, p + "attention.key_length_mla", optional(f, p + "attention.key_length", 0));
      int valueMla = optional(f, p + "attention.value_length_mla", optional(f, p + "attention.value_length", 0));
      LatentAttention mla = new LatentAttention(kvLora, optional(f, p + "attention.q_lora_rank", 0), rope,
          keyMla - rope, valueMla);
      b.mla(mla).heads(heads, heads).headDims(keyMla, valueMla);
    } else {
      b.heads(heads, kvHeads);
      int k = optional(f, p + "attention.key_length", 0);
      int v = optional(f, p + "attention.value_length", k);
      if (k > 0) {
        b.headDims(k, v);
      }
    }
    int window = optional(f, p + "attention.sliding_window", 0);
    OptionalInt pattern = SlidingWindow.llamaCppPattern(arch);
    if (window > 0 && pattern.isPresent()) {
      b.slidingWindow(new SlidingWindow(window, pattern.getAsInt() > layers ? 0 : pattern.getAsInt()));
    }
    return b.build();
  }

  private static int vocabulary(GgufFile f, String p) {
    long v = f.number(p + "vocab_size", 0);
    if (v == 0 && f.metadata().get("tokenizer.ggml.tokens") instanceof GgufArray) {
      v = ((GgufArray) f.metadata().get("tokenizer.ggml.tokens")).length();
    }
    if (v == 0) {
      for (GgufTensor t : f.tensors()) {
        if (t.name().equals("token_embd.weight") && t.shape().size() >= 2) {
          v = t.shape().get(1);
        }
      }
    }
    if (v <= 0 || v > Integer.MAX_VALUE) {
      throw new GgufFormatException(f.source(), 0, "the vocabulary size is unknown: no " + p + "vocab_size, "
          + "tokenizer.ggml.tokens or token_embd.weight");
    }
    return (int) v;
  }

  private static int required(GgufFile f, String key) {
    if (!f.metadata().containsKey(key)) {
      throw new GgufFormatException(f.source(), 0, "the metadata key " + key + " is missing, so the model cannot "
          + "be described");
    }
    return optional(f, key, 0);
  }

  /** The key's value as a count, or {@code fallback} when absent; a value outside [0, 2^31 − 1] is an error. */
  private static int optional(GgufFile f, String key, long fallback) {
    long v = f.number(key, fallback);
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw new GgufFormatException(f.source(), 0, key + " is " + v + "; it must be in [0, " + Integer.MAX_VALUE
          + "]");
    }
    return (int) v;
  }
}
