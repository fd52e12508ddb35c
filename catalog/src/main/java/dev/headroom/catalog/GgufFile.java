package dev.headroom.catalog;

import dev.headroom.Bytes;
import dev.headroom.FileWeights;
import dev.headroom.GgmlType;
import dev.headroom.Quantization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a GGUF file (versions 2 and 3): every metadata key and value, every tensor's name, shape, type and
 * offset, and the alignment — read without touching the tensor data.
 *
 * <p>Arrays longer than a limit (1,024 elements by default: the tokenizer's tokens, scores and merges) are skipped
 * without being materialised; their {@link GgufArray} keeps the length. Split models ({@code
 * name-00001-of-00003.gguf}) are read part by part with {@link #readSplit(Path)} and summed.
 *
 * <p>Reading is defensive: every length and count in the file is checked against the bytes the file has left before
 * it is used, shapes are checked for overflow and whole blocks, tensor data must lie inside the file. A file that
 * fails any check raises {@link GgufFormatException} with the byte offset and what was wrong; an I/O failure raises
 * {@link UncheckedIOException}.
 *
 * <pre>{@code
 * GgufFile gguf = GgufFile.read(path);   // path: the Path of a .gguf file
 * ModelSpec spec = gguf.toModelSpec();
 * MemoryEstimate m = Estimator.of(spec).fileWeights(gguf.weights()).context(8192).vram();
 * }</pre>
 */
public final class GgufFile {
  /** The default limit above which arrays are skipped. */
  public static final int DEFAULT_ARRAY_LIMIT = 1024;

  private static final long MAGIC = 0x46554747L;
  private static final int MAX_KEY = 1 << 16;
  private static final int MAX_STRING = 16 << 20;
  private static final int MAX_DIMS = 4;
  private static final int MAX_TENSORS = 1 << 20;
  private static final long MAX_ALIGNMENT = 1 << 20;
  private static final Pattern SPLIT = Pattern.compile("(.*)-(\\d{5})-of-(\\d{5})\\.gguf");
  private static final String[] TYPE_NAMES = {"uint8", "int8", "uint16", "int16", "uint32", "int32", "float32",
      "bool", "string", "array", "uint64", "int64", "float64"};
  private static final int[] TYPE_SIZES = {1, 1, 2, 2, 4, 4, 4, 1, 8, 12, 8, 8, 8};

  private final String source;
  private final int version;
  private final long alignment;
  private final Map<String, Object> metadata;
  private final List<GgufTensor> tensors;
  private final long dataOffset;
  private final long fileSize;
  private final int parts;

  private GgufFile(String source, int version, long alignment, Map<String, Object> metadata,
      List<GgufTensor> tensors, long dataOffset, long fileSize, int parts) {
    this.source = source;
    this.version = version;
    this.alignment = alignment;
    this.metadata = Collections.unmodifiableMap(metadata);
    this.tensors = List.copyOf(tensors);
    this.dataOffset = dataOffset;
    this.fileSize = fileSize;
    this.parts = parts;
  }

  /**
   * Reads one file's header, skipping arrays longer than {@value #DEFAULT_ARRAY_LIMIT} elements.
   *
   * @param path the file, not null
   * @return the header
   * @throws GgufFormatException when the file is not valid GGUF
   * @throws UncheckedIOException when the file cannot be read
   * @throws NullPointerException when {@code path} is null
   */
  public static GgufFile read(Path path) {
    return read(path, DEFAULT_ARRAY_LIMIT);
  }

  /**
   * Reads one file's header, materialising arrays of at most {@code arrayLimit} elements.
   *
   * @param path the file, not null
   * @param arrayLimit 0 to {@link Integer#MAX_VALUE}; use a large value to read the tokenizer
   * @return the header
   * @throws GgufFormatException when the file is not valid GGUF
   * @throws UncheckedIOException when the file cannot be read
   * @throws IllegalArgumentException when {@code arrayLimit} is negative
   * @throws NullPointerException when {@code path} is null
   */
  public static GgufFile read(Path path, int arrayLimit) {
    Objects.requireNonNull(path, "path must not be null");
    requireArrayLimit(arrayLimit);
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      return read(ch, path.toString(), arrayLimit);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UncheckedIOException("cannot read " + path + ": no such file", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a header from a channel positioned at the start of a GGUF file; the channel's size bounds every length.
   *
   * @param channel the channel to read, not null; the caller closes it
   * @param source a name for messages
   * @param arrayLimit the longest array to materialise, 0 to {@link Integer#MAX_VALUE}
   * @return the header
   * @throws GgufFormatException when the bytes are not valid GGUF
   * @throws UncheckedIOException when the channel cannot be read
   * @throws IllegalArgumentException when {@code arrayLimit} is negative
   * @throws NullPointerException when {@code channel} or {@code source} is null
   */
  public static GgufFile read(SeekableByteChannel channel, String source, int arrayLimit) {
    Objects.requireNonNull(channel, "channel must not be null");
    Objects.requireNonNull(source, "source must not be null");
    requireArrayLimit(arrayLimit);
    return parse(new GgufInput(channel, source), source, arrayLimit);
  }

  private static void requireArrayLimit(int arrayLimit) {
    if (arrayLimit < 0) {
      throw new IllegalArgumentException("arrayLimit must be in [0, " + Integer.MAX_VALUE + "] but was " + arrayLimit);
    }
  }

  /**
   * Reads every part of a split model ({@code name-00001-of-00003.gguf}, given any part or the first), or the file
   * alone when its name is not a split name: metadata from the first part, tensors and sizes of all parts.
   *
   * @param path any part of a split model, or a single file, not null
   * @return the header of all parts together
   * @throws GgufFormatException when a part is invalid or missing
   * @throws UncheckedIOException when a part cannot be read
   * @throws NullPointerException when {@code path} is null
   */
  public static GgufFile readSplit(Path path) {
    Objects.requireNonNull(path, "path must not be null");
    Path name = path.getFileName();
    Matcher m = SPLIT.matcher(name == null ? "" : name.toString());
    if (!m.matches()) {
      return read(path);
    }
    int count = Integer.parseInt(m.group(3));
    if (count < 1 || count > 9999) {
      throw new GgufFormatException(path.toString(), 0, "split count " + count + " is outside [1, 9999]");
    }
    GgufFile first = null;
    List<GgufTensor> all = new ArrayList<>();
    long size = 0;
    for (int part = 1; part <= count; part++) {
      Path p = path.resolveSibling(String.format(Locale.ROOT, "%s-%05d-of-%05d.gguf", m.group(1), part, count));
      if (!Files.isRegularFile(p)) {
        throw new GgufFormatException(p.toString(), 0, "part " + part + " of " + count + " is missing");
      }
      GgufFile file = read(p);
      if (first == null) {
        first = file;
      }
      all.addAll(file.tensors);
      size += file.fileSize;
    }
    return new GgufFile(path.toString(), first.version, first.alignment, new LinkedHashMap<>(first.metadata), all,
        first.dataOffset, size, count);
  }

  private static GgufFile parse(GgufInput in, String source, int arrayLimit) {
    long magic = in.u32("the magic number");
    if (magic != MAGIC) {
      throw new GgufFormatException(source, 0, String.format(Locale.ROOT,
          "the magic number is 0x%08x, not 'GGUF' (0x%08x)", magic, MAGIC));
    }
    long version = in.u32("the version");
    if (version != 2 && version != 3) {
      throw new GgufFormatException(source, 4, "version " + version + " is not supported; expected 2 or 3"
          + (version > 0xffff ? " (a big-endian file?)" : ""));
    }
    long tensorCount = in.i64("the tensor count");
    long kvCount = in.i64("the metadata count");
    if (tensorCount < 0 || tensorCount > MAX_TENSORS || tensorCount * 32 > in.remaining()) {
      throw new GgufFormatException(source, 8, String.format(Locale.ROOT,
          "%d tensors cannot fit in the %d bytes left (each needs at least 32)", tensorCount, in.remaining()));
    }
    if (kvCount < 0 || kvCount > in.remaining() / 13) {
      throw new GgufFormatException(source, 16, String.format(Locale.ROOT,
          "%d metadata entries cannot fit in the %d bytes left (each needs at least 13)", kvCount, in.remaining()));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    for (long i = 0; i < kvCount; i++) {
      long at = in.position();
      String key = in.string("a metadata key", MAX_KEY);
      int type = (int) in.u32("the type", key);
      Object value = value(in, type, key, arrayLimit, 0);
      if (metadata.put(key, value) != null) {
        throw new GgufFormatException(source, at, "the metadata key '" + key + "' appears twice");
      }
    }
    long alignment = 32;
    Object a = metadata.get("general.alignment");
    if (a != null) {
      if (!(a instanceof Long) || (Long) a <= 0 || (Long) a > MAX_ALIGNMENT || Long.bitCount((Long) a) != 1) {
        throw in.error("general.alignment must be a power of two in [1, " + MAX_ALIGNMENT + "] but was " + a);
      }
      alignment = (Long) a;
    }
    List<GgufTensor> tensors = new ArrayList<>((int) tensorCount);
    long[] infoOffsets = new long[(int) tensorCount];
    Set<String> names = new HashSet<>();
    for (int i = 0; i < tensorCount; i++) {
      infoOffsets[i] = in.position();
      tensors.add(tensor(in, names, alignment));
    }
    long dataOffset = (in.position() + alignment - 1) / alignment * alignment;
    // As llama.cpp's gguf.cpp: each tensor's data starts where the previous one's padded data ends, so tensors
    // cannot share bytes and their sizes add up to at most the file's.
    long next = 0;
    for (int i = 0; i < tensors.size(); i++) {
      GgufTensor t = tensors.get(i);
      if (t.offset() != next) {
        throw new GgufFormatException(source, infoOffsets[i], String.format(Locale.ROOT,
            "tensor '%s' has data offset %d; it must be %d, where the previous tensor's padded data ends",
            t.name(), t.offset(), next));
      }
      long bytes = t.bytes();
      long end = dataOffset + t.offset() + bytes;
      if (bytes > in.size() || end > in.size() || end < 0) {
        throw new GgufFormatException(source, infoOffsets[i], String.format(Locale.ROOT,
            "the data of tensor '%s' (%d bytes at data offset %d) runs past the end of the file (%d bytes)",
            t.name(), bytes, t.offset(), in.size()));
      }
      next = t.offset() + (bytes + alignment - 1) / alignment * alignment;
    }
    return new GgufFile(source, (int) version, alignment, metadata, tensors, dataOffset, in.size(), 1);
  }

  private static GgufTensor tensor(GgufInput in, Set<String> names, long alignment) {
    String name = in.string("a tensor name", MAX_KEY);
    if (!names.add(name)) {
      throw in.error("the tensor '" + name + "' appears twice");
    }
    long dims = in.u32("the dimension count", name);
    if (dims < 1 || dims > MAX_DIMS) {
      throw in.error("tensor '" + name + "' has " + dims + " dimensions; expected 1 to " + MAX_DIMS);
    }
    List<Long> shape = new ArrayList<>((int) dims);
    long elements = 1;
    for (int d = 0; d < dims; d++) {
      long n = in.i64("a dimension", name);
      if (n < 1 || elements > Long.MAX_VALUE / n) {
        throw in.error("tensor '" + name + "' has dimension " + n + "; dimensions must be positive and their "
            + "product must fit in 63 bits");
      }
      elements *= n;
      shape.add(n);
    }
    long typeId = in.u32("the type", name);
    GgmlType type;
    try {
      type = GgmlType.ofId((int) Math.min(typeId, Integer.MAX_VALUE));
    } catch (IllegalArgumentException e) {
      throw in.error("tensor '" + name + "' has unknown ggml type id " + typeId);
    }
    if (!type.fitsRow(shape.get(0))) {
      throw in.error(String.format(Locale.ROOT, "tensor '%s' has rows of %d elements, not whole %s blocks of %d",
          name, shape.get(0), type, type.blockElements()));
    }
    long offset = in.i64("the data offset", name);
    if (offset < 0 || offset % alignment != 0 || offset > in.size()) {
      throw in.error("tensor '" + name + "' has data offset " + offset + "; it must be a multiple of " + alignment
          + " inside the file (" + in.size() + " bytes)");
    }
    GgufTensor tensor = new GgufTensor(name, shape, type, offset);
    try {
      tensor.bytes();
    } catch (ArithmeticException e) {
      throw in.error("tensor '" + name + "' would take more than 2^63 bytes");
    }
    return tensor;
  }

  private static Object value(GgufInput in, int type, String key, int arrayLimit, int depth) {
    switch (type) {
      case 0: return (long) in.u8(key);
      case 1: return (long) (byte) in.u8(key);
      case 2: return (long) in.u16(key);
      case 3: return (long) (short) in.u16(key);
      case 4: return in.u32(key);
      case 5: return (long) in.i32(key);
      case 6: return (double) in.f32(key);
      case 7: {
        int b = in.u8(key);
        if (b > 1) {
          throw in.error("'" + key + "' is a bool but holds " + b);
        }
        return b == 1;
      }
      case 8: return in.string("the value", key, MAX_STRING);
      case 9: return array(in, key, arrayLimit, depth);
      case 10:
      case 11: return in.i64(key);
      case 12: return in.f64(key);
      default:
        throw in.error("'" + key + "' has unknown value type " + type + "; expected 0 to 12");
    }
  }

  private static GgufArray array(GgufInput in, String key, int arrayLimit, int depth) {
    if (depth >= 2) {
      throw in.error("'" + key + "' nests arrays more than 2 deep");
    }
    int type = (int) in.u32("the element type", key);
    if (type < 0 || type > 12) {
      throw in.error("'" + key + "' has unknown element type " + type + "; expected 0 to 12");
    }
    long length = in.i64("the length", key);
    if (length < 0 || length > in.remaining() / TYPE_SIZES[type]) {
      throw in.error(String.format(Locale.ROOT, "'%s' claims %d elements but the file has %d bytes left", key,
          length, in.remaining()));
    }
    if (length > arrayLimit) {
      if (type == 8) {
        for (long i = 0; i < length; i++) {
          in.skipString("an element", key);
        }
      } else if (type == 9) {
        for (long i = 0; i < length; i++) {
          array(in, key, 0, depth + 1);
        }
      } else {
        in.skip(length * TYPE_SIZES[type]);
      }
      return new GgufArray(TYPE_NAMES[type], length, List.of());
    }
    // The length is only claimed by the file: grow the list as elements are actually read.
    List<Object> values = new ArrayList<>((int) Math.min(length, 1024));
    if (type == 8) {
      for (long i = 0; i < length; i++) {
        values.add(in.string("the value", key, MAX_STRING));
      }
    } else {
      for (long i = 0; i < length; i++) {
        values.add(value(in, type, key, arrayLimit, depth + 1));
      }
    }
    return new GgufArray(TYPE_NAMES[type], length, values);
  }

  /**
   * The file (or first part) this was read from.
   *
   * @return the source name
   */
  public String source() {
    return source;
  }

  /**
   * The GGUF version, 2 or 3.
   *
   * @return the version
   */
  public int version() {
    return version;
  }

  /**
   * The alignment of tensor data, 32 unless {@code general.alignment} says otherwise.
   *
   * @return the alignment in bytes
   */
  public long alignment() {
    return alignment;
  }

  /**
   * Every metadata key with its value: {@code Long} for integers, {@code Double} for floats, {@code Boolean},
   * {@code String}, or {@link GgufArray}.
   *
   * @return the metadata, in file order, unmodifiable
   */
  public Map<String, Object> metadata() {
    return metadata;
  }

  /**
   * Every tensor, of every part.
   *
   * @return the tensors, in file order
   */
  public List<GgufTensor> tensors() {
    return tensors;
  }

  /**
   * Where the first part's tensor data starts.
   *
   * @return the byte offset of the tensor data
   */
  public long dataOffset() {
    return dataOffset;
  }

  /**
   * The file's size in bytes, all parts together.
   *
   * @return the size in bytes
   */
  public long fileSize() {
    return fileSize;
  }

  /**
   * The number of parts, 1 for a single file.
   *
   * @return the part count
   */
  public int parts() {
    return parts;
  }

  /**
   * {@code general.architecture}, if present.
   *
   * @return llama.cpp's architecture name, or empty when the key is missing
   */
  public Optional<String> architecture() {
    Object a = metadata.get("general.architecture");
    return a instanceof String ? Optional.of((String) a) : Optional.empty();
  }

  /**
   * The llama.cpp file type ({@code general.file_type}), if present and known.
   *
   * @return the quantization, or empty when the key is missing or its id unknown
   */
  public Optional<Quantization> quantization() {
    Object ft = metadata.get("general.file_type");
    if (!(ft instanceof Long)) {
      return Optional.empty();
    }
    for (Quantization q : Quantization.ggufValues()) {
      if (q.llamaFileTypeId().orElse(-1) == (Long) ft) {
        return Optional.of(q);
      }
    }
    return Optional.empty();
  }

  /**
   * The weights as llama.cpp loads them from this file: tensor data padded to the alignment, the part one token
   * reads (routed experts scaled by {@code expert_used_count / expert_count}, one row of untied token embeddings),
   * what llama.cpp's CPU backend would repack, and the file size. The blocks of the multi-token-prediction layers
   * ({@code <arch>.nextn_predict_layers}, the last ones) are in the file size only: llama.cpp skips them.
   *
   * @return the file's weights, for {@link dev.headroom.Estimator#fileWeights(FileWeights)}
   * @throws GgufFormatException when {@code <arch>.expert_used_count} is outside [0, expert count] or
   *     {@code <arch>.nextn_predict_layers} is not below the block count
   */
  public FileWeights weights() {
    long total = 0;
    long inactive = 0;
    long repack = 0;
    String arch = architecture().orElse("");
    long nextn = nextnLayers(arch);
    long trunk = number(arch + ".block_count", 0) - nextn;
    long experts = number(arch + ".expert_count", 0);
    long used = number(arch + ".expert_used_count", experts);
    if (experts > 1 && (used < 0 || used > experts)) {
      throw new GgufFormatException(source, 0, arch + ".expert_used_count is " + used + "; it must be in [0, "
          + experts + "], the expert count");
    }
    boolean untied = tensors.stream().anyMatch(t -> t.name().equals("output.weight"));
    for (GgufTensor t : tensors) {
      if (nextn > 0 && block(t.name()) >= trunk) {
        continue;
      }
      long bytes = t.bytes();
      total += (bytes + alignment - 1) / alignment * alignment;
      if (experts > 1 && t.name().contains("_exps.")) {
        inactive += bytes / experts * (experts - used);
      }
      if (untied && t.name().equals("token_embd.weight") && t.shape().size() >= 2) {
        inactive += bytes - bytes / t.shape().get(1);
      }
      if (isRepacked(t)) {
        repack += bytes;
      }
    }
    return new FileWeights(Bytes.ofBytes(total), Bytes.ofBytes(total - inactive), Bytes.ofBytes(repack),
        Bytes.ofBytes(fileSize));
  }

  /**
   * The multi-token-prediction layers after the trunk ({@code <arch>.nextn_predict_layers}; 0 when absent).
   *
   * @throws GgufFormatException when they are not fewer than {@code <arch>.block_count}
   */
  long nextnLayers(String arch) {
    long nextn = number(arch + ".nextn_predict_layers", 0);
    long blocks = number(arch + ".block_count", 0);
    if (nextn < 0 || nextn > 0 && nextn >= blocks) {
      throw new GgufFormatException(source, 0, arch + ".nextn_predict_layers is " + nextn + "; it must be below "
          + arch + ".block_count (" + blocks + ")");
    }
    return nextn;
  }

  /** The block of a {@code blk.<n>.} tensor, or -1 for a global one. */
  private static long block(String name) {
    if (!name.startsWith("blk.")) {
      return -1;
    }
    int end = name.indexOf('.', 4);
    try {
      return Long.parseLong(name.substring(4, end < 0 ? name.length() : end));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** llama.cpp's x86 CPU repack: Q4_0, Q4_K, IQ4_NL, MXFP4 matmul weights with a multiple of 8 rows. */
  private static boolean isRepacked(GgufTensor t) {
    GgmlType type = t.type();
    boolean repackable = type == GgmlType.Q4_0 || type == GgmlType.Q4_K || type == GgmlType.IQ4_NL
        || type == GgmlType.MXFP4;
    return repackable && t.shape().size() >= 2 && t.shape().get(1) % 8 == 0 && t.name().endsWith(".weight")
        && !t.name().startsWith("token_embd") && !t.name().endsWith("_norm.weight");
  }

  /**
   * The model the metadata describes: architecture keys ({@code <arch>.block_count}, {@code .embedding_length},
   * {@code .attention.head_count_kv}, {@code .expert_count}, {@code .attention.kv_lora_rank}, …), tied embeddings
   * when there is no {@code output.weight}. An architecture without a known tensor layout is marked approximate.
   *
   * @return the model
   * @throws GgufFormatException when a key the model needs is missing or out of range
   */
  public dev.headroom.ModelSpec toModelSpec() {
    try {
      return GgufModel.spec(this);
    } catch (GgufFormatException e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new GgufFormatException(source, 0, "its metadata does not describe a usable model: " + e.getMessage());
    }
  }

  long number(String key, long fallback) {
    Object v = metadata.get(key);
    if (v instanceof Long) {
      return (Long) v;
    }
    if (v instanceof GgufArray && !((GgufArray) v).values().isEmpty()
        && ((GgufArray) v).values().get(0) instanceof Long) {
      long max = 0;
      for (Object o : ((GgufArray) v).values()) {
        max = Math.max(max, (Long) o);
      }
      return max;
    }
    return fallback;
  }
}
