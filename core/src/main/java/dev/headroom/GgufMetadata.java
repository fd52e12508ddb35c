package dev.headroom;

import java.util.List;

/**
 * The part of a GGUF file before the tensor data: header, metadata key/values (the tokenizer dominates) and tensor
 * infos, padded to the 32-byte alignment.
 */
final class GgufMetadata {
  /** Magic, version, tensor count, key/value count. */
  private static final long HEADER_BYTES = 24;
  /**
   * Tokenizer bytes per vocabulary entry: token string, type and merges. Assumption measured on the Qwen2 BPE
   * tokenizer (DeepSeek-R1-Distill-Qwen-1.5B: 5,950,336 bytes of header and metadata for 151,936 tokens).
   */
  private static final long TOKENIZER_BYTES_PER_TOKEN = 38;
  /** Every other key (general.*, architecture hyper-parameters, chat template). */
  private static final long OTHER_KEYS_BYTES = 8192;

  private GgufMetadata() {}

  static long estimateBytes(ModelSpec model) {
    List<TensorSpec> tensors = model.tables().inventory().tensors();
    long infos = 0;
    for (TensorSpec t : tensors) {
      int dims = t.ne2() > 1 ? 3 : t.ne1() > 1 ? 2 : 1;
      infos += 8 + t.name().length() + 4 + 8L * dims + 4 + 8;
    }
    long total = HEADER_BYTES + OTHER_KEYS_BYTES + TOKENIZER_BYTES_PER_TOKEN * model.architecture().vocabSize() + infos;
    return ModelTables.padded(total);
  }
}
