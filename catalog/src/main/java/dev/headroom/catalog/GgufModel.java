package dev.headroom.catalog;

import dev.headroom.LatentAttention;
import dev.headroom.MixtureOfExperts;
import dev.headroom.ModelSpec;
import dev.headroom.SlidingWindow;
import java.util.Locale;

/**
 * A {@link ModelSpec} from GGUF metadata, using the keys llama.cpp's converter writes ({@code <arch>.block_count},
 * {@code .embedding_length}, {@code .attention.head_count_kv}, {@code .expert_count}, {@code .attention.kv_lora_rank},
 * …). Tied embeddings are a missing {@code output.weight}. An architecture Headroom has no tensor layout for still
 * gives a usable spec from the generic keys, marked approximate.
 */
final class GgufModel {
  private static final java.util.Set<String> KNOWN = java.util.Set.of("llama", "qwen2", "qwen2moe", "qwen3",
      "qwen3moe", "gemma", "gemma2", "gemma3", "phi3", "deepseek2", "gpt-oss", "command-r", "cohere2", "olmo2",
      "granite", "falcon");

  private GgufModel() {}

  static ModelSpec spec(GgufFile f) {
    String arch = f.architecture().orElseThrow(() -> new GgufFormatException(f.source(), 0,
        "general.architecture is missing, so the model cannot be described"));
    String p = arch + ".";
    Object name = f.metadata().get("general.name");
    String id = name instanceof String && !((String) name).isBlank()
        ? ((String) name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-|-$", "")
        : "gguf-model";
    int layers = required(f, p + "block_count");
    int hidden = required(f, p + "embedding_length");
    int heads = required(f, p + "attention.head_count");
    int kvHeads = (int) f.number(p + "attention.head_count_kv", heads);
    boolean tied = f.tensors().stream().noneMatch(t -> t.name().equals("output.weight"));
    ModelSpec.Builder b = ModelSpec.builder(id).arch(arch).layers(layers).hiddenSize(hidden)
        .vocabSize(vocabulary(f, p)).contextLength(required(f, p + "context_length")).tiedEmbeddings(tied)
        .approximate(!KNOWN.contains(arch));
    if (name instanceof String && !((String) name).isBlank()) {
      b.name((String) name);
    }
    long experts = f.number(p + "expert_count", 0);
    long ffn = f.number(p + "feed_forward_length", 0);
    if (experts > 1) {
      int used = required(f, p + "expert_used_count");
      int expertFfn = (int) f.number(p + "expert_feed_forward_length", ffn);
      int shared = (int) f.number(p + "expert_shared_count", 0);
      long sharedFfn = f.number(p + "expert_shared_feed_forward_length", (long) expertFfn * shared);
      b.moe(new MixtureOfExperts((int) experts, used, shared, expertFfn, shared == 0 ? 0 : (int) sharedFfn,
          (int) f.number(p + "leading_dense_block_count", 0),
          (int) Math.max(1, f.number(p + "interleave_moe_layer_step", 1))));
      b.ffnSize((int) ffn);
    } else {
      b.ffnSize(required(f, p + "feed_forward_length"));
    }
    long kvLora = f.number(p + "attention.kv_lora_rank", 0);
    if (kvLora > 0) {
      int rope = required(f, p + "rope.dimension_count");
      long keyMla = f.number(p + "attention.key_length_mla", f.number(p + "attention.key_length", 0));
      long valueMla = f.number(p + "attention.value_length_mla", f.number(p + "attention.value_length", 0));
      LatentAttention mla = new LatentAttention((int) kvLora, (int) f.number(p + "attention.q_lora_rank", 0), rope,
          (int) keyMla - rope, (int) valueMla);
      b.mla(mla).heads(heads, heads).headDims((int) keyMla, (int) valueMla);
    } else {
      b.heads(heads, kvHeads);
      long k = f.number(p + "attention.key_length", 0);
      long v = f.number(p + "attention.value_length", k);
      if (k > 0) {
        b.headDims((int) k, (int) v);
      }
    }
    long window = f.number(p + "attention.sliding_window", 0);
    Integer pattern = HuggingFaceConfig.SWA_PATTERN.get(arch);
    if (window > 0 && pattern != null) {
      b.slidingWindow(new SlidingWindow((int) window, pattern > layers ? 0 : pattern));
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
    long v = f.number(key, -1);
    if (v < 0) {
      throw new GgufFormatException(f.source(), 0, "the metadata key " + key + " is missing, so the model cannot "
          + "be described");
    }
    if (v > Integer.MAX_VALUE) {
      throw new GgufFormatException(f.source(), 0, key + " is " + v + "; at most " + Integer.MAX_VALUE);
    }
    return (int) v;
  }
}
