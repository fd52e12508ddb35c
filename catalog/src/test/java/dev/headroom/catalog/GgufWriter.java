package dev.headroom.catalog;

import dev.headroom.GgmlType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes GGUF files for tests (shared with the examples module's tests through the catalog's test jar): header,
 * typed metadata, tensor infos, and zero tensor data (written sparsely, so a multi-gigabyte model costs no disk).
 * {@link #header()} returns the bytes before the tensor data, for corrupting.
 */
public final class GgufWriter {
  private final ByteArrayOutputStream kv = new ByteArrayOutputStream();
  private final List<Object[]> tensors = new ArrayList<>();
  private int kvCount;
  private int version = 3;
  private long alignment = 32;

  /** An empty version-3 file with 32-byte alignment. */
  public GgufWriter() {}

  public GgufWriter version(int v) {
    version = v;
    return this;
  }

  public GgufWriter u32(String key, long value) {
    key(key, 4);
    putInt((int) value);
    return this;
  }

  public GgufWriter u64(String key, long value) {
    key(key, 10);
    putLong(value);
    return this;
  }

  public GgufWriter f32(String key, float value) {
    key(key, 6);
    putInt(Float.floatToIntBits(value));
    return this;
  }

  public GgufWriter bool(String key, boolean value) {
    key(key, 7);
    kv.write(value ? 1 : 0);
    return this;
  }

  public GgufWriter str(String key, String value) {
    key(key, 8);
    putString(value);
    return this;
  }

  public GgufWriter alignment(long value) {
    alignment = value;
    return u32("general.alignment", value);
  }

  public GgufWriter strings(String key, List<String> values) {
    key(key, 9);
    putInt(8);
    putLong(values.size());
    for (String v : values) {
      putString(v);
    }
    return this;
  }

  public GgufWriter ints(String key, int count, int value) {
    key(key, 9);
    putInt(5);
    putLong(count);
    for (int i = 0; i < count; i++) {
      putInt(value);
    }
    return this;
  }

  public GgufWriter floats(String key, int count) {
    key(key, 9);
    putInt(6);
    putLong(count);
    for (int i = 0; i < count; i++) {
      putInt(Float.floatToIntBits(-i));
    }
    return this;
  }

  /** A metadata value of any GGUF type id, given as its little-endian bytes, for the types the methods above lack. */
  public GgufWriter value(String key, int type, byte[] littleEndian) {
    key(key, type);
    kv.write(littleEndian, 0, littleEndian.length);
    return this;
  }

  public GgufWriter tensor(String name, GgmlType type, long... shape) {
    tensors.add(new Object[] {name, type, shape});
    return this;
  }

  private void key(String key, int type) {
    kvCount++;
    putString(key);
    putInt(type);
  }

  private void putString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    putLong(b.length);
    kv.write(b, 0, b.length);
  }

  private void putInt(int v) {
    kv.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array(), 0, 4);
  }

  private void putLong(long v) {
    kv.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array(), 0, 8);
  }

  static long bytes(GgmlType type, long[] shape) {
    long rows = 1;
    for (int i = 1; i < shape.length; i++) {
      rows *= shape[i];
    }
    return rows * type.bytesFor(shape[0]);
  }

  public long dataBytes() {
    long total = 0;
    for (Object[] t : tensors) {
      total += (bytes((GgmlType) t[1], (long[]) t[2]) + alignment - 1) / alignment * alignment;
    }
    return total;
  }

  /** Header, metadata and tensor infos, padded to the alignment. */
  public byte[] header() {
    ByteBuffer infos = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    long offset = 0;
    for (Object[] t : tensors) {
      byte[] name = ((String) t[0]).getBytes(StandardCharsets.UTF_8);
      long[] shape = (long[]) t[2];
      infos.putLong(name.length).put(name).putInt(shape.length);
      for (long d : shape) {
        infos.putLong(d);
      }
      GgmlType type = (GgmlType) t[1];
      infos.putInt(type.id()).putLong(offset);
      offset += (bytes(type, shape) + alignment - 1) / alignment * alignment;
    }
    ByteBuffer head = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    head.putInt(0x46554747).putInt(version).putLong(tensors.size()).putLong(kvCount);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(head.array(), 0, 24);
    byte[] k = kv.toByteArray();
    out.write(k, 0, k.length);
    out.write(infos.array(), 0, infos.position());
    while (out.size() % alignment != 0) {
      out.write(0);
    }
    return out.toByteArray();
  }

  /** The whole file in memory, the tensor data as zeros: for small files such as the fuzzing seeds. */
  public byte[] bytes() {
    byte[] header = header();
    return Arrays.copyOf(header, Math.toIntExact(header.length + dataBytes()));
  }

  /** Writes the whole file, the tensor data as a sparse run of zeros. */
  public Path write(Path file) {
    byte[] header = header();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(header));
      long end = header.length + dataBytes();
      if (end > header.length) {
        ch.position(end - 1);
        ch.write(ByteBuffer.wrap(new byte[1]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** A realistic qwen2 file: DeepSeek-R1-Distill-Qwen-1.5B's metadata, tokenizer arrays and Q8_0 tensors. */
  public static GgufWriter r1Distill15b(int vocab) {
    GgufWriter w = new GgufWriter().str("general.architecture", "qwen2")
        .str("general.name", "DeepSeek R1 Distill Qwen 1.5B").u32("general.file_type", 7)
        .u32("qwen2.block_count", 28).u32("qwen2.context_length", 131072).u32("qwen2.embedding_length", 1536)
        .u32("qwen2.feed_forward_length", 8960).u32("qwen2.attention.head_count", 12)
        .u32("qwen2.attention.head_count_kv", 2).f32("qwen2.rope.freq_base", 10000)
        .str("tokenizer.ggml.model", "gpt2").str("tokenizer.ggml.pre", "deepseek-r1-qwen");
    List<String> tokens = new ArrayList<>(vocab);
    List<String> merges = new ArrayList<>(vocab);
    for (int i = 0; i < vocab; i++) {
      tokens.add("tok" + i);
      merges.add("t ok" + i);
    }
    w.strings("tokenizer.ggml.tokens", tokens).ints("tokenizer.ggml.token_type", vocab, 1)
        .strings("tokenizer.ggml.merges", merges).u32("tokenizer.ggml.bos_token_id", 151646)
        .str("tokenizer.chat_template", "{% for m in messages %}{{ m.content }}{% endfor %}");
    long h = 1536;
    w.tensor("token_embd.weight", GgmlType.Q8_0, h, 151936);
    for (int i = 0; i < 28; i++) {
      String p = "blk." + i + ".";
      w.tensor(p + "attn_norm.weight", GgmlType.F32, h).tensor(p + "attn_q.weight", GgmlType.Q8_0, h, h)
          .tensor(p + "attn_q.bias", GgmlType.F32, h).tensor(p + "attn_k.weight", GgmlType.Q8_0, h, 256)
          .tensor(p + "attn_k.bias", GgmlType.F32, 256).tensor(p + "attn_v.weight", GgmlType.Q8_0, h, 256)
          .tensor(p + "attn_v.bias", GgmlType.F32, 256).tensor(p + "attn_output.weight", GgmlType.Q8_0, h, h)
          .tensor(p + "ffn_norm.weight", GgmlType.F32, h).tensor(p + "ffn_gate.weight", GgmlType.Q8_0, h, 8960)
          .tensor(p + "ffn_up.weight", GgmlType.Q8_0, h, 8960).tensor(p + "ffn_down.weight", GgmlType.Q8_0, 8960, h);
    }
    return w.tensor("output_norm.weight", GgmlType.F32, h).tensor("output.weight", GgmlType.Q8_0, h, 151936);
  }
}
