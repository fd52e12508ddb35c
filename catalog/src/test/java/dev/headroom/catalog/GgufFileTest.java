package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.Backend;
import dev.headroom.Estimator;
import dev.headroom.FileWeights;
import dev.headroom.GgmlType;
import dev.headroom.LlamaCppRuntime;
import dev.headroom.ModelSpec;
import dev.headroom.Quantization;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class GgufFileTest {
  @TempDir
  Path dir;

  /** A tiny llama-like model with a small tokenizer: a header of about 1 KB. */
  private static GgufWriter tiny() {
    GgufWriter w = new GgufWriter().str("general.architecture", "llama").str("general.name", "Tiny")
        .u32("general.file_type", 7).u32("llama.block_count", 1).u32("llama.context_length", 256)
        .u32("llama.embedding_length", 64).u32("llama.feed_forward_length", 128).u32("llama.attention.head_count", 4)
        .u32("llama.attention.head_count_kv", 2).bool("tokenizer.ggml.add_bos_token", true)
        .strings("tokenizer.ggml.tokens", List.of("a", "b", "c", "d")).floats("tokenizer.ggml.scores", 4);
    return w.tensor("token_embd.weight", GgmlType.Q8_0, 64, 4).tensor("blk.0.attn_norm.weight", GgmlType.F32, 64)
        .tensor("blk.0.attn_q.weight", GgmlType.Q8_0, 64, 64).tensor("blk.0.attn_k.weight", GgmlType.Q8_0, 64, 32)
        .tensor("blk.0.attn_v.weight", GgmlType.Q8_0, 64, 32).tensor("blk.0.attn_output.weight", GgmlType.Q8_0, 64, 64)
        .tensor("blk.0.ffn_norm.weight", GgmlType.F32, 64).tensor("blk.0.ffn_gate.weight", GgmlType.Q4_K, 256, 8)
        .tensor("blk.0.ffn_up.weight", GgmlType.Q8_0, 64, 128).tensor("blk.0.ffn_down.weight", GgmlType.Q8_0, 128, 64)
        .tensor("output_norm.weight", GgmlType.F32, 64);
  }

  /** DeepSeek-R1-Distill-Qwen-1.5B Q8_0: the real header (a 151,936-token tokenizer) over 1.9 GB of sparse data. */
  @Test
  void realisticFile_readsHeaderMetadataAndExactWeights() {
    Path file = GgufWriter.r1Distill15b(151_936).write(dir.resolve("r1.gguf"));
    GgufFile gguf = GgufFile.read(file);
    assertThat(gguf.version()).isEqualTo(3);
    assertThat(gguf.tensors()).hasSize(339);
    assertThat(gguf.architecture()).contains("qwen2");
    assertThat(gguf.quantization()).contains(Quantization.Q8_0);
    GgufArray tokens = (GgufArray) gguf.metadata().get("tokenizer.ggml.tokens");
    assertThat(tokens.length()).isEqualTo(151_936);
    assertThat(tokens.isComplete()).isFalse();
    assertThat(tokens.values()).isEmpty();
    assertThat(gguf.metadata().get("tokenizer.ggml.bos_token_id")).isEqualTo(151_646L);

    FileWeights w = gguf.weights();
    assertThat(w.tensorBytes().bytes()).isEqualTo(1_888_581_632L);
    GgufTensor embeddings = gguf.tensors().stream().filter(t -> t.name().equals("token_embd.weight")).findFirst()
        .orElseThrow();
    assertThat(w.activeBytes().bytes()).as("all but 151,935 of the untied embedding rows")
        .isEqualTo(1_888_581_632L - embeddings.bytes() / 151_936 * 151_935);
    assertThat(w.cpuRepackBytes().bytes()).isZero();
    assertThat(w.fileBytes().bytes()).isEqualTo(gguf.fileSize()).isEqualTo(gguf.dataOffset() + 1_888_581_632L);

    ModelSpec spec = gguf.toModelSpec();
    assertThat(spec.name()).isEqualTo("DeepSeek R1 Distill Qwen 1.5B");
    assertThat(spec.architecture().layers()).isEqualTo(28);
    assertThat(spec.architecture().kvHeads()).isEqualTo(2);
    assertThat(spec.architecture().vocabSize()).isEqualTo(151_936);
    assertThat(spec.architecture().tiedEmbeddings()).isFalse();
    assertThat(spec.totalParameters()).isEqualTo(1_777_088_000L);
    assertThat(spec.isApproximate()).isFalse();
    Estimator e = Estimator.of(spec).quant(gguf.quantization().orElseThrow()).fileWeights(w)
        .runtime(LlamaCppRuntime.defaults().withBackend(Backend.CPU));
    assertThat(e.weights().bytes()).isEqualTo(1_888_581_632L);
    assertThat(e.fileSize().bytes()).isEqualTo(gguf.fileSize());
    assertThat(Estimator.of(spec).quant(Quantization.Q8_0).weights()).isEqualTo(e.weights());
  }

  @Test
  void arrayLimit_decidesWhichArraysAreRead() {
    Path file = GgufWriter.r1Distill15b(151_936).write(dir.resolve("r1.gguf"));
    GgufArray all = (GgufArray) GgufFile.read(file, Integer.MAX_VALUE).metadata().get("tokenizer.ggml.tokens");
    assertThat(all.isComplete()).isTrue();
    assertThat(all.values()).hasSize(151_936).startsWith("tok0", "tok1");
    GgufArray small = (GgufArray) GgufFile.read(tiny().write(dir.resolve("t.gguf"))).metadata()
        .get("tokenizer.ggml.tokens");
    assertThat(small.values()).containsExactly("a", "b", "c", "d");
    assertThat(small.elementType()).isEqualTo("string");
    assertThatThrownBy(() -> GgufFile.read(file, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arrayLimit");
  }

  @Test
  void tinyFile_repackAndTypes() throws IOException {
    GgufFile gguf = GgufFile.read(tiny().write(dir.resolve("tiny.gguf")));
    assertThat(gguf.tensors()).extracting(GgufTensor::type).contains(GgmlType.Q4_K, GgmlType.Q8_0, GgmlType.F32);
    GgufTensor gate = gguf.tensors().get(7);
    assertThat(gate.name()).isEqualTo("blk.0.ffn_gate.weight");
    assertThat(gate.bytes()).isEqualTo(8 * 144);
    assertThat(gguf.weights().cpuRepackBytes().bytes()).isEqualTo(8 * 144);
    ModelSpec spec = gguf.toModelSpec();
    assertThat(spec.architecture().tiedEmbeddings()).isTrue();
    assertThat(spec.architecture().vocabSize()).isEqualTo(4);
    try (var ch = Files.newByteChannel(dir.resolve("tiny.gguf"))) {
      assertThat(GgufFile.read(ch, "channel", 16).tensors()).hasSize(11);
    }
  }

  @Test
  void splitFiles_areSummed() {
    GgufWriter first = new GgufWriter().str("general.architecture", "llama").u32("general.file_type", 7)
        .u32("split.no", 0).u32("split.count", 2).tensor("token_embd.weight", GgmlType.Q8_0, 64, 4);
    GgufWriter second = new GgufWriter().u32("split.no", 1).u32("split.count", 2)
        .tensor("output.weight", GgmlType.Q8_0, 64, 4);
    Path a = first.write(dir.resolve("m-00001-of-00002.gguf"));
    Path b = second.write(dir.resolve("m-00002-of-00002.gguf"));
    GgufFile all = GgufFile.readSplit(b);
    assertThat(all.parts()).isEqualTo(2);
    assertThat(all.tensors()).extracting(GgufTensor::name).containsExactly("token_embd.weight", "output.weight");
    assertThat(all.fileSize()).isEqualTo(a.toFile().length() + b.toFile().length());
    assertThat(all.weights().tensorBytes().bytes()).isEqualTo(2 * 288);
    assertThatThrownBy(() -> GgufFile.readSplit(dir.resolve("x-00001-of-00003.gguf")))
        .isInstanceOf(GgufFormatException.class).hasMessageContaining("part 1 of 3 is missing");
    assertThat(GgufFile.readSplit(first.write(dir.resolve("single.gguf"))).parts()).isEqualTo(1);
  }

  /** Every prefix of a valid header is a truncated file: each must fail with the documented exception. */
  @Test
  void truncatedAtEveryByte_raisesGgufFormatException() throws IOException {
    byte[] header = tiny().header();
    for (int cut = 0; cut < header.length; cut++) {
      Path file = dir.resolve("cut.gguf");
      Files.write(file, Arrays.copyOf(header, cut));
      int at = cut;
      assertThatThrownBy(() -> GgufFile.read(file)).as("cut at %d", at).isInstanceOf(GgufFormatException.class)
          .hasMessageContaining("at byte");
    }
  }

  /**
   * Strings are decoded where they lie in the 64 KiB read buffer: elements that straddle a refill, non-ASCII text
   * (two-, three- and four-byte UTF-8) and a string longer than the buffer all read back exactly, and a cut inside
   * them fails with the documented exception.
   */
  @Test
  void strings_acrossBufferRefills_readBackExactly() throws IOException {
    Random random = new Random(7);
    String[] pieces = {"\u0120the", "ing", "\u00e4\u00b8\u0143", "\u6f22\u5b57", "\ud83d\ude00", "x", ""};
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      strings.add(pieces[random.nextInt(pieces.length)] + pieces[random.nextInt(pieces.length)] + i);
    }
    String big = "\u00e9".repeat(40_000) + "end";
    GgufWriter writer = tiny().strings("test.strings", strings).str("test.big", big);
    Path file = writer.write(dir.resolve("strings.gguf"));
    byte[] header = writer.header();
    GgufFile gguf = GgufFile.read(file, Integer.MAX_VALUE);
    assertThat(((GgufArray) gguf.metadata().get("test.strings")).values()).isEqualTo(strings);
    assertThat(gguf.metadata().get("test.big")).isEqualTo(big);
    GgufFile skipped = GgufFile.read(file);
    assertThat(((GgufArray) skipped.metadata().get("test.strings")).length()).isEqualTo(30_000);
    assertThat(skipped.metadata().get("test.big")).isEqualTo(big);
    for (int cut : new int[] {65_536 + 3, header.length / 2, header.length - 1_000}) {
      assertThatThrownBy(() -> GgufFile.read(withHeader(Arrays.copyOf(header, cut)), Integer.MAX_VALUE))
          .as("cut at %d", cut).isInstanceOf(GgufFormatException.class).hasMessageContaining("at byte");
    }
  }

  /** Random corruption never escapes as anything but the documented exception (deterministic seed). */
  @Test
  void corruptedBytes_neverEscapeAsAnotherException() throws IOException {
    byte[] valid = Files.readAllBytes(tiny().write(dir.resolve("v.gguf")));
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      byte[] bad = valid.clone();
      int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        bad[random.nextInt(Math.min(bad.length, 1200))] = (byte) random.nextInt(256);
      }
      Path file = dir.resolve("bad.gguf");
      Files.write(file, bad);
      try {
        GgufFile g = GgufFile.read(file);
        g.weights();
        g.toModelSpec();
      } catch (GgufFormatException expected) {
        assertThat(expected.offset()).isBetween(0L, (long) bad.length);
      }
    }
  }

  private Path withHeader(byte[] bytes) throws IOException {
    Path file = dir.resolve("h.gguf");
    Files.write(file, bytes);
    return file;
  }

  private static byte[] patchLong(byte[] b, int at, long v) {
    byte[] out = b.clone();
    ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putLong(at, v);
    return out;
  }

  private static byte[] patchInt(byte[] b, int at, int v) {
    byte[] out = b.clone();
    ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
    return out;
  }

  @Test
  void hostileHeaders_nameTheOffsetAndTheProblem() throws IOException {
    byte[] h = new GgufWriter().str("k", "v").tensor("t", GgmlType.F32, 8).header();
    assertThatThrownBy(() -> GgufFile.read(withHeader(patchInt(h, 0, 0x12345678))))
        .isInstanceOf(GgufFormatException.class).hasMessageContaining("magic number");
    assertThatThrownBy(() -> GgufFile.read(withHeader(patchInt(h, 4, 1))))
        .hasMessageContaining("version 1 is not supported");
    assertThatThrownBy(() -> GgufFile.read(withHeader(patchInt(h, 4, 0x03000000))))
        .hasMessageContaining("big-endian");
    assertThatThrownBy(() -> GgufFile.read(withHeader(patchLong(h, 8, 1L << 40))))
        .isInstanceOf(GgufFormatException.class).hasMessageContaining("tensors cannot fit");
    assertThatThrownBy(() -> GgufFile.read(withHeader(patchLong(h, 16, Long.MAX_VALUE))))
        .hasMessageContaining("metadata entries cannot fit");
    assertThatThrownBy(() -> GgufFile.read(withHeader(patchLong(h, 24, Long.MAX_VALUE))))
        .isInstanceOf(GgufFormatException.class).hasMessageContaining("claims").hasMessageContaining("at byte 24");
    assertThatThrownBy(() -> GgufFile.read(withHeader(patchInt(h, 24 + 8 + 1, 13))))
        .hasMessageContaining("unknown value type 13");
  }

  @Test
  void badTensorInfos_areRejected() throws IOException {
    byte[] h = new GgufWriter().tensor("tt", GgmlType.F32, 8).header();
    int dims = 24 + 8 + 2;
    byte[] q4k = new GgufWriter().tensor("tt", GgmlType.Q4_K, 256).header();
    assertThatThrownBy(() -> GgufFile.read(withHeader(patchLong(q4k, dims + 4, 100))))
        .isInstanceOf(GgufFormatException.class)
        .hasMessageContaining("rows of 100 elements, not whole Q4_K blocks of 256");
    assertThatThrownBy(() -> GgufFile.read(withHeader(patchInt(h, dims, 5)))).hasMessageContaining("5 dimensions");
    assertThatThrownBy(() -> GgufFile.read(withHeader(patchLong(h, dims + 4, 0))))
        .hasMessageContaining("dimension 0");
    assertThatThrownBy(() -> GgufFile.read(withHeader(patchInt(h, dims + 12, 99))))
        .hasMessageContaining("unknown ggml type id 99");
    assertThatThrownBy(() -> GgufFile.read(withHeader(patchLong(h, dims + 16, 7))))
        .hasMessageContaining("data offset 7");
    assertThatThrownBy(() -> GgufFile.read(withHeader(h))).hasMessageContaining("runs past the end of the file");
    assertThatThrownBy(() -> GgufFile.read(new GgufWriter().tensor("t", GgmlType.F32, 1L << 40, 1L << 40)
        .write(dir.resolve("big.gguf")))).hasMessageContaining("must fit in 63 bits");
    assertThatThrownBy(() -> GgufFile.read(new GgufWriter().tensor("t", GgmlType.F32, 8).tensor("t", GgmlType.F32, 8)
        .write(dir.resolve("dup.gguf")))).hasMessageContaining("the tensor 't' appears twice");
  }

  /**
   * Tensors whose data overlap are refused, as llama.cpp refuses them: a million tensors sharing one file's bytes
   * would otherwise add up to more than the file (and, for a large sparse file, overflow the total).
   */
  @Test
  void tensorData_mustFollowOnWithoutGapsOrOverlaps() throws IOException {
    byte[] two = new GgufWriter().tensor("a", GgmlType.F32, 8).tensor("b", GgmlType.F32, 8).bytes();
    int secondOffset = 24 + (8 + 1 + 4 + 8 + 4 + 8) + (8 + 1 + 4 + 8 + 4);
    assertThat(GgufFile.read(withHeader(two)).weights().tensorBytes().bytes()).isEqualTo(64);
    assertThatThrownBy(() -> GgufFile.read(withHeader(patchLong(two, secondOffset, 0))))
        .isInstanceOf(GgufFormatException.class).hasMessageContaining("tensor 'b' has data offset 0; it must be 32");
    assertThatThrownBy(() -> GgufFile.read(withHeader(patchLong(two, secondOffset, 64))))
        .hasMessageContaining("tensor 'b' has data offset 64; it must be 32");
  }

  @Test
  void badMetadata_isRejected() {
    assertThatThrownBy(() -> GgufFile.read(new GgufWriter().u32("k", 1).u32("k", 2).write(dir.resolve("d.gguf"))))
        .isInstanceOf(GgufFormatException.class).hasMessageContaining("'k' appears twice");
    assertThatThrownBy(() -> GgufFile.read(new GgufWriter().alignment(3).write(dir.resolve("a.gguf"))))
        .hasMessageContaining("general.alignment must be a power of two");
    assertThatThrownBy(() -> GgufFile.read(new GgufWriter().write(dir.resolve("empty.gguf"))).toModelSpec())
        .isInstanceOf(GgufFormatException.class).hasMessageContaining("general.architecture is missing");
    assertThatThrownBy(() -> GgufFile.read(new GgufWriter().str("general.architecture", "llama")
        .write(dir.resolve("nokeys.gguf"))).toModelSpec()).hasMessageContaining("llama.block_count is missing");
  }

  @Test
  void aNonAsciiName_stillGivesAnId_andCountsOutsideIntAreRejected() {
    ModelSpec named = GgufFile.read(llama("通义千问", 2).write(dir.resolve("n.gguf"))).toModelSpec();
    assertThat(named.id()).isEqualTo("gguf-model");
    assertThat(named.name()).isEqualTo("通义千问");
    GgufFile huge = GgufFile.read(llama("Huge", (1L << 32) + 2).write(dir.resolve("h.gguf")));
    assertThatThrownBy(huge::toModelSpec).isInstanceOf(GgufFormatException.class)
        .hasMessageContaining("llama.attention.head_count_kv is 4294967298");
  }

  /** The keys a llama model needs, with a name and a KV head count of choice. */
  private static GgufWriter llama(String name, long kvHeads) {
    return new GgufWriter().str("general.architecture", "llama").str("general.name", name)
        .u32("llama.block_count", 1).u32("llama.embedding_length", 64).u32("llama.attention.head_count", 4)
        .u64("llama.attention.head_count_kv", kvHeads).u32("llama.feed_forward_length", 128)
        .u32("llama.context_length", 256).u32("llama.vocab_size", 100);
  }

  /** The router's score bias has no metadata key; a file has it when it holds {@code blk.N.exp_probs_b.bias}. */
  @Test
  void expertScoreBias_isReadFromTheTensorList() {
    GgufWriter withBias = tinyMoe().tensor("blk.1.exp_probs_b.bias", GgmlType.F32, 4);
    ModelSpec biased = GgufFile.read(withBias.write(dir.resolve("biased.gguf"))).toModelSpec();
    assertThat(biased.architecture().moe().expertScoreBias()).isTrue();
    ModelSpec plain = GgufFile.read(tinyMoe().write(dir.resolve("plain.gguf"))).toModelSpec();
    assertThat(plain.architecture().moe().expertScoreBias()).isFalse();
  }

  private static GgufWriter tinyMoe() {
    return new GgufWriter().str("general.architecture", "deepseek2").u32("deepseek2.block_count", 2)
        .u32("deepseek2.embedding_length", 64).u32("deepseek2.attention.head_count", 4)
        .u32("deepseek2.feed_forward_length", 128).u32("deepseek2.context_length", 256)
        .u32("deepseek2.vocab_size", 100).u32("deepseek2.expert_count", 4).u32("deepseek2.expert_used_count", 2)
        .u32("deepseek2.expert_feed_forward_length", 32).u32("deepseek2.leading_dense_block_count", 1);
  }

  /**
   * A small glm4moe file as the converter writes GLM-4.5: block_count 3 of which nextn_predict_layers 1, a dense
   * block 0, a MoE block 1, and the NextN block 2 (a MoE block plus eh_proj, three norms and its own embedding and
   * head copies); q/k norms of one 16-value head; every tensor F32. llama.cpp runs the first two blocks and skips the
   * third, so the weights leave it out and the file size keeps it.
   */
  @Test
  void nextnLayer_isReadBack_countedInTheFileAndParameters_notInTheWeights() {
    GgufFile gguf = GgufFile.read(glm(true).write(dir.resolve("glm.gguf")));
    ModelSpec spec = gguf.toModelSpec();
    assertThat(spec.architecture().layers()).isEqualTo(2);
    assertThat(spec.architecture().nextnLayers()).isEqualTo(1);
    assertThat(spec.architecture().qkNorm()).isTrue();
    assertThat(spec.isApproximate()).isFalse();
    long elements = gguf.tensors().stream().mapToLong(t -> t.shape().stream().reduce(1L, Math::multiplyExact)).sum();
    assertThat(spec.derivedParameters()).as("every tensor the file holds").isEqualTo(elements);
    // Each tensor's data is padded to 32 bytes.
    long nextn = gguf.tensors().stream().filter(t -> t.name().startsWith("blk.2."))
        .mapToLong(t -> (t.bytes() + 31) / 32 * 32).sum();
    long all = gguf.tensors().stream().mapToLong(t -> (t.bytes() + 31) / 32 * 32).sum();
    FileWeights w = gguf.weights();
    assertThat(w.tensorBytes().bytes()).isEqualTo(all - nextn);
    assertThat(w.fileBytes().bytes()).isEqualTo(gguf.fileSize()).isEqualTo(gguf.dataOffset() + all);
    assertThat(Estimator.of(spec).quant(Quantization.F32).weights()).as("predicted as read")
        .isEqualTo(Estimator.of(spec).quant(Quantization.F32).fileWeights(w).weights());
    FileWeights trunk = GgufFile.read(glm(false).write(dir.resolve("trunk.gguf"))).weights();
    assertThat(w.tensorBytes()).isEqualTo(trunk.tensorBytes());
    assertThat(w.activeBytes()).isEqualTo(trunk.activeBytes());
  }

  /** GLM-4.5 in miniature, with or without its NextN block 2; all tensors F32 (file type 0). */
  private static GgufWriter glm(boolean nextn) {
    GgufWriter w = new GgufWriter().str("general.architecture", "glm4moe").str("general.name", "Tiny GLM")
        .u32("general.file_type", 0).u32("glm4moe.block_count", nextn ? 3 : 2)
        .u32("glm4moe.embedding_length", 64).u32("glm4moe.attention.head_count", 4)
        .u32("glm4moe.attention.head_count_kv", 2).u32("glm4moe.attention.key_length", 16)
        .u32("glm4moe.attention.value_length", 16).u32("glm4moe.feed_forward_length", 128)
        .u32("glm4moe.context_length", 256).u32("glm4moe.vocab_size", 100).u32("glm4moe.expert_count", 4)
        .u32("glm4moe.expert_used_count", 2).u32("glm4moe.expert_feed_forward_length", 32)
        .u32("glm4moe.expert_shared_count", 1).u32("glm4moe.leading_dense_block_count", 1);
    if (nextn) {
      w.u32("glm4moe.nextn_predict_layers", 1);
    }
    w.tensor("token_embd.weight", GgmlType.F32, 64, 100).tensor("output_norm.weight", GgmlType.F32, 64)
        .tensor("output.weight", GgmlType.F32, 64, 100);
    for (int b = 0; b < (nextn ? 3 : 2); b++) {
      String p = "blk." + b + ".";
      w.tensor(p + "attn_norm.weight", GgmlType.F32, 64).tensor(p + "attn_q.weight", GgmlType.F32, 64, 64)
          .tensor(p + "attn_k.weight", GgmlType.F32, 64, 32).tensor(p + "attn_v.weight", GgmlType.F32, 64, 32)
          .tensor(p + "attn_q.bias", GgmlType.F32, 64).tensor(p + "attn_k.bias", GgmlType.F32, 32)
          .tensor(p + "attn_v.bias", GgmlType.F32, 32).tensor(p + "attn_q_norm.weight", GgmlType.F32, 16)
          .tensor(p + "attn_k_norm.weight", GgmlType.F32, 16).tensor(p + "attn_output.weight", GgmlType.F32, 64, 64)
          .tensor(p + "post_attention_norm.weight", GgmlType.F32, 64);
      if (b == 0) {
        w.tensor(p + "ffn_gate.weight", GgmlType.F32, 64, 128).tensor(p + "ffn_up.weight", GgmlType.F32, 64, 128)
            .tensor(p + "ffn_down.weight", GgmlType.F32, 128, 64);
        continue;
      }
      w.tensor(p + "ffn_gate_inp.weight", GgmlType.F32, 64, 4).tensor(p + "exp_probs_b.bias", GgmlType.F32, 4)
          .tensor(p + "ffn_gate_exps.weight", GgmlType.F32, 64, 32, 4)
          .tensor(p + "ffn_up_exps.weight", GgmlType.F32, 64, 32, 4)
          .tensor(p + "ffn_down_exps.weight", GgmlType.F32, 32, 64, 4)
          .tensor(p + "ffn_gate_shexp.weight", GgmlType.F32, 64, 32)
          .tensor(p + "ffn_up_shexp.weight", GgmlType.F32, 64, 32)
          .tensor(p + "ffn_down_shexp.weight", GgmlType.F32, 32, 64);
    }
    if (nextn) {
      w.tensor("blk.2.nextn.eh_proj.weight", GgmlType.F32, 128, 64)
          .tensor("blk.2.nextn.embed_tokens.weight", GgmlType.F32, 64, 100)
          .tensor("blk.2.nextn.enorm.weight", GgmlType.F32, 64).tensor("blk.2.nextn.hnorm.weight", GgmlType.F32, 64)
          .tensor("blk.2.nextn.shared_head_head.weight", GgmlType.F32, 64, 100)
          .tensor("blk.2.nextn.shared_head_norm.weight", GgmlType.F32, 64);
    }
    return w;
  }

  @Test
  void unknownArchitecture_givesAnApproximateSpec() {
    GgufFile gguf = GgufFile.read(new GgufWriter().str("general.architecture", "mamba9")
        .u32("mamba9.block_count", 2).u32("mamba9.embedding_length", 64).u32("mamba9.attention.head_count", 4)
        .u32("mamba9.feed_forward_length", 128).u32("mamba9.context_length", 1024).u32("mamba9.vocab_size", 100)
        .write(dir.resolve("m.gguf")));
    ModelSpec spec = gguf.toModelSpec();
    assertThat(spec.isApproximate()).isTrue();
    assertThat(spec.architecture().arch()).isEqualTo("mamba9");
  }

  @Test
  void formatException_offset_isWhereReadingStopped() throws IOException {
    byte[] h = new GgufWriter().str("k", "v").tensor("t", GgmlType.F32, 8).header();
    assertThatThrownBy(() -> GgufFile.read(withHeader(patchLong(h, 24, Long.MAX_VALUE))))
        .isInstanceOfSatisfying(GgufFormatException.class, e -> assertThat(e.offset()).isEqualTo(24));
  }

  /** A tensor has 1 to 4 dimensions, each at least 1, at an offset of 0 or more; an array holds its values. */
  @Test
  void tensor_shapeAndOffsetBounds() {
    assertThat(new GgufTensor("t", List.of(1L), GgmlType.F32, 0).shape()).containsExactly(1L);
    assertThat(new GgufTensor("t", List.of(2L, 3L, 4L, 5L), GgmlType.F32, 32).shape()).hasSize(4);
    assertThatThrownBy(() -> new GgufTensor("t", List.of(1L, 2L, 3L, 4L, 5L), GgmlType.F32, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 4 dimensions");
    assertThatThrownBy(() -> new GgufTensor("t", List.of(4L, 0L), GgmlType.F32, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be above 0");
    assertThatThrownBy(() -> new GgufTensor("t", List.of(4L), GgmlType.F32, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("offset of 't' must be 0 or more but was -1");
    assertThatThrownBy(() -> new GgufTensor("t", List.of(), GgmlType.F32, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 4 dimensions");
    assertThat(new GgufTensor("t", List.of(64L, 2L), GgmlType.F32, 0).bytes()).isEqualTo(512);
    assertThatThrownBy(() -> new GgufArray("u8", 1, List.of(1L, 2L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least the 2 values");
  }
}
