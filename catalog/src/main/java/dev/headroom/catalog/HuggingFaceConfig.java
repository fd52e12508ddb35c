package dev.headroom.catalog;

import dev.headroom.LatentAttention;
import dev.headroom.MixtureOfExperts;
import dev.headroom.ModelSpec;
import dev.headroom.RecurrentLayers;
import dev.headroom.SlidingWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Hugging Face {@code config.json} into a {@link ModelSpec}: the nested {@code text_config} of vision
 * models, mixture-of-experts keys under their several names, multi-head latent attention, sliding-window layouts,
 * {@code head_dim} when it is not {@code hidden_size / num_attention_heads}, tied embeddings (with each model
 * type's default), and the recurrent layers of hybrid models.
 *
 * <p>{@code model_type} is mapped to llama.cpp's architecture name ({@code mistral} and {@code mixtral} are
 * {@code llama}, {@code deepseek_v3} and {@code kimi_k2} are {@code deepseek2}, …). An unknown model type still gives
 * a spec from the generic keys, marked {@link ModelSpec#isApproximate() approximate}. Sliding windows are kept only
 * for the architectures whose llama.cpp implementation uses them (Gemma 2 and 3, gpt-oss, Command R7B); llama.cpp
 * gives Mistral 7B v0.1 a full cache.
 *
 * <pre>{@code
 * ModelSpec spec = HuggingFaceConfig.read(file);   // file: the Path of a config.json
 * ModelSpec same = HuggingFaceConfig.parse(Files.readString(file), "my-model");
 * }</pre>
 */
public final class HuggingFaceConfig {
  /** A Hugging Face repository id: owner and name, letters, digits, '.', '_' and '-'. */
  private static final java.util.regex.Pattern HF_REPO = java.util.regex.Pattern.compile("[\\w-][\\w.-]*/[\\w.-]+");

  private static final Map<String, String> ARCH = new LinkedHashMap<>();

  static {
    String[][] pairs = {
      {"llama", "llama"}, {"mistral", "llama"}, {"mixtral", "llama"}, {"granite", "granite"},
      {"granitemoe", "granitemoe"}, {"qwen2", "qwen2"}, {"qwen2_moe", "qwen2moe"}, {"qwen3", "qwen3"},
      {"qwen3_moe", "qwen3moe"}, {"qwen3_next", "qwen3next"}, {"gemma", "gemma"}, {"gemma2", "gemma2"},
      {"gemma3", "gemma3"}, {"gemma3_text", "gemma3"}, {"phi3", "phi3"}, {"phimoe", "phimoe"},
      {"deepseek_v2", "deepseek2"}, {"deepseek_v3", "deepseek2"}, {"kimi_k2", "deepseek2"}, {"gpt_oss", "gpt-oss"},
      {"cohere", "command-r"}, {"cohere2", "cohere2"}, {"olmo", "olmo"}, {"olmo2", "olmo2"}, {"olmoe", "olmoe"},
      {"glm4", "glm4"}, {"glm4_moe", "glm4moe"}, {"falcon", "falcon"}, {"llama4", "llama4"},
      {"llama4_text", "llama4"}, {"smollm3", "smollm3"}, {"exaone", "exaone"}, {"internlm2", "internlm2"},
      {"starcoder2", "starcoder2"}, {"mistral3", "llama"}, {"ministral", "llama"},
    };
    for (String[] p : pairs) {
      ARCH.put(p[0], p[1]);
    }
  }

  private HuggingFaceConfig() {}

  /**
   * Reads a config file; the id is the {@code _name_or_path} key or, failing that, the name of the directory
   * holding the file.
   *
   * @param file the {@code config.json} file, not null
   * @return the model the config describes
   * @throws IllegalArgumentException naming the file, key and value when the file is not a usable config (also
   *     when it is not UTF-8 text)
   * @throws UncheckedIOException when the file cannot be read
   * @throws NullPointerException when {@code file} is null
   */
  public static ModelSpec read(Path file) {
    Objects.requireNonNull(file, "file must not be null");
    String text;
    try {
      if (Files.size(file) > Json.MAX_LENGTH) {
        throw new IllegalArgumentException(file + " is larger than a config.json can be (" + Files.size(file)
            + " bytes)");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      // Corrupt or hostile content, not an I/O failure: the same exception as any other unusable config.
      throw new IllegalArgumentException(file + " is not a config.json: it is not UTF-8 text", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Path dir = file.toAbsolutePath().getParent();
    String fallback = dir == null || dir.getFileName() == null ? "model" : dir.getFileName().toString();
    return parse(text, fallback, file.toString());
  }

  /**
   * Reads config text.
   *
   * @param json the config.json text
   * @param id the id to give the model unless the config names one in {@code _name_or_path}, not blank
   * @return the model the config describes
   * @throws IllegalArgumentException naming the key and value when the text is not a usable config, or when
   *     {@code id} is blank
   * @throws NullPointerException when {@code json} or {@code id} is null
   */
  public static ModelSpec parse(CharSequence json, String id) {
    Objects.requireNonNull(json, "json must not be null");
    Objects.requireNonNull(id, "id must not be null");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank but was '" + id + "'");
    }
    return parse(json.toString(), id, "config.json");
  }

  private static ModelSpec parse(String text, String fallbackId, String source) {
    Object root = Json.parse(text, source);
    if (!(root instanceof Map)) {
      throw new ConfigException(source + " must hold a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> top = (Map<String, @Nullable Object>) root;
    Map<String, @Nullable Object> c = new LinkedHashMap<>(top);
    Object nested = top.get("text_config");
    if (nested instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> textConfig = (Map<String, @Nullable Object>) nested;
      c.putAll(textConfig);
    }
    try {
      return new Reader(c, source).spec(fallbackId);
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      // The values read but do not make a model (a field out of ModelSpec's range, heads that leave no head size).
      throw new IllegalArgumentException(source + " does not describe a usable model: " + e.getMessage(), e);
    }
  }

  /** An error the reader raises itself, already naming the file and key. */
  private static final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
      super(message);
    }
  }

  /** Typed access to one config's keys, with errors naming the key. */
  private static final class Reader {
    private final Map<String, @Nullable Object> c;
    private final String source;

    Reader(Map<String, @Nullable Object> c, String source) {
      this.c = c;
      this.source = source;
    }

    ModelSpec spec(String fallbackId) {
      String modelType = string("model_type");
      String arch = modelType == null ? null : ARCH.get(modelType.toLowerCase(Locale.ROOT));
      boolean approximate = arch == null;
      String llamaArch = arch == null ? "llama" : arch;
      // _name_or_path is a Hugging Face repository ("owner/name") or whatever local path the model was saved from.
      String name = string("_name_or_path");
      String path = name == null ? "" : name.strip().replaceAll("/+$", "");
      String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      String id = last.isBlank() || last.equals(".") || last.equals("..") ? fallbackId : last;
      int hidden = required("hidden_size", "n_embd", "d_model");
      int layers = required("num_hidden_layers", "n_layer", "num_layers");
      int heads = required("num_attention_heads", "n_head");
      Integer kv = integer("num_key_value_heads", "num_kv_heads", "n_head_kv");
      if (kv == null && Boolean.TRUE.equals(c.get("multi_query"))) {
        kv = 1;
      }
      ModelSpec.Builder b = ModelSpec.builder(id).arch(llamaArch).layers(layers).hiddenSize(hidden)
          .heads(heads, kv == null ? heads : kv).vocabSize(required("vocab_size", "padded_vocab_size"))
          .contextLength(required("max_position_embeddings", "n_positions", "seq_length", "max_sequence_length"))
          .tiedEmbeddings(bool("tie_word_embeddings", defaultTied(llamaArch))).approximate(approximate);
      if (HF_REPO.matcher(path).matches()) {
        b.huggingFaceRepo(path);
      }
      Object architectures = c.get("architectures");
      if (architectures instanceof List && !((List<?>) architectures).isEmpty()
          && ((List<?>) architectures).get(0) instanceof String) {
        b.huggingFaceArchitecture((String) ((List<?>) architectures).get(0));
      }
      Integer headDim = integer("head_dim");
      if (headDim != null) {
        b.headDim(headDim);
      }
      Integer ffn = llamaArch.equals("llama4") ? integer("intermediate_size_mlp", "intermediate_size")
          : integer("intermediate_size", "n_inner", "ffn_hidden_size");
      Integer experts = integer("num_local_experts", "num_experts", "n_routed_experts");
      if (experts != null && experts > 1) {
        moe(b, experts, llamaArch);
        if (ffn != null) {
          b.ffnSize(ffn);
        }
      } else {
        b.ffnSize(ffn == null ? requiredFfn(hidden) : ffn);
      }
      Integer kvLora = integer("kv_lora_rank");
      if (kvLora != null) {
        int rope = required("qk_rope_head_dim");
        int nope = required("qk_nope_head_dim");
        int v = required("v_head_dim");
        Integer qLora = integer("q_lora_rank");
        b.mla(new LatentAttention(kvLora, qLora == null ? 0 : qLora, rope, nope, v));
      }
      slidingWindow(b, llamaArch, layers);
      if (llamaArch.equals("glm4moe")) {
        // Only GLM-4.5's converter keeps the NextN layers (DeepSeek-V3's drops them), and elsewhere use_qk_norm can
        // mean weightless norms (Llama 4).
        Integer nextn = integer("num_nextn_predict_layers");
        b.nextnLayers(nextn == null ? 0 : nextn).qkNorm(bool("use_qk_norm", false));
      }
      Integer interval = integer("full_attention_interval");
      if (interval != null) {
        b.recurrent(new RecurrentLayers(interval, recurrentState()));
      }
      return b.build();
    }

    private void moe(ModelSpec.Builder b, int experts, String arch) {
      int perToken = required("num_experts_per_tok", "num_experts_per_token", "moe_topk");
      Integer expertFfn = integer("moe_intermediate_size", "expert_intermediate_size");
      if (expertFfn == null) {
        expertFfn = required("intermediate_size");
      }
      Integer shared = integer("n_shared_experts", "num_shared_experts");
      Integer sharedFfn = integer("shared_expert_intermediate_size");
      int sharedCount = shared != null ? shared : sharedFfn != null && sharedFfn > 0 ? 1 : 0;
      if (arch.equals("llama4")) {
        sharedCount = 1;
        sharedFfn = expertFfn;
      }
      int sharedSize = sharedCount == 0 ? 0 : sharedFfn != null && sharedFfn > 0 ? sharedFfn : expertFfn * sharedCount;
      Integer leading = integer("first_k_dense_replace");
      Integer step = integer("interleave_moe_layer_step", "decoder_sparse_step", "moe_layer_freq");
      // Routing without auxiliary loss (noaux_tc) adds e_score_correction_bias to the router; GLM-4.5's router
      // always has it.
      boolean scoreBias = "noaux_tc".equals(string("topk_method")) || arch.equals("glm4moe");
      b.moe(new MixtureOfExperts(experts, perToken, sharedCount, expertFfn, sharedSize,
          leading == null ? 0 : leading, step == null || step < 1 ? 1 : step, scoreBias));
    }

    private void slidingWindow(ModelSpec.Builder b, String arch, int layers) {
      Integer window = integer("sliding_window");
      OptionalInt defaultPattern = SlidingWindow.llamaCppPattern(arch);
      if (window == null || defaultPattern.isEmpty() || Boolean.FALSE.equals(c.get("use_sliding_window"))) {
        return;
      }
      int pattern = defaultPattern.getAsInt();
      Integer given = integer("sliding_window_pattern");
      Object types = c.get("layer_types");
      if (types instanceof List && !((List<?>) types).isEmpty()) {
        int firstFull = ((List<?>) types).indexOf("full_attention");
        if (firstFull >= 0) {
          given = firstFull + 1;
        }
      }
      int p = given != null && given > 1 ? given : pattern;
      b.slidingWindow(new SlidingWindow(window, p > layers ? 0 : p));
    }

    /**
     * The fixed state of one recurrent (Gated DeltaNet) layer per sequence, in f32: the convolution state
     * {@code (kernel − 1) × (2 × keyHeads × keyDim + valueHeads × valueDim)} and the recurrent state
     * {@code valueHeads × keyDim × valueDim} ({@code src/llama-memory-recurrent.cpp}). 0 when the keys are absent.
     */
    private long recurrentState() {
      Integer keyHeads = integer("linear_num_key_heads");
      Integer valueHeads = integer("linear_num_value_heads");
      Integer keyDim = integer("linear_key_head_dim");
      Integer valueDim = integer("linear_value_head_dim");
      Integer kernel = integer("linear_conv_kernel_dim");
      if (keyHeads == null || valueHeads == null || keyDim == null || valueDim == null || kernel == null) {
        return 0;
      }
      if (kernel < 1) {
        throw new ConfigException(source + ": linear_conv_kernel_dim must be at least 1 but was " + kernel);
      }
      try {
        long channels = Math.addExact(Math.multiplyExact(2L * keyHeads, (long) keyDim),
            Math.multiplyExact((long) valueHeads, (long) valueDim));
        long conv = Math.multiplyExact(kernel - 1L, channels);
        long ssm = Math.multiplyExact(Math.multiplyExact((long) valueHeads, (long) keyDim), (long) valueDim);
        return Math.multiplyExact(4L, Math.addExact(conv, ssm));
      } catch (ArithmeticException e) {
        throw new ConfigException(String.format(Locale.ROOT, "%s: linear_num_key_heads %d, linear_num_value_heads "
            + "%d, linear_key_head_dim %d, linear_value_head_dim %d and linear_conv_kernel_dim %d give a recurrent "
            + "state larger than 2^63 bytes", source, keyHeads, valueHeads, keyDim, valueDim, kernel));
      }
    }

    private int requiredFfn(int hidden) {
      throw new ConfigException(source + " has no intermediate_size (or n_inner, ffn_hidden_size) for a "
          + "dense model of hidden size " + hidden);
    }

    private static boolean defaultTied(String arch) {
      return arch.startsWith("gemma") || arch.equals("command-r") || arch.equals("cohere2");
    }

    private @Nullable String string(String key) {
      Object v = c.get(key);
      return v instanceof String ? (String) v : null;
    }

    private boolean bool(String key, boolean fallback) {
      Object v = c.get(key);
      return v instanceof Boolean ? (Boolean) v : fallback;
    }

    private @Nullable Integer integer(String... keys) {
      for (String key : keys) {
        Object v = c.get(key);
        if (v == null) {
          continue;
        }
        if (!(v instanceof Long) || (Long) v < 0 || (Long) v > Integer.MAX_VALUE) {
          throw new ConfigException(String.format(Locale.ROOT,
              "%s: %s must be a whole number in [0, %d] but was %s", source, key, Integer.MAX_VALUE, v));
        }
        return ((Long) v).intValue();
      }
      return null;
    }

    private int required(String... keys) {
      Integer v = integer(keys);
      if (v == null) {
        throw new ConfigException(source + " has no " + String.join(" (or ", keys)
            + ")".repeat(keys.length - 1) + "; it is needed to size the model");
      }
      return v;
    }
  }
}
