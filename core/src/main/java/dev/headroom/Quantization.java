package dev.headroom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a model's weights are stored: a llama.cpp GGUF file type such as {@link #Q4_K_M}, or a non-GGUF format
 * ({@link #FP8}, {@link #AWQ_INT4}, {@link #MLX_4BIT}, {@link #ofBitsPerWeight(double) any bits per weight}).
 *
 * <p>The constants are meant for static import: {@code Estimator.of(model).quant(Q4_K_M)}. Each knows
 *
 * <ul>
 *   <li>its <b>nominal bits per weight</b> ({@link #bitsPerWeight()}), the single figure the naive formula
 *       {@code parameters × bits ÷ 8} uses. Where the seed page lists a value it is the seed's (Q4_K_M 4.80);
 *       otherwise llama-quantize's own help text, or the storage type's exact block size; {@link
 *       #bitsPerWeightSource()} says which;
 *   <li>for GGUF file types, the <b>default ggml tensor type</b> ({@link #defaultTensorType()}) on which
 *       llama.cpp builds its per-tensor mix (Q4_K_M stores most tensors as {@link GgmlType#Q4_K} and some as
 *       {@link GgmlType#Q6_K}); the exact method sizes every tensor with that mix;
 *   <li>a <b>quality note</b> with its source.
 * </ul>
 *
 * <p>Non-GGUF formats store the linear layers at their bits per weight; embeddings, output head, norms and
 * biases stay at 16 bits, except MLX, which also quantizes the embeddings ({@link #quantizesEmbeddings()}).
 * Values are immutable and thread-safe.
 *
 * <pre>{@code
 * Quantization q = Quantization.parse("q4_k_m");      // Q4_K_M
 * double bits = q.bitsPerWeight();                     // 4.8
 * Quantization exl2 = Quantization.ofBitsPerWeight(4.65);
 * Quantization awq = Quantization.awq(4, 128);         // 4 + (16 + 4) / 128 bits per weight
 * }</pre>
 */
public final class Quantization {
  private static final String SEED = "seed page (shared/seed), quantization table";
  private static final String HELP = "llama.cpp tools/quantize/quantize.cpp @03161a4 help text";
  private static final String HELP_SIZE = HELP + ": %s G on Llama-3-8B (8,030,261,248 parameters) = %s bits per weight";
  private static final String BLOCK = "exact block size of ggml type %s (ggml src/ggml-common.h @d99724f)";

  private static final List<Quantization> NAMED = new ArrayList<>();

  /** 32-bit floats, unquantized. */
  public static final Quantization F32 = gguf(LlamaFileType.F32, 32, String.format(Locale.ROOT, BLOCK, "F32"),
      "Full 32-bit precision; twice the size of F16 for no quality gain at inference", HELP);
  /** 16-bit floats, the usual unquantized release. */
  public static final Quantization F16 = gguf(LlamaFileType.F16, 16, String.format(Locale.ROOT, BLOCK, "F16"),
      "Unquantized 16-bit; reference quality", HELP);
  /** bfloat16, the dtype most models are trained and released in. */
  public static final Quantization BF16 = gguf(LlamaFileType.BF16, 16, String.format(Locale.ROOT, BLOCK, "BF16"),
      "Unquantized bfloat16, as most models are released; reference quality", HELP);
  /** Legacy 4-bit, blocks of 32. */
  public static final Quantization Q4_0 = gguf(LlamaFileType.Q4_0, 4.64, help("4.34", "4.64"),
      "Legacy 4-bit; +0.4685 perplexity on Llama-3-8B, superseded by Q4_K_S/IQ4_NL", HELP);
  /** Legacy 4-bit with minimum. */
  public static final Quantization Q4_1 = gguf(LlamaFileType.Q4_1, 5.11, help("4.78", "5.11"),
      "Legacy 4-bit with offsets; +0.4511 perplexity on Llama-3-8B", HELP);
  /** Legacy 5-bit. */
  public static final Quantization Q5_0 = gguf(LlamaFileType.Q5_0, 5.57, help("5.21", "5.57"),
      "Legacy 5-bit; +0.1316 perplexity on Llama-3-8B", HELP);
  /** Legacy 5-bit with minimum. */
  public static final Quantization Q5_1 = gguf(LlamaFileType.Q5_1, 6.04, help("5.65", "6.04"),
      "Legacy 5-bit with offsets; +0.1062 perplexity on Llama-3-8B", HELP);
  /** 8-bit, near-lossless. */
  public static final Quantization Q8_0 = gguf(LlamaFileType.Q8_0, 8.0, SEED,
      "8-bit quantization, near-lossless", SEED);
  /** 2-bit k-quant mix. */
  public static final Quantization Q2_K = gguf(LlamaFileType.Q2_K, 3.4, SEED,
      "2-bit quantization with K-quant improvements", SEED);
  /** 2-bit k-quant, small. */
  public static final Quantization Q2_K_S = gguf(LlamaFileType.Q2_K_S, 3.17, help("2.96", "3.17"),
      "2-bit k-quant, small; +3.1836 perplexity on Llama-3-8B, needs an importance matrix", HELP);
  /** 3-bit k-quant, small. */
  public static final Quantization Q3_K_S = gguf(LlamaFileType.Q3_K_S, 3.65, help("3.41", "3.65"),
      "3-bit k-quant, small; +1.6321 perplexity on Llama-3-8B", HELP);
  /** 3-bit k-quant, medium. */
  public static final Quantization Q3_K_M = gguf(LlamaFileType.Q3_K_M, 3.9, SEED,
      "3-bit medium quantization", SEED);
  /** 3-bit k-quant, large. */
  public static final Quantization Q3_K_L = gguf(LlamaFileType.Q3_K_L, 4.31, help("4.03", "4.31"),
      "3-bit k-quant, large; +0.5562 perplexity on Llama-3-8B", HELP);
  /** 4-bit k-quant, small. */
  public static final Quantization Q4_K_S = gguf(LlamaFileType.Q4_K_S, 4.67, help("4.37", "4.67"),
      "4-bit k-quant, small; +0.2689 perplexity on Llama-3-8B", HELP);
  /** 4-bit k-quant, medium: the most popular choice. */
  public static final Quantization Q4_K_M = gguf(LlamaFileType.Q4_K_M, 4.8, SEED,
      "4-bit medium quantization — most popular sweet spot", SEED);
  /** 5-bit k-quant, small. */
  public static final Quantization Q5_K_S = gguf(LlamaFileType.Q5_K_S, 5.57, help("5.21", "5.57"),
      "5-bit k-quant, small; +0.1049 perplexity on Llama-3-8B", HELP);
  /** 5-bit k-quant, medium. */
  public static final Quantization Q5_K_M = gguf(LlamaFileType.Q5_K_M, 5.7, SEED,
      "5-bit medium quantization — good quality/size tradeoff", SEED);
  /** 6-bit k-quant. */
  public static final Quantization Q6_K = gguf(LlamaFileType.Q6_K, 6.6, SEED,
      "6-bit quantization, very good quality", SEED);
  /** Importance-matrix 1-bit, small. */
  public static final Quantization IQ1_S = gguf(LlamaFileType.IQ1_S, 1.56, HELP,
      "Importance-weighted 1-bit; barely usable, needs an importance matrix", HELP);
  /** Importance-matrix 1-bit, medium. */
  public static final Quantization IQ1_M = gguf(LlamaFileType.IQ1_M, 1.75, HELP,
      "Importance-weighted 1-bit, medium; needs an importance matrix", HELP);
  /** Importance-matrix 2-bit, extra-extra-small. */
  public static final Quantization IQ2_XXS = gguf(LlamaFileType.IQ2_XXS, 2.2, SEED,
      "Importance-weighted 2-bit, extreme compression — significant quality loss", SEED);
  /** Importance-matrix 2-bit, extra-small. */
  public static final Quantization IQ2_XS = gguf(LlamaFileType.IQ2_XS, 2.31, HELP,
      "Importance-weighted 2-bit, extra small; needs an importance matrix", HELP);
  /** Importance-matrix 2-bit, small. */
  public static final Quantization IQ2_S = gguf(LlamaFileType.IQ2_S, 2.5, HELP,
      "Importance-weighted 2-bit, small; needs an importance matrix", HELP);
  /** Importance-matrix 2-bit, medium. */
  public static final Quantization IQ2_M = gguf(LlamaFileType.IQ2_M, 2.7, SEED,
      "Importance-weighted 2-bit, medium", SEED);
  /** Importance-matrix 3-bit, extra-extra-small. */
  public static final Quantization IQ3_XXS = gguf(LlamaFileType.IQ3_XXS, 3.1, SEED,
      "Importance-weighted 3-bit", SEED);
  /** Importance-matrix 3-bit, extra-small. */
  public static final Quantization IQ3_XS = gguf(LlamaFileType.IQ3_XS, 3.3, HELP,
      "Importance-weighted 3-bit, extra small", HELP);
  /** Importance-matrix 3-bit, small. */
  public static final Quantization IQ3_S = gguf(LlamaFileType.IQ3_S, 3.44, HELP,
      "Importance-weighted 3-bit, small", HELP);
  /** Importance-matrix 3-bit mix, medium. */
  public static final Quantization IQ3_M = gguf(LlamaFileType.IQ3_M, 3.66, HELP,
      "Importance-weighted 3-bit mix, medium", HELP);
  /** Non-linear 4-bit, blocks of 32. */
  public static final Quantization IQ4_NL = gguf(LlamaFileType.IQ4_NL, 4.5, HELP,
      "Non-linear 4-bit with blocks of 32", HELP);
  /** Non-linear 4-bit, super-blocks of 256. */
  public static final Quantization IQ4_XS = gguf(LlamaFileType.IQ4_XS, 4.3, SEED,
      "Importance-weighted 4-bit, compact", SEED);
  /** Ternary 1.69-bit (for ternary-trained models such as BitNet). */
  public static final Quantization TQ1_0 = gguf(LlamaFileType.TQ1_0, 1.69, HELP,
      "Ternary 1.69-bit; only for models trained ternary (BitNet b1.58)", HELP);
  /** Ternary 2.06-bit. */
  public static final Quantization TQ2_0 = gguf(LlamaFileType.TQ2_0, 2.06, HELP,
      "Ternary 2.06-bit; only for models trained ternary (BitNet b1.58)", HELP);
  /** MXFP4 experts with Q8_0 elsewhere, as gpt-oss is released. */
  public static final Quantization MXFP4_MOE = gguf(LlamaFileType.MXFP4_MOE, 4.25,
      String.format(Locale.ROOT, BLOCK, "MXFP4"),
      "MXFP4 for MoE experts, Q8_0 for the rest: the format gpt-oss was trained for", HELP);

  /** FP8 (E4M3) weights, as served by vLLM, SGLang and TensorRT-LLM on Hopper and newer. */
  public static final Quantization FP8 = other("FP8", 8, "one byte per weight (E4M3); per-tensor scales",
      "8-bit float weights; near-lossless, needs FP8 tensor cores for full speed",
      "NVIDIA Transformer Engine FP8 formats (E4M3)", false);
  /** INT8 weights (LLM.int8, W8A8 SmoothQuant). */
  public static final Quantization INT8 = other("INT8", 8, "one byte per weight; per-channel scales",
      "8-bit integer weights; near-lossless", "bitsandbytes LLM.int8 / SmoothQuant W8A8", false);
  /** AWQ 4-bit with groups of 128. */
  public static final Quantization AWQ_INT4 = register(awq(4, 128));
  /** GPTQ 4-bit with groups of 128. */
  public static final Quantization GPTQ_INT4 = register(gptq(4, 128));
  /** bitsandbytes NF4 (QLoRA) with double quantization. */
  public static final Quantization NF4 = other("NF4", 4.127,
      "4 bits + one 8-bit absmax per 64 weights + one fp32 per 256 absmax blocks (double quantization)",
      "4-bit NormalFloat (QLoRA); good quality, slow kernels", "bitsandbytes NF4, Dettmers et al. 2023", false);
  /** MLX 4-bit (groups of 64 with fp16 scale and bias). */
  public static final Quantization MLX_4BIT = other("MLX-4bit", 4.5,
      "4 bits + fp16 scale and fp16 bias per group of 64", "MLX 4-bit affine quantization (mlx-lm default)",
      "mlx.nn.quantize, group size 64", true);
  /** MLX 8-bit (groups of 64 with fp16 scale and bias). */
  public static final Quantization MLX_8BIT = other("MLX-8bit", 8.5,
      "8 bits + fp16 scale and fp16 bias per group of 64", "MLX 8-bit affine quantization; near-lossless",
      "mlx.nn.quantize, group size 64", true);
  /** OCP microscaling FP4 (blocks of 32 with an E8M0 scale), as gpt-oss checkpoints ship. */
  public static final Quantization MXFP4 = other("MXFP4", 4.25, "4 bits + one 8-bit E8M0 scale per 32 weights",
      "Microscaling FP4 (OCP MX); gpt-oss is trained for it", "OCP Microscaling Formats (MX) v1.0", false);
  /** NVIDIA NVFP4 (blocks of 16 with an FP8 scale). */
  public static final Quantization NVFP4 = other("NVFP4", 4.5, "4 bits + one FP8 (E4M3) scale per 16 weights",
      "NVIDIA FP4 for Blackwell tensor cores", "NVIDIA Blackwell NVFP4 format", false);

  private static final Pattern BPW = Pattern.compile("(?i)(?:exl2[-_ ]?)?(\\d+(?:\\.\\d+)?)\\s*bpw");
  private static final Pattern GROUPWISE = Pattern.compile("(?i)(awq|gptq)[-_ ]?(\\d{1,9})[-_ ]?bit[-_ ]?g(\\d{1,9})");

  private final String name;
  private final @Nullable LlamaFileType fileType;
  private final double bitsPerWeight;
  private final String bitsPerWeightSource;
  private final String quality;
  private final String qualitySource;
  private final boolean quantizesEmbeddings;

  private Quantization(String name, @Nullable LlamaFileType fileType, double bitsPerWeight,
      String bitsPerWeightSource, String quality, String qualitySource, boolean quantizesEmbeddings) {
    this.name = name;
    this.fileType = fileType;
    this.bitsPerWeight = bitsPerWeight;
    this.bitsPerWeightSource = bitsPerWeightSource;
    this.quality = quality;
    this.qualitySource = qualitySource;
    this.quantizesEmbeddings = quantizesEmbeddings;
  }

  private static Quantization gguf(LlamaFileType type, double bits, String bitsSource, String quality,
      String qualitySource) {
    return register(new Quantization(type.name(), type, bits, bitsSource, quality, qualitySource, true));
  }

  private static Quantization other(String name, double bits, String bitsSource, String quality,
      String qualitySource, boolean quantizesEmbeddings) {
    return register(new Quantization(name, null, bits, bitsSource, quality, qualitySource, quantizesEmbeddings));
  }

  private static Quantization register(Quantization q) {
    NAMED.add(q);
    return q;
  }

  private static String help(String gib, String bits) {
    return String.format(Locale.ROOT, HELP_SIZE, gib, bits);
  }

  /**
   * Any format by its average bits per weight, for example EXL2 at 4.65. Linear layers are stored at {@code bits};
   * embeddings, output head, norms and biases at 16 bits.
   *
   * @param bits bits per weight, in (0, 32]
   * @return the quantization, named {@code "<bits>bpw"}
   * @throws IllegalArgumentException if {@code bits} is NaN, infinite or out of range
   */
  public static Quantization ofBitsPerWeight(double bits) {
    Checks.requireInRange(bits, 0, false, 32, "bits", "bits per weight");
    return new Quantization(Checks.plain(bits) + "bpw", null, bits, "given",
        "Average of " + Checks.plain(bits) + " bits per weight (for example EXL2)", "given", false);
  }

  /**
   * AWQ group quantization: {@code bits} per weight plus an fp16 scale and a {@code bits}-bit zero point per group,
   * so {@code bits + (16 + bits) / groupSize} bits per weight.
   *
   * @param bits 2 to 8
   * @param groupSize 16 to 4096 weights per group
   * @return the AWQ quantization
   */
  public static Quantization awq(int bits, int groupSize) {
    return groupwise("AWQ", bits, groupSize, "Activation-aware 4-bit weight quantization (AWQ), Lin et al. 2023");
  }

  /**
   * GPTQ group quantization: {@code bits} per weight plus an fp16 scale and a {@code bits}-bit zero point per
   * group, so {@code bits + (16 + bits) / groupSize} bits per weight.
   *
   * @param bits 2 to 8
   * @param groupSize 16 to 4096 weights per group
   * @return the GPTQ quantization
   */
  public static Quantization gptq(int bits, int groupSize) {
    return groupwise("GPTQ", bits, groupSize, "GPTQ post-training quantization, Frantar et al. 2022");
  }

  private static Quantization groupwise(String method, int bits, int groupSize, String source) {
    Checks.requireInRange(bits, 2, 8, "bits", "");
    Checks.requireInRange(groupSize, 16, 4096, "groupSize", "weights");
    double bpw = bits + (16.0 + bits) / groupSize;
    return new Quantization(String.format(Locale.ROOT, "%s-%dbit-g%d", method, bits, groupSize), null, bpw,
        String.format(Locale.ROOT, "%d bits + fp16 scale + %d-bit zero point per %d weights", bits, bits, groupSize),
        String.format(Locale.ROOT, "%s %d-bit, group size %d", method, bits, groupSize), source, false);
  }

  /**
   * Every named quantization: each llama.cpp file type, then the non-GGUF formats.
   *
   * @return the named quantizations, unmodifiable
   */
  public static List<Quantization> values() {
    return Collections.unmodifiableList(NAMED);
  }

  /**
   * The llama.cpp file types only, in llama-quantize's order.
   *
   * @return the GGUF file types, unmodifiable
   */
  public static List<Quantization> ggufValues() {
    List<Quantization> gguf = new ArrayList<>();
    for (Quantization q : NAMED) {
      if (q.isGguf()) {
        gguf.add(q);
      }
    }
    return Collections.unmodifiableList(gguf);
  }

  /**
   * Reads a quantization name, ignoring case: a constant's name ({@code "Q4_K_M"}, {@code "fp8"},
   * {@code "MLX-4bit"}), llama-quantize's aliases {@code Q3_K}, {@code Q4_K}, {@code Q5_K} (the medium mixes),
   * {@code "<bits>bpw"} (also {@code "EXL2-4.65bpw"}), or {@code "AWQ-4bit-g128"} / {@code "GPTQ-4bit-g64"}.
   *
   * @param name the name, not null
   * @return the quantization
   * @throws IllegalArgumentException listing the accepted names if none matches
   */
  public static Quantization parse(String name) {
    Checks.requireNonNull(name, "name");
    String key = name.strip().replace('-', '_');
    for (Quantization q : NAMED) {
      if (q.name.replace('-', '_').equalsIgnoreCase(key)) {
        return q;
      }
    }
    switch (key.toUpperCase(Locale.ROOT)) {
      case "Q3_K": return Q3_K_M;
      case "Q4_K": return Q4_K_M;
      case "Q5_K": return Q5_K_M;
      case "FP16": return F16;
      case "FP32": return F32;
      default: break;
    }
    Matcher bpw = BPW.matcher(name.strip());
    if (bpw.matches()) {
      return ofBitsPerWeight(Double.parseDouble(bpw.group(1)));
    }
    Matcher group = GROUPWISE.matcher(name.strip());
    if (group.matches()) {
      int bits = Integer.parseInt(group.group(2));
      int size = Integer.parseInt(group.group(3));
      return group.group(1).equalsIgnoreCase("awq") ? awq(bits, size) : gptq(bits, size);
    }
    StringBuilder names = new StringBuilder();
    for (Quantization q : NAMED) {
      names.append(names.length() == 0 ? "" : ", ").append(q.name);
    }
    throw new IllegalArgumentException("'" + name + "' is not a known quantization; expected one of " + names
        + ", <bits>bpw, AWQ-<bits>bit-g<group> or GPTQ-<bits>bit-g<group>");
  }

  /**
   * The name, for example {@code "Q4_K_M"}, {@code "FP8"}, {@code "4.65bpw"}.
   *
   * @return the name, as {@link #parse(String)} reads it
   */
  public String name() {
    return name;
  }

  /**
   * Nominal bits per weight, the figure the naive {@code parameters × bits ÷ 8} formula uses.
   *
   * @return the nominal bits per weight
   */
  public double bitsPerWeight() {
    return bitsPerWeight;
  }

  /**
   * Where {@link #bitsPerWeight()} comes from.
   *
   * @return the source of the bits per weight
   */
  public String bitsPerWeightSource() {
    return bitsPerWeightSource;
  }

  /**
   * A short description of the quality trade-off.
   *
   * @return the quality description
   */
  public String quality() {
    return quality;
  }

  /**
   * Where {@link #quality()} comes from.
   *
   * @return the source of the quality description
   */
  public String qualitySource() {
    return qualitySource;
  }

  /**
   * Whether this is a llama.cpp GGUF file type.
   *
   * @return true for the GGUF file types, false for other formats
   */
  public boolean isGguf() {
    return fileType != null;
  }

  /**
   * The ggml tensor type most tensors of a GGUF file of this type use; empty for non-GGUF formats.
   *
   * @return the main tensor type, or empty for a non-GGUF format
   */
  public Optional<GgmlType> defaultTensorType() {
    return fileType == null ? Optional.empty() : Optional.of(fileType.defaultType);
  }

  /**
   * llama.cpp's {@code llama_ftype} id (written as {@code general.file_type}); empty for non-GGUF formats.
   *
   * @return the file type id, or empty for a non-GGUF format
   */
  public OptionalInt llamaFileTypeId() {
    return fileType == null ? OptionalInt.empty() : OptionalInt.of(fileType.id);
  }

  /**
   * Whether a non-GGUF format also quantizes the token embeddings and output head (MLX does).
   *
   * @return true if the embeddings and output head are quantized too
   */
  public boolean quantizesEmbeddings() {
    return quantizesEmbeddings;
  }

  @Nullable LlamaFileType fileType() {
    return fileType;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Quantization && ((Quantization) o).name.equals(name)
        && Double.compare(((Quantization) o).bitsPerWeight, bitsPerWeight) == 0;
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** The name, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return name;
  }
}
