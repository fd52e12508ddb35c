package dev.headroom.benchmarks;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * One realistic GGUF v3 file, written without Headroom's reader or the catalog's test writer: the header of
 * DeepSeek-R1-Distill-Qwen-1.5B at Q4_K_M as llama.cpp's converter and quantizer write it, over sparse zero tensor
 * data (about 1.1 GB that take no disk).
 *
 * <p>The header has the {@code general.*} keys, the {@code qwen2.*} hyperparameters (28 layers, 1,536 hidden, 12/2
 * heads, 8,960 FFN, 131,072 context, rope theta 10,000, RMS epsilon 1e-6), a GPT-2 byte-level BPE tokenizer of
 * 151,936 tokens (the 256-symbol byte alphabet, 151,387 pseudo-random merged tokens of 2 to 12 bytes, 30 % of them
 * CJK in byte-level form, 22 special tokens, padding up to the embedding size; 6.6 bytes a token on average), their
 * 151,936 token types and 151,387 merges ({@code "left right"}), the special token ids, a 2.3 KB chat template, and
 * the infos of all 339 tensors with Q4_K_M's types (Q6_K for {@code output.weight} and for {@code attn_v}/{@code
 * ffn_down} of the layers llama.cpp gives more bits, Q4_K for the other matrices, F32 for norms and biases).
 *
 * <p>Token text is drawn from a {@link Random} with a fixed seed, so every run writes the same bytes. The tokenizer
 * alone cannot fit in 3 MB: 151,936 length prefixes and token types plus 151,387 merge prefixes already take 3.03 MB
 * before any text. This header is 5,213,376 bytes (5.2 MB); a real file with this tokenizer cannot be much smaller.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.headroom.benchmarks.RealisticGguf model.gguf}
 */
public final class RealisticGguf {
  /** The number of tokens, {@code tokenizer.ggml.tokens}' length and the embedding rows. */
  public static final int VOCABULARY = 151_936;
  /** The number of tensors. */
  public static final int TENSORS = 339;

  private static final long SEED = 0x6767_7566_3135L;
  private static final int ALIGNMENT = 32;
  private static final int LAYERS = 28;
  private static final long HIDDEN = 1536;
  private static final long KV = 256;
  private static final long FFN = 8960;
  private static final int BYTE_TOKENS = 256;
  private static final int MERGED_TOKENS = 151_387;
  private static final int F32 = 0;
  private static final int Q4_K = 12;
  private static final int Q6_K = 14;
  private static final String[] SPECIAL = {"<｜end▁of▁sentence｜>", "<｜User｜>", "<｜Assistant｜>",
      "<｜begin▁of▁sentence｜>", "<|EOT|>", "<think>", "</think>", "<|quad_start|>", "<|quad_end|>",
      "<|vision_start|>", "<|vision_end|>", "<|vision_pad|>", "<|image_pad|>", "<|video_pad|>", "<tool_call>",
      "</tool_call>", "<|fim_prefix|>", "<|fim_middle|>", "<|fim_suffix|>", "<|fim_pad|>", "<|repo_name|>",
      "<|file_sep|>"};
  /** English letters weighted by frequency, so short tokens repeat as real ones do. */
  private static final String LETTERS = "eeeeeeeeeeeettttttttaaaaaaaooooooiiiiiinnnnnnsssssshhhhhhrrrrrrddddlllluuu"
      + "cccmmmwwffggyyppbbvkjxqz";
  private static final String PUNCTUATION = ".,;:!?()[]{}<>=+-*/_'\"#$%&@\\|^~`";

  private final byte[] header;
  private final long dataBytes;

  private RealisticGguf() {
    Random random = new Random(SEED);
    List<String> tokens = new ArrayList<>(VOCABULARY);
    int[] types = new int[VOCABULARY];
    List<String> merges = new ArrayList<>(MERGED_TOKENS);
    char[] byteChars = byteChars();
    for (String b : byteTokens(byteChars)) {
      types[tokens.size()] = 1;
      tokens.add(b);
    }
    Set<String> seen = new HashSet<>(tokens);
    while (tokens.size() < BYTE_TOKENS + MERGED_TOKENS) {
      String token = mergedToken(random, byteChars);
      if (seen.add(token)) {
        types[tokens.size()] = 1;
        tokens.add(token);
        int split = 1 + random.nextInt(token.length() - 1);
        merges.add(token.substring(0, split) + " " + token.substring(split));
      }
    }
    for (int i = 0; i < SPECIAL.length; i++) {
      types[tokens.size()] = SPECIAL[i].startsWith("<｜") || SPECIAL[i].startsWith("<|") ? 3 : 4;
      tokens.add(SPECIAL[i]);
    }
    while (tokens.size() < VOCABULARY) {
      types[tokens.size()] = 5;
      tokens.add("[PAD" + tokens.size() + "]");
    }

    Writer kv = new Writer(6 << 20);
    int keys = 0;
    keys += kv.str("general.architecture", "qwen2");
    keys += kv.str("general.type", "model");
    keys += kv.str("general.name", "DeepSeek R1 Distill Qwen 1.5B");
    keys += kv.str("general.basename", "DeepSeek-R1-Distill-Qwen");
    keys += kv.str("general.size_label", "1.5B");
    keys += kv.u32("qwen2.block_count", LAYERS);
    keys += kv.u32("qwen2.context_length", 131_072);
    keys += kv.u32("qwen2.embedding_length", HIDDEN);
    keys += kv.u32("qwen2.feed_forward_length", FFN);
    keys += kv.u32("qwen2.attention.head_count", 12);
    keys += kv.u32("qwen2.attention.head_count_kv", 2);
    keys += kv.f32("qwen2.rope.freq_base", 10_000f);
    keys += kv.f32("qwen2.attention.layer_norm_rms_epsilon", 1e-6f);
    keys += kv.u32("general.file_type", 15);
    keys += kv.str("tokenizer.ggml.model", "gpt2");
    keys += kv.str("tokenizer.ggml.pre", "deepseek-r1-qwen");
    keys += kv.strings("tokenizer.ggml.tokens", tokens);
    keys += kv.ints("tokenizer.ggml.token_type", types);
    keys += kv.strings("tokenizer.ggml.merges", merges);
    keys += kv.u32("tokenizer.ggml.bos_token_id", 151_646);
    keys += kv.u32("tokenizer.ggml.eos_token_id", 151_643);
    keys += kv.u32("tokenizer.ggml.padding_token_id", 151_643);
    keys += kv.bool("tokenizer.ggml.add_bos_token", true);
    keys += kv.bool("tokenizer.ggml.add_eos_token", false);
    keys += kv.str("tokenizer.chat_template", CHAT_TEMPLATE);
    keys += kv.u32("general.quantization_version", 2);

    Writer infos = new Writer(64 << 10);
    long offset = 0;
    int tensors = 0;
    List<Object[]> all = tensorInfos();
    for (Object[] t : all) {
      long[] shape = (long[]) t[2];
      int type = (Integer) t[1];
      infos.string((String) t[0]);
      infos.i32(shape.length);
      for (long d : shape) {
        infos.i64(d);
      }
      infos.i32(type);
      infos.i64(offset);
      offset += pad(bytes(type, shape));
      tensors++;
    }
    Writer out = new Writer(kv.size() + infos.size() + 64);
    out.i32(0x46554747);
    out.i32(3);
    out.i64(tensors);
    out.i64(keys);
    out.bytes(kv.array(), kv.size());
    out.bytes(infos.array(), infos.size());
    while (out.size() % ALIGNMENT != 0) {
      out.u8(0);
    }
    this.header = Arrays.copyOf(out.array(), out.size());
    this.dataBytes = offset;
  }

  /** Builds the file's contents; the same bytes every time. */
  public static RealisticGguf create() {
    return new RealisticGguf();
  }

  /** The header: magic, counts, metadata and tensor infos, padded to the 32-byte alignment. A copy. */
  public byte[] header() {
    return header.clone();
  }

  /** The bytes of the header: 5,213,376. */
  public int headerBytes() {
    return header.length;
  }

  /** The size of the whole file: the header and the tensor data, each tensor padded to the alignment. */
  public long fileBytes() {
    return header.length + dataBytes;
  }

  /** Writes the file: the header, then the tensor data as a sparse run of zeros ({@code setLength}). */
  public Path write(Path file) {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(0);
      raf.write(header);
      raf.setLength(fileBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /**
   * Writes the file to the path given as the only argument and prints its sizes.
   *
   * @param args the output path
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: java -cp benchmarks.jar dev.headroom.benchmarks.RealisticGguf <out.gguf>");
      System.exit(2);
    }
    RealisticGguf gguf = create();
    Path file = gguf.write(Path.of(args[0]));
    System.out.printf(Locale.ROOT, "wrote %s: header %d bytes, file %d bytes (tensor data sparse)%n", file,
        gguf.headerBytes(), gguf.fileBytes());
  }

  /** GPT-2's {@code bytes_to_unicode}: printable Latin-1 bytes stand for themselves, the others for U+0100 on. */
  private static char[] byteChars() {
    char[] chars = new char[256];
    int extra = 0;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      chars[b] = printable ? (char) b : (char) (256 + extra++);
    }
    return chars;
  }

  /** The 256 byte tokens in GPT-2's vocabulary order: the printable bytes first, then the remapped ones. */
  private static List<String> byteTokens(char[] byteChars) {
    List<String> tokens = new ArrayList<>(256);
    for (int pass = 0; pass < 2; pass++) {
      for (int b = 0; b < 256; b++) {
        if ((byteChars[b] == b) == (pass == 0)) {
          tokens.add(String.valueOf(byteChars[b]));
        }
      }
    }
    return tokens;
  }

  /**
   * A merged token: a word piece, often after a space ({@code Ġ}), sometimes capitalised, digits or punctuation, or
   * one or two CJK characters in byte-level form (three symbols each).
   */
  private static String mergedToken(Random random, char[] byteChars) {
    StringBuilder sb = new StringBuilder(12);
    int kind = random.nextInt(100);
    if (kind < 30) {
      int chars = 1 + (random.nextInt(4) == 0 ? 1 : 0);
      for (int c = 0; c < chars; c++) {
        int cp = 0x4E00 + random.nextInt(0x9FFF - 0x4E00);
        byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        for (byte b : utf8) {
          sb.append(byteChars[b & 0xff]);
        }
      }
      return sb.toString();
    }
    if (kind < 35) {
      int n = 2 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        sb.append(random.nextBoolean() ? (char) ('0' + random.nextInt(10))
            : PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
      }
      return sb.toString();
    }
    if (random.nextInt(100) < 55) {
      sb.append('\u0120');
    }
    int letters = 1 + random.nextInt(4) + random.nextInt(5);
    for (int i = 0; i < letters; i++) {
      char c = LETTERS.charAt(random.nextInt(LETTERS.length()));
      sb.append(i == 0 && random.nextInt(5) == 0 ? Character.toUpperCase(c) : c);
    }
    if (sb.length() < 2) {
      sb.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
    }
    return sb.toString();
  }

  /** The 339 tensors: name, ggml type id, shape in ggml order (row length first), in llama.cpp's file order. */
  private static List<Object[]> tensorInfos() {
    List<Object[]> t = new ArrayList<>(TENSORS);
    t.add(new Object[] {"token_embd.weight", Q4_K, new long[] {HIDDEN, VOCABULARY}});
    for (int i = 0; i < LAYERS; i++) {
      String p = "blk." + i + ".";
      int moreBits = moreBits(i) ? Q6_K : Q4_K;
      t.add(new Object[] {p + "attn_norm.weight", F32, new long[] {HIDDEN}});
      t.add(new Object[] {p + "ffn_down.weight", moreBits, new long[] {FFN, HIDDEN}});
      t.add(new Object[] {p + "ffn_gate.weight", Q4_K, new long[] {HIDDEN, FFN}});
      t.add(new Object[] {p + "ffn_up.weight", Q4_K, new long[] {HIDDEN, FFN}});
      t.add(new Object[] {p + "ffn_norm.weight", F32, new long[] {HIDDEN}});
      t.add(new Object[] {p + "attn_k.bias", F32, new long[] {KV}});
      t.add(new Object[] {p + "attn_k.weight", Q4_K, new long[] {HIDDEN, KV}});
      t.add(new Object[] {p + "attn_output.weight", Q4_K, new long[] {HIDDEN, HIDDEN}});
      t.add(new Object[] {p + "attn_q.bias", F32, new long[] {HIDDEN}});
      t.add(new Object[] {p + "attn_q.weight", Q4_K, new long[] {HIDDEN, HIDDEN}});
      t.add(new Object[] {p + "attn_v.bias", F32, new long[] {KV}});
      t.add(new Object[] {p + "attn_v.weight", moreBits, new long[] {HIDDEN, KV}});
    }
    t.add(new Object[] {"output_norm.weight", F32, new long[] {HIDDEN}});
    t.add(new Object[] {"output.weight", Q6_K, new long[] {HIDDEN, VOCABULARY}});
    return t;
  }

  /** llama.cpp's {@code use_more_bits}: the first and last eighth of the layers and every third in between. */
  private static boolean moreBits(int layer) {
    return layer < LAYERS / 8 || layer >= 7 * LAYERS / 8 || (layer - LAYERS / 8) % 3 == 2;
  }

  private static long bytes(int type, long[] shape) {
    long rows = 1;
    for (int i = 1; i < shape.length; i++) {
      rows *= shape[i];
    }
    switch (type) {
      case F32: return rows * shape[0] * 4;
      case Q4_K: return rows * (shape[0] / 256) * 144;
      case Q6_K: return rows * (shape[0] / 256) * 210;
      default: throw new IllegalArgumentException("type " + type);
    }
  }

  private static long pad(long n) {
    return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }

  /** A growable little-endian byte buffer; the metadata methods return 1, one key written. */
  private static final class Writer {
    private byte[] buf;
    private int size;

    Writer(int capacity) {
      buf = new byte[capacity];
    }

    int size() {
      return size;
    }

    byte[] array() {
      return buf;
    }

    private void ensure(int n) {
      if (size + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
      }
    }

    void u8(int v) {
      ensure(1);
      buf[size++] = (byte) v;
    }

    void i32(int v) {
      ensure(4);
      for (int i = 0; i < 4; i++) {
        buf[size++] = (byte) (v >>> (8 * i));
      }
    }

    void i64(long v) {
      ensure(8);
      for (int i = 0; i < 8; i++) {
        buf[size++] = (byte) (v >>> (8 * i));
      }
    }

    void bytes(byte[] b, int n) {
      ensure(n);
      System.arraycopy(b, 0, buf, size, n);
      size += n;
    }

    void string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      i64(b.length);
      bytes(b, b.length);
    }

    private void key(String key, int type) {
      string(key);
      i32(type);
    }

    int u32(String key, long v) {
      key(key, 4);
      i32((int) v);
      return 1;
    }

    int f32(String key, float v) {
      key(key, 6);
      i32(Float.floatToIntBits(v));
      return 1;
    }

    int bool(String key, boolean v) {
      key(key, 7);
      u8(v ? 1 : 0);
      return 1;
    }

    int str(String key, String v) {
      key(key, 8);
      string(v);
      return 1;
    }

    int strings(String key, List<String> values) {
      key(key, 9);
      i32(8);
      i64(values.size());
      for (String v : values) {
        string(v);
      }
      return 1;
    }

    int ints(String key, int[] values) {
      key(key, 9);
      i32(5);
      i64(values.length);
      for (int v : values) {
        i32(v);
      }
      return 1;
    }
  }

  /** A chat template in the style of DeepSeek-R1's (Jinja), 2,271 bytes of UTF-8. */
  private static final String CHAT_TEMPLATE = "{% if not add_generation_prompt is defined %}"
      + "{% set add_generation_prompt = false %}{% endif %}"
      + "{% set ns = namespace(is_first=false, is_tool=false, is_output_first=true, system_prompt='') %}"
      + "{%- for message in messages %}{%- if message['role'] == 'system' %}"
      + "{% set ns.system_prompt = message['content'] %}{%- endif %}{%- endfor %}"
      + "{{ bos_token }}{{ ns.system_prompt }}"
      + "{%- for message in messages %}"
      + "{%- if message['role'] == 'user' %}{%- set ns.is_tool = false -%}"
      + "{{ '<｜User｜>' + message['content'] }}{%- endif %}"
      + "{%- if message['role'] == 'assistant' and message['content'] is none %}{%- set ns.is_tool = false -%}"
      + "{%- for tool in message['tool_calls'] %}{%- if not ns.is_first %}"
      + "{{ '<｜Assistant｜><｜tool▁calls▁begin｜><｜tool▁call▁begin｜>' + tool['type'] + '<｜tool▁sep｜>'"
      + " + tool['function']['name'] + '\\n' + '```json' + '\\n' + tool['function']['arguments'] + '\\n' + '```'"
      + " + '<｜tool▁call▁end｜>' }}{%- set ns.is_first = true -%}"
      + "{%- else %}{{ '\\n' + '<｜tool▁call▁begin｜>' + tool['type'] + '<｜tool▁sep｜>'"
      + " + tool['function']['name'] + '\\n' + '```json' + '\\n' + tool['function']['arguments'] + '\\n' + '```'"
      + " + '<｜tool▁call▁end｜>' }}{{ '<｜tool▁calls▁end｜><｜end▁of▁sentence｜>' }}{%- endif %}{%- endfor %}"
      + "{%- endif %}"
      + "{%- if message['role'] == 'assistant' and message['content'] is not none %}"
      + "{%- if ns.is_tool %}{{ '<｜tool▁outputs▁end｜>' + message['content'] + '<｜end▁of▁sentence｜>' }}"
      + "{%- set ns.is_tool = false -%}{%- else %}{% set content = message['content'] %}"
      + "{% if '</think>' in content %}{% set content = content.split('</think>')[-1] %}{% endif %}"
      + "{{ '<｜Assistant｜>' + content + '<｜end▁of▁sentence｜>' }}{%- endif %}{%- endif %}"
      + "{%- if message['role'] == 'tool' %}{%- set ns.is_tool = true -%}"
      + "{%- if ns.is_output_first %}{{ '<｜tool▁outputs▁begin｜><｜tool▁output▁begin｜>' + message['content']"
      + " + '<｜tool▁output▁end｜>' }}{%- set ns.is_output_first = false %}"
      + "{%- else %}{{ '\\n<｜tool▁output▁begin｜>' + message['content'] + '<｜tool▁output▁end｜>' }}"
      + "{%- endif %}{%- endif %}{%- endfor -%}"
      + "{% if ns.is_tool %}{{ '<｜tool▁outputs▁end｜>' }}{% endif %}"
      + "{% if add_generation_prompt and not ns.is_tool %}{{ '<｜Assistant｜><think>\\n' }}{% endif %}";
}
