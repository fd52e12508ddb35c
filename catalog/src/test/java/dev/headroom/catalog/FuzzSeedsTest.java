package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.GgmlType;
import dev.headroom.ModelSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GGUF seeds of {@link GgufFileFuzzTest}: small valid files, one per reader path worth starting from (dense,
 * MoE, latent attention, sliding window with a tokenizer, every metadata type), written with {@link GgufWriter}.
 * Each committed seed must equal its recipe and read into a model; run with {@code -Dheadroom.writeSeeds=true} to
 * rewrite them after changing a recipe. The tensors are tiny, whatever the metadata says, because the fuzzer
 * mutates every byte and tensor data is only checked to lie inside the file.
 */
final class FuzzSeedsTest {
  private static final Path GGUF_SEEDS = Path.of("src/test/resources/dev/headroom/catalog/GgufFileFuzzTestInputs");

  /** Every recipe seeds {@code read}; the disk-bound {@code readFile}, fuzzed only in long runs, starts from two. */
  static Stream<Arguments> provider_ggufSeeds() {
    Stream<Arguments> read = recipes().entrySet().stream().map(e -> Arguments.of("read", e.getKey(), e.getValue()));
    Stream<Arguments> readFile = Stream.of("llama-dense.gguf", "gemma3-sliding-tokenizer.gguf")
        .map(name -> Arguments.of("readFile", name, recipes().get(name)));
    return Stream.concat(read, readFile);
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("provider_ggufSeeds")
  void ggufSeed_equalsItsRecipe_andDescribesAModel(String method, String name, GgufWriter recipe)
      throws IOException {
    byte[] bytes = recipe.bytes();
    Path seed = GGUF_SEEDS.resolve(method).resolve(name);
    if (Boolean.getBoolean("headroom.writeSeeds")) {
      Files.createDirectories(seed.getParent());
      Files.write(seed, bytes);
    }
    assertThat(seed).as("run with -Dheadroom.writeSeeds=true to write it").exists().hasBinaryContent(bytes);
    GgufFile gguf = GgufFile.read(new ByteArrayChannel(bytes), name, GgufFile.DEFAULT_ARRAY_LIMIT);
    ModelSpec spec = gguf.toModelSpec();
    assertThat(spec.totalParameters()).isPositive();
    assertThat(gguf.weights().tensorBytes().bytes()).isPositive();
  }

  private static Map<String, GgufWriter> recipes() {
    return Map.of("llama-dense.gguf", llamaDense(), "qwen3moe.gguf", qwen3Moe(), "deepseek2-mla.gguf",
        deepSeekMla(), "gemma3-sliding-tokenizer.gguf", gemma3(), "every-value-type.gguf", everyValueType());
  }

  /** Dense llama with grouped-query attention, explicit head sizes, untied output, CPU-repackable Q4_0. */
  private static GgufWriter llamaDense() {
    return new GgufWriter().str("general.architecture", "llama").str("general.name", "Llama Seed 8B")
        .u32("general.file_type", 2).u32("llama.block_count", 2).u32("llama.context_length", 8192)
        .u32("llama.embedding_length", 64).u32("llama.feed_forward_length", 128)
        .u32("llama.attention.head_count", 4).u32("llama.attention.head_count_kv", 2)
        .u32("llama.attention.key_length", 16).u32("llama.attention.value_length", 16).u32("llama.vocab_size", 32)
        .tensor("token_embd.weight", GgmlType.Q4_0, 32, 8).tensor("blk.0.attn_q.weight", GgmlType.Q4_0, 32, 8)
        .tensor("blk.0.attn_norm.weight", GgmlType.F32, 8).tensor("output.weight", GgmlType.Q6_K, 256, 1);
  }

  /** Mixture of experts: routed experts in a 3-D tensor, expert FFN size apart from the dense one. */
  private static GgufWriter qwen3Moe() {
    return new GgufWriter().str("general.architecture", "qwen3moe").u32("general.file_type", 7)
        .u32("qwen3moe.block_count", 2).u32("qwen3moe.context_length", 32768)
        .u32("qwen3moe.embedding_length", 64).u32("qwen3moe.feed_forward_length", 0)
        .u32("qwen3moe.attention.head_count", 4).u32("qwen3moe.attention.head_count_kv", 4)
        .u32("qwen3moe.expert_count", 8).u32("qwen3moe.expert_used_count", 2)
        .u32("qwen3moe.expert_feed_forward_length", 32)
        .tensor("token_embd.weight", GgmlType.Q8_0, 32, 4).tensor("blk.0.ffn_up_exps.weight", GgmlType.Q8_0, 32, 1, 8)
        .tensor("blk.0.ffn_gate_inp.weight", GgmlType.F32, 8, 1);
  }

  /** DeepSeek's latent attention, shared experts and leading dense layers, with a per-layer head-count array. */
  private static GgufWriter deepSeekMla() {
    return new GgufWriter().str("general.architecture", "deepseek2").str("general.name", "DeepSeek Seed")
        .u32("deepseek2.block_count", 3).u32("deepseek2.context_length", 163840)
        .u32("deepseek2.embedding_length", 64).u32("deepseek2.feed_forward_length", 96)
        .ints("deepseek2.attention.head_count", 3, 4).u32("deepseek2.attention.head_count_kv", 4)
        .u32("deepseek2.attention.kv_lora_rank", 16).u32("deepseek2.attention.q_lora_rank", 24)
        .u32("deepseek2.rope.dimension_count", 8).u32("deepseek2.attention.key_length_mla", 24)
        .u32("deepseek2.attention.value_length_mla", 16).u32("deepseek2.expert_count", 4)
        .u32("deepseek2.expert_used_count", 2).u32("deepseek2.expert_shared_count", 1)
        .u32("deepseek2.expert_feed_forward_length", 32).u32("deepseek2.leading_dense_block_count", 1)
        .u64("deepseek2.vocab_size", 16).tensor("token_embd.weight", GgmlType.F16, 16, 16)
        .tensor("blk.1.ffn_down_exps.weight", GgmlType.Q4_K, 256, 1, 4);
  }

  /** Version 2, a 64-byte alignment, sliding-window layers, tied embeddings and a tokenizer read into arrays. */
  private static GgufWriter gemma3() {
    return new GgufWriter().version(2).alignment(64).str("general.architecture", "gemma3")
        .u32("general.file_type", 1).u32("gemma3.block_count", 12).u32("gemma3.context_length", 131072)
        .u32("gemma3.embedding_length", 64).u32("gemma3.feed_forward_length", 256)
        .u32("gemma3.attention.head_count", 8).u32("gemma3.attention.head_count_kv", 4)
        .u32("gemma3.attention.sliding_window", 512).f32("gemma3.rope.freq_base", 1_000_000)
        .bool("tokenizer.ggml.add_bos_token", true).str("tokenizer.ggml.model", "llama")
        .strings("tokenizer.ggml.tokens", List.of("<pad>", "<bos>", "a", "b", "ab", "\u00e9", "\u2581c", "d"))
        .floats("tokenizer.ggml.scores", 8).ints("tokenizer.ggml.token_type", 8, 1)
        .tensor("token_embd.weight", GgmlType.F16, 16, 8).tensor("blk.0.attn_k.weight", GgmlType.BF16, 16, 2)
        .tensor("blk.0.ffn_up.weight", GgmlType.IQ4_NL, 32, 8);
  }

  /** An architecture without a tensor layout, the vocabulary from the embeddings, and every metadata value type. */
  private static GgufWriter everyValueType() {
    return new GgufWriter().str("general.architecture", "rwkv9").value("seed.uint8", 0, new byte[] {(byte) 200})
        .value("seed.int8", 1, new byte[] {-5}).value("seed.uint16", 2, le(2).putShort((short) 60000).array())
        .value("seed.int16", 3, le(2).putShort((short) -300).array()).value("seed.int32", 5, le(4).putInt(-7).array())
        .value("seed.int64", 11, le(8).putLong(-1L << 40).array())
        .value("seed.float64", 12, le(8).putDouble(0.5).array())
        // An array of two arrays: one uint8 element, then no bool elements.
        .value("seed.nested", 9, le(37).putInt(9).putLong(2).putInt(0).putLong(1).put((byte) 1).putInt(7).putLong(0)
            .array())
        .u32("rwkv9.block_count", 1).u32("rwkv9.context_length", 1024).u32("rwkv9.embedding_length", 32)
        .u32("rwkv9.feed_forward_length", 64).u32("rwkv9.attention.head_count", 2)
        .tensor("token_embd.weight", GgmlType.F32, 4, 3).tensor("blk.0.ffn_up.weight", GgmlType.MXFP4, 32, 2, 1, 1);
  }

  private static ByteBuffer le(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }
}
